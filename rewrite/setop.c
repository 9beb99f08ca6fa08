/* Set operations (UNION/INTERSECT/EXCEPT), VALUES lists and subquery
 * expressions (EXISTS, IN, scalar subqueries): the query shapes built from
 * other queries. Plain SELECTs are in select.c. */
#include "rewrite/rw_internal.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

/* ---- VALUES ---- */

/* One column of a VALUES list: common type, untyped cells re-read. */
static int values_column(rw_ctx_t *ctx, List *rows, int col, const rw_type_t *want,
			 lg_sb_t *cells, rw_type_t *type)
{
	int n = list_length(rows);
	rw_type_t *types = rw_alloc(ctx, sizeof(rw_type_t) * (size_t)n);
	int *locs = rw_alloc(ctx, sizeof(int) * (size_t)n);
	if (!types || !locs)
		return -1;
	for (int r = 0; r < n; r++) {
		Node *cell = list_nth(list_nth(rows, r), col);
		locs[r] = exprLocation(cell);
		if (rw_expr(ctx, cell, want, &cells[r], &types[r]))
			return -1;
	}
	if (want && rw_type_known(want)) {
		*type = *want;
	} else if (rw_common_type(ctx, types, locs, n, "VALUES", type)) {
		return -1;
	}
	for (int r = 0; r < n; r++) {
		Node *cell = list_nth(list_nth(rows, r), col);
		if (!rw_type_known(&types[r])) {
			lg_sb_reset(&cells[r]);
			if (rw_expr(ctx, cell, type, &cells[r], &types[r]))
				return -1;
		}
		int rc = rw_coerce(ctx, &cells[r], &types[r], type, want ? 'a' : 'i', locs[r]);
		if (rc == -2)
			return rw_error(ctx, locs[r], LG_SQLSTATE_DATATYPE_MISMATCH,
					"VALUES could not convert type %s to %s",
					rw_type_name(ctx, &types[r]), rw_type_name(ctx, type));
		if (rc)
			return -1;
	}
	return 0;
}

static int values_rows(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant,
		       lg_sb_t *out, rw_query_t *q)
{
	List *rows = s->valuesLists;
	int nrows = list_length(rows), ncols = list_length(linitial(rows));
	ListCell *lc;
	foreach (lc, rows)
		if (list_length(lfirst(lc)) != ncols)
			return rw_error(ctx, exprLocation(linitial(lfirst(lc))),
					LG_SQLSTATE_SYNTAX_ERROR,
					"VALUES lists must all be the same length");
	lg_sb_t *cells = rw_alloc(ctx, sizeof(lg_sb_t) * (size_t)nrows * (size_t)ncols);
	q->cols = rw_alloc(ctx, sizeof(rw_col_t) * (size_t)ncols);
	if (!cells || !q->cols)
		return -1;
	q->ncols = ncols;
	int rc = 0;
	for (int c = 0; c < ncols && rc == 0; c++) {
		char name[32];
		snprintf(name, sizeof(name), "column%d", c + 1);
		q->cols[c].name = rw_strdup(ctx, name);
		q->cols[c].sql = q->cols[c].name;
		rc = values_column(ctx, rows, c, (want && c < nwant) ? &want[c] : NULL,
				   &cells[(size_t)c * nrows], &q->cols[c].type);
	}
	for (int r = 0; rc == 0 && r < nrows; r++) {
		lg_sb_append(out, r ? ", (" : "VALUES (");
		for (int c = 0; c < ncols; c++) {
			lg_sb_t *cell = &cells[(size_t)c * nrows + r];
			lg_sb_append(out, c ? ", " : "");
			lg_sb_appendn(out, cell->data, cell->len);
		}
		lg_sb_putc(out, ')');
	}
	for (size_t i = 0; i < (size_t)nrows * ncols; i++)
		lg_sb_free(&cells[i]);
	return rc ? -1 : rw_sb_check(ctx, out);
}

