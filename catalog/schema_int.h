/* Internals shared by catalog/schema*.c and catalog/sequence.c. */
#ifndef LG_SCHEMA_INT_H
#define LG_SCHEMA_INT_H

#include "catalog/schema.h"
#include "common/arena.h"

#include <sqlite3.h>

typedef struct cache_entry cache_entry_t;

struct lg_cat {
	sqlite3 *db;
	lg_arena_t arena; /* every cached table; reset by invalidate */
	cache_entry_t *entries; /* loaded tables, by (slot, name) */
	const lg_cat_table_t **all; /* lg_cat_tables, NULL until listed */
	int nall;
	struct lg_cat_seq_session *seqs; /* catalog/sequence.h, may be NULL */
};

/* A lookup slot beside the OID slots of schema.h: the attached schema
 * pg_catalog (catalog/pg_catalog.h), whose tables carry PostgreSQL's OIDs. */
#define LG_CAT_SLOT_PG_CATALOG 4

/* "main", "temp" or "pg_catalog": the SQLite schema of a slot. */
const char *lg_cat_slot_db(int slot);

/* Loads table `name` from SQLite schema slot LG_CAT_SLOT_MAIN/TEMP/PG_CATALOG into
 * the catalog's arena. *out NULL when there is no such table. */
int lg_cat_load_table(lg_cat_t *cat, int slot, const char *name, const lg_cat_table_t **out,
		      lg_error_t *err);

/* true if `name` is internal (_lg_*, sqlite_*) and hidden from clients. */
bool lg_cat_internal_name(const char *name);

/* 1 if table `name` exists in SQLite database `db` ("main"/"temp"). */
int lg_cat_sqlite_has_table(sqlite3 *db, const char *dbname, const char *name, lg_error_t *err);

/* Sets err from the connection's last SQLite error (XX000 unless OOM). */
int lg_cat_sqlite_error(sqlite3 *db, lg_error_t *err);

#endif
