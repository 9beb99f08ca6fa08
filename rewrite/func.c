/* Function calls: PostgreSQL-style overload choice among the built-in
 * functions of func_tab.c, argument conversion to the chosen signature,
 * and the SQL-standard value functions (CURRENT_TIMESTAMP, CURRENT_USER,
 * ...). Aggregates are agg.c's, window functions window.c's. */
#include "rewrite/func_int.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

bool rw_is_text_type(lg_oid_t o)
{
	return o == LG_OID_TEXT || o == LG_OID_VARCHAR || o == LG_OID_BPCHAR || o == LG_OID_NAME;
}

static lg_oid_t decl_arg(const fdef_t *f, int i)
{
	int n = f->max < 0 ? (f->min > 0 ? f->min + 1 : 1) : f->max;
	if (n > RW_FUNC_MAXARGS)
		n = RW_FUNC_MAXARGS;
	if (n == 0)
		return RW_ANY;
	return f->args[i < n ? i : n - 1];
}

/* How well `have` fits the declared `want`: 2 exact, 1 implicit cast,
 * 0 unknown-typed, -1 no way. */
static int fit(lg_oid_t want, const rw_type_t *have)
{
	if (want == RW_ANY || !rw_type_known(have))
		return 0;
	if (have->oid == want || (rw_is_text_type(have->oid) && want == LG_OID_TEXT))
		return 2;
	return rw_can_coerce(have->oid, want, 'i') ? 1 : -1;
}

/* Best candidate: every argument converts implicitly; most exact matches
 * wins; ties go to the earlier (preferred) entry. */
static const fdef_t *choose(const char *name, const farg_t *args, int n)
{
	const fdef_t *best = NULL;
	int best_exact = -1;
	for (size_t i = 0; i < rw_nfuncs; i++) {
		const fdef_t *f = &rw_funcs[i];
		if (strcmp(f->name, name) != 0)
			continue;
		if (n < f->min || (f->max >= 0 && n > f->max))
			continue;
		int exact = 0;
		bool ok = true;
		for (int k = 0; k < n && ok; k++) {
			int q = fit(decl_arg(f, k), &args[k].t);
			ok = q >= 0;
			exact += q == 2;
		}
		if (ok && exact > best_exact) {
			best = f;
			best_exact = exact;
		}
	}
	return best;
}

int rw_no_function(rw_ctx_t *ctx, FuncCall *fc, const farg_t *args, int n)
{
	lg_sb_t sb = LG_SB_INIT;
	for (int i = 0; i < n; i++) {
		lg_sb_append(&sb, i ? ", " : "");
		lg_sb_append(&sb, rw_type_name(ctx, &args[i].t));
	}
	rw_error(ctx, fc->location, LG_SQLSTATE_UNDEFINED_FUNCTION,
		 "function %s(%s) does not exist", rw_name_list(ctx, fc->funcname),
		 sb.data ? sb.data : "");
	lg_error_field(ctx->err, LG_ERRF_HINT,
		       "No function matches the given name and argument types. You might need to "
		       "add explicit type casts.");
	lg_sb_free(&sb);
	return -1;
}

void rw_func_expand(lg_sb_t *out, const char *tpl, const farg_t *args, int n)
{
	for (const char *p = tpl; *p; p++) {
		if (p[0] == '$' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1';
			if (k < n)
				lg_sb_appendn(out, args[k].sb.data, args[k].sb.len);
			p++;
		} else if (p[0] == '$' && p[1] == '*') {
			for (int k = 0; k < n; k++) {
				lg_sb_append(out, k ? ", " : "");
				lg_sb_appendn(out, args[k].sb.data, args[k].sb.len);
			}
			p++;
		} else {
			lg_sb_putc(out, *p);
		}
	}
}

int rw_func_retype(rw_ctx_t *ctx, farg_t *a, lg_oid_t t)
{
	lg_sb_reset(&a->sb);
	rw_type_t want = RW_TYPE(t);
	return rw_expr(ctx, a->node, &want, &a->sb, &a->t);
}

int rw_func_out_text(rw_ctx_t *ctx, farg_t *a)
{
	if (!rw_type_known(&a->t) || (rw_is_text_type(a->t.oid) && a->t.oid != LG_OID_BPCHAR))
		return 0;
	lg_sb_t sb = LG_SB_INIT;
	if (a->t.oid == LG_OID_INT2 || a->t.oid == LG_OID_INT4 || a->t.oid == LG_OID_INT8 ||
	    a->t.oid == LG_OID_NUMERIC)
		lg_sb_appendf(&sb, "CAST(%s AS TEXT)", a->sb.data);
	else
		lg_sb_appendf(&sb, "lg_out(%s, %u)", a->sb.data, a->t.oid);
	lg_sb_reset(&a->sb);
	lg_sb_appendn(&a->sb, sb.data, sb.len);
	lg_sb_free(&sb);
	return rw_sb_check(ctx, &a->sb);
}

/* Re-reads untyped arguments as the chosen declared types and converts
 * the others. */
static int bind_args(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n)
{
	for (int i = 0; i < n; i++) {
		lg_oid_t want = decl_arg(f, i);
		if (!rw_type_known(&args[i].t) &&
		    rw_func_retype(ctx, &args[i], want == RW_ANY ? LG_OID_TEXT : want))
			return -1;
		if (want == RW_ANY)
			continue;
		rw_type_t w = RW_TYPE(want);
		if (rw_coerce(ctx, &args[i].sb, &args[i].t, &w, 'i', exprLocation(args[i].node)))
			return rw_error(ctx, exprLocation(args[i].node), LG_SQLSTATE_INTERNAL_ERROR,
					"cannot convert function argument");
	}
	return 0;
}