int rw_values_select(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant,
		     lg_sb_t *out, rw_query_t *q)
{
	bool wrap = s->sortClause || s->limitCount || s->limitOffset;
	if (wrap)
		lg_sb_append(out, "SELECT * FROM (");
	if (values_rows(ctx, s, want, nwant, out, q))
		return -1;
	if (!wrap)
		return 0;
	lg_sb_putc(out, ')');
	if (rw_name_outputs(ctx, q) || rw_order_by(ctx, s->sortClause, q, true, out))
		return -1;
	return rw_limit_offset(ctx, s, out);
}

/* ---- set operations ---- */

static const char *setop_name(SetOperation op)
{
	return op == SETOP_UNION ? "UNION" : op == SETOP_INTERSECT ? "INTERSECT" : "EXCEPT";
}

static bool plain_arm(const SelectStmt *s)
{
	return s->op == SETOP_NONE && !s->sortClause && !s->limitCount && !s->limitOffset &&
	       !s->withClause && !s->valuesLists;
}


static int convert_arm(rw_ctx_t *ctx, lg_sb_t *arm, rw_query_t *q, const rw_type_t *types,
		       bool wrap_always);

/* A left arm that is itself a set operation composes left to right in
 * SQLite; anything with its own ORDER BY/LIMIT must be a subquery. */
static bool wrap_left(const SelectStmt *l)
{
	if (l->sortClause || l->limitCount || l->limitOffset || l->withClause)
		return true;
	return l->op == SETOP_NONE && l->valuesLists;
}

/* Converts a query's output columns to `types` by wrapping it in
 * SELECT conv(c1), ... FROM (query). */
int rw_convert_query(rw_ctx_t *ctx, lg_sb_t *arm, rw_query_t *q, const rw_type_t *types,
		     bool wrap_always, char kind)
{
	bool need = wrap_always;
	for (int i = 0; i < q->ncols; i++)
		if (q->cols[i].type.oid != types[i].oid)
			need = true;
	if (!need)
		return 0;
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_append(&sb, "SELECT ");
	for (int i = 0; i < q->ncols; i++) {
		lg_sb_t c = LG_SB_INIT;
		lg_sb_append_ident(&c, q->cols[i].sqlname);
		int rc = rw_coerce(ctx, &c, &q->cols[i].type, &types[i], kind, -1);
		if (rc == 0) {
			lg_sb_append(&sb, i ? ", " : "");
			lg_sb_appendn(&sb, c.data, c.len);
			lg_sb_append(&sb, " AS ");
			lg_sb_append_ident(&sb, q->cols[i].sqlname);
		}
		lg_sb_free(&c);
		if (rc) {
			lg_sb_free(&sb);
			return rw_error(ctx, -1, LG_SQLSTATE_DATATYPE_MISMATCH,
					"cannot convert set operation column");
		}
	}
	lg_sb_append(&sb, " FROM (");
	lg_sb_appendn(&sb, arm->data, arm->len);
	lg_sb_putc(&sb, ')');
	lg_sb_reset(arm);
	lg_sb_appendn(arm, sb.data, sb.len);
	lg_sb_free(&sb);
	return rw_sb_check(ctx, arm);
}

static int convert_arm(rw_ctx_t *ctx, lg_sb_t *arm, rw_query_t *q, const rw_type_t *types,
		       bool wrap_always)
{
	return rw_convert_query(ctx, arm, q, types, wrap_always, 'i');
}

/* Where PostgreSQL points for a set operation's column `i`: the
 * expression of that column in the branch's leftmost query. */
static int column_location(SelectStmt *s, int i)
{
	while (s && s->op != SETOP_NONE)
		s = s->larg;
	if (!s || s->valuesLists || i >= list_length(s->targetList))
		return -1; /* VALUES columns have no location */
	return exprLocation(list_nth_node(ResTarget, s->targetList, i)->val);
}

