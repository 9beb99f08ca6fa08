/* Codec entry points: dispatch on the type OID to the per-family functions
 * (codec_scalar.c, codec_text.c, numeric.c, datetime.c, json.c), plus the
 * helpers they share. */
#include "catalog/codec_int.h"

#include <stdio.h>
#include <string.h>

/* ---- helpers ---- */

int lg_codec_err_syntax(lg_error_t *err, const char *type, const char *s, size_t len)
{
	return lg_error_set(err, LG_SQLSTATE_INVALID_TEXT_REPRESENTATION,
			    "invalid input syntax for type %s: \"%.*s\"", type, (int)len, s);
}

int lg_codec_err_binary(lg_error_t *err)
{
	return lg_error_set(err, LG_SQLSTATE_INVALID_BINARY_REPRESENTATION,
			    "incorrect binary data format");
}

int lg_codec_err_oom(lg_error_t *err)
{
	return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

int lg_codec_set_text(lg_arena_t *arena, lg_value_t *out, const char *s, size_t len,
		      lg_error_t *err)
{
	char *p = lg_arena_alloc(arena, len + 1);
	if (!p)
		return lg_codec_err_oom(err);
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	out->kind = LG_VAL_TEXT;
	out->s = p;
	out->len = len;
	return 0;
}

int lg_codec_set_blob(lg_arena_t *arena, lg_value_t *out, const void *p, size_t len,
		      lg_error_t *err)
{
	if (lg_codec_set_text(arena, out, p, len, err) < 0)
		return -1;
	out->kind = LG_VAL_BLOB;
	return 0;
}

bool lg_codec_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void lg_codec_trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;
	while (n > 0 && lg_codec_is_space(*p)) {
		p++;
		n--;
	}
	while (n > 0 && lg_codec_is_space(p[n - 1]))
		n--;
	*s = p;
	*len = n;
}

/* Length of the UTF-8 sequence at s[i] that is well formed, or 0. */
static size_t utf8_seq(const unsigned char *s, size_t i, size_t len)
{
	unsigned char c = s[i];
	size_t n;
	unsigned char lo = 0x80, hi = 0xbf;
	if (c < 0x80)
		return c ? 1 : 0;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (len - i < n)
		return 0;
	if (s[i + 1] < lo || s[i + 1] > hi)
		return 0;
	for (size_t k = 2; k < n; k++)
		if (s[i + k] < 0x80 || s[i + k] > 0xbf)
			return 0;
	return n;
}

size_t lg_codec_utf8_check(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		/* Fast path: eight ASCII bytes with no NUL. */
		if (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ULL) &&
			    !((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) {
				i += 8;
				continue;
			}
		}
		size_t n = utf8_seq(s, i, len);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

size_t lg_codec_utf8_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

int lg_codec_err_encoding(lg_error_t *err, const char *s, size_t len, size_t at)
{
	unsigned char c = (unsigned char)s[at];
	size_t l = (c & 0x80) == 0      ? 1
		   : (c & 0xe0) == 0xc0 ? 2
		   : (c & 0xf0) == 0xe0 ? 3
		   : (c & 0xf8) == 0xf0 ? 4
					: 1;
	if (l > len - at)
		l = len - at;
	char buf[8 * 5 + 1];
	size_t o = 0;
	for (size_t j = 0; j < l; j++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, j ? " 0x%02x" : "0x%02x",
				      (unsigned char)s[at + j]);
	return lg_error_set(err, LG_SQLSTATE_CHARACTER_NOT_IN_REPERTOIRE,
			    "invalid byte sequence for encoding \"UTF8\": %s", buf);
}

size_t lg_codec_fmt_int(char *buf, int64_t v)
{
	char tmp[20];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	size_t n = 0, o = 0;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[o++] = '-';
	while (n)
		buf[o++] = tmp[--n];
	return o;
}

void lg_codec_append_raw(const lg_value_t *v, lg_sb_t *out)
{
	char buf[24];
	switch (v->kind) {
	case LG_VAL_INT: lg_sb_appendn(out, buf, lg_codec_fmt_int(buf, v->i)); break;
	case LG_VAL_REAL: lg_codec_format_float8(out, v->r); break;
	case LG_VAL_TEXT:
	case LG_VAL_BLOB: lg_sb_appendn(out, v->s, v->len); break;
	case LG_VAL_NULL: break;
	}
}

void lg_codec_put_be(lg_sb_t *out, uint64_t v, int bytes)
{
	if (!lg_sb_reserve(out, (size_t)bytes))
		return;
	unsigned char *p = (unsigned char *)out->data + out->len;
	for (int i = bytes - 1; i >= 0; i--) {
		p[i] = (unsigned char)(v & 0xff);
		v >>= 8;
	}
	out->len += (size_t)bytes;
	out->data[out->len] = '\0';
}

uint64_t lg_codec_get_be(const uint8_t *p, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++)
		v = (v << 8) | p[i];
	return v;
}

