/* SELECT: target lists (with * expanded from the catalog so every column has
 * its type), FROM/WHERE/GROUP BY/HAVING, ORDER BY with PostgreSQL's NULLS
 * defaults, LIMIT/OFFSET, set operations, VALUES, and subquery expressions.
 * GROUP BY validity is checked here because SQLite would silently accept
 * ungrouped columns and return an arbitrary row's value. */
#include "rewrite/rw_internal.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

/* ---- output columns ---- */

static int add_out(rw_ctx_t *ctx, rw_query_t *q, int *cap, const rw_col_t *c)
{
	if (q->ncols == *cap) {
		int n = *cap ? *cap * 2 : 8;
		rw_col_t *cols = rw_alloc(ctx, sizeof(*cols) * (size_t)n);
		if (!cols)
			return -1;
		if (q->ncols)
			memcpy(cols, q->cols, sizeof(*cols) * (size_t)q->ncols);
		q->cols = cols;
		*cap = n;
	}
	q->cols[q->ncols++] = *c;
	return 0;
}

/* Unique SQLite names for output columns (PostgreSQL allows duplicates). */
int rw_name_outputs(rw_ctx_t *ctx, rw_query_t *q)
{
	for (int i = 0; i < q->ncols; i++) {
		const char *base = q->cols[i].name;
		const char *name = base;
		for (int k = 1;; k++) {
			bool dup = false;
			for (int j = 0; j < i && !dup; j++)
				dup = strcmp(q->cols[j].sqlname, name) == 0;
			if (!dup)
				break;
			lg_sb_t sb = LG_SB_INIT;
			lg_sb_appendf(&sb, "%s:%d", base, k);
			name = rw_sb_dup(ctx, &sb);
			lg_sb_free(&sb);
			if (!name)
				return -1;
		}
		q->cols[i].sqlname = name;
	}
	return 0;
}

static int append_targets(rw_ctx_t *ctx, const rw_query_t *q, lg_sb_t *out)
{
	if (rw_name_outputs(ctx, (rw_query_t *)q))
		return -1;
	for (int i = 0; i < q->ncols; i++) {
		lg_sb_append(out, i ? ", " : "");
		lg_sb_append(out, q->cols[i].sql);
		lg_sb_append(out, " AS ");
		lg_sb_append_ident(out, q->cols[i].sqlname);
	}
	return rw_sb_check(ctx, out);
}

static int one_target(rw_ctx_t *ctx, ResTarget *rt, const rw_type_t *want, rw_query_t *q,
		      int *cap)
{
	if (IsA(rt->val, ColumnRef) && IsA(llast(((ColumnRef *)rt->val)->fields), A_Star)) {
		rw_col_t *cols = NULL;
		int n = 0;
		if (rw_star(ctx, (ColumnRef *)rt->val, &cols, &n))
			return -1;
		for (int i = 0; i < n; i++)
			if (add_out(ctx, q, cap, &cols[i]))
				return -1;
		return 0;
	}
	if (rt->indirection)
		return rw_unsupported(ctx, rt->location, "subscripts in the target list");
	lg_sb_t e = LG_SB_INIT;
	rw_col_t c = {0};
	int rc = rw_expr(ctx, rt->val, want, &e, &c.type);
	if (rc == 0 && !rw_type_known(&c.type)) {
		/* PostgreSQL resolves untyped outputs as text. */
		if (IsA(rt->val, ParamRef)) {
			lg_sb_reset(&e);
			rc = rw_expr(ctx, rt->val, &RW_TYPE(LG_OID_TEXT), &e, &c.type);
		}
		c.type = RW_TYPE(LG_OID_TEXT);
	}
	if (rc == 0 && want && rw_type_known(want) && c.type.oid != want->oid) {
		rc = rw_coerce(ctx, &e, &c.type, want, 'a', exprLocation(rt->val));
		if (rc == 0)
			c.type = *want;
		else if (rc == -2)
			rc = 0; /* the caller reports the mismatch with column names */
	}
	if (rc == 0) {
		c.sql = rw_sb_dup(ctx, &e);
		c.name = rt->name ? rt->name : rw_column_name(rt->val);
		if (IsA(rt->val, ColumnRef)) {
			const rw_col_t *src;
			rw_scope_t *s = ctx->scope;
			bool saved = s->track_refs;
			s->track_refs = false;
			if (rw_column_ref(ctx, (ColumnRef *)rt->val, &src) == 0) {
				c.table_oid = src->table_oid;
				c.attnum = src->attnum;
			}
			s->track_refs = saved;
		}
		rc = c.sql ? add_out(ctx, q, cap, &c) : -1;
	}
	lg_sb_free(&e);
	return rc;
}

