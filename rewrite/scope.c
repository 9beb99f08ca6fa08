/* Name resolution: FROM items (tables, subqueries, joins) and the column
 * references that find them, with PostgreSQL's visibility rules (a join
 * hides its inputs' columns behind its own merged column list) and errors. */
#include "rewrite/rw_internal.h"

#include <string.h>

rw_scope_t *rw_scope_push(rw_ctx_t *ctx)
{
	rw_scope_t *s = rw_alloc(ctx, sizeof(*s));
	if (!s)
		return NULL;
	s->parent = ctx->scope;
	s->level = ctx->scope ? ctx->scope->level + 1 : 0;
	ctx->scope = s;
	return s;
}

void rw_scope_pop(rw_ctx_t *ctx)
{
	if (ctx->scope)
		ctx->scope = ctx->scope->parent;
}

int rw_scope_add(rw_ctx_t *ctx, rw_rte_t *rte)
{
	rw_scope_t *s = ctx->scope;
	if (s->nitems == s->cap) {
		int cap = s->cap ? s->cap * 2 : 8;
		rw_rte_t **items = rw_alloc(ctx, sizeof(*items) * (size_t)cap);
		if (!items)
			return -1;
		if (s->nitems)
			memcpy(items, s->items, sizeof(*items) * (size_t)s->nitems);
		s->items = items;
		s->cap = cap;
	}
	rte->level = s->level;
	s->items[s->nitems++] = rte;
	return 0;
}

const char *rw_name_list(rw_ctx_t *ctx, List *names)
{
	lg_sb_t sb = LG_SB_INIT;
	ListCell *lc;
	foreach (lc, names) {
		if (sb.len)
			lg_sb_putc(&sb, '.');
		Node *n = lfirst(lc);
		lg_sb_append(&sb, IsA(n, String) ? strVal(n) : "*");
	}
	char *s = rw_sb_dup(ctx, &sb);
	lg_sb_free(&sb);
	return s;
}

/* "t"."c" */
static const char *qualified(rw_ctx_t *ctx, const char *rel, const char *col)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_append_ident(&sb, rel);
	lg_sb_putc(&sb, '.');
	lg_sb_append_ident(&sb, col);
	char *s = rw_sb_dup(ctx, &sb);
	lg_sb_free(&sb);
	return s;
}

/* The same relation name twice at one level is an error in PostgreSQL. */
static int check_duplicate_name(rw_ctx_t *ctx, const char *name, int location)
{
	rw_scope_t *s = ctx->scope;
	for (int i = 0; i < s->nitems; i++) {
		const rw_rte_t *r = s->items[i];
		if (r->rel_visible && r->name && strcmp(r->name, name) == 0)
			return rw_error(ctx, location, LG_SQLSTATE_DUPLICATE_ALIAS,
					"table name \"%s\" specified more than once", name);
	}
	return 0;
}

/* Applies `AS x(a, b)` column aliases. */
static int apply_colnames(rw_ctx_t *ctx, rw_rte_t *rte, Alias *alias, int location)
{
	if (!alias || !alias->colnames)
		return 0;
	int n = list_length(alias->colnames);
	if (n > rte->ncols)
		return rw_error(ctx, location, LG_SQLSTATE_INVALID_COLUMN_REFERENCE,
				"table \"%s\" has %d columns available but %d columns specified",
				rte->name, rte->ncols, n);
	for (int i = 0; i < n; i++)
		rte->cols[i].name = strVal(list_nth(alias->colnames, i));
	return 0;
}

