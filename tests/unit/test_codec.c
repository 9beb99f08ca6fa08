/* Unit tests for catalog/codec.h: every type's text and binary forms in
 * both directions against tables produced by PostgreSQL 15, values of
 * unexpected SQLite kinds, the lg_numeric collation, malformed binary
 * input, and a robustness loop feeding random and truncated bytes to every
 * decoder. */
#include "catalog/codec.h"
#include "catalog/types.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct codec_case {
	lg_oid_t oid;
	int32_t typmod;
	const char *in;
	size_t inlen;
	const char *text; /* NULL: the input is an error */
	const char *bin_hex;
	const char *state, *msg, *detail, *hint, *context;
} codec_case_t;

static const codec_case_t cases[] = {
#include "codec_cases.inc"
};

static lg_arena_t arena;

static void setup(void)
{
	lg_arena_init(&arena, 0);
}

static void teardown(void)
{
	lg_arena_destroy(&arena);
}

static char *hex(const char *p, size_t n)
{
	static char buf[1 << 16];
	size_t o = 0;
	for (size_t i = 0; i < n && o + 3 < sizeof(buf); i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%02x", (unsigned char)p[i]);
	buf[o] = '\0';
	return buf;
}

static size_t unhex(const char *h, uint8_t *out)
{
	size_t n = strlen(h) / 2;
	for (size_t i = 0; i < n; i++) {
		unsigned v;
		sscanf(h + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
	return n;
}

static void check_error(const codec_case_t *c, const lg_error_t *err, int i)
{
	ck_assert_msg(err->set, "case %d (%s): no error", i, c->in);
	ck_assert_msg(strcmp(lg_sqlstate_code(err->sqlstate), c->state) == 0,
		      "case %d (%s): sqlstate %s, want %s (%s)", i, c->in,
		      lg_sqlstate_code(err->sqlstate), c->state, lg_error_message(err));
	ck_assert_msg(strcmp(lg_error_message(err), c->msg) == 0, "case %d: message [%s] want [%s]",
		      i, lg_error_message(err), c->msg);
	const char *got[3] = {lg_error_get(err, LG_ERRF_DETAIL), lg_error_get(err, LG_ERRF_HINT),
			      lg_error_get(err, LG_ERRF_WHERE)};
	const char *want[3] = {c->detail, c->hint, c->context};
	for (int k = 0; k < 3; k++) {
		if (!want[k])
			ck_assert_msg(!got[k], "case %d (%s): unexpected field %d [%s]", i, c->in,
				      k, got[k]);
		else
			ck_assert_msg(got[k] && strcmp(got[k], want[k]) == 0,
				      "case %d (%s): field %d [%s] want [%s]", i, c->in, k,
				      got[k] ? got[k] : "(null)", want[k]);
	}
}

/* Text in -> storage -> text and binary out, as PostgreSQL. */
START_TEST(pg_cases_text)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(cases); i++) {
		const codec_case_t *c = &cases[i];
		lg_error_t err = LG_ERROR_INIT;
		lg_value_t v;
		int rc = lg_codec_decode_text(c->oid, c->typmod, c->in, c->inlen, &arena, &v, &err);
		if (!c->text) {
			ck_assert_int_eq(rc, -1);
			check_error(c, &err, (int)i);
			lg_error_clear(&err);
			continue;
		}
		ck_assert_msg(rc == 0, "case %zu (%s): %s", i, c->in, lg_error_message(&err));
		lg_sb_t sb = LG_SB_INIT, bin = LG_SB_INIT;
		ck_assert_int_eq(lg_codec_encode_text(c->oid, c->typmod, &v, &sb, &err), 0);
		ck_assert_msg(strcmp(sb.data ? sb.data : "", c->text) == 0,
			      "case %zu (%s): text [%s] want [%s]", i, c->in, sb.data, c->text);
		ck_assert_int_eq(lg_codec_encode_binary(c->oid, c->typmod, &v, &bin, &err), 0);
		ck_assert_msg(strcmp(hex(bin.data, bin.len), c->bin_hex) == 0,
			      "case %zu (%s): binary %s want %s", i, c->in, hex(bin.data, bin.len),
			      c->bin_hex);
		lg_sb_free(&sb);
		lg_sb_free(&bin);
		lg_arena_reset(&arena);
	}
}
END_TEST

/* PostgreSQL's binary form in -> storage -> the same text and binary. */
START_TEST(pg_cases_binary)
{
	static uint8_t buf[1 << 16];
	for (size_t i = 0; i < LG_ARRAY_LEN(cases); i++) {
		const codec_case_t *c = &cases[i];
		if (!c->text)
			continue;
		size_t n = unhex(c->bin_hex, buf);
		lg_error_t err = LG_ERROR_INIT;
		lg_value_t v;
		int rc = lg_codec_decode_binary(c->oid, c->typmod, buf, n, &arena, &v, &err);
		ck_assert_msg(rc == 0, "case %zu (%s): %s", i, c->in, lg_error_message(&err));
		lg_sb_t sb = LG_SB_INIT, bin = LG_SB_INIT;
		lg_codec_encode_text(c->oid, c->typmod, &v, &sb, &err);
		lg_codec_encode_binary(c->oid, c->typmod, &v, &bin, &err);
		ck_assert_msg(strcmp(sb.data ? sb.data : "", c->text) == 0,
			      "case %zu (%s): text [%s] want [%s]", i, c->in, sb.data, c->text);
		ck_assert_str_eq(hex(bin.data, bin.len), c->bin_hex);
		lg_sb_free(&sb);
		lg_sb_free(&bin);
		lg_arena_reset(&arena);
	}
}
END_TEST

/* Output is valid input that reads back to itself. */
START_TEST(pg_cases_reparse)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(cases); i++) {
		const codec_case_t *c = &cases[i];
		if (!c->text || c->oid == LG_OID_JSON)
			continue;
		lg_error_t err = LG_ERROR_INIT;
		lg_value_t v;
		int rc = lg_codec_decode_text(c->oid, c->typmod, c->text, strlen(c->text), &arena,
					      &v, &err);
		ck_assert_msg(rc == 0, "case %zu (%s): %s", i, c->text, lg_error_message(&err));
		lg_sb_t sb = LG_SB_INIT;
		lg_codec_encode_text(c->oid, c->typmod, &v, &sb, &err);
		ck_assert_str_eq(sb.data ? sb.data : "", c->text);
		lg_sb_free(&sb);
		lg_arena_reset(&arena);
	}
}
END_TEST

