/* Exact decimal arithmetic (catalog/decimal.h): schoolbook operations on
 * decimal digit strings, with PostgreSQL's division scale and rounding. */
#include "catalog/decimal.h"

#include "common/error.h"
#include "common/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DIGITS 200000 /* PostgreSQL: 131072 before, 16383 after the point */

void lg_dec_free(lg_dec_t *d)
{
	lg_free(d->mag);
	d->mag = NULL;
	d->n = 0;
}

int lg_dec_alloc(lg_dec_t *d, int n, lg_error_t *err)
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

void lg_dec_trim(lg_dec_t *d)
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

int lg_dec_parse(const char *s, size_t len, lg_dec_t *d, lg_error_t *err)
{
	memset(d, 0, sizeof(*d));
	d->sign = 1;
	while (len && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n'))
		len--;
	if (word(s, len, "NaN"))
		return d->special = LG_DEC_NAN, 0;
	if (word(s, len, "Infinity") || word(s, len, "+Infinity") || word(s, len, "inf"))
		return d->special = LG_DEC_PINF, 0;
	if (word(s, len, "-Infinity") || word(s, len, "-inf"))
		return d->special = LG_DEC_NINF, 0;
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
	if (lg_dec_alloc(d, (int)(ndig + (size_t)pad), err))
		return -1;
	int k = 0;
	for (long p = 0; p < pad; p++)
		d->mag[k++] = 0;
	for (size_t j = i; j-- > start;)
		if (s[j] >= '0' && s[j] <= '9')
			d->mag[k++] = (uint8_t)(s[j] - '0');
	d->scale = (int)(scale < 0 ? 0 : scale);
	lg_dec_trim(d);
	return 0;
}

void lg_dec_format(const lg_dec_t *d, lg_sb_t *out)
{
	if (d->special) {
		lg_sb_append(out, d->special == LG_DEC_NAN    ? "NaN"
				  : d->special == LG_DEC_PINF ? "Infinity"
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

int lg_dec_mag_cmp(const lg_dec_t *a, const lg_dec_t *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->mag[i] != b->mag[i])
			return a->mag[i] < b->mag[i] ? -1 : 1;
	return 0;
}

/* Multiplies the magnitude by 10^k (k >= 0), in place. */
int lg_dec_shift(lg_dec_t *d, int k, lg_error_t *err)
{
	if (k == 0 || d->n == 0)
		return 0;
	lg_dec_t r = *d;
	if (lg_dec_alloc(&r, d->n + k, err))
		return -1;
	memcpy(r.mag + k, d->mag, (size_t)d->n);
	lg_dec_free(d);
	*d = r;
	return 0;
}

int lg_dec_mag_add(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	int n = (a->n > b->n ? a->n : b->n) + 1;
	if (lg_dec_alloc(r, n, err))
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
int lg_dec_mag_sub(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	if (lg_dec_alloc(r, a->n, err))
		return -1;
	int borrow = 0;
	for (int i = 0; i < a->n; i++) {
		int s = a->mag[i] - borrow - (i < b->n ? b->mag[i] : 0);
		borrow = s < 0;
		r->mag[i] = (uint8_t)(s + (borrow ? 10 : 0));
	}
	return 0;
}

int lg_dec_mag_mul(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	if (lg_dec_alloc(r, a->n + b->n, err))
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
int lg_dec_mag_divmod(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *q, lg_dec_t *rem,
		      lg_error_t *err)
{
	lg_dec_t r = {0};
	r.sign = 1;
	if (lg_dec_alloc(q, a->n ? a->n : 1, err) || lg_dec_alloc(&r, b->n + 1, err)) {
		lg_dec_free(q);
		return -1;
	}
	r.n = 0;
	for (int i = a->n - 1; i >= 0; i--) {
		/* r = r * 10 + digit */
		memmove(r.mag + 1, r.mag, (size_t)r.n);
		r.mag[0] = a->mag[i];
		r.n++;
		lg_dec_trim(&r);
		int digit = 0;
		while (lg_dec_mag_cmp(&r, b) >= 0) {
			int borrow = 0;
			for (int k = 0; k < r.n; k++) {
				int s = r.mag[k] - borrow - (k < b->n ? b->mag[k] : 0);
				borrow = s < 0;
				r.mag[k] = (uint8_t)(s + (borrow ? 10 : 0));
			}
			lg_dec_trim(&r);
			digit++;
		}
		q->mag[i] = (uint8_t)digit;
	}
	if (rem)
		*rem = r;
	else
		lg_dec_free(&r);
	return 0;
}

/* ---- signed operations ---- */

static int align(lg_dec_t *a, lg_dec_t *b, lg_error_t *err)
{
	int s = a->scale > b->scale ? a->scale : b->scale;
	if (lg_dec_shift(a, s - a->scale, err) || lg_dec_shift(b, s - b->scale, err))
		return -1;
	a->scale = b->scale = s;
	return 0;
}

int lg_dec_add(lg_dec_t *a, lg_dec_t *b, bool negate_b, lg_dec_t *r, lg_error_t *err)
{
	int bsign = negate_b ? -b->sign : b->sign;
	if (align(a, b, err))
		return -1;
	*r = (lg_dec_t){0};
	r->scale = a->scale;
	int rc;
	if (a->sign == bsign) {
		rc = lg_dec_mag_add(a, b, r, err);
		r->sign = a->sign;
	} else if (lg_dec_mag_cmp(a, b) >= 0) {
		rc = lg_dec_mag_sub(a, b, r, err);
		r->sign = a->sign;
	} else {
		rc = lg_dec_mag_sub(b, a, r, err);
		r->sign = bsign;
	}
	if (rc == 0)
		lg_dec_trim(r);
	return rc;
}

/* PostgreSQL's weight (base 10000) and first base-10000 digit of |d|. */
void lg_dec_nbase_lead(const lg_dec_t *d, int *weight, int *first)
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

int lg_dec_div_scale(const lg_dec_t *a, const lg_dec_t *b)
{
	int w1, f1, w2, f2;
	lg_dec_nbase_lead(a, &w1, &f1);
	lg_dec_nbase_lead(b, &w2, &f2);
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
int lg_dec_round_to(lg_dec_t *d, int scale, bool truncate, lg_error_t *err)
{
	int k = d->scale - scale;
	if (k <= 0)
		return lg_dec_shift(d, -k, err) ? -1 : (d->scale = scale, 0);
	bool up = !truncate && k - 1 < d->n && d->mag[k - 1] >= 5;
	lg_dec_t r = {0};
	int n = d->n > k ? d->n - k : 0;
	if (lg_dec_alloc(&r, n + 1, err))
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
	lg_dec_free(d);
	*d = r;
	lg_dec_trim(d);
	return 0;
}

int lg_dec_div(lg_dec_t *a, lg_dec_t *b, int rscale, lg_dec_t *r, lg_error_t *err)
{
	if (b->n == 0)
		return lg_error_set(err, LG_SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	/* Q = A * 10^(rscale + 1 + sb - sa) / B, then round the extra digit. */
	int e = rscale + 1 + b->scale - a->scale;
	lg_dec_t n = *a, dd = *b;
	n.mag = NULL, dd.mag = NULL;
	if (lg_dec_alloc(&n, a->n, err) || lg_dec_alloc(&dd, b->n, err)) {
		lg_dec_free(&n);
		return -1;
	}
	memcpy(n.mag, a->mag, (size_t)a->n);
	memcpy(dd.mag, b->mag, (size_t)b->n);
	int rc = e >= 0 ? lg_dec_shift(&n, e, err) : lg_dec_shift(&dd, -e, err);
	if (rc == 0) {
		lg_dec_trim(&n);
		lg_dec_trim(&dd);
		*r = (lg_dec_t){0};
		rc = lg_dec_mag_divmod(&n, &dd, r, NULL, err);
	}
	lg_dec_free(&n);
	lg_dec_free(&dd);
	if (rc)
		return -1;
	r->sign = a->sign * b->sign;
	r->scale = rscale + 1;
	lg_dec_trim(r);
	return lg_dec_round_to(r, rscale, false, err);
}

int lg_dec_mod(lg_dec_t *a, lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	if (b->n == 0)
		return lg_error_set(err, LG_SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	if (align(a, b, err))
		return -1;
	lg_dec_t q = {0};
	*r = (lg_dec_t){0};
	if (lg_dec_mag_divmod(a, b, &q, r, err))
		return -1;
	lg_dec_free(&q);
	r->sign = a->sign;
	r->scale = a->scale;
	lg_dec_trim(r);
	return 0;
}

int lg_dec_unary(lg_dec_t *d, lg_dec_rmode_t mode, int scale, lg_error_t *err)
{
	switch (mode) {
	case LG_DEC_ABS: d->sign = 1; return 0;
	case LG_DEC_CEIL:
	case LG_DEC_FLOOR: {
		bool frac = false;
		for (int i = 0; i < d->scale && i < d->n; i++)
			frac |= d->mag[i] != 0;
		if (lg_dec_round_to(d, 0, true, err))
			return -1;
		if (frac && ((mode == LG_DEC_CEIL) == (d->sign > 0 || d->n == 0))) {
			lg_dec_t one = {0}, r = {0};
			if (lg_dec_parse(mode == LG_DEC_CEIL ? "1" : "-1",
					 mode == LG_DEC_CEIL ? 1 : 2, &one, err))
				return -1;
			int rc = lg_dec_add(d, &one, false, &r, err);
			lg_dec_free(&one);
			if (rc)
				return -1;
			lg_dec_free(d);
			*d = r;
		}
		return 0;
	}
	case LG_DEC_ROUND:
	case LG_DEC_TRUNC:
		if (scale < -1000 || scale > 1000)
			scale = scale < 0 ? -1000 : 1000;
		if (scale >= d->scale)
			return lg_dec_shift(d, scale - d->scale, err) ? -1 : (d->scale = scale, 0);
		if (lg_dec_round_to(d, scale, mode == LG_DEC_TRUNC, err))
			return -1;
		if (scale < 0) { /* round(1234, -2) = 1200 */
			if (lg_dec_shift(d, -scale, err))
				return -1;
			d->scale = 0;
		}
		lg_dec_trim(d);
		return 0;
	}
	return -1;
}
