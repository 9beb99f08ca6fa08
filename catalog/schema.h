/* A session's view of the tables in its SQLite connection: columns with their
 * PostgreSQL types (read back from SQLite's declared types), primary key,
 * unique indexes, foreign keys and CHECK constraints, so the translator can
 * expand `*`, type expressions and name constraints the way PostgreSQL does.
 *
 * Where PostgreSQL's names live: SQLite's own schema is the source of truth.
 * rewrite/ddl.c writes every constraint with its PostgreSQL name into the
 * CREATE TABLE text (`CONSTRAINT "t_pkey" PRIMARY KEY ("id")`,
 * `CONSTRAINT "t_email_key" UNIQUE ("email")`, `CONSTRAINT "t_a_fkey"
 * FOREIGN KEY ...`, `CONSTRAINT "t_a_check" CHECK (...)`), and this module
 * reads the names back by tokenizing sqlite_schema.sql. SQLite keeps that
 * text through ALTER TABLE RENAME and any rebuild that reuses it. Tables
 * made by other SQLite tools get PostgreSQL's default names.
 *
 * OIDs: an object's OID is LG_CAT_OID_FIRST + (slot << 24) + rowid, where
 * rowid is the object's rowid in its catalog table and slot is
 *   0  main.sqlite_schema        tables, views, indexes of schema public
 *   1  temp.sqlite_temp_schema   temporary tables and their indexes
 *   2  main._lg_sequence         sequences (see catalog/sequence.h)
 *   3  temp._lg_sequence         temporary sequences
 * Stable while the object exists and distinct across objects (SQLite's
 * VACUUM may renumber sqlite_schema rowids: OIDs can change across VACUUM).
 * pg_catalog must use the same rule (lg_cat_oid).
 *
 * Memory: tables returned are owned by the lg_cat_t and stay valid until the
 * next lg_cat_invalidate or lg_cat_free (connection lifetime). */
#ifndef LG_SCHEMA_H
#define LG_SCHEMA_H

#include "common/lg.h"

typedef struct sqlite3 sqlite3;
typedef struct lg_cat lg_cat_t;

#define LG_CAT_OID_FIRST 16384u /* PostgreSQL's FirstNormalObjectId */
enum lg_cat_oid_slot {
	LG_CAT_SLOT_MAIN = 0,
	LG_CAT_SLOT_TEMP = 1,
	LG_CAT_SLOT_SEQ = 2,
	LG_CAT_SLOT_TEMP_SEQ = 3,
};
#define lg_cat_oid(slot, rowid)                                                                    \
	((lg_oid_t)(LG_CAT_OID_FIRST + ((uint32_t)(slot) << 24) + (uint32_t)(rowid)))

/* PostgreSQL's NAMEDATALEN - 1: longest identifier. */
#define LG_CAT_NAME_MAX 63

typedef struct lg_cat_column {
	const char *name;
	lg_oid_t type;
	int32_t typmod;
	int16_t attnum; /* 1-based, as pg_attribute.attnum */
	bool notnull;
	bool has_default;
	int pk_index; /* 1-based position in the primary key, 0 if not */
	/* SQLite expression text of the column default (as PRAGMA table_xinfo's
	 * dflt_value shows it, e.g. "nextval('t_id_seq')", "'abc'", "0"), or
	 * NULL. Usable inside INSERT ... VALUES for the DEFAULT keyword (wrap it
	 * in parentheses when it is part of a larger expression). */
	const char *default_sql;
	/* pg_attribute.attidentity: 'a' GENERATED ALWAYS AS IDENTITY, 'd' BY
	 * DEFAULT, '\0' not an identity column. An identity column's default_sql
	 * is its nextval(...) call. */
	char identity;
} lg_cat_column_t;

/* An index key as CREATE INDEX wrote it. */
typedef struct lg_cat_index_key {
	const char *sql; /* SQLite text (bare column names), no ASC/DESC/COLLATE */
	const char *pg; /* an expression's PostgreSQL spelling ("lower(email)"), or NULL */
	lg_oid_t type; /* an expression's PostgreSQL type, 0 when unknown */
} lg_cat_index_key_t;

typedef struct lg_cat_index {
	const char *name; /* PostgreSQL's name: t_pkey, t_email_key, or the index name */
	const char *sqlite_name; /* SQLite's name (sqlite_autoindex_t_1 for constraints) */
	lg_oid_t oid;
	bool unique;
	bool primary;
	bool constraint; /* made by PRIMARY KEY / UNIQUE (has a pg_constraint row) */
	bool partial; /* CREATE INDEX ... WHERE */
	int ncols;
	const int16_t *attnums; /* columns, 1-based; 0 for an expression */
	/* ncols keys when any key is an expression (attnums[k] == 0), else NULL. */
	const lg_cat_index_key_t *keys;
} lg_cat_index_t;

/* Foreign key actions, as pg_constraint.confupdtype/confdeltype. */
#define LG_FK_NO_ACTION 'a'
#define LG_FK_RESTRICT 'r'
/* How a CREATE TABLE text spells RESTRICT: SQLite's NO ACTION, marked. */
#define LG_FK_RESTRICT_SQL "NO ACTION /*lg:RESTRICT*/"
#define LG_FK_CASCADE 'c'
#define LG_FK_SET_NULL 'n'
#define LG_FK_SET_DEFAULT 'd'

