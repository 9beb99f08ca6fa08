/* DDL translation: dispatch, PostgreSQL's object naming, and CREATE/ALTER
 * SEQUENCE. CREATE TABLE is ddl_table.c, CREATE INDEX ddl_index.c, DROP
 * ddl_drop.c. Storage conventions are catalog/schema.h's and
 * catalog/sequence.h's. */
#include "rewrite/ddl_int.h"

#include "catalog/pg_class.h"
#include "utils/builtins.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int rw_ddl(rw_ctx_t *ctx, Node *stmt)
{
	switch (nodeTag(stmt)) {
	case T_CreateStmt: return ddl_create_table(ctx, (CreateStmt *)stmt);
	case T_IndexStmt: return ddl_create_index(ctx, (IndexStmt *)stmt);
	case T_CreateSeqStmt: return ddl_create_sequence(ctx, (CreateSeqStmt *)stmt);
	case T_AlterSeqStmt: return ddl_alter_sequence(ctx, (AlterSeqStmt *)stmt);
	case T_DropStmt: return ddl_drop(ctx, (DropStmt *)stmt);
	default: return 1;
	}
}

/* ---- shared helpers ---- */

int ddl_not_catalog(rw_ctx_t *ctx, const lg_cat_table_t *t)
{
	if (!t || !t->schema || strcmp(t->schema, "pg_catalog") != 0)
		return 0;
	return rw_error(ctx, -1, LG_SQLSTATE_INSUFFICIENT_PRIVILEGE,
			"permission denied: \"%s\" is a system catalog", t->name);
}

int ddl_schema(rw_ctx_t *ctx, const RangeVar *rv, bool *temp)
{
	*temp = rv->relpersistence == RELPERSISTENCE_TEMP;
	if (rv->catalogname)
		return rw_unsupported(ctx, rv->location, "cross-database references");
	if (!rv->schemaname)
		return 0;
	if (strcmp(rv->schemaname, "public") == 0) {
		if (*temp)
			return rw_error(ctx, rv->location, LG_SQLSTATE_INVALID_TABLE_DEFINITION,
					"cannot create temporary relation in non-temporary schema");
		return 0;
	}
	if (strcmp(rv->schemaname, "pg_temp") == 0) {
		*temp = true;
		return 0;
	}
	lg_sb_t what = LG_SB_INIT;
	lg_sb_appendf(&what, "schema \"%s\"", rv->schemaname);
	int rc = what.failed ? rw_oom(ctx) : rw_unsupported(ctx, rv->location, what.data);
	lg_sb_free(&what);
	return rc;
}

const char *ddl_cat_schema(const RangeVar *rv)
{
	return rv->schemaname;
}

static int add_name(rw_ctx_t *ctx, const char ***v, int *n, int *cap, const char *name)
{
	if (*n == *cap) {
		int ncap = *cap ? *cap * 2 : 8;
		const char **nv = rw_alloc(ctx, sizeof(*nv) * (size_t)ncap);
		if (!nv)
			return -1;
		if (*n)
			memcpy(nv, *v, sizeof(*nv) * (size_t)*n);
		*v = nv;
		*cap = ncap;
	}
	(*v)[(*n)++] = name;
	return 0;
}

int ddl_names_add_rel(rw_ctx_t *ctx, ddl_names_t *n, const char *name)
{
	return add_name(ctx, &n->rel, &n->nrel, &n->caprel, name);
}

int ddl_names_add_con(rw_ctx_t *ctx, ddl_names_t *n, const char *name)
{
	return add_name(ctx, &n->con, &n->ncon, &n->capcon, name);
}

static bool in_list(const char *const *v, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i], name) == 0)
			return true;
	return false;
}

int ddl_rel_exists(rw_ctx_t *ctx, const ddl_names_t *n, const char *name)
{
	if (in_list(n->rel, n->nrel, name))
		return 1;
	int k = lg_cat_relkind(rw_cat(ctx), n->temp ? "pg_temp" : "public", name, rw_err(ctx));
	return k < 0 ? -1 : k != 0;
}

static int con_exists(rw_ctx_t *ctx, const ddl_names_t *n, const char *name)
{
	if (in_list(n->con, n->ncon, name))
		return 1;
	return lg_cat_constraint_exists(rw_cat(ctx), n->temp ? "pg_temp" : "public", name,
					rw_err(ctx));
}

