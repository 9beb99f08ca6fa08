/* Aggregate calls: count, sum, avg, min, max, bool_and/bool_or/every,
 * string_agg and json_agg/jsonb_agg, with PostgreSQL's result types,
 * DISTINCT, FILTER and, for string_agg and json[b]_agg, ORDER BY inside the
 * call (SQLite 3.40 has no ordered aggregates: lg_string_agg_ord collects
 * and sorts, catalog/functions_agg.c). */
#include "rewrite/func_int.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

typedef enum agg_kind {
	AGG_NONE,
	AGG_COUNT,
	AGG_SUM,
	AGG_AVG,
	AGG_MIN,
	AGG_MAX,
	AGG_AND,
	AGG_OR,
	AGG_STRING,
	AGG_JSON,
	AGG_JSONB
} agg_kind_t;

/* Sort key flags of lg_string_agg_ord (catalog/functions_agg.c). */
enum { KEY_DESC = 1, KEY_NULLS_FIRST = 2, KEY_NUMERIC = 4 };

static agg_kind_t agg_of(const char *name)
{
	static const struct {
		const char *name;
		agg_kind_t kind;
	} aggs[] = {
		{"count", AGG_COUNT}, {"sum", AGG_SUM},    {"avg", AGG_AVG},
		{"min", AGG_MIN},     {"max", AGG_MAX},    {"bool_and", AGG_AND},
		{"every", AGG_AND},   {"bool_or", AGG_OR}, {"string_agg", AGG_STRING},
		{"json_agg", AGG_JSON},
		{"jsonb_agg", AGG_JSONB},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(aggs); i++)
		if (strcmp(aggs[i].name, name) == 0)
			return aggs[i].kind;
	return AGG_NONE;
}

bool rw_is_aggregate(const char *name)
{
	return agg_of(name) != AGG_NONE;
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
	case AGG_COUNT: *res = RW_TYPE(LG_OID_INT8); return "count";
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
		/* min(bpchar) exists; varchar and name use text's */
		*res = RW_TYPE(t == LG_OID_BPCHAR || !rw_is_text_type(t) ? t : LG_OID_TEXT);
		return k == AGG_MIN ? "min" : "max";
	case AGG_AND:
	case AGG_OR:
		if (t != LG_OID_BOOL)
			return NULL;
		*res = RW_TYPE(LG_OID_BOOL);
		return k == AGG_AND ? "min" : "max";
	case AGG_STRING: *res = RW_TYPE(LG_OID_TEXT); return "group_concat";
	case AGG_JSON: *res = RW_TYPE(LG_OID_JSON); return "group_concat";
	case AGG_JSONB: *res = RW_TYPE(LG_OID_JSONB); return "group_concat";
	case AGG_NONE: break;
	}
	return NULL;
}

/* ORDER BY inside the call changes nothing for these (exact, or
 * order-insensitive); string_agg sorts; the rest would need it. */
static bool order_irrelevant(agg_kind_t k, lg_oid_t t)
{
	if (k == AGG_SUM || k == AGG_AVG)
		return t != LG_OID_FLOAT4 && t != LG_OID_FLOAT8;
	return k != AGG_STRING && k != AGG_JSON && k != AGG_JSONB;
}

static int agg_checks(rw_ctx_t *ctx, FuncCall *fc)
{
	rw_scope_t *s = ctx->scope;
	if (fc->over) /* a window aggregate: rules of window functions */
		return fc->agg_order ? rw_unsupported(ctx, fc->location,
						      "ORDER BY in window aggregate calls")
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
	if (fc->agg_within_group)
		return rw_unsupported(ctx, fc->location, "WITHIN GROUP");
	return 0;
}

static int filter_clause(rw_ctx_t *ctx, FuncCall *fc, lg_sb_t *out)
{
	if (!fc->agg_filter)
		return 0;
	lg_sb_append(out, " FILTER (WHERE ");
	ctx->scope->agg_depth++;
	int rc = rw_expr_bool(ctx, fc->agg_filter, "FILTER", out);
	ctx->scope->agg_depth--;
	if (rc)
		return -1;
	lg_sb_putc(out, ')');
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
	if (filter_clause(ctx, fc, out))
		return -1;
	return rw_sb_check(ctx, out);
}

/* One sort key of an ordered aggregate: ", flags, expr". With DISTINCT,
 * PostgreSQL requires ORDER BY expressions to be arguments (`arg`). */