/* Values SQLite holds in a column of another kind. Expected texts are
 * PostgreSQL 15's casts, given per row (integer timestamps are Unix
 * seconds: to_timestamp). */
typedef struct stored_case {
	lg_oid_t oid;
	int32_t typmod;
	lg_value_t v;
	const char *text;
	const char *pg; /* the query that printed `text` */
} stored_case_t;

#define I(x)                                                                                       \
	{                                                                                          \
		LG_VAL_INT, (x), 0, NULL, 0                                                        \
	}
#define R(x)                                                                                       \
	{                                                                                          \
		LG_VAL_REAL, 0, (x), NULL, 0                                                       \
	}
#define T(x)                                                                                       \
	{                                                                                          \
		LG_VAL_TEXT, 0, 0, (x), sizeof(x) - 1                                              \
	}
#define B(x)                                                                                       \
	{                                                                                          \
		LG_VAL_BLOB, 0, 0, (x), sizeof(x) - 1                                              \
	}
#define NUMMOD(p, s) ((((p) << 16) | ((s)&0x7ff)) + 4)

static const stored_case_t stored[] = {
	{LG_OID_BOOL, -1, I(1), "t", "select 1::int4::bool"},
	{LG_OID_BOOL, -1, I(2), "t", "select 2::int4::bool"},
	{LG_OID_BOOL, -1, I(0), "f", "select 0::int4::bool"},
	{LG_OID_BOOL, -1, T("true"), "t", "select 'true'::text::bool"},
	{LG_OID_BOOL, -1, T("yes"), "t", "select 'yes'::text::bool"},
	{LG_OID_INT4, -1, R(1.5), "2", "select 1.5::float8::int4"},
	{LG_OID_INT4, -1, R(2.5), "2", "select 2.5::float8::int4"},
	{LG_OID_INT8, -1, R(-2.5), "-2", "select -2.5::float8::int8"},
	{LG_OID_INT4, -1, T(" 42 "), "42", "select ' 42 '::text::int4"},
	{LG_OID_OID, -1, I(-1), "4294967295", "select (-1)::int4::oid"},
	{LG_OID_OID, -1, I(7), "7", "select 7::int8::oid"},
	{LG_OID_NUMERIC, NUMMOD(10, 2), I(5), "5.00", "select 5::numeric(10,2)"},
	{LG_OID_NUMERIC, -1, R(0.1), "0.1", "select 0.1::float8::numeric"},
	{LG_OID_NUMERIC, -1, R(1e20), "100000000000000000000", "select 1e20::float8::numeric"},
	{LG_OID_NUMERIC, -1, R(1.0 / 3), "0.333333333333333", "select (1.0/3)::float8::numeric"},
	{LG_OID_NUMERIC, -1, R(1e-7), "0.0000001", "select 1e-7::float8::numeric"},
	{LG_OID_NUMERIC, -1, R(123456789.123456789), "123456789.123457",
	 "select 123456789.123456789::float8::numeric"},
	{LG_OID_NUMERIC, NUMMOD(10, 0), R(1.5), "2", "select 1.5::float8::numeric(10,0)"},
	{LG_OID_NUMERIC, NUMMOD(10, 2), T("1.5"), "1.50", "select '1.5'::text::numeric(10,2)"},
	{LG_OID_NUMERIC, NUMMOD(5, -2), I(12345), "12300", "select 12345::numeric(5,-2)"},
	{LG_OID_NUMERIC, -1, T("1.5e3"), "1500", "select '1.5e3'::text::numeric"},
	{LG_OID_TEXT, -1, I(42), "42", "select 42::int4::text"},
	{LG_OID_TEXT, -1, R(1.5), "1.5", "select 1.5::float8::text"},
	{LG_OID_TEXT, -1, R(1e300), "1e+300", "select 1e300::float8::text"},
	{LG_OID_FLOAT8, -1, I(5), "5", "select 5::int4::float8"},
	{LG_OID_FLOAT4, -1, I(16777217), "1.6777216e+07", "select 16777217::int4::float4"},
	{LG_OID_FLOAT4, -1, I(3), "3", "select 3::int4::float4"},
	{LG_OID_TIMESTAMPTZ, -1, I(1714000000), "2024-04-24 23:06:40+00",
	 "select to_timestamp(1714000000)"},
	{LG_OID_TIMESTAMP, -1, R(1714000000.5), "2024-04-24 23:06:40.5",
	 "select to_timestamp(1714000000.5)::timestamp"},
	{LG_OID_TIMESTAMPTZ, -1, T("2026-04-23T10:00:00Z"), "2026-04-23 10:00:00+00",
	 "select '2026-04-23T10:00:00Z'::text::timestamptz"},
	{LG_OID_TIMESTAMP, -1, T("2026-04-23 10:00:00"), "2026-04-23 10:00:00",
	 "select '2026-04-23 10:00:00'::text::timestamp"},
	{LG_OID_UUID, -1, T("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"),
	 "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
	 "select 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::text::uuid"},
	{LG_OID_UUID, -1, B("\xa0\xee\xbc\x99\x9c\x0b\x4e\xf8\xbb\x6d\x6b\xb9\xbd\x38\x0a\x11"),
	 "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
	 "select uuid_send('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')"},
	{LG_OID_BYTEA, -1, T("abc"), "\\x616263", "select 'abc'::text::bytea"},
	{LG_OID_BYTEA, -1, T("x"), "\\x78", "select 'x'::text::bytea"},
};

