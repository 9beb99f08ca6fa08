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
const char *rw_qualified(rw_ctx_t *ctx, const char *rel, const char *col)
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
int rw_check_duplicate_name(rw_ctx_t *ctx, const char *name, int location)
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
int rw_apply_colnames(rw_ctx_t *ctx, rw_rte_t *rte, Alias *alias, int location)
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
	if (rw_check_duplicate_name(ctx, name, rv->location))
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
		cols[i].sql = rw_qualified(ctx, name, c->name);
		if (!cols[i].sql)
			return -1;
		cols[i].type = (rw_type_t){c->type, c->typmod};
		cols[i].table_oid = t->oid;
		cols[i].attnum = c->attnum;
	}
	if (rw_apply_colnames(ctx, rte, rv->alias, rv->location))
		return -1;
	*out = rte;
	return 0;
}

/* ---- column references ---- */

int rw_find_in_rte(const rw_rte_t *rte, const char *name, int *found)
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
			int n = rw_find_in_rte(r, name, &k);
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
	int hits = rw_find_in_rte(rte, name, &idx);
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
