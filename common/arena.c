#include "arena.h"

#include "mem.h"

#include <string.h>

struct lg_arena_block {
	lg_arena_block_t *next;
	size_t size;
	size_t used;
	_Alignas(16) unsigned char data[];
};

#define ARENA_ALIGN 16

void lg_arena_init(lg_arena_t *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size ? block_size : 8192;
}

void *lg_arena_alloc(lg_arena_t *a, size_t n)
{
	if (n > SIZE_MAX / 2)
		return NULL;
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	lg_arena_block_t *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = n > a->block_size ? n : a->block_size;
		b = lg_malloc(sizeof(*b) + size);
		if (!b)
			return NULL;
		b->size = size;
		b->used = 0;
		/* A one-off big block goes behind the current one so the
		 * current block's free space stays usable. */
		if (a->head && size > a->block_size) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

void *lg_arena_calloc(lg_arena_t *a, size_t n)
{
	void *p = lg_arena_alloc(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

char *lg_arena_strndup(lg_arena_t *a, const char *s, size_t n)
{
	char *d = lg_arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *lg_arena_strdup(lg_arena_t *a, const char *s)
{
	return lg_arena_strndup(a, s, strlen(s));
}

void lg_arena_reset(lg_arena_t *a)
{
	lg_arena_block_t *keep = NULL;
	lg_arena_block_t *b = a->head;
	while (b) {
		lg_arena_block_t *next = b->next;
		if (!keep && b->size == a->block_size) {
			keep = b;
			keep->used = 0;
		} else {
			lg_free(b);
		}
		b = next;
	}
	if (keep)
		keep->next = NULL;
	a->head = keep;
}

void lg_arena_destroy(lg_arena_t *a)
{
	lg_arena_block_t *b = a->head;
	while (b) {
		lg_arena_block_t *next = b->next;
		lg_free(b);
		b = next;
	}
	a->head = NULL;
}
