/* DROP TABLE, DROP INDEX, DROP SEQUENCE with PostgreSQL's checks: missing
 * objects (IF EXISTS), wrong object kinds, and dependencies (foreign keys
 * of other tables, constraint indexes, sequences used by defaults). */
#include "rewrite/ddl_int.h"

#include <string.h>

typedef struct objname {
	const char *schema; /* NULL, "public", "pg_temp" or "pg_catalog" */
	const char *name;
} objname_t;

static int object_name(rw_ctx_t *ctx, List *names, objname_t *o)
{
	int n = list_length(names);
	o->name = strVal(llast(names));
	o->schema = n >= 2 ? strVal(list_nth(names, n - 2)) : NULL;
	if (n > 2)
		return rw_unsupported(ctx, -1, "cross-database references");
	if (o->schema && strcmp(o->schema, "public") != 0 && strcmp(o->schema, "pg_temp") != 0 &&
	    strcmp(o->schema, "pg_catalog") != 0) {
		lg_sb_t what = LG_SB_INIT;
		lg_sb_appendf(&what, "schema \"%s\"", o->schema);
		int rc = what.failed ? rw_oom(ctx) : rw_unsupported(ctx, -1, what.data);
		lg_sb_free(&what);
		return rc;
	}
	return 0;
}

static const char *kind_word(int kind)
{
	switch (kind) {
	case 'r': return "table";
	case 'i': return "index";
	case 'S': return "sequence";
	case 'v': return "view";
	default: return "relation";
	}
}

static const char *kind_hint(int kind)
{
	switch (kind) {
	case 'r': return "Use DROP TABLE to remove a table.";
	case 'i': return "Use DROP INDEX to remove an index.";
	case 'S': return "Use DROP SEQUENCE to remove a sequence.";
	case 'v': return "Use DROP VIEW to remove a view.";
	default: return NULL;
	}
}

/* Checks that `o` is a relation of kind `want`. Returns 1 if it is, 0 if it
 * is missing and missing_ok, -1 on error. */
static int check_kind(rw_ctx_t *ctx, const objname_t *o, int want, bool missing_ok)
{
	int kind = lg_cat_relkind(rw_cat(ctx), o->schema, o->name, rw_err(ctx));
	if (kind < 0)
		return -1;
	if (kind == want)
		return 1;
	if (kind == 0) {
		if (missing_ok) {
			rw_set_notice(ctx, LG_SQLSTATE_SUCCESSFUL_COMPLETION, "%s \"%s\" does not exist, skipping", kind_word(want),
				      o->name);
			return 0;
		}
		return rw_error(ctx, -1,
				want == 'i' ? LG_SQLSTATE_UNDEFINED_OBJECT
					    : LG_SQLSTATE_UNDEFINED_TABLE,
				"%s \"%s\" does not exist", kind_word(want), o->name);
	}
	rw_error(ctx, -1, LG_SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not %s %s", o->name,
		 want == 'i' ? "an" : "a", kind_word(want));
	if (kind_hint(kind))
		lg_error_field(rw_err(ctx), LG_ERRF_HINT, "%s", kind_hint(kind));
	return -1;
}

static void emit_drop(lg_sb_t *sql, const char *what, bool temp, const char *name)
{
	lg_sb_appendf(sql, "DROP %s %s.", what, temp ? "temp" : "main");
	lg_sb_append_ident(sql, name);
}

/* ---- DROP TABLE ---- */

typedef struct drop_set {
	const lg_cat_table_t **t;
	int n;
} drop_set_t;

static bool in_set(const drop_set_t *s, const lg_cat_table_t *t)
{
	for (int i = 0; i < s->n; i++)
		if (s->t[i] == t)
			return true;
	return false;
}

static const lg_cat_table_t *ref_target(const drop_set_t *s, const lg_cat_table_t *from,
					const lg_cat_fkey_t *fk)
{
	for (int i = 0; i < s->n; i++)
		if (s->t[i]->temp == from->temp && strcmp(s->t[i]->name, fk->ref_table) == 0)
			return s->t[i];
	return NULL;
}

/* Removes the foreign keys of `t` that reference tables of the set from its
 * stored CREATE text (DROP ... CASCADE drops those constraints). */