START_TEST(stored_kinds)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(stored); i++) {
		const stored_case_t *c = &stored[i];
		lg_error_t err = LG_ERROR_INIT;
		lg_sb_t sb = LG_SB_INIT;
		ck_assert_int_eq(lg_codec_encode_text(c->oid, c->typmod, &c->v, &sb, &err), 0);
		ck_assert_msg(strcmp(sb.data, c->text) == 0, "%s: got [%s] want [%s]", c->pg,
			      sb.data, c->text);
		lg_sb_free(&sb);
	}
}
END_TEST

/* The collation orders like numeric's < (pairs checked with
 * "select a::numeric < b::numeric, a::numeric = b::numeric" in PG 15). */
START_TEST(numeric_collation)
{
	static const char *sorted[] = {
		"-Infinity",
		"-1000000000000000000000",
		"-10",
		"-9.99",
		"-1.5",
		"-1",
		"-0.000000000000000000001",
		"0",
		"0.000000000000000000001",
		"0.5",
		"1",
		"1.0000001",
		"1.5",
		"2",
		"9.99",
		"10",
		"100",
		"1000000000000000000000",
		"Infinity",
		"NaN",
	};
	size_t n = LG_ARRAY_LEN(sorted);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = lg_codec_numeric_cmp(sorted[i], strlen(sorted[i]), sorted[j],
						     strlen(sorted[j]));
			int want = i < j ? -1 : i > j ? 1 : 0;
			ck_assert_msg((c > 0) - (c < 0) == want, "%s vs %s: %d", sorted[i],
				      sorted[j], c);
		}
	/* Equal values at different scales: select 1.0 = 1.00, -0.0 = 0 */
	ck_assert_int_eq(lg_codec_numeric_cmp("1.0", 3, "1.00", 4), 0);
	ck_assert_int_eq(lg_codec_numeric_cmp("-0.0", 4, "0", 1), 0);
	ck_assert_int_eq(lg_codec_numeric_cmp("0.000", 5, "0", 1), 0);
	ck_assert_int_lt(lg_codec_numeric_cmp("0.09", 4, "0.1", 3), 0);
	ck_assert_int_gt(lg_codec_numeric_cmp("-0.09", 5, "-0.1", 4), 0);
	/* not numbers: after Infinity, before NaN, bytewise among themselves */
	ck_assert_int_gt(lg_codec_numeric_cmp("abc", 3, "Infinity", 8), 0);
	ck_assert_int_lt(lg_codec_numeric_cmp("abc", 3, "NaN", 3), 0);
	ck_assert_int_lt(lg_codec_numeric_cmp("abc", 3, "abd", 3), 0);
}
END_TEST

