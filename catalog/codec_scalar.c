/* bool, int2/int4/int8, oid (and the reg* types, as numbers), float4 and
 * float8: boolin/boolout, pg_strtoint*, oidin, float8in/float8out with
 * extra_float_digits = 1 (shortest round-trip digits). */
#include "catalog/codec_int.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* s[0..len) is a case-insensitive prefix of word (and not longer). */
static bool prefix_ci(const char *s, size_t len, const char *word)
{
	size_t wl = strlen(word);
	if (len > wl)
		return false;
	for (size_t i = 0; i < len; i++)
		if (lower(s[i]) != word[i])
			return false;
	return true;
}

/* ---- bool ---- */

/* parse_bool_with_len: 1 true, 0 false, -1 not a boolean. */
static int parse_bool(const char *s, size_t len)
{
	lg_codec_trim(&s, &len);
	if (len == 0)
		return -1;
	switch (lower(s[0])) {
	case 't': return prefix_ci(s, len, "true") ? 1 : -1;
	case 'f': return prefix_ci(s, len, "false") ? 0 : -1;
	case 'y': return prefix_ci(s, len, "yes") ? 1 : -1;
	case 'n': return prefix_ci(s, len, "no") ? 0 : -1;
	case 'o':
		if (len < 2)
			return -1;
		if (prefix_ci(s, len, "on"))
			return 1;
		return prefix_ci(s, len, "off") ? 0 : -1;
	case '1': return len == 1 ? 1 : -1;
	case '0': return len == 1 ? 0 : -1;
	default: return -1;
	}
}

int lg_codec_bool_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		     lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	LG_UNUSED(arena);
	int b = parse_bool(s, len);
	if (b < 0)
		return lg_codec_err_syntax(err, "boolean", s, len);
	out->kind = LG_VAL_INT;
	out->i = b;
	return 0;
}

/* A stored value as a boolean: -1 when it is not one. */
static int stored_bool(const lg_value_t *v)
{
	int64_t i;
	switch (v->kind) {
	case LG_VAL_INT: return v->i != 0;
	case LG_VAL_REAL: return v->r != 0;
	case LG_VAL_TEXT:
	case LG_VAL_BLOB:
		if (parse_bool(v->s, v->len) >= 0)
			return parse_bool(v->s, v->len);
		if (lg_codec_parse_int64(v->s, v->len, &i))
			return i != 0;
		return -1;
	default: return -1;
	}
}

int lg_codec_bool_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		      lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	int b = stored_bool(v);
	if (b < 0)
		lg_codec_append_raw(v, out);
	else
		lg_sb_putc(out, b ? 't' : 'f');
	return 0;
}

int lg_codec_bool_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		       lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	int b = stored_bool(v);
	if (b < 0)
		return lg_codec_err_syntax(err, "boolean", v->s, v->len);
	lg_sb_putc(out, (char)b);
	return 0;
}

int lg_codec_bool_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
		       lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	LG_UNUSED(arena);
	if (len != 1)
		return lg_codec_err_binary(err);
	out->kind = LG_VAL_INT;
	out->i = p[0] != 0;
	return 0;
}

/* ---- integers ---- */

typedef enum { PARSE_OK, PARSE_SYNTAX, PARSE_RANGE } parse_rc_t;

/* pg_strtoint64's rules: blanks around, one sign, at least one digit. The
 * magnitude limit decides overflow (which wins over later junk, as in
 * PostgreSQL). */
static parse_rc_t parse_int(const char *s, size_t len, int64_t min, int64_t max, int64_t *out)
{
	size_t i = 0;
	while (i < len && lg_codec_is_space(s[i]))
		i++;
	bool neg = false;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	if (i >= len || s[i] < '0' || s[i] > '9')
		return PARSE_SYNTAX;
	uint64_t limit = neg ? (uint64_t)0 - (uint64_t)min : (uint64_t)max;
	uint64_t v = 0;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (limit - d) / 10)
			return PARSE_RANGE;
		v = v * 10 + d;
	}
	while (i < len && lg_codec_is_space(s[i]))
		i++;
	if (i != len)
		return PARSE_SYNTAX;
	*out = neg ? (int64_t)((uint64_t)0 - v) : (int64_t)v;
	return PARSE_OK;
}

bool lg_codec_parse_int64(const char *s, size_t len, int64_t *v)
{
	return parse_int(s, len, INT64_MIN, INT64_MAX, v) == PARSE_OK;
}

