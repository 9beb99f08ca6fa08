/* UPDATE ... FROM and DELETE ... USING with RETURNING. SQLite's RETURNING
 * sees only the target table, but PostgreSQL's sees the FROM items too
 * (and RETURNING * lists their columns). When RETURNING needs them, the
 * joined rows are first collected into a temporary table keyed by the
 * target's rowid (one FROM row per target row, as the UPDATE uses one), the
 * statement then works from it, and RETURNING reads it back by rowid:
 *   DROP TABLE IF EXISTS temp.lg_dml_from;
 *   CREATE TEMP TABLE lg_dml_from (lg_rid INTEGER PRIMARY KEY, c1.., s1..);
 *   INSERT OR IGNORE INTO temp.lg_dml_from SELECT t.rowid, <FROM columns>,
 *          <SET values> FROM <target>, <FROM items> WHERE <condition>;
 *   UPDATE <target> SET col = (SELECT s1 FROM temp.lg_dml_from WHERE
 *          lg_rid = t.rowid), ... WHERE rowid IN (SELECT lg_rid FROM ...)
 *          RETURNING ..., (SELECT c3 FROM temp.lg_dml_from WHERE ...);
 * Without such references the statement is the plain one. */
#include "rewrite/rw_internal.h"

#include <string.h>

#define TMP "temp.\"lg_dml_from\""

typedef struct dml_from {
	RangeVar *rv;
	const rw_rte_t *target;
	lg_sb_t from, where, ret;
	int nsets;
	const lg_cat_column_t **set_cols;
	lg_sb_t *set_sql;
	int ncols; /* temporary columns for the FROM items' columns */
} dml_from_t;

static void free_df(dml_from_t *df)
{
	lg_sb_free(&df->from);
	lg_sb_free(&df->where);
	lg_sb_free(&df->ret);
	for (int i = 0; df->set_sql && i < df->nsets; i++)
		lg_sb_free(&df->set_sql[i]);
}

static void append_target(lg_sb_t *out, const dml_from_t *df, bool alias)
{
	if (df->rv->schemaname && strcmp(df->rv->schemaname, "public") != 0) {
		lg_sb_append_ident(out, df->rv->schemaname);
		lg_sb_putc(out, '.');
	}
	lg_sb_append_ident(out, df->rv->relname);
	if (alias && df->rv->alias) {
		lg_sb_append(out, " AS ");
		lg_sb_append_ident(out, df->rv->alias->aliasname);
	}
}

static int open_target(rw_ctx_t *ctx, dml_from_t *df)
{
	rw_rte_t *rte;
	if (!rw_scope_push(ctx) || rw_table_rte(ctx, df->rv, &rte) || rw_scope_add(ctx, rte))
		return -1;
	if (rte->table->relkind != 'r')
		return rw_unsupported(ctx, df->rv->location, "writing to a view");
	df->target = rte;
	return 0;
}

static int set_value(rw_ctx_t *ctx, dml_from_t *df, ResTarget *rt, Node *val, int i)
{
	if (rt->indirection)
		return rw_unsupported(ctx, rt->location, "subscripts in UPDATE targets");
	const lg_cat_column_t *c = lg_cat_column(df->target->table, rt->name);
	if (!c)
		return rw_error(ctx, rt->location, LG_SQLSTATE_UNDEFINED_COLUMN,
				"column \"%s\" of relation \"%s\" does not exist", rt->name,
				df->target->table->name);
	df->set_cols[i] = c;
	if (IsA(val, SetToDefault)) {
		lg_sb_putc(&df->set_sql[i], '(');
		lg_sb_append(&df->set_sql[i], c->default_sql ? c->default_sql : "NULL");
		lg_sb_putc(&df->set_sql[i], ')');
		return rw_sb_check(ctx, &df->set_sql[i]);
	}
	rw_type_t to = {c->type, c->typmod};
	return rw_expr_assign(ctx, val, &to, c->name, &df->set_sql[i]);
}

static int set_values(rw_ctx_t *ctx, dml_from_t *df, List *targets)
{
	df->nsets = list_length(targets);
	df->set_cols = rw_alloc(ctx, sizeof(*df->set_cols) * (size_t)(df->nsets + 1));
	df->set_sql = rw_alloc(ctx, sizeof(*df->set_sql) * (size_t)(df->nsets + 1));
	if (!df->set_cols || !df->set_sql)
		return -1;
	for (int i = 0; i < df->nsets; i++)
		lg_sb_init(&df->set_sql[i]);
	for (int i = 0; i < df->nsets; i++) {
		ResTarget *rt = list_nth_node(ResTarget, targets, i);
		Node *val = rt->val;
		if (IsA(val, MultiAssignRef)) {
			MultiAssignRef *m = (MultiAssignRef *)val;
			if (!IsA(m->source, RowExpr))
				return rw_unsupported(ctx, rt->location,
						      "multiple-column UPDATE from a subquery");
			List *args = ((RowExpr *)m->source)->args;
			if (list_length(args) != m->ncolumns)
				return rw_error(
					ctx, rt->location, LG_SQLSTATE_SYNTAX_ERROR,
					"number of columns does not match number of values");
			val = list_nth(args, m->colno - 1);
		}
		if (set_value(ctx, df, rt, val, i))
			return -1;
	}
	return 0;
}

