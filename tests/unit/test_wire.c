/* Unit tests for proxy/wire: framing, startup, frontend decoders (with
 * truncation at every offset into exactly-sized heap copies, so ASan sees any
 * over-read) and backend messages against golden bytes. The startup packet
 * and its options are in test_wire_startup.c.
 * Expected wording and golden bytes were taken from PostgreSQL 15.20. */
#include "common/arena.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"
#include "proxy/wire.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "wire_test_util.h"

/* ---- helpers ---- */

/* Builds a frontend message body with the backend builder (generic format);
 * returns the body (after the 5-byte header) in a fresh sb. */
typedef struct body {
	lg_sb_t sb;
	lg_msg_t m;
} body_t;

static void body_begin(body_t *b)
{
	lg_sb_init(&b->sb);
	lg_msg_begin(&b->m, &b->sb, 'x');
}

static const uint8_t *body_bytes(body_t *b, size_t *len)
{
	lg_msg_end(&b->m);
	ck_assert(!b->sb.failed);
	*len = b->sb.len - LG_WIRE_HEADER_LEN;
	return (const uint8_t *)b->sb.data + LG_WIRE_HEADER_LEN;
}

/* ---- cursor and framing ---- */

START_TEST(cursor_getters_are_bounded)
{
	static const uint8_t b[] = {0x01, 0xff, 0xfe, 0x80, 0, 0, 1, 'a', 'b', 0, 'z'};
	uint8_t *p = dup_exact(b, sizeof(b));
	lg_cursor_t c;
	uint8_t u8;
	int16_t i16;
	int32_t i32;
	const char *s;
	size_t n;
	const uint8_t *bytes;
	lg_cur_init(&c, p, sizeof(b));
	ck_assert(lg_cur_u8(&c, &u8) && u8 == 1);
	ck_assert(lg_cur_i16(&c, &i16) && i16 == -2);
	ck_assert(lg_cur_i32(&c, &i32) && i32 == (int32_t)0x80000001u);
	ck_assert(lg_cur_cstring(&c, &s, &n) && n == 2 && strcmp(s, "ab") == 0);
	ck_assert(!lg_cur_cstring(&c, &s, &n)); /* "z" without NUL */
	ck_assert(!lg_cur_i16(&c, &i16));
	ck_assert(!lg_cur_i32(&c, &i32));
	ck_assert(!lg_cur_bytes(&c, 2, &bytes));
	ck_assert_uint_eq(c.left, 1);
	ck_assert(lg_cur_bytes(&c, 1, &bytes) && bytes[0] == 'z');
	ck_assert(!lg_cur_u8(&c, &u8));
	ck_assert(lg_cur_bytes(&c, 0, &bytes));
	ck_assert(!lg_cur_cstring(&c, &s, NULL));
	free(p);
}
END_TEST

START_TEST(frame_regular)
{
	uint8_t msg[] = {'Q', 0, 0, 0, 9, 's', 'e', 'l', 0};
	uint8_t type;
	size_t len;
	lg_error_t err = LG_ERROR_INIT;
	for (size_t k = 0; k < sizeof(msg); k++) {
		uint8_t *p = dup_exact(msg, k);
		ck_assert_int_eq(lg_wire_frame(p, k, false, 100, &type, &len, &err), LG_FRAME_NEED_MORE);
		ck_assert_uint_eq(len, k < 5 ? 0 : 10);
		free(p);
	}
	msg[4] = 8; /* length 8: 9 bytes total, one left over */
	ck_assert_int_eq(lg_wire_frame(msg, sizeof(msg), false, 100, &type, &len, &err), LG_FRAME_OK);
	ck_assert_uint_eq(len, 9);
	ck_assert_int_eq(type, 'Q');
	/* Exactly at the limit is fine; one more is not. */
	ck_assert_int_eq(lg_wire_frame(msg, 5, false, 8, &type, &len, &err), LG_FRAME_NEED_MORE);
	ck_assert_int_eq(lg_wire_frame(msg, 5, false, 7, &type, &len, &err), LG_FRAME_BAD);
	assert_err(&err, "08P01", "invalid message length");
	static const uint32_t bad[] = {0, 3, 0x80000000u, 0xffffffffu, 0x7fffffffu};
	for (size_t i = 0; i < LG_ARRAY_LEN(bad); i++) {
		uint8_t h[5] = {'S', (uint8_t)(bad[i] >> 24), (uint8_t)(bad[i] >> 16),
				(uint8_t)(bad[i] >> 8), (uint8_t)bad[i]};
		ck_assert_int_eq(lg_wire_frame(h, 5, false, LG_WIRE_DEFAULT_MAX_MESSAGE, &type, &len,
					       &err),
				 LG_FRAME_BAD);
		assert_err(&err, "08P01", "invalid message length");
	}
	/* Sync: length 4, no body. */
	uint8_t sync[] = {'S', 0, 0, 0, 4};
	ck_assert_int_eq(lg_wire_frame(sync, 5, false, 4, &type, &len, &err), LG_FRAME_OK);
	ck_assert_uint_eq(len, 5);
}
END_TEST

