/* The translation cache: exact statement text + Parse parameter types +
 * schema key -> plan. A hash table with chaining and an LRU list; bounded by
 * max_entries. Beside it, the statement boundaries of whole query strings
 * (they depend on the text alone), so a repeated query is not parsed just
 * to be split. Single-threaded (the event loop's thread). */
#include "rewrite/rewrite.h"

#include "common/error.h"
#include "common/mem.h"

#include <string.h>

typedef struct entry {
	struct entry *next_hash;
	struct entry *prev_lru, *next_lru;
	uint64_t hash;
	uint64_t schema_key;
	size_t len;
	int nparams;
	lg_rw_stmt_t *stmt;
	lg_oid_t *params; /* points into the same allocation, after the text */
	char text[];
} entry_t;

/* A query string's statement boundaries; direct-mapped by hash. */
#define SPLIT_SLOTS 256

typedef struct split_slot {
	uint64_t hash;
	char *text;
	size_t len;
	int n;
	lg_rw_span_t *spans;
} split_slot_t;

struct lg_rw_cache {
	split_slot_t splits[SPLIT_SLOTS];
	size_t max_entries;
	size_t count;
	size_t nbuckets; /* power of two */
	entry_t **buckets;
	entry_t *lru_head, *lru_tail; /* head: most recently used */
};

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static uint64_t key_hash(uint64_t schema_key, const lg_rw_opts_t *opts, const char *sql,
			 size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	h = fnv(h, &schema_key, sizeof(schema_key));
	if (opts->nparam_types > 0 && opts->param_types)
		h = fnv(h, opts->param_types, sizeof(lg_oid_t) * (size_t)opts->nparam_types);
	return fnv(h, sql, len);
}

lg_rw_cache_t *lg_rw_cache_new(size_t max_entries)
{
	lg_rw_cache_t *c = lg_calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->max_entries = max_entries ? max_entries : 1;
	c->nbuckets = 16;
	while (c->nbuckets < c->max_entries * 2)
		c->nbuckets *= 2;
	c->buckets = lg_calloc(c->nbuckets, sizeof(*c->buckets));
	if (!c->buckets) {
		lg_free(c);
		return NULL;
	}
	return c;
}

static void lru_unlink(lg_rw_cache_t *c, entry_t *e)
{
	if (e->prev_lru)
		e->prev_lru->next_lru = e->next_lru;
	else
		c->lru_head = e->next_lru;
	if (e->next_lru)
		e->next_lru->prev_lru = e->prev_lru;
	else
		c->lru_tail = e->prev_lru;
	e->prev_lru = e->next_lru = NULL;
}

static void lru_push(lg_rw_cache_t *c, entry_t *e)
{
	e->prev_lru = NULL;
	e->next_lru = c->lru_head;
	if (c->lru_head)
		c->lru_head->prev_lru = e;
	c->lru_head = e;
	if (!c->lru_tail)
		c->lru_tail = e;
}

static void evict(lg_rw_cache_t *c, entry_t *e)
{
	entry_t **pp = &c->buckets[e->hash & (c->nbuckets - 1)];
	while (*pp != e)
		pp = &(*pp)->next_hash;
	*pp = e->next_hash;
	lru_unlink(c, e);
	lg_rw_stmt_release(e->stmt);
	lg_free(e);
	c->count--;
}

void lg_rw_cache_free(lg_rw_cache_t *c)
{
	if (!c)
		return;
	while (c->lru_head)
		evict(c, c->lru_head);
	for (int i = 0; i < SPLIT_SLOTS; i++) {
		lg_free(c->splits[i].text);
		lg_free(c->splits[i].spans);
	}
	lg_free(c->buckets);
	lg_free(c);
}

static lg_rw_span_t *copy_spans(const lg_rw_span_t *spans, int n)
{
	lg_rw_span_t *p = lg_malloc(sizeof(*p) * (size_t)(n ? n : 1));
	if (p && n)
		memcpy(p, spans, sizeof(*p) * (size_t)n);
	return p;
}

