/* numeric: exact decimal text in SQLite, PostgreSQL's numeric_in/out rules
 * (display scale, typmod rounding half away from zero, precision check, the
 * format's limits), the base-10000 binary form, and the "lg_numeric"
 * comparison. Values are handled as a digit string, never as a double. */
#include "catalog/codec_int.h"

#include "common/mem.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NUMERIC_DSCALE_MAX 0x3FFF
#define NUMERIC_WEIGHT_MAX 32767
#define NUMERIC_WEIGHT_MIN (-32768)
#define NUMERIC_POS 0x0000
#define NUMERIC_NEG 0x4000
#define NUMERIC_NAN 0xC000
#define NUMERIC_PINF 0xD000
#define NUMERIC_NINF 0xF000
#define NBASE 10000
#define EXPONENT_LIMIT (0x7fffffff / 2)

typedef enum { NUM_FINITE, NUM_NAN, NUM_PINF, NUM_NINF } num_kind_t;

/* value = 0.d[0]d[1]...d[ndig-1] x 10^point; d[0] != 0 and d[ndig-1] != 0
 * unless ndig == 0 (zero). d[-1] is writable so rounding can carry. */
typedef struct num {
	num_kind_t kind;
	bool neg;
	unsigned char *d;
	int64_t ndig;
	int64_t point;
	int64_t dscale;
} num_t;

typedef enum { NUM_OK, NUM_SYNTAX, NUM_OVERFLOW } num_rc_t;

/* Scratch digits: on the stack when small, else the heap (encoding has no
 * arena). */
typedef struct scratch {
	unsigned char stack[128];
	unsigned char *heap;
} scratch_t;

static unsigned char *scratch_get(scratch_t *sc, size_t n)
{
	sc->heap = NULL;
	if (n <= sizeof(sc->stack))
		return sc->stack;
	sc->heap = lg_malloc(n);
	return sc->heap;
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool starts_ci(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);
	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(s[i]) != w[i])
			return false;
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void normalise(num_t *n)
{
	while (n->ndig > 0 && n->d[n->ndig - 1] == 0)
		n->ndig--;
	if (n->ndig == 0) {
		n->point = 0;
		n->neg = false;
	}
}

static num_rc_t parse_special(const char *s, size_t len, size_t i, num_t *n)
{
	static const struct {
		const char *w;
		num_kind_t k;
	} sp[] = {{"nan", NUM_NAN},        {"infinity", NUM_PINF}, {"+infinity", NUM_PINF},
		  {"-infinity", NUM_NINF}, {"inf", NUM_PINF},      {"+inf", NUM_PINF},
		  {"-inf", NUM_NINF}};
	for (size_t k = 0; k < LG_ARRAY_LEN(sp); k++) {
		if (!starts_ci(s + i, len - i, sp[k].w))
			continue;
		for (i += strlen(sp[k].w); i < len; i++)
			if (!lg_codec_is_space(s[i]))
				return NUM_SYNTAX;
		n->kind = sp[k].k;
		n->ndig = 0;
		n->point = 0;
		n->dscale = 0;
		n->neg = sp[k].k == NUM_NINF;
		return NUM_OK;
	}
	return NUM_SYNTAX;
}

/* The exponent after 'e', read like strtol (blanks, sign). */
static num_rc_t parse_exponent(const char *s, size_t len, size_t *pi, int64_t *exp)
{
	size_t i = *pi;
	while (i < len && lg_codec_is_space(s[i]))
		i++;
	bool neg = false;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	if (i >= len || !is_digit(s[i]))
		return NUM_SYNTAX;
	int64_t e = 0;
	for (; i < len && is_digit(s[i]); i++)
		if (e < EXPONENT_LIMIT)
			e = e * 10 + (s[i] - '0');
	if (e >= EXPONENT_LIMIT)
		return NUM_OVERFLOW;
	*exp = neg ? -e : e;
	*pi = i;
	return NUM_OK;
}

