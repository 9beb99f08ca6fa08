/* The jsonb builder: the tree json.c's parser builds for jsonb input, put
 * into PostgreSQL's canonical form (object keys sorted shorter-first then
 * bytewise, the last of duplicate keys kept, numbers as numeric prints
 * them) and written out as jsonb_out prints it (", " and ": "). Iterative
 * throughout: nesting depth is bounded only by the parser. */
#include "catalog/codec_int.h"
#include "catalog/json_int.h"

#include <stdlib.h>
#include <string.h>

typedef enum jtype { J_OBJ, J_ARR, J_STR, J_NUM, J_TRUE, J_FALSE, J_NULL } jtype_t;

typedef struct jnode jnode_t;
struct jnode {
	jtype_t type;
	const char *s; /* string (decoded) or number text */
	size_t len;
	const char *key; /* as an object member */
	size_t keylen;
	size_t count; /* children */
	size_t idx; /* position in the parent */
	jnode_t *first, *last, *next;
	jnode_t *parent;
};

struct lg_jb {
	lg_arena_t *arena;
	jnode_t *root, *cur; /* cur: innermost open container */
	const char *key;
	size_t keylen;
};

lg_jb_t *lg_jb_new(lg_arena_t *arena)
{
	lg_jb_t *b = lg_arena_calloc(arena, sizeof(*b));
	if (b)
		b->arena = arena;
	return b;
}

static jnode_t *add_node(lg_jb_t *b, jtype_t type)
{
	jnode_t *n = lg_arena_calloc(b->arena, sizeof(*n));
	if (!n)
		return NULL;
	n->type = type;
	n->key = b->key;
	n->keylen = b->keylen;
	n->parent = b->cur;
	n->idx = b->cur ? b->cur->count : 0;
	if (!b->cur) {
		b->root = n;
	} else {
		if (b->cur->last)
			b->cur->last->next = n;
		else
			b->cur->first = n;
		b->cur->last = n;
		b->cur->count++;
	}
	return n;
}

int lg_jb_open(lg_jb_t *b, bool object)
{
	jnode_t *n = add_node(b, object ? J_OBJ : J_ARR);
	if (!n)
		return -1;
	b->cur = n;
	return 0;
}

void lg_jb_close(lg_jb_t *b)
{
	b->cur = b->cur->parent;
}

void lg_jb_key(lg_jb_t *b, const char *s, size_t len)
{
	b->key = s;
	b->keylen = len;
}

static bool plain_integer(const char *s, size_t n)
{
	size_t i = s[0] == '-';
	if (i >= n || (s[i] == '0' && (n - i > 1 || i == 1)))
		return false;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int lg_jb_scalar(lg_jb_t *b, lg_jb_kind_t kind, const char *s, size_t len, lg_error_t *err)
{
	static const jtype_t types[] = {[LG_JB_STRING] = J_STR,
					[LG_JB_NUMBER] = J_NUM,
					[LG_JB_TRUE] = J_TRUE,
					[LG_JB_FALSE] = J_FALSE,
					[LG_JB_NULL] = J_NULL};
	jnode_t *n = add_node(b, types[kind]);
	if (!n)
		return lg_codec_err_oom(err);
	n->s = s;
	n->len = len;
	if (kind == LG_JB_NUMBER && !plain_integer(s, len)) {
		/* numeric_in's canonical digits: 1e2 -> 100, -0 -> 0 */
		lg_value_t v;
		if (lg_codec_numeric_in(LG_OID_NUMERIC, -1, s, len, b->arena, &v, err) < 0)
			return -1;
		n->s = v.s;
		n->len = v.len;
	}
	return 0;
}

typedef struct writer {
	char *p; /* NULL: only count */
	size_t n;
} writer_t;

static void w_put(writer_t *w, const char *s, size_t n)
{
	if (w->p)
		memcpy(w->p + w->n, s, n);
	w->n += n;
}

/* escape_json */
static void w_string(writer_t *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	w_put(w, "\"", 1);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		w_put(w, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '\b': w_put(w, "\\b", 2); break;
		case '\f': w_put(w, "\\f", 2); break;
		case '\n': w_put(w, "\\n", 2); break;
		case '\r': w_put(w, "\\r", 2); break;
		case '\t': w_put(w, "\\t", 2); break;
		case '"': w_put(w, "\\\"", 2); break;
		case '\\': w_put(w, "\\\\", 2); break;
		default: {
			char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			w_put(w, u, 6);
		}
		}
	}
	w_put(w, s + run, n - run);
	w_put(w, "\"", 1);
}

