/* abs() of integers with PostgreSQL's range errors, float8 functions
 * with PostgreSQL's errors (exp, log10, cbrt, trigonometry, power, atan2),
 * gcd/lcm and width_bucket. */
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"

#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static const char *int_type(int width)
{
	return width == 2 ? "smallint" : width == 4 ? "integer" : "bigint";
}

static bool in_range(int64_t v, int width)
{
	if (width == 2)
		return v >= INT16_MIN && v <= INT16_MAX;
	if (width == 4)
		return v >= INT32_MIN && v <= INT32_MAX;
	return true;
}

static void out_of_range(sqlite3_context *ctx, int width)
{
	lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
		     int_type(width));
}

static void fn_int_abs(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	int width = sqlite3_value_int(argv[1]);
	int64_t v = sqlite3_value_int64(argv[0]);
	if (v == INT64_MIN || !in_range(v < 0 ? -v : v, width))
		out_of_range(ctx, width);
	else
		sqlite3_result_int64(ctx, v < 0 ? -v : v);
}

/* float8 results: PostgreSQL's overflow/underflow checks. */
static void result_float(sqlite3_context *ctx, double r, double x, bool zero_ok)
{
	if (isinf(r) && !isinf(x))
		lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			     "value out of range: overflow");
	else if (r == 0.0 && !zero_ok)
		lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			     "value out of range: underflow");
	else
		sqlite3_result_double(ctx, r);
}

static bool log_arg_ok(sqlite3_context *ctx, double x)
{
	if (x == 0.0)
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_ARGUMENT_FOR_LOG,
			     "cannot take logarithm of zero");
	else if (x < 0.0)
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_ARGUMENT_FOR_LOG,
			     "cannot take logarithm of a negative number");
	return x > 0.0 || isnan(x);
}

static bool trig_arg_ok(sqlite3_context *ctx, double x, bool inverse)
{
	if ((inverse && (x < -1.0 || x > 1.0)) || (!inverse && isinf(x))) {
		lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
		return false;
	}
	return true;
}

/* lg_math(name, x) */
static void fn_math(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *f = (const char *)sqlite3_value_text(argv[0]);
	double x = sqlite3_value_double(argv[1]);
	if (strcmp(f, "exp") == 0)
		result_float(ctx, exp(x), x, isinf(x));
	else if (strcmp(f, "cbrt") == 0)
		sqlite3_result_double(ctx, cbrt(x));
	else if (strcmp(f, "log10") == 0) {
		if (log_arg_ok(ctx, x))
			sqlite3_result_double(ctx, log10(x));
	} else if (strcmp(f, "degrees") == 0)
		result_float(ctx, x * (180.0 / M_PI), x, true);
	else if (strcmp(f, "radians") == 0)
		result_float(ctx, x * (M_PI / 180.0), x, true);
	else if (strcmp(f, "sin") == 0 || strcmp(f, "cos") == 0 || strcmp(f, "tan") == 0) {
		if (trig_arg_ok(ctx, x, false))
			sqlite3_result_double(ctx, f[0] == 's'   ? sin(x)
						   : f[0] == 'c' ? cos(x)
								 : tan(x));
	} else if (strcmp(f, "asin") == 0 || strcmp(f, "acos") == 0) {
		if (trig_arg_ok(ctx, x, true))
			sqlite3_result_double(ctx, f[1] == 's' ? asin(x) : acos(x));
	} else if (strcmp(f, "atan") == 0)
		sqlite3_result_double(ctx, atan(x));
	else
		lg_udf_error(ctx, LG_SQLSTATE_INTERNAL_ERROR, "unknown math function %s", f);
}

static void fn_atan2(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv))
		sqlite3_result_null(ctx);
	else
		sqlite3_result_double(
			ctx, atan2(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1])));
}