int rw_table_rte(rw_ctx_t *ctx, RangeVar *rv, rw_rte_t **out)
{
	if (rv->catalogname)
		return rw_unsupported(ctx, rv->location, "cross-database references");
	const lg_cat_table_t *t = lg_cat_table(ctx->cat, rv->schemaname, rv->relname, ctx->err);
	if (!t) {
		if (ctx->err->set)
			return -1;
		if (rv->schemaname)
			return rw_error(ctx, rv->location, LG_SQLSTATE_UNDEFINED_TABLE,
					"relation \"%s.%s\" does not exist", rv->schemaname,
					rv->relname);
		return rw_error(ctx, rv->location, LG_SQLSTATE_UNDEFINED_TABLE,
				"relation \"%s\" does not exist", rv->relname);
	}
	const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
	if (check_duplicate_name(ctx, name, rv->location))
		return -1;
	rw_rte_t *rte = rw_alloc(ctx, sizeof(*rte));
	rw_col_t *cols = rw_alloc(ctx, sizeof(*cols) * (size_t)(t->ncols ? t->ncols : 1));
	if (!rte || !cols)
		return -1;
	rte->name = name;
	rte->rel_visible = true;
	rte->cols_visible = true;
	rte->table = t;
	rte->ncols = t->ncols;
	rte->cols = cols;
	for (int i = 0; i < t->ncols; i++) {
		const lg_cat_column_t *c = &t->cols[i];
		cols[i].name = c->name;
		cols[i].sql = qualified(ctx, name, c->name);
		if (!cols[i].sql)
			return -1;
		cols[i].type = (rw_type_t){c->type, c->typmod};
		cols[i].table_oid = t->oid;
		cols[i].attnum = c->attnum;
	}
	if (apply_colnames(ctx, rte, rv->alias, rv->location))
		return -1;
	*out = rte;
	return 0;
}

/* ---- column references ---- */

static int find_in_rte(const rw_rte_t *rte, const char *name, int *found)
{
	int n = 0;
	for (int i = 0; i < rte->ncols; i++)
		if (strcmp(rte->cols[i].name, name) == 0) {
			if (!n)
				*found = i;
			n++;
		}
	return n;
}

static int ambiguous(rw_ctx_t *ctx, const char *name, int location)
{
	return rw_error(ctx, location, LG_SQLSTATE_AMBIGUOUS_COLUMN,
			"column reference \"%s\" is ambiguous", name);
}

/* Records a reference for the GROUP BY check of the level owning it. */
static int note_ref(rw_ctx_t *ctx, const rw_rte_t *rte, int col, int location)
{
	rw_scope_t *s = ctx->scope;
	while (s && s->level != rte->level)
		s = s->parent;
	if (!s || !s->track_refs || s->agg_depth > 0)
		return 0;
	/* Inside an aggregate of an inner level, an outer ref is still free. */
	if (s->nrefs == s->refs_cap) {
		int cap = s->refs_cap ? s->refs_cap * 2 : 16;
		rw_ref_t *r = rw_alloc(ctx, sizeof(*r) * (size_t)cap);
		if (!r)
			return -1;
		if (s->nrefs)
			memcpy(r, s->refs, sizeof(*r) * (size_t)s->nrefs);
		s->refs = r;
		s->refs_cap = cap;
	}
	s->refs[s->nrefs++] = (rw_ref_t){rte, col, location, false};
	return 0;
}

/* ---- PostgreSQL's hints for missing columns (errorMissingColumn) ---- */

#define MAX_FUZZY_DISTANCE 3

static int levenshtein(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 100;
	int prev[65], cur[65];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			int del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof(int) * (lb + 1));
	}
	return prev[lb];
}

typedef struct fuzzy {
	int distance;
	const rw_rte_t *rfirst, *rsecond;
	int first, second;
} fuzzy_t;

static void fuzzy_update(fuzzy_t *f, int penalty, const rw_rte_t *rte, const char *actual,
			 const char *match, int col)
{
	if (penalty > f->distance || !actual[0])
		return;
	int d = levenshtein(actual, match);
	if (d > (int)strlen(match) / 2)
		return;
	d += penalty;
	if (d < f->distance) {
		*f = (fuzzy_t){d, rte, NULL, col, -1};
	} else if (d == f->distance) {
		if (f->second >= 0) {
			*f = (fuzzy_t){d - 1, NULL, NULL, -1, -1};
		} else if (f->first >= 0) {
			f->rsecond = rte;
			f->second = col;
		} else if (f->distance <= MAX_FUZZY_DISTANCE) {
			f->rfirst = rte;
			f->first = col;
		}
	}
}