int lg_rw_cache_split(lg_rw_cache_t *c, const char *sql, lg_rw_split_t *out, lg_error_t *err)
{
	size_t len = strlen(sql);
	uint64_t h = fnv(14695981039346656037ULL, sql, len);
	split_slot_t *slot = &c->splits[h % SPLIT_SLOTS];
	if (slot->text && slot->hash == h && slot->len == len && memcmp(slot->text, sql, len) == 0) {
		out->n = slot->n;
		out->spans = copy_spans(slot->spans, slot->n);
		if (!out->spans)
			return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return 0;
	}
	if (lg_rw_split(sql, out, err) != 0)
		return -1; /* errors are not cached */
	char *text = lg_strndup(sql, len);
	lg_rw_span_t *spans = copy_spans(out->spans, out->n);
	if (!text || !spans) {
		lg_free(text);
		lg_free(spans);
		return 0; /* still split, just not remembered */
	}
	lg_free(slot->text);
	lg_free(slot->spans);
	*slot = (split_slot_t){.hash = h, .text = text, .len = len, .n = out->n, .spans = spans};
	return 0;
}

static bool matches(const entry_t *e, uint64_t h, uint64_t schema_key, const lg_rw_opts_t *opts,
		    const char *sql, size_t len)
{
	int np = opts->param_types ? opts->nparam_types : 0;
	return e->hash == h && e->schema_key == schema_key && e->len == len &&
	       e->nparams == np && memcmp(e->text, sql, len) == 0 &&
	       (np == 0 || memcmp(e->params, opts->param_types, sizeof(lg_oid_t) * (size_t)np) == 0);
}

/* Inserting may fail for lack of memory; the plan is still returned. */
static void insert(lg_rw_cache_t *c, uint64_t h, uint64_t schema_key, const lg_rw_opts_t *opts,
		   const char *sql, size_t len, lg_rw_stmt_t *stmt)
{
	int np = opts->param_types ? opts->nparam_types : 0;
	size_t text = (len + 1 + _Alignof(lg_oid_t) - 1) & ~(_Alignof(lg_oid_t) - 1);
	entry_t *e = lg_malloc(sizeof(*e) + text + sizeof(lg_oid_t) * (size_t)np);
	if (!e)
		return;
	if (c->count >= c->max_entries)
		evict(c, c->lru_tail);
	memset(e, 0, sizeof(*e));
	e->hash = h;
	e->schema_key = schema_key;
	e->len = len;
	e->nparams = np;
	memcpy(e->text, sql, len);
	e->text[len] = '\0';
	e->params = (lg_oid_t *)(e->text + text);
	if (np)
		memcpy(e->params, opts->param_types, sizeof(lg_oid_t) * (size_t)np);
	lg_rw_stmt_retain(stmt);
	e->stmt = stmt;
	entry_t **b = &c->buckets[h & (c->nbuckets - 1)];
	e->next_hash = *b;
	*b = e;
	lru_push(c, e);
	c->count++;
}

int lg_rw_cache_translate(lg_rw_cache_t *c, uint64_t schema_key, const lg_rw_opts_t *opts,
			  const char *sql, size_t len, lg_rw_stmt_t **out, lg_error_t *err)
{
	uint64_t h = key_hash(schema_key, opts, sql, len);
	for (entry_t *e = c->buckets[h & (c->nbuckets - 1)]; e; e = e->next_hash) {
		if (matches(e, h, schema_key, opts, sql, len)) {
			lru_unlink(c, e);
			lru_push(c, e);
			lg_rw_stmt_retain(e->stmt);
			*out = e->stmt;
			return 0;
		}
	}
	if (lg_rw_translate(opts, sql, len, out, err))
		return -1;
	insert(c, h, schema_key, opts, sql, len, *out);
	return 0;
}