START_TEST(frame_limits_per_type)
{
	ck_assert_uint_eq(lg_wire_fe_max_len(LG_FE_QUERY, 1234), 1234);
	ck_assert_uint_eq(lg_wire_fe_max_len(LG_FE_BIND, 1234), 1234);
	ck_assert_uint_eq(lg_wire_fe_max_len(LG_FE_COPY_DATA, 1234), 1234);
	ck_assert_uint_eq(lg_wire_fe_max_len(LG_FE_SYNC, 1234), LG_WIRE_SMALL_MESSAGE_MAX);
	ck_assert_uint_eq(lg_wire_fe_max_len(LG_FE_EXECUTE, 1234), LG_WIRE_SMALL_MESSAGE_MAX);
	ck_assert_uint_eq(lg_wire_fe_max_len(LG_FE_PASSWORD, 1234), 0);
	ck_assert_uint_eq(lg_wire_fe_max_len('Y', 1234), 0);
}
END_TEST

/* ---- frontend messages: round trips and PG's errors ---- */

START_TEST(query_and_simple_messages)
{
	lg_error_t err = LG_ERROR_INIT;
	lg_fe_query_t q;
	static const uint8_t sel[] = "select 1";
	ck_assert_int_eq(lg_wire_decode_query(sel, sizeof(sel), &q, &err), 0);
	ck_assert_str_eq(q.sql, "select 1");
	ck_assert_uint_eq(q.sql_len, 8);
	ck_assert_int_eq(lg_wire_decode_query(sel, 8, &q, &err), -1);
	assert_err(&err, "08P01", "invalid string in message");
	static const uint8_t trail[] = "select 1\0x";
	ck_assert_int_eq(lg_wire_decode_query(trail, 10, &q, &err), -1);
	assert_err(&err, "08P01", "invalid message format");

	ck_assert_int_eq(lg_wire_decode_empty(sel, 0, &err), 0);
	ck_assert_int_eq(lg_wire_decode_empty(sel, 1, &err), -1);
	assert_err(&err, "08P01", "invalid message format");

	lg_fe_execute_t e;
	static const uint8_t ex[] = {'p', 0, 0, 0, 0, 10};
	ck_assert_int_eq(lg_wire_decode_execute(ex, sizeof(ex), &e, &err), 0);
	ck_assert_str_eq(e.portal, "p");
	ck_assert_int_eq(e.max_rows, 10);
	ck_assert_int_eq(lg_wire_decode_execute(ex, 5, &e, &err), -1);
	assert_err(&err, "08P01", "insufficient data left in message");

	lg_fe_describe_t d;
	static const uint8_t ds[] = "Sstmt";
	ck_assert_int_eq(lg_wire_decode_describe(ds, sizeof(ds), &d, &err), 0);
	ck_assert_int_eq(d.kind, 'S');
	ck_assert_str_eq(d.name, "stmt");
	static const uint8_t dx[] = "X";
	ck_assert_int_eq(lg_wire_decode_describe(dx, sizeof(dx), &d, &err), -1);
	assert_err(&err, "08P01", "invalid DESCRIBE message subtype 88");
	static const uint8_t dxj[] = "X\0junk";
	ck_assert_int_eq(lg_wire_decode_describe(dxj, sizeof(dxj) - 1, &d, &err), -1);
	assert_err(&err, "08P01", "invalid message format"); /* end checked first, as PG */
	ck_assert_int_eq(lg_wire_decode_describe(ds, 0, &d, &err), -1);
	assert_err(&err, "08P01", "no data left in message");
	ck_assert_int_eq(lg_wire_decode_close(ds, 0, &d, &err), -1);
	assert_err(&err, "08P01", "no data left in message");
	static const uint8_t cp[] = "P";
	ck_assert_int_eq(lg_wire_decode_close(cp, sizeof(cp), &d, &err), 0);
	ck_assert_int_eq(d.kind, 'P');
	ck_assert_str_eq(d.name, "");
	static const uint8_t cy[] = "Y";
	ck_assert_int_eq(lg_wire_decode_close(cy, sizeof(cy), &d, &err), -1);
	assert_err(&err, "08P01", "invalid CLOSE message subtype 89");

	lg_fe_password_t pw;
	static const uint8_t pwd[] = "secret";
	ck_assert_int_eq(lg_wire_decode_password(pwd, sizeof(pwd), &pw, &err), 0);
	ck_assert_str_eq(pw.password, "secret");
	ck_assert_uint_eq(pw.len, 6);
	static const uint8_t pw2[] = "a\0b";
	ck_assert_int_eq(lg_wire_decode_password(pw2, sizeof(pw2), &pw, &err), -1);
	assert_err(&err, "08P01", "invalid password packet size");
	ck_assert_int_eq(lg_wire_decode_password(pwd, 0, &pw, &err), -1);
	assert_err(&err, "08P01", "invalid password packet size");

	const char *msg;
	static const uint8_t cf[] = "boom\0ignored";
	ck_assert_int_eq(lg_wire_decode_copy_fail(cf, sizeof(cf) - 1, &msg, &err), 0);
	ck_assert_str_eq(msg, "boom");
}
END_TEST