/* Every FROM item of every level, hidden ones included, joins excepted. */
static void fuzzy_search(rw_ctx_t *ctx, const char *rel, const char *name, fuzzy_t *f)
{
	*f = (fuzzy_t){MAX_FUZZY_DISTANCE + 1, NULL, NULL, -1, -1};
	for (rw_scope_t *s = ctx->scope; s; s = s->parent) {
		for (int i = 0; i < s->nitems; i++) {
			const rw_rte_t *r = s->items[i];
			if (r->is_join || !r->name)
				continue;
			int penalty = rel ? levenshtein(rel, r->name) : 0;
			int exact = -1;
			for (int k = 0; k < r->ncols; k++) {
				if (exact < 0 && strcmp(r->cols[k].name, name) == 0)
					exact = k;
				fuzzy_update(f, penalty, r, r->cols[k].name, name, k);
			}
			if (exact >= 0 && penalty == 0) {
				*f = (fuzzy_t){0, r, NULL, exact, -1};
				return;
			}
		}
	}
}

static int missing_column(rw_ctx_t *ctx, const char *rel, const char *name, int location)
{
	if (rel)
		rw_error(ctx, location, LG_SQLSTATE_UNDEFINED_COLUMN, "column %s.%s does not exist",
			 rel, name);
	else
		rw_error(ctx, location, LG_SQLSTATE_UNDEFINED_COLUMN,
			 "column \"%s\" does not exist", name);
	fuzzy_t f;
	fuzzy_search(ctx, rel, name, &f);
	if (f.rfirst && !f.rsecond)
		lg_error_field(ctx->err, LG_ERRF_HINT,
			       "Perhaps you meant to reference the column \"%s.%s\".",
			       f.rfirst->name, f.rfirst->cols[f.first].name);
	else if (f.rfirst)
		lg_error_field(ctx->err, LG_ERRF_HINT,
			       "Perhaps you meant to reference the column \"%s.%s\" or the column \"%s.%s\".",
			       f.rfirst->name, f.rfirst->cols[f.first].name, f.rsecond->name,
			       f.rsecond->cols[f.second].name);
	return -1;
}

static int unqualified(rw_ctx_t *ctx, const char *name, int location, const rw_col_t **col)
{
	for (rw_scope_t *s = ctx->scope; s; s = s->parent) {
		const rw_rte_t *hit = NULL;
		int idx = -1;
		for (int i = 0; i < s->nitems; i++) {
			const rw_rte_t *r = s->items[i];
			if (!r->cols_visible)
				continue;
			int k;
			int n = find_in_rte(r, name, &k);
			if (n == 0)
				continue;
			if (n > 1 || hit)
				return ambiguous(ctx, name, location);
			hit = r;
			idx = k;
		}
		if (hit) {
			*col = &hit->cols[idx];
			return note_ref(ctx, hit, idx, location);
		}
	}
	return missing_column(ctx, NULL, name, location);
}

/* PostgreSQL's errorMissingRTE: a table that is in FROM under an alias, or
 * out of scope, gets a more helpful message than "missing". */