/* numeric_in's syntax. `buf` holds at least len + 1 bytes. */
static num_rc_t parse(const char *s, size_t len, unsigned char *buf, num_t *n)
{
	size_t i = 0;
	while (i < len && lg_codec_is_space(s[i]))
		i++;
	memset(n, 0, sizeof(*n));
	if (i < len && !is_digit(s[i]) && s[i] != '.' &&
	    !((s[i] == '+' || s[i] == '-') && i + 1 < len &&
	      (is_digit(s[i + 1]) || s[i + 1] == '.')))
		return parse_special(s, len, i, n);
	n->kind = NUM_FINITE;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		n->neg = s[i++] == '-';
	bool dp = false;
	if (i < len && s[i] == '.') {
		dp = true;
		i++;
	}
	if (i >= len || !is_digit(s[i]))
		return NUM_SYNTAX;
	unsigned char *d = buf + 1;
	int64_t m = 0, intd = 0, fracd = 0, exp = 0;
	for (; i < len; i++) {
		if (is_digit(s[i])) {
			d[m++] = (unsigned char)(s[i] - '0');
			if (dp)
				fracd++;
			else
				intd++;
		} else if (s[i] == '.') {
			if (dp)
				return NUM_SYNTAX;
			dp = true;
		} else {
			break;
		}
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		num_rc_t rc = parse_exponent(s, len, &i, &exp);
		if (rc != NUM_OK)
			return rc;
	}
	while (i < len && lg_codec_is_space(s[i]))
		i++;
	if (i != len)
		return NUM_SYNTAX;
	n->dscale = fracd - exp > 0 ? fracd - exp : 0;
	int64_t lead = 0;
	while (lead < m && d[lead] == 0)
		lead++;
	n->d = d + lead;
	n->ndig = m - lead;
	n->point = intd - lead + exp;
	normalise(n);
	return NUM_OK;
}

/* Rounds half away from zero to `scale` digits after the point. */
static void round_to(num_t *n, int64_t scale)
{
	if (n->kind != NUM_FINITE || n->ndig == 0)
		return;
	int64_t keep = n->point + scale;
	if (keep >= n->ndig)
		return;
	if (keep < 0) {
		n->ndig = 0;
		normalise(n);
		return;
	}
	bool up = n->d[keep] >= 5;
	n->ndig = keep;
	if (up) {
		int64_t i = keep - 1;
		while (i >= 0 && n->d[i] == 9)
			n->d[i--] = 0;
		if (i >= 0) {
			n->d[i]++;
		} else {
			n->d--;
			n->d[0] = 1;
			n->ndig++;
			n->point++;
		}
	}
	normalise(n);
}

static int overflow(lg_error_t *err)
{
	return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			    "value overflows numeric format");
}

/* apply_typmod / apply_typmod_special. */
static int apply_typmod(num_t *n, int32_t typmod, lg_error_t *err)
{
	if (typmod < LG_VARHDRSZ || n->kind == NUM_NAN)
		return 0;
	int32_t t = typmod - LG_VARHDRSZ;
	int32_t precision = (t >> 16) & 0xffff;
	int32_t scale = ((t & 0x7ff) ^ 1024) - 1024;
	if (n->kind != NUM_FINITE) {
		lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
		lg_error_field(err, LG_ERRF_DETAIL,
			       "A field with precision %d, scale %d cannot hold an infinite value.",
			       precision, scale);
		return -1;
	}
	round_to(n, scale);
	int32_t maxdigits = precision - scale;
	if (n->ndig > 0 && n->point > maxdigits) {
		lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
		lg_error_field(
			err, LG_ERRF_DETAIL,
			"A field with precision %d, scale %d must round to an absolute value "
			"less than %s%d.",
			precision, scale, maxdigits ? "10^" : "", maxdigits ? maxdigits : 1);
		return -1;
	}
	n->dscale = scale > 0 ? scale : 0;
	return 0;
}

/* make_result's checks on the stored form's int16 fields. */
static int check_limits(const num_t *n, lg_error_t *err)
{
	if (n->kind != NUM_FINITE)
		return 0;
	if (n->dscale > NUMERIC_DSCALE_MAX)
		return overflow(err);
	if (n->ndig > 0) {
		int64_t e = n->point - 1;
		int64_t weight = e >= 0 ? e / 4 : -((-e + 3) / 4);
		if (weight > NUMERIC_WEIGHT_MAX || weight < NUMERIC_WEIGHT_MIN)
			return overflow(err);
	}
	return 0;
}

static size_t text_len(const num_t *n)
{
	switch (n->kind) {
	case NUM_NAN: return 3;
	case NUM_PINF: return 8;
	case NUM_NINF: return 9;
	default:
		return (size_t)((n->neg ? 1 : 0) + (n->point > 0 ? n->point : 1) +
				(n->dscale > 0 ? 1 + n->dscale : 0));
	}
}