static int cascade_edit(rw_ctx_t *ctx, const drop_set_t *s, const lg_cat_table_t *t,
			ddl_edit_t *edits)
{
	const char *sql = t->sql;
	for (int j = 0; j < t->nfkeys; j++) {
		if (!ref_target(s, t, &t->fkeys[j]))
			continue;
		lg_sb_t out = LG_SB_INIT;
		int r = lg_cat_sql_drop_fkey(t, sql, &t->fkeys[j], &out, rw_err(ctx));
		if (r == 1)
			sql = rw_sb_dup(ctx, &out);
		lg_sb_free(&out);
		if (r < 0 || (r == 1 && !sql))
			return -1;
		if (r == 0)
			return rw_unsupported(ctx, -1, "dropping this foreign key constraint");
	}
	return ddl_edit_add(ctx, edits, t, sql);
}

static int dependents_error(rw_ctx_t *ctx, const drop_set_t *s, const lg_sb_t *detail)
{
	if (s->n == 1)
		rw_error(ctx, -1, LG_SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
			 "cannot drop table %s because other objects depend on it", s->t[0]->name);
	else
		rw_error(ctx, -1, LG_SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
			 "cannot drop desired object(s) because other objects depend on them");
	lg_error_field(rw_err(ctx), LG_ERRF_DETAIL, "%s", detail->data);
	lg_error_field(rw_err(ctx), LG_ERRF_HINT,
		       "Use DROP ... CASCADE to drop the dependent objects too.");
	return -1;
}

/* PostgreSQL's DETAIL lists the dependents of the last target first, each
 * target's in creation order; `cascade` words them as CASCADE's NOTICE does.
 * Returns how many there are. */
static int dependents_detail(const drop_set_t *s, const lg_cat_table_t *const *all, int n,
			     bool cascade, lg_sb_t *detail)
{
	int count = 0;
	for (int k = s->n - 1; k >= 0; k--) {
		for (int i = 0; i < n; i++) {
			if (in_set(s, all[i]))
				continue;
			for (int j = 0; j < all[i]->nfkeys; j++) {
				if (ref_target(s, all[i], &all[i]->fkeys[j]) != s->t[k])
					continue;
				if (cascade)
					lg_sb_appendf(detail,
						      "%sdrop cascades to constraint %s on table %s",
						      detail->len ? "\n" : "", all[i]->fkeys[j].name,
						      all[i]->name);
				else
					lg_sb_appendf(detail,
						      "%sconstraint %s on table %s depends on table %s",
						      detail->len ? "\n" : "", all[i]->fkeys[j].name,
						      all[i]->name, s->t[k]->name);
				count++;
			}
		}
	}
	return count;
}

/* CASCADE's NOTICE: the one dependent, or a count with the list as DETAIL. */
static void cascade_notice(rw_ctx_t *ctx, int count, const lg_sb_t *detail)
{
	if (count == 1) {
		rw_set_notice(ctx, LG_SQLSTATE_SUCCESSFUL_COMPLETION, "%s", detail->data);
	} else {
		rw_set_notice(ctx, LG_SQLSTATE_SUCCESSFUL_COMPLETION,
			      "drop cascades to %d other objects", count);
		rw_set_notice_detail(ctx, detail->data);
	}
}

/* Foreign keys of tables outside the set that reference tables in it:
 * 2BP01 with RESTRICT; with CASCADE they are dropped, with PostgreSQL's
 * NOTICE "drop cascades to ...". */
static int dependents(rw_ctx_t *ctx, const drop_set_t *s, DropBehavior behavior, ddl_edit_t *edits)
{
	const lg_cat_table_t *const *all;
	int n, rc = 0;
	if (lg_cat_tables(rw_cat(ctx), &all, &n, rw_err(ctx)) < 0)
		return -1;
	lg_sb_t detail = LG_SB_INIT;
	int count = dependents_detail(s, all, n, behavior == DROP_CASCADE, &detail);
	for (int i = 0; i < n && rc == 0 && detail.len && behavior == DROP_CASCADE; i++) {
		bool refs = false;
		for (int j = 0; j < all[i]->nfkeys && !in_set(s, all[i]); j++)
			refs |= ref_target(s, all[i], &all[i]->fkeys[j]) != NULL;
		if (refs)
			rc = cascade_edit(ctx, s, all[i], edits);
	}
	if (rc == 0 && detail.failed)
		rc = rw_oom(ctx);
	else if (rc == 0 && detail.len && behavior != DROP_CASCADE)
		rc = dependents_error(ctx, s, &detail);
	else if (rc == 0 && count > 0)
		cascade_notice(ctx, count, &detail);
	lg_sb_free(&detail);
	return rc;
}

/* Referencing tables go first: SQLite's implicit DELETE of a dropped parent
 * would otherwise run the children's ON DELETE actions. */
