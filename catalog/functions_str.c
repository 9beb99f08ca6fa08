/* Session values (now(), current_user, version()), string functions with
 * PostgreSQL's edge cases (character positions, negative counts), and date
 * arithmetic on the stored 'YYYY-MM-DD' form. */
#include "catalog/datetime.h"
#include "catalog/codec.h"
#include "common/arena.h"
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- session values ---- */

static void put_timestamp(sqlite3_context *ctx, int64_t usec, bool date_only)
{
	int64_t secs = usec / 1000000, frac = usec % 1000000;
	if (frac < 0) {
		frac += 1000000;
		secs--;
	}
	time_t t = (time_t)secs;
	struct tm tm;
	gmtime_r(&t, &tm);
	char buf[64];
	int n;
	if (date_only)
		n = snprintf(buf, sizeof(buf), "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
			     tm.tm_mday);
	else
		n = snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
			     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (!date_only && frac) {
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, ".%06d", (int)frac);
		while (buf[n - 1] == '0')
			n--;
	}
	sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}

static int64_t now_usec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static lg_cat_session_vars_t *vars_of(sqlite3_context *ctx)
{
	return sqlite3_user_data(ctx);
}

static void fn_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	lg_cat_session_vars_t *v = vars_of(ctx);
	put_timestamp(ctx, v && v->xact_start_usec ? v->xact_start_usec : now_usec(), false);
}

static void fn_statement_timestamp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	lg_cat_session_vars_t *v = vars_of(ctx);
	put_timestamp(ctx, v && v->stmt_start_usec ? v->stmt_start_usec : now_usec(), false);
}

static void fn_clock_timestamp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	put_timestamp(ctx, now_usec(), false);
}

static void fn_current_date(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	lg_cat_session_vars_t *v = vars_of(ctx);
	put_timestamp(ctx, v && v->xact_start_usec ? v->xact_start_usec : now_usec(), true);
}

static void fn_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	sqlite3_result_text(ctx,
			    "PostgreSQL " LG_PG_SERVER_VERSION " (litegres " LG_VERSION
			    ") on x86_64-pc-linux-gnu, compiled by gcc, 64-bit",
			    -1, SQLITE_STATIC);
}

static void fn_current_database(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	lg_cat_session_vars_t *v = vars_of(ctx);
	sqlite3_result_text(ctx, v && v->database ? v->database : "postgres", -1, SQLITE_TRANSIENT);
}

static void fn_current_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	lg_cat_session_vars_t *v = vars_of(ctx);
	sqlite3_result_text(ctx, v && v->user ? v->user : "postgres", -1, SQLITE_TRANSIENT);
}

static void fn_gen_random_uuid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	unsigned char b[16];
	sqlite3_randomness(sizeof(b), b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	char out[37];
	int n = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[n++] = '-';
		n += snprintf(out + n, sizeof(out) - (size_t)n, "%02x", b[i]);
	}
	sqlite3_result_text(ctx, out, 36, SQLITE_TRANSIENT);
}

int lg_fn_register_session(sqlite3 *db, lg_cat_session_vars_t *vars, lg_error_t *err)
{
	static const struct {
		const char *name;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"lg_now", fn_now},
		{"lg_statement_timestamp", fn_statement_timestamp},
		{"lg_clock_timestamp", fn_clock_timestamp},
		{"lg_current_date", fn_current_date},
		{"lg_version", fn_version},
		{"lg_current_database", fn_current_database},
		{"lg_current_user", fn_current_user},
		{"lg_gen_random_uuid", fn_gen_random_uuid},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(fns); i++)
		if (lg_fn_register(db, fns[i].name, 0, false, vars, fns[i].fn, err))
			return -1;
	return 0;
}

/* ---- strings (positions count characters, not bytes) ---- */

/* Byte offset of character `n` (0-based) in UTF-8 s[0..len), clamped. */
static int64_t char_offset(const unsigned char *s, int64_t len, int64_t n)
{
	int64_t i = 0;
	while (i < len && n > 0) {
		i++;
		while (i < len && (s[i] & 0xC0) == 0x80)
			i++;
		n--;
	}
	return i;
}

static int64_t char_count(const unsigned char *s, int64_t len)
{
	int64_t n = 0;
	for (int64_t i = 0; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static bool any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	return false;
}

/* Characters [from, to) of the first argument (0-based, clamped). */
static void result_chars(sqlite3_context *ctx, sqlite3_value *v, int64_t from, int64_t to)
{
	const unsigned char *s = sqlite3_value_text(v);
	int64_t len = sqlite3_value_bytes(v);
	if (from < 0)
		from = 0;
	if (to <= from) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	int64_t a = char_offset(s, len, from);
	int64_t b = a + char_offset(s + a, len - a, to - from);
	sqlite3_result_text(ctx, (const char *)s + a, (int)(b - a), SQLITE_TRANSIENT);
}

/* substr(s, from [, count]): 1-based; positions before 1 count. */
static void fn_substr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t from = sqlite3_value_int64(argv[1]);
	int64_t to = INT64_MAX;
	if (argc == 3) {
		int64_t count = sqlite3_value_int64(argv[2]);
		if (count < 0) {
			lg_udf_error(ctx, LG_SQLSTATE_SUBSTRING_ERROR,
				     "negative substring length not allowed");
			return;
		}
		to = (from > INT64_MAX - count) ? INT64_MAX : from + count;
	}
	result_chars(ctx, argv[0], from - 1, to == INT64_MAX ? INT64_MAX : to - 1);
}