/* oidin: strtoul semantics, so "-1" is 4294967295. */
static parse_rc_t parse_oid(const char *s, size_t len, int64_t *out)
{
	size_t i = 0;
	while (i < len && lg_codec_is_space(s[i]))
		i++;
	bool neg = false;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	if (i >= len || s[i] < '0' || s[i] > '9')
		return PARSE_SYNTAX;
	uint64_t v = 0;
	bool range = false;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			range = true;
		v = v * 10 + d;
	}
	if (range)
		return PARSE_RANGE;
	while (i < len && lg_codec_is_space(s[i]))
		i++;
	if (i != len)
		return PARSE_SYNTAX;
	if (neg)
		v = (uint64_t)0 - v;
	/* oidin: the unsigned long must be the Oid, or the Oid as an int. */
	uint32_t r = (uint32_t)v;
	if (v != r && v != (uint64_t)(int64_t)(int32_t)r)
		return PARSE_RANGE;
	*out = r;
	return PARSE_OK;
}

static bool is_oid_type(lg_oid_t oid)
{
	return oid == LG_OID_OID || oid == LG_OID_REGPROC || oid == LG_OID_REGCLASS ||
	       oid == LG_OID_REGTYPE;
}

static const char *int_name(lg_oid_t oid)
{
	switch (oid) {
	case LG_OID_INT2: return "smallint";
	case LG_OID_INT4: return "integer";
	case LG_OID_INT8: return "bigint";
	default: return "oid";
	}
}

static int int_bytes(lg_oid_t oid)
{
	return oid == LG_OID_INT2 ? 2 : oid == LG_OID_INT8 ? 8 : 4;
}

int lg_codec_int_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		    lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(typmod);
	LG_UNUSED(arena);
	int64_t v = 0;
	parse_rc_t rc;
	if (is_oid_type(oid))
		rc = parse_oid(s, len, &v);
	else if (oid == LG_OID_INT2)
		rc = parse_int(s, len, INT16_MIN, INT16_MAX, &v);
	else if (oid == LG_OID_INT4)
		rc = parse_int(s, len, INT32_MIN, INT32_MAX, &v);
	else
		rc = parse_int(s, len, INT64_MIN, INT64_MAX, &v);
	if (rc == PARSE_SYNTAX)
		return lg_codec_err_syntax(err, int_name(oid), s, len);
	if (rc == PARSE_RANGE)
		return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				    "value \"%.*s\" is out of range for type %s", (int)len, s,
				    int_name(oid));
	out->kind = LG_VAL_INT;
	out->i = v;
	return 0;
}

/* NUL-terminated copy for strtod; false if too long to be a number. */
static bool cstr(const char *s, size_t len, char *buf, size_t cap)
{
	if (len >= cap)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return true;
}

/* A stored value as an integer the way PostgreSQL's casts would see it
 * (float -> int rounds half to even). */
static bool stored_int(const lg_value_t *v, int64_t *i)
{
	double d;
	char buf[128], *end;
	switch (v->kind) {
	case LG_VAL_INT: *i = v->i; return true;
	case LG_VAL_REAL: d = v->r; break;
	case LG_VAL_TEXT:
		if (lg_codec_parse_int64(v->s, v->len, i))
			return true;
		if (!cstr(v->s, v->len, buf, sizeof(buf)))
			return false;
		errno = 0;
		d = strtod(buf, &end);
		if (end == buf || errno)
			return false;
		while (lg_codec_is_space(*end))
			end++;
		if (*end)
			return false;
		break;
	default: return false;
	}
	d = rint(d);
	if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
		return false;
	*i = (int64_t)d;
	return true;
}

int lg_codec_int_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		     lg_error_t *err)
{
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	int64_t i;
	if (!stored_int(v, &i)) {
		lg_codec_append_raw(v, out);
		return 0;
	}
	char buf[24];
	if (is_oid_type(oid))
		i = (uint32_t)i;
	lg_sb_appendn(out, buf, lg_codec_fmt_int(buf, i));
	return 0;
}

int lg_codec_int_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		      lg_error_t *err)
{
	LG_UNUSED(typmod);
	int64_t i;
	if (!stored_int(v, &i))
		return lg_codec_err_syntax(err, int_name(oid), v->s,
					   v->kind == LG_VAL_TEXT ? v->len : 0);
	lg_codec_put_be(out, (uint64_t)i, int_bytes(oid));
	return 0;
}

int lg_codec_int_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len, lg_arena_t *arena,
		      lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(typmod);
	LG_UNUSED(arena);
	int n = int_bytes(oid);
	if (len != (size_t)n)
		return lg_codec_err_binary(err);
	uint64_t u = lg_codec_get_be(p, n);
	out->kind = LG_VAL_INT;
	if (is_oid_type(oid))
		out->i = (int64_t)(uint32_t)u;
	else if (n == 2)
		out->i = (int16_t)(uint16_t)u;
	else if (n == 4)
		out->i = (int32_t)(uint32_t)u;
	else
		out->i = (int64_t)u;
	return 0;
}