int rw_target_list(rw_ctx_t *ctx, List *targets, const rw_type_t *want, int nwant,
		   lg_sb_t *out, rw_query_t *q)
{
	int cap = 0;
	q->ncols = 0;
	q->cols = NULL;
	ListCell *lc;
	foreach (lc, targets) {
		int i = q->ncols;
		const rw_type_t *w = (want && i < nwant) ? &want[i] : NULL;
		if (one_target(ctx, lfirst_node(ResTarget, lc), w, q, &cap))
			return -1;
	}
	return append_targets(ctx, q, out);
}

/* ---- GROUP BY ---- */

static bool visible_column(rw_ctx_t *ctx, const char *name)
{
	for (int i = 0; i < ctx->scope->nitems; i++) {
		const rw_rte_t *r = ctx->scope->items[i];
		if (!r->cols_visible)
			continue;
		for (int k = 0; k < r->ncols; k++)
			if (strcmp(r->cols[k].name, name) == 0)
				return true;
	}
	return false;
}

/* An output column a GROUP BY/ORDER BY item refers to by ordinal, or -1;
 * -2 on error. */
static int ordinal_ref(rw_ctx_t *ctx, Node *n, int nout, const char *clause)
{
	if (!IsA(n, A_Const) || ((A_Const *)n)->isnull || !IsA(&((A_Const *)n)->val, Integer))
		return -1;
	int k = intVal(&((A_Const *)n)->val);
	if (k < 1 || k > nout) {
		rw_error(ctx, ((A_Const *)n)->location, LG_SQLSTATE_INVALID_COLUMN_REFERENCE,
			 "%s position %d is not in select list", clause, k);
		return -2;
	}
	return k - 1;
}

static const char *single_name(Node *n)
{
	if (!IsA(n, ColumnRef) || list_length(((ColumnRef *)n)->fields) != 1 ||
	    !IsA(linitial(((ColumnRef *)n)->fields), String))
		return NULL;
	return strVal(linitial(((ColumnRef *)n)->fields));
}

/* The output column named by a ResTarget alias (no translation needed). */
static int target_by_alias(List *targets, const char *name)
{
	int i = 0;
	ListCell *lc;
	foreach (lc, targets) {
		ResTarget *rt = lfirst_node(ResTarget, lc);
		if (rt->name && strcmp(rt->name, name) == 0)
			return i;
		i++;
	}
	return -1;
}

/* Translates GROUP BY items that are plain expressions before the target
 * list (so target expressions can be matched against them); ordinals and
 * output aliases are filled in afterwards by group_finish. */
static int group_begin(rw_ctx_t *ctx, SelectStmt *s)
{
	rw_scope_t *sc = ctx->scope;
	int n = list_length(s->groupClause);
	if (!n)
		return 0;
	if (s->groupDistinct)
		return rw_unsupported(ctx, -1, "GROUP BY DISTINCT");
	sc->group_sql = rw_alloc(ctx, sizeof(char *) * (size_t)n);
	if (!sc->group_sql)
		return -1;
	sc->agg_forbidden = "GROUP BY";
	ListCell *lc;
	int i = 0;
	foreach (lc, s->groupClause) {
		Node *g = lfirst(lc);
		const char *name = single_name(g);
		if (IsA(g, GroupingSet))
			return rw_unsupported(ctx, -1, "GROUPING SETS, ROLLUP and CUBE");
		bool later = ordinal_ref(ctx, g, INT32_MAX, "GROUP BY") >= 0 ||
			     (name && !visible_column(ctx, name) &&
			      target_by_alias(s->targetList, name) >= 0);
		if (!later) {
			lg_sb_t e = LG_SB_INIT;
			rw_type_t t;
			int rc = rw_expr(ctx, g, NULL, &e, &t);
			sc->group_sql[i] = rc == 0 ? rw_sb_dup(ctx, &e) : NULL;
			lg_sb_free(&e);
			if (rc || !sc->group_sql[i])
				return -1;
		}
		i++;
	}
	sc->ngroup = n;
	sc->agg_forbidden = NULL;
	return 0;
}

