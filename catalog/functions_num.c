/* Exact numeric arithmetic on the stored text form (+ - * / %, round, trunc,
 * ceil, floor, abs, sum and avg aggregates) with PostgreSQL's result scales
 * (select_div_scale for division and avg), and the "lg_numeric" collation.
 * Values are decimal digit strings; numbers are small enough in practice
 * that schoolbook arithmetic is fine. */
#include "catalog/functions_int.h"
#include "catalog/types.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEC_FINITE, DEC_NAN, DEC_PINF, DEC_NINF };

/* value = sign * mag * 10^-scale; mag little-endian decimal digits. */
typedef struct dec {
	int special;
	int sign;
	int scale;
	int n;
	uint8_t *mag;
} dec_t;

#define MAX_DIGITS 200000 /* PostgreSQL: 131072 before, 16383 after the point */

static void dec_free(dec_t *d)
{
	lg_free(d->mag);
	d->mag = NULL;
	d->n = 0;
}

static int dec_alloc(dec_t *d, int n, lg_error_t *err)
{
	if (n > MAX_DIGITS)
		return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				    "value overflows numeric format");
	d->mag = lg_calloc((size_t)(n ? n : 1), 1);
	if (!d->mag)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	d->n = n;
	return 0;
}

static void trim(dec_t *d)
{
	while (d->n > 0 && d->mag[d->n - 1] == 0)
		d->n--;
	if (d->n == 0)
		d->sign = 1;
}

static int syntax(lg_error_t *err, const char *s, size_t len)
{
	return lg_error_set(err, LG_SQLSTATE_INVALID_TEXT_REPRESENTATION,
			    "invalid input syntax for type numeric: \"%.*s\"", (int)len, s);
}

static bool word(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && strncasecmp(s, w, len) == 0;
}

static int dec_parse(const char *s, size_t len, dec_t *d, lg_error_t *err)
{
	memset(d, 0, sizeof(*d));
	d->sign = 1;
	while (len && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n'))
		len--;
	if (word(s, len, "NaN"))
		return d->special = DEC_NAN, 0;
	if (word(s, len, "Infinity") || word(s, len, "+Infinity") || word(s, len, "inf"))
		return d->special = DEC_PINF, 0;
	if (word(s, len, "-Infinity") || word(s, len, "-inf"))
		return d->special = DEC_NINF, 0;
	size_t i = 0;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		d->sign = s[i++] == '-' ? -1 : 1;
	size_t start = i, ndig = 0, frac = 0;
	bool point = false;
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			ndig++;
			frac += point;
		} else if (s[i] == '.' && !point) {
			point = true;
		} else {
			break;
		}
	}
	long exp = 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		char *end;
		exp = strtol(s + i + 1, &end, 10);
		if (end == s + i + 1 || exp > 100000 || exp < -100000)
			return syntax(err, s, len);
		i = (size_t)(end - s);
	}
	if (ndig == 0 || i != len)
		return syntax(err, s, len);
	long scale = (long)frac - exp;
	long pad = scale < 0 ? -scale : 0;
	if (dec_alloc(d, (int)(ndig + (size_t)pad), err))
		return -1;
	int k = 0;
	for (long p = 0; p < pad; p++)
		d->mag[k++] = 0;
	for (size_t j = i; j-- > start;)
		if (s[j] >= '0' && s[j] <= '9')
			d->mag[k++] = (uint8_t)(s[j] - '0');
	d->scale = (int)(scale < 0 ? 0 : scale);
	trim(d);
	return 0;
}

static int dec_from_value(sqlite3_value *v, dec_t *d, lg_error_t *err)
{
	char buf[64];
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		snprintf(buf, sizeof(buf), "%lld", (long long)sqlite3_value_int64(v));
		return dec_parse(buf, strlen(buf), d, err);
	case SQLITE_FLOAT: {
		double r = sqlite3_value_double(v);
		if (isnan(r))
			snprintf(buf, sizeof(buf), "NaN");
		else if (isinf(r))
			snprintf(buf, sizeof(buf), "%s", r > 0 ? "Infinity" : "-Infinity");
		else
			snprintf(buf, sizeof(buf), "%.15g", r);
		return dec_parse(buf, strlen(buf), d, err);
	}
	default:
		return dec_parse((const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v),
				 d, err);
	}
}

