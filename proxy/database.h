/* The databases of this server. A PostgreSQL database is a directory holding
 * SQLite files (schema public = public.db). With --data-dir the directories
 * live there; with --memory they live in a private directory on tmpfs that
 * is removed at exit, so both modes share one code path and WAL semantics
 * (readers never wait for writers).
 *
 * Memory: the registry and its databases are process lifetime; a dropped
 * database is freed when its last session leaves. */
#ifndef LG_DATABASE_H
#define LG_DATABASE_H

#include "common/lg.h"

typedef struct sqlite3 sqlite3;

typedef struct lg_db {
	char *name;
	char *dir;
	uint32_t id;          /* unique for the process, part of the schema key */
	uint64_t generation;  /* bumped by every DDL: stale translations miss */
	int nsessions;
	bool dropped;
	struct lg_db *next;
} lg_db_t;

typedef struct lg_dbs {
	char *root;      /* directory holding one subdirectory per database */
	bool temporary;  /* --memory: root is removed at exit */
	lg_db_t *list;
	uint32_t next_id;
} lg_dbs_t;

/* Opens the registry at `data_dir`, or a fresh temporary one when NULL.
 * Creates the "postgres" database if missing. */
int lg_dbs_open(lg_dbs_t *dbs, const char *data_dir, lg_error_t *err);
void lg_dbs_close(lg_dbs_t *dbs);

/* NULL if there is no such database. */
lg_db_t *lg_db_find(lg_dbs_t *dbs, const char *name);
/* CREATE DATABASE name [TEMPLATE template]: 42P04 if it exists, 3D000 if the
 * template does not, 55006 if the template has sessions. */
int lg_db_create(lg_dbs_t *dbs, const char *name, const char *template_name, lg_error_t *err);
/* DROP DATABASE: 3D000 unless missing_ok, 55006 while sessions use it. */
int lg_db_drop(lg_dbs_t *dbs, const char *name, bool missing_ok, lg_error_t *err);

/* A session joins/leaves a database (counts users; frees dropped ones). */
void lg_db_attach(lg_db_t *db);
void lg_db_detach(lg_dbs_t *dbs, lg_db_t *db);

/* Opens a new SQLite connection on the database, configured for litegres
 * (WAL, foreign keys, no busy handler: the caller parks on SQLITE_BUSY). */
int lg_db_connect(lg_dbs_t *dbs, lg_db_t *db, sqlite3 **out, lg_error_t *err);

/* Identifies the database and its schema generation for the translation cache. */
static inline uint64_t lg_db_schema_key(const lg_db_t *db)
{
	return ((uint64_t)db->id << 40) ^ db->generation;
}

#endif