static int order_key(rw_ctx_t *ctx, FuncCall *fc, SortBy *sb, const lg_sb_t *arg, lg_sb_t *out)
{
	if (sb->sortby_dir == SORTBY_USING)
		return rw_unsupported(ctx, sb->location, "ORDER BY ... USING");
	lg_sb_t e = LG_SB_INIT;
	rw_type_t t;
	int rc = rw_expr(ctx, sb->node, NULL, &e, &t);
	if (rc == 0 && fc->agg_distinct &&
	    !(e.len == arg->len && memcmp(e.data, arg->data, e.len) == 0))
		rc = rw_error(ctx, sb->location, LG_SQLSTATE_INVALID_COLUMN_REFERENCE,
			      "in an aggregate with DISTINCT, ORDER BY expressions must appear in "
			      "argument list");
	if (rc == 0 && t.oid == LG_OID_JSON) {
		rc = rw_error(ctx, exprLocation(sb->node), LG_SQLSTATE_UNDEFINED_FUNCTION,
			      "could not identify an ordering operator for type json");
		lg_error_field(ctx->err, LG_ERRF_HINT,
			       "Use an explicit ordering operator or modify the query.");
	}
	if (rc == 0) {
		bool desc = sb->sortby_dir == SORTBY_DESC;
		bool nulls_first = sb->sortby_nulls == SORTBY_NULLS_DEFAULT
					   ? desc
					   : sb->sortby_nulls == SORTBY_NULLS_FIRST;
		int flags = (desc ? KEY_DESC : 0) | (nulls_first ? KEY_NULLS_FIRST : 0) |
			    (t.oid == LG_OID_NUMERIC ? KEY_NUMERIC : 0);
		lg_sb_appendf(out, ", %d, ", flags);
		lg_sb_appendn(out, e.data, e.len);
	}
	lg_sb_free(&e);
	return rc;
}

/* lg_string_agg_ord(distinct, value, sep, keys...): ORDER BY inside the
 * call, or DISTINCT (which sorts by the argument, as PostgreSQL's does). */
static int ordered_agg(rw_ctx_t *ctx, FuncCall *fc, const char *value, const char *sep,
		       const farg_t *arg, lg_sb_t *out)
{
	lg_sb_appendf(out, "lg_string_agg_ord(%d, %s, %s", fc->agg_distinct ? 1 : 0, value, sep);
	if (!fc->agg_order)
		lg_sb_appendf(out, ", %d, %s", arg->t.oid == LG_OID_NUMERIC ? KEY_NUMERIC : 0,
			      arg->sb.data);
	ListCell *lc;
	ctx->scope->agg_depth++;
	int rc = 0;
	foreach (lc, fc->agg_order) {
		rc = order_key(ctx, fc, lfirst(lc), &arg->sb, out);
		if (rc)
			break;
	}
	ctx->scope->agg_depth--;
	if (rc)
		return -1;
	lg_sb_putc(out, ')');
	if (filter_clause(ctx, fc, out))
		return -1;
	return rw_sb_check(ctx, out);
}

/* json_agg(x): each value as JSON (lg_to_json; SQL NULL becomes null)
 * joined by ", " inside brackets, NULL over no rows. jsonb_agg reads that
 * back as jsonb. */