static void fn_left(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t n = sqlite3_value_int64(argv[1]);
	if (n < 0) {
		const unsigned char *s = sqlite3_value_text(argv[0]);
		n += char_count(s, sqlite3_value_bytes(argv[0]));
	}
	result_chars(ctx, argv[0], 0, n);
}

static void fn_right(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t n = sqlite3_value_int64(argv[1]);
	const unsigned char *s = sqlite3_value_text(argv[0]);
	int64_t total = char_count(s, sqlite3_value_bytes(argv[0]));
	int64_t from = n < 0 ? -n : total - n;
	result_chars(ctx, argv[0], from, total);
}

/* PostgreSQL's limit on a text value. */
#define MAX_TEXT ((int64_t)1 << 30)

static void fn_repeat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int64_t len = sqlite3_value_bytes(argv[0]), n = sqlite3_value_int64(argv[1]);
	if (n <= 0 || len == 0) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	if (n > MAX_TEXT / len) {
		lg_udf_error(ctx, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "requested length too large");
		return;
	}
	char *out = sqlite3_malloc64((sqlite3_uint64)(n * len) + 1);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	for (int64_t i = 0; i < n; i++)
		memcpy(out + i * len, s, (size_t)len);
	sqlite3_result_text64(ctx, out, (sqlite3_uint64)(n * len), sqlite3_free, SQLITE_UTF8);
}

static void fn_reverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(argv[0]);
	int len = sqlite3_value_bytes(argv[0]);
	char *out = sqlite3_malloc(len + 1);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	int w = len;
	for (int i = 0; i < len;) {
		int k = i + 1;
		while (k < len && (s[k] & 0xC0) == 0x80)
			k++;
		w -= k - i;
		memcpy(out + w, s + i, (size_t)(k - i));
		i = k;
	}
	sqlite3_result_text(ctx, out, len, sqlite3_free);
}

/* concat_ws(sep, ...): NULL arguments are skipped. */
static void fn_concat_ws(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *sep = (const char *)sqlite3_value_text(argv[0]);
	lg_sb_t sb = LG_SB_INIT;
	bool first = true;
	for (int i = 1; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		if (!first)
			lg_sb_append(&sb, sep);
		lg_sb_appendn(&sb, sqlite3_value_text(argv[i]), (size_t)sqlite3_value_bytes(argv[i]));
		first = false;
	}
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	lg_sb_free(&sb);
}

/* ---- dates: stored as 'YYYY-MM-DD' ---- */

static bool parse_date(sqlite3_value *v, int *jd)
{
	const char *s = (const char *)sqlite3_value_text(v);
	int y, m, d;
	char bc[4] = "";
	if (!s || sscanf(s, "%d-%d-%d %3s", &y, &m, &d, bc) < 3)
		return false;
	if (strcmp(bc, "BC") == 0)
		y = 1 - y;
	*jd = lg_dt_date2j(y, m, d);
	return true;
}

static void put_date(sqlite3_context *ctx, int jd)
{
	int y, m, d;
	lg_dt_j2date(jd, &y, &m, &d);
	char buf[32];
	if (y <= 0)
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d BC", 1 - y, m, d);
	else
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static void fn_date_add(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int jd;
	if (!parse_date(argv[0], &jd)) {
		sqlite3_result_value(ctx, argv[0]); /* infinity stays infinity */
		return;
	}
	int64_t r = (int64_t)jd + sqlite3_value_int64(argv[1]);
	if (r < 0 || r > 2147483647 - LG_POSTGRES_EPOCH_JDATE) {
		lg_udf_error(ctx, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW, "date out of range");
		return;
	}
	put_date(ctx, (int)r);
}

static void fn_date_diff(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int a, b;
	if (!parse_date(argv[0], &a) || !parse_date(argv[1], &b)) {
		lg_udf_error(ctx, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
			     "cannot subtract infinite dates");
		return;
	}
	sqlite3_result_int64(ctx, (int64_t)a - b);
}

/* ---- arrays: lg_array_json(array_text, elem_oid) ---- */

static void json_string(lg_sb_t *out, const char *s, size_t n)
{
	lg_sb_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			lg_sb_appendf(out, "\\%c", c);
		else if (c < 0x20)
			lg_sb_appendf(out, "\\u%04x", c);
		else
			lg_sb_putc(out, (char)c);
	}
	lg_sb_putc(out, '"');
}

