/* More numeric functions: div, factorial, width_bucket, and sqrt, ln,
 * log, exp and power with non-integer exponents computed exactly enough to
 * round like PostgreSQL (result scales as numeric.c chooses them; values
 * from a square root taken exactly, and from series with guard digits). */
#include "catalog/decimal.h"
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/mem.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SIG_DIGITS 16
#define MAX_DISPLAY_SCALE 1000
#define GUARD 24

static int parse_int(long long v, lg_dec_t *d, lg_error_t *err)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%lld", v);
	return lg_dec_parse(buf, strlen(buf), d, err);
}

static double to_double(const lg_dec_t *d)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_dec_format(d, &sb);
	double r = sb.data ? strtod(sb.data, NULL) : 0;
	lg_sb_free(&sb);
	return r;
}

static int copy(const lg_dec_t *a, lg_dec_t *r, lg_error_t *err)
{
	*r = *a;
	r->mag = NULL;
	if (lg_dec_alloc(r, a->n, err))
		return -1;
	memcpy(r->mag, a->mag, (size_t)a->n);
	return 0;
}

/* Replaces *d by *r (freeing the old value). */
static void take(lg_dec_t *d, lg_dec_t *r)
{
	lg_dec_free(d);
	*d = *r;
	*r = (lg_dec_t){0};
}

/* r = a * b rounded to `scale`. */
static int mul_to(const lg_dec_t *a, const lg_dec_t *b, int scale, lg_dec_t *r, lg_error_t *err)
{
	*r = (lg_dec_t){0};
	if (lg_dec_mag_mul(a, b, r, err))
		return -1;
	r->sign = a->sign * b->sign;
	r->scale = a->scale + b->scale;
	lg_dec_trim(r);
	return lg_dec_round_to(r, scale, false, err);
}

/* r = a / b at `scale` (copies: lg_dec_div may shift its inputs). */
static int div_to(const lg_dec_t *a, const lg_dec_t *b, int scale, lg_dec_t *r, lg_error_t *err)
{
	lg_dec_t x = {0}, y = {0};
	int rc = copy(a, &x, err) || copy(b, &y, err) ? -1 : lg_dec_div(&x, &y, scale, r, err);
	lg_dec_free(&x);
	lg_dec_free(&y);
	return rc;
}

static int add_to(const lg_dec_t *a, const lg_dec_t *b, bool negate_b, lg_dec_t *r, lg_error_t *err)
{
	lg_dec_t x = {0}, y = {0};
	int rc = copy(a, &x, err) || copy(b, &y, err) ? -1 : lg_dec_add(&x, &y, negate_b, r, err);
	lg_dec_free(&x);
	lg_dec_free(&y);
	return rc;
}

/* floor(sqrt(|x|) * 10^scale), exactly (Newton on integers from above). */
static int sqrt_trunc(const lg_dec_t *x, int scale, lg_dec_t *r, lg_error_t *err)
{
	lg_dec_t n = {0}, cur = {0}, q = {0}, sum = {0}, two = {0}, half = {0};
	int rc = copy(x, &n, err);
	if (rc == 0 && 2 * scale >= n.scale)
		rc = lg_dec_shift(&n, 2 * scale - n.scale, err);
	else if (rc == 0)
		rc = lg_dec_round_to(&n, 2 * scale, true, err);
	n.scale = 0;
	n.sign = 1;
	lg_dec_trim(&n);
	if (rc == 0 && n.n == 0) {
		*r = n;
		r->scale = scale;
		return 0;
	}
	/* start at 10^ceil(digits / 2) >= sqrt(n) */
	rc = rc ? rc
		: parse_int(1, &cur, err) || lg_dec_shift(&cur, (n.n + 1) / 2, err) ||
			     parse_int(2, &two, err);
	while (rc == 0) {
		rc = lg_dec_mag_divmod(&n, &cur, &q, NULL, err)
			     ? -1
			     : lg_dec_mag_add(&cur, &q, &sum, err);
		lg_dec_trim(&q), lg_dec_trim(&sum);
		rc = rc ? rc : lg_dec_mag_divmod(&sum, &two, &half, NULL, err);
		lg_dec_trim(&half);
		lg_dec_free(&q), lg_dec_free(&sum);
		if (rc || lg_dec_mag_cmp(&half, &cur) >= 0)
			break;
		take(&cur, &half);
	}
	lg_dec_free(&half), lg_dec_free(&two), lg_dec_free(&n);
	if (rc) {
		lg_dec_free(&cur);
		return -1;
	}
	*r = cur;
	r->sign = 1;
	r->scale = scale;
	return 0;
}

