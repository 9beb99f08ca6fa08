/* Function calls, shared by func.c (overload choice, calls), func_tab.c
 * (the table of built-in functions), func_special.c (functions whose
 * translation depends on their arguments' types) and agg.c (aggregates).
 * Only rewrite/ includes this. */
#ifndef LG_RW_FUNC_INT_H
#define LG_RW_FUNC_INT_H

#include "rewrite/rw_internal.h"

typedef struct farg {
	lg_sb_t sb;
	rw_type_t t;
	rw_type_t t0; /* before binding (unknown-typed literals stay unknown) */
	Node *node;
} farg_t;

typedef struct fdef fdef_t;

/* Translates a call whose arguments have been bound to the declared
 * types (untyped ones read as them); sets *type. */
typedef int (*rw_femit_t)(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
			  rw_type_t *type);

#define RW_FUNC_MAXARGS 4
#define RW_ANY 0 /* argument of any type (untyped ones read as text) */

/* One built-in function signature. `sql`: $1..$9 are the arguments, $*
 * all of them comma-separated. A variadic entry (max < 0) repeats its last
 * declared argument type. `emit` (with sql NULL) translates it instead. */
struct fdef {
	const char *name;
	int min, max;
	lg_oid_t args[RW_FUNC_MAXARGS];
	lg_oid_t result; /* 0: the first argument's type */
	const char *sql;
	rw_femit_t emit;
};

extern const fdef_t rw_funcs[];
extern const size_t rw_nfuncs;

bool rw_is_text_type(lg_oid_t o);
/* Appends `tpl` with $n replaced by the arguments' SQL. */
void rw_func_expand(lg_sb_t *out, const char *tpl, const farg_t *args, int n);
/* 42883 "function f(types) does not exist" with PostgreSQL's hint. */
int rw_no_function(rw_ctx_t *ctx, FuncCall *fc, const farg_t *args, int n);
/* Translates each argument (no expected type). */
int rw_func_args(rw_ctx_t *ctx, List *list, farg_t **out, int *n);
void rw_func_args_free(farg_t *args, int n);
/* Re-translates an untyped argument as `t`. */
int rw_func_retype(rw_ctx_t *ctx, farg_t *a, lg_oid_t t);
/* Replaces an argument's SQL with its text form (its type's output
 * function, as concat() and format() see it). */
int rw_func_out_text(rw_ctx_t *ctx, farg_t *a);

/* func_special.c: emitters named in the table. */
int rw_emit_concat(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		   rw_type_t *type);
int rw_emit_sequence_fn(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
			rw_type_t *type);
int rw_emit_pg_typeof(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		      rw_type_t *type);
int rw_emit_format(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		   rw_type_t *type);
int rw_emit_quote(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		  rw_type_t *type);
int rw_emit_json_build(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		       rw_type_t *type);
/* A signature litegres knows but cannot evaluate yet: 0A000. */
int rw_emit_unsupported(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
			rw_type_t *type);
int rw_emit_to_json(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		    rw_type_t *type);

/* agg.c */
bool rw_is_aggregate(const char *name);
int rw_aggregate(rw_ctx_t *ctx, FuncCall *fc, const char *name, lg_sb_t *out, rw_type_t *type);

#endif
