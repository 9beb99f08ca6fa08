/* SQL functions PostgreSQL has and SQLite lacks, registered on every session
 * connection: casts with PostgreSQL semantics (lg_cast, lg_out), errors
 * SQLite would not raise (lg_div, lg_mod, lg_raise), session values (lg_now,
 * lg_current_user, ...), string functions with PostgreSQL's edge cases.
 * Numeric arithmetic and the lg_numeric collation are in functions_num.c. */
#include "catalog/functions.h"

#include "catalog/codec.h"
#include "catalog/datetime.h"
#include "catalog/functions_int.h"
#include "catalog/types.h"
#include "catalog/udf.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- values between SQLite and the codecs ---- */

void lg_fn_value_in(sqlite3_value *v, lg_value_t *out)
{
	memset(out, 0, sizeof(*out));
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		out->kind = LG_VAL_INT;
		out->i = sqlite3_value_int64(v);
		break;
	case SQLITE_FLOAT:
		out->kind = LG_VAL_REAL;
		out->r = sqlite3_value_double(v);
		break;
	case SQLITE_TEXT:
		out->kind = LG_VAL_TEXT;
		out->s = (const char *)sqlite3_value_text(v);
		out->len = (size_t)sqlite3_value_bytes(v);
		break;
	case SQLITE_BLOB:
		out->kind = LG_VAL_BLOB;
		out->s = sqlite3_value_blob(v);
		out->len = (size_t)sqlite3_value_bytes(v);
		break;
	default:
		out->kind = LG_VAL_NULL;
	}
}

void lg_fn_result(sqlite3_context *ctx, const lg_value_t *v)
{
	switch (v->kind) {
	case LG_VAL_INT:
		sqlite3_result_int64(ctx, v->i);
		break;
	case LG_VAL_REAL:
		sqlite3_result_double(ctx, v->r);
		break;
	case LG_VAL_TEXT:
		sqlite3_result_text(ctx, v->s ? v->s : "", (int)v->len, SQLITE_TRANSIENT);
		break;
	case LG_VAL_BLOB:
		sqlite3_result_blob(ctx, v->s, (int)v->len, SQLITE_TRANSIENT);
		break;
	default:
		sqlite3_result_null(ctx);
	}
}

void lg_fn_error(sqlite3_context *ctx, lg_error_t *err)
{
	if (err->sqlstate == LG_SQLSTATE_OUT_OF_MEMORY)
		sqlite3_result_error_nomem(ctx);
	else
		lg_udf_error_full(ctx, err->sqlstate, lg_error_get(err, LG_ERRF_DETAIL),
				  lg_error_get(err, LG_ERRF_HINT), "%s", lg_error_message(err));
	lg_error_clear(err);
}

/* ---- casts ---- */

static int int_range(lg_oid_t to, double d, int64_t *out, lg_error_t *err)
{
	double lo = -9223372036854775808.0, hi = 9223372036854775808.0;
	const char *msg = "bigint out of range";
	if (to == LG_OID_INT4) {
		lo = -2147483648.0, hi = 2147483648.0, msg = "integer out of range";
	} else if (to == LG_OID_INT2) {
		lo = -32768.0, hi = 32768.0, msg = "smallint out of range";
	}
	if (isnan(d) || d < lo || d >= hi)
		return lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s", msg);
	*out = (int64_t)d;
	return 0;
}

static bool is_int_oid(lg_oid_t o)
{
	return o == LG_OID_INT2 || o == LG_OID_INT4 || o == LG_OID_INT8 || o == LG_OID_OID;
}

static bool is_string_oid(lg_oid_t o)
{
	return o == LG_OID_TEXT || o == LG_OID_VARCHAR || o == LG_OID_BPCHAR || o == LG_OID_NAME;
}