static bool referenced_by_rest(const drop_set_t *s, const bool *done, int k)
{
	for (int i = 0; i < s->n; i++) {
		if (done[i] || i == k)
			continue;
		for (int j = 0; j < s->t[i]->nfkeys; j++)
			if (ref_target(s, s->t[i], &s->t[i]->fkeys[j]) == s->t[k])
				return true;
	}
	return false;
}

static int emit_table_drops(rw_ctx_t *ctx, const drop_set_t *s)
{
	bool *done = rw_alloc(ctx, (size_t)s->n + 1);
	lg_sb_t sql = LG_SB_INIT;
	if (!done)
		return -1;
	memset(done, 0, (size_t)s->n + 1);
	for (int left = s->n; left > 0; left--) {
		int k = -1;
		for (int i = 0; i < s->n && k < 0; i++)
			if (!done[i] && !referenced_by_rest(s, done, i))
				k = i;
		for (int i = 0; i < s->n && k < 0; i++)
			if (!done[i])
				k = i; /* a cycle: any order */
		done[k] = true;
		const lg_cat_table_t *t = s->t[k];
		lg_cat_sequence_t seq;
		int owned =
			lg_cat_sequences_owned(rw_cat(ctx), t->temp, t->name, &seq, 1, rw_err(ctx));
		if (owned < 0)
			goto fail;
		lg_sb_reset(&sql);
		emit_drop(&sql, "TABLE", t->temp, t->name);
		if (ddl_emit(ctx, &sql) < 0)
			goto fail;
		if (owned > 0) {
			lg_sb_reset(&sql);
			lg_sb_appendf(&sql, "DELETE FROM %s._lg_sequence WHERE owner_table = ",
				      t->temp ? "temp" : "main");
			lg_sb_append_literal(&sql, t->name, strlen(t->name));
			if (ddl_emit(ctx, &sql) < 0)
				goto fail;
		}
	}
	lg_sb_free(&sql);
	return 0;
fail:
	lg_sb_free(&sql);
	return -1;
}

static int drop_tables(rw_ctx_t *ctx, DropStmt *ds)
{
	drop_set_t s = {
		.t = rw_alloc(ctx, sizeof(void *) * (size_t)(list_length(ds->objects) + 1))};
	ListCell *lc;
	if (!s.t)
		return -1;
	foreach (lc, ds->objects) {
		objname_t o;
		if (object_name(ctx, lfirst(lc), &o) < 0)
			return -1;
		int r = check_kind(ctx, &o, 'r', ds->missing_ok);
		if (r < 0)
			return -1;
		if (r == 0)
			continue;
		const lg_cat_table_t *t = lg_cat_table(rw_cat(ctx), o.schema, o.name, rw_err(ctx));
		if (!t || ddl_not_catalog(ctx, t))
			return -1;
		if (!in_set(&s, t))
			s.t[s.n++] = t;
	}
	ddl_edit_t edits = {0};
	if (dependents(ctx, &s, ds->behavior, &edits) < 0 || ddl_edit_emit(ctx, &edits) < 0)
		return -1;
	return emit_table_drops(ctx, &s);
}

/* ---- DROP INDEX ---- */

static int drop_index(rw_ctx_t *ctx, const objname_t *o, bool missing_ok, lg_sb_t *sql)
{
	int r = check_kind(ctx, o, 'i', missing_ok);
	if (r <= 0)
		return r;
	const lg_cat_table_t *t;
	const lg_cat_index_t *ix = lg_cat_index(rw_cat(ctx), o->schema, o->name, &t, rw_err(ctx));
	if (!ix)
		return -1;
	if (ix->constraint) {
		rw_error(ctx, -1, LG_SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
			 "cannot drop index %s because constraint %s on table %s requires it",
			 ix->name, ix->name, t->name);
		lg_error_field(rw_err(ctx), LG_ERRF_HINT,
			       "You can drop constraint %s on table %s instead.", ix->name,
			       t->name);
		return -1;
	}
	lg_sb_reset(sql);
	emit_drop(sql, "INDEX", t->temp, ix->sqlite_name);
	return ddl_emit(ctx, sql);
}

static int drop_indexes(rw_ctx_t *ctx, DropStmt *ds)
{
	ListCell *lc;
	lg_sb_t sql = LG_SB_INIT;
	int rc = 0;
	foreach (lc, ds->objects) {
		objname_t o;
		if ((rc = object_name(ctx, lfirst(lc), &o)) < 0 ||
		    (rc = drop_index(ctx, &o, ds->missing_ok, &sql)) < 0)
			break;
	}
	lg_sb_free(&sql);
	return rc < 0 ? -1 : 0;
}

