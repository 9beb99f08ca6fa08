/* encode(bytea, format) and decode(text, format): hex, base64 (76-column
 * lines) and escape, with PostgreSQL's error messages. */
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void enc_base64(const unsigned char *p, size_t len, lg_sb_t *out)
{
	size_t line = 0;
	for (size_t i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < len)
			v |= p[i + 2];
		if (line >= 76) {
			lg_sb_putc(out, '\n');
			line = 0;
		}
		lg_sb_putc(out, b64[(v >> 18) & 63]);
		lg_sb_putc(out, b64[(v >> 12) & 63]);
		lg_sb_putc(out, i + 1 < len ? b64[(v >> 6) & 63] : '=');
		lg_sb_putc(out, i + 2 < len ? b64[v & 63] : '=');
		line += 4;
	}
}

static void enc_escape(const unsigned char *p, size_t len, lg_sb_t *out)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\\')
			lg_sb_append(out, "\\\\");
		else if (p[i] == 0 || p[i] >= 0x80)
			lg_sb_appendf(out, "\\%03o", p[i]);
		else
			lg_sb_putc(out, (char)p[i]);
	}
}

/* The offending character (whole, if multibyte) for messages. */
static int bad(lg_error_t *err, bool hex, const char *s, size_t len)
{
	int k = (int)lg_fn_utf8_len((const unsigned char *)s, 0, len);
	if (hex)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "invalid hexadecimal digit: \"%.*s\"", k, s);
	return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
			    "invalid symbol \"%.*s\" found while decoding base64 sequence", k, s);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int dec_hex(const char *s, size_t len, lg_sb_t *out, lg_error_t *err)
{
	for (size_t i = 0; i < len;) {
		if (is_ws(s[i])) {
			i++;
			continue;
		}
		int hi = hexval(s[i]);
		if (hi < 0)
			return bad(err, true, s + i, len - i);
		if (i + 1 >= len)
			return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
					    "invalid hexadecimal data: odd number of digits");
		int lo = hexval(s[i + 1]);
		if (lo < 0)
			return bad(err, true, s + i + 1, len - i - 1);
		lg_sb_putc(out, (char)(hi << 4 | lo));
		i += 2;
	}
	return 0;
}

static int dec_base64(const char *s, size_t len, lg_sb_t *out, lg_error_t *err)
{
	uint32_t acc = 0;
	int pos = 0, end = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (is_ws(c))
			continue;
		int v;
		if (c == '=') {
			if (!end) {
				if (pos == 2)
					end = 1;
				else if (pos == 3)
					end = 2;
				else
					return lg_error_set(
						err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
						"unexpected \"=\" while decoding base64 sequence");
			}
			v = 0;
		} else {
			const char *q = memchr(b64, c, 64);
			if (!q || c == '\0')
				return bad(err, false, s + i, len - i);
			if (end)
				return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
						    "invalid base64 end sequence");
			v = (int)(q - b64);
		}
		acc = (acc << 6) | (uint32_t)v;
		if (++pos == 4) {
			lg_sb_putc(out, (char)(acc >> 16));
			if (end == 0 || end > 1)
				lg_sb_putc(out, (char)(acc >> 8));
			if (end == 0)
				lg_sb_putc(out, (char)acc);
			acc = 0;
			pos = 0;
		}
	}
	if (pos != 0) {
		lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
			     "invalid base64 end sequence");
		lg_error_field(
			err, LG_ERRF_HINT,
			"Input data is missing padding, is truncated, or is otherwise corrupted.");
		return -1;
	}
	return 0;
}

static int dec_escape(const char *s, size_t len, lg_sb_t *out, lg_error_t *err)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\\') {
			lg_sb_putc(out, s[i]);
		} else if (i + 1 < len && s[i + 1] == '\\') {
			lg_sb_putc(out, '\\');
			i++;
		} else if (i + 3 < len && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
			   s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
			lg_sb_putc(out, (char)((s[i + 1] - '0') << 6 | (s[i + 2] - '0') << 3 |
					       (s[i + 3] - '0')));
			i += 3;
		} else {
			return lg_error_set(err, LG_SQLSTATE_INVALID_TEXT_REPRESENTATION,
					    "invalid input syntax for type %s", "bytea");
		}
	}
	return 0;
}

static int format_of(sqlite3_value *v, lg_error_t *err)
{
	const char *f = (const char *)sqlite3_value_text(v);
	static const char *const names[] = {"hex", "base64", "escape"};
	for (int i = 0; i < 3; i++)
		if (strcasecmp(f, names[i]) == 0)
			return i;
	return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
			    "unrecognized encoding: \"%s\"", f);
}

static void fn_encode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	int f = format_of(argv[1], &err);
	if (f < 0) {
		lg_fn_error(ctx, &err);
		return;
	}
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	lg_sb_t sb = LG_SB_INIT;
	if (f == 0)
		for (size_t i = 0; i < len; i++)
			lg_sb_appendf(&sb, "%02x", p[i]);
	else if (f == 1)
		enc_base64(p, len, &sb);
	else
		enc_escape(p, len, &sb);
	lg_fn_result_sb(ctx, &sb);
}

static void fn_decode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	int f = format_of(argv[1], &err);
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	lg_sb_t sb = LG_SB_INIT;
	int rc = f < 0    ? -1
		 : f == 0 ? dec_hex(s, len, &sb, &err)
		 : f == 1 ? dec_base64(s, len, &sb, &err)
			  : dec_escape(s, len, &sb, &err);
	if (rc)
		lg_fn_error(ctx, &err);
	else if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_blob(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	lg_sb_free(&sb);
}

int lg_fn_register_bytea(sqlite3 *db, lg_error_t *err)
{
	if (lg_fn_register(db, "lg_encode", 2, true, NULL, fn_encode, err) ||
	    lg_fn_register(db, "lg_decode", 2, true, NULL, fn_decode, err))
		return -1;
	return 0;
}