/* Casts with their own rules (not the I/O round trip). 1: not special. */
static int special_cast(const lg_value_t *v, lg_oid_t from, lg_oid_t to, int32_t typmod,
			lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	if (is_int_oid(to) && to != LG_OID_OID) {
		if (v->kind == LG_VAL_INT && is_int_oid(from)) {
			*out = *v;
			return int_range(to, (double)v->i, &out->i, err) == 0 &&
					       (to == LG_OID_INT8 || (double)v->i == (double)out->i)
				       ? 0
				       : lg_error_set(err, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
						      "%s out of range",
						      to == LG_OID_INT2 ? "smallint" : "integer");
		}
		if (v->kind == LG_VAL_REAL && (from == LG_OID_FLOAT4 || from == LG_OID_FLOAT8)) {
			out->kind = LG_VAL_INT;
			return int_range(to, rint(v->r), &out->i, err);
		}
		if (from == LG_OID_NUMERIC)
			return lg_fn_numeric_to_int(v, to, out, err);
		if (from == LG_OID_BOOL) {
			*out = *v;
			return 0;
		}
	}
	if (to == LG_OID_BOOL && is_int_oid(from) && v->kind == LG_VAL_INT) {
		out->kind = LG_VAL_INT;
		out->i = v->i != 0;
		return 0;
	}
	if (from == LG_OID_BOOL && is_string_oid(to)) {
		const char *s = (v->kind == LG_VAL_INT && v->i) ? "true" : "false";
		return lg_codec_decode_text(to, typmod, s, strlen(s), arena, out, err);
	}
	if (to == LG_OID_NUMERIC && v->kind == LG_VAL_REAL) {
		char buf[64];
		if (isinf(v->r))
			snprintf(buf, sizeof(buf), "%s", v->r > 0 ? "Infinity" : "-Infinity");
		else /* float8_numeric: DBL_DIG digits; float4_numeric: FLT_DIG */
			snprintf(buf, sizeof(buf), "%.*g", from == LG_OID_FLOAT4 ? 6 : 15, v->r);
		return lg_codec_decode_text(to, typmod, buf, strlen(buf), arena, out, err);
	}
	if ((to == LG_OID_FLOAT8 || to == LG_OID_FLOAT4) && from == LG_OID_NUMERIC &&
	    v->kind == LG_VAL_TEXT) {
		char buf[128];
		snprintf(buf, sizeof(buf), "%.*s", (int)(v->len < 127 ? v->len : 127), v->s);
		return lg_codec_decode_text(to, -1, buf, strlen(buf), arena, out, err);
	}
	return 1;
}

int lg_fn_cast(const lg_value_t *v, lg_oid_t from, lg_oid_t to, int32_t typmod,
	       lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	if (v->kind == LG_VAL_NULL) {
		out->kind = LG_VAL_NULL;
		return 0;
	}
	int rc = special_cast(v, from, to, typmod, arena, out, err);
	if (rc != 1)
		return rc;
	/* PostgreSQL's I/O conversion: output of `from`, input of `to`. */
	lg_sb_t sb = LG_SB_INIT;
	if (is_string_oid(from) && from != LG_OID_BPCHAR && v->kind == LG_VAL_TEXT)
		lg_sb_appendn(&sb, v->s, v->len);
	else if (lg_codec_encode_text(from, -1, v, &sb, err))
		goto fail;
	if (sb.failed) {
		lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		goto fail;
	}
	if (from == LG_OID_BPCHAR && is_string_oid(to) && to != LG_OID_BPCHAR)
		while (sb.len && sb.data[sb.len - 1] == ' ')
			sb.len--; /* bpchar's trailing blanks are insignificant */
	rc = lg_codec_decode_text(to, typmod, sb.data ? sb.data : "", sb.len, arena, out, err);
	lg_sb_free(&sb);
	return rc;
fail:
	lg_sb_free(&sb);
	return -1;
}