static int missing_rel(rw_ctx_t *ctx, const char *rel, int location)
{
	const rw_rte_t *hit = NULL;
	for (rw_scope_t *s = ctx->scope; s && !hit; s = s->parent)
		for (int i = 0; i < s->nitems && !hit; i++) {
			const rw_rte_t *r = s->items[i];
			if (r->is_join || !r->name)
				continue;
			if (strcmp(r->name, rel) == 0 || (r->table && strcmp(r->table->name, rel) == 0))
				hit = r;
		}
	if (!hit)
		return rw_error(ctx, location, LG_SQLSTATE_UNDEFINED_TABLE,
				"missing FROM-clause entry for table \"%s\"", rel);
	rw_error(ctx, location, LG_SQLSTATE_UNDEFINED_TABLE,
		 "invalid reference to FROM-clause entry for table \"%s\"", rel);
	if (strcmp(hit->name, rel) != 0 && hit->rel_visible)
		lg_error_field(ctx->err, LG_ERRF_HINT,
			       "Perhaps you meant to reference the table alias \"%s\".", hit->name);
	else
		lg_error_field(ctx->err, LG_ERRF_HINT,
			       "There is an entry for table \"%s\", but it cannot be referenced from this part of the query.",
			       hit->name);
	return -1;
}

/* The FROM item a qualifier names, innermost level first. */
static int find_rel(rw_ctx_t *ctx, const char *schema, const char *rel, int location,
		    const rw_rte_t **out)
{
	for (rw_scope_t *s = ctx->scope; s; s = s->parent) {
		const rw_rte_t *hit = NULL;
		for (int i = 0; i < s->nitems; i++) {
			const rw_rte_t *r = s->items[i];
			if (!r->rel_visible || !r->name || strcmp(r->name, rel) != 0)
				continue;
			if (schema && (!r->table || strcmp(r->table->schema, schema) != 0 ||
				       strcmp(r->table->name, r->name) != 0))
				continue;
			if (hit)
				return rw_error(ctx, location, LG_SQLSTATE_AMBIGUOUS_COLUMN,
						"table reference \"%s\" is ambiguous", rel);
			hit = r;
		}
		if (hit) {
			*out = hit;
			return 0;
		}
	}
	return missing_rel(ctx, rel, location);
}

int rw_column_ref(rw_ctx_t *ctx, ColumnRef *cr, const rw_col_t **col)
{
	int n = list_length(cr->fields);
	for (int i = 0; i < n; i++)
		if (!IsA(list_nth(cr->fields, i), String))
			return rw_unsupported(ctx, cr->location, "this column reference");
	if (n == 1)
		return unqualified(ctx, strVal(linitial(cr->fields)), cr->location, col);
	if (n > 3)
		return rw_error(ctx, cr->location, LG_SQLSTATE_SYNTAX_ERROR,
				"improper qualified name (too many dotted names): %s",
				rw_name_list(ctx, cr->fields));
	const char *schema = n == 3 ? strVal(linitial(cr->fields)) : NULL;
	const char *rel = strVal(list_nth(cr->fields, n - 2));
	const char *name = strVal(llast(cr->fields));
	const rw_rte_t *rte;
	if (find_rel(ctx, schema, rel, cr->location, &rte))
		return -1;
	int idx;
	int hits = find_in_rte(rte, name, &idx);
	if (hits == 0)
		return missing_column(ctx, rel, name, cr->location);
	if (hits > 1)
		return ambiguous(ctx, name, cr->location);
	*col = &rte->cols[idx];
	return note_ref(ctx, rte, idx, cr->location);
}

static int append_cols(rw_ctx_t *ctx, const rw_rte_t *rte, rw_col_t **cols, int *ncols, int *cap)
{
	if (*ncols + rte->ncols > *cap) {
		int c = (*cap ? *cap : 8);
		while (c < *ncols + rte->ncols)
			c *= 2;
		rw_col_t *n = rw_alloc(ctx, sizeof(*n) * (size_t)c);
		if (!n)
			return -1;
		if (*ncols)
			memcpy(n, *cols, sizeof(*n) * (size_t)*ncols);
		*cols = n;
		*cap = c;
	}
	for (int i = 0; i < rte->ncols; i++) {
		if (note_ref(ctx, rte, i, -1))
			return -1;
		(*cols)[(*ncols)++] = rte->cols[i];
	}
	return 0;
}