/* ---- dispatch ---- */

typedef struct family {
	lg_codec_in_fn in;
	lg_codec_out_fn out;
	lg_codec_recv_fn recv;
	lg_codec_out_fn send;
} family_t;

static const family_t fam_bool = {lg_codec_bool_in, lg_codec_bool_out, lg_codec_bool_recv,
				  lg_codec_bool_send};
static const family_t fam_int = {lg_codec_int_in, lg_codec_int_out, lg_codec_int_recv,
				 lg_codec_int_send};
static const family_t fam_float = {lg_codec_float_in, lg_codec_float_out, lg_codec_float_recv,
				   lg_codec_float_send};
static const family_t fam_numeric = {lg_codec_numeric_in, lg_codec_numeric_out,
				     lg_codec_numeric_recv, lg_codec_numeric_send};
static const family_t fam_str = {lg_codec_str_in, lg_codec_str_out, lg_codec_str_recv,
				 lg_codec_str_send};
static const family_t fam_bytea = {lg_codec_bytea_in, lg_codec_bytea_out, lg_codec_bytea_recv,
				   lg_codec_bytea_send};
static const family_t fam_uuid = {lg_codec_uuid_in, lg_codec_uuid_out, lg_codec_uuid_recv,
				  lg_codec_uuid_send};
static const family_t fam_dt = {lg_codec_dt_in, lg_codec_dt_out, lg_codec_dt_recv,
				lg_codec_dt_send};
static const family_t fam_array = {lg_codec_array_in, lg_codec_array_out, lg_codec_array_recv,
				   lg_codec_array_send};
static const family_t fam_json = {lg_codec_json_in, lg_codec_json_out, lg_codec_json_recv,
				  lg_codec_json_send};

/* NULL: a type without codecs of its own (text passes through). */
static const family_t *family(lg_oid_t oid)
{
	switch (oid) {
	case LG_OID_BOOL: return &fam_bool;
	case LG_OID_INT2:
	case LG_OID_INT4:
	case LG_OID_INT8:
	case LG_OID_OID:
	case LG_OID_REGPROC:
	case LG_OID_REGCLASS:
	case LG_OID_REGTYPE: return &fam_int;
	case LG_OID_FLOAT4:
	case LG_OID_FLOAT8: return &fam_float;
	case LG_OID_NUMERIC: return &fam_numeric;
	case 0:
	case LG_OID_TEXT:
	case LG_OID_VARCHAR:
	case LG_OID_BPCHAR:
	case LG_OID_NAME:
	case LG_OID_CHAR:
	case LG_OID_UNKNOWN: return &fam_str;
	case LG_OID_BYTEA: return &fam_bytea;
	case LG_OID_UUID: return &fam_uuid;
	case LG_OID_DATE:
	case LG_OID_TIME:
	case LG_OID_TIMESTAMP:
	case LG_OID_TIMESTAMPTZ: return &fam_dt;
	case LG_OID_JSON:
	case LG_OID_JSONB: return &fam_json;
	default: {
		const lg_type_t *t = lg_cat_type_by_oid(oid);
		return t && t->elem_oid ? &fam_array : NULL;
	}
	}
}

static const char *type_name(lg_oid_t oid)
{
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	return t ? t->name : "unknown";
}

int lg_codec_encode_text(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			 lg_error_t *err)
{
	if (v->kind == LG_VAL_NULL)
		return 0;
	const family_t *f = family(oid);
	int rc;
	if (f)
		rc = f->out(oid, typmod, v, out, err);
	else {
		lg_codec_append_raw(v, out);
		rc = 0;
	}
	if (rc == 0 && out->failed)
		return lg_codec_err_oom(err);
	return rc;
}

int lg_codec_encode_binary(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			   lg_error_t *err)
{
	if (v->kind == LG_VAL_NULL)
		return 0;
	const family_t *f = family(oid);
	if (!f)
		return lg_error_set(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				    "binary output for type %s is not supported", type_name(oid));
	int rc = f->send(oid, typmod, v, out, err);
	if (rc == 0 && out->failed)
		return lg_codec_err_oom(err);
	return rc;
}

int lg_codec_decode_text(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
			 lg_value_t *out, lg_error_t *err)
{
	memset(out, 0, sizeof(*out));
	size_t bad = lg_codec_utf8_check(s, len);
	if (bad != len)
		return lg_codec_err_encoding(err, s, len, bad);
	const family_t *f = family(oid);
	if (!f)
		return lg_codec_set_text(arena, out, s, len, err);
	return f->in(oid, typmod, s, len, arena, out, err);
}

int lg_codec_decode_binary(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
			   lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	memset(out, 0, sizeof(*out));
	const family_t *f = family(oid);
	if (!f)
		return lg_error_set(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				    "binary input for type %s is not supported", type_name(oid));
	return f->recv(oid, typmod, p, len, arena, out, err);
}