START_TEST(sasl_initial)
{
	lg_error_t err = LG_ERROR_INIT;
	lg_fe_sasl_initial_t s;
	body_t b;
	size_t n;
	body_begin(&b);
	lg_msg_put_cstring(&b.m, "SCRAM-SHA-256");
	lg_msg_put_i32(&b.m, 3);
	lg_msg_put_bytes(&b.m, "n,,", 3);
	const uint8_t *p = body_bytes(&b, &n);
	ck_assert_int_eq(lg_wire_decode_sasl_initial(p, n, &s, &err), 0);
	ck_assert_str_eq(s.mechanism, "SCRAM-SHA-256");
	ck_assert_int_eq(s.len, 3);
	ck_assert_mem_eq(s.data, "n,,", 3);
	lg_sb_free(&b.sb);

	body_begin(&b);
	lg_msg_put_cstring(&b.m, "SCRAM-SHA-256");
	lg_msg_put_i32(&b.m, -1);
	p = body_bytes(&b, &n);
	ck_assert_int_eq(lg_wire_decode_sasl_initial(p, n, &s, &err), 0);
	ck_assert_ptr_null(s.data);
	ck_assert_int_eq(s.len, -1);
	lg_sb_free(&b.sb);

	body_begin(&b);
	lg_msg_put_cstring(&b.m, "SCRAM-SHA-256");
	lg_msg_put_i32(&b.m, -2);
	p = body_bytes(&b, &n);
	ck_assert_int_eq(lg_wire_decode_sasl_initial(p, n, &s, &err), -1);
	assert_err(&err, "08P01", "insufficient data left in message");
	lg_sb_free(&b.sb);
}
END_TEST

START_TEST(parse_round_trip)
{
	lg_arena_t a;
	lg_arena_init(&a, 1024);
	lg_error_t err = LG_ERROR_INIT;
	lg_fe_parse_t p;
	body_t b;
	size_t n;
	body_begin(&b);
	lg_msg_put_cstring(&b.m, "s1");
	lg_msg_put_cstring(&b.m, "select $1, $2");
	lg_msg_put_i16(&b.m, 2);
	lg_msg_put_i32(&b.m, 23);
	lg_msg_put_i32(&b.m, (int32_t)0xfffffff0u);
	const uint8_t *bytes = body_bytes(&b, &n);
	ck_assert_int_eq(lg_wire_decode_parse(bytes, n, &a, &p, &err), 0);
	ck_assert_str_eq(p.name, "s1");
	ck_assert_str_eq(p.query, "select $1, $2");
	ck_assert_uint_eq(p.query_len, 13);
	ck_assert_int_eq(p.nparams, 2);
	ck_assert_uint_eq(p.param_types[0], 23);
	ck_assert_uint_eq(p.param_types[1], 0xfffffff0u);
	lg_sb_free(&b.sb);

	/* 65535 parameter types announced, none sent: no allocation, short. */
	static const uint8_t many[] = {0, 's', 0, 0xff, 0xff, 0, 0, 0, 23};
	ck_assert_int_eq(lg_wire_decode_parse(many, sizeof(many), &a, &p, &err), -1);
	assert_err(&err, "08P01", "insufficient data left in message");
	static const uint8_t none[] = {0, 's', 0, 0, 0};
	ck_assert_int_eq(lg_wire_decode_parse(none, sizeof(none), &a, &p, &err), 0);
	ck_assert_int_eq(p.nparams, 0);
	ck_assert_ptr_null(p.param_types);
	lg_arena_destroy(&a);
}
END_TEST

