/* TRUNCATE [TABLE] [ONLY] name [*] [, ...] [RESTART IDENTITY | CONTINUE
 * IDENTITY] [CASCADE | RESTRICT], with PostgreSQL's checks (ExecuteTruncate,
 * truncate_check_rel, heap_truncate_check_FKs).
 *
 * Each table becomes `DELETE FROM <schema>."t"`: transactional like
 * PostgreSQL's TRUNCATE, and SQLite clears a table without visiting its rows
 * when no foreign key involves it. PostgreSQL never runs ON DELETE actions
 * for a TRUNCATE; here every table referencing a truncated one is truncated
 * too (or the statement fails), so referencing tables are emptied first and
 * the actions find nothing to act on. Where the references form a cycle (or
 * a table restricts deletes of its own rows) no order works, and
 * defer_foreign_keys holds the checks (and turns RESTRICT into NO ACTION)
 * until the end of the transaction, by which time every row is gone. */
#include "rewrite/ddl_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct trunc_set {
	const lg_cat_table_t **t;
	int n, cap;
} trunc_set_t;

static bool in_set(const trunc_set_t *s, const lg_cat_table_t *t)
{
	for (int i = 0; i < s->n; i++)
		if (s->t[i] == t)
			return true;
	return false;
}

static int set_add(rw_ctx_t *ctx, trunc_set_t *s, const lg_cat_table_t *t)
{
	if (in_set(s, t))
		return 0;
	if (s->n == s->cap) {
		int ncap = s->cap ? s->cap * 2 : 8;
		const lg_cat_table_t **nt = rw_alloc(ctx, sizeof(*nt) * (size_t)ncap);
		if (!nt)
			return -1;
		if (s->n)
			memcpy(nt, s->t, sizeof(*nt) * (size_t)s->n);
		s->t = nt;
		s->cap = ncap;
	}
	s->t[s->n++] = t;
	return 0;
}

/* Whether foreign key `fk` of table `from` references `to` (a temporary
 * table only ever references temporary tables, a permanent one permanent
 * ones). */
static bool references(const lg_cat_table_t *from, const lg_cat_fkey_t *fk,
		       const lg_cat_table_t *to)
{
	return from->temp == to->temp && strcmp(fk->ref_table, to->name) == 0;
}

static bool table_references(const lg_cat_table_t *from, const lg_cat_table_t *to)
{
	for (int j = 0; j < from->nfkeys; j++)
		if (references(from, &from->fkeys[j], to))
			return true;
	return false;
}

/* ---- the named tables ---- */

static int schema_check(rw_ctx_t *ctx, const RangeVar *rv)
{
	if (rv->catalogname)
		return rw_error(ctx, -1, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				"cross-database references are not implemented: \"%s.%s.%s\"",
				rv->catalogname, rv->schemaname, rv->relname);
	const char *s = rv->schemaname;
	if (!s || strcmp(s, "public") == 0 || strcmp(s, "pg_temp") == 0 ||
	    strcmp(s, "pg_catalog") == 0)
		return 0;
	if (strcmp(s, "information_schema") == 0)
		return rw_unsupported(ctx, -1, "TRUNCATE of information_schema");
	return rw_error(ctx, -1, LG_SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist",
			s);
}

/* RangeVarGetRelid + truncate_check_rel: the table `rv` names. */
static const lg_cat_table_t *named_table(rw_ctx_t *ctx, const RangeVar *rv)
{
	if (schema_check(ctx, rv) < 0)
		return NULL;
	int kind = lg_cat_relkind(rw_cat(ctx), rv->schemaname, rv->relname, rw_err(ctx));
	if (kind < 0)
		return NULL;
	if (kind == 0) {
		if (rv->schemaname)
			rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_TABLE,
				 "relation \"%s.%s\" does not exist", rv->schemaname, rv->relname);
		else
			rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_TABLE,
				 "relation \"%s\" does not exist", rv->relname);
		return NULL;
	}
	if (kind != 'r') {
		rw_error(ctx, -1, LG_SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a table",
			 rv->relname);
		return NULL;
	}
	const lg_cat_table_t *t =
		lg_cat_table(rw_cat(ctx), rv->schemaname, rv->relname, rw_err(ctx));
	if (t && t->relkind != 'r') {
		rw_error(ctx, -1, LG_SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a table", t->name);
		return NULL;
	}
	if (!t && !rw_err(ctx)->set)
		rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
			 rv->relname);
	if (!t || ddl_not_catalog(ctx, t))
		return NULL;
	return t;
}