/* estimate_ln_dweight() of numeric.c */
static int est_ln_dweight(const lg_dec_t *x, lg_error_t *err)
{
	double v = to_double(x);
	if (x->sign < 0 || x->n == 0)
		return 0;
	if (v >= 0.9 && v <= 1.1) {
		lg_dec_t one = {0}, d = {0};
		int w = 0;
		if (parse_int(1, &one, err) == 0 && add_to(x, &one, true, &d, err) == 0 && d.n)
			w = d.n - 1 - d.scale; /* exponent of its leading digit */
		lg_dec_free(&one), lg_dec_free(&d);
		return w;
	}
	int p = x->n - 1 - x->scale, w = p >= 0 ? p / 4 : -((-p + 3) / 4);
	double digits = 0;
	for (int e = 4 * w + 3; e >= 4 * w - 4; e--) {
		int i = e + x->scale;
		digits = digits * 10 + (i >= 0 && i < x->n ? x->mag[i] : 0);
	}
	double ln = log(digits) + (4 * w - 4) * 2.302585092994046;
	return (int)log10(fabs(ln));
}

static int clamp_scale(int s)
{
	return s < 0 ? 0 : s > MAX_DISPLAY_SCALE ? MAX_DISPLAY_SCALE : s;
}

/* ln(x) at `scale` digits (x > 0): square roots bring x near 1, then
 * ln x = 2 atanh((x-1)/(x+1)). */
static int ln_at(const lg_dec_t *x, int scale, lg_dec_t *r, lg_error_t *err)
{
	int w = scale + GUARD + 8;
	lg_dec_t y = {0}, t = {0}, one = {0}, num = {0}, den = {0}, z = {0}, z2 = {0}, term = {0},
		 sum = {0}, k = {0};
	int rc = copy(x, &y, err) || parse_int(1, &one, err);
	long fac = 1;
	while (rc == 0) {
		double v = to_double(&y);
		if (v > 0.9 && v < 1.1)
			break;
		rc = sqrt_trunc(&y, w + 8, &t, err);
		take(&y, &t);
		fac *= 2;
		w += 1;
	}
	rc = rc ? rc
		: add_to(&y, &one, true, &num, err) || add_to(&y, &one, false, &den, err) ||
			     div_to(&num, &den, w, &z, err) || mul_to(&z, &z, w, &z2, err) ||
			     copy(&z, &term, err) || copy(&z, &sum, err);
	for (long i = 3; rc == 0 && term.n; i += 2) {
		lg_dec_t p = {0}, q = {0}, s = {0};
		rc = mul_to(&term, &z2, w, &p, err) || parse_int(i, &k, err) ||
		     div_to(&p, &k, w, &q, err) || add_to(&sum, &q, false, &s, err);
		lg_dec_free(&k);
		take(&term, &p);
		if (rc == 0) {
			take(&sum, &s);
			lg_dec_trim(&term);
			if (q.n == 0)
				term.n = 0;
		}
		lg_dec_free(&q), lg_dec_free(&s), lg_dec_free(&p);
	}
	lg_dec_t f = {0};
	rc = rc ? rc
		: parse_int(2 * fac, &f, err) || mul_to(&sum, &f, scale + 2, r, err) ||
			     lg_dec_round_to(r, scale, false, err);
	lg_dec_free(&f), lg_dec_free(&y), lg_dec_free(&t), lg_dec_free(&one), lg_dec_free(&num);
	lg_dec_free(&den), lg_dec_free(&z), lg_dec_free(&z2), lg_dec_free(&term), lg_dec_free(&sum);
	return rc ? -1 : 0;
}