static void dec_format(const dec_t *d, lg_sb_t *out)
{
	if (d->special) {
		lg_sb_append(out, d->special == DEC_NAN	   ? "NaN"
				  : d->special == DEC_PINF ? "Infinity"
							   : "-Infinity");
		return;
	}
	if (d->sign < 0 && d->n > 0)
		lg_sb_putc(out, '-');
	int intdig = d->n - d->scale;
	if (intdig <= 0)
		lg_sb_putc(out, '0');
	for (int i = d->n - 1; i >= d->scale; i--)
		lg_sb_putc(out, (char)('0' + d->mag[i]));
	if (d->scale > 0) {
		lg_sb_putc(out, '.');
		for (int i = d->scale - 1; i >= 0; i--)
			lg_sb_putc(out, (char)('0' + (i < d->n ? d->mag[i] : 0)));
	}
}

/* ---- magnitudes ---- */

static int mag_cmp(const dec_t *a, const dec_t *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->mag[i] != b->mag[i])
			return a->mag[i] < b->mag[i] ? -1 : 1;
	return 0;
}

/* Multiplies the magnitude by 10^k (k >= 0), in place. */
static int shift(dec_t *d, int k, lg_error_t *err)
{
	if (k == 0 || d->n == 0)
		return 0;
	dec_t r = *d;
	if (dec_alloc(&r, d->n + k, err))
		return -1;
	memcpy(r.mag + k, d->mag, (size_t)d->n);
	dec_free(d);
	*d = r;
	return 0;
}

static int mag_add(const dec_t *a, const dec_t *b, dec_t *r, lg_error_t *err)
{
	int n = (a->n > b->n ? a->n : b->n) + 1;
	if (dec_alloc(r, n, err))
		return -1;
	int carry = 0;
	for (int i = 0; i < n; i++) {
		int s = carry + (i < a->n ? a->mag[i] : 0) + (i < b->n ? b->mag[i] : 0);
		r->mag[i] = (uint8_t)(s % 10);
		carry = s / 10;
	}
	return 0;
}

/* |a| - |b| with |a| >= |b|. */
static int mag_sub(const dec_t *a, const dec_t *b, dec_t *r, lg_error_t *err)
{
	if (dec_alloc(r, a->n, err))
		return -1;
	int borrow = 0;
	for (int i = 0; i < a->n; i++) {
		int s = a->mag[i] - borrow - (i < b->n ? b->mag[i] : 0);
		borrow = s < 0;
		r->mag[i] = (uint8_t)(s + (borrow ? 10 : 0));
	}
	return 0;
}

static int mag_mul(const dec_t *a, const dec_t *b, dec_t *r, lg_error_t *err)
{
	if (dec_alloc(r, a->n + b->n, err))
		return -1;
	int *acc = lg_calloc((size_t)(a->n + b->n + 1), sizeof(int));
	if (!acc)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	for (int i = 0; i < a->n; i++)
		for (int j = 0; j < b->n; j++)
			acc[i + j] += a->mag[i] * b->mag[j];
	int carry = 0;
	for (int i = 0; i < r->n; i++) {
		int s = acc[i] + carry;
		r->mag[i] = (uint8_t)(s % 10);
		carry = s / 10;
	}
	lg_free(acc);
	return 0;
}

/* Truncated |a| / |b| (b non-zero) and optionally the remainder. */
static int mag_divmod(const dec_t *a, const dec_t *b, dec_t *q, dec_t *rem, lg_error_t *err)
{
	dec_t r = {0};
	r.sign = 1;
	if (dec_alloc(q, a->n ? a->n : 1, err) || dec_alloc(&r, b->n + 1, err)) {
		dec_free(q);
		return -1;
	}
	r.n = 0;
	for (int i = a->n - 1; i >= 0; i--) {
		/* r = r * 10 + digit */
		memmove(r.mag + 1, r.mag, (size_t)r.n);
		r.mag[0] = a->mag[i];
		r.n++;
		trim(&r);
		int digit = 0;
		while (mag_cmp(&r, b) >= 0) {
			int borrow = 0;
			for (int k = 0; k < r.n; k++) {
				int s = r.mag[k] - borrow - (k < b->n ? b->mag[k] : 0);
				borrow = s < 0;
				r.mag[k] = (uint8_t)(s + (borrow ? 10 : 0));
			}
			trim(&r);
			digit++;
		}
		q->mag[i] = (uint8_t)digit;
	}
	if (rem)
		*rem = r;
	else
		dec_free(&r);
	return 0;
}

