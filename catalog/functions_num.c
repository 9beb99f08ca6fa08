/* Numeric SQL functions on the stored text form (+ - * / %, round, trunc,
 * ceil, floor, abs, sum and avg aggregates) with PostgreSQL's result scales
 * (select_div_scale for division and avg), and the "lg_numeric" collation.
 * The arithmetic itself is catalog/decimal.c's. */
#include "catalog/decimal.h"
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

int lg_fn_dec_in(sqlite3_value *v, lg_dec_t *d, lg_error_t *err)
{
	char buf[64];
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		snprintf(buf, sizeof(buf), "%lld", (long long)sqlite3_value_int64(v));
		return lg_dec_parse(buf, strlen(buf), d, err);
	case SQLITE_FLOAT: {
		double r = sqlite3_value_double(v);
		if (isnan(r))
			snprintf(buf, sizeof(buf), "NaN");
		else if (isinf(r))
			snprintf(buf, sizeof(buf), "%s", r > 0 ? "Infinity" : "-Infinity");
		else
			snprintf(buf, sizeof(buf), "%.15g", r);
		return lg_dec_parse(buf, strlen(buf), d, err);
	}
	default:
		return lg_dec_parse((const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v),
				 d, err);
	}
}

/* ---- SQL functions ---- */

typedef enum op { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD } op_t;

void lg_fn_dec_result(sqlite3_context *ctx, const lg_dec_t *d)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_dec_format(d, &sb);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	lg_sb_free(&sb);
}

/* NaN and infinities: PostgreSQL's rules, reduced to what is common. */
static bool special_binary(sqlite3_context *ctx, op_t op, const lg_dec_t *a, const lg_dec_t *b)
{
	if (!a->special && !b->special)
		return false;
	lg_dec_t r = {0};
	r.sign = 1;
	if (a->special == LG_DEC_NAN || b->special == LG_DEC_NAN || op == OP_MOD || op == OP_DIV)
		r.special = (op == OP_DIV && !a->special) ? LG_DEC_FINITE : LG_DEC_NAN;
	else
		r.special = a->special		   ? a->special
			    : op != OP_SUB		   ? b->special
			    : b->special == LG_DEC_PINF ? LG_DEC_NINF
						   : LG_DEC_PINF;
	lg_fn_dec_result(ctx, &r);
	return true;
}

static int binary(op_t op, lg_dec_t *a, lg_dec_t *b, lg_dec_t *r, lg_error_t *err)
{
	switch (op) {
	case OP_ADD:
		return lg_dec_add(a, b, false, r, err);
	case OP_SUB:
		return lg_dec_add(a, b, true, r, err);
	case OP_MUL:
		*r = (lg_dec_t){0};
		if (lg_dec_mag_mul(a, b, r, err))
			return -1;
		r->sign = a->sign * b->sign;
		r->scale = a->scale + b->scale;
		lg_dec_trim(r);
		return 0;
	case OP_DIV:
		return lg_dec_div(a, b, lg_dec_div_scale(a, b), r, err);
	case OP_MOD:
		return lg_dec_mod(a, b, r, err);
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
	lg_dec_t a = {0}, b = {0}, r = {0};
	if (lg_fn_dec_in(argv[0], &a, &err) || lg_fn_dec_in(argv[1], &b, &err)) {
		lg_fn_error(ctx, &err);
	} else if (!special_binary(ctx, op, &a, &b)) {
		if (binary(op, &a, &b, &r, &err))
			lg_fn_error(ctx, &err);
		else
			lg_fn_dec_result(ctx, &r);
	}
	lg_dec_free(&a);
	lg_dec_free(&b);
	lg_dec_free(&r);
}

static void fn_add(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_ADD); }
static void fn_sub(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_SUB); }
static void fn_mul(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_MUL); }
static void fn_ndiv(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_DIV); }
static void fn_nmod(sqlite3_context *c, int n, sqlite3_value **v) { (void)n; arith(c, v, OP_MOD); }