static int json_aggregate(rw_ctx_t *ctx, FuncCall *fc, agg_kind_t k, farg_t *a, lg_sb_t *out,
			  rw_type_t *type)
{
	const lg_type_t *t = lg_cat_type_by_oid(a->t.oid);
	if (t && t->category == 'A')
		return rw_unsupported(ctx, fc->location, "arrays in json_agg");
	if (fc->agg_distinct && a->t.oid == LG_OID_JSON)
		return rw_error(ctx, exprLocation(a->node), LG_SQLSTATE_UNDEFINED_FUNCTION,
				"could not identify an equality operator for type json");
	if (fc->over && fc->agg_distinct)
		return rw_unsupported(ctx, fc->location, "DISTINCT in window aggregate calls");
	lg_oid_t oid = rw_type_known(&a->t) ? a->t.oid : LG_OID_TEXT;
	lg_sb_t elem = LG_SB_INIT, agg = LG_SB_INIT;
	lg_sb_appendf(&elem, "coalesce(lg_to_json(0, %s, %u), 'null')", a->sb.data, oid);
	int rc = rw_sb_check(ctx, &elem);
	lg_sb_append(&agg, "('[' || ");
	if (rc == 0 && (fc->agg_order || fc->agg_distinct)) {
		rc = ordered_agg(ctx, fc, elem.data, "', '", a, &agg);
	} else if (rc == 0) {
		lg_sb_appendf(&agg, "group_concat(%s, ', ')", elem.data);
		rc = filter_clause(ctx, fc, &agg);
		if (rc == 0 && fc->over)
			rc = rw_over(ctx, fc->over, &agg);
	}
	lg_sb_append(&agg, " || ']')");
	*type = RW_TYPE(LG_OID_JSON);
	if (rc == 0 && k == AGG_JSONB) {
		rw_type_t jsonb = RW_TYPE(LG_OID_JSONB);
		rc = rw_coerce(ctx, &agg, type, &jsonb, 'e', fc->location);
		*type = jsonb;
	}
	if (rc == 0 && rw_sb_check(ctx, &agg) == 0)
		lg_sb_appendn(out, agg.data, agg.len);
	lg_sb_free(&elem);
	lg_sb_free(&agg);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* Untyped arguments of count/min/max/string_agg are text. */
static int type_args(rw_ctx_t *ctx, agg_kind_t k, farg_t *args, int n, int depth)
{
	for (int i = 0; i < n; i++) {
		if (rw_type_known(&args[i].t) ||
		    !(k == AGG_STRING || k == AGG_COUNT || k == AGG_MIN || k == AGG_MAX ||
		      k == AGG_JSON || k == AGG_JSONB))
			continue;
		ctx->scope->agg_depth += depth;
		int rc = rw_func_retype(ctx, &args[i], LG_OID_TEXT);
		ctx->scope->agg_depth -= depth;
		if (rc)
			return -1;
	}
	return 0;
}

static int aggregate_body(rw_ctx_t *ctx, FuncCall *fc, agg_kind_t k, farg_t *args, int n,
			  lg_sb_t *out, rw_type_t *type)
{
	int want_n = k == AGG_STRING ? 2 : 1;
	if (fc->agg_star ? k != AGG_COUNT : n != want_n)
		return rw_no_function(ctx, fc, args, n);
	const char *fn = agg_sql(k, n ? args[0].t.oid : 0, type);
	if (!fn || (k == AGG_STRING &&
		    (!rw_is_text_type(args[0].t.oid) || !rw_is_text_type(args[1].t.oid))))
		return rw_no_function(ctx, fc, args, n);
	if (k == AGG_MIN || k == AGG_MAX)
		type->typmod = -1;
	if ((k == AGG_JSON || k == AGG_JSONB) && !fc->over)
		ctx->scope->naggs++;
	if (k == AGG_JSON || k == AGG_JSONB)
		return json_aggregate(ctx, fc, k, args, out, type);
	if (fc->agg_order && !order_irrelevant(k, n ? args[0].t.oid : 0))
		if (k != AGG_STRING || fc->over)
			return rw_unsupported(ctx, fc->location, "ORDER BY in this aggregate");
	if (!fc->over)
		ctx->scope->naggs++;
	if (k == AGG_STRING && fc->agg_order)
		return ordered_agg(ctx, fc, args[0].sb.data, args[1].sb.data, &args[0], out);
	if (agg_args_sql(ctx, fc, k, args, n, fn, type, out))
		return -1;
	return fc->over ? rw_over(ctx, fc->over, out) : 0;
}

int rw_aggregate(rw_ctx_t *ctx, FuncCall *fc, const char *name, lg_sb_t *out, rw_type_t *type)
{
	agg_kind_t k = agg_of(name);
	if (agg_checks(ctx, fc))
		return -1;
	farg_t *args = NULL;
	int n = 0;
	/* Arguments of a window aggregate are not inside an aggregate. */
	int depth = fc->over ? 0 : 1;
	ctx->scope->agg_depth += depth;
	int rc = rw_func_args(ctx, fc->args, &args, &n);
	ctx->scope->agg_depth -= depth;
	if (rc == 0)
		rc = type_args(ctx, k, args, n, depth);
	if (rc == 0)
		rc = aggregate_body(ctx, fc, k, args, n, out, type);
	rw_func_args_free(args, n);
	return rc ? -1 : 0;
}