int rw_star(rw_ctx_t *ctx, ColumnRef *cr, rw_col_t **cols, int *ncols)
{
	int cap = *ncols;
	int n = list_length(cr->fields);
	if (n == 1) {
		rw_scope_t *s = ctx->scope;
		int before = *ncols;
		for (int i = 0; i < s->nitems; i++)
			if (s->items[i]->cols_visible &&
			    append_cols(ctx, s->items[i], cols, ncols, &cap))
				return -1;
		if (*ncols == before && s->nitems == 0)
			return rw_error(ctx, cr->location, LG_SQLSTATE_SYNTAX_ERROR,
					"SELECT * with no tables specified is not valid");
		return 0;
	}
	if (n > 3)
		return rw_error(ctx, cr->location, LG_SQLSTATE_SYNTAX_ERROR,
				"improper qualified name (too many dotted names): %s",
				rw_name_list(ctx, cr->fields));
	const char *schema = n == 3 ? strVal(linitial(cr->fields)) : NULL;
	const char *rel = strVal(list_nth(cr->fields, n - 2));
	const rw_rte_t *rte;
	if (find_rel(ctx, schema, rel, cr->location, &rte))
		return -1;
	return append_cols(ctx, rte, cols, ncols, &cap);
}

/* ---- FROM ---- */

static int from_item(rw_ctx_t *ctx, Node *n, lg_sb_t *out, rw_rte_t **rte);

static int subselect_item(rw_ctx_t *ctx, RangeSubselect *rs, lg_sb_t *out, rw_rte_t **rtep)
{
	if (rs->lateral)
		return rw_unsupported(ctx, -1, "LATERAL");
	if (!rs->alias)
		return rw_error(ctx, -1, LG_SQLSTATE_SYNTAX_ERROR,
				"subquery in FROM must have an alias");
	if (!IsA(rs->subquery, SelectStmt))
		return rw_unsupported(ctx, -1, "this subquery in FROM");
	const char *name = rs->alias->aliasname;
	if (check_duplicate_name(ctx, name, -1))
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
		q.cols[i].sql = qualified(ctx, name, q.cols[i].sqlname);
		q.cols[i].table_oid = 0;
		q.cols[i].attnum = 0;
		if (!q.cols[i].sql)
			return -1;
	}
	if (apply_colnames(ctx, rte, rs->alias, -1))
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
			if (find_in_rte(r, l->cols[i].name, &k) > 0)
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
		int nl = find_in_rte(l, name, &k), nr = find_in_rte(r, name, &k);
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
		find_in_rte(l, names[i], &li);
		find_in_rte(r, names[i], &ri);
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

static int join_item(rw_ctx_t *ctx, JoinExpr *j, lg_sb_t *out, rw_rte_t **rtep)
{
	if (j->alias || j->join_using_alias)
		return rw_unsupported(ctx, -1, "aliases on JOIN");
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
	if (check_duplicate_name(ctx, name, rv->location))
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
		rte->cols[i].sql = qualified(ctx, name, cte->cols[i].sqlname);
		if (!rte->cols[i].sql)
			return -1;
	}
	if (apply_colnames(ctx, rte, rv->alias, rv->location))
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
	if (check_duplicate_name(ctx, name, fc->location))
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
		col->sql = qualified(ctx, name, "generate_series");
		rc = col->sql ? apply_colnames(ctx, rte, rf->alias, fc->location) : -1;
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
	foreach (lc, from) {
		if (lc != list_head(from))
			lg_sb_append(out, ", ");
		rw_rte_t *rte;
		if (from_item(ctx, lfirst(lc), out, &rte))
			return -1;
	}
	return rw_sb_check(ctx, out);
}

/* ---- output column names (PostgreSQL's FigureColname) ---- */

static int figure_name(Node *node, const char **name);