static void unary_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv, lg_dec_rmode_t mode)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (argc > 1 && sqlite3_value_type(argv[1]) == SQLITE_NULL)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	lg_dec_t d = {0};
	if (lg_fn_dec_in(argv[0], &d, &err))
		lg_fn_error(ctx, &err);
	else if (d.special)
		lg_fn_dec_result(ctx, &d);
	else if (lg_dec_unary(&d, mode, argc > 1 ? sqlite3_value_int(argv[1]) : 0, &err))
		lg_fn_error(ctx, &err);
	else
		lg_fn_dec_result(ctx, &d);
	lg_dec_free(&d);
}

static void fn_round(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, LG_DEC_ROUND); }
static void fn_trunc(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, LG_DEC_TRUNC); }
static void fn_ceil(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, LG_DEC_CEIL); }
static void fn_floor(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, LG_DEC_FLOOR); }
static void fn_abs(sqlite3_context *c, int n, sqlite3_value **v) { unary_fn(c, n, v, LG_DEC_ABS); }

/* Result scale of base ^ exp as PostgreSQL's power_var chooses it: 16
 * significant digits, at least either input's scale. */
static int pow_scale(const lg_dec_t *base, const lg_dec_t *exp, double log10_result)
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

static double dec_double(const lg_dec_t *d)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_dec_format(d, &sb);
	double r = sb.data ? strtod(sb.data, NULL) : 0;
	lg_sb_free(&sb);
	return r;
}

/* Integer exponents are exact (then rounded to the result scale). */
static int pow_int(lg_dec_t *base, lg_dec_t *exp, long e, lg_dec_t *r, lg_error_t *err)
{
	double b = fabs(dec_double(base));
	double f = base->n ? (double)e * log10(b) : 0;
	if (f > 100000)
		return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				    "value overflows numeric format");
	int rscale = pow_scale(base, exp, f);
	if (base->n == 0 && e < 0)
		return lg_error_set(err, LG_SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
				    "zero raised to a negative power is undefined");
	lg_dec_t acc = {0};
	if (lg_dec_parse("1", 1, &acc, err))
		return -1;
	for (long i = 0; i < (e < 0 ? -e : e); i++) {
		lg_dec_t t = {0};
		if (lg_dec_mag_mul(&acc, base, &t, err)) {
			lg_dec_free(&acc);
			return -1;
		}
		t.sign = acc.sign * base->sign;
		t.scale = acc.scale + base->scale;
		lg_dec_trim(&t);
		lg_dec_free(&acc);
		acc = t;
		if (acc.n > 20000) {
			lg_dec_free(&acc);
			return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					    "value overflows numeric format");
		}
	}
	if (e < 0) {
		lg_dec_t one = {0};
		int rc = lg_dec_parse("1", 1, &one, err) ? -1 : lg_dec_div(&one, &acc, rscale, r, err);
		lg_dec_free(&one);
		lg_dec_free(&acc);
		return rc;
	}
	*r = acc;
	if (rscale >= r->scale)
		return lg_dec_shift(r, rscale - r->scale, err) ? -1 : (r->scale = rscale, 0);
	return lg_dec_round_to(r, rscale, false, err);
}

/* Non-integer exponents and sqrt: functions_numx.c computes them exactly
 * enough to round as PostgreSQL does. */
static int pow_exact(lg_dec_t *base, lg_dec_t *exp, bool sqrt_only, lg_dec_t *r, lg_error_t *err)
{
	if (!sqrt_only)
		return lg_fn_dec_pow(base, exp, r, err);
	int w, f; /* sqrt_var: sweight = (weight + 1) * 4 / 2 - 1 */
	lg_dec_nbase_lead(base, &w, &f);
	int rscale = 16 - ((w + 1) * 4 / 2 - 1);
	if (rscale < base->scale)
		rscale = base->scale;
	rscale = rscale < 0 ? 0 : rscale > 1000 ? 1000 : rscale;
	return lg_fn_dec_sqrt(base, rscale, r, err);
}