/* Bind "p"/"s": formats [1], params 'ab', NULL, '', result formats [0, 1]. */
static const uint8_t *bind_body(body_t *b, size_t *n)
{
	body_begin(b);
	lg_msg_put_cstring(&b->m, "p");
	lg_msg_put_cstring(&b->m, "s");
	lg_msg_put_i16(&b->m, 1);
	lg_msg_put_i16(&b->m, 1);
	lg_msg_put_i16(&b->m, 3);
	lg_msg_put_i32(&b->m, 2);
	lg_msg_put_bytes(&b->m, "ab", 2);
	lg_msg_put_i32(&b->m, -1);
	lg_msg_put_i32(&b->m, 0);
	lg_msg_put_i16(&b->m, 2);
	lg_msg_put_i16(&b->m, 0);
	lg_msg_put_i16(&b->m, 1);
	return body_bytes(b, n);
}

START_TEST(bind_round_trip)
{
	lg_arena_t a;
	lg_arena_init(&a, 1024);
	lg_error_t err = LG_ERROR_INIT;
	lg_fe_bind_t bd;
	body_t b;
	size_t n;
	const uint8_t *bytes = bind_body(&b, &n);
	ck_assert_int_eq(lg_wire_decode_bind(bytes, n, &a, &bd, &err), 0);
	ck_assert_str_eq(bd.portal, "p");
	ck_assert_str_eq(bd.stmt, "s");
	ck_assert_int_eq(bd.nformats, 1);
	ck_assert_int_eq(bd.nparams, 3);
	ck_assert_int_eq(bd.params[0].len, 2);
	ck_assert_mem_eq(bd.params[0].data, "ab", 2);
	ck_assert_int_eq(bd.params[1].len, -1);
	ck_assert_ptr_null(bd.params[1].data);
	ck_assert_int_eq(bd.params[2].len, 0);
	ck_assert_ptr_nonnull(bd.params[2].data);
	ck_assert_int_eq(bd.nresult_formats, 2);
	ck_assert_int_eq(lg_wire_bind_param_format(&bd, 2), 1);
	ck_assert_int_eq(lg_wire_bind_result_format(&bd, 0), 0);
	ck_assert_int_eq(lg_wire_bind_result_format(&bd, 1), 1);
	ck_assert_int_eq(lg_wire_check_result_formats(&bd, 2, &err), 0);
	ck_assert_int_eq(lg_wire_check_result_formats(&bd, 3, &err), -1);
	assert_err(&err, "08P01", "bind message has 2 result formats but query has 3 columns");
	lg_sb_free(&b.sb);

	/* Empty bind: everything zero, nothing allocated. */
	static const uint8_t empty[] = {0, 0, 0, 0, 0, 0, 0, 0};
	ck_assert_int_eq(lg_wire_decode_bind(empty, sizeof(empty), &a, &bd, &err), 0);
	ck_assert_int_eq(bd.nparams + bd.nformats + bd.nresult_formats, 0);
	ck_assert_ptr_null(bd.params);
	ck_assert_int_eq(lg_wire_bind_param_format(&bd, 0), 0);
	ck_assert_int_eq(lg_wire_bind_result_format(&bd, 5), 0);
	ck_assert_int_eq(lg_wire_check_result_formats(&bd, 7, &err), 0);
	lg_arena_destroy(&a);
}
END_TEST

