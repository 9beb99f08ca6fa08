/* Per-session cache of prepared SQLite statements, keyed by SQL text.
 * Direct-mapped and bounded: a colliding entry replaces the older one, so
 * the hot path is one hash and one string compare. */
#include "proxy/exec.h"

#include "common/mem.h"

#include <sqlite3.h>
#include <string.h>

#define CACHE_SLOTS 256

typedef struct slot {
	char *sql;
	size_t len;
	uint64_t hash;
	sqlite3_stmt *st;
} slot_t;

struct lg_stmt_cache {
	sqlite3 *db;
	slot_t slots[CACHE_SLOTS];
};

/* Internal API for exec.c. */
sqlite3_stmt *lg_stmt_cache_get(lg_stmt_cache_t *c, const char *sql, bool *owned, int *rc);
void lg_stmt_cache_put(lg_stmt_cache_t *c, sqlite3_stmt *st, bool owned);

static uint64_t hash_text(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

lg_stmt_cache_t *lg_stmt_cache_new(sqlite3 *db)
{
	lg_stmt_cache_t *c = lg_calloc(1, sizeof(*c));
	if (c)
		c->db = db;
	return c;
}

static void clear_slot(slot_t *s)
{
	sqlite3_finalize(s->st);
	lg_free(s->sql);
	memset(s, 0, sizeof(*s));
}

void lg_stmt_cache_clear(lg_stmt_cache_t *c)
{
	if (!c)
		return;
	for (int i = 0; i < CACHE_SLOTS; i++)
		if (c->slots[i].sql && !sqlite3_stmt_busy(c->slots[i].st))
			clear_slot(&c->slots[i]);
}

void lg_stmt_cache_free(lg_stmt_cache_t *c)
{
	if (!c)
		return;
	for (int i = 0; i < CACHE_SLOTS; i++)
		if (c->slots[i].sql)
			clear_slot(&c->slots[i]);
	lg_free(c);
}

/* Returns a reset statement for `sql`. *owned is true when the caller must
 * finalize it itself (the cached one is in use by a suspended portal, or it
 * could not be cached). */
sqlite3_stmt *lg_stmt_cache_get(lg_stmt_cache_t *c, const char *sql, bool *owned, int *rc)
{
	size_t len = strlen(sql);
	uint64_t h = hash_text(sql, len);
	slot_t *s = &c->slots[h % CACHE_SLOTS];
	*owned = false;
	*rc = SQLITE_OK;
	if (s->sql && s->hash == h && s->len == len && memcmp(s->sql, sql, len) == 0) {
		if (!sqlite3_stmt_busy(s->st))
			return s->st;
		*owned = true;
	}
	sqlite3_stmt *st = NULL;
	*rc = sqlite3_prepare_v3(c->db, sql, (int)len, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (*rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	if (*owned)
		return st;
	if (s->sql) {
		if (sqlite3_stmt_busy(s->st)) {
			*owned = true;
			return st;
		}
		clear_slot(s);
	}
	s->sql = lg_strndup(sql, len);
	if (!s->sql) {
		*owned = true;
		return st;
	}
	s->len = len;
	s->hash = h;
	s->st = st;
	return st;
}

/* Gives a statement back after use. */
void lg_stmt_cache_put(lg_stmt_cache_t *c, sqlite3_stmt *st, bool owned)
{
	LG_UNUSED(c);
	if (!st)
		return;
	if (owned) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}