/* e^x at `scale` digits: halve x below 0.01, Taylor series, square back. */
static int exp_at(const lg_dec_t *x, int scale, lg_dec_t *r, lg_error_t *err)
{
	double v = to_double(x);
	if (v > 230258.5)
		return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				    "value overflows numeric format");
	int halvings = 0;
	while (fabs(v) > 0.01 && halvings < 64)
		v /= 2, halvings++;
	int w = scale + GUARD + halvings + (int)(fabs(to_double(x)) * 0.4343) + 2;
	lg_dec_t y = {0}, two = {0}, term = {0}, sum = {0}, k = {0}, t = {0};
	int rc = copy(x, &y, err) || parse_int(2, &two, err);
	for (int i = 0; rc == 0 && i < halvings; i++) {
		rc = div_to(&y, &two, w, &t, err);
		take(&y, &t);
	}
	rc = rc ? rc : parse_int(1, &term, err) || parse_int(1, &sum, err);
	for (long i = 1; rc == 0 && term.n; i++) {
		lg_dec_t p = {0}, q = {0}, s = {0};
		rc = mul_to(&term, &y, w, &p, err) || parse_int(i, &k, err) ||
		     div_to(&p, &k, w, &q, err) || add_to(&sum, &q, false, &s, err);
		lg_dec_free(&k), lg_dec_free(&p);
		if (rc == 0) {
			take(&term, &q);
			take(&sum, &s);
			lg_dec_trim(&term);
		}
		lg_dec_free(&q), lg_dec_free(&s);
	}
	for (int i = 0; rc == 0 && i < halvings; i++) {
		rc = mul_to(&sum, &sum, w, &t, err);
		take(&sum, &t);
	}
	rc = rc ? rc : copy(&sum, r, err) || lg_dec_round_to(r, scale, false, err);
	lg_dec_free(&y), lg_dec_free(&two), lg_dec_free(&term), lg_dec_free(&sum), lg_dec_free(&t);
	return rc ? -1 : 0;
}

int lg_fn_dec_sqrt(const lg_dec_t *x, int rscale, lg_dec_t *r, lg_error_t *err)
{
	if (x->sign < 0 && x->n)
		return lg_error_set(err, LG_SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
				    "cannot take square root of a negative number");
	return sqrt_trunc(x, rscale + 1, r, err) || lg_dec_round_to(r, rscale, false, err) ? -1 : 0;
}

static int log_arg(const lg_dec_t *x, lg_error_t *err)
{
	if (x->n == 0)
		return lg_error_set(err, LG_SQLSTATE_INVALID_ARGUMENT_FOR_LOG,
				    "cannot take logarithm of zero");
	if (x->sign < 0)
		return lg_error_set(err, LG_SQLSTATE_INVALID_ARGUMENT_FOR_LOG,
				    "cannot take logarithm of a negative number");
	return 0;
}

/* log_var(): ln(x) / ln(base). */
static int dec_log(const lg_dec_t *base, const lg_dec_t *x, lg_dec_t *r, lg_error_t *err)
{
	if (log_arg(base, err) || log_arg(x, err))
		return -1;
	int rdw = est_ln_dweight(x, err) - est_ln_dweight(base, err);
	int rscale = MIN_SIG_DIGITS - rdw;
	rscale = rscale < base->scale ? base->scale : rscale;
	rscale = clamp_scale(rscale < x->scale ? x->scale : rscale);
	lg_dec_t lb = {0}, lx = {0};
	int rc = ln_at(base, rscale + GUARD, &lb, err) || ln_at(x, rscale + GUARD, &lx, err);
	if (rc == 0 && lb.n == 0)
		rc = lg_error_set(err, LG_SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	rc = rc ? rc : div_to(&lx, &lb, rscale, r, err);
	lg_dec_free(&lb), lg_dec_free(&lx);
	return rc ? -1 : 0;
}

static int dec_ln(const lg_dec_t *x, lg_dec_t *r, lg_error_t *err)
{
	if (log_arg(x, err))
		return -1;
	int rscale = MIN_SIG_DIGITS - est_ln_dweight(x, err);
	return ln_at(x, clamp_scale(rscale < x->scale ? x->scale : rscale), r, err);
}

static int dec_exp(const lg_dec_t *x, lg_dec_t *r, lg_error_t *err)
{
	double v = to_double(x) * 0.434294481903252;
	v = v > 2000 ? 2000 : v < -2000 ? -2000 : v;
	int rscale = MIN_SIG_DIGITS - (int)v;
	return exp_at(x, clamp_scale(rscale < x->scale ? x->scale : rscale), r, err);
}

/* power_var() for a non-integer exponent: exp(y * ln(x)). */
int lg_fn_dec_pow(const lg_dec_t *x, const lg_dec_t *y, lg_dec_t *r, lg_error_t *err)
{
	if (x->n == 0) {
		if (y->sign < 0)
			return lg_error_set(err, LG_SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
					    "zero raised to a negative power is undefined");
		return copy(x, r, err);
	}
	if (x->sign < 0)
		return lg_error_set(
			err, LG_SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
			"a negative number raised to a non-integer power yields a complex result");
	lg_dec_t lx = {0}, p = {0};
	int rc =
		ln_at(x, 8 - est_ln_dweight(x, err) > 0 ? 8 - est_ln_dweight(x, err) : 0, &lx, err);
	double val = rc ? 0 : to_double(&lx) * to_double(y);
	lg_dec_free(&lx);
	if (rc == 0 && fabs(val) > 1000 * 3.01 * 2.302585)
		rc = val > 0 ? lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					    "value overflows numeric format")
			     : parse_int(0, r, err);
	if (rc || fabs(val) > 1000 * 3.01 * 2.302585) {
		if (rc == 0)
			r->scale = MAX_DISPLAY_SCALE;
		return rc;
	}
	int rscale = MIN_SIG_DIGITS - (int)(val * 0.434294481903252);
	rscale = rscale < x->scale ? x->scale : rscale;
	rscale = clamp_scale(rscale < y->scale ? y->scale : rscale);
	int w = rscale + GUARD + (int)fabs(val * 0.4343) + 4;
	rc = ln_at(x, w, &lx, err) || mul_to(&lx, y, w, &p, err) || exp_at(&p, rscale, r, err);
	lg_dec_free(&lx), lg_dec_free(&p);
	return rc ? -1 : 0;
}

