/* WITH queries (common table expressions), plain and RECURSIVE: SQLite
 * supports both, so the translation is the queries' own plus the column
 * names and types the main query sees. Data-modifying WITH queries are
 * not supported. */
#include "rewrite/rw_internal.h"

#include <string.h>

const rw_cte_t *rw_find_cte(rw_ctx_t *ctx, const char *name)
{
	for (rw_scope_t *s = ctx->scope; s; s = s->parent)
		for (const rw_cte_t *c = s->ctes; c; c = c->next)
			if (strcmp(c->name, name) == 0)
				return c;
	return NULL;
}

static int register_cte(rw_ctx_t *ctx, CommonTableExpr *cte, const rw_query_t *q,
			rw_cte_t **out)
{
	int nalias = list_length(cte->aliascolnames);
	if (nalias > q->ncols)
		return rw_error(ctx, cte->location, LG_SQLSTATE_INVALID_COLUMN_REFERENCE,
				"WITH query \"%s\" has %d columns available but %d columns specified",
				cte->ctename, q->ncols, nalias);
	rw_cte_t *c = rw_alloc(ctx, sizeof(*c));
	if (!c)
		return -1;
	c->name = cte->ctename;
	c->ncols = q->ncols;
	c->cols = rw_alloc(ctx, sizeof(rw_col_t) * (size_t)(q->ncols + 1));
	if (!c->cols)
		return -1;
	for (int i = 0; i < q->ncols; i++) {
		c->cols[i] = q->cols[i];
		if (i < nalias)
			c->cols[i].name = strVal(list_nth(cte->aliascolnames, i));
	}
	c->next = ctx->scope->ctes;
	ctx->scope->ctes = c;
	*out = c;
	return 0;
}

/* A recursive query refers to itself: its columns come from the
 * non-recursive arm of its UNION, translated first. */
static int recursive_shape(rw_ctx_t *ctx, CommonTableExpr *cte, SelectStmt *s)
{
	if (s->op != SETOP_UNION)
		return rw_error(ctx, cte->location, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				"recursive query \"%s\" does not have the form non-recursive-term UNION [ALL] recursive-term",
				cte->ctename);
	lg_sb_t tmp = LG_SB_INIT;
	rw_query_t q;
	int rc = rw_select(ctx, s->larg, NULL, 0, &tmp, &q);
	lg_sb_free(&tmp);
	rw_cte_t *c;
	return rc ? -1 : register_cte(ctx, cte, &q, &c);
}

static int one_cte(rw_ctx_t *ctx, CommonTableExpr *cte, bool recursive, lg_sb_t *out)
{
	if (!IsA(cte->ctequery, SelectStmt))
		return rw_unsupported(ctx, cte->location, "data-modifying statements in WITH");
	if (cte->search_clause || cte->cycle_clause)
		return rw_unsupported(ctx, cte->location, "SEARCH and CYCLE");
	SelectStmt *s = (SelectStmt *)cte->ctequery;
	rw_cte_t *self = NULL;
	if (recursive && recursive_shape(ctx, cte, s))
		return -1;
	if (recursive)
		self = ctx->scope->ctes;
	lg_sb_t sql = LG_SB_INIT;
	rw_query_t q;
	int rc = rw_select(ctx, s, NULL, 0, &sql, &q);
	if (rc == 0 && self) {
		/* the recursive term must keep the non-recursive term's types */
		for (int i = 0; i < q.ncols && i < self->ncols; i++)
			if (q.cols[i].type.oid != self->cols[i].type.oid)
				rc = rw_error(ctx, cte->location, LG_SQLSTATE_DATATYPE_MISMATCH,
					      "recursive query \"%s\" column %d has type %s in non-recursive term but type %s overall",
					      cte->ctename, i + 1, rw_type_name(ctx, &self->cols[i].type),
					      rw_type_name(ctx, &q.cols[i].type));
		ctx->scope->ctes = self->next; /* re-registered below */
	}
	rw_cte_t *c;
	if (rc == 0)
		rc = register_cte(ctx, cte, &q, &c);
	if (rc == 0) {
		lg_sb_append_ident(out, cte->ctename);
		lg_sb_putc(out, '(');
		for (int i = 0; i < q.ncols; i++) {
			lg_sb_append(out, i ? ", " : "");
			lg_sb_append_ident(out, q.cols[i].sqlname);
		}
		lg_sb_append(out, ") AS (");
		lg_sb_appendn(out, sql.data, sql.len);
		lg_sb_putc(out, ')');
	}
	lg_sb_free(&sql);
	return rc ? -1 : rw_sb_check(ctx, out);
}

int rw_with(rw_ctx_t *ctx, WithClause *w, lg_sb_t *out)
{
	lg_sb_append(out, w->recursive ? "WITH RECURSIVE " : "WITH ");
	ListCell *lc;
	foreach (lc, w->ctes) {
		CommonTableExpr *cte = lfirst_node(CommonTableExpr, lc);
		for (const rw_cte_t *c = ctx->scope->ctes; c; c = c->next)
			if (strcmp(c->name, cte->ctename) == 0)
				return rw_error(ctx, cte->location, LG_SQLSTATE_DUPLICATE_ALIAS,
						"WITH query name \"%s\" specified more than once",
						cte->ctename);
		if (lc != list_head(w->ctes))
			lg_sb_append(out, ", ");
		if (one_cte(ctx, cte, w->recursive, out))
			return -1;
	}
	lg_sb_putc(out, ' ');
	return rw_sb_check(ctx, out);
}