/* ---- DROP SEQUENCE ---- */

/* A serial or identity column whose default calls the sequence. */
static int sequence_in_use(rw_ctx_t *ctx, const lg_cat_sequence_t *s, DropBehavior behavior)
{
	if (!s->owner_table[0])
		return 0;
	const lg_cat_table_t *t = lg_cat_table(rw_cat(ctx), s->temp ? "pg_temp" : "public",
					       s->owner_table, rw_err(ctx));
	const lg_cat_column_t *c = t ? lg_cat_column(t, s->owner_column) : NULL;
	if (rw_err(ctx)->set)
		return -1;
	lg_sb_t call = LG_SB_INIT;
	ddl_nextval_sql(&call, s->name);
	bool used = c && c->default_sql && !call.failed && strcmp(c->default_sql, call.data) == 0;
	lg_sb_free(&call);
	if (!used)
		return 0;
	if (c->identity) {
		rw_error(ctx, -1, LG_SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
			 "cannot drop sequence %s because column %s of table %s requires it",
			 s->name, c->name, t->name);
		lg_error_field(rw_err(ctx), LG_ERRF_HINT,
			       "You can drop column %s of table %s instead.", c->name, t->name);
		return -1;
	}
	if (behavior == DROP_CASCADE) {
		/* The column's default goes (PostgreSQL: NOTICE drop cascades to
		 * default value for column ...). */
		ddl_edit_t edits = {0};
		lg_sb_t out = LG_SB_INIT;
		int r = lg_cat_sql_drop_default(t->sql, c->name, &out, rw_err(ctx));
		const char *sql = r == 1 ? rw_sb_dup(ctx, &out) : NULL;
		lg_sb_free(&out);
		if (r == 0)
			return rw_unsupported(ctx, -1, "dropping this column default");
		if (!sql || ddl_edit_add(ctx, &edits, t, sql) < 0 || ddl_edit_emit(ctx, &edits) < 0)
			return -1;
		return 0;
	}
	rw_error(ctx, -1, LG_SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
		 "cannot drop sequence %s because other objects depend on it", s->name);
	lg_error_field(rw_err(ctx), LG_ERRF_DETAIL,
		       "default value for column %s of table %s depends on sequence %s", c->name,
		       t->name, s->name);
	lg_error_field(rw_err(ctx), LG_ERRF_HINT,
		       "Use DROP ... CASCADE to drop the dependent objects too.");
	return -1;
}

static int drop_sequence(rw_ctx_t *ctx, const objname_t *o, DropStmt *ds, lg_sb_t *sql)
{
	lg_cat_sequence_t s;
	int r = check_kind(ctx, o, 'S', ds->missing_ok);
	if (r <= 0)
		return r;
	r = lg_cat_sequence(rw_cat(ctx), o->schema, o->name, &s, rw_err(ctx));
	if (r <= 0)
		return r;
	if (sequence_in_use(ctx, &s, ds->behavior) < 0)
		return -1;
	lg_sb_reset(sql);
	lg_cat_sequence_sql_delete(sql, s.temp, s.name);
	return ddl_emit(ctx, sql);
}

static int drop_sequences(rw_ctx_t *ctx, DropStmt *ds)
{
	ListCell *lc;
	lg_sb_t sql = LG_SB_INIT;
	int rc = 0;
	foreach (lc, ds->objects) {
		objname_t o;
		if ((rc = object_name(ctx, lfirst(lc), &o)) < 0 ||
		    (rc = drop_sequence(ctx, &o, ds, &sql)) < 0)
			break;
	}
	lg_sb_free(&sql);
	return rc < 0 ? -1 : 0;
}

int ddl_drop(rw_ctx_t *ctx, DropStmt *ds)
{
	int rc;
	switch (ds->removeType) {
	case OBJECT_TABLE:
		rw_set_tag(ctx, "DROP TABLE", LG_TAG_PLAIN);
		rc = drop_tables(ctx, ds);
		break;
	case OBJECT_INDEX:
		rw_set_tag(ctx, "DROP INDEX", LG_TAG_PLAIN);
		rc = drop_indexes(ctx, ds);
		break;
	case OBJECT_SEQUENCE:
		rw_set_tag(ctx, "DROP SEQUENCE", LG_TAG_PLAIN);
		rc = drop_sequences(ctx, ds);
		break;
	default: return 1;
	}
	if (rc == 0) {
		rw_set_ddl(ctx);
		rw_set_writes(ctx);
	}
	return rc;
}