/* ---- signed operations ---- */

static int align(dec_t *a, dec_t *b, lg_error_t *err)
{
	int s = a->scale > b->scale ? a->scale : b->scale;
	if (shift(a, s - a->scale, err) || shift(b, s - b->scale, err))
		return -1;
	a->scale = b->scale = s;
	return 0;
}

static int dec_add(dec_t *a, dec_t *b, bool negate_b, dec_t *r, lg_error_t *err)
{
	int bsign = negate_b ? -b->sign : b->sign;
	if (align(a, b, err))
		return -1;
	*r = (dec_t){0};
	r->scale = a->scale;
	int rc;
	if (a->sign == bsign) {
		rc = mag_add(a, b, r, err);
		r->sign = a->sign;
	} else if (mag_cmp(a, b) >= 0) {
		rc = mag_sub(a, b, r, err);
		r->sign = a->sign;
	} else {
		rc = mag_sub(b, a, r, err);
		r->sign = bsign;
	}
	if (rc == 0)
		trim(r);
	return rc;
}

/* PostgreSQL's weight (base 10000) and first base-10000 digit of |d|. */
static void nbase_lead(const dec_t *d, int *weight, int *first)
{
	*weight = 0;
	*first = 0;
	if (d->n == 0)
		return;
	int p = d->n - 1 - d->scale; /* exponent of the leading digit */
	int w = p >= 0 ? p / 4 : -((-p + 3) / 4);
	int f = 0;
	for (int e = p; e >= 4 * w; e--) {
		int idx = e + d->scale;
		f = f * 10 + (idx >= 0 && idx < d->n ? d->mag[idx] : 0);
	}
	*weight = w;
	*first = f;
}

static int div_scale(const dec_t *a, const dec_t *b)
{
	int w1, f1, w2, f2;
	nbase_lead(a, &w1, &f1);
	nbase_lead(b, &w2, &f2);
	int qweight = w1 - w2;
	if (f1 <= f2)
		qweight--;
	int rscale = 16 - qweight * 4;
	if (rscale < a->scale)
		rscale = a->scale;
	if (rscale < b->scale)
		rscale = b->scale;
	if (rscale < 0)
		rscale = 0;
	return rscale > 1000 ? 1000 : rscale;
}

/* Rounds |d| half away from zero to `scale` digits (scale < d->scale). */
static int round_to(dec_t *d, int scale, bool truncate, lg_error_t *err)
{
	int k = d->scale - scale;
	if (k <= 0)
		return shift(d, -k, err) ? -1 : (d->scale = scale, 0);
	bool up = !truncate && k - 1 < d->n && d->mag[k - 1] >= 5;
	dec_t r = {0};
	int n = d->n > k ? d->n - k : 0;
	if (dec_alloc(&r, n + 1, err))
		return -1;
	if (n)
		memcpy(r.mag, d->mag + k, (size_t)n);
	for (int i = 0; up && i <= n; i++) {
		if (++r.mag[i] < 10)
			break;
		r.mag[i] = 0;
	}
	r.sign = d->sign;
	r.scale = scale;
	dec_free(d);
	*d = r;
	trim(d);
	return 0;
}

