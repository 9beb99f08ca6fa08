/* FROM items: tables, WITH queries, subqueries, joins (with PostgreSQL's
 * USING/NATURAL column merging and visibility) and functions in FROM. Name
 * resolution over them is in scope.c; LATERAL subqueries to the right of
 * other items are from_lateral.c's. */
#include "rewrite/from_int.h"

#include <string.h>

static int from_item(rw_ctx_t *ctx, Node *n, lg_sb_t *out, rw_rte_t **rte);

/* A LATERAL subquery with nothing to its left at this level is an
 * ordinary one (it may still refer to outer queries). */
static int subselect_item(rw_ctx_t *ctx, RangeSubselect *rs, lg_sb_t *out, rw_rte_t **rtep)
{
	if (rs->lateral && ctx->scope->nitems > 0)
		return rw_unsupported(ctx, -1, "LATERAL in this position");
	if (!rs->alias)
		return rw_error(ctx, -1, LG_SQLSTATE_SYNTAX_ERROR,
				"subquery in FROM must have an alias");
	if (!IsA(rs->subquery, SelectStmt))
		return rw_unsupported(ctx, -1, "this subquery in FROM");
	const char *name = rs->alias->aliasname;
	if (rw_check_duplicate_name(ctx, name, -1))
		return -1;
	/* A FROM subquery sees outer levels but not its siblings. */
	rw_scope_t *here = ctx->scope;
	ctx->scope = here->parent;
	lg_sb_t sub = LG_SB_INIT;
	rw_query_t q;
	int rc = rw_select(ctx, (SelectStmt *)rs->subquery, NULL, 0, &sub, &q);
	ctx->scope = here;
	if (rc == 0) {
		lg_sb_putc(out, '(');
		lg_sb_appendn(out, sub.data, sub.len);
		lg_sb_append(out, ") AS ");
		lg_sb_append_ident(out, name);
	}
	lg_sb_free(&sub);
	if (rc)
		return -1;
	rw_rte_t *rte = rw_alloc(ctx, sizeof(*rte));
	if (!rte)
		return -1;
	rte->name = name;
	rte->rel_visible = true;
	rte->cols_visible = true;
	rte->ncols = q.ncols;
	rte->cols = q.cols;
	for (int i = 0; i < q.ncols; i++) {
		q.cols[i].sql = rw_qualified(ctx, name, q.cols[i].sqlname);
		q.cols[i].table_oid = 0;
		q.cols[i].attnum = 0;
		if (!q.cols[i].sql)
			return -1;
	}
	if (rw_apply_colnames(ctx, rte, rs->alias, -1))
		return -1;
	*rtep = rte;
	return 0;
}

static const char *join_keyword(JoinType jt)
{
	switch (jt) {
	case JOIN_INNER:
		return " JOIN ";
	case JOIN_LEFT:
		return " LEFT JOIN ";
	case JOIN_RIGHT:
		return " RIGHT JOIN ";
	case JOIN_FULL:
		return " FULL JOIN ";
	default:
		return NULL;
	}
}

/* The merged column of USING/NATURAL: which side's value it is. */
static const char *merged_sql(rw_ctx_t *ctx, JoinType jt, const rw_col_t *l, const rw_col_t *r)
{
	if (jt == JOIN_RIGHT)
		return r->sql;
	if (jt != JOIN_FULL)
		return l->sql;
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_appendf(&sb, "coalesce(%s, %s)", l->sql, r->sql);
	char *s = rw_sb_dup(ctx, &sb);
	lg_sb_free(&sb);
	return s;
}

