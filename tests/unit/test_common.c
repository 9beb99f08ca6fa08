/* Unit tests for common/: string builder, arena, error type, SQLSTATEs. */
#include "common/arena.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

START_TEST(strbuf_appends_and_quotes)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_append(&sb, "a");
	lg_sb_appendf(&sb, "%d-%s", 42, "x");
	lg_sb_append_ident(&sb, "we\"ird");
	lg_sb_append_literal(&sb, "it's", 4);
	ck_assert(!sb.failed);
	ck_assert_str_eq(sb.data, "a42-x\"we\"\"ird\"'it''s'");
	lg_sb_truncate(&sb, 1);
	ck_assert_str_eq(sb.data, "a");
	char *s = lg_sb_detach(&sb);
	ck_assert_str_eq(s, "a");
	lg_free(s);
}
END_TEST

START_TEST(strbuf_long_format_grows)
{
	lg_sb_t sb = LG_SB_INIT;
	char big[1000];
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	lg_sb_appendf(&sb, "<%s>", big);
	ck_assert_uint_eq(sb.len, 1001);
	ck_assert_int_eq(sb.data[1000], '>');
	lg_sb_free(&sb);
}
END_TEST

START_TEST(strbuf_failure_is_sticky)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_mem_fail_after(0);
	lg_sb_append(&sb, "x");
	lg_mem_fail_after(-1);
	ck_assert(sb.failed);
	lg_sb_append(&sb, "y");
	ck_assert(sb.failed);
	ck_assert_ptr_null(lg_sb_detach(&sb));
}
END_TEST

START_TEST(arena_aligns_and_resets)
{
	lg_arena_t a;
	lg_arena_init(&a, 128);
	for (int i = 0; i < 100; i++) {
		char *p = lg_arena_alloc(&a, (size_t)i + 1);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq((uintptr_t)p % 16, 0);
		memset(p, 'q', (size_t)i + 1);
	}
	char *big = lg_arena_alloc(&a, 10000);
	ck_assert_ptr_nonnull(big);
	memset(big, 0, 10000);
	ck_assert_str_eq(lg_arena_strdup(&a, "hello"), "hello");
	lg_arena_reset(&a);
	ck_assert_ptr_nonnull(lg_arena_calloc(&a, 64));
	lg_arena_destroy(&a);
}
END_TEST

START_TEST(error_keeps_first)
{
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_int_eq(lg_error_set(&err, LG_SQLSTATE_UNIQUE_VIOLATION, "dup %s", "key"), -1);
	lg_error_set(&err, LG_SQLSTATE_SYNTAX_ERROR, "second");
	lg_error_field(&err, LG_ERRF_DETAIL, "Key (email)=(%s) already exists.", "a@b.c");
	ck_assert_str_eq(err.message, "dup key");
	ck_assert_str_eq(lg_sqlstate_code(err.sqlstate), "23505");
	ck_assert_str_eq(lg_error_get(&err, LG_ERRF_DETAIL), "Key (email)=(a@b.c) already exists.");
	lg_error_clear(&err);
	ck_assert(!err.set);
	ck_assert_str_eq(lg_sqlstate_code(LG_SQLSTATE_IN_FAILED_SQL_TRANSACTION), "25P02");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("common");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, strbuf_appends_and_quotes);
	tcase_add_test(tc, strbuf_long_format_grows);
	tcase_add_test(tc, strbuf_failure_is_sticky);
	tcase_add_test(tc, arena_aligns_and_resets);
	tcase_add_test(tc, error_keeps_first);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