static int dec_div(dec_t *a, dec_t *b, int rscale, dec_t *r, lg_error_t *err)
{
	if (b->n == 0)
		return lg_error_set(err, LG_SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	/* Q = A * 10^(rscale + 1 + sb - sa) / B, then round the extra digit. */
	int e = rscale + 1 + b->scale - a->scale;
	dec_t n = *a, dd = *b;
	n.mag = NULL, dd.mag = NULL;
	if (dec_alloc(&n, a->n, err) || dec_alloc(&dd, b->n, err)) {
		dec_free(&n);
		return -1;
	}
	memcpy(n.mag, a->mag, (size_t)a->n);
	memcpy(dd.mag, b->mag, (size_t)b->n);
	int rc = e >= 0 ? shift(&n, e, err) : shift(&dd, -e, err);
	if (rc == 0) {
		trim(&n);
		trim(&dd);
		*r = (dec_t){0};
		rc = mag_divmod(&n, &dd, r, NULL, err);
	}
	dec_free(&n);
	dec_free(&dd);
	if (rc)
		return -1;
	r->sign = a->sign * b->sign;
	r->scale = rscale + 1;
	trim(r);
	return round_to(r, rscale, false, err);
}

static int dec_mod(dec_t *a, dec_t *b, dec_t *r, lg_error_t *err)
{
	if (b->n == 0)
		return lg_error_set(err, LG_SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	if (align(a, b, err))
		return -1;
	dec_t q = {0};
	*r = (dec_t){0};
	if (mag_divmod(a, b, &q, r, err))
		return -1;
	dec_free(&q);
	r->sign = a->sign;
	r->scale = a->scale;
	trim(r);
	return 0;
}

/* ---- SQL functions ---- */

typedef enum op { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD } op_t;

static void result_dec(sqlite3_context *ctx, const dec_t *d)
{
	lg_sb_t sb = LG_SB_INIT;
	dec_format(d, &sb);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	lg_sb_free(&sb);
}

/* NaN and infinities: PostgreSQL's rules, reduced to what is common. */
static bool special_binary(sqlite3_context *ctx, op_t op, const dec_t *a, const dec_t *b)
{
	if (!a->special && !b->special)
		return false;
	dec_t r = {0};
	r.sign = 1;
	if (a->special == DEC_NAN || b->special == DEC_NAN || op == OP_MOD || op == OP_DIV)
		r.special = (op == OP_DIV && !a->special) ? DEC_FINITE : DEC_NAN;
	else
		r.special = a->special		   ? a->special
			    : op != OP_SUB		   ? b->special
			    : b->special == DEC_PINF ? DEC_NINF
						   : DEC_PINF;
	result_dec(ctx, &r);
	return true;
}

static int binary(op_t op, dec_t *a, dec_t *b, dec_t *r, lg_error_t *err)
{
	switch (op) {
	case OP_ADD:
		return dec_add(a, b, false, r, err);
	case OP_SUB:
		return dec_add(a, b, true, r, err);
	case OP_MUL:
		*r = (dec_t){0};
		if (mag_mul(a, b, r, err))
			return -1;
		r->sign = a->sign * b->sign;
		r->scale = a->scale + b->scale;
		trim(r);
		return 0;
	case OP_DIV:
		return dec_div(a, b, div_scale(a, b), r, err);
	case OP_MOD:
		return dec_mod(a, b, r, err);
	}
	return -1;
}

static void arith(sqlite3_context *ctx, sqlite3_value **argv, op_t op)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	dec_t a = {0}, b = {0}, r = {0};
	if (dec_from_value(argv[0], &a, &err) || dec_from_value(argv[1], &b, &err)) {
		lg_fn_error(ctx, &err);
	} else if (!special_binary(ctx, op, &a, &b)) {
		if (binary(op, &a, &b, &r, &err))
			lg_fn_error(ctx, &err);
		else
			result_dec(ctx, &r);
	}
	dec_free(&a);
	dec_free(&b);
	dec_free(&r);
}

static void fn_add(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_ADD); }
static void fn_sub(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_SUB); }
static void fn_mul(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_MUL); }
static void fn_ndiv(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_DIV); }
static void fn_nmod(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_MOD); }

typedef enum rmode { R_ROUND, R_TRUNC, R_CEIL, R_FLOOR, R_ABS } rmode_t;

static int unary(dec_t *d, rmode_t mode, int scale, lg_error_t *err)
{
	switch (mode) {
	case R_ABS:
		d->sign = 1;
		return 0;
	case R_CEIL:
	case R_FLOOR: {
		bool frac = false;
		for (int i = 0; i < d->scale && i < d->n; i++)
			frac |= d->mag[i] != 0;
		if (round_to(d, 0, true, err))
			return -1;
		if (frac && ((mode == R_CEIL) == (d->sign > 0 || d->n == 0))) {
			dec_t one = {0}, r = {0};
			if (dec_parse(mode == R_CEIL ? "1" : "-1", mode == R_CEIL ? 1 : 2, &one, err))
				return -1;
			int rc = dec_add(d, &one, false, &r, err);
			dec_free(&one);
			if (rc)
				return -1;
			dec_free(d);
			*d = r;
		}
		return 0;
	}
	case R_ROUND:
	case R_TRUNC:
		if (scale < -1000 || scale > 1000)
			scale = scale < 0 ? -1000 : 1000;
		if (scale >= d->scale)
			return shift(d, scale - d->scale, err) ? -1 : (d->scale = scale, 0);
		if (round_to(d, scale, mode == R_TRUNC, err))
			return -1;
		if (scale < 0) { /* round(1234, -2) = 1200 */
			if (shift(d, -scale, err))
				return -1;
			d->scale = 0;
		}
		trim(d);
		return 0;
	}
	return -1;
}