/* USING / NATURAL: the list of common column names. */
static int using_names(rw_ctx_t *ctx, JoinExpr *j, const rw_rte_t *l, const rw_rte_t *r,
		       const char ***names, int *n)
{
	*n = 0;
	if (j->isNatural) {
		*names = rw_alloc(ctx, sizeof(char *) * (size_t)(l->ncols + 1));
		if (!*names)
			return -1;
		for (int i = 0; i < l->ncols; i++) {
			int k;
			if (rw_find_in_rte(r, l->cols[i].name, &k) > 0)
				(*names)[(*n)++] = l->cols[i].name;
		}
		return 0;
	}
	*names = rw_alloc(ctx, sizeof(char *) * (size_t)(list_length(j->usingClause) + 1));
	if (!*names)
		return -1;
	ListCell *lc;
	foreach (lc, j->usingClause) {
		const char *name = strVal(lfirst(lc));
		int k;
		int nl = rw_find_in_rte(l, name, &k), nr = rw_find_in_rte(r, name, &k);
		if (nl == 0)
			return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_COLUMN,
					"column \"%s\" specified in USING clause does not exist in left table",
					name);
		if (nr == 0)
			return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_COLUMN,
					"column \"%s\" specified in USING clause does not exist in right table",
					name);
		if (nl > 1 || nr > 1)
			return rw_error(ctx, -1, LG_SQLSTATE_AMBIGUOUS_COLUMN,
					"common column name \"%s\" appears more than once in %s table",
					name, nl > 1 ? "left" : "right");
		(*names)[(*n)++] = name;
	}
	return 0;
}

static bool in_names(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return true;
	return false;
}

/* Builds the join's column list and its USING/NATURAL condition. */
static int join_columns(rw_ctx_t *ctx, JoinExpr *j, const rw_rte_t *l, const rw_rte_t *r,
			rw_rte_t *jr, lg_sb_t *cond)
{
	const char **names = NULL;
	int nu = 0;
	bool merged = j->isNatural || j->usingClause;
	if (merged && using_names(ctx, j, l, r, &names, &nu))
		return -1;
	jr->cols = rw_alloc(ctx, sizeof(rw_col_t) * (size_t)(l->ncols + r->ncols + 1));
	if (!jr->cols)
		return -1;
	for (int i = 0; i < nu; i++) {
		int li = 0, ri = 0;
		rw_find_in_rte(l, names[i], &li);
		rw_find_in_rte(r, names[i], &ri);
		rw_col_t c = l->cols[li];
		c.sql = merged_sql(ctx, j->jointype, &l->cols[li], &r->cols[ri]);
		if (!c.sql)
			return -1;
		jr->cols[jr->ncols++] = c;
		lg_sb_append(cond, i ? " AND " : "");
		lg_sb_appendf(cond, "%s = %s", l->cols[li].sql, r->cols[ri].sql);
		if (rw_is_numeric_type(l->cols[li].type.oid) &&
		    l->cols[li].type.oid == LG_OID_NUMERIC)
			lg_sb_append(cond, " COLLATE lg_numeric");
	}
	for (int i = 0; i < l->ncols; i++)
		if (!in_names(names, nu, l->cols[i].name))
			jr->cols[jr->ncols++] = l->cols[i];
	for (int i = 0; i < r->ncols; i++)
		if (!in_names(names, nu, r->cols[i].name))
			jr->cols[jr->ncols++] = r->cols[i];
	return 0;
}

static void hide_columns(rw_ctx_t *ctx, int from)
{
	for (int i = from; i < ctx->scope->nitems; i++)
		ctx->scope->items[i]->cols_visible = false;
}

static bool is_lateral(const Node *n)
{
	return IsA(n, RangeSubselect) && ((const RangeSubselect *)n)->lateral;
}

/* a [LEFT] JOIN LATERAL (...) x ON true, a CROSS JOIN LATERAL (...) x: the
 * right side emits no SQL (from_int.h). */