/* ---- floats ---- */

/* float8in_internal: strtod plus PostgreSQL's own spellings of NaN and
 * Infinity, an error for overflow and for underflow to zero. */

/* The storage form of a float. SQLite stores a NaN REAL as NULL, so NaN is
 * kept as the text 'NaN', which reads back as NaN and sorts after every
 * number, as in PostgreSQL. */
static void set_float(lg_value_t *out, double d)
{
	if (isnan(d)) {
		out->kind = LG_VAL_TEXT;
		out->s = "NaN";
		out->len = 3;
		return;
	}
	out->kind = LG_VAL_REAL;
	out->r = d;
}

int lg_codec_float_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		      lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(typmod);
	bool f4 = oid == LG_OID_FLOAT4;
	const char *name = f4 ? "real" : "double precision";
	char sbuf[256];
	char *buf = sbuf;
	if (len >= sizeof(sbuf)) {
		buf = lg_arena_alloc(arena, len + 1);
		if (!buf)
			return lg_codec_err_oom(err);
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	char *num = buf, *end;
	while (lg_codec_is_space(*num))
		num++;
	if (*num == '\0')
		return lg_codec_err_syntax(err, name, s, len);
	errno = 0;
	double d = f4 ? (double)strtof(num, &end) : strtod(num, &end);
	if (end == num || errno) {
		int e = errno;
		static const struct {
			const char *w;
			double v;
		} sp[] = {{"nan", NAN},
			  {"infinity", INFINITY},
			  {"+infinity", INFINITY},
			  {"-infinity", -INFINITY},
			  {"inf", INFINITY},
			  {"+inf", INFINITY},
			  {"-inf", -INFINITY}};
		size_t k;
		for (k = 0; k < LG_ARRAY_LEN(sp); k++) {
			size_t wl = strlen(sp[k].w);
			if (strncasecmp(num, sp[k].w, wl) == 0) {
				d = sp[k].v;
				end = num + wl;
				break;
			}
		}
		if (k == LG_ARRAY_LEN(sp)) {
			if (e == ERANGE && (d == 0.0 || isinf(d)))
				return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
						    "\"%.*s\" is out of range for type %s",
						    (int)(end - num), num, name);
			if (e != ERANGE)
				return lg_codec_err_syntax(err, name, s, len);
		}
	}
	while (lg_codec_is_space(*end))
		end++;
	if (*end != '\0')
		return lg_codec_err_syntax(err, name, s, len);
	set_float(out, d);
	return 0;
}

/* PostgreSQL's layout of shortest digits (Ryu's d2s/f2s in PostgreSQL):
 * fixed notation for -4 <= exponent < maxexp, else d.ddde+XX. */
static void layout(lg_sb_t *out, bool neg, const char *dg, int n, int e, int maxexp)
{
	char buf[64];
	int o = 0;
	if (neg)
		buf[o++] = '-';
	if (e >= -4 && e < maxexp) {
		if (e >= 0) {
			for (int i = 0; i <= e; i++)
				buf[o++] = i < n ? dg[i] : '0';
			if (n > e + 1) {
				buf[o++] = '.';
				for (int i = e + 1; i < n; i++)
					buf[o++] = dg[i];
			}
		} else {
			buf[o++] = '0';
			buf[o++] = '.';
			for (int i = 0; i < -e - 1; i++)
				buf[o++] = '0';
			for (int i = 0; i < n; i++)
				buf[o++] = dg[i];
		}
	} else {
		buf[o++] = dg[0];
		if (n > 1) {
			buf[o++] = '.';
			for (int i = 1; i < n; i++)
				buf[o++] = dg[i];
		}
		o += snprintf(buf + o, sizeof(buf) - (size_t)o, "e%c%02d", e < 0 ? '-' : '+',
			      e < 0 ? -e : e);
	}
	lg_sb_appendn(out, buf, (size_t)o);
}

static bool special_float(lg_sb_t *out, double d)
{
	if (isnan(d))
		lg_sb_append(out, "NaN");
	else if (isinf(d))
		lg_sb_append(out, d > 0 ? "Infinity" : "-Infinity");
	else if (d == 0)
		lg_sb_append(out, signbit(d) ? "-0" : "0");
	else
		return false;
	return true;
}