/* One element in storage form as a JSON value. */
static int json_element(lg_oid_t elem, const char *s, size_t n, bool quoted, lg_sb_t *out,
			lg_error_t *err)
{
	if (!quoted && n == 4 && strncasecmp(s, "NULL", 4) == 0) {
		lg_sb_append(out, "null");
		return 0;
	}
	lg_arena_t arena;
	lg_arena_init(&arena, 256);
	lg_value_t v;
	int rc = lg_codec_decode_text(elem, -1, s, n, &arena, &v, err);
	if (rc == 0) {
		if (v.kind == LG_VAL_INT)
			lg_sb_appendf(out, "%lld", (long long)v.i);
		else if (v.kind == LG_VAL_REAL)
			lg_sb_appendf(out, "%.17g", v.r);
		else if (v.kind == LG_VAL_NULL)
			lg_sb_append(out, "null");
		else
			json_string(out, v.s, v.len);
	}
	lg_arena_destroy(&arena);
	return rc;
}

/* PostgreSQL's one-dimensional array text form to a JSON array. */
static int array_json(const char *s, size_t n, lg_oid_t elem, lg_sb_t *out, lg_error_t *err)
{
	size_t i = 0;
	while (i < n && s[i] != '{')
		i++; /* [lo:hi]= dimension decoration */
	if (i == n)
		return lg_error_set(err, LG_SQLSTATE_INVALID_TEXT_REPRESENTATION,
				    "malformed array literal: \"%.*s\"", (int)n, s);
	i++;
	lg_sb_putc(out, '[');
	lg_sb_t el = LG_SB_INIT;
	bool first = true;
	int rc = 0;
	while (rc == 0 && i < n && s[i] != '}') {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
			i++;
		if (i < n && s[i] == '{') {
			rc = lg_error_set(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
					  "multidimensional arrays are not supported");
			break;
		}
		bool quoted = i < n && s[i] == '"';
		lg_sb_reset(&el);
		if (quoted) {
			for (i++; i < n && s[i] != '"'; i++) {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				lg_sb_putc(&el, s[i]);
			}
			i++;
		} else {
			while (i < n && s[i] != ',' && s[i] != '}') {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				lg_sb_putc(&el, s[i++]);
			}
			while (el.len && el.data[el.len - 1] == ' ')
				el.len--;
		}
		while (i < n && s[i] == ' ')
			i++;
		if (i < n && s[i] == ',')
			i++;
		if (!first)
			lg_sb_putc(out, ',');
		first = false;
		rc = json_element(elem, el.data ? el.data : "", el.len, quoted, out, err);
	}
	lg_sb_free(&el);
	lg_sb_putc(out, ']');
	return rc;
}

static void fn_array_json(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_sb_t sb = LG_SB_INIT;
	lg_error_t err = LG_ERROR_INIT;
	if (array_json((const char *)sqlite3_value_text(argv[0]), (size_t)sqlite3_value_bytes(argv[0]),
		       (lg_oid_t)sqlite3_value_int64(argv[1]), &sb, &err))
		lg_fn_error(ctx, &err);
	else if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	lg_sb_free(&sb);
}

/* lg_int_check(v, bits): integer arithmetic results must fit their type.
 * SQLite turns an int64 overflow into a REAL; PostgreSQL raises 22003. */
static void fn_int_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int type = sqlite3_value_type(argv[0]);
	if (type == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	int bits = sqlite3_value_int(argv[1]);
	const char *msg = bits == 16 ? "smallint out of range"
			  : bits == 32 ? "integer out of range"
				       : "bigint out of range";
	int64_t v = sqlite3_value_int64(argv[0]);
	bool bad = type != SQLITE_INTEGER || (bits == 16 && (v < INT16_MIN || v > INT16_MAX)) ||
		   (bits == 32 && (v < INT32_MIN || v > INT32_MAX));
	if (bad)
		lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s", msg);
	else
		sqlite3_result_int64(ctx, v);
}

/* lg_series_step(step): generate_series refuses a zero step. */
static void fn_series_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_NULL && sqlite3_value_int64(argv[0]) == 0)
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_PARAMETER_VALUE, "step size cannot equal zero");
	else
		sqlite3_result_value(ctx, argv[0]);
}

int lg_fn_register_strings(sqlite3 *db, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"lg_substr", 2, fn_substr},     {"lg_substr", 3, fn_substr},
		{"lg_left", 2, fn_left},         {"lg_right", 2, fn_right},
		{"lg_repeat", 2, fn_repeat},     {"lg_reverse", 1, fn_reverse},
		{"lg_concat_ws", -1, fn_concat_ws}, {"lg_date_add", 2, fn_date_add},
		{"lg_date_diff", 2, fn_date_diff}, {"lg_array_json", 2, fn_array_json},
		{"lg_series_step", 1, fn_series_step}, {"lg_int_check", 2, fn_int_check},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(fns); i++)
		if (lg_fn_register(db, fns[i].name, fns[i].nargs, true, NULL, fns[i].fn, err))
			return -1;
	return 0;
}