static int lateral_join(rw_ctx_t *ctx, JoinExpr *j, lg_sb_t *out, rw_rte_t **rtep)
{
	bool on_true = !j->quals || rw_is_const_true(j->quals);
	bool left = j->jointype == JOIN_LEFT && j->quals && on_true;
	if (!(left || (j->jointype == JOIN_INNER && on_true)) || j->usingClause || j->isNatural)
		return rw_unsupported(ctx, -1, "this join with a LATERAL subquery");
	int first = ctx->scope->nitems;
	rw_rte_t *l, *r;
	if (from_item(ctx, j->larg, out, &l) ||
	    rw_lateral_item(ctx, (RangeSubselect *)j->rarg, left, &r) || rw_scope_add(ctx, r))
		return -1;
	rw_rte_t *jr = rw_alloc(ctx, sizeof(*jr));
	if (!jr)
		return -1;
	jr->is_join = true;
	jr->cols_visible = true;
	lg_sb_t cond = LG_SB_INIT;
	int rc = join_columns(ctx, j, l, r, jr, &cond);
	lg_sb_free(&cond);
	if (rc)
		return -1;
	hide_columns(ctx, first);
	if (rw_scope_add(ctx, jr))
		return -1;
	*rtep = jr;
	return 0;
}

static int join_item(rw_ctx_t *ctx, JoinExpr *j, lg_sb_t *out, rw_rte_t **rtep)
{
	if (j->alias || j->join_using_alias)
		return rw_unsupported(ctx, -1, "aliases on JOIN");
	if (is_lateral(j->rarg))
		return lateral_join(ctx, j, out, rtep);
	const char *kw = join_keyword(j->jointype);
	if (!kw)
		return rw_unsupported(ctx, -1, "this join type");
	int first = ctx->scope->nitems;
	rw_rte_t *l, *r;
	if (from_item(ctx, j->larg, out, &l))
		return -1;
	bool cross = !j->quals && !j->usingClause && !j->isNatural;
	lg_sb_append(out, cross ? " CROSS JOIN " : kw);
	bool paren = IsA(j->rarg, JoinExpr);
	if (paren)
		lg_sb_putc(out, '(');
	if (from_item(ctx, j->rarg, out, &r))
		return -1;
	if (paren)
		lg_sb_putc(out, ')');
	rw_rte_t *jr = rw_alloc(ctx, sizeof(*jr));
	if (!jr)
		return -1;
	jr->is_join = true;
	jr->cols_visible = true;
	lg_sb_t cond = LG_SB_INIT;
	int rc = join_columns(ctx, j, l, r, jr, &cond);
	if (rc == 0 && j->quals) {
		rc = rw_expr_bool(ctx, j->quals, "JOIN/ON", &cond);
	}
	if (rc == 0 && !cross) {
		lg_sb_append(out, " ON ");
		if (cond.len)
			lg_sb_appendn(out, cond.data, cond.len);
		else
			lg_sb_append(out, "1");
	}
	rc = rc ? rc : rw_sb_check(ctx, &cond);
	lg_sb_free(&cond);
	if (rc)
		return -1;
	hide_columns(ctx, first);
	if (rw_scope_add(ctx, jr))
		return -1;
	*rtep = jr;
	return 0;
}

/* A WITH query named in FROM. */
static int cte_item(rw_ctx_t *ctx, RangeVar *rv, const rw_cte_t *cte, lg_sb_t *out,
		    rw_rte_t **rtep)
{
	const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
	if (rw_check_duplicate_name(ctx, name, rv->location))
		return -1;
	rw_rte_t *rte = rw_alloc(ctx, sizeof(*rte));
	if (!rte)
		return -1;
	rte->name = name;
	rte->rel_visible = true;
	rte->cols_visible = true;
	rte->ncols = cte->ncols;
	rte->cols = rw_alloc(ctx, sizeof(rw_col_t) * (size_t)(cte->ncols + 1));
	if (!rte->cols)
		return -1;
	for (int i = 0; i < cte->ncols; i++) {
		rte->cols[i] = cte->cols[i];
		rte->cols[i].sql = rw_qualified(ctx, name, cte->cols[i].sqlname);
		if (!rte->cols[i].sql)
			return -1;
	}
	if (rw_apply_colnames(ctx, rte, rv->alias, rv->location))
		return -1;
	lg_sb_append_ident(out, rv->relname);
	if (rv->alias) {
		lg_sb_append(out, " AS ");
		lg_sb_append_ident(out, rv->alias->aliasname);
	}
	*rtep = rte;
	return rw_sb_check(ctx, out);
}