static int group_finish(rw_ctx_t *ctx, SelectStmt *s, const rw_query_t *q, lg_sb_t *out)
{
	rw_scope_t *sc = ctx->scope;
	if (!sc->ngroup)
		return 0;
	ListCell *lc;
	int i = 0;
	foreach (lc, s->groupClause) {
		Node *g = lfirst(lc);
		if (!sc->group_sql[i]) {
			int k = ordinal_ref(ctx, g, q->ncols, "GROUP BY");
			if (k == -2)
				return -1;
			if (k < 0)
				k = target_by_alias(s->targetList, single_name(g));
			sc->group_sql[i] = q->cols[k].sql;
			/* Everything inside that output column is grouped. */
			for (int r = 0; r < sc->nrefs; r++)
				if (sc->refs[r].location >= 0 &&
				    strstr(q->cols[k].sql, sc->refs[r].rte->cols[sc->refs[r].col].sql))
					sc->refs[r].ok = true;
		}
		lg_sb_append(out, i ? ", " : " GROUP BY ");
		lg_sb_append(out, sc->group_sql[i]);
		i++;
	}
	return rw_sb_check(ctx, out);
}

static bool grouped_sql(const rw_scope_t *sc, const char *sql)
{
	for (int i = 0; i < sc->ngroup; i++)
		if (sc->group_sql[i] && strcmp(sc->group_sql[i], sql) == 0)
			return true;
	return false;
}

/* Columns of a table whose primary key is grouped are functionally
 * dependent on it (PostgreSQL accepts them). */
static bool pk_grouped(const rw_scope_t *sc, const rw_rte_t *rte)
{
	const lg_cat_table_t *t = rte->table;
	if (!t)
		return false;
	int npk = 0;
	for (int i = 0; i < t->ncols && i < rte->ncols; i++) {
		if (!t->cols[i].pk_index)
			continue;
		npk++;
		if (!grouped_sql(sc, rte->cols[i].sql))
			return false;
	}
	return npk > 0;
}

static int check_grouping(rw_ctx_t *ctx, SelectStmt *s)
{
	rw_scope_t *sc = ctx->scope;
	if (!s->groupClause && !sc->naggs && !s->havingClause)
		return 0;
	for (int i = 0; i < sc->nrefs; i++) {
		const rw_ref_t *r = &sc->refs[i];
		const rw_col_t *c = &r->rte->cols[r->col];
		if (r->ok || grouped_sql(sc, c->sql) || pk_grouped(sc, r->rte))
			continue;
		if (r->rte->name)
			return rw_error(ctx, r->location, LG_SQLSTATE_GROUPING_ERROR,
					"column \"%s.%s\" must appear in the GROUP BY clause or be used in an aggregate function",
					r->rte->name, c->name);
		return rw_error(ctx, r->location, LG_SQLSTATE_GROUPING_ERROR,
				"column \"%s\" must appear in the GROUP BY clause or be used in an aggregate function",
				c->name);
	}
	return 0;
}

/* Called by rw_expr users: a translated expression equal to a GROUP BY
 * expression makes the column references inside it grouped. */
void rw_group_match(rw_ctx_t *ctx, const char *sql, size_t len, int first_ref)
{
	rw_scope_t *sc = ctx->scope;
	if (!sc || !sc->ngroup || !sc->track_refs || first_ref >= sc->nrefs)
		return;
	for (int i = 0; i < sc->ngroup; i++)
		if (sc->group_sql[i] && strlen(sc->group_sql[i]) == len &&
		    memcmp(sc->group_sql[i], sql, len) == 0) {
			for (int r = first_ref; r < sc->nrefs; r++)
				sc->refs[r].ok = true;
			return;
		}
}

/* ---- ORDER BY, LIMIT ---- */

/* What an ORDER BY (or DISTINCT ON) item sorts by: an output column
 * (*k >= 0) or an expression (its SQL in `expr`). */
