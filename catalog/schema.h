/* A session's view of the tables in its SQLite connection: columns with their
 * PostgreSQL types (read back from SQLite's declared types), primary key,
 * unique indexes and foreign keys, so the translator can expand `*`, type
 * expressions and name constraints the way PostgreSQL does.
 *
 * Memory: tables returned are owned by the lg_cat_t and stay valid until the
 * next lg_cat_invalidate or lg_cat_free (connection lifetime). */
#ifndef LG_SCHEMA_H
#define LG_SCHEMA_H

#include "common/lg.h"

typedef struct sqlite3 sqlite3;
typedef struct lg_cat lg_cat_t;

typedef struct lg_cat_column {
	const char *name;
	lg_oid_t type;
	int32_t typmod;
	int16_t attnum;   /* 1-based, as pg_attribute.attnum */
	bool notnull;
	bool has_default;
	int pk_index;     /* 1-based position in the primary key, 0 if not */
	/* SQLite expression text of the column default (as PRAGMA table_xinfo's
	 * dflt_value shows it, e.g. "nextval('t_id_seq')", "'abc'", "0"), or
	 * NULL. Usable verbatim inside INSERT ... VALUES for the DEFAULT keyword. */
	const char *default_sql;
	/* pg_attribute.attidentity: 'a' GENERATED ALWAYS AS IDENTITY, 'd' BY
	 * DEFAULT, '\0' not an identity column. An identity column's default_sql
	 * is its nextval(...) call. */
	char identity;
} lg_cat_column_t;

typedef struct lg_cat_index {
	const char *name; /* PostgreSQL's name: t_pkey, t_email_key, or the index name */
	bool unique;
	bool primary;
	int ncols;
	const int16_t *attnums; /* columns, 1-based; 0 for an expression */
} lg_cat_index_t;

typedef struct lg_cat_fkey {
	const char *name;       /* t_col_fkey unless named */
	const char *ref_table;
	int ncols;
	const int16_t *attnums;       /* referencing columns */
	const char *const *ref_cols;  /* referenced column names */
} lg_cat_fkey_t;

typedef struct lg_cat_table {
	const char *schema; /* "public" for SQLite's main */
	const char *name;
	lg_oid_t oid;       /* stable while the table exists */
	int ncols;
	const lg_cat_column_t *cols;
	int nindexes;
	const lg_cat_index_t *indexes;
	int nfkeys;
	const lg_cat_fkey_t *fkeys;
} lg_cat_table_t;

lg_cat_t *lg_cat_new(sqlite3 *db);
void lg_cat_free(lg_cat_t *cat);
/* Forgets every cached table (after DDL, or a schema change elsewhere). */
void lg_cat_invalidate(lg_cat_t *cat);
/* The table `name` in `schema` (NULL: the search path, i.e. public).
 * Returns NULL without error when there is no such table; NULL with err set
 * on failure (out of memory, SQLite error). */
const lg_cat_table_t *lg_cat_table(lg_cat_t *cat, const char *schema, const char *name,
				   lg_error_t *err);
/* The column named `name` or NULL. */
const lg_cat_column_t *lg_cat_column(const lg_cat_table_t *t, const char *name);

#endif
