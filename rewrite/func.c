/* Function calls: a table of the built-in functions litegres knows (name,
 * argument types, result type, SQLite template), PostgreSQL-style overload
 * choice among them, aggregates, and the SQL-standard value functions
 * (CURRENT_TIMESTAMP, CURRENT_USER, ...). UDFs named lg_* are registered by
 * catalog/functions.c. */
#include "rewrite/rw_internal.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

#define T(x) LG_OID_##x
#define ANY 0

/* `sql`: $1..$9 are the arguments, $* all of them comma-separated.
 * A variadic entry (max < 0) repeats its last argument type. */
typedef struct fdef {
	const char *name;
	int min, max;
	lg_oid_t args[3];
	lg_oid_t result; /* 0: the first argument's type */
	const char *sql;
} fdef_t;

static const fdef_t funcs[] = {
	{"version", 0, 0, {0}, T(TEXT), "lg_version()"},
	{"current_database", 0, 0, {0}, T(NAME), "lg_current_database()"},
	{"current_schema", 0, 0, {0}, T(NAME), "'public'"},
	{"now", 0, 0, {0}, T(TIMESTAMPTZ), "lg_now()"},
	{"transaction_timestamp", 0, 0, {0}, T(TIMESTAMPTZ), "lg_now()"},
	{"statement_timestamp", 0, 0, {0}, T(TIMESTAMPTZ), "lg_statement_timestamp()"},
	{"clock_timestamp", 0, 0, {0}, T(TIMESTAMPTZ), "lg_clock_timestamp()"},
	{"gen_random_uuid", 0, 0, {0}, T(UUID), "lg_gen_random_uuid()"},
	{"random", 0, 0, {0}, T(FLOAT8), "((random() & 9007199254740991) / 9007199254740992.0)"},
	{"pi", 0, 0, {0}, T(FLOAT8), "pi()"},
	{"lower", 1, 1, {T(TEXT)}, T(TEXT), "lower($1)"},
	{"upper", 1, 1, {T(TEXT)}, T(TEXT), "upper($1)"},
	{"length", 1, 1, {T(TEXT)}, T(INT4), "length($1)"},
	{"length", 1, 1, {T(BYTEA)}, T(INT4), "length($1)"},
	{"char_length", 1, 1, {T(TEXT)}, T(INT4), "length($1)"},
	{"character_length", 1, 1, {T(TEXT)}, T(INT4), "length($1)"},
	{"octet_length", 1, 1, {T(TEXT)}, T(INT4), "length(CAST($1 AS BLOB))"},
	{"octet_length", 1, 1, {T(BYTEA)}, T(INT4), "length($1)"},
	{"substr", 2, 2, {T(TEXT), T(INT4)}, T(TEXT), "lg_substr($1, $2)"},
	{"substr", 3, 3, {T(TEXT), T(INT4), T(INT4)}, T(TEXT), "lg_substr($1, $2, $3)"},
	{"substring", 2, 2, {T(TEXT), T(INT4)}, T(TEXT), "lg_substr($1, $2)"},
	{"substring", 3, 3, {T(TEXT), T(INT4), T(INT4)}, T(TEXT), "lg_substr($1, $2, $3)"},
	{"strpos", 2, 2, {T(TEXT), T(TEXT)}, T(INT4), "instr($1, $2)"},
	{"position", 2, 2, {T(TEXT), T(TEXT)}, T(INT4), "instr($1, $2)"},
	{"replace", 3, 3, {T(TEXT), T(TEXT), T(TEXT)}, T(TEXT), "replace($1, $2, $3)"},
	{"btrim", 1, 2, {T(TEXT), T(TEXT)}, T(TEXT), "trim($*)"},
	{"ltrim", 1, 2, {T(TEXT), T(TEXT)}, T(TEXT), "ltrim($*)"},
	{"rtrim", 1, 2, {T(TEXT), T(TEXT)}, T(TEXT), "rtrim($*)"},
	{"left", 2, 2, {T(TEXT), T(INT4)}, T(TEXT), "lg_left($1, $2)"},
	{"right", 2, 2, {T(TEXT), T(INT4)}, T(TEXT), "lg_right($1, $2)"},
	{"repeat", 2, 2, {T(TEXT), T(INT4)}, T(TEXT), "lg_repeat($1, $2)"},
	{"reverse", 1, 1, {T(TEXT)}, T(TEXT), "lg_reverse($1)"},
	{"abs", 1, 1, {T(FLOAT8)}, T(FLOAT8), "abs($1)"},
	{"abs", 1, 1, {T(INT2)}, T(INT2), "abs($1)"},
	{"abs", 1, 1, {T(INT4)}, T(INT4), "abs($1)"},
	{"abs", 1, 1, {T(INT8)}, T(INT8), "abs($1)"},
	{"abs", 1, 1, {T(FLOAT4)}, T(FLOAT4), "abs($1)"},
	{"abs", 1, 1, {T(NUMERIC)}, T(NUMERIC), "lg_num_abs($1)"},
	{"round", 1, 1, {T(FLOAT8)}, T(FLOAT8), "lg_round($1)"},
	{"round", 1, 1, {T(NUMERIC)}, T(NUMERIC), "lg_num_round($1, 0)"},
	{"round", 2, 2, {T(NUMERIC), T(INT4)}, T(NUMERIC), "lg_num_round($1, $2)"},
	{"trunc", 1, 1, {T(FLOAT8)}, T(FLOAT8), "trunc($1)"},
	{"trunc", 1, 1, {T(NUMERIC)}, T(NUMERIC), "lg_num_trunc($1, 0)"},
	{"trunc", 2, 2, {T(NUMERIC), T(INT4)}, T(NUMERIC), "lg_num_trunc($1, $2)"},
	{"ceil", 1, 1, {T(FLOAT8)}, T(FLOAT8), "ceil($1)"},
	{"ceil", 1, 1, {T(NUMERIC)}, T(NUMERIC), "lg_num_ceil($1)"},
	{"ceiling", 1, 1, {T(FLOAT8)}, T(FLOAT8), "ceil($1)"},
	{"ceiling", 1, 1, {T(NUMERIC)}, T(NUMERIC), "lg_num_ceil($1)"},
	{"floor", 1, 1, {T(FLOAT8)}, T(FLOAT8), "floor($1)"},
	{"floor", 1, 1, {T(NUMERIC)}, T(NUMERIC), "lg_num_floor($1)"},
	{"mod", 2, 2, {T(INT2), T(INT2)}, T(INT2), "lg_mod($1, $2)"},
	{"mod", 2, 2, {T(INT4), T(INT4)}, T(INT4), "lg_mod($1, $2)"},
	{"mod", 2, 2, {T(INT8), T(INT8)}, T(INT8), "lg_mod($1, $2)"},
	{"mod", 2, 2, {T(NUMERIC), T(NUMERIC)}, T(NUMERIC), "lg_num_mod($1, $2)"},
	{"power", 2, 2, {T(FLOAT8), T(FLOAT8)}, T(FLOAT8), "pow($1, $2)"},
	{"power", 2, 2, {T(NUMERIC), T(NUMERIC)}, T(NUMERIC), "lg_num_pow($1, $2)"},
	{"pow", 2, 2, {T(FLOAT8), T(FLOAT8)}, T(FLOAT8), "pow($1, $2)"},
	{"pow", 2, 2, {T(NUMERIC), T(NUMERIC)}, T(NUMERIC), "lg_num_pow($1, $2)"},
	{"sqrt", 1, 1, {T(FLOAT8)}, T(FLOAT8), "lg_sqrt($1)"},
	{"sqrt", 1, 1, {T(NUMERIC)}, T(NUMERIC), "lg_num_sqrt($1)"},
	{"exp", 1, 1, {T(FLOAT8)}, T(FLOAT8), "exp($1)"},
	{"ln", 1, 1, {T(FLOAT8)}, T(FLOAT8), "lg_ln($1)"},
	{"sign", 1, 1, {T(FLOAT8)}, T(FLOAT8), "sign($1)"},
	{"sign", 1, 1, {T(NUMERIC)}, T(NUMERIC), "CAST(sign($1) AS TEXT)"},
	{"date_trunc", 2, 2, {T(TEXT), T(TIMESTAMPTZ)}, T(TIMESTAMPTZ), "lg_date_trunc($1, $2)"},
	{"date_trunc", 2, 2, {T(TEXT), T(TIMESTAMP)}, T(TIMESTAMP), "lg_date_trunc($1, $2)"},
	{"extract", 2, 2, {T(TEXT), T(TIMESTAMPTZ)}, T(NUMERIC), "lg_extract($1, $2, 1)"},
	{"extract", 2, 2, {T(TEXT), T(TIMESTAMP)}, T(NUMERIC), "lg_extract($1, $2, 1)"},
	{"extract", 2, 2, {T(TEXT), T(DATE)}, T(NUMERIC), "lg_extract($1, $2, 1)"},
	{"date_part", 2, 2, {T(TEXT), T(TIMESTAMPTZ)}, T(FLOAT8), "lg_extract($1, $2, 0)"},
	{"date_part", 2, 2, {T(TEXT), T(TIMESTAMP)}, T(FLOAT8), "lg_extract($1, $2, 0)"},
	{"concat", 0, -1, {ANY}, T(TEXT), NULL},
	{"concat_ws", 1, -1, {T(TEXT), ANY}, T(TEXT), NULL},
};