static int sublink_name(SubLink *sl, const char **name)
{
	switch (sl->subLinkType) {
	case EXISTS_SUBLINK:
		*name = "exists";
		return 2;
	case ARRAY_SUBLINK:
		*name = "array";
		return 2;
	case EXPR_SUBLINK: {
		SelectStmt *s = (SelectStmt *)sl->subselect;
		while (s && s->op != SETOP_NONE)
			s = s->larg;
		if (s && s->targetList) {
			ResTarget *rt = linitial(s->targetList);
			if (rt->name) {
				*name = rt->name;
				return 2;
			}
			return figure_name(rt->val, name);
		}
		return 0;
	}
	default:
		return 0;
	}
}

static const char *svf_name(SQLValueFunctionOp op)
{
	switch (op) {
	case SVFOP_CURRENT_DATE:
		return "current_date";
	case SVFOP_CURRENT_TIME:
	case SVFOP_CURRENT_TIME_N:
		return "current_time";
	case SVFOP_CURRENT_TIMESTAMP:
	case SVFOP_CURRENT_TIMESTAMP_N:
		return "current_timestamp";
	case SVFOP_LOCALTIME:
	case SVFOP_LOCALTIME_N:
		return "localtime";
	case SVFOP_LOCALTIMESTAMP:
	case SVFOP_LOCALTIMESTAMP_N:
		return "localtimestamp";
	case SVFOP_CURRENT_ROLE:
		return "current_role";
	case SVFOP_CURRENT_USER:
		return "current_user";
	case SVFOP_USER:
		return "user";
	case SVFOP_SESSION_USER:
		return "session_user";
	case SVFOP_CURRENT_CATALOG:
		return "current_catalog";
	case SVFOP_CURRENT_SCHEMA:
		return "current_schema";
	}
	return "?column?";
}

static int figure_name(Node *node, const char **name)
{
	if (!node)
		return 0;
	switch (nodeTag(node)) {
	case T_ColumnRef: {
		ColumnRef *cr = (ColumnRef *)node;
		Node *last = llast(cr->fields);
		if (IsA(last, String)) {
			*name = strVal(last);
			return 2;
		}
		return 0;
	}
	case T_A_Indirection: {
		A_Indirection *ind = (A_Indirection *)node;
		Node *last = llast(ind->indirection);
		if (IsA(last, String)) {
			*name = strVal(last);
			return 2;
		}
		return figure_name(ind->arg, name);
	}
	case T_FuncCall:
		*name = strVal(llast(((FuncCall *)node)->funcname));
		return 2;
	case T_A_Expr:
		if (((A_Expr *)node)->kind == AEXPR_NULLIF) {
			*name = "nullif";
			return 2;
		}
		return 0;
	case T_TypeCast: {
		TypeCast *tc = (TypeCast *)node;
		int strength = figure_name(tc->arg, name);
		if (strength <= 1 && tc->typeName) {
			*name = strVal(llast(tc->typeName->names));
			return 1;
		}
		return strength;
	}
	case T_CollateClause:
		return figure_name(((CollateClause *)node)->arg, name);
	case T_SubLink:
		return sublink_name((SubLink *)node, name);
	case T_CaseExpr: {
		int strength = figure_name((Node *)((CaseExpr *)node)->defresult, name);
		if (strength <= 1) {
			*name = "case";
			return 1;
		}
		return strength;
	}
	case T_A_ArrayExpr:
		*name = "array";
		return 2;
	case T_RowExpr:
		*name = "row";
		return 2;
	case T_CoalesceExpr:
		*name = "coalesce";
		return 2;
	case T_MinMaxExpr:
		*name = ((MinMaxExpr *)node)->op == IS_GREATEST ? "greatest" : "least";
		return 2;
	case T_SQLValueFunction:
		*name = svf_name(((SQLValueFunction *)node)->op);
		return 2;
	case T_GroupingFunc:
		*name = "grouping";
		return 2;
	default:
		return 0;
	}
}

const char *rw_column_name(Node *node)
{
	const char *name = NULL;
	if (figure_name(node, &name) > 0 && name)
		return name;
	return "?column?";
}
