/* Allocation wrappers. Every allocation in litegres goes through these so that
 * tests can make the n-th allocation fail (lg_mem_fail_after) and prove that
 * out-of-memory is an error, not a crash. Callers own what they get. */
#ifndef LG_MEM_H
#define LG_MEM_H

#include "lg.h"

void *lg_malloc(size_t n);
void *lg_calloc(size_t count, size_t size);
void *lg_realloc(void *p, size_t n);
char *lg_strdup(const char *s);
char *lg_strndup(const char *s, size_t n);
void lg_free(void *p);

/* Test hook: the allocation after `n` more successful ones fails; -1 disables. */
void lg_mem_fail_after(long n);
/* Number of allocations that failed because of lg_mem_fail_after. */
long lg_mem_injected_failures(void);

#endif