static int sort_key(rw_ctx_t *ctx, Node *node, const rw_query_t *q, bool setop, bool distinct,
		    const char *clause, int *k, lg_sb_t *expr, rw_type_t *t)
{
	*k = ordinal_ref(ctx, node, q->ncols, clause);
	if (*k == -2)
		return -1;
	const char *name = single_name(node);
	for (int i = 0; *k < 0 && name && i < q->ncols; i++)
		if (strcmp(q->cols[i].name, name) == 0)
			*k = i;
	if (*k >= 0) {
		*t = q->cols[*k].type;
		lg_sb_append(expr, q->cols[*k].sql);
		return rw_sb_check(ctx, expr);
	}
	if (setop) {
		rw_error(ctx, exprLocation(node), LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			 "invalid UNION/INTERSECT/EXCEPT ORDER BY clause");
		lg_error_field(ctx->err, LG_ERRF_DETAIL,
			       "Only result column names can be used, not expressions or functions.");
		return -1;
	}
	if (rw_expr(ctx, node, NULL, expr, t))
		return -1;
	for (int i = 0; i < q->ncols && *k < 0; i++)
		if (strcmp(q->cols[i].sql, expr->data ? expr->data : "") == 0)
			*k = i;
	if (distinct && *k < 0)
		return rw_error(ctx, exprLocation(node), LG_SQLSTATE_INVALID_COLUMN_REFERENCE,
				"for SELECT DISTINCT, ORDER BY expressions must appear in select list");
	return 0;
}

/* " COLLATE lg_numeric DESC NULLS FIRST" */
static void sort_suffix(const SortBy *sb, const rw_type_t *t, lg_sb_t *out)
{
	if (t->oid == LG_OID_NUMERIC)
		lg_sb_append(out, " COLLATE lg_numeric");
	bool desc = sb->sortby_dir == SORTBY_DESC;
	bool nulls_first = sb->sortby_nulls == SORTBY_NULLS_DEFAULT
				   ? desc
				   : sb->sortby_nulls == SORTBY_NULLS_FIRST;
	lg_sb_append(out, desc ? " DESC" : " ASC");
	lg_sb_append(out, nulls_first ? " NULLS FIRST" : " NULLS LAST");
}