static int table_item(rw_ctx_t *ctx, RangeVar *rv, lg_sb_t *out, rw_rte_t **rtep)
{
	const rw_cte_t *cte = rv->schemaname ? NULL : rw_find_cte(ctx, rv->relname);
	if (cte)
		return cte_item(ctx, rv, cte, out, rtep);
	if (rw_table_rte(ctx, rv, rtep))
		return -1;
	if (rv->schemaname && strcmp(rv->schemaname, "public") != 0) {
		lg_sb_append_ident(out, rv->schemaname);
		lg_sb_putc(out, '.');
	}
	lg_sb_append_ident(out, rv->relname);
	if (rv->alias) {
		lg_sb_append(out, " AS ");
		lg_sb_append_ident(out, rv->alias->aliasname);
	}
	return 0;
}

/* ---- functions in FROM ---- */

static bool is_int_type(lg_oid_t o)
{
	return o == LG_OID_INT2 || o == LG_OID_INT4 || o == LG_OID_INT8;
}

/* generate_series(start, stop [, step]) over integers, as a recursive
 * query (SQLite's generate_series is not in the library). */
static int generate_series(rw_ctx_t *ctx, FuncCall *fc, lg_sb_t *out, rw_type_t *type)
{
	int n = list_length(fc->args);
	lg_sb_t a[3] = {LG_SB_INIT, LG_SB_INIT, LG_SB_INIT};
	rw_type_t t[3];
	int rc = 0;
	*type = RW_TYPE(LG_OID_INT4);
	for (int i = 0; i < n && rc == 0; i++) {
		rc = rw_expr(ctx, list_nth(fc->args, i), &RW_TYPE(LG_OID_INT4), &a[i], &t[i]);
		if (rc == 0 && !is_int_type(t[i].oid))
			rc = rw_unsupported(ctx, fc->location, "generate_series over non-integers");
		if (rc == 0 && t[i].oid == LG_OID_INT8)
			*type = RW_TYPE(LG_OID_INT8);
	}
	if (rc == 0) {
		const char *step = n == 3 ? a[2].data : "1";
		const char *lo = a[0].data, *hi = a[1].data;
		lg_sb_appendf(out,
			      "(WITH RECURSIVE \"g\"(\"v\") AS (SELECT %s WHERE (lg_series_step(%s) > 0 "
			      "AND %s <= %s) OR (%s < 0 AND %s >= %s) UNION ALL SELECT \"v\" + %s FROM "
			      "\"g\" WHERE (%s > 0 AND \"v\" + %s <= %s) OR (%s < 0 AND \"v\" + %s >= %s)) "
			      "SELECT \"v\" AS \"generate_series\" FROM \"g\")",
			      lo, step, lo, hi, step, lo, hi, step, step, step, hi, step, step, hi);
		rc = rw_sb_check(ctx, out);
	}
	for (int i = 0; i < 3; i++)
		lg_sb_free(&a[i]);
	return rc;
}

/* A function in FROM: a set-returning one we know, or any scalar function
 * as a one-row table. The column is named after the alias, else the
 * function. */