/* numeric_out; `o` has room for text_len(n) bytes. */
static void format(const num_t *n, char *o)
{
	if (n->kind != NUM_FINITE) {
		const char *w = n->kind == NUM_NAN    ? "NaN"
				: n->kind == NUM_PINF ? "Infinity"
						      : "-Infinity";
		memcpy(o, w, strlen(w));
		return;
	}
	if (n->neg)
		*o++ = '-';
	if (n->point <= 0) {
		*o++ = '0';
	} else {
		for (int64_t i = 0; i < n->point; i++)
			*o++ = (char)('0' + (i < n->ndig ? n->d[i] : 0));
	}
	if (n->dscale > 0) {
		*o++ = '.';
		for (int64_t j = 0; j < n->dscale; j++) {
			int64_t idx = n->point + j;
			*o++ = (char)('0' + (idx >= 0 && idx < n->ndig ? n->d[idx] : 0));
		}
	}
}

static int append_formatted(const num_t *n, lg_sb_t *out)
{
	size_t l = text_len(n);
	if (!lg_sb_reserve(out, l))
		return -1;
	format(n, out->data + out->len);
	out->len += l;
	out->data[out->len] = '\0';
	return 0;
}

static int store(const num_t *n, lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	size_t l = text_len(n);
	char *p = lg_arena_alloc(arena, l + 1);
	if (!p)
		return lg_codec_err_oom(err);
	format(n, p);
	p[l] = '\0';
	out->kind = LG_VAL_TEXT;
	out->s = p;
	out->len = l;
	return 0;
}

/* numeric_in: parse, apply the typmod, check the format's limits. */
static int input(const char *s, size_t len, int32_t typmod, unsigned char *buf, num_t *n,
		 lg_error_t *err)
{
	num_rc_t rc = parse(s, len, buf, n);
	if (rc == NUM_SYNTAX)
		return lg_codec_err_syntax(err, "numeric", s, len);
	if (rc == NUM_OVERFLOW)
		return overflow(err);
	/* PostgreSQL checks the format's limits before the typmod too. */
	if (check_limits(n, err) < 0 || apply_typmod(n, typmod, err) < 0)
		return -1;
	return check_limits(n, err);
}

int lg_codec_numeric_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
			lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(oid);
	unsigned char sbuf[130];
	unsigned char *buf = sbuf;
	if (len + 2 > sizeof(sbuf)) {
		buf = lg_arena_alloc(arena, len + 2);
		if (!buf)
			return lg_codec_err_oom(err);
	}
	num_t n;
	if (input(s, len, typmod, buf, &n, err) < 0)
		return -1;
	return store(&n, arena, out, err);
}