const char *ddl_choose_rel(rw_ctx_t *ctx, ddl_names_t *n, const char *name1, const char *name2,
			   const char *label, bool constraint)
{
	char name[LG_CAT_NAME_MAX + 1], mod[LG_CAT_NAME_MAX + 1];
	snprintf(mod, sizeof(mod), "%s", label);
	for (int pass = 1;; pass++) {
		lg_cat_object_name(name, name1, name2, mod);
		int r = ddl_rel_exists(ctx, n, name);
		if (r == 0 && constraint)
			r = con_exists(ctx, n, name);
		if (r < 0)
			return NULL;
		if (r == 0)
			break;
		snprintf(mod, sizeof(mod), "%s%d", label, pass);
	}
	char *s = rw_strdup(ctx, name);
	if (!s || ddl_names_add_rel(ctx, n, s) < 0 ||
	    (constraint && ddl_names_add_con(ctx, n, s) < 0))
		return NULL;
	return s;
}

const char *ddl_choose_con(rw_ctx_t *ctx, ddl_names_t *n, const char *name1, const char *name2,
			   const char *label)
{
	char name[LG_CAT_NAME_MAX + 1], mod[LG_CAT_NAME_MAX + 1];
	snprintf(mod, sizeof(mod), "%s", label);
	for (int pass = 1;; pass++) {
		lg_cat_object_name(name, name1, name2, mod);
		int r = con_exists(ctx, n, name);
		if (r < 0)
			return NULL;
		if (r == 0)
			break;
		snprintf(mod, sizeof(mod), "%s%d", label, pass);
	}
	char *s = rw_strdup(ctx, name);
	if (!s || ddl_names_add_con(ctx, n, s) < 0)
		return NULL;
	return s;
}

const char *ddl_addition(rw_ctx_t *ctx, const char *const *cols, int ncols)
{
	char buf[2 * (LG_CAT_NAME_MAX + 1)];
	lg_cat_name_addition(buf, cols, ncols);
	return rw_strdup(ctx, buf);
}

void ddl_nextval_sql(lg_sb_t *out, const char *seq)
{
	/* The argument is a regclass literal: quoted like PostgreSQL prints it. */
	const char *q = quote_identifier(seq);
	lg_sb_append(out, "nextval(");
	lg_sb_append_literal(out, q, strlen(q));
	lg_sb_append(out, ")");
}

int ddl_emit(rw_ctx_t *ctx, lg_sb_t *sql)
{
	if (rw_sb_check(ctx, sql) < 0)
		return -1;
	return rw_emit_sql(ctx, sql->data, sql->len);
}

/* ---- editing sqlite_schema ---- */

int ddl_edit_add(rw_ctx_t *ctx, ddl_edit_t *e, const lg_cat_table_t *t, const char *sql)
{
	for (int i = 0; i < e->n; i++) {
		if (e->t[i] == t) {
			e->sql[i] = sql;
			return 0;
		}
	}
	if (e->n == (int)LG_ARRAY_LEN(e->t))
		return rw_unsupported(ctx, -1, "changing this many tables in one statement");
	e->t[e->n] = t;
	e->sql[e->n++] = sql;
	return 0;
}

static int emit_text(rw_ctx_t *ctx, const char *sql)
{
	return rw_emit_sql(ctx, sql, strlen(sql));
}

int ddl_edit_emit(rw_ctx_t *ctx, const ddl_edit_t *e)
{
	if (e->n == 0)
		return 0;
	bool main_changed = false;
	if (emit_text(ctx, "PRAGMA writable_schema = ON") < 0)
		return -1;
	lg_sb_t sql = LG_SB_INIT;
	for (int i = 0; i < e->n; i++) {
		const lg_cat_table_t *t = e->t[i];
		lg_sb_reset(&sql);
		lg_sb_appendf(&sql,
			      "UPDATE %s.sqlite_schema SET sql = ", t->temp ? "temp" : "main");
		lg_sb_append_literal(&sql, e->sql[i], strlen(e->sql[i]));
		lg_sb_append(&sql, " WHERE type = 'table' AND name = ");
		lg_sb_append_literal(&sql, t->name, strlen(t->name));
		if (ddl_emit(ctx, &sql) < 0) {
			lg_sb_free(&sql);
			return -1;
		}
		main_changed |= !t->temp;
	}
	lg_sb_free(&sql);
	/* RESET reloads this connection's schema; a real DDL bumps the schema
	 * cookie so that every other connection reloads it too (temp schemas
	 * are private to the connection). */
	if (emit_text(ctx, "PRAGMA writable_schema = RESET") < 0)
		return -1;
	if (main_changed && (emit_text(ctx, "CREATE TABLE main._lg_schema_bump (x)") < 0 ||
			     emit_text(ctx, "DROP TABLE main._lg_schema_bump") < 0))
		return -1;
	return 0;
}