static int setop_arms(rw_ctx_t *ctx, SelectStmt *s, lg_sb_t *l, lg_sb_t *r, rw_query_t *lq,
		      rw_query_t *rq, rw_type_t **types)
{
	const char *what = setop_name(s->op);
	if (rw_select(ctx, s->larg, NULL, 0, l, lq) || rw_select(ctx, s->rarg, NULL, 0, r, rq))
		return -1;
	if (lq->ncols != rq->ncols)
		return rw_error(ctx, column_location(s->rarg, 0), LG_SQLSTATE_SYNTAX_ERROR,
				"each %s query must have the same number of columns", what);
	*types = rw_alloc(ctx, sizeof(rw_type_t) * (size_t)(lq->ncols + 1));
	if (!*types)
		return -1;
	bool unknown = false;
	for (int i = 0; i < lq->ncols; i++) {
		rw_type_t pair[2] = {lq->cols[i].type, rq->cols[i].type};
		int locs[2] = {column_location(s->larg, i), column_location(s->rarg, i)};
		if (rw_common_type(ctx, pair, locs, 2, what, &(*types)[i]))
			return -1;
		unknown |= IsA(s->rarg, SelectStmt) && rq->cols[i].type.oid == LG_OID_TEXT &&
			   (*types)[i].oid != LG_OID_TEXT;
	}
	/* Untyped literals of the right arm are read as the left's types. */
	if (unknown) {
		lg_sb_reset(r);
		if (rw_select(ctx, s->rarg, *types, lq->ncols, r, rq))
			return -1;
	}
	return 0;
}

