/* The catalog of tables: a per-connection cache over SQLite's schema, and
 * the lookups DDL translation needs (what a name denotes, PostgreSQL's
 * object naming). Loading one table is schema_load.c. */
#include "catalog/pg_catalog.h"
#include "catalog/schema_int.h"
#include "catalog/sequence.h"
#include "common/error.h"
#include "common/mem.h"

#include <stdio.h>
#include <string.h>

struct cache_entry {
	cache_entry_t *next;
	int slot;
	const char *name;
	const lg_cat_table_t *t; /* NULL: known not to exist */
};

lg_cat_t *lg_cat_new(sqlite3 *db)
{
	lg_cat_t *cat = lg_calloc(1, sizeof(*cat));
	if (!cat)
		return NULL;
	cat->db = db;
	lg_arena_init(&cat->arena, 16384);
	return cat;
}

void lg_cat_free(lg_cat_t *cat)
{
	if (!cat)
		return;
	lg_arena_destroy(&cat->arena);
	lg_free(cat);
}

sqlite3 *lg_cat_db(lg_cat_t *cat)
{
	return cat->db;
}

void lg_cat_set_sequences(lg_cat_t *cat, lg_cat_seq_session_t *s)
{
	cat->seqs = s;
}

lg_cat_seq_session_t *lg_cat_sequences(lg_cat_t *cat)
{
	return cat ? cat->seqs : NULL;
}

void lg_cat_invalidate(lg_cat_t *cat)
{
	lg_arena_reset(&cat->arena);
	cat->entries = NULL;
	cat->all = NULL;
	cat->nall = 0;
}

const char *lg_cat_slot_db(int slot)
{
	if (slot == LG_CAT_SLOT_PG_CATALOG)
		return LG_CAT_PG_CATALOG;
	return slot == LG_CAT_SLOT_TEMP || slot == LG_CAT_SLOT_TEMP_SEQ ? "temp" : "main";
}

bool lg_cat_internal_name(const char *name)
{
	return strncmp(name, "_lg_", 4) == 0 || sqlite3_strnicmp(name, "sqlite_", 7) == 0;
}