static int sort_item(rw_ctx_t *ctx, SortBy *sb, const rw_query_t *q, bool setop, bool distinct,
		     lg_sb_t *out)
{
	if (sb->sortby_dir == SORTBY_USING)
		return rw_unsupported(ctx, sb->location, "ORDER BY ... USING");
	lg_sb_t e = LG_SB_INIT;
	rw_type_t t;
	int k;
	int rc = sort_key(ctx, sb->node, q, setop, distinct, "ORDER BY", &k, &e, &t);
	if (rc == 0) {
		if (k >= 0)
			lg_sb_appendf(out, "%d", k + 1);
		else
			rw_append_operand(out, e.data, e.len);
		sort_suffix(sb, &t, out);
	}
	lg_sb_free(&e);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int order_by(rw_ctx_t *ctx, List *sort, const rw_query_t *q, bool setop, bool distinct,
		    lg_sb_t *out)
{
	ListCell *lc;
	foreach (lc, sort) {
		lg_sb_append(out, lc == list_head(sort) ? " ORDER BY " : ", ");
		if (sort_item(ctx, lfirst_node(SortBy, lc), q, setop, distinct, out))
			return -1;
	}
	return 0;
}

int rw_order_by(rw_ctx_t *ctx, List *sort, const rw_query_t *q, bool setop, lg_sb_t *out)
{
	return order_by(ctx, sort, q, setop, false, out);
}

static int limit_expr(rw_ctx_t *ctx, Node *n, const char *what, lg_sb_t *out)
{
	rw_type_t int8 = RW_TYPE(LG_OID_INT8), t;
	if (IsA(n, A_Const) && ((A_Const *)n)->isnull) {
		lg_sb_append(out, "-1"); /* LIMIT ALL / LIMIT NULL */
		return 0;
	}
	lg_sb_t e = LG_SB_INIT;
	int rc = rw_expr(ctx, n, &int8, &e, &t);
	if (rc == 0)
		rc = rw_coerce(ctx, &e, &t, &int8, 'a', exprLocation(n)); /* coerce_to_specific_type */
	if (rc == -2)
		rc = rw_error(ctx, exprLocation(n), LG_SQLSTATE_DATATYPE_MISMATCH,
			      "argument of %s must be type bigint, not type %s", what,
			      rw_type_name(ctx, &t));
	/* A negative count is an error (2201W/2201X), NULL is no limit: checked
	 * when run, as PostgreSQL does, unless it is a plain constant. */
	bool constant = e.len && strspn(e.data, "0123456789") == e.len;
	if (rc == 0 && constant)
		rw_append_operand(out, e.data, e.len);
	else if (rc == 0)
		lg_sb_appendf(out, "lg_limit(%s, %d)", e.data, what[0] == 'O');
	lg_sb_free(&e);
	return rc ? -1 : rw_sb_check(ctx, out);
}

int rw_limit_offset(rw_ctx_t *ctx, SelectStmt *s, lg_sb_t *out)
{
	if ((int)s->limitOption == rw_limit_with_ties())
		return rw_unsupported(ctx, -1, "FETCH FIRST ... WITH TIES");
	rw_scope_t *sc = ctx->scope;
	const char *saved = sc ? sc->agg_forbidden : NULL;
	if (sc)
		sc->agg_forbidden = "LIMIT";
	int rc = 0;
	if (s->limitCount || s->limitOffset) {
		lg_sb_append(out, " LIMIT ");
		if (s->limitCount)
			rc = limit_expr(ctx, s->limitCount, "LIMIT", out);
		else
			lg_sb_append(out, "-1");
	}
	if (rc == 0 && s->limitOffset) {
		if (sc)
			sc->agg_forbidden = "OFFSET";
		lg_sb_append(out, " OFFSET ");
		rc = limit_expr(ctx, s->limitOffset, "OFFSET", out);
	}
	if (sc)
		sc->agg_forbidden = saved;
	return rc;
}

/* ---- DISTINCT ON ---- */

/* SQLite has no DISTINCT ON: the first row of each group is the one with
 * row_number() = 1 over the groups in the query's order. `on` receives
 * the window, then a '\n' and the outer ORDER BY (by hidden sort columns
 * that `targets` gains); distinct_on_assemble puts the query together. */
static int distinct_on_parts(rw_ctx_t *ctx, SelectStmt *s, const rw_query_t *q, lg_sb_t *on,
			     lg_sb_t *targets, lg_sb_t *rest)
{
	LG_UNUSED(rest);
	int non = list_length(s->distinctClause), nsort = list_length(s->sortClause);
	const char **keys = rw_alloc(ctx, sizeof(char *) * (size_t)(non + 1));
	if (!keys)
		return -1;
	lg_sb_append(on, "row_number() OVER (PARTITION BY ");
	for (int i = 0; i < non; i++) {
		lg_sb_t e = LG_SB_INIT;
		rw_type_t t;
		int k;
		int rc = sort_key(ctx, list_nth(s->distinctClause, i), q, false, false,
				  "SELECT DISTINCT ON", &k, &e, &t);
		keys[i] = rc == 0 ? rw_sb_dup(ctx, &e) : NULL;
		lg_sb_free(&e);
		if (!keys[i])
			return -1;
		lg_sb_append(on, i ? ", " : "");
		lg_sb_append(on, keys[i]);
	}
	/* The outer ORDER BY sorts by hidden columns "?sort1".. of the inner
	 * query; it is appended to `on` after a '\n'. */
	lg_sb_t order = LG_SB_INIT;
	for (int i = 0; i < nsort; i++) {
		SortBy *sb = list_nth_node(SortBy, s->sortClause, i);
		lg_sb_t e = LG_SB_INIT;
		rw_type_t t;
		int k;
		int rc = sb->sortby_dir == SORTBY_USING
				 ? rw_unsupported(ctx, sb->location, "ORDER BY ... USING")
				 : sort_key(ctx, sb->node, q, false, false, "ORDER BY", &k, &e, &t);
		bool match = false;
		for (int j = 0; rc == 0 && j < non; j++)
			match |= strcmp(keys[j], e.data ? e.data : "") == 0;
		if (rc == 0 && i < non && !match)
			rc = rw_error(ctx, exprLocation(list_nth(s->distinctClause, 0)),
				      LG_SQLSTATE_INVALID_COLUMN_REFERENCE,
				      "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
		if (rc == 0) {
			lg_sb_append(on, i ? ", " : " ORDER BY ");
			rw_append_operand(on, e.data, e.len);
			sort_suffix(sb, &t, on);
			lg_sb_appendf(targets, ", %s AS \"?sort%d\"", e.data, i + 1);
			lg_sb_appendf(&order, "%s\"?sort%d\"", i ? ", " : " ORDER BY ", i + 1);
			sort_suffix(sb, &t, &order);
		}
		lg_sb_free(&e);
		if (rc) {
			lg_sb_free(&order);
			return -1;
		}
	}
	lg_sb_append(on, ") AS \"?rn\"\n");
	lg_sb_appendn(on, order.data, order.len);
	lg_sb_free(&order);
	return rw_sb_check(ctx, on);
}

static int distinct_on_assemble(rw_ctx_t *ctx, const rw_query_t *q, const lg_sb_t *on,
				const lg_sb_t *targets, const lg_sb_t *from,
				const lg_sb_t *where, const lg_sb_t *rest, lg_sb_t *out)
{
	const char *nl = memchr(on->data, '\n', on->len);
	lg_sb_append(out, "SELECT ");
	for (int i = 0; i < q->ncols; i++) {
		lg_sb_append(out, i ? ", " : "");
		lg_sb_append_ident(out, q->cols[i].sqlname);
	}
	lg_sb_append(out, " FROM (SELECT ");
	lg_sb_appendn(out, targets->data, targets->len);
	lg_sb_append(out, ", ");
	lg_sb_appendn(out, on->data, (size_t)(nl - on->data));
	if (from->len) {
		lg_sb_append(out, " FROM ");
		lg_sb_appendn(out, from->data, from->len);
	}
	if (where->len) {
		lg_sb_append(out, " WHERE ");
		lg_sb_appendn(out, where->data, where->len);
	}
	lg_sb_appendn(out, rest->data, rest->len); /* GROUP BY, HAVING */
	lg_sb_append(out, ") WHERE \"?rn\" = 1");
	lg_sb_append(out, nl + 1);
	return rw_sb_check(ctx, out);
}

/* ---- a plain SELECT ---- */

static int select_clauses(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant,
			  lg_sb_t *out, rw_query_t *q)
{
	rw_scope_t *sc = ctx->scope;
	lg_sb_t from = LG_SB_INIT, where = LG_SB_INIT, targets = LG_SB_INIT, rest = LG_SB_INIT;
	lg_sb_t lim = LG_SB_INIT;
	bool distinct = s->distinctClause != NIL;
	bool distinct_on = distinct && linitial(s->distinctClause) != NULL;
	int rc = rw_from_list(ctx, s->fromClause, &from);
	if (rc == 0 && s->whereClause) {
		sc->agg_forbidden = "WHERE";
		rc = rw_expr_bool(ctx, s->whereClause, "WHERE", &where);
		sc->agg_forbidden = NULL;
	}
	if (rc == 0)
		rc = group_begin(ctx, s);
	sc->track_refs = true;
	sc->window_ok = true;
	if (rc == 0)
		rc = rw_target_list(ctx, s->targetList, want, nwant, &targets, q);
	sc->window_ok = false;
	if (rc == 0)
		rc = group_finish(ctx, s, q, &rest);
	if (rc == 0 && s->havingClause) {
		lg_sb_append(&rest, " HAVING ");
		sc->clause = "HAVING";
		rc = rw_expr_bool(ctx, s->havingClause, "HAVING", &rest);
		sc->clause = NULL;
	}
	sc->window_ok = true;
	lg_sb_t on = LG_SB_INIT;
	if (rc == 0 && distinct_on)
		rc = distinct_on_parts(ctx, s, q, &on, &targets, &rest);
	else if (rc == 0)
		rc = order_by(ctx, s->sortClause, q, false, distinct, &rest);
	sc->window_ok = false;
	sc->track_refs = false;
	if (rc == 0)
		rc = check_grouping(ctx, s);
	/* HAVING makes a query grouped even without aggregates; SQLite
	 * rejects HAVING on a non-aggregate query unless it has GROUP BY. */
	if (rc == 0 && s->havingClause && !s->groupClause && !sc->naggs) {
		lg_sb_t tmp = LG_SB_INIT;
		lg_sb_append(&tmp, " GROUP BY NULL");
		lg_sb_appendn(&tmp, rest.data, rest.len);
		lg_sb_reset(&rest);
		lg_sb_appendn(&rest, tmp.data, tmp.len);
		lg_sb_free(&tmp);
	}
	if (rc == 0)
		rc = rw_limit_offset(ctx, s, &lim);
	if (rc == 0 && distinct_on) {
		rc = distinct_on_assemble(ctx, q, &on, &targets, &from, &where, &rest, out);
		lg_sb_appendn(out, lim.data, lim.len);
	} else if (rc == 0) {
		lg_sb_append(out, distinct ? "SELECT DISTINCT " : "SELECT ");
		lg_sb_appendn(out, targets.data, targets.len);
		if (from.len) {
			lg_sb_append(out, " FROM ");
			lg_sb_appendn(out, from.data, from.len);
		}
		if (where.len) {
			lg_sb_append(out, " WHERE ");
			lg_sb_appendn(out, where.data, where.len);
		}
		lg_sb_appendn(out, rest.data, rest.len);
		lg_sb_appendn(out, lim.data, lim.len);
		rc = rw_sb_check(ctx, out);
	}
	lg_sb_free(&lim);
	lg_sb_free(&from);
	lg_sb_free(&where);
	lg_sb_free(&targets);
	lg_sb_free(&rest);
	lg_sb_free(&on);
	return rc;
}

static int leaf_select(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant,
		       lg_sb_t *out, rw_query_t *q)
{
	if (!s->targetList)
		return rw_unsupported(ctx, -1, "SELECT with no columns");
	if (s->intoClause)
		return rw_unsupported(ctx, -1, "SELECT INTO");
	if (s->windowClause)
		return rw_unsupported(ctx, -1, "WINDOW clauses");
	if (s->lockingClause)
		rw_set_writes(ctx); /* FOR UPDATE/SHARE: take SQLite's write lock */
	if (!rw_scope_push(ctx))
		return -1;
	int rc = select_clauses(ctx, s, want, nwant, out, q);
	rw_scope_pop(ctx);
	return rc;
}

static int select_body(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant,
		       lg_sb_t *out, rw_query_t *q)
{
	if (s->op != SETOP_NONE)
		return rw_set_operation(ctx, s, out, q);
	if (s->valuesLists)
		return rw_values_select(ctx, s, want, nwant, out, q);
	return leaf_select(ctx, s, want, nwant, out, q);
}

/* WITH queries get a scope of their own around the query using them. */
static int with_select(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant,
		       lg_sb_t *out, rw_query_t *q)
{
	if (!rw_scope_push(ctx))
		return -1;
	int rc = rw_with(ctx, s->withClause, out);
	if (rc == 0)
		rc = select_body(ctx, s, want, nwant, out, q);
	rw_scope_pop(ctx);
	return rc;
}

int rw_select(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant, lg_sb_t *out,
	      rw_query_t *q)
{
	q->ncols = 0;
	q->cols = NULL;
	if (ctx->depth >= 200)
		return rw_error(ctx, -1, LG_SQLSTATE_STATEMENT_TOO_COMPLEX,
				"stack depth limit exceeded");
	ctx->depth += 5;
	int rc = s->withClause ? with_select(ctx, s, want, nwant, out, q)
			       : select_body(ctx, s, want, nwant, out, q);
	ctx->depth -= 5;
	if (rc == 0)
		rc = rw_name_outputs(ctx, q);
	return rc;
}

int rw_select_stmt(rw_ctx_t *ctx, SelectStmt *s)
{
	lg_sb_t sql = LG_SB_INIT;
	rw_query_t q;
	int rc = rw_select(ctx, s, NULL, 0, &sql, &q);
	if (rc == 0)
		rc = rw_sb_check(ctx, &sql);
	if (rc == 0)
		rc = rw_emit_sql(ctx, sql.data, sql.len);
	lg_sb_free(&sql);
	if (rc)
		return -1;
	rw_set_result(ctx, q.cols, q.ncols);
	rw_set_tag(ctx, "SELECT", LG_TAG_COUNT);
	return 0;
}