static void fn_cast(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	lg_value_t v, out;
	lg_fn_value_in(argv[0], &v);
	lg_arena_t arena;
	lg_arena_init(&arena, 256);
	lg_error_t err = LG_ERROR_INIT;
	if (lg_fn_cast(&v, (lg_oid_t)sqlite3_value_int64(argv[1]),
		       (lg_oid_t)sqlite3_value_int64(argv[2]), sqlite3_value_int(argv[3]), &arena,
		       &out, &err))
		lg_fn_error(ctx, &err);
	else
		lg_fn_result(ctx, &out);
	lg_arena_destroy(&arena);
}

/* lg_out(x, oid): the text PostgreSQL's output function gives. */
static void fn_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	lg_value_t v;
	lg_fn_value_in(argv[0], &v);
	if (v.kind == LG_VAL_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_sb_t sb = LG_SB_INIT;
	lg_error_t err = LG_ERROR_INIT;
	if (lg_codec_encode_text((lg_oid_t)sqlite3_value_int64(argv[1]), -1, &v, &sb, &err))
		lg_fn_error(ctx, &err);
	else if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	lg_sb_free(&sb);
}

/* ---- errors SQLite does not raise ---- */

static bool is_zero(sqlite3_value *v)
{
	return sqlite3_value_type(v) == SQLITE_INTEGER ? sqlite3_value_int64(v) == 0
						      : sqlite3_value_double(v) == 0.0;
}

static void divmod(sqlite3_context *ctx, sqlite3_value **argv, bool mod)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (is_zero(argv[1])) {
		lg_udf_error(ctx, LG_SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		return;
	}
	if (sqlite3_value_numeric_type(argv[0]) == SQLITE_INTEGER &&
	    sqlite3_value_numeric_type(argv[1]) == SQLITE_INTEGER) {
		int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]);
		if (b == -1) { /* INT64_MIN / -1 overflows in C */
			if (!mod && a == INT64_MIN)
				lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					     "bigint out of range");
			else
				sqlite3_result_int64(ctx, mod ? 0 : -a);
			return;
		}
		sqlite3_result_int64(ctx, mod ? a % b : a / b);
		return;
	}
	double a = sqlite3_value_double(argv[0]), b = sqlite3_value_double(argv[1]);
	sqlite3_result_double(ctx, mod ? fmod(a, b) : a / b);
}

static void fn_div(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	divmod(ctx, argv, false);
}

static void fn_mod(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	divmod(ctx, argv, true);
}

/* lg_raise('21000', 'message' [, 'hint']) */
static void fn_raise(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *code = (const char *)sqlite3_value_text(argv[0]);
	lg_sqlstate_t state = LG_SQLSTATE_INTERNAL_ERROR;
	for (int i = 0; code && i < LG_SQLSTATE__COUNT; i++)
		if (strcmp(lg_sqlstate_code((lg_sqlstate_t)i), code) == 0)
			state = (lg_sqlstate_t)i;
	const char *msg = (const char *)sqlite3_value_text(argv[1]);
	const char *hint = argc > 2 ? (const char *)sqlite3_value_text(argv[2]) : NULL;
	lg_udf_error_full(ctx, state, NULL, hint, "%s", msg ? msg : "error");
}

/* ---- math ---- */

static void fn_round(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_double(ctx, rint(sqlite3_value_double(argv[0])));
}

static void fn_sqrt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	double d = sqlite3_value_double(argv[0]);
	if (d < 0)
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
			     "cannot take square root of a negative number");
	else
		sqlite3_result_double(ctx, sqrt(d));
}

static void fn_ln(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	double d = sqlite3_value_double(argv[0]);
	if (d == 0)
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
	else if (d < 0)
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_ARGUMENT_FOR_LOG,
			     "cannot take logarithm of a negative number");
	else
		sqlite3_result_double(ctx, log(d));
}

