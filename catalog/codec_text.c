/* Character types (text, varchar(n), bpchar(n), name, "char", unknown),
 * bytea (hex and escape input, hex output) and uuid. */
#include "catalog/codec_int.h"

#include <string.h>

#define NAMEDATALEN 64

static const char hexdig[] = "0123456789abcdef";

/* Byte offset of character number `n` (or len if there are fewer). */
static size_t char_offset(const char *s, size_t len, size_t n)
{
	size_t i = 0;
	while (i < len && n > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		n--;
	}
	return i;
}

/* varchar(n)/bpchar(n) input: longer values are an error unless only
 * blanks are beyond n, which are cut (varchar_input, bpchar_input). Sets
 * *len to the kept length and *chars to its character count. */
static int check_length(lg_oid_t oid, int32_t typmod, const char *s, size_t *len, size_t *chars,
			lg_error_t *err)
{
	size_t max = (size_t)(typmod - LG_VARHDRSZ);
	if (*len <= max) {
		*chars = oid == LG_OID_BPCHAR ? lg_codec_utf8_chars(s, *len) : *len;
		return 0;
	}
	size_t cut = char_offset(s, *len, max);
	for (size_t i = cut; i < *len; i++)
		if (s[i] != ' ')
			return lg_error_set(
				err, LG_SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
				"value too long for type %s(%zu)",
				oid == LG_OID_BPCHAR ? "character" : "character varying", max);
	*chars = lg_codec_utf8_chars(s, cut);
	*len = cut;
	return 0;
}

static int char_in(const char *s, size_t len, lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	char c;
	if (len == 4 && s[0] == '\\' && s[1] >= '0' && s[1] <= '7' && s[2] >= '0' && s[2] <= '7' &&
	    s[3] >= '0' && s[3] <= '7')
		c = (char)(((s[1] - '0') << 6) + ((s[2] - '0') << 3) + (s[3] - '0'));
	else
		c = len ? s[0] : '\0';
	return lg_codec_set_text(arena, out, &c, c ? 1 : 0, err);
}

/* bpchar(n) is stored blank-padded to n characters. */
static int store_padded(const char *s, size_t len, size_t pad, lg_arena_t *arena, lg_value_t *out,
			lg_error_t *err)
{
	char *p = lg_arena_alloc(arena, len + pad + 1);
	if (!p)
		return lg_codec_err_oom(err);
	memcpy(p, s, len);
	memset(p + len, ' ', pad);
	p[len + pad] = '\0';
	out->kind = LG_VAL_TEXT;
	out->s = p;
	out->len = len + pad;
	return 0;
}

static int str_store(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		     lg_value_t *out, lg_error_t *err)
{
	size_t chars = 0;
	switch (oid) {
	case LG_OID_CHAR: return char_in(s, len, arena, out, err);
	case LG_OID_NAME:
		if (len >= NAMEDATALEN) {
			len = NAMEDATALEN - 1;
			while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
				len--;
		}
		return lg_codec_set_text(arena, out, s, len, err);
	case LG_OID_VARCHAR:
		if (typmod >= LG_VARHDRSZ && check_length(oid, typmod, s, &len, &chars, err) < 0)
			return -1;
		return lg_codec_set_text(arena, out, s, len, err);
	case LG_OID_BPCHAR:
		if (typmod < LG_VARHDRSZ)
			return lg_codec_set_text(arena, out, s, len, err);
		if (check_length(oid, typmod, s, &len, &chars, err) < 0)
			return -1;
		return store_padded(s, len, (size_t)(typmod - LG_VARHDRSZ) - chars, arena, out,
				    err);
	default: return lg_codec_set_text(arena, out, s, len, err);
	}
}

int lg_codec_str_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		    lg_value_t *out, lg_error_t *err)
{
	return str_store(oid, typmod, s, len, arena, out, err);
}

int lg_codec_str_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len, lg_arena_t *arena,
		      lg_value_t *out, lg_error_t *err)
{
	const char *s = (const char *)p;
	if (oid == LG_OID_CHAR) {
		if (len != 1)
			return lg_codec_err_binary(err);
		return lg_codec_set_text(arena, out, s, p[0] ? 1 : 0, err);
	}
	size_t bad = lg_codec_utf8_check(s, len);
	if (bad != len)
		return lg_codec_err_encoding(err, s, len, bad);
	return str_store(oid, typmod, s, len, arena, out, err);
}