static int decode_text_str(lg_oid_t oid, int32_t typmod, const char *s, lg_value_t *v,
			   lg_error_t *err)
{
	return lg_codec_decode_text(oid, typmod, s, strlen(s), &arena, v, err);
}

/* Long values PostgreSQL prints (lengths from
 * "select length('1e-16383'::numeric::text)" and the like). */
START_TEST(numeric_extremes)
{
	lg_error_t err = LG_ERROR_INIT;
	lg_value_t v;
	ck_assert_int_eq(decode_text_str(LG_OID_NUMERIC, -1, "1e-16383", &v, &err), 0);
	ck_assert_uint_eq(v.len, 16385);
	ck_assert_int_eq(decode_text_str(LG_OID_NUMERIC, -1, "1e131071", &v, &err), 0);
	ck_assert_uint_eq(v.len, 131072);
	ck_assert_int_eq(decode_text_str(LG_OID_JSONB, -1, "[1e1000]", &v, &err), 0);
	ck_assert_uint_eq(v.len, 1003);
	lg_sb_t bin = LG_SB_INIT;
	ck_assert_int_eq(decode_text_str(LG_OID_NUMERIC, -1, "1e131071", &v, &err), 0);
	ck_assert_int_eq(lg_codec_encode_binary(LG_OID_NUMERIC, -1, &v, &bin, &err), 0);
	/* select substr(numeric_send('1e131071'), 1, 10) = \x00017fff0000000003e8 */
	ck_assert_str_eq(hex(bin.data, bin.len), "00017fff0000000003e8");
	lg_sb_free(&bin);
}
END_TEST

/* Invalid UTF-8 in a parameter: PostgreSQL's report_invalid_encoding
 * names the bytes of the bad character (as far as the value goes). */
