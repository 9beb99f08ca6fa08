/* CREATE INDEX: btree (and hash, which SQLite serves with a btree), column
 * and expression keys, partial indexes, PostgreSQL's default names. */
#include "rewrite/ddl_int.h"

#include <string.h>

static int access_method(rw_ctx_t *ctx, IndexStmt *is)
{
	const char *am = is->accessMethod ? is->accessMethod : "btree";
	if (strcmp(am, "btree") == 0)
		return 0;
	if (strcmp(am, "hash") == 0) {
		if (is->unique)
			return rw_error(ctx, -1, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
					"access method \"hash\" does not support unique indexes");
		return 0;
	}
	static const char *const known[] = {"gin", "gist", "spgist", "brin"};
	for (size_t i = 0; i < LG_ARRAY_LEN(known); i++) {
		if (strcmp(am, known[i]) == 0) {
			lg_sb_t what = LG_SB_INIT;
			lg_sb_appendf(&what, "index access method \"%s\"", am);
			int rc = what.failed ? rw_oom(ctx) : rw_unsupported(ctx, -1, what.data);
			lg_sb_free(&what);
			return rc;
		}
	}
	return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_OBJECT,
			"access method \"%s\" does not exist", am);
}

/* The table's columns as bare SQLite names (index expressions may not be
 * qualified). */
static int push_scope(rw_ctx_t *ctx, const lg_cat_table_t *t)
{
	rw_rte_t *rte = rw_alloc(ctx, sizeof(*rte));
	rw_col_t *cols = rw_alloc(ctx, sizeof(*cols) * (size_t)(t->ncols ? t->ncols : 1));
	if (!rte || !cols || !rw_scope_push(ctx))
		return -1;
	rte->name = t->name;
	rte->rel_visible = rte->cols_visible = true;
	rte->table = t;
	rte->ncols = t->ncols;
	rte->cols = cols;
	for (int i = 0; i < t->ncols; i++) {
		lg_sb_t sb = LG_SB_INIT;
		lg_sb_append_ident(&sb, t->cols[i].name);
		cols[i].name = t->cols[i].name;
		cols[i].sql = rw_sb_dup(ctx, &sb);
		lg_sb_free(&sb);
		cols[i].type = (rw_type_t){t->cols[i].type, t->cols[i].typmod};
		cols[i].table_oid = t->oid;
		cols[i].attnum = t->cols[i].attnum;
		if (!cols[i].sql)
			return -1;
	}
	return rw_scope_add(ctx, rte);
}

/* PostgreSQL's ChooseIndexColumnNames: duplicates get a number. */
static const char *unique_colname(rw_ctx_t *ctx, const char **prev, int n, const char *orig)
{
	char buf[LG_CAT_NAME_MAX + 1];
	snprintf(buf, sizeof(buf), "%s", orig);
	for (int i = 1;; i++) {
		bool taken = false;
		for (int j = 0; j < n && !taken; j++)
			taken = strcmp(prev[j], buf) == 0;
		if (!taken)
			break;
		char num[16];
		int nl = snprintf(num, sizeof(num), "%d", i);
		size_t keep = strlen(orig);
		if (keep > (size_t)(LG_CAT_NAME_MAX - nl))
			keep = (size_t)(LG_CAT_NAME_MAX - nl);
		snprintf(buf, sizeof(buf), "%.*s%s", (int)keep, orig, num);
	}
	return rw_strdup(ctx, buf);
}

/* ruleutils.c shows a key that is not a function call in parentheses. */
static bool looks_like_function(Node *n)
{
	switch (nodeTag(n)) {
	case T_FuncCall:
	case T_CoalesceExpr:
	case T_MinMaxExpr:
	case T_SQLValueFunction: return true;
	default: return false;
	}
}

static int index_elem(rw_ctx_t *ctx, const lg_cat_table_t *t, IndexElem *e, lg_sb_t *out,
		      const char **colname)
{
	if (e->collation) {
		const char *c = strVal(llast(e->collation));
		if (strcmp(c, "C") != 0 && strcmp(c, "POSIX") != 0 && strcmp(c, "default") != 0)
			return rw_unsupported(ctx, -1, "index collations");
	}
	if (e->name) {
		const lg_cat_column_t *c = lg_cat_column(t, e->name);
		if (!c)
			return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_COLUMN,
					"column \"%s\" does not exist", e->name);
		lg_sb_append_ident(out, c->name);
		*colname = c->name;
	} else {
		rw_type_t type;
		lg_sb_t x = LG_SB_INIT;
		if (rw_expr(ctx, e->expr, NULL, &x, &type) < 0) {
			lg_sb_free(&x);
			return -1;
		}
		lg_sb_putc(out, '(');
		lg_sb_appendn(out, x.data, x.len);
		lg_sb_putc(out, ')');
		lg_sb_free(&x);
		/* PostgreSQL's spelling and type travel with the index, for
		 * catalog/schema_parse.c (and "Key (lower(email))=..."). */
		const char *pg = rw_deparse_expr(ctx, e->expr);
		if (pg && !strstr(pg, "*/"))
			lg_sb_appendf(out, looks_like_function(e->expr) ? " /*lg:%u %s*/" : " /*lg:%u (%s)*/",
				      (unsigned)type.oid, pg);
		const char *n = e->indexcolname ? e->indexcolname : rw_column_name(e->expr);
		*colname = !n || strcmp(n, "?column?") == 0 ? "expr" : n;
	}
	if (e->ordering == SORTBY_DESC)
		lg_sb_append(out, " DESC");
	return rw_sb_check(ctx, out);
}