static void w_node(writer_t *w, const jnode_t *root)
{
	/* Iterative walk: parent links replace a stack. */
	const jnode_t *n = root;
	for (;;) {
		if (n->parent && n->parent->type == J_OBJ) {
			w_string(w, n->key, n->keylen);
			w_put(w, ": ", 2);
		}
		switch (n->type) {
		case J_OBJ:
		case J_ARR:
			w_put(w, n->type == J_OBJ ? "{" : "[", 1);
			if (n->first) {
				n = n->first;
				continue;
			}
			w_put(w, n->type == J_OBJ ? "}" : "]", 1);
			break;
		case J_STR: w_string(w, n->s, n->len); break;
		case J_NUM: w_put(w, n->s, n->len); break;
		case J_TRUE: w_put(w, "true", 4); break;
		case J_FALSE: w_put(w, "false", 5); break;
		case J_NULL: w_put(w, "null", 4); break;
		}
		/* Close finished containers, then move to the next sibling. */
		while (n != root && !n->next) {
			n = n->parent;
			w_put(w, n->type == J_OBJ ? "}" : "]", 1);
		}
		if (n == root)
			return;
		w_put(w, ", ", 2);
		n = n->next;
	}
}

static int key_cmp(const void *a, const void *b)
{
	const jnode_t *x = *(const jnode_t *const *)a, *y = *(const jnode_t *const *)b;
	if (x->keylen != y->keylen)
		return x->keylen < y->keylen ? -1 : 1;
	int c = memcmp(x->key, y->key, x->keylen);
	if (c)
		return c;
	/* equal keys keep their input order, so the last one can win */
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sorts an object's members as jsonb does and drops duplicates but the
 * last. */
static int sort_object(lg_arena_t *arena, jnode_t *obj)
{
	if (obj->count < 2)
		return 0;
	jnode_t **v = lg_arena_alloc(arena, obj->count * sizeof(*v));
	if (!v)
		return -1;
	size_t k = 0;
	for (jnode_t *c = obj->first; c; c = c->next)
		v[k++] = c;
	qsort(v, k, sizeof(*v), key_cmp);
	size_t o = 0;
	for (size_t i = 0; i < k; i++) {
		if (i + 1 < k && v[i]->keylen == v[i + 1]->keylen &&
		    memcmp(v[i]->key, v[i + 1]->key, v[i]->keylen) == 0)
			continue;
		v[o++] = v[i];
	}
	for (size_t i = 0; i < o; i++)
		v[i]->next = i + 1 < o ? v[i + 1] : NULL;
	obj->first = v[0];
	obj->last = v[o - 1];
	obj->count = o;
	return 0;
}

/* Sorts every object, children before parents. */
static int normalise(lg_arena_t *arena, jnode_t *root)
{
	jnode_t *n = root;
	for (;;) {
		if ((n->type == J_OBJ || n->type == J_ARR) && n->first) {
			n = n->first;
			continue;
		}
		for (;;) {
			if (n->type == J_OBJ && sort_object(arena, n) < 0)
				return -1;
			if (n == root)
				return 0;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

int lg_jb_finish(lg_jb_t *b, lg_value_t *out, lg_error_t *err)
{
	if (normalise(b->arena, b->root) < 0)
		return lg_codec_err_oom(err);
	writer_t w = {NULL, 0};
	w_node(&w, b->root);
	w.p = lg_arena_alloc(b->arena, w.n + 1);
	if (!w.p)
		return lg_codec_err_oom(err);
	w.n = 0;
	w_node(&w, b->root);
	w.p[w.n] = '\0';
	out->kind = LG_VAL_TEXT;
	out->s = w.p;
	out->len = w.n;
	return 0;
}