int rw_set_operation(rw_ctx_t *ctx, SelectStmt *s, lg_sb_t *out, rw_query_t *q)
{
	if (s->all && s->op != SETOP_UNION)
		return rw_unsupported(ctx, -1, s->op == SETOP_INTERSECT ? "INTERSECT ALL"
									 : "EXCEPT ALL");
	lg_sb_t l = LG_SB_INIT, r = LG_SB_INIT;
	rw_query_t lq, rq;
	rw_type_t *types = NULL;
	int rc = setop_arms(ctx, s, &l, &r, &lq, &rq, &types);
	if (rc == 0)
		rc = convert_arm(ctx, &l, &lq, types, wrap_left(s->larg));
	if (rc == 0)
		rc = convert_arm(ctx, &r, &rq, types, !plain_arm(s->rarg));
	if (rc == 0) {
		lg_sb_appendn(out, l.data, l.len);
		lg_sb_appendf(out, " %s%s ", setop_name(s->op), s->all ? " ALL" : "");
		lg_sb_appendn(out, r.data, r.len);
		*q = lq;
		for (int i = 0; i < q->ncols; i++) {
			q->cols[i].type = types[i];
			q->cols[i].table_oid = 0;
			q->cols[i].attnum = 0;
			q->cols[i].sql = q->cols[i].sqlname;
		}
		rw_scope_t *sc = ctx->scope;
		const char *saved = sc ? sc->agg_forbidden : NULL;
		rc = rw_order_by(ctx, s->sortClause, q, true, out);
		if (rc == 0)
			rc = rw_limit_offset(ctx, s, out);
		if (sc)
			sc->agg_forbidden = saved;
	}
	lg_sb_free(&l);
	lg_sb_free(&r);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* ---- subquery expressions ---- */

static int subquery(rw_ctx_t *ctx, SubLink *sl, lg_sb_t *out, rw_query_t *q)
{
	if (!IsA(sl->subselect, SelectStmt))
		return rw_unsupported(ctx, sl->location, "this subquery");
	return rw_select(ctx, (SelectStmt *)sl->subselect, NULL, 0, out, q);
}

/* A scalar subquery must not return more than one row (SQLite would take
 * the first): count up to two rows and raise 21000 like PostgreSQL. */
static int scalar_sublink(rw_ctx_t *ctx, SubLink *sl, lg_sb_t *out, rw_type_t *type)
{
	lg_sb_t sub = LG_SB_INIT;
	rw_query_t q;
	int rc = subquery(ctx, sl, &sub, &q);
	if (rc == 0 && q.ncols != 1)
		rc = rw_error(ctx, sl->location, LG_SQLSTATE_SYNTAX_ERROR,
			      "subquery must return only one column");
	if (rc == 0) {
		*type = q.cols[0].type;
		lg_sb_append(out, "(SELECT CASE WHEN count(*) > 1 THEN lg_raise('21000', "
				  "'more than one row returned by a subquery used as an expression') "
				  "ELSE min(");
		lg_sb_append_ident(out, q.cols[0].sqlname);
		lg_sb_append(out, ") END FROM (SELECT * FROM (");
		lg_sb_appendn(out, sub.data, sub.len);
		lg_sb_append(out, ") LIMIT 2))");
	}
	lg_sb_free(&sub);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int in_sublink(rw_ctx_t *ctx, SubLink *sl, lg_sb_t *out, rw_type_t *type)
{
	/* IN (subquery) arrives as ANY with no operator name. */
	if ((sl->operName && strcmp(strVal(llast(sl->operName)), "=") != 0) ||
	    sl->subLinkType != ANY_SUBLINK)
		return rw_unsupported(ctx, sl->location, "ANY/ALL with this operator on a subquery");
	if (IsA(sl->testexpr, RowExpr))
		return rw_unsupported(ctx, sl->location, "row comparison with a subquery");
	*type = RW_TYPE(LG_OID_BOOL);
	lg_sb_t sub = LG_SB_INIT, left = LG_SB_INIT;
	rw_query_t q;
	rw_type_t lt;
	int rc = subquery(ctx, sl, &sub, &q);
	if (rc == 0 && q.ncols != 1)
		rc = rw_error(ctx, sl->location, LG_SQLSTATE_SYNTAX_ERROR,
			      "subquery has too many columns");
	if (rc == 0)
		rc = rw_expr(ctx, sl->testexpr, &q.cols[0].type, &left, &lt);
	if (rc == 0 && rw_type_known(&lt) && lt.oid != q.cols[0].type.oid) {
		/* Convert the left side when that is an implicit cast, else
		 * the subquery's column. */
		if (rw_can_coerce(lt.oid, q.cols[0].type.oid, 'i'))
			rc = rw_coerce(ctx, &left, &lt, &q.cols[0].type, 'i', sl->location);
		else if (rw_can_coerce(q.cols[0].type.oid, lt.oid, 'i')) {
			rc = convert_arm(ctx, &sub, &q, &lt, true);
			q.cols[0].type = lt;
		} else {
			rc = rw_error(ctx, sl->location, LG_SQLSTATE_UNDEFINED_FUNCTION,
				      "operator does not exist: %s = %s", rw_type_name(ctx, &lt),
				      rw_type_name(ctx, &q.cols[0].type));
		}
	}
	if (rc == 0) {
		rw_append_operand(out, left.data, left.len);
		if (q.cols[0].type.oid == LG_OID_NUMERIC)
			lg_sb_append(out, " COLLATE lg_numeric");
		lg_sb_append(out, " IN (");
		lg_sb_appendn(out, sub.data, sub.len);
		lg_sb_putc(out, ')');
	}
	lg_sb_free(&sub);
	lg_sb_free(&left);
	return rc ? -1 : rw_sb_check(ctx, out);
}

int rw_sublink(rw_ctx_t *ctx, SubLink *sl, lg_sb_t *out, rw_type_t *type)
{
	switch (sl->subLinkType) {
	case EXISTS_SUBLINK: {
		lg_sb_t sub = LG_SB_INIT;
		rw_query_t q;
		int rc = subquery(ctx, sl, &sub, &q);
		if (rc == 0) {
			lg_sb_append(out, "EXISTS (");
			lg_sb_appendn(out, sub.data, sub.len);
			lg_sb_putc(out, ')');
		}
		lg_sb_free(&sub);
		*type = RW_TYPE(LG_OID_BOOL);
		return rc ? -1 : rw_sb_check(ctx, out);
	}
	case EXPR_SUBLINK:
		return scalar_sublink(ctx, sl, out, type);
	case ANY_SUBLINK:
	case ALL_SUBLINK:
		return in_sublink(ctx, sl, out, type);
	case ARRAY_SUBLINK:
		return rw_unsupported(ctx, sl->location, "ARRAY(subquery)");
	default:
		return rw_unsupported(ctx, sl->location, "this kind of subquery");
	}
}

