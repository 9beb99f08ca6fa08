/* Schema pg_catalog: PostgreSQL's system catalogs as SQLite tables, so the
 * translator resolves them like any table (typed columns from their declared
 * types) and joins, filters and aggregates over them run in SQLite.
 *
 * Every connection attaches an in-memory database as SQLite schema
 * "pg_catalog" (lg_cat_register_pg_catalog) holding pg_type, pg_namespace
 * and pg_range with PostgreSQL 15's columns (same names, order and types),
 * filled from litegres's own type catalog (catalog/types.def): only types
 * litegres can encode and decode have rows. Their table OIDs are
 * PostgreSQL's (pg_type 1247, ...), not lg_cat_oid's.
 *
 * The tables are built once per process and each connection attaches its
 * own copy (~40 us at connection open, plus ~70 us for SQLite to read the
 * attached schema on the connection's first statement). A write to them
 * changes only that session's copy; nothing reads them back.
 *
 * Where this differs from PostgreSQL (types litegres does not have):
 *   regproc columns hold the function's name as text ("int4in", "-" for
 *   none), which is exactly what PostgreSQL prints, but they are not OIDs;
 *   pg_node_tree columns are text and aclitem[] columns text[] (all NULL). */
#ifndef LG_PG_CATALOG_H
#define LG_PG_CATALOG_H

#include "common/lg.h"

typedef struct sqlite3 sqlite3;

/* The SQLite schema name the catalog tables live in. */
#define LG_CAT_PG_CATALOG "pg_catalog"

/* pg_namespace OIDs: PostgreSQL's fixed ones, and information_schema's
 * as a fresh PostgreSQL 15 initdb assigns it. */
#define LG_NSP_PG_CATALOG 11u
#define LG_NSP_PG_TOAST 99u
#define LG_NSP_PUBLIC 2200u
#define LG_NSP_INFORMATION_SCHEMA 13207u

/* Attaches schema pg_catalog to a new connection and fills its tables.
 * Call once per connection, outside any transaction. 0, or -1 with err. */
int lg_cat_register_pg_catalog(sqlite3 *db, lg_error_t *err);

/* PostgreSQL's OID of the pg_catalog table `name` ("pg_type" -> 1247), or
 * 0 when litegres has no such catalog table. */
lg_oid_t lg_cat_pg_catalog_oid(const char *name);

#endif