static int where_clause(rw_ctx_t *ctx, dml_from_t *df, Node *where)
{
	if (!where)
		return 0;
	if (IsA(where, CurrentOfExpr))
		return rw_unsupported(ctx, -1, "WHERE CURRENT OF");
	ctx->scope->agg_forbidden = "WHERE";
	int rc = rw_expr_bool(ctx, where, "WHERE", &df->where);
	ctx->scope->agg_forbidden = NULL;
	return rc;
}

/* A copy of `rte` whose columns are `sql_of(column)`. */
static rw_rte_t *mapped_rte(rw_ctx_t *ctx, dml_from_t *df, const rw_rte_t *src, bool target)
{
	rw_rte_t *rte = rw_alloc(ctx, sizeof(*rte));
	if (!rte)
		return NULL;
	*rte = *src;
	rte->cols = rw_alloc(ctx, sizeof(rw_col_t) * (size_t)(rte->ncols + 1));
	if (!rte->cols)
		return NULL;
	for (int i = 0; i < rte->ncols; i++) {
		rte->cols[i] = src->cols[i];
		lg_sb_t sb = LG_SB_INIT;
		if (target) { /* RETURNING names the target's columns unqualified */
			lg_sb_append_ident(&sb, src->cols[i].name);
		} else {
			lg_sb_appendf(&sb, "(SELECT \"c%d\" FROM " TMP " WHERE \"lg_rid\" = ",
				      ++df->ncols);
			lg_sb_append_ident(&sb, df->rv->relname);
			lg_sb_append(&sb, ".rowid)");
		}
		rte->cols[i].sql = rw_sb_dup(ctx, &sb);
		lg_sb_free(&sb);
		if (!rte->cols[i].sql)
			return NULL;
	}
	return rte;
}

/* RETURNING over the target and the FROM items (mapped to the temporary
 * table, numbered in the order of the DML scope's items). */
static int returning(rw_ctx_t *ctx, dml_from_t *df, List *list)
{
	rw_scope_t *dml = ctx->scope;
	ctx->scope = dml->parent;
	int rc = rw_scope_push(ctx) ? 0 : -1;
	for (int i = 0; rc == 0 && i < dml->nitems; i++) {
		rw_rte_t *rte = mapped_rte(ctx, df, dml->items[i], dml->items[i] == df->target);
		rc = rte ? rw_scope_add(ctx, rte) : -1;
	}
	rw_query_t q;
	if (rc == 0) {
		ctx->scope->agg_forbidden = "RETURNING";
		rc = rw_target_list(ctx, list, NULL, 0, &df->ret, &q);
	}
	ctx->scope = dml;
	if (rc == 0)
		rw_set_result(ctx, q.cols, q.ncols);
	return rc ? -1 : rw_sb_check(ctx, &df->ret);
}

static int emit_plain(rw_ctx_t *ctx, dml_from_t *df, bool update)
{
	lg_sb_t sql = LG_SB_INIT;
	if (update) {
		lg_sb_append(&sql, "UPDATE ");
		append_target(&sql, df, true);
		lg_sb_append(&sql, " SET ");
		for (int i = 0; i < df->nsets; i++) {
			lg_sb_append(&sql, i ? ", " : "");
			lg_sb_append_ident(&sql, df->set_cols[i]->name);
			lg_sb_append(&sql, " = ");
			lg_sb_appendn(&sql, df->set_sql[i].data, df->set_sql[i].len);
		}
		lg_sb_append(&sql, " FROM ");
		lg_sb_appendn(&sql, df->from.data, df->from.len);
		if (df->where.len) {
			lg_sb_append(&sql, " WHERE ");
			lg_sb_appendn(&sql, df->where.data, df->where.len);
		}
	} else {
		lg_sb_append(&sql, "DELETE FROM ");
		append_target(&sql, df, true);
		lg_sb_append(&sql, " WHERE rowid IN (SELECT ");
		lg_sb_append_ident(&sql, df->target->name);
		lg_sb_append(&sql, ".rowid FROM ");
		append_target(&sql, df, true);
		lg_sb_append(&sql, ", ");
		lg_sb_appendn(&sql, df->from.data, df->from.len);
		if (df->where.len) {
			lg_sb_append(&sql, " WHERE ");
			lg_sb_appendn(&sql, df->where.data, df->where.len);
		}
		lg_sb_putc(&sql, ')');
	}
	lg_sb_append(&sql, " RETURNING ");
	lg_sb_appendn(&sql, df->ret.data, df->ret.len);
	int rc = rw_sb_check(ctx, &sql) ? -1 : rw_emit_sql(ctx, sql.data, sql.len);
	lg_sb_free(&sql);
	return rc;
}

static int emit_sb(rw_ctx_t *ctx, lg_sb_t *sb)
{
	int rc = rw_sb_check(ctx, sb) ? -1 : rw_emit_sql(ctx, sb->data, sb->len);
	lg_sb_reset(sb);
	return rc;
}