typedef struct farg {
	lg_sb_t sb;
	rw_type_t t;
	Node *node;
} farg_t;

static bool is_text_type(lg_oid_t o)
{
	return o == LG_OID_TEXT || o == LG_OID_VARCHAR || o == LG_OID_BPCHAR || o == LG_OID_NAME;
}

static lg_oid_t decl_arg(const fdef_t *f, int i)
{
	int n = f->max < 0 ? (f->min > 0 ? f->min + 1 : 1) : f->max;
	if (n > 3)
		n = 3;
	return f->args[i < n ? i : n - 1];
}

/* Best candidate: every argument converts implicitly; most exact matches
 * wins; ties go to the earlier (preferred) entry. */
static const fdef_t *choose(const char *name, const farg_t *args, int n, bool *name_known)
{
	const fdef_t *best = NULL;
	int best_exact = -1;
	*name_known = false;
	for (size_t i = 0; i < LG_ARRAY_LEN(funcs); i++) {
		const fdef_t *f = &funcs[i];
		if (strcmp(f->name, name) != 0)
			continue;
		*name_known = true;
		if (n < f->min || (f->max >= 0 && n > f->max))
			continue;
		int exact = 0;
		bool ok = true;
		for (int k = 0; k < n && ok; k++) {
			lg_oid_t want = decl_arg(f, k), have = args[k].t.oid;
			if (want == ANY || !rw_type_known(&args[k].t))
				continue;
			if (have == want || (is_text_type(have) && want == LG_OID_TEXT))
				exact++;
			else
				ok = rw_can_coerce(have, want, 'i');
		}
		if (ok && exact > best_exact) {
			best = f;
			best_exact = exact;
		}
	}
	return best;
}