/* Writes the decimal digits and exponent of `s`, a "%.*e" rendering:
 * digits without trailing zeros; returns the digit count. */
static int split_e(const char *s, char *digits, int *exp10)
{
	int n = 0;
	if (*s == '-')
		s++;
	for (; *s && *s != 'e'; s++)
		if (*s >= '0' && *s <= '9')
			digits[n++] = *s;
	while (n > 1 && digits[n - 1] == '0')
		n--;
	*exp10 = *s == 'e' ? atoi(s + 1) : 0;
	return n;
}

typedef unsigned __int128 u128;

/* Whether D x 10^E == M x 2^F exactly (D < 10^17, M < 2^56). Only small
 * |E| can match: the 5^|E| factor must divide the other side. */
static bool dec_eq_bin(uint64_t D, int E, uint64_t M, int F)
{
	u128 l = D, r = M;
	int e = E < 0 ? -E : E;
	if (e > 27)
		return false;
	for (int i = 0; i < e; i++) {
		if (E > 0)
			l *= 5;
		else
			r *= 5;
	}
	/* now l x 2^E == r x 2^F */
	int k = E - F;
	if (k < 0) {
		u128 t = l;
		l = r;
		r = t;
		k = -k;
	}
	/* l x 2^k == r */
	if (k > 127 || (k > 0 && (l >> (128 - k)) != 0))
		return false;
	return (l << k) == r;
}

/* PostgreSQL's Ryu never takes a decimal lying exactly halfway to a
 * neighbouring value, even one that would read back (acceptBounds is
 * false). `mbits` is the significand width (53 or 24). */
static bool at_bound(const char *buf, double d, int mbits, double minnorm)
{
	char dg[20];
	int e, n = split_e(buf, dg, &e);
	uint64_t D = 0;
	for (int i = 0; i < n; i++)
		D = D * 10 + (uint64_t)(dg[i] - '0');
	int E = e - (n - 1), e2;
	double fr = frexp(fabs(d), &e2);
	uint64_t m = (uint64_t)ldexp(fr, mbits);
	int F = e2 - mbits;
	if (dec_eq_bin(D, E, 2 * m + 1, F - 1))
		return true;
	if (m == (UINT64_C(1) << (mbits - 1)) && fabs(d) > minnorm)
		return dec_eq_bin(D, E, 4 * m - 1, F - 2);
	return dec_eq_bin(D, E, 2 * m - 1, F - 1);
}

static const double pow10_tab[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
				   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* n / 10^k with the point placed (n has no trailing zeros when k > 0). */
static void put_fixed(lg_sb_t *out, bool neg, uint64_t n, int k)
{
	char dg[24], buf[48];
	size_t l = lg_codec_fmt_int(dg, (int64_t)n), o = 0;
	if (neg)
		buf[o++] = '-';
	if (k == 0) {
		memcpy(buf + o, dg, l);
		o += l;
	} else if (l > (size_t)k) {
		memcpy(buf + o, dg, l - (size_t)k);
		o += l - (size_t)k;
		buf[o++] = '.';
		memcpy(buf + o, dg + l - (size_t)k, (size_t)k);
		o += (size_t)k;
	} else {
		buf[o++] = '0';
		buf[o++] = '.';
		for (size_t z = l; z < (size_t)k; z++)
			buf[o++] = '0';
		memcpy(buf + o, dg, l);
		o += l;
	}
	lg_sb_appendn(out, buf, o);
}

/* Fast path in the fixed-notation range: the fewest fraction digits k with
 * an integer n (of at most DBL_DIG digits) such that n / 10^k == |d|.
 * Both operands are exact, so the division is what strtod would return;
 * such an n is the one short decimal that reads back as d, and in this
 * range it never lies on a rounding boundary, so it is Ryu's answer too.
 * Needs IEEE double evaluation (no x87 excess precision). */
static bool short_fixed8(lg_sb_t *out, double d)
{
#if FLT_EVAL_METHOD == 0
	double a = fabs(d);
	if (!(a >= 1e-4 && a < 1e15))
		return false;
	for (int k = 0; k < (int)LG_ARRAY_LEN(pow10_tab); k++) {
		double n = rint(a * pow10_tab[k]);
		if (n >= 1e15)
			return false;
		if (n / pow10_tab[k] == a) {
			put_fixed(out, d < 0, (uint64_t)n, k);
			return true;
		}
	}
#else
	LG_UNUSED(out);
	LG_UNUSED(d);
#endif
	return false;
}

/* The same for float4 (FLT_DIG = 6, fixed notation below 1e6). */
static bool short_fixed4(lg_sb_t *out, float f)
{
#if FLT_EVAL_METHOD == 0
	float a = fabsf(f);
	if (!(a >= 1e-4f && a < 1e6f))
		return false;
	for (int k = 0; k <= 10; k++) {
		float p = (float)pow10_tab[k];
		float n = rintf(a * p);
		if (n >= 1e6f)
			return false;
		if (n / p == a) {
			put_fixed(out, f < 0, (uint64_t)n, k);
			return true;
		}
	}
#else
	LG_UNUSED(out);
	LG_UNUSED(f);
#endif
	return false;
}

/* The shortest digits that read back as `d`: the correctly rounded
 * 15-digit form is it when any form of at most 15 digits is (DBL_DIG), so
 * only 15, 16 and 17 digits need trying (more for subnormals). */
void lg_codec_format_float8(lg_sb_t *out, double d)
{
	if (special_float(out, d))
		return;
	if (short_fixed8(out, d))
		return;
	char buf[40], dg[20];
	/* Subnormals carry fewer digits: search from one. */
	for (int prec = fabs(d) < DBL_MIN ? 0 : 14; prec <= 16; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, d);
		if (prec == 16 || (strtod(buf, NULL) == d && !at_bound(buf, d, 53, DBL_MIN)))
			break;
	}
	int e;
	int n = split_e(buf, dg, &e);
	layout(out, d < 0, dg, n, e, 15);
}

