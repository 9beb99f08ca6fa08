#include "mem.h"

#include <stdlib.h>
#include <string.h>

static long fail_countdown = -1;
static long injected;

static bool should_fail(void)
{
	if (LG_LIKELY(fail_countdown < 0))
		return false;
	if (fail_countdown == 0) {
		injected++;
		return true;
	}
	fail_countdown--;
	return false;
}

void lg_mem_fail_after(long n)
{
	fail_countdown = n;
	injected = 0;
}

long lg_mem_injected_failures(void)
{
	return injected;
}

void *lg_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	return malloc(n ? n : 1);
}

void *lg_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *lg_realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

char *lg_strndup(const char *s, size_t n)
{
	char *d = lg_malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *lg_strdup(const char *s)
{
	return lg_strndup(s, strlen(s));
}

void lg_free(void *p)
{
	free(p);
}