/* ---- SQL functions ---- */

typedef int (*dec_fn2_t)(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err);

/* div(a, b): the truncated quotient, scale 0. */
static int dec_idiv(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	if (b->n == 0)
		return lg_error_set(err, LG_SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	lg_dec_t x = {0}, y = {0};
	int rc = copy(a, &x, err) || copy(b, &y, err);
	int s = x.scale > y.scale ? x.scale : y.scale;
	rc = rc ? rc : lg_dec_shift(&x, s - x.scale, err) || lg_dec_shift(&y, s - y.scale, err);
	rc = rc ? rc : lg_dec_mag_divmod(&x, &y, r, NULL, err);
	if (rc == 0) {
		r->sign = a->sign * b->sign;
		r->scale = 0;
		lg_dec_trim(r);
	}
	lg_dec_free(&x), lg_dec_free(&y);
	return rc ? -1 : 0;
}

static int dec_log2(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	return dec_log(a, b, r, err);
}

static int dec_ln1(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	(void)b;
	return dec_ln(a, r, err);
}

static int dec_exp1(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	(void)b;
	return dec_exp(a, r, err);
}

static void call(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	dec_fn2_t fn = (dec_fn2_t)(uintptr_t)sqlite3_user_data(ctx);
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	lg_dec_t a = {0}, b = {0}, r = {0};
	int rc = lg_fn_dec_in(argv[0], &a, &err) || (argc > 1 && lg_fn_dec_in(argv[1], &b, &err));
	if (rc == 0 && (a.special || b.special))
		rc = lg_error_set(
			&err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			"feature not supported: NaN or infinity in this numeric function");
	if (rc || fn(&a, &b, &r, &err))
		lg_fn_error(ctx, &err);
	else
		lg_fn_dec_result(ctx, &r);
	lg_dec_free(&a), lg_dec_free(&b), lg_dec_free(&r);
}

/* factorial(n) in base 10^9 limbs, then decimal text. */
static void fn_factorial(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t n = sqlite3_value_int64(argv[0]);
	if (n < 0 || n > 32177) {
		lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s",
			     n < 0 ? "factorial of a negative number is undefined"
				   : "value overflows numeric format");
		return;
	}
	size_t cap = (size_t)(n / 2 + 2), len = 1;
	uint32_t *l = lg_malloc(cap * sizeof(uint32_t));
	if (!l) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	l[0] = 1;
	for (int64_t k = 2; k <= n; k++) {
		uint64_t carry = 0;
		for (size_t i = 0; i < len; i++) {
			uint64_t v = (uint64_t)l[i] * (uint64_t)k + carry;
			l[i] = (uint32_t)(v % 1000000000u);
			carry = v / 1000000000u;
		}
		while (carry && len < cap) {
			l[len++] = (uint32_t)(carry % 1000000000u);
			carry /= 1000000000u;
		}
	}
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_appendf(&sb, "%u", l[len - 1]);
	for (size_t i = len - 1; i-- > 0;)
		lg_sb_appendf(&sb, "%09u", l[i]);
	lg_free(l);
	lg_fn_result_sb(ctx, &sb);
}