static int no_function(rw_ctx_t *ctx, FuncCall *fc, const farg_t *args, int n)
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
		       "No function matches the given name and argument types. You might need to add explicit type casts.");
	lg_sb_free(&sb);
	return -1;
}

static void expand(lg_sb_t *out, const char *tpl, const farg_t *args, int n)
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

/* Text of an argument through its type's output function (concat). */
static int out_text(rw_ctx_t *ctx, farg_t *a)
{
	if (!rw_type_known(&a->t) || (is_text_type(a->t.oid) && a->t.oid != LG_OID_BPCHAR))
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

static int concat_call(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out)
{
	for (int i = 0; i < n; i++)
		if (out_text(ctx, &args[i]))
			return -1;
	if (strcmp(f->name, "concat_ws") == 0) {
		lg_sb_append(out, "lg_concat_ws(");
		expand(out, "$*", args, n);
		lg_sb_putc(out, ')');
		return rw_sb_check(ctx, out);
	}
	if (n == 0) {
		lg_sb_append(out, "''");
		return 0;
	}
	lg_sb_putc(out, '(');
	for (int i = 0; i < n; i++) {
		lg_sb_append(out, i ? " || " : "");
		lg_sb_appendf(out, "coalesce(%s, '')", args[i].sb.data);
	}
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

/* Re-reads untyped arguments as the chosen declared types and converts
 * the others. */
static int bind_args(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n)
{
	for (int i = 0; i < n; i++) {
		rw_type_t want = RW_TYPE(decl_arg(f, i));
		if (want.oid == ANY) {
			if (!rw_type_known(&args[i].t)) {
				lg_sb_reset(&args[i].sb);
				rw_type_t text = RW_TYPE(LG_OID_TEXT);
				if (rw_expr(ctx, args[i].node, &text, &args[i].sb, &args[i].t))
					return -1;
			}
			continue;
		}
		if (!rw_type_known(&args[i].t)) {
			lg_sb_reset(&args[i].sb);
			if (rw_expr(ctx, args[i].node, &want, &args[i].sb, &args[i].t))
				return -1;
		}
		if (rw_coerce(ctx, &args[i].sb, &args[i].t, &want, 'i', exprLocation(args[i].node)))
			return rw_error(ctx, exprLocation(args[i].node), LG_SQLSTATE_INTERNAL_ERROR,
					"cannot convert function argument");
	}
	return 0;
}

static int translate_args(rw_ctx_t *ctx, List *list, farg_t **out, int *n)
{
	*n = list_length(list);
	*out = rw_alloc(ctx, sizeof(farg_t) * (size_t)(*n + 1));
	if (!*out)
		return -1;
	for (int i = 0; i < *n; i++) {
		farg_t *a = &(*out)[i];
		lg_sb_init(&a->sb);
		a->node = list_nth(list, i);
		if (rw_expr(ctx, a->node, NULL, &a->sb, &a->t))
			return -1;
	}
	return 0;
}

static void free_args(farg_t *args, int n)
{
	for (int i = 0; args && i < n; i++)
		lg_sb_free(&args[i].sb);
}

/* ---- aggregates ---- */

typedef enum agg_kind { AGG_NONE, AGG_COUNT, AGG_SUM, AGG_AVG, AGG_MIN, AGG_MAX, AGG_AND,
			AGG_OR, AGG_STRING } agg_kind_t;

static agg_kind_t agg_of(const char *name)
{
	static const struct {
		const char *name;
		agg_kind_t kind;
	} aggs[] = {
		{"count", AGG_COUNT}, {"sum", AGG_SUM},       {"avg", AGG_AVG},
		{"min", AGG_MIN},     {"max", AGG_MAX},       {"bool_and", AGG_AND},
		{"every", AGG_AND},   {"bool_or", AGG_OR},    {"string_agg", AGG_STRING},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(aggs); i++)
		if (strcmp(aggs[i].name, name) == 0)
			return aggs[i].kind;
	return AGG_NONE;
}

static bool is_intish(lg_oid_t o)
{
	return o == LG_OID_INT2 || o == LG_OID_INT4 || o == LG_OID_INT8;
}

/* Result type and SQLite function of an aggregate over `t`; NULL if the
 * argument type has no such aggregate. */
static const char *agg_sql(agg_kind_t k, lg_oid_t t, rw_type_t *res)
{
	switch (k) {
	case AGG_COUNT:
		*res = RW_TYPE(LG_OID_INT8);
		return "count";
	case AGG_SUM:
		if (t == LG_OID_INT2 || t == LG_OID_INT4) {
			*res = RW_TYPE(LG_OID_INT8);
			return "sum";
		}
		if (t == LG_OID_INT8 || t == LG_OID_NUMERIC) {
			*res = RW_TYPE(LG_OID_NUMERIC);
			return "lg_num_sum";
		}
		if (t == LG_OID_FLOAT4 || t == LG_OID_FLOAT8) {
			*res = RW_TYPE(t);
			return "sum";
		}
		return NULL;
	case AGG_AVG:
		if (is_intish(t) || t == LG_OID_NUMERIC) {
			*res = RW_TYPE(LG_OID_NUMERIC);
			return "lg_num_avg";
		}
		if (t == LG_OID_FLOAT4 || t == LG_OID_FLOAT8) {
			*res = RW_TYPE(LG_OID_FLOAT8);
			return "avg";
		}
		return NULL;
	case AGG_MIN:
	case AGG_MAX:
		if (t == LG_OID_BOOL || t == LG_OID_JSON || t == LG_OID_UUID)
			return NULL;
		*res = RW_TYPE(is_text_type(t) ? LG_OID_TEXT : t);
		return k == AGG_MIN ? "min" : "max";
	case AGG_AND:
	case AGG_OR:
		if (t != LG_OID_BOOL)
			return NULL;
		*res = RW_TYPE(LG_OID_BOOL);
		return k == AGG_AND ? "min" : "max";
	case AGG_STRING:
		*res = RW_TYPE(LG_OID_TEXT);
		return "group_concat";
	case AGG_NONE:
		break;
	}
	return NULL;
}

static int agg_checks(rw_ctx_t *ctx, FuncCall *fc)
{
	rw_scope_t *s = ctx->scope;
	if (fc->over) /* a window aggregate: rules of window functions */
		return fc->agg_order ? rw_unsupported(ctx, fc->location,
						      "ORDER BY in aggregate calls")
				     : rw_window_check(ctx, fc);
	if (!s)
		return rw_error(ctx, fc->location, LG_SQLSTATE_GROUPING_ERROR,
				"aggregate functions are not allowed here");
	if (s->agg_forbidden)
		return rw_error(ctx, fc->location, LG_SQLSTATE_GROUPING_ERROR,
				"aggregate functions are not allowed in %s", s->agg_forbidden);
	if (s->agg_depth > 0)
		return rw_error(ctx, fc->location, LG_SQLSTATE_GROUPING_ERROR,
				"aggregate function calls cannot be nested");
	if (fc->agg_order)
		return rw_unsupported(ctx, fc->location, "ORDER BY in aggregate calls");
	if (fc->agg_within_group)
		return rw_unsupported(ctx, fc->location, "WITHIN GROUP");
	return 0;
}

static int agg_args_sql(rw_ctx_t *ctx, FuncCall *fc, agg_kind_t k, farg_t *args, int n,
			const char *fn, rw_type_t *res, lg_sb_t *out)
{
	lg_sb_appendf(out, "%s(%s", fn, fc->agg_distinct ? "DISTINCT " : "");
	if (fc->agg_star) {
		lg_sb_putc(out, '*');
	} else {
		for (int i = 0; i < n; i++) {
			lg_sb_append(out, i ? ", " : "");
			lg_sb_appendn(out, args[i].sb.data, args[i].sb.len);
		}
		if ((k == AGG_MIN || k == AGG_MAX) && res->oid == LG_OID_NUMERIC)
			lg_sb_append(out, " COLLATE lg_numeric");
	}
	lg_sb_putc(out, ')');
	if (fc->agg_filter) {
		lg_sb_append(out, " FILTER (WHERE ");
		ctx->scope->agg_depth++;
		int rc = rw_expr_bool(ctx, fc->agg_filter, "FILTER", out);
		ctx->scope->agg_depth--;
		if (rc)
			return -1;
		lg_sb_putc(out, ')');
	}
	return rw_sb_check(ctx, out);
}

static int aggregate(rw_ctx_t *ctx, FuncCall *fc, agg_kind_t k, lg_sb_t *out, rw_type_t *type)
{
	if (agg_checks(ctx, fc))
		return -1;
	farg_t *args = NULL;
	int n = 0;
	/* Arguments of a window aggregate are not inside an aggregate. */
	int depth = fc->over ? 0 : 1;
	ctx->scope->agg_depth += depth;
	int rc = translate_args(ctx, fc->args, &args, &n);
	ctx->scope->agg_depth -= depth;
	if (rc)
		goto done;
	int want_n = k == AGG_STRING ? 2 : 1;
	if (fc->agg_star ? k != AGG_COUNT : n != want_n) {
		rc = no_function(ctx, fc, args, n);
		goto done;
	}
	for (int i = 0; i < n; i++)
		if (!rw_type_known(&args[i].t) && (k == AGG_STRING || k == AGG_COUNT ||
						   k == AGG_MIN || k == AGG_MAX)) {
			lg_sb_reset(&args[i].sb);
			rw_type_t text = RW_TYPE(LG_OID_TEXT);
			ctx->scope->agg_depth += depth;
			rc = rw_expr(ctx, args[i].node, &text, &args[i].sb, &args[i].t);
			ctx->scope->agg_depth -= depth;
			if (rc)
				goto done;
		}
	const char *fn = agg_sql(k, n ? args[0].t.oid : 0, type);
	if (!fn || (k == AGG_STRING && (!is_text_type(args[0].t.oid) ||
					!is_text_type(args[1].t.oid)))) {
		rc = no_function(ctx, fc, args, n);
		goto done;
	}
	if (k == AGG_MIN || k == AGG_MAX)
		type->typmod = -1;
	if (!fc->over)
		ctx->scope->naggs++;
	rc = agg_args_sql(ctx, fc, k, args, n, fn, type, out);
	if (rc == 0 && fc->over)
		rc = rw_over(ctx, fc->over, out);
done:
	free_args(args, n);
	return rc ? -1 : 0;
}

static const char *func_name(rw_ctx_t *ctx, FuncCall *fc)
{
	int n = list_length(fc->funcname);
	if (n == 2 && strcmp(strVal(linitial(fc->funcname)), "pg_catalog") == 0)
		return strVal(lsecond(fc->funcname));
	if (n == 1)
		return strVal(linitial(fc->funcname));
	LG_UNUSED(ctx);
	return NULL;
}

int rw_func_call(rw_ctx_t *ctx, FuncCall *fc, const rw_type_t *want, lg_sb_t *out,
		 rw_type_t *type)
{
	LG_UNUSED(want);
	if (fc->func_variadic)
		return rw_unsupported(ctx, fc->location, "VARIADIC");
	const char *name = func_name(ctx, fc);
	agg_kind_t k = name ? agg_of(name) : AGG_NONE;
	if (k != AGG_NONE)
		return aggregate(ctx, fc, k, out, type);
	if (name && rw_is_window_function(name))
		return rw_window_func(ctx, fc, name, out, type);
	if (fc->over)
		return rw_error(ctx, fc->location, LG_SQLSTATE_WRONG_OBJECT_TYPE,
				"OVER specified, but %s is not a window function nor an aggregate function",
				name ? name : rw_name_list(ctx, fc->funcname));
	farg_t *args = NULL;
	int n = 0;
	int rc = translate_args(ctx, fc->args, &args, &n);
	if (rc)
		goto done;
	bool known;
	const fdef_t *f = name ? choose(name, args, n, &known) : NULL;
	if (!f || fc->agg_star || fc->agg_distinct || fc->agg_filter || fc->agg_order) {
		rc = no_function(ctx, fc, args, n);
		goto done;
	}
	rc = bind_args(ctx, f, args, n);
	if (rc)
		goto done;
	*type = RW_TYPE(f->result ? f->result : args[0].t.oid);
	if (!f->sql)
		rc = concat_call(ctx, f, args, n, out);
	else
		expand(out, f->sql, args, n);
	rc = rc ? rc : rw_sb_check(ctx, out);
done:
	free_args(args, n);
	return rc ? -1 : 0;
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
		lg_oid_t o = f->op == SVFOP_CURRENT_TIMESTAMP_N ? LG_OID_TIMESTAMPTZ
								 : LG_OID_TIMESTAMP;
		*type = (rw_type_t){o, f->typmod};
		lg_sb_appendf(out, "lg_cast(lg_now(), %u, %u, %d)", o, o, (int)f->typmod);
		return rw_sb_check(ctx, out);
	}
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
	default:
		return rw_unsupported(ctx, f->location, "CURRENT_TIME and LOCALTIME");
	}
	lg_sb_append(out, sql);
	return rw_sb_check(ctx, out);
}
