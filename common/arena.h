/* Bump allocator for query-lifetime memory: everything allocated from an
 * arena is released at once by lg_arena_reset (when ReadyForQuery goes out)
 * or lg_arena_destroy. Allocations are 16-byte aligned. */
#ifndef LG_ARENA_H
#define LG_ARENA_H

#include "lg.h"

typedef struct lg_arena_block lg_arena_block_t;

struct lg_arena {
	lg_arena_block_t *head;
	size_t block_size;
};

void lg_arena_init(lg_arena_t *a, size_t block_size);
/* NULL on out-of-memory. */
void *lg_arena_alloc(lg_arena_t *a, size_t n);
void *lg_arena_calloc(lg_arena_t *a, size_t n);
char *lg_arena_strndup(lg_arena_t *a, const char *s, size_t n);
char *lg_arena_strdup(lg_arena_t *a, const char *s);
/* Frees every block but the first, which is kept for reuse. */
void lg_arena_reset(lg_arena_t *a);
void lg_arena_destroy(lg_arena_t *a);

#endif