/* Text PostgreSQL itself would have stored for the typmod: passes through. */
static bool is_canonical(const char *s, size_t len, int32_t typmod)
{
	size_t i = 0;
	if (len == 3 && memcmp(s, "NaN", 3) == 0)
		return true;
	if ((len == 8 && memcmp(s, "Infinity", 8) == 0) ||
	    (len == 9 && memcmp(s, "-Infinity", 9) == 0))
		return typmod < LG_VARHDRSZ;
	bool neg = i < len && s[i] == '-', nonzero = false;
	if (neg)
		i++;
	size_t start = i;
	while (i < len && is_digit(s[i]))
		nonzero |= s[i++] != '0';
	if (i == start || (s[start] == '0' && i - start > 1))
		return false;
	size_t frac = 0;
	if (i < len && s[i] == '.') {
		i++;
		for (; i < len && is_digit(s[i]); i++, frac++)
			nonzero |= s[i] != '0';
		if (frac == 0)
			return false;
	}
	if (i != len || (neg && !nonzero))
		return false;
	if (typmod >= LG_VARHDRSZ) {
		int32_t scale = (((typmod - LG_VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
		return frac == (size_t)(scale > 0 ? scale : 0);
	}
	return true;
}

/* A stored value of any kind as a number: text, integers and doubles (the
 * latter as float8_numeric: 15 significant digits). Applies the typmod
 * when it can. NUM_SYNTAX for text that is no number. */
static num_rc_t stored_num(int32_t typmod, const lg_value_t *v, scratch_t *sc, num_t *n)
{
	char tmp[40];
	const char *s = tmp;
	size_t len;
	if (v->kind == LG_VAL_INT) {
		len = (size_t)snprintf(tmp, sizeof(tmp), "%lld", (long long)v->i);
	} else if (v->kind == LG_VAL_REAL) {
		if (isnan(v->r))
			len = (size_t)snprintf(tmp, sizeof(tmp), "NaN");
		else if (isinf(v->r))
			len = (size_t)snprintf(tmp, sizeof(tmp),
					       v->r > 0 ? "Infinity" : "-Infinity");
		else
			len = (size_t)snprintf(tmp, sizeof(tmp), "%.15g", v->r);
	} else if (v->kind == LG_VAL_TEXT || v->kind == LG_VAL_BLOB) {
		s = v->s;
		len = v->len;
	} else {
		return NUM_SYNTAX;
	}
	unsigned char *buf = scratch_get(sc, len + 2);
	if (!buf)
		return NUM_OVERFLOW;
	num_rc_t rc = parse(s, len, buf, n);
	if (rc != NUM_OK)
		return rc;
	/* Text numeric could never hold ("1e999999999") is no number: its
	 * digits would not even fit in memory. */
	lg_error_t e = LG_ERROR_INIT;
	if (check_limits(n, &e) < 0) {
		lg_error_clear(&e);
		return NUM_SYNTAX;
	}
	/* Keep a value the typmod cannot hold as it is rather than fail. */
	num_t rounded = *n;
	if (apply_typmod(&rounded, typmod, &e) == 0)
		*n = rounded;
	else
		parse(s, len, buf, n); /* rounding may have carried into the digits */
	lg_error_clear(&e);
	return NUM_OK;
}

int lg_codec_numeric_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			 lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(err);
	if (v->kind == LG_VAL_TEXT && is_canonical(v->s, v->len, typmod)) {
		lg_sb_appendn(out, v->s, v->len);
		return 0;
	}
	scratch_t sc;
	num_t n;
	if (stored_num(typmod, v, &sc, &n) == NUM_OK)
		append_formatted(&n, out);
	else
		lg_codec_append_raw(v, out);
	lg_free(sc.heap);
	return 0;
}

static int64_t floordiv4(int64_t e)
{
	return e >= 0 ? e / 4 : -((-e + 3) / 4);
}

/* numeric_send: ndigits, weight, sign, dscale, base-10000 digits. */
static void send(const num_t *n, lg_sb_t *out)
{
	static const int pow10[4] = {1, 10, 100, 1000};
	uint16_t sign = n->kind == NUM_NAN    ? NUMERIC_NAN
			: n->kind == NUM_PINF ? NUMERIC_PINF
			: n->kind == NUM_NINF ? NUMERIC_NINF
			: n->neg              ? NUMERIC_NEG
					      : NUMERIC_POS;
	if (n->kind != NUM_FINITE || n->ndig == 0) {
		lg_codec_put_be(out, 0, 2);
		lg_codec_put_be(out, 0, 2);
		lg_codec_put_be(out, sign, 2);
		/* PostgreSQL reads the dscale of a special value out of its
		 * header bits: 32 for the infinities, 0 for NaN. */
		lg_codec_put_be(out,
				n->kind == NUM_FINITE ? (uint64_t)n->dscale
				: n->kind == NUM_NAN  ? 0
						      : 32,
				2);
		return;
	}
	int64_t weight = floordiv4(n->point - 1);
	int64_t last = floordiv4(n->point - n->ndig);
	int64_t ngroups = weight - last + 1;
	lg_codec_put_be(out, (uint64_t)ngroups, 2);
	lg_codec_put_be(out, (uint64_t)weight, 2);
	lg_codec_put_be(out, sign, 2);
	lg_codec_put_be(out, (uint64_t)n->dscale, 2);
	int64_t i = 0;
	for (int64_t g = weight; g >= last; g--) {
		int v = 0;
		for (; i < n->ndig; i++) {
			int64_t e = n->point - 1 - i;
			if (floordiv4(e) != g)
				break;
			v += n->d[i] * pow10[e - 4 * g];
		}
		lg_codec_put_be(out, (uint64_t)v, 2);
	}
}

int lg_codec_numeric_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			  lg_error_t *err)
{
	LG_UNUSED(oid);
	scratch_t sc;
	num_t n;
	num_rc_t rc = stored_num(typmod, v, &sc, &n);
	if (rc == NUM_OK)
		send(&n, out);
	lg_free(sc.heap);
	if (rc == NUM_SYNTAX)
		return lg_codec_err_syntax(err, "numeric", v->s, v->len);
	if (rc != NUM_OK)
		return lg_codec_err_oom(err);
	return 0;
}

static int recv_error(lg_error_t *err, const char *what)
{
	return lg_error_set(err, LG_SQLSTATE_INVALID_BINARY_REPRESENTATION,
			    "invalid %s in external \"numeric\" value", what);
}

int lg_codec_numeric_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
			  lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(oid);
	if (len < 8)
		return lg_codec_err_binary(err);
	size_t ndigits = (size_t)lg_codec_get_be(p, 2);
	int16_t weight = (int16_t)(uint16_t)lg_codec_get_be(p + 2, 2);
	uint16_t sign = (uint16_t)lg_codec_get_be(p + 4, 2);
	uint16_t dscale = (uint16_t)lg_codec_get_be(p + 6, 2);
	if (len != 8 + 2 * ndigits)
		return lg_codec_err_binary(err);
	if (sign != NUMERIC_POS && sign != NUMERIC_NEG && sign != NUMERIC_NAN &&
	    sign != NUMERIC_PINF && sign != NUMERIC_NINF)
		return recv_error(err, "sign");
	if (dscale > NUMERIC_DSCALE_MAX)
		return recv_error(err, "scale");
	unsigned char *buf = lg_arena_alloc(arena, 4 * ndigits + 2);
	if (!buf)
		return lg_codec_err_oom(err);
	num_t n = {.kind = NUM_FINITE, .neg = sign == NUMERIC_NEG, .d = buf + 1};
	for (size_t i = 0; i < ndigits; i++) {
		unsigned g = (unsigned)lg_codec_get_be(p + 8 + 2 * i, 2);
		if (g >= NBASE)
			return recv_error(err, "digit");
		for (int k = 3; k >= 0; k--, g /= 10)
			n.d[4 * i + (size_t)k] = (unsigned char)(g % 10);
	}
	if (sign == NUMERIC_NAN || sign == NUMERIC_PINF || sign == NUMERIC_NINF) {
		n.kind = sign == NUMERIC_NAN ? NUM_NAN : sign == NUMERIC_PINF ? NUM_PINF : NUM_NINF;
		n.neg = n.kind == NUM_NINF;
		if (apply_typmod(&n, typmod, err) < 0)
			return -1;
		return store(&n, arena, out, err);
	}
	n.ndig = (int64_t)(4 * ndigits);
	n.point = 4 * ((int64_t)weight + 1);
	n.dscale = dscale;
	while (n.ndig > 0 && n.d[0] == 0) {
		n.d++;
		n.ndig--;
		n.point--;
	}
	normalise(&n);
	/* Digits the dscale hides are cut (trunc_var), as PostgreSQL does. */
	int64_t keep = n.point + n.dscale;
	if (n.ndig > 0 && keep < n.ndig) {
		n.ndig = keep > 0 ? keep : 0;
		normalise(&n);
	}
	if (apply_typmod(&n, typmod, err) < 0 || check_limits(&n, err) < 0)
		return -1;
	return store(&n, arena, out, err);
}