START_TEST(bind_errors_match_pg)
{
	lg_arena_t a;
	lg_arena_init(&a, 1024);
	lg_error_t err = LG_ERROR_INIT;
	lg_fe_bind_t bd;
	/* 3 formats, 2 params. */
	static const uint8_t mism[] = {0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 2};
	ck_assert_int_eq(lg_wire_decode_bind(mism, sizeof(mism), &a, &bd, &err), -1);
	assert_err(&err, "08P01", "bind message has 3 parameter formats but 2 parameters");
	/* Length -2 for the first value of the unnamed portal. */
	static const uint8_t neg[] = {0, 0, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xfe, 0, 0};
	ck_assert_int_eq(lg_wire_decode_bind(neg, sizeof(neg), &a, &bd, &err), -1);
	ck_assert_str_eq(lg_error_get(&err, LG_ERRF_WHERE), "unnamed portal parameter $1");
	assert_err(&err, "08P01", "insufficient data left in message");
	/* Portal "pp", second value claims 5 bytes, has 1. */
	static const uint8_t shortv[] = {'p', 'p', 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, '1', 0, 0, 0, 5, '2'};
	ck_assert_int_eq(lg_wire_decode_bind(shortv, sizeof(shortv), &a, &bd, &err), -1);
	ck_assert_str_eq(lg_error_get(&err, LG_ERRF_WHERE), "portal \"pp\" parameter $2");
	assert_err(&err, "08P01", "insufficient data left in message");
	/* Huge value length. */
	static const uint8_t huge[] = {0, 0, 0, 0, 0, 1, 0x7f, 0xff, 0xff, 0xff, 0, 0};
	ck_assert_int_eq(lg_wire_decode_bind(huge, sizeof(huge), &a, &bd, &err), -1);
	assert_err(&err, "08P01", "insufficient data left in message");
	/* 65535 formats / params announced with nothing behind them. */
	static const uint8_t manyf[] = {0, 0, 0xff, 0xff, 0, 0};
	ck_assert_int_eq(lg_wire_decode_bind(manyf, sizeof(manyf), &a, &bd, &err), -1);
	assert_err(&err, "08P01", "insufficient data left in message");
	static const uint8_t manyp[] = {0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0};
	ck_assert_int_eq(lg_wire_decode_bind(manyp, sizeof(manyp), &a, &bd, &err), -1);
	assert_err(&err, "08P01", "insufficient data left in message");
	/* Unknown format codes are kept; checked later with PG's 22023. */
	static const uint8_t fmt7[] = {0, 0, 0, 1, 0, 7, 0, 0, 0, 1, 0, 9};
	ck_assert_int_eq(lg_wire_decode_bind(fmt7, sizeof(fmt7), &a, &bd, &err), 0);
	ck_assert_int_eq(lg_wire_bind_param_format(&bd, 0), 7);
	ck_assert_int_eq(lg_wire_check_format(lg_wire_bind_param_format(&bd, 0), &err), -1);
	assert_err(&err, "22023", "unsupported format code: 7");
	ck_assert_int_eq(lg_wire_check_format(lg_wire_bind_result_format(&bd, 3), &err), -1);
	assert_err(&err, "22023", "unsupported format code: 9");
	ck_assert_int_eq(lg_wire_check_format(-1, &err), -1);
	assert_err(&err, "22023", "unsupported format code: -1");
	ck_assert_int_eq(lg_wire_check_format(1, &err), 0);
	/* Trailing garbage. */
	static const uint8_t trail[] = {0, 0, 0, 0, 0, 0, 0, 0, 'x'};
	ck_assert_int_eq(lg_wire_decode_bind(trail, sizeof(trail), &a, &bd, &err), -1);
	assert_err(&err, "08P01", "invalid message format");
	lg_arena_destroy(&a);
}
END_TEST

/* Every decoder on every strict prefix of a valid body (must fail without
 * reading past it), on the body itself (ok) and with a byte appended. */
typedef int (*decode_fn)(const uint8_t *, size_t, lg_arena_t *, lg_error_t *);