int rw_func_args(rw_ctx_t *ctx, List *list, farg_t **out, int *n)
{
	*n = list_length(list);
	*out = rw_alloc(ctx, sizeof(farg_t) * (size_t)(*n + 1));
	if (!*out)
		return -1;
	for (int i = 0; i < *n; i++)
		lg_sb_init(&(*out)[i].sb);
	for (int i = 0; i < *n; i++) {
		farg_t *a = &(*out)[i];
		a->node = list_nth(list, i);
		if (rw_expr(ctx, a->node, NULL, &a->sb, &a->t))
			return -1;
		a->t0 = a->t;
	}
	return 0;
}

void rw_func_args_free(farg_t *args, int n)
{
	for (int i = 0; args && i < n; i++)
		lg_sb_free(&args[i].sb);
}

static const char *func_name(FuncCall *fc)
{
	int n = list_length(fc->funcname);
	if (n == 2 && strcmp(strVal(linitial(fc->funcname)), "pg_catalog") == 0)
		return strVal(lsecond(fc->funcname));
	if (n == 1)
		return strVal(linitial(fc->funcname));
	return NULL;
}

static int plain_call(rw_ctx_t *ctx, FuncCall *fc, const char *name, lg_sb_t *out, rw_type_t *type)
{
	farg_t *args = NULL;
	int n = 0;
	int rc = rw_func_args(ctx, fc->args, &args, &n);
	if (rc)
		goto done;
	const fdef_t *f = name ? choose(name, args, n) : NULL;
	if (!f || fc->agg_star || fc->agg_distinct || fc->agg_filter || fc->agg_order) {
		rc = rw_no_function(ctx, fc, args, n);
		goto done;
	}
	rc = bind_args(ctx, f, args, n);
	if (rc)
		goto done;
	*type = RW_TYPE(f->result ? f->result : args[0].t.oid);
	if (f->emit)
		rc = f->emit(ctx, f, args, n, out, type);
	else
		rw_func_expand(out, f->sql, args, n);
	rc = rc ? rc : rw_sb_check(ctx, out);
done:
	rw_func_args_free(args, n);
	return rc ? -1 : 0;
}

int rw_func_call(rw_ctx_t *ctx, FuncCall *fc, const rw_type_t *want, lg_sb_t *out, rw_type_t *type)
{
	LG_UNUSED(want);
	if (fc->func_variadic)
		return rw_unsupported(ctx, fc->location, "VARIADIC");
	const char *name = func_name(fc);
	if (name && rw_is_aggregate(name))
		return rw_aggregate(ctx, fc, name, out, type);
	if (name && rw_is_window_function(name))
		return rw_window_func(ctx, fc, name, out, type);
	if (fc->over)
		return rw_error(
			ctx, fc->location, LG_SQLSTATE_WRONG_OBJECT_TYPE,
			"OVER specified, but %s is not a window function nor an aggregate function",
			name ? name : rw_name_list(ctx, fc->funcname));
	return plain_call(ctx, fc, name, out, type);
}

int rw_sql_value_function(rw_ctx_t *ctx, SQLValueFunction *f, lg_sb_t *out, rw_type_t *type)
{
	const char *sql = NULL;
	switch (f->op) {
	case SVFOP_CURRENT_DATE:
		*type = RW_TYPE(LG_OID_DATE);
		sql = "lg_current_date()";
		break;
	case SVFOP_CURRENT_TIMESTAMP:
		*type = RW_TYPE(LG_OID_TIMESTAMPTZ);
		sql = "lg_now()";
		break;
	case SVFOP_LOCALTIMESTAMP:
		*type = RW_TYPE(LG_OID_TIMESTAMP);
		sql = "lg_now()";
		break;
	case SVFOP_CURRENT_TIMESTAMP_N:
	case SVFOP_LOCALTIMESTAMP_N: {
		lg_oid_t o =
			f->op == SVFOP_CURRENT_TIMESTAMP_N ? LG_OID_TIMESTAMPTZ : LG_OID_TIMESTAMP;
		*type = (rw_type_t){o, f->typmod};
		lg_sb_appendf(out, "lg_cast(lg_now(), %u, %u, %d)", o, o, (int)f->typmod);
		return rw_sb_check(ctx, out);
	}
	case SVFOP_CURRENT_TIME:
	case SVFOP_LOCALTIME:
		/* TimeZone is UTC: the time of now() (with offset +00) */
		*type = RW_TYPE(f->op == SVFOP_LOCALTIME ? LG_OID_TIME : LG_OID_TIMETZ);
		lg_sb_appendf(out, "lg_cast(lg_now(), %u, %u, -1)", LG_OID_TIMESTAMPTZ, type->oid);
		return rw_sb_check(ctx, out);
	case SVFOP_CURRENT_ROLE:
	case SVFOP_CURRENT_USER:
	case SVFOP_USER:
	case SVFOP_SESSION_USER:
		*type = RW_TYPE(LG_OID_NAME);
		sql = "lg_current_user()";
		break;
	case SVFOP_CURRENT_CATALOG:
		*type = RW_TYPE(LG_OID_NAME);
		sql = "lg_current_database()";
		break;
	case SVFOP_CURRENT_SCHEMA:
		*type = RW_TYPE(LG_OID_NAME);
		sql = "'public'";
		break;
	default: return rw_unsupported(ctx, f->location, "CURRENT_TIME(n) and LOCALTIME(n)");
	}
	lg_sb_append(out, sql);
	return rw_sb_check(ctx, out);
}