/* ---- the lg_numeric collation ---- */

typedef struct cmpkey {
	int cls; /* 0 -Infinity, 1 finite, 2 Infinity, 3 other text, 4 NaN */
	int sign;
	const char *ip, *fp; /* integer digits (no leading zeros), fraction (no trailing) */
	size_t il, fl;
} cmpkey_t;

static void cmp_key(const char *s, size_t len, cmpkey_t *k)
{
	memset(k, 0, sizeof(*k));
	k->cls = 3;
	lg_codec_trim(&s, &len);
	if (len == 3 && starts_ci(s, len, "nan")) {
		k->cls = 4;
		return;
	}
	size_t i = 0;
	bool neg = false;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	if ((len - i == 8 && starts_ci(s + i, 8, "infinity")) ||
	    (len - i == 3 && starts_ci(s + i, 3, "inf"))) {
		k->cls = neg ? 0 : 2;
		return;
	}
	size_t a = i;
	while (i < len && is_digit(s[i]))
		i++;
	size_t ae = i, b = i, be = i;
	if (i < len && s[i] == '.') {
		b = ++i;
		while (i < len && is_digit(s[i]))
			i++;
		be = i;
	}
	if (i != len || (ae == a && be == b))
		return;
	while (a < ae && s[a] == '0')
		a++;
	while (be > b && s[be - 1] == '0')
		be--;
	k->cls = 1;
	k->ip = s + a;
	k->il = ae - a;
	k->fp = s + b;
	k->fl = be - b;
	k->sign = (k->il || k->fl) ? (neg ? -1 : 1) : 0;
}

static int cmp_bytes(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);
	if (c)
		return c;
	return al < bl ? -1 : al > bl;
}

int lg_codec_numeric_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	cmpkey_t x, y;
	cmp_key(a, alen, &x);
	cmp_key(b, blen, &y);
	if (x.cls != y.cls)
		return x.cls < y.cls ? -1 : 1;
	if (x.cls == 3)
		return cmp_bytes(a, alen, b, blen);
	if (x.cls != 1)
		return 0;
	if (x.sign != y.sign)
		return x.sign < y.sign ? -1 : 1;
	int c;
	if (x.il != y.il)
		c = x.il < y.il ? -1 : 1;
	else if ((c = memcmp(x.ip, y.ip, x.il)) == 0)
		c = cmp_bytes(x.fp, x.fl, y.fp, y.fl);
	c = c < 0 ? -1 : c > 0;
	return x.sign < 0 ? -c : c;
}