/* bpchar(n) read back shorter than n (written by something else). */
static void pad_bpchar(int32_t typmod, const lg_value_t *v, lg_sb_t *out)
{
	if (typmod < LG_VARHDRSZ || v->kind != LG_VAL_TEXT)
		return;
	size_t n = (size_t)(typmod - LG_VARHDRSZ);
	if (v->len >= 4 * n)
		return;
	size_t chars = lg_codec_utf8_chars(v->s, v->len);
	for (; chars < n; chars++)
		lg_sb_putc(out, ' ');
}

int lg_codec_str_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		     lg_error_t *err)
{
	LG_UNUSED(err);
	if (oid == LG_OID_CHAR && v->kind == LG_VAL_TEXT && v->len == 1 &&
	    ((unsigned char)v->s[0] & 0x80)) {
		unsigned char c = (unsigned char)v->s[0];
		char buf[4] = {'\\', (char)('0' + (c >> 6)), (char)('0' + ((c >> 3) & 7)),
			       (char)('0' + (c & 7))};
		lg_sb_appendn(out, buf, 4);
		return 0;
	}
	lg_codec_append_raw(v, out);
	if (oid == LG_OID_BPCHAR)
		pad_bpchar(typmod, v, out);
	return 0;
}

int lg_codec_str_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		      lg_error_t *err)
{
	LG_UNUSED(err);
	if (oid == LG_OID_CHAR && (v->kind == LG_VAL_TEXT || v->kind == LG_VAL_BLOB)) {
		lg_sb_putc(out, v->len ? v->s[0] : '\0');
		return 0;
	}
	lg_codec_append_raw(v, out);
	if (oid == LG_OID_BPCHAR)
		pad_bpchar(typmod, v, out);
	return 0;
}

/* ---- bytea ---- */

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

static int bad_hex_digit(lg_error_t *err, const char *s, size_t left)
{
	unsigned char c = (unsigned char)*s;
	size_t l = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : 4;
	if (l > left)
		l = left;
	return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
			    "invalid hexadecimal digit: \"%.*s\"", (int)l, s);
}

static int bytea_hex(const char *s, size_t len, char *dst, size_t *n, lg_error_t *err)
{
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		char c = s[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			i++;
			continue;
		}
		int hi = hexval(c);
		if (hi < 0)
			return bad_hex_digit(err, s + i, len - i);
		if (++i >= len)
			return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
					    "invalid hexadecimal data: odd number of digits");
		int lo = hexval(s[i]);
		if (lo < 0)
			return bad_hex_digit(err, s + i, len - i);
		i++;
		dst[o++] = (char)(hi << 4 | lo);
	}
	*n = o;
	return 0;
}

static bool is_oct(char c, char hi)
{
	return c >= '0' && c <= hi;
}

static int bytea_escape(const char *s, size_t len, char *dst, size_t *n, lg_error_t *err)
{
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] != '\\') {
			dst[o++] = s[i++];
		} else if (len - i >= 4 && is_oct(s[i + 1], '3') && is_oct(s[i + 2], '7') &&
			   is_oct(s[i + 3], '7')) {
			dst[o++] = (char)(((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) |
					  (s[i + 3] - '0'));
			i += 4;
		} else if (len - i >= 2 && s[i + 1] == '\\') {
			dst[o++] = '\\';
			i += 2;
		} else {
			return lg_error_set(err, LG_SQLSTATE_INVALID_TEXT_REPRESENTATION,
					    "invalid input syntax for type bytea");
		}
	}
	*n = o;
	return 0;
}

int lg_codec_bytea_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		      lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	char *dst = lg_arena_alloc(arena, len + 1);
	if (!dst)
		return lg_codec_err_oom(err);
	size_t n = 0;
	int rc;
	if (len >= 2 && s[0] == '\\' && s[1] == 'x')
		rc = bytea_hex(s + 2, len - 2, dst, &n, err);
	else
		rc = bytea_escape(s, len, dst, &n, err);
	if (rc < 0)
		return -1;
	out->kind = LG_VAL_BLOB;
	out->s = dst;
	out->len = n;
	return 0;
}