/* Sign of a - b in *c. */
static int cmp(const lg_dec_t *a, const lg_dec_t *b, int *c, lg_error_t *err)
{
	lg_dec_t d = {0};
	int rc = add_to(a, b, true, &d, err);
	*c = d.n == 0 ? 0 : d.sign;
	lg_dec_free(&d);
	return rc;
}

/* floor((a - b) * count / (c - d)) + 1 */
static int bucket_of(const lg_dec_t *a, const lg_dec_t *b, const lg_dec_t *c, const lg_dec_t *d,
		     int64_t count, int64_t *out, lg_error_t *err)
{
	lg_dec_t t = {0}, u = {0}, n = {0}, p = {0}, q = {0};
	int rc = add_to(a, b, true, &t, err) || add_to(c, d, true, &u, err) ||
		 parse_int(count, &n, err) || mul_to(&t, &n, t.scale, &p, err) ||
		 dec_idiv(&p, &u, &q, err);
	*out = rc ? 0 : (int64_t)to_double(&q) + 1;
	lg_dec_free(&t), lg_dec_free(&u), lg_dec_free(&n), lg_dec_free(&p), lg_dec_free(&q);
	return rc ? -1 : 0;
}

/* width_bucket(operand, b1, b2, count) over numerics (compute_bucket). */
static int bucket(const lg_dec_t *x, const lg_dec_t *b1, const lg_dec_t *b2, int64_t count,
		  int64_t *out, lg_error_t *err)
{
	lg_sqlstate_t st = LG_SQLSTATE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION;
	if (count <= 0)
		return lg_error_set(err, st, "count must be greater than zero");
	if (x->special == LG_DEC_NAN || b1->special == LG_DEC_NAN || b2->special == LG_DEC_NAN)
		return lg_error_set(err, st, "operand, lower bound, and upper bound cannot be NaN");
	if (b1->special || b2->special)
		return lg_error_set(err, st, "lower and upper bounds must be finite");
	int c, lo, hi;
	if (cmp(b1, b2, &c, err) || cmp(x, b1, &lo, err) || cmp(x, b2, &hi, err))
		return -1;
	if (c == 0)
		return lg_error_set(err, st, "lower bound cannot equal upper bound");
	int rc = 0;
	if (c < 0)
		*out = lo < 0 ? 0 : hi >= 0 ? count + 1 : 0;
	else
		*out = lo > 0 ? 0 : hi <= 0 ? count + 1 : 0;
	bool inside = c < 0 ? (lo >= 0 && hi < 0) : (lo <= 0 && hi > 0);
	if (inside)
		rc = c < 0 ? bucket_of(x, b1, b2, b1, count, out, err)
			   : bucket_of(b1, x, b1, b2, count, out, err);
	if (rc == 0 && *out > INT32_MAX)
		return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				    "integer out of range");
	return rc;
}

static void fn_width_bucket(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	lg_dec_t x = {0}, a = {0}, b = {0};
	int64_t r = 0;
	if (lg_fn_dec_in(argv[0], &x, &err) || lg_fn_dec_in(argv[1], &a, &err) ||
	    lg_fn_dec_in(argv[2], &b, &err) ||
	    bucket(&x, &a, &b, sqlite3_value_int64(argv[3]), &r, &err))
		lg_fn_error(ctx, &err);
	else
		sqlite3_result_int64(ctx, r);
	lg_dec_free(&x), lg_dec_free(&a), lg_dec_free(&b);
}

int lg_fn_register_numx(sqlite3 *db, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		dec_fn2_t fn;
	} decs[] = {
		{"lg_num_idiv", 2, dec_idiv},
		{"lg_num_log", 2, dec_log2},
		{"lg_num_ln", 1, dec_ln1},
		{"lg_num_exp", 1, dec_exp1},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(decs); i++)
		if (lg_fn_register(db, decs[i].name, decs[i].nargs, true,
				   (void *)(uintptr_t)decs[i].fn, call, err))
			return -1;
	if (lg_fn_register(db, "lg_num_factorial", 1, true, NULL, fn_factorial, err) ||
	    lg_fn_register(db, "lg_num_width_bucket", 4, true, NULL, fn_width_bucket, err))
		return -1;
	return 0;
}
