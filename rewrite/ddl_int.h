/* Internals shared by the DDL translator's files (ddl.c, ddl_table.c,
 * ddl_index.c, ddl_seq.c). */
#ifndef LG_DDL_INT_H
#define LG_DDL_INT_H

#include "rewrite/rw_internal.h"

#include "catalog/sequence.h"

/* 42830 invalid_foreign_key is not in common/sqlstate.def yet: until it is,
 * report its class (42000). */
#ifndef DDL_SQLSTATE_INVALID_FOREIGN_KEY
#define DDL_SQLSTATE_INVALID_FOREIGN_KEY LG_SQLSTATE_SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION
#endif

/* Names taken by objects this statement creates, so that PostgreSQL's name
 * choosing (ChooseRelationName / ChooseConstraintName) also avoids them. */
typedef struct ddl_names {
	const char **rel; /* pg_class names: tables, indexes, sequences */
	int nrel, caprel;
	const char **con; /* pg_constraint names */
	int ncon, capcon;
	bool temp; /* the objects go to pg_temp */
} ddl_names_t;

/* Which SQLite schema a RangeVar names: sets *temp; NULL/public is main,
 * pg_temp is temp, anything else 0A000. `persistence` is the RangeVar's
 * relpersistence for CREATE (temp tables), 0 for references. */
int ddl_schema(rw_ctx_t *ctx, const RangeVar *rv, bool *temp);
/* The catalog's schema argument for lookups ("public", "pg_temp" or NULL). */
const char *ddl_cat_schema(const RangeVar *rv);

int ddl_names_add_rel(rw_ctx_t *ctx, ddl_names_t *n, const char *name);
int ddl_names_add_con(rw_ctx_t *ctx, ddl_names_t *n, const char *name);
/* 1 if `name` is a relation (existing or created by this statement). */
int ddl_rel_exists(rw_ctx_t *ctx, const ddl_names_t *n, const char *name);
/* ChooseRelationName: name1[_name2]_label[N]; also avoids constraint names
 * when `constraint`. The result (arena) is added to the statement's names. */
const char *ddl_choose_rel(rw_ctx_t *ctx, ddl_names_t *n, const char *name1, const char *name2,
			   const char *label, bool constraint);
/* ChooseConstraintName (namespace-wide, like PostgreSQL). */
const char *ddl_choose_con(rw_ctx_t *ctx, ddl_names_t *n, const char *name1, const char *name2,
			   const char *label);
/* Column names joined for a name (ChooseIndexNameAddition). */
const char *ddl_addition(rw_ctx_t *ctx, const char *const *cols, int ncols);

/* Appends `nextval('<seq>')` with the name quoted as a regclass literal. */
void ddl_nextval_sql(lg_sb_t *out, const char *seq);
/* Parses CREATE/ALTER SEQUENCE options (DefElem list). `owned_by` receives
 * the OWNED BY name list (NIL if absent, or a one-element list "none"). */
int ddl_seq_options(rw_ctx_t *ctx, List *options, lg_cat_seq_opts_t *o, List **owned_by,
		    const char **seq_name);
/* Changes to tables' stored CREATE text, made by rewriting sqlite_schema
 * (only for edits that leave the on-disk format alone: dropping a foreign
 * key, CHECK or DEFAULT). */
typedef struct ddl_edit {
	const lg_cat_table_t *t[16];
	const char *sql[16];
	int n;
} ddl_edit_t;

/* Records (or replaces) the new text of t. */
int ddl_edit_add(rw_ctx_t *ctx, ddl_edit_t *e, const lg_cat_table_t *t, const char *sql);
/* Emits the edits: writable_schema, the UPDATEs, a schema reload, and a DDL
 * that bumps the schema cookie so other connections reload too. */
int ddl_edit_emit(rw_ctx_t *ctx, const ddl_edit_t *e);

/* 42501 "permission denied: "pg_type" is a system catalog" for the
 * tables of schema pg_catalog; 0 for others. */
int ddl_not_catalog(rw_ctx_t *ctx, const lg_cat_table_t *t);

/* Emits `sql` (a builder) as one statement of the plan. */
int ddl_emit(rw_ctx_t *ctx, lg_sb_t *sql);

/* The statements themselves. */
int ddl_create_table(rw_ctx_t *ctx, CreateStmt *cs);
int ddl_create_index(rw_ctx_t *ctx, IndexStmt *is);
int ddl_create_sequence(rw_ctx_t *ctx, CreateSeqStmt *cs);
int ddl_alter_sequence(rw_ctx_t *ctx, AlterSeqStmt *as);
int ddl_drop(rw_ctx_t *ctx, DropStmt *ds);
int ddl_truncate(rw_ctx_t *ctx, TruncateStmt *ts); /* ddl_truncate.c */

#endif