START_TEST(encoding_errors)
{
	static const struct {
		lg_oid_t oid;
		const char *in;
		const char *msg;
	} bad[] = {
		{LG_OID_TEXT, "bad\xff", "invalid byte sequence for encoding \"UTF8\": 0xff"},
		{LG_OID_TEXT, "x\xe2\x82",
		 "invalid byte sequence for encoding \"UTF8\": 0xe2 0x82"},
		{LG_OID_VARCHAR, "\xc3(", "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28"},
		{LG_OID_INT4, "1\xed\xa0\x80",
		 "invalid byte sequence for encoding \"UTF8\": 0xed 0xa0 0x80"},
		{LG_OID_JSON, "\"\xc0\x80\"",
		 "invalid byte sequence for encoding \"UTF8\": 0xc0 0x80"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(bad); i++) {
		lg_error_t err = LG_ERROR_INIT;
		lg_value_t v;
		ck_assert_int_eq(decode_text_str(bad[i].oid, -1, bad[i].in, &v, &err), -1);
		ck_assert_str_eq(lg_sqlstate_code(err.sqlstate), "22021");
		ck_assert_str_eq(lg_error_message(&err), bad[i].msg);
		lg_error_clear(&err);
	}
	lg_error_t err = LG_ERROR_INIT;
	lg_value_t v;
	ck_assert_int_eq(lg_codec_decode_text(LG_OID_TEXT, -1, "a\0b", 3, &arena, &v, &err), -1);
	ck_assert_str_eq(lg_error_message(&err),
			 "invalid byte sequence for encoding \"UTF8\": 0x00");
	lg_error_clear(&err);
	ck_assert_int_eq(lg_codec_decode_binary(LG_OID_TEXT, -1, (const uint8_t *)"\xff", 1, &arena,
						&v, &err),
			 -1);
	ck_assert_str_eq(lg_sqlstate_code(err.sqlstate), "22021");
	lg_error_clear(&err);
}
END_TEST

/* Malformed binary input. Messages are PostgreSQL's (numeric_recv,
 * date_recv, time_recv, jsonb_recv); a wrong length is 22P03 and the
 * caller adds "in bind parameter N". */
START_TEST(binary_errors)
{
	static const struct {
		lg_oid_t oid;
		const char *bytes;
		size_t len;
		const char *state, *msg;
	} bad[] = {
		{LG_OID_INT4, "\0\0\0", 3, "22P03", "incorrect binary data format"},
		{LG_OID_INT8, "\0\0\0\0\0\0\0\0\0", 9, "22P03", "incorrect binary data format"},
		{LG_OID_BOOL, "", 0, "22P03", "incorrect binary data format"},
		{LG_OID_FLOAT8, "\0\0\0\0", 4, "22P03", "incorrect binary data format"},
		{LG_OID_UUID, "\0", 1, "22P03", "incorrect binary data format"},
		{LG_OID_NUMERIC, "\0\0\0\0\x12\x34\0\0", 8, "22P03",
		 "invalid sign in external \"numeric\" value"},
		{LG_OID_NUMERIC, "\0\1\0\0\0\0\0\0\x27\x10", 10, "22P03",
		 "invalid digit in external \"numeric\" value"},
		{LG_OID_NUMERIC, "\0\0\0\0\0\0\x40\0", 8, "22P03",
		 "invalid scale in external \"numeric\" value"},
		{LG_OID_NUMERIC, "\0\1\0\0\0\0\0\0", 8, "22P03", "incorrect binary data format"},
		{LG_OID_DATE, "\x7f\xff\xff\0", 4, "22008", "date out of range"},
		{LG_OID_TIME, "\0\0\0\x14\x1d\xd7\x60\x01", 8, "22008", "time out of range"},
		{LG_OID_TIMESTAMP, "\x7f\xff\xff\xff\xff\xff\xff\x00", 8, "22008",
		 "timestamp out of range"},
		{LG_OID_JSONB, "\x02{}", 3, "22P03", "unsupported jsonb version number 2"},
		{LG_OID_JSONB, "\x01{", 2, "22P02", "invalid input syntax for type json"},
		{LG_OID_CHAR, "ab", 2, "22P03", "incorrect binary data format"},
		{LG_OID_INTERVAL, "", 0, "0A000",
		 "binary input for type interval is not supported"},
		/* array_recv's checks */
		{LG_OID_INT4_ARRAY, "\0\0\0\7\0\0\0\0\0\0\0\x17", 12, "22P03",
		 "invalid number of dimensions: 7"},
		{LG_OID_INT4_ARRAY, "\0\0\0\0\0\0\0\2\0\0\0\x17", 12, "22P03",
		 "invalid array flags"},
		{LG_OID_INT4_ARRAY, "\0\0\0\0\0\0\0\0\0\0\0\x19", 12, "42804",
		 "binary data has array element type 25 (text) instead of expected 23 (integer)"},
		{LG_OID_INT4_ARRAY, "\0\0\0\1\0\0\0\0\0\0\0\x17\0\0\0\1\0\0\0\1\0\0\0\4\0\0", 26,
		 "22P03", "incorrect binary data format"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(bad); i++) {
		lg_error_t err = LG_ERROR_INIT;
		lg_value_t v;
		int rc = lg_codec_decode_binary(bad[i].oid, -1, (const uint8_t *)bad[i].bytes,
						bad[i].len, &arena, &v, &err);
		ck_assert_msg(rc == -1, "case %zu accepted", i);
		ck_assert_str_eq(lg_sqlstate_code(err.sqlstate), bad[i].state);
		ck_assert_str_eq(lg_error_message(&err), bad[i].msg);
		lg_error_clear(&err);
	}
}
END_TEST

/* Typmods apply to binary input too (numeric_recv, timestamp_recv and
 * varcharrecv call the same checks as their text input). */
START_TEST(binary_typmods)
{
	lg_error_t err = LG_ERROR_INIT;
	lg_value_t v;
	/* numeric_send('1.005') = \x000200000000000300010032 */
	static const uint8_t n1005[] = {0, 2, 0, 0, 0, 0, 0, 3, 0, 1, 0, 0x32};
	ck_assert_int_eq(lg_codec_decode_binary(LG_OID_NUMERIC, NUMMOD(10, 2), n1005, sizeof(n1005),
						&arena, &v, &err),
			 0);
	ck_assert_str_eq(v.s, "1.01");
	ck_assert_int_eq(lg_codec_decode_binary(LG_OID_NUMERIC, NUMMOD(2, 2), n1005, sizeof(n1005),
						&arena, &v, &err),
			 -1);
	ck_assert_str_eq(lg_error_message(&err), "numeric field overflow");
	lg_error_clear(&err);
	/* select timestamp_send('2026-04-23 10:00:00.123456') = \x0002f31c7ae8aa40 */
	static const uint8_t ts[] = {0x00, 0x02, 0xf3, 0x1c, 0x7a, 0xe8, 0xaa, 0x40};
	ck_assert_int_eq(lg_codec_decode_binary(LG_OID_TIMESTAMP, -1, ts, 8, &arena, &v, &err), 0);
	ck_assert_str_eq(v.s, "2026-04-23 10:00:00.123456");
	ck_assert_int_eq(lg_codec_decode_binary(LG_OID_TIMESTAMP, 0, ts, 8, &arena, &v, &err), 0);
	ck_assert_str_eq(v.s, "2026-04-23 10:00:00");
	ck_assert_int_eq(lg_codec_decode_binary(LG_OID_VARCHAR, 3 + 4, (const uint8_t *)"abcd", 4,
						&arena, &v, &err),
			 -1);
	ck_assert_str_eq(lg_error_message(&err), "value too long for type character varying(3)");
	lg_error_clear(&err);
	ck_assert_int_eq(lg_codec_decode_binary(LG_OID_BPCHAR, 3 + 4, (const uint8_t *)"a", 1,
						&arena, &v, &err),
			 0);
	ck_assert_str_eq(v.s, "a  ");
}
END_TEST

/* ---- robustness ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static const lg_oid_t all_oids[] = {
	0,
	LG_OID_BOOL,
	LG_OID_BYTEA,
	LG_OID_CHAR,
	LG_OID_NAME,
	LG_OID_INT8,
	LG_OID_INT2,
	LG_OID_INT4,
	LG_OID_REGPROC,
	LG_OID_TEXT,
	LG_OID_OID,
	LG_OID_JSON,
	LG_OID_FLOAT4,
	LG_OID_FLOAT8,
	LG_OID_UNKNOWN,
	LG_OID_BPCHAR,
	LG_OID_VARCHAR,
	LG_OID_DATE,
	LG_OID_TIME,
	LG_OID_TIMESTAMP,
	LG_OID_TIMESTAMPTZ,
	LG_OID_INTERVAL,
	LG_OID_TIMETZ,
	LG_OID_NUMERIC,
	LG_OID_REGCLASS,
	LG_OID_UUID,
	LG_OID_JSONB,
	LG_OID_INT4_ARRAY,
	LG_OID_TEXT_ARRAY,
};

static const int32_t some_typmods[] = {-1, 0, 3, 5 + 4, NUMMOD(10, 2), NUMMOD(3, -2), 6};

/* Characters the parsers care about, so random input gets past the first
 * byte often. */
static const char alphabet[] = "0123456789-+.eE:T Z/\\x\"{}[]=,:tfnaluINFinity\xc3\xa9\xff\t\n";

static void check_outcome(int rc, const lg_error_t *err, const lg_value_t *v, lg_oid_t oid,
			  int32_t typmod)
{
	if (rc != 0) {
		ck_assert_int_eq(rc, -1);
		ck_assert(err->set);
		ck_assert_ptr_nonnull(lg_error_message(err));
		return;
	}
	ck_assert(!err->set);
	ck_assert(v->kind >= LG_VAL_INT && v->kind <= LG_VAL_BLOB);
	lg_sb_t sb = LG_SB_INIT;
	lg_error_t e2 = LG_ERROR_INIT;
	lg_codec_encode_text(oid, typmod, v, &sb, &e2);
	lg_error_clear(&e2);
	lg_codec_encode_binary(oid, typmod, v, &sb, &e2);
	lg_error_clear(&e2);
	lg_sb_free(&sb);
}

/* Decodes `len` bytes copied to a heap block of exactly that size, so a
 * read past the end is caught by the sanitizers. */
static void decode_exact(bool binary, lg_oid_t oid, int32_t typmod, const uint8_t *src, size_t len)
{
	uint8_t *p = lg_malloc(len ? len : 1);
	ck_assert_ptr_nonnull(p);
	if (len)
		memcpy(p, src, len);
	lg_error_t err = LG_ERROR_INIT;
	lg_value_t v;
	int rc = binary ? lg_codec_decode_binary(oid, typmod, p, len, &arena, &v, &err)
			: lg_codec_decode_text(oid, typmod, (const char *)p, len, &arena, &v, &err);
	check_outcome(rc, &err, &v, oid, typmod);
	lg_error_clear(&err);
	lg_free(p);
}

START_TEST(robust_random_input)
{
	uint8_t buf[96];
	for (int iter = 0; iter < 4000; iter++) {
		size_t len = rng() % sizeof(buf);
		bool raw = rng() % 4 == 0;
		for (size_t i = 0; i < len; i++)
			buf[i] = raw ? (uint8_t)rng()
				     : (uint8_t)alphabet[rng() % (sizeof(alphabet) - 1)];
		lg_oid_t oid = all_oids[rng() % LG_ARRAY_LEN(all_oids)];
		int32_t typmod = some_typmods[rng() % LG_ARRAY_LEN(some_typmods)];
		decode_exact(false, oid, typmod, buf, len);
		decode_exact(true, oid, typmod, buf, len);
		lg_arena_reset(&arena);
	}
}
END_TEST

/* Every prefix of every text input of the PostgreSQL table. */
START_TEST(robust_truncated_text)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(cases); i++) {
		const codec_case_t *c = &cases[i];
		for (size_t cut = 0; cut <= c->inlen; cut++)
			decode_exact(false, c->oid, c->typmod, (const uint8_t *)c->in, cut);
		lg_arena_reset(&arena);
	}
}
END_TEST

