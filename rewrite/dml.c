/* INSERT, UPDATE, DELETE: values typed by their target columns (literal
 * folding, parameter inference, conversions), DEFAULT substituted from the
 * catalog, ON CONFLICT, RETURNING, UPDATE ... FROM and DELETE ... USING
 * (which SQLite lacks: rewritten as rowid IN (SELECT ...)). */
#include "rewrite/rw_internal.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

typedef struct target {
	const rw_rte_t *rte;
	const lg_cat_table_t *table;
	RangeVar *rv;
} target_t;

static int open_target(rw_ctx_t *ctx, RangeVar *rv, target_t *t)
{
	rw_rte_t *rte;
	if (!rw_scope_push(ctx) || rw_table_rte(ctx, rv, &rte) || rw_scope_add(ctx, rte))
		return -1;
	if (rte->table->relkind != 'r')
		return rw_unsupported(ctx, rv->location, "writing to a view");
	t->rte = rte;
	t->table = rte->table;
	t->rv = rv;
	return 0;
}

static void append_table(lg_sb_t *out, const target_t *t, bool alias)
{
	if (t->rv->schemaname && strcmp(t->rv->schemaname, "public") != 0) {
		lg_sb_append_ident(out, t->rv->schemaname);
		lg_sb_putc(out, '.');
	}
	lg_sb_append_ident(out, t->rv->relname);
	if (alias && t->rv->alias) {
		lg_sb_append(out, " AS ");
		lg_sb_append_ident(out, t->rv->alias->aliasname);
	}
}

static int no_such_column(rw_ctx_t *ctx, const target_t *t, const char *name, int location)
{
	return rw_error(ctx, location, LG_SQLSTATE_UNDEFINED_COLUMN,
			"column \"%s\" of relation \"%s\" does not exist", name, t->table->name);
}

static void append_default(lg_sb_t *out, const lg_cat_column_t *c)
{
	if (c->default_sql) {
		lg_sb_putc(out, '(');
		lg_sb_append(out, c->default_sql);
		lg_sb_putc(out, ')');
	} else {
		lg_sb_append(out, "NULL");
	}
}

static int assign(rw_ctx_t *ctx, Node *val, const lg_cat_column_t *c, lg_sb_t *out)
{
	if (IsA(val, SetToDefault)) {
		append_default(out, c);
		return rw_sb_check(ctx, out);
	}
	rw_type_t to = {c->type, c->typmod};
	return rw_expr_assign(ctx, val, &to, c->name, out);
}

/* SQLite's RETURNING sees only the target table, by its own name and
 * unqualified: the target's columns are rewritten so, and other FROM items
 * are out of scope. */
static int returning_scope(rw_ctx_t *ctx, const target_t *t)
{
	rw_scope_t *dml = ctx->scope;
	ctx->scope = dml->parent;
	rw_rte_t *rte = rw_alloc(ctx, sizeof(*rte));
	if (!rte || !rw_scope_push(ctx))
		return -1;
	*rte = *t->rte;
	rte->cols = rw_alloc(ctx, sizeof(rw_col_t) * (size_t)(rte->ncols + 1));
	if (!rte->cols)
		return -1;
	for (int i = 0; i < rte->ncols; i++) {
		rte->cols[i] = t->rte->cols[i];
		lg_sb_t sb = LG_SB_INIT;
		lg_sb_append_ident(&sb, rte->cols[i].name);
		rte->cols[i].sql = rw_sb_dup(ctx, &sb);
		lg_sb_free(&sb);
		if (!rte->cols[i].sql)
			return -1;
	}
	return rw_scope_add(ctx, rte);
}