/* ---- sequence options ---- */

static int int64_arg(rw_ctx_t *ctx, DefElem *d, int64_t *out)
{
	if (d->arg && IsA(d->arg, Integer)) {
		*out = intVal(d->arg);
		return 0;
	}
	if (d->arg && IsA(d->arg, Float)) {
		const char *s = castNode(Float, d->arg)->fval;
		char *end;
		errno = 0;
		long long v = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0') {
			*out = v;
			return 0;
		}
		return rw_error(ctx, d->location, LG_SQLSTATE_INVALID_TEXT_REPRESENTATION,
				"invalid input syntax for type bigint: \"%s\"", s);
	}
	return rw_error(ctx, d->location, LG_SQLSTATE_SYNTAX_ERROR, "%s requires a numeric value",
			d->defname);
}

static int seq_type(rw_ctx_t *ctx, DefElem *d, lg_cat_seq_opts_t *o)
{
	rw_type_t t;
	if (!d->arg || !IsA(d->arg, TypeName))
		return rw_error(ctx, d->location, LG_SQLSTATE_SYNTAX_ERROR,
				"%s requires a type name", d->defname);
	if (rw_typename(ctx, (TypeName *)d->arg, &t) < 0)
		return -1;
	o->has_type = true;
	o->type = t.oid;
	return 0;
}

/* One option of CREATE/ALTER SEQUENCE or an identity column. */
static int seq_option(rw_ctx_t *ctx, DefElem *d, lg_cat_seq_opts_t *o, List **owned_by,
		      const char **seq_name)
{
	const char *n = d->defname;
	if (strcmp(n, "as") == 0)
		return seq_type(ctx, d, o);
	if (strcmp(n, "increment") == 0) {
		o->has_increment = true;
		return int64_arg(ctx, d, &o->increment);
	}
	if (strcmp(n, "minvalue") == 0) {
		o->no_min = !d->arg;
		o->has_min = d->arg != NULL;
		return d->arg ? int64_arg(ctx, d, &o->min) : 0;
	}
	if (strcmp(n, "maxvalue") == 0) {
		o->no_max = !d->arg;
		o->has_max = d->arg != NULL;
		return d->arg ? int64_arg(ctx, d, &o->max) : 0;
	}
	if (strcmp(n, "start") == 0) {
		o->has_start = true;
		return int64_arg(ctx, d, &o->start);
	}
	if (strcmp(n, "restart") == 0) {
		o->restart = true;
		o->has_restart = d->arg != NULL;
		return d->arg ? int64_arg(ctx, d, &o->restart_with) : 0;
	}
	if (strcmp(n, "cache") == 0) {
		o->has_cache = true;
		return int64_arg(ctx, d, &o->cache);
	}
	if (strcmp(n, "cycle") == 0) {
		o->has_cycle = true;
		o->cycle = d->arg && IsA(d->arg, Boolean) ? boolVal(d->arg) : true;
		return 0;
	}
	if (strcmp(n, "owned_by") == 0 && owned_by) {
		*owned_by = (List *)d->arg;
		return 0;
	}
	if (strcmp(n, "sequence_name") == 0 && seq_name) {
		List *names = (List *)d->arg;
		*seq_name = strVal(llast(names));
		if (list_length(names) > 1 &&
		    strcmp(strVal(list_nth(names, list_length(names) - 2)), "public") != 0)
			return rw_unsupported(ctx, d->location, "sequences outside schema public");
		return 0;
	}
	lg_sb_t what = LG_SB_INIT;
	lg_sb_appendf(&what, "sequence option \"%s\"", n);
	int rc = what.failed ? rw_oom(ctx) : rw_unsupported(ctx, d->location, what.data);
	lg_sb_free(&what);
	return rc;
}

int ddl_seq_options(rw_ctx_t *ctx, List *options, lg_cat_seq_opts_t *o, List **owned_by,
		    const char **seq_name)
{
	ListCell *lc, *lc2;
	if (owned_by)
		*owned_by = NIL;
	foreach (lc, options) {
		DefElem *d = lfirst_node(DefElem, lc);
		foreach (lc2, options) {
			DefElem *e = lfirst_node(DefElem, lc2);
			if (e == d)
				break;
			if (strcmp(e->defname, d->defname) == 0)
				return rw_error(ctx, d->location, LG_SQLSTATE_SYNTAX_ERROR,
						"conflicting or redundant options");
		}
		if (seq_option(ctx, d, o, owned_by, seq_name) < 0)
			return -1;
	}
	return 0;
}
