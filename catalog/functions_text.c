/* String functions counted in characters (UTF-8) with PostgreSQL's edge
 * cases and errors: lpad/rpad, split_part, translate, starts_with, ascii,
 * chr, initcap (ASCII only, as in the C locale), md5. */
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <string.h>

bool lg_fn_any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	return false;
}

size_t lg_fn_utf8_len(const unsigned char *s, size_t i, size_t len)
{
	size_t k = i + 1;
	while (k < len && (s[k] & 0xC0) == 0x80)
		k++;
	return k - i;
}

static int64_t count_chars(const unsigned char *s, size_t len)
{
	int64_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += (s[i] & 0xC0) != 0x80;
	return n;
}

/* Byte length of the first `n` characters. */
static size_t prefix_bytes(const unsigned char *s, size_t len, int64_t n)
{
	size_t i = 0;
	while (i < len && n-- > 0)
		i += lg_fn_utf8_len(s, i, len);
	return i;
}

void lg_fn_result_sb(sqlite3_context *ctx, lg_sb_t *sb)
{
	if (sb->failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb->data ? sb->data : "", (int)sb->len, SQLITE_TRANSIENT);
	lg_sb_free(sb);
}

/* lpad/rpad(s, len [, fill]): longer strings are cut to len characters. */
static void pad(sqlite3_context *ctx, int argc, sqlite3_value **argv, bool left)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(argv[0]);
	size_t slen = (size_t)sqlite3_value_bytes(argv[0]);
	int64_t len = sqlite3_value_int64(argv[1]);
	const unsigned char *fill =
		argc > 2 ? sqlite3_value_text(argv[2]) : (const unsigned char *)" ";
	size_t flen = argc > 2 ? (size_t)sqlite3_value_bytes(argv[2]) : 1;
	if (len < 0)
		len = 0;
	if (len > (1 << 28)) {
		lg_udf_error(ctx, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "requested length too large");
		return;
	}
	int64_t have = count_chars(s, slen);
	size_t keep = have > len ? prefix_bytes(s, slen, len) : slen;
	int64_t need = have > len || flen == 0 ? 0 : len - have;
	lg_sb_t sb = LG_SB_INIT;
	if (!left)
		lg_sb_appendn(&sb, (const char *)s, keep);
	for (size_t i = 0; need > 0; need--) {
		size_t k = lg_fn_utf8_len(fill, i, flen);
		lg_sb_appendn(&sb, (const char *)fill + i, k);
		i = i + k >= flen ? 0 : i + k;
	}
	if (left)
		lg_sb_appendn(&sb, (const char *)s, keep);
	lg_fn_result_sb(ctx, &sb);
}

static void fn_lpad(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	pad(ctx, argc, argv, true);
}

static void fn_rpad(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	pad(ctx, argc, argv, false);
}

static const char *find(const char *h, size_t hlen, const char *n, size_t nlen)
{
	for (size_t i = 0; nlen <= hlen && i <= hlen - nlen; i++)
		if (memcmp(h + i, n, nlen) == 0)
			return h + i;
	return NULL;
}

/* split_part(s, delim, n): n < 0 counts from the end. */
static void fn_split_part(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char *d = (const char *)sqlite3_value_text(argv[1]);
	size_t slen = (size_t)sqlite3_value_bytes(argv[0]),
	       dlen = (size_t)sqlite3_value_bytes(argv[1]);
	int64_t n = sqlite3_value_int64(argv[2]);
	if (n == 0) {
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
			     "field position must not be zero");
		return;
	}
	if (slen == 0 || dlen == 0) {
		bool whole = slen && (n == 1 || n == -1);
		sqlite3_result_text(ctx, whole ? s : "", whole ? (int)slen : 0, SQLITE_TRANSIENT);
		return;
	}
	int64_t fields = 1;
	for (const char *p = s; (p = find(p, slen - (size_t)(p - s), d, dlen)); p += dlen)
		fields++;
	if (n < 0)
		n += fields + 1;
	if (n < 1 || n > fields) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	const char *start = s;
	for (int64_t i = 1; i < n; i++)
		start = find(start, slen - (size_t)(start - s), d, dlen) + dlen;
	const char *stop = find(start, slen - (size_t)(start - s), d, dlen);
	size_t len = stop ? (size_t)(stop - start) : slen - (size_t)(start - s);
	sqlite3_result_text(ctx, start, (int)len, SQLITE_TRANSIENT);
}