int lg_codec_bytea_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		       lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	if (v->kind != LG_VAL_TEXT && v->kind != LG_VAL_BLOB) {
		/* A number in a bytea column: its text is the bytes. */
		size_t start = out->len;
		char buf[64];
		lg_codec_append_raw(v, out);
		if (out->failed || out->len - start > sizeof(buf))
			return 0;
		lg_value_t t = {.kind = LG_VAL_BLOB, .s = buf, .len = out->len - start};
		memcpy(buf, out->data + start, t.len);
		lg_sb_truncate(out, start);
		return lg_codec_bytea_out(oid, typmod, &t, out, err);
	}
	if (!lg_sb_reserve(out, 2 + 2 * v->len))
		return 0;
	char *p = out->data + out->len;
	*p++ = '\\';
	*p++ = 'x';
	const unsigned char *b = (const unsigned char *)v->s;
	for (size_t i = 0; i < v->len; i++) {
		*p++ = hexdig[b[i] >> 4];
		*p++ = hexdig[b[i] & 15];
	}
	out->len += 2 + 2 * v->len;
	out->data[out->len] = '\0';
	return 0;
}

int lg_codec_bytea_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	lg_codec_append_raw(v, out);
	return 0;
}

int lg_codec_bytea_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
			lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	return lg_codec_set_blob(arena, out, p, len, err);
}

/* ---- uuid ---- */

/* string_to_uuid: optional braces, 32 hex digits, a hyphen allowed after
 * any group of four. No blanks. */
static bool parse_uuid(const char *s, size_t len, unsigned char u[16])
{
	size_t i = 0;
	bool braces = false;
	if (len > 0 && s[0] == '{') {
		braces = true;
		i++;
	}
	for (int k = 0; k < 16; k++) {
		if (len - i < 2)
			return false;
		int hi = hexval(s[i]), lo = hexval(s[i + 1]);
		if (hi < 0 || lo < 0)
			return false;
		u[k] = (unsigned char)(hi << 4 | lo);
		i += 2;
		if (i < len && s[i] == '-' && (k % 2) == 1 && k < 15)
			i++;
	}
	if (braces) {
		if (i >= len || s[i] != '}')
			return false;
		i++;
	}
	return i == len;
}

static void format_uuid(const unsigned char u[16], char *dst)
{
	int o = 0;
	for (int k = 0; k < 16; k++) {
		if (k == 4 || k == 6 || k == 8 || k == 10)
			dst[o++] = '-';
		dst[o++] = hexdig[u[k] >> 4];
		dst[o++] = hexdig[u[k] & 15];
	}
}

static bool is_canonical_uuid(const char *s, size_t len)
{
	if (len != 36)
		return false;
	for (size_t i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) {
			return false;
		}
	}
	return true;
}

int lg_codec_uuid_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		     lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	unsigned char u[16];
	if (!parse_uuid(s, len, u))
		return lg_codec_err_syntax(err, "uuid", s, len);
	char buf[36];
	format_uuid(u, buf);
	return lg_codec_set_text(arena, out, buf, 36, err);
}

/* The 16 bytes of a stored uuid; false if it is not one. */
static bool stored_uuid(const lg_value_t *v, unsigned char u[16])
{
	if (v->kind == LG_VAL_BLOB && v->len == 16) {
		memcpy(u, v->s, 16);
		return true;
	}
	if (v->kind == LG_VAL_TEXT || v->kind == LG_VAL_BLOB)
		return parse_uuid(v->s, v->len, u);
	return false;
}

int lg_codec_uuid_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		      lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	unsigned char u[16];
	if (v->kind == LG_VAL_TEXT && is_canonical_uuid(v->s, v->len)) {
		lg_sb_appendn(out, v->s, 36);
	} else if (stored_uuid(v, u)) {
		char buf[36];
		format_uuid(u, buf);
		lg_sb_appendn(out, buf, 36);
	} else {
		lg_codec_append_raw(v, out);
	}
	return 0;
}

int lg_codec_uuid_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		       lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	unsigned char u[16];
	if (!stored_uuid(v, u))
		return lg_codec_err_syntax(err, "uuid", v->s, v->kind == LG_VAL_TEXT ? v->len : 0);
	lg_sb_appendn(out, u, 16);
	return 0;
}

int lg_codec_uuid_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
		       lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	if (len != 16)
		return lg_codec_err_binary(err);
	char buf[36];
	format_uuid(p, buf);
	return lg_codec_set_text(arena, out, buf, 36, err);
}