/* lg_greatest(is_numeric, a, b, ...) / lg_least: NULLs are ignored. */
static int compare_values(sqlite3_value *a, sqlite3_value *b, bool numeric)
{
	if (numeric) {
		return lg_codec_numeric_cmp((const char *)sqlite3_value_text(a),
					    (size_t)sqlite3_value_bytes(a),
					    (const char *)sqlite3_value_text(b),
					    (size_t)sqlite3_value_bytes(b));
	}
	int ta = sqlite3_value_numeric_type(a), tb = sqlite3_value_numeric_type(b);
	if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) &&
	    (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT)) {
		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
			int64_t x = sqlite3_value_int64(a), y = sqlite3_value_int64(b);
			return x < y ? -1 : x > y;
		}
		double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
		return x < y ? -1 : x > y;
	}
	const void *pa = sqlite3_value_blob(a), *pb = sqlite3_value_blob(b);
	int la = sqlite3_value_bytes(a), lb = sqlite3_value_bytes(b);
	int c = memcmp(pa ? pa : "", pb ? pb : "", (size_t)(la < lb ? la : lb));
	return c ? c : (la < lb ? -1 : la > lb);
}

static void extreme(sqlite3_context *ctx, int argc, sqlite3_value **argv, int sign)
{
	bool numeric = sqlite3_value_int(argv[0]) != 0;
	sqlite3_value *best = NULL;
	for (int i = 1; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		if (!best || compare_values(argv[i], best, numeric) * sign > 0)
			best = argv[i];
	}
	if (best)
		sqlite3_result_value(ctx, best);
	else
		sqlite3_result_null(ctx);
}

static void fn_greatest(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	extreme(ctx, argc, argv, 1);
}

static void fn_least(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	extreme(ctx, argc, argv, -1);
}

/* ---- registration ---- */

typedef struct fn_def {
	const char *name;
	int nargs;
	bool deterministic;
	void (*fn)(sqlite3_context *, int, sqlite3_value **);
} fn_def_t;

static const fn_def_t scalar_fns[] = {
	{"lg_cast", 4, true, fn_cast},
	{"lg_out", 2, true, fn_out},
	{"lg_div", 2, true, fn_div},
	{"lg_mod", 2, true, fn_mod},
	{"lg_raise", 2, true, fn_raise},
	{"lg_raise", 3, true, fn_raise},
	{"lg_round", 1, true, fn_round},
	{"lg_sqrt", 1, true, fn_sqrt},
	{"lg_ln", 1, true, fn_ln},
	{"lg_greatest", -1, true, fn_greatest},
	{"lg_least", -1, true, fn_least},
};

int lg_fn_register(sqlite3 *db, const char *name, int nargs, bool deterministic, void *data,
		   void (*fn)(sqlite3_context *, int, sqlite3_value **), lg_error_t *err)
{
	int flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0);
	if (sqlite3_create_function_v2(db, name, nargs, flags, data, fn, NULL, NULL, NULL) !=
	    SQLITE_OK)
		return lg_error_set(err, LG_SQLSTATE_INTERNAL_ERROR,
				    "could not register function %s: %s", name, sqlite3_errmsg(db));
	return 0;
}

int lg_cat_register_functions(sqlite3 *db, lg_cat_session_vars_t *vars, lg_error_t *err)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(scalar_fns); i++)
		if (lg_fn_register(db, scalar_fns[i].name, scalar_fns[i].nargs,
				   scalar_fns[i].deterministic, NULL, scalar_fns[i].fn, err))
			return -1;
	if (lg_fn_register_session(db, vars, err) || lg_fn_register_guc(db, vars, err) ||
	    lg_fn_register_strings(db, err) || lg_fn_register_text(db, err) ||
	    lg_fn_register_fmt(db, err) || lg_fn_register_math(db, err) ||
	    lg_fn_register_json(db, err) || lg_fn_register_agg(db, err) ||
	    lg_fn_register_numx(db, err) || lg_fn_register_time(db, err) ||
	    lg_fn_register_regex(db, err) || lg_fn_register_tochar(db, err) ||
	    lg_fn_register_upsert(db, err) ||
	    lg_fn_register_numeric(db, err) || lg_fn_register_datetime(db, err))
		return -1;
	return 0;
}