static int function_item(rw_ctx_t *ctx, RangeFunction *rf, lg_sb_t *out, rw_rte_t **rtep)
{
	if (rf->lateral || rf->ordinality || rf->is_rowsfrom || rf->coldeflist ||
	    list_length(rf->functions) != 1)
		return rw_unsupported(ctx, -1, "this function in FROM");
	List *item = linitial(rf->functions);
	FuncCall *fc = linitial(item);
	if (!IsA(fc, FuncCall) || lsecond(item))
		return rw_unsupported(ctx, -1, "this function in FROM");
	const char *fname = strVal(llast(fc->funcname));
	const char *name = rf->alias ? rf->alias->aliasname : fname;
	if (rw_check_duplicate_name(ctx, name, fc->location))
		return -1;
	/* Like a subquery, it does not see its siblings. */
	rw_scope_t *here = ctx->scope;
	ctx->scope = here->parent;
	rw_scope_t *sc = rw_scope_push(ctx);
	int rc = sc ? 0 : -1;
	if (sc)
		sc->agg_forbidden = "functions in FROM";
	lg_sb_t e = LG_SB_INIT;
	rw_type_t t;
	if (rc == 0 && strcmp(fname, "generate_series") == 0 && list_length(fc->funcname) == 1 &&
	    (list_length(fc->args) == 2 || list_length(fc->args) == 3)) {
		rc = generate_series(ctx, fc, &e, &t);
	} else if (rc == 0) {
		lg_sb_append(&e, "(SELECT ");
		rc = rw_expr(ctx, (Node *)fc, NULL, &e, &t);
		lg_sb_append(&e, " AS \"generate_series\")");
		if (rc == 0 && !rw_type_known(&t))
			t = RW_TYPE(LG_OID_TEXT);
	}
	ctx->scope = here;
	rw_rte_t *rte = rc == 0 ? rw_alloc(ctx, sizeof(*rte)) : NULL;
	rw_col_t *col = rte ? rw_alloc(ctx, sizeof(*col)) : NULL;
	if (col) {
		lg_sb_appendn(out, e.data, e.len);
		lg_sb_append(out, " AS ");
		lg_sb_append_ident(out, name);
		rte->name = name;
		rte->rel_visible = rte->cols_visible = true;
		rte->ncols = 1;
		rte->cols = col;
		col->name = name;
		col->type = (rw_type_t){t.oid, -1};
		col->sql = rw_qualified(ctx, name, "generate_series");
		rc = col->sql ? rw_apply_colnames(ctx, rte, rf->alias, fc->location) : -1;
		*rtep = rte;
	}
	lg_sb_free(&e);
	return col ? rc : -1;
}

static int from_item(rw_ctx_t *ctx, Node *n, lg_sb_t *out, rw_rte_t **rte)
{
	switch (nodeTag(n)) {
	case T_RangeVar:
		if (table_item(ctx, (RangeVar *)n, out, rte))
			return -1;
		break;
	case T_RangeSubselect:
		if (subselect_item(ctx, (RangeSubselect *)n, out, rte))
			return -1;
		break;
	case T_JoinExpr:
		return join_item(ctx, (JoinExpr *)n, out, rte);
	case T_RangeFunction:
		if (function_item(ctx, (RangeFunction *)n, out, rte))
			return -1;
		break;
	default:
		return rw_unsupported(ctx, -1, "this FROM item");
	}
	return rw_scope_add(ctx, *rte);
}

int rw_from_list(rw_ctx_t *ctx, List *from, lg_sb_t *out)
{
	ListCell *lc;
	bool any = false; /* FROM text emitted so far */
	foreach (lc, from) {
		rw_rte_t *rte;
		Node *n = lfirst(lc);
		/* ", LATERAL (...) x" after other items: a cross join */
		if (is_lateral(n) && ctx->scope->nitems > 0) {
			if (rw_lateral_item(ctx, (RangeSubselect *)n, false, &rte) ||
			    rw_scope_add(ctx, rte))
				return -1;
			continue;
		}
		if (any)
			lg_sb_append(out, ", ");
		if (from_item(ctx, n, out, &rte))
			return -1;
		any = true;
	}
	return rw_sb_check(ctx, out);
}