typedef struct lg_cat_fkey {
	const char *name; /* t_col_fkey unless named */
	const char *ref_table;
	int ncols;
	const int16_t *attnums; /* referencing columns */
	const char *const *ref_cols; /* referenced column names */
	char on_update; /* LG_FK_* */
	char on_delete;
	bool deferrable;
	bool deferred; /* INITIALLY DEFERRED */
} lg_cat_fkey_t;

typedef struct lg_cat_check {
	const char *name; /* t_col_check / t_check unless named */
	const char *expr_sql; /* SQLite expression text inside CHECK ( ) */
} lg_cat_check_t;

typedef struct lg_cat_table {
	const char *schema; /* "public" for SQLite's main, "pg_temp" for temp */
	const char *name;
	lg_oid_t oid; /* lg_cat_oid(slot, sqlite_schema rowid) */
	char relkind; /* 'r' table, 'v' view */
	bool temp;
	const char *sql; /* the CREATE statement as stored in sqlite_schema */
	int ncols;
	const lg_cat_column_t *cols;
	int nindexes;
	const lg_cat_index_t *indexes; /* the primary key first, if any */
	int nfkeys;
	const lg_cat_fkey_t *fkeys; /* in declaration order */
	int nchecks;
	const lg_cat_check_t *checks; /* in declaration order */
} lg_cat_table_t;

lg_cat_t *lg_cat_new(sqlite3 *db);
void lg_cat_free(lg_cat_t *cat);
/* The connection the catalog reads (for catalog/ internals). */
sqlite3 *lg_cat_db(lg_cat_t *cat);
/* Forgets every cached table (after DDL, or a schema change elsewhere). */
void lg_cat_invalidate(lg_cat_t *cat);
/* The table `name` in `schema` (NULL: the search path, i.e. pg_temp, public,
 * then pg_catalog, the order SQLite resolves unqualified names in; "public":
 * main; "pg_temp": temp; "pg_catalog": the catalogs of catalog/pg_catalog.h,
 * with schema "pg_catalog" and PostgreSQL's OIDs; any other schema: not
 * found). Internal tables (_lg_*, sqlite_*) are never found.
 * Returns NULL without error when there is no such table; NULL with err set
 * on failure (out of memory, SQLite error). */
const lg_cat_table_t *lg_cat_table(lg_cat_t *cat, const char *schema, const char *name,
				   lg_error_t *err);
/* The column named `name` or NULL. */
const lg_cat_column_t *lg_cat_column(const lg_cat_table_t *t, const char *name);

/* Every user table and view (temp first, then main; never pg_catalog's).
 * *out points into the catalog (valid until invalidate). Returns 0 or -1
 * with err set. */
int lg_cat_tables(lg_cat_t *cat, const lg_cat_table_t *const **out, int *n, lg_error_t *err);

/* What a name in pg_class's namespace denotes for `schema` (NULL = search
 * path): 'r' table, 'v' view, 'i' index (by PostgreSQL name, constraint
 * indexes included), 'S' sequence, or 0 when unused. -1 on error. */
int lg_cat_relkind(lg_cat_t *cat, const char *schema, const char *name, lg_error_t *err);
/* 1 if some constraint (any table of the schema) is named `name`, 0 if not,
 * -1 on error: for PostgreSQL's ChooseConstraintName. */
int lg_cat_constraint_exists(lg_cat_t *cat, const char *schema, const char *name, lg_error_t *err);
/* The index whose PostgreSQL name is `name` and its table, or NULL. */
const lg_cat_index_t *lg_cat_index(lg_cat_t *cat, const char *schema, const char *name,
				   const lg_cat_table_t **table, lg_error_t *err);

/* Editing a table's stored CREATE TABLE text (for changes SQLite can make
 * by rewriting sqlite_schema: dropping a foreign key, CHECK or DEFAULT).
 * `sql` is t->sql or the result of an earlier edit of it. Each appends the
 * new text to `out` and returns 1, or 0 when the clause is not in the text,
 * or -1 with err set (out of memory). */
int lg_cat_sql_drop_fkey(const lg_cat_table_t *t, const char *sql, const lg_cat_fkey_t *fk,
			 lg_sb_t *out, lg_error_t *err);
int lg_cat_sql_drop_default(const char *sql, const char *column, lg_sb_t *out, lg_error_t *err);

/* PostgreSQL's makeObjectName: "name1[_name2][_label]" cut to 63 bytes by
 * shortening the longer of name1/name2 first (never splitting a UTF-8
 * character). `out` has room for LG_CAT_NAME_MAX + 1 bytes. */
void lg_cat_object_name(char *out, const char *name1, const char *name2, const char *label);
/* PostgreSQL's ChooseIndexNameAddition: names joined by '_', stopping once
 * 63 bytes are reached. `out` has room for 2 * (LG_CAT_NAME_MAX + 1). */
void lg_cat_name_addition(char *out, const char *const *names, int n);

#endif
