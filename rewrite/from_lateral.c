/* LATERAL subqueries in FROM (see from_int.h). ORMs use them for one
 * value per outer row: drizzle's relational queries put
 * `coalesce(json_agg(...), '[]'::json)` (one row, an aggregate) or
 * `json_build_array(...) FROM (... LIMIT 1)` (at most one row) there,
 * joined LEFT ... ON true. A correlated scalar subquery per output column
 * gives the same answer for those; a subquery that could produce several
 * rows cannot be written that way, and is refused rather than guessed. */
#include "rewrite/from_int.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

#include "rewrite/func_int.h"

bool rw_is_const_true(const Node *n)
{
	if (!n || !IsA(n, A_Const))
		return false;
	const A_Const *c = (const A_Const *)n;
	return !c->isnull && IsA(&c->val, Boolean) && c->val.boolval.boolval;
}

/* Finds an aggregate call of this query level (not inside a subquery,
 * not a window call). */
static bool find_aggregate(Node *node, void *arg)
{
	if (!node)
		return false;
	if (IsA(node, SubLink))
		return false;
	if (IsA(node, FuncCall)) {
		FuncCall *fc = (FuncCall *)node;
		const char *name = strVal(llast(fc->funcname));
		if (!fc->over && list_length(fc->funcname) <= 2 && rw_is_aggregate(name)) {
			*(bool *)arg = true;
			return true;
		}
	}
	return raw_expression_tree_walker(node, find_aggregate, arg);
}

/* An aggregate query without GROUP BY, HAVING, LIMIT or OFFSET: exactly one
 * row, whatever its FROM and WHERE hold. */
static bool single_row_aggregate(const SelectStmt *s)
{
	if (s->op != SETOP_NONE || s->valuesLists || s->groupClause || s->havingClause ||
	    s->limitCount || s->limitOffset || s->intoClause)
		return false;
	bool found = false;
	ListCell *lc;
	foreach (lc, s->targetList) {
		ResTarget *rt = lfirst(lc);
		if (IsA(rt, ResTarget) && rt->val)
			find_aggregate(rt->val, &found);
		if (found)
			return true;
	}
	return false;
}

/* Column i of the subquery `sub` as a scalar subquery. */
static const char *column_sql(rw_ctx_t *ctx, const lg_sb_t *sub, const char *sqlname,
			      bool single)
{
	lg_sb_t sb = LG_SB_INIT;
	if (single) {
		lg_sb_append(&sb, "(SELECT ");
		lg_sb_append_ident(&sb, sqlname);
		lg_sb_append(&sb, " FROM (");
	} else {
		lg_sb_append(&sb, "(SELECT CASE WHEN count(*) > 1 THEN lg_raise('0A000', "
				  "'feature not supported: LATERAL subquery returning more than "
				  "one row') ELSE min(");
		lg_sb_append_ident(&sb, sqlname);
		lg_sb_append(&sb, ") END FROM (SELECT * FROM (");
	}
	lg_sb_appendn(&sb, sub->data, sub->len);
	lg_sb_append(&sb, single ? "))" : ") LIMIT 2))");
	char *s = rw_sb_dup(ctx, &sb);
	lg_sb_free(&sb);
	return s;
}

int rw_lateral_item(rw_ctx_t *ctx, RangeSubselect *rs, bool left, rw_rte_t **rtep)
{
	if (!rs->alias)
		return rw_error(ctx, -1, LG_SQLSTATE_SYNTAX_ERROR,
				"subquery in FROM must have an alias");
	if (!IsA(rs->subquery, SelectStmt))
		return rw_unsupported(ctx, -1, "this subquery in FROM");
	SelectStmt *s = (SelectStmt *)rs->subquery;
	bool single = single_row_aggregate(s);
	if (!single && !left)
		return rw_unsupported(ctx, -1,
				      "LATERAL subqueries that are not single-row aggregates");
	const char *name = rs->alias->aliasname;
	if (rw_check_duplicate_name(ctx, name, -1))
		return -1;
	/* Unlike a plain FROM subquery, it sees the items to its left. */
	lg_sb_t sub = LG_SB_INIT;
	rw_query_t q;
	int rc = rw_select(ctx, s, NULL, 0, &sub, &q);
	rw_rte_t *rte = rc == 0 ? rw_alloc(ctx, sizeof(*rte)) : NULL;
	if (rte) {
		rte->name = name;
		rte->rel_visible = true;
		rte->cols_visible = true;
		rte->ncols = q.ncols;
		rte->cols = q.cols;
	}
	for (int i = 0; rte && i < q.ncols; i++) {
		q.cols[i].sql = column_sql(ctx, &sub, q.cols[i].sqlname, single);
		q.cols[i].table_oid = 0;
		q.cols[i].attnum = 0;
		if (!q.cols[i].sql)
			rte = NULL;
	}
	lg_sb_free(&sub);
	if (!rte || rw_apply_colnames(ctx, rte, rs->alias, -1))
		return -1;
	*rtep = rte;
	return 0;
}