/* Every prefix of every valid binary value, and single-byte corruptions. */
START_TEST(robust_truncated_binary)
{
	static uint8_t buf[1 << 16];
	for (size_t i = 0; i < LG_ARRAY_LEN(cases); i++) {
		const codec_case_t *c = &cases[i];
		if (!c->text)
			continue;
		size_t n = unhex(c->bin_hex, buf);
		for (size_t cut = 0; cut <= n; cut++)
			decode_exact(true, c->oid, c->typmod, buf, cut);
		if (n > 0) {
			size_t at = rng() % n;
			uint8_t saved = buf[at];
			buf[at] = (uint8_t)rng();
			lg_error_t err = LG_ERROR_INIT;
			lg_value_t v;
			int rc =
				lg_codec_decode_binary(c->oid, c->typmod, buf, n, &arena, &v, &err);
			check_outcome(rc, &err, &v, c->oid, c->typmod);
			lg_error_clear(&err);
			buf[at] = saved;
		}
		lg_arena_reset(&arena);
	}
}
END_TEST

/* Stored values of any kind and content never break the encoders. */
START_TEST(robust_stored_values)
{
	char text[64];
	for (int iter = 0; iter < 4000; iter++) {
		lg_value_t v = {0};
		v.kind = (lg_val_kind_t)(1 + rng() % 4);
		v.i = (int64_t)rng();
		uint64_t bits = rng();
		memcpy(&v.r, &bits, 8);
		size_t len = rng() % sizeof(text);
		for (size_t i = 0; i < len; i++)
			text[i] =
				rng() % 2 ? (char)rng() : alphabet[rng() % (sizeof(alphabet) - 1)];
		v.s = text;
		v.len = len;
		lg_oid_t oid = all_oids[rng() % LG_ARRAY_LEN(all_oids)];
		int32_t typmod = some_typmods[rng() % LG_ARRAY_LEN(some_typmods)];
		lg_sb_t sb = LG_SB_INIT;
		lg_error_t err = LG_ERROR_INIT;
		int rc = lg_codec_encode_text(oid, typmod, &v, &sb, &err);
		ck_assert(rc == 0 || err.set);
		lg_error_clear(&err);
		rc = lg_codec_encode_binary(oid, typmod, &v, &sb, &err);
		ck_assert(rc == 0 || err.set);
		lg_error_clear(&err);
		lg_sb_free(&sb);
	}
}
END_TEST