static void unary_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv, rmode_t mode)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (argc > 1 && sqlite3_value_type(argv[1]) == SQLITE_NULL)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	dec_t d = {0};
	if (dec_from_value(argv[0], &d, &err))
		lg_fn_error(ctx, &err);
	else if (d.special)
		result_dec(ctx, &d);
	else if (unary(&d, mode, argc > 1 ? sqlite3_value_int(argv[1]) : 0, &err))
		lg_fn_error(ctx, &err);
	else
		result_dec(ctx, &d);
	dec_free(&d);
}

static void fn_round(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, R_ROUND); }
static void fn_trunc(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, R_TRUNC); }
static void fn_ceil(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, R_CEIL); }
static void fn_floor(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, R_FLOOR); }
static void fn_abs(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, R_ABS); }

/* Result scale of base ^ exp as PostgreSQL's power_var chooses it: 16
 * significant digits, at least either input's scale. */
static int pow_scale(const dec_t *base, const dec_t *exp, double log10_result)
{
	int rscale = 16 - (int)log10_result;
	if (rscale < base->scale)
		rscale = base->scale;
	if (rscale < exp->scale)
		rscale = exp->scale;
	if (rscale < 0)
		rscale = 0;
	return rscale > 1000 ? 1000 : rscale;
}

static double dec_double(const dec_t *d)
{
	lg_sb_t sb = LG_SB_INIT;
	dec_format(d, &sb);
	double r = sb.data ? strtod(sb.data, NULL) : 0;
	lg_sb_free(&sb);
	return r;
}

/* Integer exponents are exact (then rounded to the result scale). */
static int pow_int(dec_t *base, dec_t *exp, long e, dec_t *r, lg_error_t *err)
{
	double b = fabs(dec_double(base));
	double f = base->n ? (double)e * log10(b) : 0;
	if (f > 100000)
		return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				    "value overflows numeric format");
	int rscale = pow_scale(base, exp, f);
	if (base->n == 0 && e < 0)
		return lg_error_set(err, LG_SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	dec_t acc = {0};
	if (dec_parse("1", 1, &acc, err))
		return -1;
	for (long i = 0; i < (e < 0 ? -e : e); i++) {
		dec_t t = {0};
		if (mag_mul(&acc, base, &t, err)) {
			dec_free(&acc);
			return -1;
		}
		t.sign = acc.sign * base->sign;
		t.scale = acc.scale + base->scale;
		trim(&t);
		dec_free(&acc);
		acc = t;
		if (acc.n > 20000) {
			dec_free(&acc);
			return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					    "value overflows numeric format");
		}
	}
	if (e < 0) {
		dec_t one = {0};
		int rc = dec_parse("1", 1, &one, err) ? -1 : dec_div(&one, &acc, rscale, r, err);
		dec_free(&one);
		dec_free(&acc);
		return rc;
	}
	*r = acc;
	if (rscale >= r->scale)
		return shift(r, rscale - r->scale, err) ? -1 : (r->scale = rscale, 0);
	return round_to(r, rscale, false, err);
}

/* Non-integer exponents and sqrt go through double precision (PostgreSQL
 * computes them to the full result scale; the last digits can differ). */
static int pow_double(dec_t *base, dec_t *exp, bool sqrt_only, dec_t *r, lg_error_t *err)
{
	double b = dec_double(base), x = sqrt_only ? 0.5 : dec_double(exp);
	if (b < 0)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    sqrt_only ? "cannot take square root of a negative number"
					      : "a negative number raised to a non-integer power yields a complex result");
	double v = pow(b, x);
	int rscale;
	if (sqrt_only) { /* sqrt_var: sweight = (weight + 1) * 4 / 2 - 1 */
		int w, f;
		nbase_lead(base, &w, &f);
		rscale = 16 - ((w + 1) * 4 / 2 - 1);
		if (rscale < base->scale)
			rscale = base->scale;
		if (rscale < 0)
			rscale = 0;
	} else {
		rscale = pow_scale(base, exp, v > 0 ? log10(v) : 0);
	}
	char buf[64];
	snprintf(buf, sizeof(buf), "%.17g", v);
	if (dec_parse(buf, strlen(buf), r, err))
		return -1;
	return unary(r, R_ROUND, rscale, err);
}