/* dpow() */
static void fn_pow(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	double x = sqlite3_value_double(argv[0]), y = sqlite3_value_double(argv[1]);
	if (x == 0.0 && y < 0.0) {
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
			     "zero raised to a negative power is undefined");
		return;
	}
	if (x < 0.0 && floor(y) != y && !isinf(y)) {
		lg_udf_error(
			ctx, LG_SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
			"a negative number raised to a non-integer power yields a complex result");
		return;
	}
	double r = pow(x, y);
	bool finite_in = !isinf(x) && !isinf(y);
	if (isinf(r) && finite_in)
		lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			     "value out of range: overflow");
	else if (r == 0.0 && x != 0.0 && finite_in)
		lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			     "value out of range: underflow");
	else
		sqlite3_result_double(ctx, r);
}

static uint64_t ugcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static uint64_t uabs(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* lg_gcd(a, b, width, is_lcm) */
static void fn_gcd(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]);
	int width = sqlite3_value_int(argv[2]);
	uint64_t g = ugcd(uabs(a), uabs(b)), r = g;
	if (sqlite3_value_int(argv[3])) {
		if (a == 0 || b == 0) {
			sqlite3_result_int64(ctx, 0);
			return;
		}
		uint64_t q = uabs(a) / g, m = uabs(b);
		if (q != 0 && m > UINT64_MAX / q) {
			out_of_range(ctx, width);
			return;
		}
		r = q * m;
	}
	if (r > (uint64_t)INT64_MAX || !in_range((int64_t)r, width))
		out_of_range(ctx, width);
	else
		sqlite3_result_int64(ctx, (int64_t)r);
}

static void fn_width_bucket(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	double x = sqlite3_value_double(argv[0]), lo = sqlite3_value_double(argv[1]),
	       hi = sqlite3_value_double(argv[2]);
	int64_t count = sqlite3_value_int64(argv[3]);
	lg_sqlstate_t st = LG_SQLSTATE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION;
	if (count <= 0) {
		lg_udf_error(ctx, st, "count must be greater than zero");
		return;
	}
	if (isinf(lo) || isinf(hi)) {
		lg_udf_error(ctx, st, "lower and upper bounds must be finite");
		return;
	}
	if (lo == hi) {
		lg_udf_error(ctx, st, "lower bound cannot equal upper bound");
		return;
	}
	int64_t r;
	if (lo < hi)
		r = x < lo    ? 0
		    : x >= hi ? count + 1
			      : (int64_t)((x - lo) * (double)count / (hi - lo)) + 1;
	else
		r = x > lo    ? 0
		    : x <= hi ? count + 1
			      : (int64_t)((lo - x) * (double)count / (lo - hi)) + 1;
	if (r > INT32_MAX)
		out_of_range(ctx, 4);
	else
		sqlite3_result_int64(ctx, r);
}

/* lg_to_hex(n, bytes): two's complement digits of an int4 or int8. */
static void fn_to_hex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	uint64_t v = (uint64_t)sqlite3_value_int64(argv[0]);
	if (sqlite3_value_int(argv[1]) == 4)
		v &= 0xFFFFFFFFu;
	char buf[24];
	snprintf(buf, sizeof(buf), "%llx", (unsigned long long)v);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* lg_limit(n, is_offset): LIMIT/OFFSET counts; NULL means none. */
static void fn_limit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	bool offset = sqlite3_value_int(argv[1]) != 0;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_int64(ctx, offset ? 0 : -1);
		return;
	}
	int64_t n = sqlite3_value_int64(argv[0]);
	if (n < 0)
		lg_udf_error(ctx,
			     offset ? LG_SQLSTATE_INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE
				    : LG_SQLSTATE_INVALID_ROW_COUNT_IN_LIMIT_CLAUSE,
			     "%s must not be negative", offset ? "OFFSET" : "LIMIT");
	else
		sqlite3_result_int64(ctx, n);
}

int lg_fn_register_math(sqlite3 *db, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"lg_int_abs", 2, fn_int_abs}, {"lg_math", 2, fn_math},
		{"lg_atan2", 2, fn_atan2},     {"lg_pow", 2, fn_pow},
		{"lg_gcd", 4, fn_gcd},         {"lg_width_bucket", 4, fn_width_bucket},
		{"lg_limit", 2, fn_limit}, {"lg_to_hex", 2, fn_to_hex},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(fns); i++)
		if (lg_fn_register(db, fns[i].name, fns[i].nargs, true, NULL, fns[i].fn, err))
			return -1;
	return 0;
}