/* Out of memory is an error (53200), never a crash. */
START_TEST(robust_out_of_memory)
{
	static const struct {
		lg_oid_t oid;
		const char *in;
	} in[] = {
		{LG_OID_JSONB, "{\"b\": [1, 2.50, {\"c\": \"\\u00e9\"}], \"a\": null}"},
		{LG_OID_NUMERIC, "123456789012345678901234567890.5"},
		{LG_OID_TIMESTAMPTZ, "2026-04-23 10:00:00+02"},
		{LG_OID_BYTEA, "\\x00112233"},
		{LG_OID_TEXT, "hello"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(in); i++) {
		for (long fail = 0; fail < 20; fail++) {
			lg_arena_t a;
			lg_arena_init(&a, 256);
			lg_error_t err = LG_ERROR_INIT;
			lg_value_t v;
			lg_mem_fail_after(fail);
			int rc = lg_codec_decode_text(in[i].oid, -1, in[i].in, strlen(in[i].in), &a,
						      &v, &err);
			lg_sb_t sb = LG_SB_INIT;
			if (rc == 0)
				rc = lg_codec_encode_text(in[i].oid, -1, &v, &sb, &err);
			lg_mem_fail_after(-1);
			if (rc != 0)
				ck_assert(err.set);
			lg_error_clear(&err);
			lg_sb_free(&sb);
			lg_arena_destroy(&a);
		}
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("codec");
	TCase *tc = tcase_create("pg15");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, pg_cases_text);
	tcase_add_test(tc, pg_cases_binary);
	tcase_add_test(tc, pg_cases_reparse);
	tcase_add_test(tc, stored_kinds);
	tcase_add_test(tc, numeric_collation);
	tcase_add_test(tc, numeric_extremes);
	tcase_add_test(tc, encoding_errors);
	tcase_add_test(tc, binary_errors);
	tcase_add_test(tc, binary_typmods);
	suite_add_tcase(s, tc);
	TCase *rb = tcase_create("robustness");
	tcase_add_checked_fixture(rb, setup, teardown);
	tcase_set_timeout(rb, 300);
	tcase_add_test(rb, robust_random_input);
	tcase_add_test(rb, robust_truncated_text);
	tcase_add_test(rb, robust_truncated_binary);
	tcase_add_test(rb, robust_stored_values);
	tcase_add_test(rb, robust_out_of_memory);
	suite_add_tcase(s, rb);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