int lg_cat_sqlite_error(sqlite3 *db, lg_error_t *err)
{
	int rc = sqlite3_errcode(db);
	if (rc == SQLITE_NOMEM)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	return lg_error_set(err, LG_SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
}

int lg_cat_sqlite_has_table(sqlite3 *db, const char *dbname, const char *name, lg_error_t *err)
{
	char sql[96];
	snprintf(sql, sizeof(sql),
		 "SELECT 1 FROM \"%s\".sqlite_master WHERE type = 'table' AND name = ?1", dbname);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(db, err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return lg_cat_sqlite_error(db, err);
}

#define MAX_SLOTS 3

/* The SQLite schema slots a PostgreSQL schema name searches, in order.
 * Returns how many (0: a schema litegres does not have). The search path
 * puts pg_catalog after public, where SQLite finds an unqualified name
 * (PostgreSQL searches it before public: only a user table named like a
 * catalog, pg_type, tells them apart). */
static int schema_slots(const char *schema, int slots[MAX_SLOTS])
{
	if (!schema) {
		slots[0] = LG_CAT_SLOT_TEMP;
		slots[1] = LG_CAT_SLOT_MAIN;
		slots[2] = LG_CAT_SLOT_PG_CATALOG;
		return 3;
	}
	if (strcmp(schema, LG_CAT_PG_CATALOG) == 0) {
		slots[0] = LG_CAT_SLOT_PG_CATALOG;
		return 1;
	}
	if (strcmp(schema, "public") == 0) {
		slots[0] = LG_CAT_SLOT_MAIN;
		return 1;
	}
	if (strcmp(schema, "pg_temp") == 0) {
		slots[0] = LG_CAT_SLOT_TEMP;
		return 1;
	}
	return 0;
}

/* Loaded tables and names known to be missing (a lookup usually tries
 * pg_temp first) are cached until invalidate. */
static int cached_table(lg_cat_t *cat, int slot, const char *name, const lg_cat_table_t **out,
			lg_error_t *err)
{
	for (cache_entry_t *e = cat->entries; e; e = e->next) {
		if (e->slot == slot && strcmp(e->name, name) == 0) {
			*out = e->t;
			return 0;
		}
	}
	if (lg_cat_load_table(cat, slot, name, out, err) < 0)
		return -1;
	cache_entry_t *e = lg_arena_alloc(&cat->arena, sizeof(*e));
	const char *copy = *out ? (*out)->name : lg_arena_strdup(&cat->arena, name);
	if (!e || !copy)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	e->name = copy;
	e->slot = slot;
	e->t = *out;
	e->next = cat->entries;
	cat->entries = e;
	return 0;
}

const lg_cat_table_t *lg_cat_table(lg_cat_t *cat, const char *schema, const char *name,
				   lg_error_t *err)
{
	int slots[MAX_SLOTS];
	int n = schema_slots(schema, slots);
	if (lg_cat_internal_name(name))
		return NULL;
	for (int i = 0; i < n; i++) {
		const lg_cat_table_t *t;
		if (cached_table(cat, slots[i], name, &t, err) < 0)
			return NULL;
		if (t)
			return t;
	}
	return NULL;
}

const lg_cat_column_t *lg_cat_column(const lg_cat_table_t *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return &t->cols[i];
	return NULL;
}

static int list_slot(lg_cat_t *cat, int slot, const lg_cat_table_t ***v, int *n, int *cap,
		     lg_error_t *err)
{
	char sql[128];
	snprintf(sql, sizeof(sql),
		 "SELECT name FROM \"%s\".sqlite_master WHERE type IN ('table', 'view') "
		 "ORDER BY rowid",
		 lg_cat_slot_db(slot));
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(cat->db, sql, -1, &st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(cat->db, err);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const lg_cat_table_t *t;
		if (!name || lg_cat_internal_name(name))
			continue;
		if (cached_table(cat, slot, name, &t, err) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		if (!t)
			continue;
		if (*n == *cap) {
			int ncap = *cap ? *cap * 2 : 16;
			const lg_cat_table_t **nv =
				lg_arena_alloc(&cat->arena, sizeof(*nv) * (size_t)ncap);
			if (!nv) {
				sqlite3_finalize(st);
				return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY,
						    "out of memory");
			}
			if (*n)
				memcpy(nv, *v, sizeof(*nv) * (size_t)*n);
			*v = nv;
			*cap = ncap;
		}
		(*v)[(*n)++] = t;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : lg_cat_sqlite_error(cat->db, err);
}

int lg_cat_tables(lg_cat_t *cat, const lg_cat_table_t *const **out, int *n, lg_error_t *err)
{
	if (!cat->all) {
		const lg_cat_table_t **v = NULL;
		int cnt = 0, cap = 0;
		if (list_slot(cat, LG_CAT_SLOT_TEMP, &v, &cnt, &cap, err) < 0 ||
		    list_slot(cat, LG_CAT_SLOT_MAIN, &v, &cnt, &cap, err) < 0)
			return -1;
		if (!v) {
			v = lg_arena_alloc(&cat->arena, sizeof(*v));
			if (!v)
				return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY,
						    "out of memory");
		}
		cat->all = v;
		cat->nall = cnt;
	}
	*out = cat->all;
	*n = cat->nall;
	return 0;
}

/* For tables of lg_cat_tables (never pg_catalog's). */
static bool in_schema(const lg_cat_table_t *t, const int *slots, int nslots)
{
	for (int i = 0; i < nslots; i++)
		if (slots[i] != LG_CAT_SLOT_PG_CATALOG && (slots[i] == LG_CAT_SLOT_TEMP) == t->temp)
			return true;
	return false;
}

const lg_cat_index_t *lg_cat_index(lg_cat_t *cat, const char *schema, const char *name,
				   const lg_cat_table_t **table, lg_error_t *err)
{
	int slots[MAX_SLOTS], nslots = schema_slots(schema, slots);
	const lg_cat_table_t *const *v;
	int n;
	*table = NULL;
	if (lg_cat_tables(cat, &v, &n, err) < 0)
		return NULL;
	for (int i = 0; i < n; i++) {
		if (!in_schema(v[i], slots, nslots))
			continue;
		for (int j = 0; j < v[i]->nindexes; j++) {
			if (strcmp(v[i]->indexes[j].name, name) == 0) {
				*table = v[i];
				return &v[i]->indexes[j];
			}
		}
	}
	return NULL;
}

static int sequence_exists(lg_cat_t *cat, int slot, const char *name, lg_error_t *err)
{
	const char *db = lg_cat_slot_db(slot);
	int has = lg_cat_sqlite_has_table(cat->db, db, "_lg_sequence", err);
	if (has <= 0)
		return has;
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT 1 FROM \"%s\"._lg_sequence WHERE name = ?1", db);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(cat->db, sql, -1, &st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(cat->db, err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lg_cat_sqlite_error(cat->db, err);
	return rc == SQLITE_ROW;
}

int lg_cat_relkind(lg_cat_t *cat, const char *schema, const char *name, lg_error_t *err)
{
	int slots[MAX_SLOTS], nslots = schema_slots(schema, slots);
	for (int i = 0; i < nslots; i++) {
		const lg_cat_table_t *t;
		if (!lg_cat_internal_name(name)) {
			if (cached_table(cat, slots[i], name, &t, err) < 0)
				return -1;
			if (t)
				return t->relkind;
		}
		if (slots[i] == LG_CAT_SLOT_PG_CATALOG)
			continue;
		int r = sequence_exists(
			cat, slots[i] == LG_CAT_SLOT_TEMP ? LG_CAT_SLOT_TEMP_SEQ : LG_CAT_SLOT_SEQ,
			name, err);
		if (r < 0)
			return -1;
		if (r)
			return 'S';
	}
	const lg_cat_table_t *t;
	if (lg_cat_index(cat, schema, name, &t, err))
		return 'i';
	return err && err->set ? -1 : 0;
}

int lg_cat_constraint_exists(lg_cat_t *cat, const char *schema, const char *name, lg_error_t *err)
{
	int slots[MAX_SLOTS], nslots = schema_slots(schema, slots);
	const lg_cat_table_t *const *v;
	int n;
	if (lg_cat_tables(cat, &v, &n, err) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		const lg_cat_table_t *t = v[i];
		if (!in_schema(t, slots, nslots))
			continue;
		for (int j = 0; j < t->nindexes; j++)
			if (t->indexes[j].constraint && strcmp(t->indexes[j].name, name) == 0)
				return 1;
		for (int j = 0; j < t->nfkeys; j++)
			if (strcmp(t->fkeys[j].name, name) == 0)
				return 1;
		for (int j = 0; j < t->nchecks; j++)
			if (strcmp(t->checks[j].name, name) == 0)
				return 1;
	}
	return 0;
}

/* Bytes of `s` that fit in `n` without splitting a UTF-8 character. */
static size_t clip_utf8(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

void lg_cat_object_name(char *out, const char *name1, const char *name2, const char *label)
{
	size_t n1 = strlen(name1), n2 = name2 ? strlen(name2) : 0;
	size_t overhead = (name2 ? 1 : 0) + (label ? strlen(label) + 1 : 0);
	size_t avail = LG_CAT_NAME_MAX > overhead ? LG_CAT_NAME_MAX - overhead : 0;
	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	n1 = clip_utf8(name1, n1);
	if (name2)
		n2 = clip_utf8(name2, n2);
	size_t k = 0;
	memcpy(out, name1, n1);
	k = n1;
	if (name2) {
		out[k++] = '_';
		memcpy(out + k, name2, n2);
		k += n2;
	}
	if (label) {
		out[k++] = '_';
		size_t ln = strlen(label);
		if (k + ln > LG_CAT_NAME_MAX)
			ln = LG_CAT_NAME_MAX - k;
		memcpy(out + k, label, ln);
		k += ln;
	}
	out[k] = '\0';
}

void lg_cat_name_addition(char *out, const char *const *names, int n)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (len > 0)
			out[len++] = '_';
		size_t l = strlen(names[i]);
		if (l > LG_CAT_NAME_MAX)
			l = LG_CAT_NAME_MAX;
		memcpy(out + len, names[i], l);
		len += l;
		out[len] = '\0';
		if (len >= LG_CAT_NAME_MAX + 1)
			break;
	}
}
