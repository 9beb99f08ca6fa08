/* Window functions and OVER clauses. SQLite has the same window functions
 * and frame syntax; what matters here is PostgreSQL's result types and its
 * NULLS ordering defaults inside OVER (ORDER BY ...). */
#include "rewrite/rw_internal.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

static const struct {
	const char *name;
	int min, max;
	lg_oid_t result; /* 0: the first argument's type */
} wfuncs[] = {
	{"row_number", 0, 0, LG_OID_INT8},   {"rank", 0, 0, LG_OID_INT8},
	{"dense_rank", 0, 0, LG_OID_INT8},   {"percent_rank", 0, 0, LG_OID_FLOAT8},
	{"cume_dist", 0, 0, LG_OID_FLOAT8},  {"ntile", 1, 1, LG_OID_INT4},
	{"lag", 1, 3, 0},                    {"lead", 1, 3, 0},
	{"first_value", 1, 1, 0},            {"last_value", 1, 1, 0},
	{"nth_value", 2, 2, 0},
};

bool rw_is_window_function(const char *name)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(wfuncs); i++)
		if (strcmp(wfuncs[i].name, name) == 0)
			return true;
	return false;
}

static int order_item(rw_ctx_t *ctx, SortBy *sb, lg_sb_t *out)
{
	if (sb->sortby_dir == SORTBY_USING)
		return rw_unsupported(ctx, sb->location, "ORDER BY ... USING");
	lg_sb_t e = LG_SB_INIT;
	rw_type_t t;
	int rc = rw_expr(ctx, sb->node, NULL, &e, &t);
	if (rc == 0) {
		rw_append_operand(out, e.data, e.len);
		if (t.oid == LG_OID_NUMERIC)
			lg_sb_append(out, " COLLATE lg_numeric");
		bool desc = sb->sortby_dir == SORTBY_DESC;
		bool nulls_first = sb->sortby_nulls == SORTBY_NULLS_DEFAULT
					   ? desc
					   : sb->sortby_nulls == SORTBY_NULLS_FIRST;
		lg_sb_append(out, desc ? " DESC" : " ASC");
		lg_sb_append(out, nulls_first ? " NULLS FIRST" : " NULLS LAST");
	}
	lg_sb_free(&e);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int frame_bound(rw_ctx_t *ctx, int opts, bool start, Node *offset, lg_sb_t *out)
{
	int unb_p = start ? FRAMEOPTION_START_UNBOUNDED_PRECEDING : FRAMEOPTION_END_UNBOUNDED_PRECEDING;
	int unb_f = start ? FRAMEOPTION_START_UNBOUNDED_FOLLOWING : FRAMEOPTION_END_UNBOUNDED_FOLLOWING;
	int cur = start ? FRAMEOPTION_START_CURRENT_ROW : FRAMEOPTION_END_CURRENT_ROW;
	int off_p = start ? FRAMEOPTION_START_OFFSET_PRECEDING : FRAMEOPTION_END_OFFSET_PRECEDING;
	if (opts & unb_p) {
		lg_sb_append(out, "UNBOUNDED PRECEDING");
	} else if (opts & unb_f) {
		lg_sb_append(out, "UNBOUNDED FOLLOWING");
	} else if (opts & cur) {
		lg_sb_append(out, "CURRENT ROW");
	} else if (offset) {
		rw_type_t t;
		lg_sb_t e = LG_SB_INIT;
		int rc = rw_expr(ctx, offset, &RW_TYPE(LG_OID_INT8), &e, &t);
		if (rc == 0)
			rw_append_operand(out, e.data, e.len);
		lg_sb_free(&e);
		if (rc)
			return -1;
		lg_sb_append(out, (opts & off_p) ? " PRECEDING" : " FOLLOWING");
	}
	return 0;
}

static int frame(rw_ctx_t *ctx, WindowDef *w, lg_sb_t *out)
{
	int o = w->frameOptions;
	if (!(o & FRAMEOPTION_NONDEFAULT))
		return 0;
	lg_sb_append(out, (o & FRAMEOPTION_ROWS) ? " ROWS " : (o & FRAMEOPTION_GROUPS) ? " GROUPS " : " RANGE ");
	if (o & FRAMEOPTION_BETWEEN)
		lg_sb_append(out, "BETWEEN ");
	if (frame_bound(ctx, o, true, w->startOffset, out))
		return -1;
	if (o & FRAMEOPTION_BETWEEN) {
		lg_sb_append(out, " AND ");
		if (frame_bound(ctx, o, false, w->endOffset, out))
			return -1;
	}
	if (o & FRAMEOPTION_EXCLUDE_CURRENT_ROW)
		lg_sb_append(out, " EXCLUDE CURRENT ROW");
	else if (o & FRAMEOPTION_EXCLUDE_GROUP)
		lg_sb_append(out, " EXCLUDE GROUP");
	else if (o & FRAMEOPTION_EXCLUDE_TIES)
		lg_sb_append(out, " EXCLUDE TIES");
	return rw_sb_check(ctx, out);
}

int rw_over(rw_ctx_t *ctx, WindowDef *w, lg_sb_t *out)
{
	if (w->name || w->refname)
		return rw_unsupported(ctx, w->location, "named windows");
	lg_sb_append(out, " OVER (");
	ListCell *lc;
	foreach (lc, w->partitionClause) {
		lg_sb_append(out, lc == list_head(w->partitionClause) ? "PARTITION BY " : ", ");
		rw_type_t t;
		lg_sb_t e = LG_SB_INIT;
		int rc = rw_expr(ctx, lfirst(lc), NULL, &e, &t);
		if (rc == 0)
			rw_append_operand(out, e.data, e.len);
		lg_sb_free(&e);
		if (rc)
			return -1;
	}
	foreach (lc, w->orderClause) {
		lg_sb_append(out, lc == list_head(w->orderClause)
					  ? (w->partitionClause ? " ORDER BY " : "ORDER BY ")
					  : ", ");
		if (order_item(ctx, lfirst_node(SortBy, lc), out))
			return -1;
	}
	if (frame(ctx, w, out))
		return -1;
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

int rw_window_check(rw_ctx_t *ctx, FuncCall *fc)
{
	rw_scope_t *s = ctx->scope;
	if (!s || !s->window_ok)
		return rw_error(ctx, fc->location, LG_SQLSTATE_WINDOWING_ERROR,
				"window functions are not allowed in %s",
				!s ? "this context"
				: s->agg_forbidden ? s->agg_forbidden
				: s->clause	 ? s->clause
						 : "this context");
	if (s->agg_depth > 0)
		return rw_error(ctx, fc->location, LG_SQLSTATE_GROUPING_ERROR,
				"aggregate function calls cannot contain window function calls");
	return 0;
}

int rw_window_func(rw_ctx_t *ctx, FuncCall *fc, const char *name, lg_sb_t *out, rw_type_t *type)
{
	size_t i = 0;
	while (strcmp(wfuncs[i].name, name) != 0)
		i++;
	if (!fc->over)
		return rw_error(ctx, fc->location, LG_SQLSTATE_WRONG_OBJECT_TYPE,
				"window function %s requires an OVER clause", name);
	if (rw_window_check(ctx, fc))
		return -1;
	if (fc->agg_star || fc->agg_distinct || fc->agg_order || fc->agg_filter)
		return rw_unsupported(ctx, fc->location, "this window function call");
	int n = list_length(fc->args);
	if (n < wfuncs[i].min || n > wfuncs[i].max)
		return rw_error(ctx, fc->location, LG_SQLSTATE_UNDEFINED_FUNCTION,
				"function %s with %d arguments does not exist", name, n);
	lg_sb_appendf(out, "%s(", name);
	rw_type_t first = RW_TYPE(LG_OID_TEXT);
	for (int k = 0; k < n; k++) {
		rw_type_t t;
		/* lag/lead/nth_value: offsets are int4; lag's default has the
		 * value's type */
		const rw_type_t *want = k == 0 ? NULL : k == 2 ? &first : &RW_TYPE(LG_OID_INT4);
		lg_sb_append(out, k ? ", " : "");
		lg_sb_t e = LG_SB_INIT;
		int rc = rw_expr(ctx, list_nth(fc->args, k), want, &e, &t);
		if (rc == 0 && k == 0 && rw_type_known(&t))
			first = (rw_type_t){t.oid, -1}; /* results drop the typmod */
		if (rc == 0 && k == 2)
			rc = rw_coerce(ctx, &e, &t, &first, 'i', exprLocation(list_nth(fc->args, k)));
		if (rc == 0)
			lg_sb_appendn(out, e.data, e.len);
		lg_sb_free(&e);
		if (rc)
			return -1;
	}
	lg_sb_putc(out, ')');
	*type = wfuncs[i].result ? RW_TYPE(wfuncs[i].result) : first;
	return rw_over(ctx, fc->over, out);
}