static int d_query(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	lg_fe_query_t o;
	LG_UNUSED(a);
	return lg_wire_decode_query(p, n, &o, e);
}
static int d_parse(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	lg_fe_parse_t o;
	return lg_wire_decode_parse(p, n, a, &o, e);
}
static int d_bind(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	lg_fe_bind_t o;
	return lg_wire_decode_bind(p, n, a, &o, e);
}
static int d_describe(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	lg_fe_describe_t o;
	LG_UNUSED(a);
	return lg_wire_decode_describe(p, n, &o, e);
}
static int d_close(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	lg_fe_close_t o;
	LG_UNUSED(a);
	return lg_wire_decode_close(p, n, &o, e);
}
static int d_execute(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	lg_fe_execute_t o;
	LG_UNUSED(a);
	return lg_wire_decode_execute(p, n, &o, e);
}
static int d_password(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	lg_fe_password_t o;
	LG_UNUSED(a);
	return lg_wire_decode_password(p, n, &o, e);
}
static int d_sasl(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	lg_fe_sasl_initial_t o;
	LG_UNUSED(a);
	return lg_wire_decode_sasl_initial(p, n, &o, e);
}
static int d_copy_fail(const uint8_t *p, size_t n, lg_arena_t *a, lg_error_t *e)
{
	const char *m;
	LG_UNUSED(a);
	return lg_wire_decode_copy_fail(p, n, &m, e);
}

static void check_prefixes(decode_fn fn, const uint8_t *body, size_t n, bool trailing_rejected)
{
	lg_arena_t a;
	lg_arena_init(&a, 256);
	lg_error_t err = LG_ERROR_INIT;
	for (size_t k = 0; k < n; k++) {
		uint8_t *p = dup_exact(body, k);
		ck_assert_msg(fn(p, k, &a, &err) == -1, "prefix %zu of %zu accepted", k, n);
		ck_assert(err.set);
		lg_error_clear(&err);
		free(p);
	}
	uint8_t *p = dup_exact(body, n);
	ck_assert_int_eq(fn(p, n, &a, &err), 0);
	ck_assert(!err.set);
	free(p);
	uint8_t *q = malloc(n + 1);
	memcpy(q, body, n);
	q[n] = 0;
	ck_assert_int_eq(fn(q, n + 1, &a, &err), trailing_rejected ? -1 : 0);
	lg_error_clear(&err);
	free(q);
	lg_arena_destroy(&a);
}

START_TEST(truncation_at_every_offset)
{
	body_t b;
	size_t n;
	const uint8_t *p;
	static const uint8_t q[] = "select 1";
	check_prefixes(d_query, q, sizeof(q), true);
	static const uint8_t parse[] = {'s', 0, 'q', 0, 0, 2, 0, 0, 0, 23, 0, 0, 0, 25};
	check_prefixes(d_parse, parse, sizeof(parse), true);
	p = bind_body(&b, &n);
	check_prefixes(d_bind, p, n, true);
	lg_sb_free(&b.sb);
	static const uint8_t ds[] = "Sname";
	check_prefixes(d_describe, ds, sizeof(ds), true);
	check_prefixes(d_close, ds, sizeof(ds), true);
	static const uint8_t ex[] = {'p', 0, 0, 0, 0, 0};
	check_prefixes(d_execute, ex, sizeof(ex), true);
	static const uint8_t pw[] = "pw";
	check_prefixes(d_password, pw, sizeof(pw), true);
	static const uint8_t sa[] = {'M', 0, 0, 0, 0, 2, 'x', 'y'};
	check_prefixes(d_sasl, sa, sizeof(sa), true);
	check_prefixes(d_copy_fail, pw, sizeof(pw), false); /* PG ignores the rest */
}
END_TEST

/* ---- backend messages: golden bytes (from PG 15.20 and the protocol docs) ---- */

