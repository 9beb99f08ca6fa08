/* Helpers shared by the wire unit tests (test_wire.c, test_wire_startup.c).
 * Included by those test programs only; each uses all of them. */
#ifndef LG_WIRE_TEST_UTIL_H
#define LG_WIRE_TEST_UTIL_H

#include "common/error.h"
#include "common/strbuf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* An exactly-sized heap copy: reading one byte past it trips ASan. */
static inline uint8_t *dup_exact(const void *p, size_t n)
{
	uint8_t *q = malloc(n ? n : 1);
	ck_assert_ptr_nonnull(q);
	if (n)
		memcpy(q, p, n);
	return q;
}

/* err holds SQLSTATE `code` and message `msg`; cleared afterwards. */
static inline void assert_err(lg_error_t *err, const char *code, const char *msg)
{
	ck_assert(err->set);
	ck_assert_str_eq(lg_sqlstate_code(err->sqlstate), code);
	ck_assert_str_eq(lg_error_message(err), msg);
	lg_error_clear(err);
}

static inline void assert_bytes(const lg_sb_t *sb, const void *want, size_t n)
{
	ck_assert(!sb->failed);
	ck_assert_uint_eq(sb->len, n);
	ck_assert_mem_eq(sb->data, want, n);
}

#endif
