/* Loads one table's metadata from SQLite: sqlite_schema, the table_xinfo,
 * index_list/index_info and foreign_key_list PRAGMAs, the constraint names
 * in the CREATE TABLE text (schema_parse.c) and identity columns from
 * _lg_sequence. */
#include "catalog/pg_catalog.h"
#include "catalog/schema_int.h"
#include "catalog/schema_parse.h"
#include "catalog/types.h"
#include "common/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct loader {
	lg_cat_t *cat;
	lg_arena_t *a;
	lg_error_t *err;
	const char *dbname;
	int slot;
	lg_cat_table_t *t;
	lg_con_t *cons;
	int ncons;
	bool *con_used;
	const char *sql;
} loader_t;

static int oom(loader_t *l)
{
	return lg_error_set(l->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

static const char *dup(loader_t *l, const unsigned char *s)
{
	if (!s)
		return NULL;
	return lg_arena_strdup(l->a, (const char *)s);
}

static int prepare(loader_t *l, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(l->cat->db, sql, -1, st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(l->cat->db, l->err);
	sqlite3_bind_text(*st, 1, l->t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 2, l->dbname, -1, SQLITE_STATIC);
	return 0;
}

static int finish(loader_t *l, sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lg_cat_sqlite_error(l->cat->db, l->err);
	return 0;
}

static int16_t attnum_of(const lg_cat_table_t *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (sqlite3_stricmp(t->cols[i].name, name) == 0)
			return t->cols[i].attnum;
	return 0;
}

static int load_columns(loader_t *l)
{
	sqlite3_stmt *st;
	if (prepare(l,
		    "SELECT name, type, \"notnull\", dflt_value, pk FROM "
		    "pragma_table_xinfo(?1, ?2) WHERE hidden <> 1 ORDER BY cid",
		    &st) < 0)
		return -1;
	int cap = 16, n = 0, rc = SQLITE_DONE;
	lg_cat_column_t *cols = lg_arena_alloc(l->a, sizeof(*cols) * (size_t)cap);
	while (cols && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			lg_cat_column_t *nc = lg_arena_alloc(l->a, sizeof(*nc) * (size_t)cap * 2);
			if (!nc) {
				cols = NULL;
				break;
			}
			memcpy(nc, cols, sizeof(*nc) * (size_t)n);
			cols = nc;
			cap *= 2;
		}
		lg_cat_column_t *c = &cols[n];
		memset(c, 0, sizeof(*c));
		c->name = dup(l, sqlite3_column_text(st, 0));
		const char *decl = (const char *)sqlite3_column_text(st, 1);
		lg_cat_parse_decltype(decl ? decl : "", &c->type, &c->typmod);
		c->notnull = sqlite3_column_int(st, 2) != 0;
		c->default_sql = dup(l, sqlite3_column_text(st, 3));
		c->has_default = c->default_sql != NULL;
		c->pk_index = sqlite3_column_int(st, 4);
		c->attnum = (int16_t)(n + 1);
		if (!c->name || (sqlite3_column_type(st, 3) != SQLITE_NULL && !c->default_sql)) {
			cols = NULL;
			break;
		}
		n++;
	}
	if (!cols) {
		sqlite3_finalize(st);
		return oom(l);
	}
	l->t->cols = cols;
	l->t->ncols = n;
	return finish(l, st, rc);
}

/* The parsed constraint of `kind` whose columns equal names[0..n), not yet
 * matched to a PRAGMA row; NULL if none. */
static lg_con_t *match_con(loader_t *l, lg_con_kind_t kind, const char *const *names, int n,
			   const char *ref_table)
{
	for (int i = 0; i < l->ncons; i++) {
		lg_con_t *c = &l->cons[i];
		if (c->kind != kind || l->con_used[i] || c->ncols != n)
			continue;
		if (ref_table && (!c->ref_table || sqlite3_stricmp(c->ref_table, ref_table) != 0))
			continue;
		int j = 0;
		while (j < n && sqlite3_stricmp(c->cols[j], names[j]) == 0)
			j++;
		if (j == n) {
			l->con_used[i] = true;
			return c;
		}
	}
	return NULL;
}

static const char *default_name(loader_t *l, const char *const *cols, int n, const char *label)
{
	char add[LG_CAT_NAME_MAX * 2 + 2], name[LG_CAT_NAME_MAX + 1];
	lg_cat_name_addition(add, cols, n);
	lg_cat_object_name(name, l->t->name, n ? add : NULL, label);
	return lg_arena_strdup(l->a, name);
}

/* The index's OID, and its keys when one of them is an expression (their
 * text is only in the stored CREATE INDEX). */
static int index_oid_keys(loader_t *l, lg_cat_index_t *ix)
{
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT rowid, sql FROM \"%s\".sqlite_master WHERE name = ?1",
		 l->dbname);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(l->cat->db, sql, -1, &st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(l->cat->db, l->err);
	sqlite3_bind_text(st, 1, ix->sqlite_name, -1, SQLITE_STATIC);
	bool expr = false;
	for (int k = 0; k < ix->ncols; k++)
		expr |= ix->attnums[k] == 0;
	int rc = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		ix->oid = lg_cat_oid(l->slot, sqlite3_column_int64(st, 0));
		const char *text = (const char *)sqlite3_column_text(st, 1);
		lg_cat_index_key_t *keys;
		if (expr && text) {
			int n = lg_cat_parse_index_keys(text, l->a, &keys);
			if (n < 0)
				rc = oom(l);
			else if (n == ix->ncols)
				ix->keys = keys;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Key columns of index `ix` (PRAGMA index_info). */
static int index_columns(loader_t *l, lg_cat_index_t *ix, const char ***names)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(l->cat->db,
			       "SELECT cid, name FROM pragma_index_info(?1, ?2) ORDER BY seqno", -1,
			       &st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(l->cat->db, l->err);
	sqlite3_bind_text(st, 1, ix->sqlite_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, l->dbname, -1, SQLITE_STATIC);
	int n = 0, rc;
	int16_t *att = lg_arena_alloc(l->a, sizeof(int16_t) * (size_t)(l->t->ncols + 32));
	const char **nm = lg_arena_alloc(l->a, sizeof(char *) * (size_t)(l->t->ncols + 32));
	while (att && nm && (rc = sqlite3_step(st)) == SQLITE_ROW && n < l->t->ncols + 32) {
		const char *cn = (const char *)sqlite3_column_text(st, 1);
		att[n] = cn ? attnum_of(l->t, cn) : 0;
		nm[n++] = cn ? dup(l, (const unsigned char *)cn) : "expr";
	}
	if (!att || !nm) {
		sqlite3_finalize(st);
		return oom(l);
	}
	sqlite3_finalize(st);
	ix->attnums = att;
	ix->ncols = n;
	*names = nm;
	return 0;
}

static int name_index(loader_t *l, lg_cat_index_t *ix, const char *origin, const char **names)
{
	if (strcmp(origin, "pk") == 0) {
		ix->primary = ix->constraint = true;
		lg_con_t *c = match_con(l, LG_CON_PRIMARY, names, ix->ncols, NULL);
		ix->name = c && c->name ? c->name : default_name(l, NULL, 0, "pkey");
	} else if (strcmp(origin, "u") == 0) {
		ix->constraint = true;
		lg_con_t *c = match_con(l, LG_CON_UNIQUE, names, ix->ncols, NULL);
		ix->name = c && c->name ? c->name : default_name(l, names, ix->ncols, "key");
	} else {
		ix->name = ix->sqlite_name;
	}
	return ix->name ? 0 : oom(l);
}

static int cmp_index(const void *a, const void *b)
{
	const lg_cat_index_t *x = a, *y = b;
	if (x->primary != y->primary)
		return x->primary ? -1 : 1;
	return x->oid < y->oid ? -1 : x->oid > y->oid;
}

/* A rowid alias (INTEGER PRIMARY KEY) has no index: describe it as one. */
static int add_rowid_pk(loader_t *l, lg_cat_index_t *v, int *n)
{
	for (int i = 0; i < *n; i++)
		if (v[i].primary)
			return 0;
	for (int i = 0; i < l->t->ncols; i++) {
		if (l->t->cols[i].pk_index != 1)
			continue;
		lg_cat_index_t *ix = &v[(*n)++];
		memset(ix, 0, sizeof(*ix));
		int16_t *att = lg_arena_alloc(l->a, sizeof(int16_t));
		if (!att)
			return oom(l);
		att[0] = l->t->cols[i].attnum;
		const char *nm = l->t->cols[i].name;
		ix->attnums = att;
		ix->ncols = 1;
		ix->unique = true;
		return name_index(l, ix, "pk", &nm);
	}
	return 0;
}

static int load_indexes(loader_t *l)
{
	sqlite3_stmt *st;
	if (prepare(l, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1, ?2)",
		    &st) < 0)
		return -1;
	int cap = 8, n = 0, rc = SQLITE_DONE;
	lg_cat_index_t *v = lg_arena_alloc(l->a, sizeof(*v) * (size_t)(cap + 1));
	while (v && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			lg_cat_index_t *nv =
				lg_arena_alloc(l->a, sizeof(*v) * (size_t)(cap * 2 + 1));
			if (!nv) {
				v = NULL;
				break;
			}
			memcpy(nv, v, sizeof(*v) * (size_t)n);
			v = nv;
			cap *= 2;
		}
		lg_cat_index_t *ix = &v[n];
		memset(ix, 0, sizeof(*ix));
		ix->sqlite_name = dup(l, sqlite3_column_text(st, 0));
		ix->unique = sqlite3_column_int(st, 1) != 0;
		ix->partial = sqlite3_column_int(st, 3) != 0;
		const char *origin = (const char *)sqlite3_column_text(st, 2);
		const char **names = NULL;
		if (!ix->sqlite_name) {
			v = NULL;
			break;
		}
		if (index_columns(l, ix, &names) < 0 || index_oid_keys(l, ix) < 0 ||
		    name_index(l, ix, origin ? origin : "c", names) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		n++;
	}
	if (!v) {
		sqlite3_finalize(st);
		return oom(l);
	}
	if (finish(l, st, rc) < 0 || add_rowid_pk(l, v, &n) < 0)
		return -1;
	qsort(v, (size_t)n, sizeof(*v), cmp_index);
	l->t->indexes = v;
	l->t->nindexes = n;
	return 0;
}

static char fk_action(const unsigned char *s)
{
	const char *a = (const char *)s;
	if (!a)
		return LG_FK_NO_ACTION;
	if (sqlite3_stricmp(a, "CASCADE") == 0)
		return LG_FK_CASCADE;
	if (sqlite3_stricmp(a, "RESTRICT") == 0)
		return LG_FK_RESTRICT;
	if (sqlite3_stricmp(a, "SET NULL") == 0)
		return LG_FK_SET_NULL;
	if (sqlite3_stricmp(a, "SET DEFAULT") == 0)
		return LG_FK_SET_DEFAULT;
	return LG_FK_NO_ACTION;
}

/* The primary key columns of another table, for REFERENCES t without a
 * column list in a table litegres did not write. */
static const char *ref_pk_column(loader_t *l, const char *table, int pos)
{
	sqlite3_stmt *st;
	const char *r = NULL;
	if (sqlite3_prepare_v2(l->cat->db,
			       "SELECT name FROM pragma_table_info(?1, ?2) WHERE pk = ?3", -1, &st,
			       NULL) != SQLITE_OK)
		return "";
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, l->dbname, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, pos);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = dup(l, sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return r ? r : "";
}

/* RESTRICT is stored as a marked NO ACTION (LG_FK_RESTRICT_SQL). */
static void restrict_actions(loader_t *l, const lg_con_t *c, lg_cat_fkey_t *fk)
{
	const char *sql = l->t->sql;
	if (!sql || c->start < 0 || c->end <= c->start || strlen(sql) < (size_t)c->end)
		return;
	/* The span ends at the last token: a final marker comment follows it. */
	static const char marker[] = "/*lg:RESTRICT*/";
	int end = c->end;
	while (sql[end] == ' ')
		end++;
	end = strncmp(sql + end, marker, sizeof(marker) - 1) == 0 ? end + (int)sizeof(marker) - 1
								 : c->end;
	char *span = lg_arena_strndup(l->a, sql + c->start, (size_t)(end - c->start));
	if (!span)
		return;
	if (fk->on_delete == LG_FK_NO_ACTION && strstr(span, "ON DELETE " LG_FK_RESTRICT_SQL))
		fk->on_delete = LG_FK_RESTRICT;
	if (fk->on_update == LG_FK_NO_ACTION && strstr(span, "ON UPDATE " LG_FK_RESTRICT_SQL))
		fk->on_update = LG_FK_RESTRICT;
}

/* Finishes foreign key v[n] whose rows were collected: name and flags. */
static int name_fkey(loader_t *l, lg_cat_fkey_t *fk, const char **from)
{
	lg_con_t *c = match_con(l, LG_CON_FOREIGN, from, fk->ncols, fk->ref_table);
	if (c) {
		fk->deferrable = c->deferrable;
		fk->deferred = c->deferred;
		restrict_actions(l, c, fk);
	}
	fk->name = c && c->name ? c->name : default_name(l, from, fk->ncols, "fkey");
	return fk->name ? 0 : oom(l);
}

static int load_fkeys(loader_t *l)
{
	sqlite3_stmt *st;
	if (prepare(l,
		    "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete, seq "
		    "FROM pragma_foreign_key_list(?1, ?2) ORDER BY id DESC, seq",
		    &st) < 0)
		return -1;
	int maxcols = l->t->ncols + 1, n = 0, rc = SQLITE_DONE, cur = -1;
	/* Rows per key <= ncols; keys <= rows: size generously, it is an arena. */
	int cap = 4;
	lg_cat_fkey_t *v = lg_arena_calloc(l->a, sizeof(*v) * (size_t)cap);
	const char **from = NULL;
	lg_cat_fkey_t *fk = NULL;
	while (v && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int id = sqlite3_column_int(st, 0);
		if (id != cur || !fk) {
			if (fk && name_fkey(l, fk, from) < 0)
				goto fail;
			if (n == cap) {
				lg_cat_fkey_t *nv =
					lg_arena_calloc(l->a, sizeof(*v) * (size_t)cap * 2);
				if (!nv)
					goto nomem;
				memcpy(nv, v, sizeof(*v) * (size_t)n);
				v = nv;
				cap *= 2;
			}
			cur = id;
			fk = &v[n++];
			fk->ref_table = dup(l, sqlite3_column_text(st, 1));
			fk->on_update = fk_action(sqlite3_column_text(st, 4));
			fk->on_delete = fk_action(sqlite3_column_text(st, 5));
			fk->attnums = lg_arena_alloc(l->a, sizeof(int16_t) * (size_t)maxcols);
			fk->ref_cols = lg_arena_alloc(l->a, sizeof(char *) * (size_t)maxcols);
			from = lg_arena_alloc(l->a, sizeof(char *) * (size_t)maxcols);
			if (!fk->ref_table || !fk->attnums || !fk->ref_cols || !from)
				goto nomem;
		}
		if (fk->ncols >= maxcols)
			continue;
		const char *f = dup(l, sqlite3_column_text(st, 2));
		const char *to = sqlite3_column_type(st, 3) == SQLITE_NULL
					 ? ref_pk_column(l, fk->ref_table, fk->ncols + 1)
					 : dup(l, sqlite3_column_text(st, 3));
		if (!f || !to)
			goto nomem;
		((int16_t *)fk->attnums)[fk->ncols] = attnum_of(l->t, f);
		((const char **)fk->ref_cols)[fk->ncols] = to;
		from[fk->ncols++] = f;
	}
	if (!v)
		goto nomem;
	if (fk && rc == SQLITE_DONE && name_fkey(l, fk, from) < 0)
		goto fail;
	l->t->fkeys = v;
	l->t->nfkeys = n;
	return finish(l, st, rc);
nomem:
	oom(l);
fail:
	sqlite3_finalize(st);
	return -1;
}

/* CHECK constraints come only from the CREATE TABLE text. */
static int load_checks(loader_t *l)
{
	int n = 0;
	for (int i = 0; i < l->ncons; i++)
		n += l->cons[i].kind == LG_CON_CHECK;
	lg_cat_check_t *v = lg_arena_calloc(l->a, sizeof(*v) * (size_t)(n + 1));
	if (!v)
		return oom(l);
	n = 0;
	int unnamed = 0;
	for (int i = 0; i < l->ncons; i++) {
		const lg_con_t *c = &l->cons[i];
		if (c->kind != LG_CON_CHECK)
			continue;
		v[n].expr_sql = c->expr ? c->expr : "";
		if (c->name) {
			v[n].name = c->name;
		} else {
			char label[16];
			snprintf(label, sizeof(label), unnamed ? "check%d" : "check", unnamed);
			unnamed++;
			v[n].name = default_name(l, NULL, 0, label);
			if (!v[n].name)
				return oom(l);
		}
		n++;
	}
	l->t->checks = v;
	l->t->nchecks = n;
	return 0;
}

static int load_identity(loader_t *l)
{
	int has = lg_cat_sqlite_has_table(l->cat->db, l->dbname, "_lg_sequence", l->err);
	if (has <= 0)
		return has;
	char sql[160];
	snprintf(sql, sizeof(sql),
		 "SELECT owner_column, identity FROM \"%s\"._lg_sequence "
		 "WHERE owner_table = ?1 AND identity IS NOT NULL",
		 l->dbname);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(l->cat->db, sql, -1, &st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(l->cat->db, l->err);
	sqlite3_bind_text(st, 1, l->t->name, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		int16_t att = col ? attnum_of(l->t, col) : 0;
		if (att > 0 && kind)
			((lg_cat_column_t *)l->t->cols)[att - 1].identity = kind[0];
	}
	return finish(l, st, rc);
}

static int read_master(loader_t *l, const char *name, bool *found)
{
	char sql[128];
	snprintf(sql, sizeof(sql),
		 "SELECT rowid, type, sql FROM \"%s\".sqlite_master "
		 "WHERE name = ?1 AND type IN ('table', 'view')",
		 l->dbname);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(l->cat->db, sql, -1, &st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(l->cat->db, l->err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		lg_cat_table_t *t = l->t;
		t->oid = lg_cat_oid(l->slot, sqlite3_column_int64(st, 0));
		t->relkind =
			strcmp((const char *)sqlite3_column_text(st, 1), "view") == 0 ? 'v' : 'r';
		t->name = dup(l, (const unsigned char *)name);
		l->sql = dup(l, sqlite3_column_text(st, 2));
		if (!t->name || (!l->sql && sqlite3_column_type(st, 2) != SQLITE_NULL)) {
			sqlite3_finalize(st);
			return oom(l);
		}
		rc = SQLITE_DONE;
	}
	return finish(l, st, rc);
}

int lg_cat_load_table(lg_cat_t *cat, int slot, const char *name, const lg_cat_table_t **out,
		      lg_error_t *err)
{
	loader_t l = {.cat = cat,
		      .a = &cat->arena,
		      .err = err,
		      .slot = slot,
		      .dbname = lg_cat_slot_db(slot)};
	*out = NULL;
	/* pg_catalog: only the catalogs litegres defines, when attached. */
	if (slot == LG_CAT_SLOT_PG_CATALOG &&
	    (!lg_cat_pg_catalog_oid(name) || sqlite3_txn_state(cat->db, LG_CAT_PG_CATALOG) < 0))
		return 0;
	l.t = lg_arena_calloc(l.a, sizeof(*l.t));
	if (!l.t)
		return oom(&l);
	bool found;
	if (read_master(&l, name, &found) < 0)
		return -1;
	if (!found)
		return 0;
	l.t->sql = l.sql;
	l.t->schema = slot == LG_CAT_SLOT_TEMP ? "pg_temp" : "public";
	if (slot == LG_CAT_SLOT_PG_CATALOG) {
		l.t->oid = lg_cat_pg_catalog_oid(name);
		l.t->schema = LG_CAT_PG_CATALOG;
	}
	l.t->temp = slot == LG_CAT_SLOT_TEMP;
	if (l.sql && l.t->relkind == 'r') {
		l.ncons = lg_cat_parse_constraints(l.sql, l.a, &l.cons);
		if (l.ncons < 0)
			return oom(&l);
	}
	l.con_used = lg_arena_calloc(l.a, (size_t)l.ncons + 1);
	if (!l.con_used)
		return oom(&l);
	if (load_columns(&l) < 0 || load_indexes(&l) < 0 || load_fkeys(&l) < 0 ||
	    load_checks(&l) < 0 || load_identity(&l) < 0)
		return -1;
	*out = l.t;
	return 0;
}