static int index_elems(rw_ctx_t *ctx, const lg_cat_table_t *t, IndexStmt *is, lg_sb_t *out,
		       const char ***names, int *n)
{
	int k = 0;
	ListCell *lc;
	const char **v = rw_alloc(ctx, sizeof(char *) * (size_t)(list_length(is->indexParams) + 1));
	if (!v)
		return -1;
	lg_sb_putc(out, '(');
	foreach (lc, is->indexParams) {
		const char *cn;
		if (k)
			lg_sb_append(out, ", ");
		if (index_elem(ctx, t, lfirst_node(IndexElem, lc), out, &cn) < 0)
			return -1;
		v[k] = unique_colname(ctx, v, k, cn);
		if (!v[k++])
			return -1;
	}
	lg_sb_putc(out, ')');
	*names = v;
	*n = k;
	return 0;
}

static int unsupported_options(rw_ctx_t *ctx, IndexStmt *is)
{
	if (is->indexIncludingParams)
		return rw_unsupported(ctx, -1, "INCLUDE in indexes");
	if (is->nulls_not_distinct)
		return rw_unsupported(ctx, -1, "UNIQUE NULLS NOT DISTINCT");
	if (is->excludeOpNames)
		return rw_unsupported(ctx, -1, "exclusion constraints");
	return access_method(ctx, is);
}

static const lg_cat_table_t *index_table(rw_ctx_t *ctx, RangeVar *rv)
{
	bool temp;
	if (ddl_schema(ctx, rv, &temp) < 0)
		return NULL;
	const lg_cat_table_t *t =
		lg_cat_table(rw_cat(ctx), rv->schemaname, rv->relname, rw_err(ctx));
	if (!t && !rw_err(ctx)->set)
		rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
			 rv->relname);
	if (ddl_not_catalog(ctx, t))
		return NULL;
	if (t && t->relkind != 'r') {
		rw_error(ctx, -1, LG_SQLSTATE_WRONG_OBJECT_TYPE,
			 "cannot create index on relation \"%s\"", t->name);
		lg_error_field(rw_err(ctx), LG_ERRF_DETAIL,
			       "This operation is not supported for views.");
		return NULL;
	}
	return t;
}

int ddl_create_index(rw_ctx_t *ctx, IndexStmt *is)
{
	rw_set_tag(ctx, "CREATE INDEX", LG_TAG_PLAIN);
	if (unsupported_options(ctx, is) < 0)
		return -1;
	const lg_cat_table_t *t = index_table(ctx, is->relation);
	if (!t)
		return -1;
	ddl_names_t names = {.temp = t->temp};
	if (is->idxname) {
		int r = ddl_rel_exists(ctx, &names, is->idxname);
		if (r < 0)
			return -1;
		if (r && is->if_not_exists) {
			rw_set_notice(ctx, LG_SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists, skipping", is->idxname);
			return 0;
		}
		if (r)
			return rw_error(ctx, -1, LG_SQLSTATE_DUPLICATE_TABLE,
					"relation \"%s\" already exists", is->idxname);
	}
	lg_sb_t keys = LG_SB_INIT, sql = LG_SB_INIT;
	const char **cols;
	int ncols, rc = push_scope(ctx, t);
	if (rc == 0)
		rc = index_elems(ctx, t, is, &keys, &cols, &ncols);
	if (rc == 0 && is->whereClause) {
		lg_sb_append(&keys, " WHERE ");
		rc = rw_expr_bool(ctx, is->whereClause, "WHERE", &keys);
	}
	rw_scope_pop(ctx);
	const char *name = is->idxname;
	if (rc == 0 && !name) {
		const char *add = ddl_addition(ctx, cols, ncols);
		name = add ? ddl_choose_rel(ctx, &names, t->name, add, "idx", false) : NULL;
		rc = name ? 0 : -1;
	}
	if (rc == 0) {
		lg_sb_appendf(&sql, "CREATE %sINDEX %s.", is->unique ? "UNIQUE " : "",
			      t->temp ? "temp" : "main");
		lg_sb_append_ident(&sql, name);
		lg_sb_append(&sql, " ON ");
		lg_sb_append_ident(&sql, t->name);
		lg_sb_putc(&sql, ' ');
		lg_sb_appendn(&sql, keys.data, keys.len);
		rc = ddl_emit(ctx, &sql);
	}
	lg_sb_free(&keys);
	lg_sb_free(&sql);
	if (rc == 0) {
		rw_set_ddl(ctx);
		rw_set_writes(ctx);
	}
	return rc;
}
