/* Internals shared by the translator's files. Only rewrite/ includes this
 * (and PostgreSQL's node headers). One translation = one rw_ctx_t. */
#ifndef LG_RW_INTERNAL_H
#define LG_RW_INTERNAL_H

/* postgres.h must come first in every file that includes node headers. */
#include "postgres.h"
#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"
#include "nodes/primnodes.h"
#include "nodes/value.h"

#include "catalog/schema.h"
#include "catalog/types.h"
#include "common/error.h"
#include "common/strbuf.h"
#include "rewrite/rewrite.h"

/* The PostgreSQL type of a translated expression. */
typedef struct rw_type {
	lg_oid_t oid; /* LG_OID_UNKNOWN for untyped literals and unresolved $n */
	int32_t typmod;
} rw_type_t;

typedef struct rw_ctx rw_ctx_t;

/* Translates one expression node into SQLite SQL appended to `out` and
 * reports its PostgreSQL type. `want` (may be NULL) is the type the context
 * expects (a column assigned to, the other side of a comparison): untyped
 * literals and parameters take it. Returns 0, or -1 with the ctx error set. */
int rw_expr(rw_ctx_t *ctx, Node *node, const rw_type_t *want, lg_sb_t *out, rw_type_t *type);

/* Records an error at a node's location (a byte offset in the statement,
 * -1 for none); always returns -1. */
int rw_error(rw_ctx_t *ctx, int location, lg_sqlstate_t state, const char *fmt, ...)
	LG_PRINTF(4, 5);
/* 0A000 "feature not supported: <what>" at `location`; returns -1. */
int rw_unsupported(rw_ctx_t *ctx, int location, const char *what);

/* Output of a translation, filled by the statement translators and turned
 * into an lg_rw_stmt_t by rewrite.c (which implements these). */

/* Appends one SQLite statement to the plan (copied); the last one appended
 * is the one whose rows are the result. */
int rw_emit_sql(rw_ctx_t *ctx, const char *sql, size_t len);
/* Sets the CommandComplete tag ("CREATE TABLE", "INSERT", ...). */
void rw_set_tag(rw_ctx_t *ctx, const char *tag, lg_rw_tag_kind_t kind);
/* Marks the statement as changing the schema (bumps the generation). */
void rw_set_ddl(rw_ctx_t *ctx);
/* Marks the statement as writing (needs SQLite's write lock). */
void rw_set_writes(rw_ctx_t *ctx);
/* The catalog of the session's database, and the error sink. */
lg_cat_t *rw_cat(rw_ctx_t *ctx);
lg_error_t *rw_err(rw_ctx_t *ctx);

/* DDL translation (rewrite/ddl.c): CREATE/DROP TABLE, INDEX, SEQUENCE.
 * Returns 0 on success, -1 on error, 1 if `stmt` is not a node it handles. */
int rw_ddl(rw_ctx_t *ctx, Node *stmt);

#endif