START_TEST(golden_simple_messages)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_wire_ready(&sb, LG_WIRE_TX_IDLE);
	assert_bytes(&sb, "Z\0\0\0\5I", 6);
	lg_sb_reset(&sb);
	lg_wire_command_complete(&sb, "SELECT 1");
	assert_bytes(&sb, "C\0\0\0\015SELECT 1\0", 14);
	lg_sb_reset(&sb);
	lg_wire_auth_ok(&sb);
	assert_bytes(&sb, "R\0\0\0\010\0\0\0\0", 9);
	lg_sb_reset(&sb);
	lg_wire_auth_request(&sb, LG_WIRE_AUTH_MD5, "salt", 4);
	assert_bytes(&sb, "R\0\0\0\014\0\0\0\5salt", 13);
	lg_sb_reset(&sb);
	lg_wire_parameter_status(&sb, "client_encoding", "UTF8");
	assert_bytes(&sb, "S\0\0\0\031client_encoding\0UTF8\0", 26);
	lg_sb_reset(&sb);
	lg_wire_backend_key(&sb, 0x24f9, (int32_t)0x7bf3a40d);
	assert_bytes(&sb, "K\0\0\0\014\0\0\x24\xf9\x7b\xf3\xa4\x0d", 13);
	lg_sb_reset(&sb);
	lg_wire_parse_complete(&sb);
	lg_wire_bind_complete(&sb);
	lg_wire_close_complete(&sb);
	lg_wire_no_data(&sb);
	lg_wire_portal_suspended(&sb);
	lg_wire_empty_query(&sb);
	assert_bytes(&sb, "1\0\0\0\4" "2\0\0\0\4" "3\0\0\0\4" "n\0\0\0\4" "s\0\0\0\4" "I\0\0\0\4",
		     30);
	lg_sb_reset(&sb);
	static const lg_oid_t oids[] = {23, 25};
	lg_wire_parameter_description(&sb, 2, oids);
	assert_bytes(&sb, "t\0\0\0\016\0\2\0\0\0\027\0\0\0\031", 15);
	lg_sb_reset(&sb);
	/* What PG 15 sends for protocol 3.1 with _pq_.foo. */
	static const char *const names[] = {"_pq_.foo"};
	lg_wire_negotiate_protocol(&sb, LG_WIRE_PROTOCOL_3_0, 1, names);
	assert_bytes(&sb, "v\0\0\0\025\0\3\0\0\0\0\0\1_pq_.foo\0", 22);
	lg_sb_free(&sb);
}
END_TEST

/* PG 15.20: select 1 as a, 'x'::text as b, null::int8 as c */
START_TEST(golden_rows)
{
	static const uint8_t want_t[] = {
		'T', 0, 0, 0, 0x42, 0, 3, 'a', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x17, 0, 4,
		0xff, 0xff, 0xff, 0xff, 0, 0, 'b', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x19, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0, 0, 'c', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x14, 0, 8,
		0xff, 0xff, 0xff, 0xff, 0, 0};
	static const uint8_t want_d[] = {'D', 0, 0, 0, 0x14, 0, 3, 0, 0, 0, 1, '1',
					 0, 0, 0, 1, 'x', 0xff, 0xff, 0xff, 0xff};
	static const lg_wire_field_t f[] = {{"a", 0, 0, 23, 4, -1, 0},
					    {"b", 0, 0, 25, -1, -1, 0},
					    {"c", 0, 0, 20, 8, -1, 0}};
	lg_sb_t sb = LG_SB_INIT;
	lg_wire_row_description(&sb, 3, f);
	assert_bytes(&sb, want_t, sizeof(want_t));
	lg_sb_reset(&sb);
	lg_msg_t m;
	lg_wire_datarow_begin(&m, &sb, 3);
	lg_wire_datarow_value(&m, "1", 1);
	size_t mark = lg_wire_field_begin(&m);
	lg_sb_putc(&sb, 'x');
	lg_wire_field_end(&m, mark);
	lg_wire_datarow_null(&m);
	lg_msg_end(&m);
	assert_bytes(&sb, want_d, sizeof(want_d));
	lg_sb_free(&sb);
}
END_TEST