static void via_double(sqlite3_context *ctx, sqlite3_value **argv, int argc)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (argc > 1 && sqlite3_value_type(argv[1]) == SQLITE_NULL)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_error_t err = LG_ERROR_INIT;
	lg_dec_t base = {0}, exp = {0}, r = {0};
	int rc = lg_fn_dec_in(argv[0], &base, &err);
	if (rc == 0 && argc > 1)
		rc = lg_fn_dec_in(argv[1], &exp, &err);
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
			rc = pow_exact(&base, &exp, argc == 1, &r, &err);
		}
	}
	if (rc)
		lg_fn_error(ctx, &err);
	else
		lg_fn_dec_result(ctx, &r);
	lg_dec_free(&base);
	lg_dec_free(&exp);
	lg_dec_free(&r);
}

static void fn_pow(sqlite3_context *c, int n, sqlite3_value **v) { via_double(c, v, n); }
static void fn_nsqrt(sqlite3_context *c, int n, sqlite3_value **v) { via_double(c, v, n); }

int lg_fn_numeric_to_int(const lg_value_t *v, lg_oid_t to, lg_value_t *out, lg_error_t *err)
{
	lg_dec_t d = {0};
	int rc;
	if (v->kind == LG_VAL_INT) {
		*out = *v;
		return 0;
	}
	if (v->kind == LG_VAL_REAL) {
		char buf[64];
		snprintf(buf, sizeof(buf), "%.17g", v->r);
		rc = lg_dec_parse(buf, strlen(buf), &d, err);
	} else {
		rc = lg_dec_parse(v->s, v->len, &d, err);
	}
	if (rc == 0 && d.special)
		rc = lg_error_set(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "cannot convert %s to %s", d.special == LG_DEC_NAN ? "NaN" : "infinity",
				  to == LG_OID_INT2 ? "smallint" : to == LG_OID_INT4 ? "integer" : "bigint");
	if (rc == 0)
		rc = lg_dec_round_to(&d, 0, false, err);
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
	lg_dec_free(&d);
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
	lg_dec_t x = {0}, s = {0}, r = {0};
	int rc = lg_fn_dec_in(argv[0], &x, &err);
	if (rc == 0 && a->sum)
		rc = lg_dec_parse(a->sum, strlen(a->sum), &s, &err);
	if (rc == 0) {
		if (!a->sum || (x.special && !inverse)) {
			r = x; /* the first value, or NaN/infinity wins */
			x.mag = NULL;
		} else if (s.special || x.special) {
			r = s;
			s.mag = NULL;
		} else {
			rc = lg_dec_add(&s, &x, inverse, &r, &err);
		}
	}
	if (rc == 0) {
		lg_sb_t sb = LG_SB_INIT;
		lg_dec_format(&r, &sb);
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
	lg_dec_free(&x);
	lg_dec_free(&s);
	lg_dec_free(&r);
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
	lg_dec_t s = {0}, n = {0}, r = {0};
	char buf[32];
	snprintf(buf, sizeof(buf), "%lld", (long long)a->count);
	int rc = lg_dec_parse(a->sum, strlen(a->sum), &s, &err);
	if (rc == 0)
		rc = lg_dec_parse(buf, strlen(buf), &n, &err);
	if (rc == 0 && s.special)
		lg_fn_dec_result(ctx, &s);
	else if (rc == 0 && lg_dec_div(&s, &n, lg_dec_div_scale(&s, &n), &r, &err) == 0)
		lg_fn_dec_result(ctx, &r);
	else
		lg_fn_error(ctx, &err);
	lg_dec_free(&s);
	lg_dec_free(&n);
	lg_dec_free(&r);
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