static void via_double(sqlite3_context *ctx, sqlite3_value **argv, int argc)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (argc > 1 && sqlite3_value_type(argv[1]) == SQLITE_NULL)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	dec_t base = {0}, exp = {0}, r = {0};
	int rc = dec_from_value(argv[0], &base, &err);
	if (rc == 0 && argc > 1)
		rc = dec_from_value(argv[1], &exp, &err);
	if (rc == 0 && (base.special || exp.special)) {
		rc = lg_error_set(&err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "power of NaN or infinity is not supported");
	} else if (rc == 0) {
		bool integral = argc > 1 && exp.n <= exp.scale + 9;
		for (int i = 0; integral && i < exp.scale && i < exp.n; i++)
			integral = exp.mag[i] == 0;
		if (integral) {
			long e = 0;
			for (int i = exp.n - 1; i >= exp.scale; i--)
				e = e * 10 + exp.mag[i];
			rc = pow_int(&base, &exp, exp.sign < 0 ? -e : e, &r, &err);
		} else {
			rc = pow_double(&base, &exp, argc == 1, &r, &err);
		}
	}
	if (rc)
		lg_fn_error(ctx, &err);
	else
		result_dec(ctx, &r);
	dec_free(&base);
	dec_free(&exp);
	dec_free(&r);
}

static void fn_pow(sqlite3_context *c, int n, sqlite3_value **v) { via_double(c, v, n); }
static void fn_nsqrt(sqlite3_context *c, int n, sqlite3_value **v) { via_double(c, v, n); }

int lg_fn_numeric_to_int(const lg_value_t *v, lg_oid_t to, lg_value_t *out, lg_error_t *err)
{
	dec_t d = {0};
	int rc;
	if (v->kind == LG_VAL_INT) {
		*out = *v;
		return 0;
	}
	if (v->kind == LG_VAL_REAL) {
		char buf[64];
		snprintf(buf, sizeof(buf), "%.17g", v->r);
		rc = dec_parse(buf, strlen(buf), &d, err);
	} else {
		rc = dec_parse(v->s, v->len, &d, err);
	}
	if (rc == 0 && d.special)
		rc = lg_error_set(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "cannot convert %s to %s", d.special == DEC_NAN ? "NaN" : "infinity",
				  to == LG_OID_INT2 ? "smallint" : to == LG_OID_INT4 ? "integer" : "bigint");
	if (rc == 0)
		rc = round_to(&d, 0, false, err);
	if (rc == 0) {
		const char *msg = to == LG_OID_INT2   ? "smallint out of range"
				  : to == LG_OID_INT4 ? "integer out of range"
						      : "bigint out of range";
		int64_t lim = to == LG_OID_INT2 ? 32767 : to == LG_OID_INT4 ? 2147483647 : INT64_MAX;
		uint64_t m = 0;
		bool over = d.n > 19;
		for (int i = d.n - 1; i >= 0 && !over; i--) {
			if (m > (UINT64_MAX - d.mag[i]) / 10)
				over = true;
			m = m * 10 + d.mag[i];
		}
		if (over || m > (uint64_t)lim + (d.sign < 0 ? 1u : 0u))
			rc = lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s", msg);
		out->kind = LG_VAL_INT;
		out->i = d.sign < 0 ? (int64_t)(0 - m) : (int64_t)m;
	}
	dec_free(&d);
	return rc;
}

/* ---- aggregates: sum and avg keep an exact running sum as text ---- */

typedef struct agg {
	char *sum; /* canonical text, NULL before the first value */
	int64_t count;
	bool failed;
} agg_t;