START_TEST(golden_error_and_notice)
{
	lg_error_t err = LG_ERROR_INIT;
	lg_error_set(&err, LG_SQLSTATE_UNIQUE_VIOLATION, "dup");
	lg_error_field(&err, LG_ERRF_DETAIL, "D1");
	lg_error_field(&err, LG_ERRF_HINT, "H1");
	lg_error_field(&err, LG_ERRF_WHERE, "W1");
	lg_error_field(&err, LG_ERRF_SCHEMA, "pub");
	lg_error_field(&err, LG_ERRF_TABLE, "t");
	lg_error_field(&err, LG_ERRF_COLUMN, "c");
	lg_error_field(&err, LG_ERRF_DATATYPE, "int4");
	lg_error_field(&err, LG_ERRF_CONSTRAINT, "t_pkey");
	err.position = 12;
	err.file = "/src/x/exec.c";
	err.line = 77;
	static const char want[] = "E\0\0\0\x54"
				   "SERROR\0VERROR\0C23505\0Mdup\0DD1\0HH1\0WW1\0spub\0tt\0cc\0"
				   "dint4\0nt_pkey\0P12\0Fexec.c\0L77\0";
	lg_sb_t sb = LG_SB_INIT;
	lg_wire_error(&sb, &err);
	assert_bytes(&sb, want, sizeof(want));
	lg_sb_reset(&sb);
	lg_error_clear(&err);

	/* A bare notice: S V C M only. */
	lg_error_set(&err, LG_SQLSTATE_WARNING, "careful");
	err.severity = LG_SEV_WARNING;
	err.file = NULL;
	static const char want_n[] = "N\0\0\0\x27SWARNING\0VWARNING\0C01000\0Mcareful\0";
	lg_wire_notice(&sb, &err);
	assert_bytes(&sb, want_n, sizeof(want_n));
	lg_sb_free(&sb);
	lg_error_clear(&err);
}
END_TEST

START_TEST(builder_large_and_failing)
{
	/* Values large enough to move the buffer while a field is open. */
	lg_sb_t sb = LG_SB_INIT;
	lg_msg_t m;
	lg_wire_datarow_begin(&m, &sb, 1);
	size_t mark = lg_wire_field_begin(&m);
	for (int i = 0; i < 10000; i++)
		lg_sb_append(&sb, "0123456789");
	lg_wire_field_end(&m, mark);
	lg_msg_end(&m);
	ck_assert(!sb.failed);
	ck_assert_uint_eq(sb.len, 1 + 4 + 2 + 4 + 100000);
	lg_cursor_t c;
	uint8_t type;
	int32_t len, flen;
	int16_t n;
	lg_cur_init(&c, sb.data, sb.len);
	ck_assert(lg_cur_u8(&c, &type) && type == 'D');
	ck_assert(lg_cur_i32(&c, &len) && len == 4 + 2 + 4 + 100000);
	ck_assert(lg_cur_i16(&c, &n) && n == 1);
	ck_assert(lg_cur_i32(&c, &flen) && flen == 100000);
	lg_sb_free(&sb);

	/* Out of memory at every step: failed is set, nothing crashes. */
	for (long k = 0; k < 6; k++) {
		lg_sb_t s2 = LG_SB_INIT;
		lg_error_t err = LG_ERROR_INIT;
		lg_error_set(&err, LG_SQLSTATE_SYNTAX_ERROR, "x");
		lg_mem_fail_after(k);
		lg_wire_error(&s2, &err);
		lg_wire_ready(&s2, 'I');
		lg_mem_fail_after(-1);
		if (lg_mem_injected_failures() > 0)
			ck_assert(s2.failed);
		lg_sb_free(&s2);
		lg_error_clear(&err);
	}
}
END_TEST

START_TEST(decode_out_of_memory)
{
	lg_arena_t a;
	lg_arena_init(&a, 64);
	body_t b;
	size_t n;
	const uint8_t *p = bind_body(&b, &n);
	for (long k = 0; k < 4; k++) {
		lg_error_t err = LG_ERROR_INIT;
		lg_fe_bind_t bd;
		lg_arena_reset(&a);
		lg_mem_fail_after(k);
		int rc = lg_wire_decode_bind(p, n, &a, &bd, &err);
		lg_mem_fail_after(-1);
		if (rc != 0)
			assert_err(&err, "53200", "out of memory");
	}
	lg_sb_free(&b.sb);
	lg_arena_destroy(&a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("wire");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, cursor_getters_are_bounded);
	tcase_add_test(tc, frame_regular);
	tcase_add_test(tc, frame_limits_per_type);
	tcase_add_test(tc, query_and_simple_messages);
	tcase_add_test(tc, sasl_initial);
	tcase_add_test(tc, parse_round_trip);
	tcase_add_test(tc, bind_round_trip);
	tcase_add_test(tc, bind_errors_match_pg);
	tcase_add_test(tc, truncation_at_every_offset);
	tcase_add_test(tc, golden_simple_messages);
	tcase_add_test(tc, golden_rows);
	tcase_add_test(tc, golden_error_and_notice);
	tcase_add_test(tc, builder_large_and_failing);
	tcase_add_test(tc, decode_out_of_memory);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