void lg_codec_format_float4(lg_sb_t *out, float f)
{
	if (special_float(out, f))
		return;
	if (short_fixed4(out, f))
		return;
	char buf[40], dg[20];
	for (int prec = fabsf(f) < FLT_MIN ? 0 : 5; prec <= 8; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, (double)f);
		if (prec == 8 || (strtof(buf, NULL) == f && !at_bound(buf, f, 24, FLT_MIN)))
			break;
	}
	int e;
	int n = split_e(buf, dg, &e);
	layout(out, f < 0, dg, n, e, 6);
}

/* A stored value as a double; false when it is text that is no number. */
static bool stored_float(const lg_value_t *v, double *d)
{
	char buf[128], *end;
	switch (v->kind) {
	case LG_VAL_INT: *d = (double)v->i; return true;
	case LG_VAL_REAL: *d = v->r; return true;
	case LG_VAL_TEXT: {
		lg_value_t tmp;
		lg_error_t e = LG_ERROR_INIT;
		if (!cstr(v->s, v->len, buf, sizeof(buf)))
			return false;
		errno = 0;
		*d = strtod(buf, &end);
		if (end != buf && !errno) {
			while (lg_codec_is_space(*end))
				end++;
			if (!*end)
				return true;
		}
		/* NaN, Infinity and friends */
		if (lg_codec_float_in(LG_OID_FLOAT8, -1, v->s, v->len, NULL, &tmp, &e) == 0) {
			*d = tmp.r;
			return true;
		}
		lg_error_clear(&e);
		return false;
	}
	default: return false;
	}
}

int lg_codec_float_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		       lg_error_t *err)
{
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	double d;
	if (!stored_float(v, &d))
		lg_codec_append_raw(v, out);
	else if (oid == LG_OID_FLOAT4)
		lg_codec_format_float4(out, (float)d);
	else
		lg_codec_format_float8(out, d);
	return 0;
}

int lg_codec_float_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			lg_error_t *err)
{
	LG_UNUSED(typmod);
	double d;
	if (!stored_float(v, &d))
		return lg_codec_err_syntax(err, oid == LG_OID_FLOAT4 ? "real" : "double precision",
					   v->s, v->kind == LG_VAL_TEXT ? v->len : 0);
	if (oid == LG_OID_FLOAT4) {
		float f = (float)d;
		uint32_t u;
		memcpy(&u, &f, 4);
		lg_codec_put_be(out, u, 4);
	} else {
		uint64_t u;
		memcpy(&u, &d, 8);
		lg_codec_put_be(out, u, 8);
	}
	return 0;
}

int lg_codec_float_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
			lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(typmod);
	LG_UNUSED(arena);
	out->kind = LG_VAL_REAL;
	if (oid == LG_OID_FLOAT4) {
		if (len != 4)
			return lg_codec_err_binary(err);
		uint32_t u = (uint32_t)lg_codec_get_be(p, 4);
		float f;
		memcpy(&f, &u, 4);
		out->r = f;
	} else {
		if (len != 8)
			return lg_codec_err_binary(err);
		uint64_t u = lg_codec_get_be(p, 8);
		memcpy(&out->r, &u, 8);
	}
	set_float(out, out->r);
	return 0;
}