/* The temporary table and its rows. */
static int emit_collect(rw_ctx_t *ctx, dml_from_t *df, lg_sb_t *sql)
{
	lg_sb_append(sql, "DROP TABLE IF EXISTS " TMP);
	if (emit_sb(ctx, sql))
		return -1;
	lg_sb_append(sql, "CREATE TEMP TABLE \"lg_dml_from\" (\"lg_rid\" INTEGER PRIMARY KEY");
	for (int i = 1; i <= df->ncols; i++)
		lg_sb_appendf(sql, ", \"c%d\"", i);
	for (int i = 1; i <= df->nsets; i++)
		lg_sb_appendf(sql, ", \"s%d\"", i);
	lg_sb_putc(sql, ')');
	if (emit_sb(ctx, sql))
		return -1;
	lg_sb_append(sql, "INSERT OR IGNORE INTO " TMP " SELECT ");
	lg_sb_append_ident(sql, df->target->name);
	lg_sb_append(sql, ".rowid");
	rw_scope_t *dml = ctx->scope;
	for (int i = 0; i < dml->nitems; i++)
		for (int k = 0; dml->items[i] != df->target && k < dml->items[i]->ncols; k++)
			lg_sb_appendf(sql, ", %s", dml->items[i]->cols[k].sql);
	for (int i = 0; i < df->nsets; i++)
		lg_sb_appendf(sql, ", %s", df->set_sql[i].data);
	lg_sb_append(sql, " FROM ");
	append_target(sql, df, true);
	lg_sb_append(sql, ", ");
	lg_sb_appendn(sql, df->from.data, df->from.len);
	if (df->where.len) {
		lg_sb_append(sql, " WHERE ");
		lg_sb_appendn(sql, df->where.data, df->where.len);
	}
	return emit_sb(ctx, sql);
}

static int emit_via_table(rw_ctx_t *ctx, dml_from_t *df, bool update)
{
	lg_sb_t sql = LG_SB_INIT;
	int rc = emit_collect(ctx, df, &sql);
	if (rc == 0 && update) {
		lg_sb_append(&sql, "UPDATE ");
		append_target(&sql, df, true);
		lg_sb_append(&sql, " SET ");
		for (int i = 0; i < df->nsets; i++) {
			lg_sb_append(&sql, i ? ", " : "");
			lg_sb_append_ident(&sql, df->set_cols[i]->name);
			lg_sb_appendf(&sql,
				      " = (SELECT \"s%d\" FROM " TMP " WHERE \"lg_rid\" = ", i + 1);
			lg_sb_append_ident(&sql, df->target->name);
			lg_sb_append(&sql, ".rowid)");
		}
	} else if (rc == 0) {
		lg_sb_append(&sql, "DELETE FROM ");
		append_target(&sql, df, true);
	}
	if (rc == 0) {
		lg_sb_append(&sql, " WHERE rowid IN (SELECT \"lg_rid\" FROM " TMP ") RETURNING ");
		lg_sb_appendn(&sql, df->ret.data, df->ret.len);
		rc = emit_sb(ctx, &sql);
	}
	lg_sb_free(&sql);
	return rc;
}

/* UPDATE ... FROM ... RETURNING (update) or DELETE ... USING ...
 * RETURNING. */
static int dml_from(rw_ctx_t *ctx, dml_from_t *df, WithClause *with, List *from, List *sets,
		    Node *where, List *ret, bool update)
{
	if (with)
		return rw_unsupported(ctx, with->location,
				      update ? "WITH with UPDATE ... FROM ... RETURNING"
					     : "WITH with DELETE ... USING ... RETURNING");
	int rc = open_target(ctx, df) || rw_from_list(ctx, from, &df->from) ||
		 (update && set_values(ctx, df, sets)) || where_clause(ctx, df, where) ||
		 returning(ctx, df, ret);
	if (rc == 0) {
		bool needs_table = strstr(df->ret.data ? df->ret.data : "", TMP) != NULL;
		rc = needs_table ? emit_via_table(ctx, df, update) : emit_plain(ctx, df, update);
	}
	rw_scope_pop(ctx);
	if (rc)
		return -1;
	rw_set_tag(ctx, update ? "UPDATE" : "DELETE", LG_TAG_COUNT);
	rw_set_writes(ctx);
	return 0;
}

int rw_update_from_returning(rw_ctx_t *ctx, UpdateStmt *s)
{
	dml_from_t df = {.rv = s->relation};
	lg_sb_init(&df.from), lg_sb_init(&df.where), lg_sb_init(&df.ret);
	int rc = dml_from(ctx, &df, s->withClause, s->fromClause, s->targetList, s->whereClause,
			  s->returningList, true);
	free_df(&df);
	return rc;
}

int rw_delete_using_returning(rw_ctx_t *ctx, DeleteStmt *s)
{
	dml_from_t df = {.rv = s->relation};
	lg_sb_init(&df.from), lg_sb_init(&df.where), lg_sb_init(&df.ret);
	int rc = dml_from(ctx, &df, s->withClause, s->usingClause, NULL, s->whereClause,
			  s->returningList, false);
	free_df(&df);
	return rc;
}