static int returning(rw_ctx_t *ctx, const target_t *t, List *list, lg_sb_t *out)
{
	if (!list)
		return 0;
	rw_query_t q;
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_append(out, " RETURNING ");
	rw_scope_t *dml = ctx->scope;
	int rc = returning_scope(ctx, t);
	if (rc == 0) {
		ctx->scope->agg_forbidden = "RETURNING";
		rc = rw_target_list(ctx, list, NULL, 0, &sb, &q);
	}
	ctx->scope = dml;
	if (rc == 0) {
		lg_sb_appendn(out, sb.data, sb.len);
		rw_set_result(ctx, q.cols, q.ncols);
	}
	lg_sb_free(&sb);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* WITH before INSERT/UPDATE/DELETE: a scope of its own around the
 * statement's (INSERT ... SELECT, which does not see the target, still
 * sees the queries). Call before open_target. */
static int with_prefix(rw_ctx_t *ctx, WithClause *w, lg_sb_t *sql)
{
	if (!w)
		return 0;
	if (!rw_scope_push(ctx))
		return -1;
	return rw_with(ctx, w, sql);
}

static int finish(rw_ctx_t *ctx, lg_sb_t *sql, const char *tag, lg_rw_tag_kind_t kind)
{
	int rc = rw_sb_check(ctx, sql);
	if (rc == 0)
		rc = rw_emit_sql(ctx, sql->data, sql->len);
	lg_sb_free(sql);
	rw_scope_pop(ctx);
	if (rc)
		return -1;
	rw_set_tag(ctx, tag, kind);
	rw_set_writes(ctx);
	return 0;
}

/* ---- INSERT ---- */

typedef struct insert_cols {
	int n;
	const lg_cat_column_t **cols;
	int *locs;
} insert_cols_t;