/* ---- foreign keys (heap_truncate_find_FKs) ---- */

static int by_oid(const void *a, const void *b)
{
	lg_oid_t x = (*(const lg_cat_table_t *const *)a)->oid;
	lg_oid_t y = (*(const lg_cat_table_t *const *)b)->oid;
	return x < y ? -1 : x > y;
}

/* The tables outside `s` that reference one of s->t[from..to), in OID
 * order (PostgreSQL sorts them so its messages do not depend on where rows
 * lie in pg_constraint). `out` has room for every table. */
static int referencing(const trunc_set_t *s, int from, int to, const lg_cat_table_t *const *all,
		       int nall, const lg_cat_table_t **out)
{
	int n = 0;
	for (int i = 0; i < nall; i++) {
		if (in_set(s, all[i]))
			continue;
		bool refs = false;
		for (int k = from; k < to && !refs; k++)
			refs = table_references(all[i], s->t[k]);
		if (refs)
			out[n++] = all[i];
	}
	qsort(out, (size_t)n, sizeof(*out), by_oid);
	return n;
}

/* CASCADE: the referencing tables join the set, round after round, each
 * announced with PostgreSQL's NOTICE. The plan carries one NOTICE: the
 * first table's. */
static int cascade(rw_ctx_t *ctx, trunc_set_t *s, const lg_cat_table_t *const *all, int nall,
		   const lg_cat_table_t **buf)
{
	int from = 0;
	bool noticed = false;
	while (from < s->n) {
		int to = s->n;
		int n = referencing(s, from, to, all, nall, buf);
		for (int i = 0; i < n; i++) {
			if (!noticed)
				rw_set_notice(ctx, LG_SQLSTATE_SUCCESSFUL_COMPLETION,
					      "truncate cascades to table \"%s\"", buf[i]->name);
			noticed = true;
			if (set_add(ctx, s, buf[i]) < 0)
				return -1;
		}
		from = to;
	}
	return 0;
}

/* RESTRICT: the first table of the list (in order) referenced from outside
 * the set names the first such referencing table (in OID order). */
static int restrict_check(rw_ctx_t *ctx, const trunc_set_t *s, const lg_cat_table_t *const *all,
			  int nall, const lg_cat_table_t **buf)
{
	for (int k = 0; k < s->n; k++) {
		if (referencing(s, k, k + 1, all, nall, buf) == 0)
			continue;
		rw_error(ctx, -1, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			 "cannot truncate a table referenced in a foreign key constraint");
		lg_error_field(rw_err(ctx), LG_ERRF_DETAIL, "Table \"%s\" references \"%s\".",
			       buf[0]->name, s->t[k]->name);
		lg_error_field(rw_err(ctx), LG_ERRF_HINT,
			       "Truncate table \"%s\" at the same time, or use TRUNCATE ... "
			       "CASCADE.",
			       buf[0]->name);
		return -1;
	}
	return 0;
}

static int foreign_keys(rw_ctx_t *ctx, trunc_set_t *s, DropBehavior behavior)
{
	const lg_cat_table_t *const *all;
	int nall;
	if (lg_cat_tables(rw_cat(ctx), &all, &nall, rw_err(ctx)) < 0)
		return -1;
	const lg_cat_table_t **buf = rw_alloc(ctx, sizeof(*buf) * (size_t)(nall + 1));
	if (!buf)
		return -1;
	if (behavior == DROP_CASCADE)
		return cascade(ctx, s, all, nall, buf);
	return restrict_check(ctx, s, all, nall, buf);
}

/* ---- the plan ---- */

/* Whether s->t[k] is referenced by another table not yet emptied. */
static bool referenced_by_rest(const trunc_set_t *s, const bool *done, int k)
{
	for (int i = 0; i < s->n; i++)
		if (!done[i] && i != k && table_references(s->t[i], s->t[k]))
			return true;
	return false;
}

/* A foreign key of t onto itself with ON DELETE RESTRICT: SQLite checks it
 * row by row while the table is emptied. */
static bool restricts_itself(const lg_cat_table_t *t)
{
	for (int j = 0; j < t->nfkeys; j++)
		if (t->fkeys[j].on_delete == LG_FK_RESTRICT && references(t, &t->fkeys[j], t))
			return true;
	return false;
}

