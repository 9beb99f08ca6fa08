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

#endif
