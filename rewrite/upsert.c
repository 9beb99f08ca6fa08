/* INSERT ... ON CONFLICT DO UPDATE must not affect a row twice (21000
 * "ON CONFLICT DO UPDATE command cannot affect row a second time"); SQLite
 * just updates it again. PostgreSQL raises it when a proposed row
 * conflicts with a row this command inserted or already updated:
 * - updated: DO UPDATE's condition becomes lg_upsert_row(0, rowid, cond),
 *   which remembers the rows it let through for the statement's run and
 *   raises when one comes back (before the condition counts, as in
 *   PostgreSQL);
 * - inserted: a row this command inserted can only be met again through a
 *   second proposed row with the same conflict key, one no row had before
 *   the command. A statement ahead of the INSERT looks for such keys among
 *   the proposed rows (evaluated once more, so only when that is safe). */
#include "rewrite/rw_internal.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

#define MESSAGE "ON CONFLICT DO UPDATE command cannot affect row a second time"
#define HINT                                                                        \
	"Ensure that no rows proposed for insertion within the same command have " \
	"duplicate constrained values."

/* Functions whose second evaluation is not the first's. */
static bool volatile_sql(const char *sql)
{
	static const char *const names[] = {
		"nextval(",      "setval(", "random(", "lg_gen_random_uuid(", "lg_clock_timestamp(",
		"lg_set_config("};
	for (size_t i = 0; i < LG_ARRAY_LEN(names); i++)
		if (strstr(sql, names[i]))
			return true;
	return false;
}

static int not_supported(rw_ctx_t *ctx, const char *why)
{
	lg_sb_t what = LG_SB_INIT;
	lg_sb_appendf(&what, "ON CONFLICT DO UPDATE with several proposed rows %s", why);
	int rc = what.failed ? rw_oom(ctx) : rw_unsupported(ctx, -1, what.data);
	lg_sb_free(&what);
	return rc;
}

/* The key value of `row` for column `c`: its item, or the default. */
static int key_item(rw_ctx_t *ctx, List *row, const lg_cat_column_t *const *cols, int ncols,
		    const lg_cat_column_t *c, lg_sb_t *out)
{
	for (int i = 0; i < ncols && i < list_length(row); i++) {
		if (cols[i] != c)
			continue;
		Node *item = list_nth(row, i);
		if (!IsA(item, SetToDefault)) {
			rw_type_t to = {c->type, c->typmod};
			return rw_expr_assign(ctx, item, &to, c->name, out);
		}
		break;
	}
	lg_sb_appendf(out, "(%s)", c->default_sql ? c->default_sql : "NULL");
	return rw_sb_check(ctx, out);
}

static int values_keys(rw_ctx_t *ctx, SelectStmt *src, const lg_cat_table_t *tab,
		       const int16_t *keys, int nkeys, const lg_cat_column_t *const *cols,
		       int ncols, lg_sb_t *out)
{
	lg_sb_append(out, "VALUES ");
	ListCell *lc;
	foreach (lc, src->valuesLists) {
		lg_sb_append(out, lc == list_head(src->valuesLists) ? "(" : ", (");
		for (int k = 0; k < nkeys; k++) {
			lg_sb_append(out, k ? ", " : "");
			if (key_item(ctx, lfirst(lc), cols, ncols, &tab->cols[keys[k] - 1], out))
				return -1;
		}
		lg_sb_putc(out, ')');
	}
	return rw_sb_check(ctx, out);
}

/* The SELECT source with its columns as the target's types. */
static int select_keys(rw_ctx_t *ctx, SelectStmt *src, const lg_cat_column_t *const *cols,
		       int ncols, lg_sb_t *out)
{
	rw_type_t *want = rw_alloc(ctx, sizeof(rw_type_t) * (size_t)(ncols + 1));
	if (!want)
		return -1;
	for (int i = 0; i < ncols; i++)
		want[i] = (rw_type_t){cols[i]->type, cols[i]->typmod};
	rw_query_t q;
	rw_scope_t *here = ctx->scope;
	ctx->scope = here->parent;
	int rc = rw_select(ctx, src, want, ncols, out, &q);
	ctx->scope = here;
	return rc ? -1 : rw_convert_query(ctx, out, &q, want, true, 'a');
}

