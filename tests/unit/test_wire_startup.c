/* Unit tests for proxy/wire's startup phase: startup packet framing and
 * decoding (with truncation at every offset into exactly-sized heap copies)
 * and the `options` string. Expected wording from PostgreSQL 15.20. */
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"
#include "proxy/wire.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "wire_test_util.h"

/* ---- helpers ---- */

START_TEST(frame_startup)
{
	uint8_t h[4];
	uint8_t type = 1;
	size_t len;
	lg_error_t err = LG_ERROR_INIT;
	static const struct {
		uint32_t len;
		lg_frame_status_t want;
	} cases[] = {{0, LG_FRAME_BAD},		 {4, LG_FRAME_BAD},	  {7, LG_FRAME_BAD},
		     {8, LG_FRAME_NEED_MORE},	 {10004, LG_FRAME_NEED_MORE}, {10005, LG_FRAME_BAD},
		     {0xffffffffu, LG_FRAME_BAD}, {0x80000008u, LG_FRAME_BAD}};
	for (size_t i = 0; i < LG_ARRAY_LEN(cases); i++) {
		uint32_t v = cases[i].len;
		h[0] = (uint8_t)(v >> 24);
		h[1] = (uint8_t)(v >> 16);
		h[2] = (uint8_t)(v >> 8);
		h[3] = (uint8_t)v;
		ck_assert_int_eq(lg_wire_frame(h, 4, true, 0, &type, &len, &err), cases[i].want);
		if (cases[i].want == LG_FRAME_BAD)
			assert_err(&err, "08P01", "invalid length of startup packet");
		else
			ck_assert_uint_eq(len, v);
		ck_assert_int_eq(type, 0);
	}
	ck_assert_int_eq(lg_wire_frame(h, 3, true, 0, &type, &len, &err), LG_FRAME_NEED_MORE);
	ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(startup_truncation_at_every_offset)
{
	static const uint8_t st[] = {0, 3, 0, 0, 'u', 's', 'e', 'r', 0, 'b', 'o', 'b', 0,
				     'd', 'a', 't', 'a', 'b', 'a', 's', 'e', 0, 'd', 0, 0};
	static const uint8_t cancel[] = {0x04, 0xd2, 0x16, 0x2e, 0, 0, 0, 7, 0, 0, 0, 9};
	const struct {
		const uint8_t *p;
		size_t n;
	} cases[] = {{st, sizeof(st)}, {cancel, sizeof(cancel)}};
	lg_error_t err = LG_ERROR_INIT;
	lg_fe_startup_t s;
	for (size_t i = 0; i < LG_ARRAY_LEN(cases); i++) {
		for (size_t k = 0; k <= cases[i].n; k++) {
			uint8_t *p = dup_exact(cases[i].p, k);
			int rc = lg_wire_decode_startup(p, k, &s, &err);
			ck_assert_int_eq(rc, k == cases[i].n ? 0 : -1);
			ck_assert(err.set == (rc != 0));
			lg_error_clear(&err);
			free(p);
		}
		uint8_t *q = malloc(cases[i].n + 1);
		memcpy(q, cases[i].p, cases[i].n);
		q[cases[i].n] = 0;
		ck_assert_int_eq(lg_wire_decode_startup(q, cases[i].n + 1, &s, &err), -1);
		lg_error_clear(&err);
		free(q);
	}
}
END_TEST

/* ---- startup ---- */

static void startup_body(lg_sb_t *sb, uint32_t proto, const char *const *kv, size_t n)
{
	lg_msg_t m;
	lg_sb_init(sb);
	lg_msg_begin(&m, sb, 'x');
	lg_msg_put_i32(&m, (int32_t)proto);
	for (size_t i = 0; i < n; i++)
		lg_msg_put_cstring(&m, kv[i]);
	lg_msg_put_u8(&m, 0);
	lg_msg_end(&m);
}

/* The last body decode_kv decoded: the result borrows from it. */
static uint8_t *kv_buf;

static void kv_free(void)
{
	free(kv_buf);
	kv_buf = NULL;
}

static int decode_kv(uint32_t proto, const char *const *kv, size_t n, lg_fe_startup_t *out,
		     lg_error_t *err)
{
	lg_sb_t sb;
	startup_body(&sb, proto, kv, n);
	size_t len = sb.len - LG_WIRE_HEADER_LEN;
	kv_free();
	kv_buf = dup_exact(sb.data + LG_WIRE_HEADER_LEN, len);
	lg_sb_free(&sb);
	return lg_wire_decode_startup(kv_buf, len, out, err);
}

START_TEST(startup_normal)
{
	lg_error_t err = LG_ERROR_INIT;
	static lg_fe_startup_t s;
	static const char *const kv[] = {"user",	     "alice",	 "application_name", "psql",
					 "options",	     "-c a=b",	 "client_encoding",  "UTF8",
					 "_pq_.compression", "on",	 "replication",	     "false"};
	ck_assert_int_eq(decode_kv(LG_WIRE_PROTOCOL_3_0, kv, LG_ARRAY_LEN(kv), &s, &err), 0);
	ck_assert_int_eq(s.kind, LG_STARTUP_NORMAL);
	ck_assert_str_eq(s.user, "alice");
	ck_assert_str_eq(s.database, "alice");
	ck_assert_str_eq(s.options, "-c a=b");
	ck_assert_str_eq(s.application_name, "psql");
	ck_assert_str_eq(s.replication, "false");
	ck_assert_int_eq(s.nparams, 2);
	ck_assert_str_eq(s.params[0].name, "application_name");
	ck_assert_str_eq(s.params[1].value, "UTF8");
	ck_assert_int_eq(s.npq_options, 1);
	ck_assert_str_eq(s.pq_options[0], "_pq_.compression");
	ck_assert(s.needs_negotiate);

	/* Later duplicates win; names truncate to 63 bytes; empty database = user. */
	char longname[80];
	memset(longname, 'u', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	const char *kv2[] = {"database", "x", "user", "bob", "user", longname, "database", ""};
	ck_assert_int_eq(decode_kv((3u << 16) | 1, kv2, LG_ARRAY_LEN(kv2), &s, &err), 0);
	ck_assert_uint_eq(strlen(s.user), 63);
	ck_assert_str_eq(s.database, s.user);
	ck_assert(s.needs_negotiate);
	ck_assert_int_eq(s.nparams, 0);
	ck_assert_ptr_null(s.options);
	static const char *const kv3[] = {"user", "u", "database", "db"};
	ck_assert_int_eq(decode_kv(LG_WIRE_PROTOCOL_3_0, kv3, 4, &s, &err), 0);
	ck_assert_str_eq(s.database, "db");
	ck_assert(!s.needs_negotiate);
	kv_free();
}
END_TEST

START_TEST(startup_errors)
{
	lg_error_t err = LG_ERROR_INIT;
	static lg_fe_startup_t s;
	static const char *const user[] = {"user", "u"};
	ck_assert_int_eq(decode_kv(2u << 16, user, 2, &s, &err), -1);
	ck_assert_int_eq(err.severity, LG_SEV_FATAL);
	lg_sb_t sb = LG_SB_INIT;
	lg_wire_error_v2(&sb, &err);
	static const char v2[] =
		"EFATAL:  unsupported frontend protocol 2.0: server supports 3.0 to 3.0\n";
	assert_bytes(&sb, v2, sizeof(v2));
	lg_sb_free(&sb);
	assert_err(&err, "0A000", "unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
	ck_assert_int_eq(decode_kv((4u << 16) | 1, user, 2, &s, &err), -1);
	assert_err(&err, "0A000", "unsupported frontend protocol 4.1: server supports 3.0 to 3.0");
	static const char *const nouser[] = {"database", "d"};
	ck_assert_int_eq(decode_kv(LG_WIRE_PROTOCOL_3_0, nouser, 2, &s, &err), -1);
	ck_assert_int_eq(err.severity, LG_SEV_FATAL);
	assert_err(&err, "28000", "no PostgreSQL user name specified in startup packet");
	static const char *const emptyuser[] = {"user", ""};
	ck_assert_int_eq(decode_kv(LG_WIRE_PROTOCOL_3_0, emptyuser, 2, &s, &err), -1);
	assert_err(&err, "28000", "no PostgreSQL user name specified in startup packet");

	static const char layout[] = "invalid startup packet layout: expected terminator as last byte";
	static const uint8_t noterm[] = {0, 3, 0, 0, 'u', 's', 'e', 'r', 0, 'u', 0};
	static const uint8_t extra[] = {0, 3, 0, 0, 'u', 's', 'e', 'r', 0, 'u', 0, 0, 'x'};
	static const uint8_t noval[] = {0, 3, 0, 0, 'u', 's', 'e', 'r', 0};
	static const uint8_t bare[] = {0, 3, 0, 0};
	const struct {
		const uint8_t *p;
		size_t n;
	} bad[] = {{noterm, sizeof(noterm)}, {extra, sizeof(extra)}, {noval, sizeof(noval)},
		   {bare, sizeof(bare)}};
	for (size_t i = 0; i < LG_ARRAY_LEN(bad); i++) {
		ck_assert_int_eq(lg_wire_decode_startup(bad[i].p, bad[i].n, &s, &err), -1);
		assert_err(&err, "08P01", layout);
	}

	/* More pairs than we keep. */
	static const char *many[2 * (LG_WIRE_STARTUP_MAX_PARAMS + 2)];
	many[0] = "user";
	many[1] = "u";
	for (size_t i = 2; i < LG_ARRAY_LEN(many); i += 2) {
		many[i] = "x";
		many[i + 1] = "y";
	}
	ck_assert_int_eq(decode_kv(LG_WIRE_PROTOCOL_3_0, many, LG_ARRAY_LEN(many) - 2, &s, &err), 0);
	ck_assert_int_eq(s.nparams, LG_WIRE_STARTUP_MAX_PARAMS);
	ck_assert_int_eq(decode_kv(LG_WIRE_PROTOCOL_3_0, many, LG_ARRAY_LEN(many), &s, &err), -1);
	assert_err(&err, "54000", "too many parameters in startup packet");
	kv_free();
}
END_TEST

START_TEST(startup_special_requests)
{
	lg_error_t err = LG_ERROR_INIT;
	lg_fe_startup_t s;
	static const uint8_t cancel[] = {0x04, 0xd2, 0x16, 0x2e, 0x80, 0, 0, 1, 0, 0, 0, 9};
	ck_assert_int_eq(lg_wire_decode_startup(cancel, sizeof(cancel), &s, &err), 0);
	ck_assert_int_eq(s.kind, LG_STARTUP_CANCEL);
	ck_assert_int_eq(s.cancel_pid, (int32_t)0x80000001u);
	ck_assert_int_eq(s.cancel_key, 9);
	static const uint8_t cancel_long[] = {0x04, 0xd2, 0x16, 0x2e, 0, 0, 0, 1, 0, 0, 0, 9, 0};
	ck_assert_int_eq(lg_wire_decode_startup(cancel_long, sizeof(cancel_long), &s, &err), -1);
	assert_err(&err, "08P01", "invalid length of startup packet");
	static const uint8_t ssl[] = {0x04, 0xd2, 0x16, 0x2f};
	ck_assert_int_eq(lg_wire_decode_startup(ssl, sizeof(ssl), &s, &err), 0);
	ck_assert_int_eq(s.kind, LG_STARTUP_SSL);
	static const uint8_t ssl_extra[] = {0x04, 0xd2, 0x16, 0x2f, 0, 0, 0, 0};
	ck_assert_int_eq(lg_wire_decode_startup(ssl_extra, sizeof(ssl_extra), &s, &err), 0);
	ck_assert_int_eq(s.kind, LG_STARTUP_SSL); /* PG answers these too */
	static const uint8_t gss[] = {0x04, 0xd2, 0x16, 0x30};
	ck_assert_int_eq(lg_wire_decode_startup(gss, sizeof(gss), &s, &err), 0);
	ck_assert_int_eq(s.kind, LG_STARTUP_GSSENC);
}
END_TEST

/* ---- options ---- */

static int collect(void *ctx, const char *name, const char *value, lg_error_t *err)
{
	LG_UNUSED(err);
	lg_sb_appendf(ctx, "[%s=%s]", name, value);
	return 0;
}

START_TEST(options_split_like_pg)
{
	static const struct {
		const char *in, *out;
	} ok[] = {
		{"-c application_name=x", "[application_name=x]"},
		{"-capplication_name=y", "[application_name=y]"},
		{"--application-name=z", "[application_name=z]"},
		{"--application_name=a\\ b", "[application_name=a b]"},
		{" -c search_path=a,b\t-c  work_mem=5MB ", "[search_path=a,b][work_mem=5MB]"},
		{"-c a.b-c=1=2", "[a.b_c=1=2]"},
		{"-c x=\\\\y\\", "[x=\\y]"},
		{"-c x=", "[x=]"},
		{"--", ""},
		{"  ", ""},
		{"", ""},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(ok); i++) {
		lg_sb_t sb = LG_SB_INIT;
		lg_error_t err = LG_ERROR_INIT;
		lg_sb_append(&sb, "");
		ck_assert_msg(lg_wire_parse_options(ok[i].in, collect, &sb, &err) == 0, "%s: %s",
			      ok[i].in, err.message);
		ck_assert_str_eq(sb.data, ok[i].out);
		lg_sb_free(&sb);
	}
	static const struct {
		const char *in, *code, *msg;
	} bad[] = {
		{"-c", "42601", "invalid command-line argument for server process: -c"},
		{"-c foo", "42601", "-c foo requires a value"},
		{"-c application_name", "42601", "-c application_name requires a value"},
		{"--foo", "42601", "--foo requires a value"},
		{"-z", "42601", "invalid command-line argument for server process: -z"},
		{"foo", "42601", "invalid command-line argument for server process: foo"},
		{"-", "42601", "invalid command-line argument for server process: -"},
		{"-- foo", "42601", "invalid command-line argument for server process: foo"},
		{"-cwork_mem=1MB x", "42601", "invalid command-line argument for server process: x"},
		{"-e", "0A000", "command-line option \"-e\" in the startup options is not supported"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(bad); i++) {
		lg_sb_t sb = LG_SB_INIT;
		lg_error_t err = LG_ERROR_INIT;
		ck_assert_int_eq(lg_wire_parse_options(bad[i].in, collect, &sb, &err), -1);
		ck_assert_int_eq(err.severity, LG_SEV_FATAL);
		if (strncmp(bad[i].msg, "invalid", 7) == 0)
			ck_assert_str_eq(lg_error_get(&err, LG_ERRF_HINT),
					 "Try \"postgres --help\" for more information.");
		assert_err(&err, bad[i].code, bad[i].msg);
		lg_sb_free(&sb);
	}
}
END_TEST

static int stop_at_second(void *ctx, const char *name, const char *value, lg_error_t *err)
{
	LG_UNUSED(name);
	LG_UNUSED(value);
	int *calls = ctx;
	if (++*calls == 2)
		return lg_error_set(err, LG_SQLSTATE_UNDEFINED_OBJECT, "unrecognized");
	return 0;
}

START_TEST(options_callback_stops)
{
	lg_error_t err = LG_ERROR_INIT;
	int calls = 0;
	ck_assert_int_eq(lg_wire_parse_options("-c a=1 -c b=2 -c c=3", stop_at_second, &calls, &err),
			 -1);
	ck_assert_int_eq(calls, 2);
	assert_err(&err, "42704", "unrecognized");
	ck_assert_int_eq(lg_wire_parse_options(NULL, stop_at_second, &calls, &err), 0);
}
END_TEST

START_TEST(options_out_of_memory)
{
	for (long n = 0; n < 20; n++) {
		lg_error_t err = LG_ERROR_INIT;
		lg_sb_t sb = LG_SB_INIT;
		lg_mem_fail_after(n);
		int rc = lg_wire_parse_options("-c a=1 --b-c=2 -c x=yyyyyyyyyyyy", collect, &sb, &err);
		lg_mem_fail_after(-1);
		if (rc != 0)
			ck_assert(err.set);
		lg_error_clear(&err);
		lg_sb_free(&sb);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("wire_startup");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, frame_startup);
	tcase_add_test(tc, startup_truncation_at_every_offset);
	tcase_add_test(tc, startup_normal);
	tcase_add_test(tc, startup_errors);
	tcase_add_test(tc, startup_special_requests);
	tcase_add_test(tc, options_split_like_pg);
	tcase_add_test(tc, options_callback_stops);
	tcase_add_test(tc, options_out_of_memory);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
