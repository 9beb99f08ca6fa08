/* Reads the constraints back out of a CREATE TABLE text stored in SQLite's
 * sqlite_schema: their names (PostgreSQL's, as rewrite/ddl.c wrote them),
 * columns, CHECK expressions and deferrability, which SQLite's PRAGMAs do
 * not report. A small tokenizer of SQLite's own syntax, not a pattern match:
 * quoting, comments and nested parentheses are handled; anything it does not
 * understand is skipped, never an error. Internal to catalog/. */
#ifndef LG_SCHEMA_PARSE_H
#define LG_SCHEMA_PARSE_H

#include "catalog/schema.h"
#include "common/lg.h"

typedef enum lg_con_kind {
	LG_CON_PRIMARY = 'p',
	LG_CON_UNIQUE = 'u',
	LG_CON_CHECK = 'c',
	LG_CON_FOREIGN = 'f',
	LG_CON_DEFAULT = 'd', /* a column's DEFAULT clause (for editing the text) */
} lg_con_kind_t;

typedef struct lg_con {
	lg_con_kind_t kind;
	const char *name; /* NULL when unnamed */
	int ncols;
	const char **cols; /* primary/unique/foreign: the table's columns */
	const char *expr; /* check: text between the parentheses */
	const char *ref_table; /* foreign */
	int nref; /* 0 when REFERENCES t without a column list */
	const char **ref_cols;
	bool deferrable;
	bool deferred;
	int start, end; /* byte span of the constraint in the text */
	int elem_start, elem_end; /* span of its table element (column or
				   * constraint), without the separating comma */
	bool table_level; /* a table constraint, not a column's */
} lg_con_t;

/* Parses `sql`; strings are allocated from `arena`. Returns the number of
 * constraints found (*out), or -1 when out of memory. */
int lg_cat_parse_constraints(const char *sql, lg_arena_t *arena, lg_con_t **out);

/* One key of a stored CREATE INDEX text. An expression key carries the
 * comment rewrite/ddl_index.c writes after it, "/\*lg:<type oid> <text>*\/":
 * the expression's PostgreSQL type and its PostgreSQL spelling, which
 * SQLite's PRAGMAs cannot give back. */
/* Parses the key list of a CREATE INDEX text; strings from `arena`. Returns
 * the number of keys (*out), or -1 when out of memory. */
int lg_cat_parse_index_keys(const char *sql, lg_arena_t *arena, lg_cat_index_key_t **out);

#endif