/* Orders the set so that referencing tables come first; returns whether
 * the foreign key checks must be deferred, or -1. */
static int delete_order(rw_ctx_t *ctx, const trunc_set_t *s, const lg_cat_table_t **order)
{
	bool *done = rw_alloc(ctx, (size_t)s->n + 1);
	bool defer = false;
	if (!done)
		return -1;
	memset(done, 0, (size_t)s->n + 1);
	for (int m = 0; m < s->n; m++) {
		int k = -1;
		for (int i = 0; i < s->n && k < 0; i++)
			if (!done[i] && !referenced_by_rest(s, done, i))
				k = i;
		for (int i = 0; i < s->n && k < 0; i++) {
			if (!done[i]) {
				k = i; /* a cycle */
				defer = true;
			}
		}
		done[k] = true;
		order[m] = s->t[k];
		defer |= restricts_itself(s->t[k]);
	}
	return defer;
}

static int emit_deletes(rw_ctx_t *ctx, const trunc_set_t *s, lg_sb_t *sql)
{
	const lg_cat_table_t **order = rw_alloc(ctx, sizeof(*order) * (size_t)(s->n + 1));
	if (!order)
		return -1;
	int defer = delete_order(ctx, s, order);
	if (defer < 0)
		return -1;
	if (defer) {
		lg_sb_reset(sql);
		lg_sb_append(sql, "PRAGMA defer_foreign_keys = ON");
		if (ddl_emit(ctx, sql) < 0)
			return -1;
	}
	for (int i = 0; i < s->n; i++) {
		lg_sb_reset(sql);
		lg_sb_appendf(sql, "DELETE FROM %s.", order[i]->temp ? "temp" : "main");
		lg_sb_append_ident(sql, order[i]->name);
		if (ddl_emit(ctx, sql) < 0)
			return -1;
	}
	if (defer) {
		lg_sb_reset(sql);
		lg_sb_append(sql, "PRAGMA defer_foreign_keys = OFF");
		if (ddl_emit(ctx, sql) < 0)
			return -1;
	}
	return 0;
}

/* RESTART IDENTITY: every sequence the tables own goes back to its start,
 * as ALTER SEQUENCE ... RESTART (transactional, like PostgreSQL's). */
static int restart_sequences(rw_ctx_t *ctx, const lg_cat_table_t *t, lg_sb_t *sql)
{
	lg_cat_sequence_t one;
	int n = lg_cat_sequences_owned(rw_cat(ctx), t->temp, t->name, &one, 1, rw_err(ctx));
	if (n <= 0)
		return n;
	lg_cat_sequence_t *seqs = &one;
	if (n > 1) {
		seqs = rw_alloc(ctx, sizeof(*seqs) * (size_t)n);
		if (!seqs)
			return -1;
		n = lg_cat_sequences_owned(rw_cat(ctx), t->temp, t->name, seqs, n, rw_err(ctx));
		if (n < 0)
			return -1;
	}
	for (int i = 0; i < n; i++) {
		seqs[i].last_value = seqs[i].start;
		seqs[i].is_called = false;
		lg_sb_reset(sql);
		lg_cat_sequence_sql_update(sql, &seqs[i], true);
		if (ddl_emit(ctx, sql) < 0)
			return -1;
	}
	return 0;
}

int ddl_truncate(rw_ctx_t *ctx, TruncateStmt *ts)
{
	trunc_set_t s = {0};
	ListCell *lc;
	rw_set_tag(ctx, "TRUNCATE TABLE", LG_TAG_PLAIN);
	foreach (lc, ts->relations) {
		const lg_cat_table_t *t = named_table(ctx, lfirst_node(RangeVar, lc));
		if (!t || set_add(ctx, &s, t) < 0)
			return -1;
	}
	if (foreign_keys(ctx, &s, ts->behavior) < 0)
		return -1;
	lg_sb_t sql = LG_SB_INIT;
	int rc = emit_deletes(ctx, &s, &sql);
	for (int i = 0; i < s.n && rc == 0 && ts->restart_seqs; i++)
		rc = restart_sequences(ctx, s.t[i], &sql);
	lg_sb_free(&sql);
	if (rc == 0)
		rw_set_writes(ctx);
	return rc;
}