/* translate(s, from, to): characters of `from` become the one at the same
 * place in `to`, or are removed when `to` is shorter. */
static void fn_translate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(argv[0]), *f = sqlite3_value_text(argv[1]),
			    *t = sqlite3_value_text(argv[2]);
	size_t slen = (size_t)sqlite3_value_bytes(argv[0]),
	       flen = (size_t)sqlite3_value_bytes(argv[1]),
	       tlen = (size_t)sqlite3_value_bytes(argv[2]);
	lg_sb_t sb = LG_SB_INIT;
	for (size_t i = 0; i < slen;) {
		size_t k = lg_fn_utf8_len(s, i, slen);
		int64_t pos = -1, at = 0;
		for (size_t j = 0; j < flen; at++) {
			size_t m = lg_fn_utf8_len(f, j, flen);
			if (m == k && memcmp(f + j, s + i, k) == 0) {
				pos = at;
				break;
			}
			j += m;
		}
		if (pos < 0) {
			lg_sb_appendn(&sb, (const char *)s + i, k);
		} else {
			size_t off = prefix_bytes(t, tlen, pos);
			if (off < tlen)
				lg_sb_appendn(&sb, (const char *)t + off,
					      lg_fn_utf8_len(t, off, tlen));
		}
		i += k;
	}
	lg_fn_result_sb(ctx, &sb);
}

static void fn_starts_with(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t a = (size_t)sqlite3_value_bytes(argv[0]), b = (size_t)sqlite3_value_bytes(argv[1]);
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char *p = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_int(ctx, b <= a && memcmp(s, p, b) == 0);
}

static void fn_ascii(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	if (len == 0) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	size_t k = lg_fn_utf8_len(s, 0, len);
	unsigned cp = k == 1 ? s[0] : (unsigned)(s[0] & (0x7F >> k));
	for (size_t i = 1; i < k; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	sqlite3_result_int(ctx, (int)cp);
}

static void fn_chr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t c = sqlite3_value_int64(argv[0]);
	if (c < 0) {
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
			     "character number must be positive");
		return;
	}
	if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		lg_udf_error(ctx, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			     c == 0         ? "null character not permitted"
			     : c > 0x10FFFF ? "requested character too large for encoding: %lld"
					    : "requested character not valid for encoding: %lld",
			     (long long)c);
		return;
	}
	char buf[4];
	int n = 0;
	if (c < 0x80) {
		buf[n++] = (char)c;
	} else if (c < 0x800) {
		buf[n++] = (char)(0xC0 | (c >> 6));
		buf[n++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		buf[n++] = (char)(0xE0 | (c >> 12));
		buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[n++] = (char)(0x80 | (c & 0x3F));
	} else {
		buf[n++] = (char)(0xF0 | (c >> 18));
		buf[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
		buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[n++] = (char)(0x80 | (c & 0x3F));
	}
	sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}

static bool ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static void fn_initcap(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	lg_sb_t sb = LG_SB_INIT;
	bool was_alnum = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		if (was_alnum && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (!was_alnum && c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 32);
		was_alnum = ascii_alnum(c);
		lg_sb_putc(&sb, (char)c);
	}
	lg_fn_result_sb(ctx, &sb);
}

static void fn_md5(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const void *p = sqlite3_value_blob(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	unsigned char d[16];
	lg_fn_md5(p ? p : "", len, d);
	char hex[33];
	for (int i = 0; i < 16; i++) {
		hex[2 * i] = "0123456789abcdef"[d[i] >> 4];
		hex[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
	}
	sqlite3_result_text(ctx, hex, 32, SQLITE_TRANSIENT);
}

int lg_fn_register_text(sqlite3 *db, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"lg_lpad", 2, fn_lpad},
		{"lg_lpad", 3, fn_lpad},
		{"lg_rpad", 2, fn_rpad},
		{"lg_rpad", 3, fn_rpad},
		{"lg_split_part", 3, fn_split_part},
		{"lg_translate", 3, fn_translate},
		{"lg_starts_with", 2, fn_starts_with},
		{"lg_ascii", 1, fn_ascii},
		{"lg_chr", 1, fn_chr},
		{"lg_initcap", 1, fn_initcap},
		{"lg_md5", 1, fn_md5},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(fns); i++)
		if (lg_fn_register(db, fns[i].name, fns[i].nargs, true, NULL, fns[i].fn, err))
			return -1;
	return 0;
}