/* The key column k of the proposed rows is column `name` of lg_keys. */
static void key_name(lg_sb_t *out, const int16_t *keys, int k, const lg_cat_column_t *const *cols,
		     int ncols, bool from_select)
{
	if (!from_select) {
		lg_sb_appendf(out, "\"k%d\"", k + 1);
		return;
	}
	for (int i = 0; i < ncols; i++)
		if (cols[i]->attnum == keys[k])
			lg_sb_appendf(out, "\"c%d\"", i + 1);
}

int rw_upsert_guard(rw_ctx_t *ctx, const lg_cat_table_t *tab, const lg_cat_index_t *arbiter,
		    const int16_t *keys, int nkeys, const lg_cat_column_t *const *cols, int ncols,
		    SelectStmt *src)
{
	bool from_select = src && !src->valuesLists;
	if (!src || (!from_select && list_length(src->valuesLists) < 2))
		return 0; /* one proposed row cannot meet itself */
	if (!arbiter || arbiter->partial)
		return not_supported(ctx, "and a partial or inferred-by-predicate arbiter index");
	for (int k = 0; k < nkeys; k++) {
		bool given = false;
		for (int i = 0; i < ncols; i++)
			given |= cols[i]->attnum == keys[k];
		if (from_select && !given)
			return not_supported(ctx,
					     "from a query that leaves a conflict key column out");
	}
	lg_sb_t rows = LG_SB_INIT, sql = LG_SB_INIT;
	int rc = from_select ? select_keys(ctx, src, cols, ncols, &rows)
			     : values_keys(ctx, src, tab, keys, nkeys, cols, ncols, &rows);
	if (rc == 0 && volatile_sql(rows.data))
		rc = not_supported(ctx, "whose values are volatile");
	if (rc == 0) {
		lg_sb_append(&sql, "WITH \"lg_keys\"(");
		for (int i = 0; i < (from_select ? ncols : nkeys); i++)
			lg_sb_appendf(&sql, "%s\"%c%d\"", i ? ", " : "", from_select ? 'c' : 'k',
				      i + 1);
		lg_sb_append(&sql, ") AS (");
		lg_sb_appendn(&sql, rows.data, rows.len);
		lg_sb_append(&sql,
			     ") SELECT lg_raise('21000', '" MESSAGE "', '" HINT "') FROM \"lg_keys\" WHERE ");
		for (int k = 0; k < nkeys; k++) {
			key_name(&sql, keys, k, cols, ncols, from_select);
			lg_sb_append(&sql, " IS NOT NULL AND ");
		}
		lg_sb_append(&sql, "NOT EXISTS (SELECT 1 FROM ");
		lg_sb_append_ident(&sql, tab->name);
		lg_sb_append(&sql, " AS \"lg_t\" WHERE ");
		for (int k = 0; k < nkeys; k++) {
			lg_sb_append(&sql, k ? " AND \"lg_t\"." : "\"lg_t\".");
			lg_sb_append_ident(&sql, tab->cols[keys[k] - 1].name);
			lg_sb_append(&sql, " = ");
			key_name(&sql, keys, k, cols, ncols, from_select);
		}
		lg_sb_append(&sql, ") GROUP BY ");
		for (int k = 0; k < nkeys; k++) {
			lg_sb_append(&sql, k ? ", " : "");
			key_name(&sql, keys, k, cols, ncols, from_select);
			if (tab->cols[keys[k] - 1].type == LG_OID_NUMERIC)
				lg_sb_append(&sql, " COLLATE lg_numeric");
		}
		lg_sb_append(&sql, " HAVING count(*) > 1");
		rc = rw_sb_check(ctx, &sql) ? -1 : rw_emit_sql(ctx, sql.data, sql.len);
	}
	lg_sb_free(&rows);
	lg_sb_free(&sql);
	return rc;
}

int rw_upsert_condition(rw_ctx_t *ctx, const char *target, Node *where, lg_sb_t *out)
{
	lg_sb_append(out, " WHERE lg_upsert_row(0, ");
	lg_sb_append_ident(out, target);
	lg_sb_append(out, ".rowid, ");
	if (where) {
		lg_sb_putc(out, '(');
		if (rw_expr_bool(ctx, where, "WHERE", out))
			return -1;
		lg_sb_putc(out, ')');
	} else {
		lg_sb_putc(out, '1');
	}
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}