static int insert_columns(rw_ctx_t *ctx, InsertStmt *s, const target_t *t, insert_cols_t *ic,
			  lg_sb_t *out)
{
	const lg_cat_table_t *tab = t->table;
	int n = s->cols ? list_length(s->cols) : tab->ncols;
	/* Without a column list, VALUES of N items fill the first N columns. */
	SelectStmt *src = (SelectStmt *)s->selectStmt;
	if (!s->cols && src && src->valuesLists && list_length(linitial(src->valuesLists)) < n)
		n = list_length(linitial(src->valuesLists));
	ic->cols = rw_alloc(ctx, sizeof(*ic->cols) * (size_t)(n + 1));
	ic->locs = rw_alloc(ctx, sizeof(int) * (size_t)(n + 1));
	if (!ic->cols || !ic->locs)
		return -1;
	ic->n = n;
	for (int i = 0; i < n; i++) {
		ic->locs[i] = -1;
		if (!s->cols) {
			ic->cols[i] = &tab->cols[i];
			continue;
		}
		ResTarget *rt = list_nth_node(ResTarget, s->cols, i);
		if (rt->indirection)
			return rw_unsupported(ctx, rt->location, "subscripts in INSERT columns");
		ic->cols[i] = lg_cat_column(tab, rt->name);
		ic->locs[i] = rt->location;
		if (!ic->cols[i])
			return no_such_column(ctx, t, rt->name, rt->location);
		for (int k = 0; k < i; k++)
			if (ic->cols[k] == ic->cols[i])
				return rw_error(ctx, rt->location, LG_SQLSTATE_DUPLICATE_COLUMN,
						"column \"%s\" specified more than once", rt->name);
	}
	lg_sb_append(out, " (");
	for (int i = 0; i < n; i++) {
		lg_sb_append(out, i ? ", " : "");
		lg_sb_append_ident(out, ic->cols[i]->name);
	}
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

static int values_row(rw_ctx_t *ctx, List *row, const insert_cols_t *ic, lg_sb_t *out)
{
	int n = list_length(row);
	if (n > ic->n)
		return rw_error(ctx, exprLocation(list_nth(row, ic->n)), LG_SQLSTATE_SYNTAX_ERROR,
				"INSERT has more expressions than target columns");
	if (n < ic->n)
		return rw_error(ctx, ic->locs[n], LG_SQLSTATE_SYNTAX_ERROR,
				"INSERT has more target columns than expressions");
	lg_sb_putc(out, '(');
	for (int i = 0; i < n; i++) {
		lg_sb_append(out, i ? ", " : "");
		if (assign(ctx, list_nth(row, i), ic->cols[i], out))
			return -1;
	}
	lg_sb_putc(out, ')');
	return 0;
}

static bool simple_values(const SelectStmt *sel)
{
	return sel->valuesLists && !sel->sortClause && !sel->limitCount && !sel->limitOffset &&
	       !sel->withClause;
}

static int insert_select(rw_ctx_t *ctx, SelectStmt *sel, const insert_cols_t *ic,
			 bool upsert, lg_sb_t *out)
{
	rw_type_t *want = rw_alloc(ctx, sizeof(rw_type_t) * (size_t)(ic->n + 1));
	if (!want)
		return -1;
	for (int i = 0; i < ic->n; i++)
		want[i] = (rw_type_t){ic->cols[i]->type, ic->cols[i]->typmod};
	lg_sb_t sub = LG_SB_INIT;
	rw_query_t q;
	/* The source is its own query level: the target is not visible in it. */
	rw_scope_t *here = ctx->scope;
	ctx->scope = here->parent;
	int rc = rw_select(ctx, sel, want, ic->n, &sub, &q);
	ctx->scope = here;
	if (rc == 0 && q.ncols > ic->n)
		rc = rw_error(ctx, -1, LG_SQLSTATE_SYNTAX_ERROR,
			      "INSERT has more expressions than target columns");
	if (rc == 0 && q.ncols < ic->n)
		rc = rw_error(ctx, ic->locs[q.ncols], LG_SQLSTATE_SYNTAX_ERROR,
			      "INSERT has more target columns than expressions");
	for (int i = 0; rc == 0 && i < q.ncols; i++)
		if (q.cols[i].type.oid != want[i].oid &&
		    !rw_can_coerce(q.cols[i].type.oid, want[i].oid, 'a')) {
			rc = rw_error(ctx, -1, LG_SQLSTATE_DATATYPE_MISMATCH,
				      "column \"%s\" is of type %s but expression is of type %s",
				      ic->cols[i]->name, rw_type_name(ctx, &want[i]),
				      rw_type_name(ctx, &q.cols[i].type));
			lg_error_field(ctx->err, LG_ERRF_HINT,
				       "You will need to rewrite or cast the expression.");
		}
	if (rc == 0)
		rc = rw_convert_query(ctx, &sub, &q, want, upsert, 'a');
	if (rc == 0) {
		lg_sb_putc(out, ' ');
		lg_sb_appendn(out, sub.data, sub.len);
		/* SQLite needs a WHERE before an upsert clause after a SELECT. */
		if (upsert)
			lg_sb_append(out, " WHERE true");
	}
	lg_sb_free(&sub);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int insert_source(rw_ctx_t *ctx, InsertStmt *s, const insert_cols_t *ic, lg_sb_t *out)
{
	SelectStmt *sel = (SelectStmt *)s->selectStmt;
	if (!sel) {
		lg_sb_append(out, " DEFAULT VALUES");
		return rw_sb_check(ctx, out);
	}
	if (!simple_values(sel))
		return insert_select(ctx, sel, ic, s->onConflictClause != NULL, out);
	lg_sb_append(out, " VALUES ");
	ListCell *lc;
	foreach (lc, sel->valuesLists) {
		if (lc != list_head(sel->valuesLists))
			lg_sb_append(out, ", ");
		if (values_row(ctx, lfirst(lc), ic, out))
			return -1;
	}
	return rw_sb_check(ctx, out);
}

/* ---- ON CONFLICT ---- */

static bool same_columns(const lg_cat_index_t *ix, const int16_t *attnums, int n)
{
	if (ix->ncols != n)
		return false;
	for (int i = 0; i < n; i++) {
		bool found = false;
		for (int k = 0; k < n && !found; k++)
			found = ix->attnums[k] == attnums[i];
		if (!found)
			return false;
	}
	return true;
}

/* The arbiter: its index (NULL when inferred through a predicate only)
 * and key columns. */
typedef struct arbiter {
	const lg_cat_index_t *ix;
	int16_t attnums[64];
	int n;
} arbiter_t;

static int conflict_target(rw_ctx_t *ctx, InferClause *inf, const target_t *t, arbiter_t *a,
			   lg_sb_t *out)
{
	const lg_cat_table_t *tab = t->table;
	const lg_cat_index_t *ix = NULL;
	int16_t *attnums = a->attnums;
	int n = 0;
	if (inf->conname) {
		for (int i = 0; i < tab->nindexes && !ix; i++)
			if (strcmp(tab->indexes[i].name, inf->conname) == 0)
				ix = &tab->indexes[i];
		if (!ix || !ix->unique)
			return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_OBJECT,
					"constraint \"%s\" for table \"%s\" does not exist",
					inf->conname, tab->name);
		for (n = 0; n < ix->ncols && n < 64; n++)
			attnums[n] = ix->attnums[n];
	} else {
		ListCell *lc;
		foreach (lc, inf->indexElems) {
			IndexElem *e = lfirst_node(IndexElem, lc);
			if (!e->name || n == 64)
				return rw_unsupported(ctx, inf->location,
						      "expressions in ON CONFLICT targets");
			const lg_cat_column_t *c = lg_cat_column(tab, e->name);
			if (!c)
				return no_such_column(ctx, t, e->name, inf->location);
			attnums[n++] = c->attnum;
		}
		for (int i = 0; i < tab->nindexes && !ix; i++)
			if (tab->indexes[i].unique && same_columns(&tab->indexes[i], attnums, n))
				ix = &tab->indexes[i];
		if (!ix && !inf->whereClause)
			return rw_error(ctx, -1, LG_SQLSTATE_INVALID_COLUMN_REFERENCE,
					"there is no unique or exclusion constraint matching the ON CONFLICT specification");
	}
	a->ix = ix;
	a->n = n;
	lg_sb_append(out, " ON CONFLICT (");
	for (int i = 0; i < n; i++) {
		lg_sb_append(out, i ? ", " : "");
		lg_sb_append_ident(out, tab->cols[attnums[i] - 1].name);
	}
	lg_sb_putc(out, ')');
	if (inf->whereClause) {
		lg_sb_append(out, " WHERE ");
		if (rw_expr_bool(ctx, inf->whereClause, "WHERE", out))
			return -1;
	}
	return rw_sb_check(ctx, out);
}

/* "excluded" is the row proposed for insertion. */
static int add_excluded(rw_ctx_t *ctx, const target_t *t)
{
	rw_rte_t *ex = rw_alloc(ctx, sizeof(*ex));
	if (!ex)
		return -1;
	*ex = *t->rte;
	ex->name = "excluded";
	ex->cols = rw_alloc(ctx, sizeof(rw_col_t) * (size_t)(ex->ncols + 1));
	if (!ex->cols)
		return -1;
	for (int i = 0; i < ex->ncols; i++) {
		ex->cols[i] = t->rte->cols[i];
		lg_sb_t sb = LG_SB_INIT;
		lg_sb_append(&sb, "excluded.");
		lg_sb_append_ident(&sb, ex->cols[i].name);
		ex->cols[i].sql = rw_sb_dup(ctx, &sb);
		lg_sb_free(&sb);
		if (!ex->cols[i].sql)
			return -1;
	}
	return rw_scope_add(ctx, ex);
}

static int set_list(rw_ctx_t *ctx, List *targets, const target_t *t, lg_sb_t *out);

static int on_conflict(rw_ctx_t *ctx, InsertStmt *s, const insert_cols_t *ic, const target_t *t,
		       lg_sb_t *out)
{
	OnConflictClause *oc = s->onConflictClause;
	arbiter_t a = {0};
	if (oc->action == ONCONFLICT_UPDATE && !oc->infer)
		return rw_error(ctx, oc->location, LG_SQLSTATE_SYNTAX_ERROR,
				"ON CONFLICT DO UPDATE requires inference specification or constraint name");
	if (oc->infer && conflict_target(ctx, oc->infer, t, &a, out))
		return -1;
	if (oc->action == ONCONFLICT_NOTHING) {
		lg_sb_append(out, oc->infer ? " DO NOTHING" : " ON CONFLICT DO NOTHING");
		return rw_sb_check(ctx, out);
	}
	/* a row met twice is 21000 (rewrite/upsert.c) */
	if (rw_upsert_guard(ctx, t->table, a.ix, a.attnums, a.n, ic->cols, ic->n,
			    (SelectStmt *)s->selectStmt))
		return -1;
	if (add_excluded(ctx, t))
		return -1;
	lg_sb_append(out, " DO UPDATE SET ");
	if (set_list(ctx, oc->targetList, t, out))
		return -1;
	if (rw_upsert_condition(ctx, t->rte->name, oc->whereClause, out))
		return -1;
	/* RETURNING must not see "excluded". */
	ctx->scope->nitems--;
	return rw_sb_check(ctx, out);
}

int rw_insert(rw_ctx_t *ctx, InsertStmt *s)
{
	if (s->override != OVERRIDING_NOT_SET)
		return rw_unsupported(ctx, -1, "OVERRIDING");
	target_t t;
	lg_sb_t sql = LG_SB_INIT;
	insert_cols_t ic = {0};
	int rc = with_prefix(ctx, s->withClause, &sql);
	if (rc || open_target(ctx, s->relation, &t)) {
		lg_sb_free(&sql);
		return -1;
	}
	lg_sb_append(&sql, "INSERT INTO ");
	append_table(&sql, &t, true);
	if (s->selectStmt)
		rc = insert_columns(ctx, s, &t, &ic, &sql);
	if (rc == 0)
		rc = insert_source(ctx, s, &ic, &sql);
	if (rc == 0 && s->onConflictClause)
		rc = on_conflict(ctx, s, &ic, &t, &sql);
	if (rc == 0)
		rc = returning(ctx, &t, s->returningList, &sql);
	if (rc) {
		lg_sb_free(&sql);
		return -1;
	}
	return finish(ctx, &sql, "INSERT", LG_TAG_INSERT);
}

/* ---- UPDATE ---- */

static int set_one(rw_ctx_t *ctx, ResTarget *rt, Node *val, const target_t *t, lg_sb_t *out)
{
	if (rt->indirection)
		return rw_unsupported(ctx, rt->location, "subscripts in UPDATE targets");
	const lg_cat_column_t *c = lg_cat_column(t->table, rt->name);
	if (!c)
		return no_such_column(ctx, t, rt->name, rt->location);
	lg_sb_append_ident(out, c->name);
	lg_sb_append(out, " = ");
	return assign(ctx, val, c, out);
}

static int set_list(rw_ctx_t *ctx, List *targets, const target_t *t, lg_sb_t *out)
{
	ListCell *lc;
	foreach (lc, targets) {
		ResTarget *rt = lfirst_node(ResTarget, lc);
		lg_sb_append(out, lc == list_head(targets) ? "" : ", ");
		Node *val = rt->val;
		if (IsA(val, MultiAssignRef)) {
			MultiAssignRef *m = (MultiAssignRef *)val;
			if (!IsA(m->source, RowExpr))
				return rw_unsupported(ctx, rt->location,
						      "multiple-column UPDATE from a subquery");
			List *args = ((RowExpr *)m->source)->args;
			if (list_length(args) != m->ncolumns)
				return rw_error(ctx, rt->location, LG_SQLSTATE_SYNTAX_ERROR,
						"number of columns does not match number of values");
			val = list_nth(args, m->colno - 1);
		}
		if (set_one(ctx, rt, val, t, out))
			return -1;
	}
	return rw_sb_check(ctx, out);
}

int rw_update(rw_ctx_t *ctx, UpdateStmt *s)
{
	if (s->fromClause && s->returningList)
		return rw_update_from_returning(ctx, s);
	target_t t;
	lg_sb_t sql = LG_SB_INIT, from = LG_SB_INIT;
	int rc = with_prefix(ctx, s->withClause, &sql);
	if (rc || open_target(ctx, s->relation, &t)) {
		lg_sb_free(&sql);
		return -1;
	}
	lg_sb_append(&sql, "UPDATE ");
	append_table(&sql, &t, true);
	lg_sb_append(&sql, " SET ");
	if (rc == 0)
		rc = rw_from_list(ctx, s->fromClause, &from);
	if (rc == 0)
		rc = set_list(ctx, s->targetList, &t, &sql);
	if (rc == 0 && from.len) {
		lg_sb_append(&sql, " FROM ");
		lg_sb_appendn(&sql, from.data, from.len);
	}
	if (rc == 0 && s->whereClause) {
		if (IsA(s->whereClause, CurrentOfExpr))
			rc = rw_unsupported(ctx, -1, "WHERE CURRENT OF");
		lg_sb_append(&sql, " WHERE ");
		ctx->scope->agg_forbidden = "WHERE";
		rc = rc ? rc : rw_expr_bool(ctx, s->whereClause, "WHERE", &sql);
		ctx->scope->agg_forbidden = NULL;
	}
	if (rc == 0)
		rc = returning(ctx, &t, s->returningList, &sql);
	lg_sb_free(&from);
	if (rc) {
		lg_sb_free(&sql);
		return -1;
	}
	return finish(ctx, &sql, "UPDATE", LG_TAG_COUNT);
}

/* ---- DELETE ---- */

int rw_delete(rw_ctx_t *ctx, DeleteStmt *s)
{
	if (s->whereClause && IsA(s->whereClause, CurrentOfExpr))
		return rw_unsupported(ctx, -1, "WHERE CURRENT OF");
	if (s->usingClause && s->returningList)
		return rw_delete_using_returning(ctx, s);
	target_t t;
	lg_sb_t sql = LG_SB_INIT, using = LG_SB_INIT, where = LG_SB_INIT;
	int rc = with_prefix(ctx, s->withClause, &sql);
	if (rc || open_target(ctx, s->relation, &t)) {
		lg_sb_free(&sql);
		return -1;
	}
	rc = rw_from_list(ctx, s->usingClause, &using);
	if (rc == 0 && s->whereClause) {
		ctx->scope->agg_forbidden = "WHERE";
		rc = rw_expr_bool(ctx, s->whereClause, "WHERE", &where);
		ctx->scope->agg_forbidden = NULL;
	}
	lg_sb_append(&sql, "DELETE FROM ");
	append_table(&sql, &t, true);
	if (rc == 0 && s->usingClause) {
		/* SQLite has no DELETE ... USING: select the rowids to delete. */
		lg_sb_append(&sql, " WHERE rowid IN (SELECT ");
		lg_sb_append_ident(&sql, t.rte->name);
		lg_sb_append(&sql, ".rowid FROM ");
		append_table(&sql, &t, true);
		lg_sb_append(&sql, ", ");
		lg_sb_appendn(&sql, using.data, using.len);
		if (where.len) {
			lg_sb_append(&sql, " WHERE ");
			lg_sb_appendn(&sql, where.data, where.len);
		}
		lg_sb_putc(&sql, ')');
		/* RETURNING sees the target only. */
		ctx->scope->nitems = 1;
	} else if (rc == 0 && where.len) {
		lg_sb_append(&sql, " WHERE ");
		lg_sb_appendn(&sql, where.data, where.len);
	}
	if (rc == 0)
		rc = returning(ctx, &t, s->returningList, &sql);
	lg_sb_free(&using);
	lg_sb_free(&where);
	if (rc) {
		lg_sb_free(&sql);
		return -1;
	}
	return finish(ctx, &sql, "DELETE", LG_TAG_COUNT);
}