/* Adds (or, for a moving window frame, removes) one value. */
static void agg_update(sqlite3_context *ctx, sqlite3_value **argv, bool inverse)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	agg_t *a = sqlite3_aggregate_context(ctx, sizeof(*a));
	if (!a) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (a->failed)
		return;
	lg_error_t err = LG_ERROR_INIT;
	dec_t x = {0}, s = {0}, r = {0};
	int rc = dec_from_value(argv[0], &x, &err);
	if (rc == 0 && a->sum)
		rc = dec_parse(a->sum, strlen(a->sum), &s, &err);
	if (rc == 0) {
		if (!a->sum || (x.special && !inverse)) {
			r = x; /* the first value, or NaN/infinity wins */
			x.mag = NULL;
		} else if (s.special || x.special) {
			r = s;
			s.mag = NULL;
		} else {
			rc = dec_add(&s, &x, inverse, &r, &err);
		}
	}
	if (rc == 0) {
		lg_sb_t sb = LG_SB_INIT;
		dec_format(&r, &sb);
		lg_free(a->sum);
		a->sum = lg_sb_detach(&sb);
		a->count += inverse ? -1 : 1;
		if (!a->sum)
			rc = lg_error_set(&err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	}
	if (rc) {
		a->failed = true;
		lg_fn_error(ctx, &err);
	}
	dec_free(&x);
	dec_free(&s);
	dec_free(&r);
}

static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	agg_update(ctx, argv, false);
}

static void agg_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	agg_update(ctx, argv, true);
}

static void sum_value(sqlite3_context *ctx)
{
	agg_t *a = sqlite3_aggregate_context(ctx, 0);
	if (a && a->sum && a->count > 0 && !a->failed)
		sqlite3_result_text(ctx, a->sum, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

static void avg_value(sqlite3_context *ctx)
{
	agg_t *a = sqlite3_aggregate_context(ctx, 0);
	if (!a || !a->sum || a->count <= 0 || a->failed) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	dec_t s = {0}, n = {0}, r = {0};
	char buf[32];
	snprintf(buf, sizeof(buf), "%lld", (long long)a->count);
	int rc = dec_parse(a->sum, strlen(a->sum), &s, &err);
	if (rc == 0)
		rc = dec_parse(buf, strlen(buf), &n, &err);
	if (rc == 0 && s.special)
		result_dec(ctx, &s);
	else if (rc == 0 && dec_div(&s, &n, div_scale(&s, &n), &r, &err) == 0)
		result_dec(ctx, &r);
	else
		lg_fn_error(ctx, &err);
	dec_free(&s);
	dec_free(&n);
	dec_free(&r);
}

static void agg_free(sqlite3_context *ctx)
{
	agg_t *a = sqlite3_aggregate_context(ctx, 0);
	if (a) {
		lg_free(a->sum);
		a->sum = NULL;
	}
}

static void sum_final(sqlite3_context *ctx)
{
	sum_value(ctx);
	agg_free(ctx);
}

static void avg_final(sqlite3_context *ctx)
{
	avg_value(ctx);
	agg_free(ctx);
}

static int collate(void *arg, int alen, const void *a, int blen, const void *b)
{
	(void)arg;
	return lg_codec_numeric_cmp(a, (size_t)alen, b, (size_t)blen);
}

int lg_fn_register_numeric(sqlite3 *db, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"lg_num_add", 2, fn_add},     {"lg_num_sub", 2, fn_sub},
		{"lg_num_mul", 2, fn_mul},     {"lg_num_div", 2, fn_ndiv},
		{"lg_num_mod", 2, fn_nmod},    {"lg_num_round", 2, fn_round},
		{"lg_num_trunc", 2, fn_trunc}, {"lg_num_ceil", 1, fn_ceil},
		{"lg_num_floor", 1, fn_floor}, {"lg_num_abs", 1, fn_abs},
		{"lg_num_pow", 2, fn_pow},     {"lg_num_sqrt", 1, fn_nsqrt},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(fns); i++)
		if (lg_fn_register(db, fns[i].name, fns[i].nargs, true, NULL, fns[i].fn, err))
			return -1;
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
	/* Window functions too (sum(x) OVER (...)): value and inverse. */
	if (sqlite3_create_window_function(db, "lg_num_sum", 1, flags, NULL, agg_step, sum_final,
					   sum_value, agg_inverse, NULL) != SQLITE_OK ||
	    sqlite3_create_window_function(db, "lg_num_avg", 1, flags, NULL, agg_step, avg_final,
					   avg_value, agg_inverse, NULL) != SQLITE_OK ||
	    sqlite3_create_collation_v2(db, "lg_numeric", SQLITE_UTF8, NULL, collate, NULL) !=
		    SQLITE_OK)
		return lg_error_set(err, LG_SQLSTATE_INTERNAL_ERROR,
				    "could not register numeric functions: %s", sqlite3_errmsg(db));
	return 0;
}
