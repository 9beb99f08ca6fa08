/* JSON constructors: lg_json_build(flags, value, oid, ...) for
 * json[b]_build_object/array (flags 1 = object, 2 = jsonb) and
 * lg_to_json(flags, value, oid). Each value becomes JSON the way
 * PostgreSQL's datum_to_json sees its type; jsonb results are the json
 * text read back through the jsonb input function (canonical form, keys
 * sorted, the last of duplicate keys kept). */
#include "catalog/codec.h"
#include "catalog/functions_int.h"
#include "catalog/types.h"
#include "catalog/udf.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <string.h>

/* IsValidJsonNumber() */
static bool json_number(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && s[i] == '-')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9')
		return false;
	if (s[i] == '0')
		i++;
	else
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (i < n && s[i] == '.') {
		if (++i >= n || s[i] < '0' || s[i] > '9')
			return false;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return false;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return i == n;
}

/* Timestamps in JSON are XSD dates: 'T' between date and time, offsets
 * as +HH:MM. */
static void xsd_datetime(const char *s, size_t n, bool tz, lg_sb_t *out)
{
	lg_sb_putc(out, '"');
	size_t sp = 0;
	while (sp < n && s[sp] != ' ')
		sp++;
	lg_sb_appendn(out, s, sp);
	if (sp < n) {
		lg_sb_putc(out, 'T');
		lg_sb_appendn(out, s + sp + 1, n - sp - 1);
		/* "+00" -> "+00:00" */
		if (tz && n >= 3 && (s[n - 3] == '+' || s[n - 3] == '-'))
			lg_sb_append(out, ":00");
	}
	lg_sb_putc(out, '"');
}

/* Appends `v` (stored form of type oid) as JSON. */
static int json_value(sqlite3_value *sv, lg_oid_t oid, lg_sb_t *out, lg_error_t *err)
{
	lg_value_t v;
	lg_fn_value_in(sv, &v);
	if (v.kind == LG_VAL_NULL) {
		lg_sb_append(out, "null");
		return 0;
	}
	if (oid == LG_OID_BOOL) {
		lg_sb_append(out, v.i ? "true" : "false");
		return 0;
	}
	if ((oid == LG_OID_JSON || oid == LG_OID_JSONB) && v.kind == LG_VAL_TEXT) {
		lg_sb_appendn(out, v.s, v.len);
		return 0;
	}
	lg_sb_t text = LG_SB_INIT;
	int rc = lg_codec_encode_text(oid, -1, &v, &text, err);
	const char *s = text.data ? text.data : "";
	if (rc == 0) {
		bool number = oid == LG_OID_INT2 || oid == LG_OID_INT4 || oid == LG_OID_INT8 ||
			      oid == LG_OID_FLOAT4 || oid == LG_OID_FLOAT8 ||
			      oid == LG_OID_NUMERIC || oid == LG_OID_OID;
		if (number && json_number(s, text.len))
			lg_sb_appendn(out, s, text.len);
		else if (oid == LG_OID_TIMESTAMP || oid == LG_OID_TIMESTAMPTZ)
			xsd_datetime(s, text.len, oid == LG_OID_TIMESTAMPTZ, out);
		else
			lg_fn_escape_json(s, text.len, out);
	}
	lg_sb_free(&text);
	return rc;
}

/* Object keys: any scalar, as a JSON string. */
static int json_key(sqlite3_value *sv, lg_oid_t oid, int argno, lg_sb_t *out, lg_error_t *err)
{
	if (sqlite3_value_type(sv) == SQLITE_NULL) {
		lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE, "argument %d cannot be null",
			     argno);
		lg_error_field(err, LG_ERRF_HINT, "Object keys should be text.");
		return -1;
	}
	if (oid == LG_OID_JSON || oid == LG_OID_JSONB)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "key value must be scalar, not array, composite, or json");
	lg_sb_t tmp = LG_SB_INIT;
	int rc = json_value(sv, oid, &tmp, err);
	if (rc == 0 && tmp.len && tmp.data[0] == '"')
		lg_sb_appendn(out, tmp.data, tmp.len);
	else if (rc == 0)
		lg_fn_escape_json(tmp.data ? tmp.data : "", tmp.len, out);
	lg_sb_free(&tmp);
	return rc;
}

/* The jsonb form of json text. */
static void result_json(sqlite3_context *ctx, lg_sb_t *sb, bool jsonb)
{
	if (sb->failed || !jsonb) {
		lg_fn_result_sb(ctx, sb);
		return;
	}
	lg_arena_t arena;
	lg_arena_init(&arena, 256);
	lg_error_t err = LG_ERROR_INIT;
	lg_value_t v;
	if (lg_codec_decode_text(LG_OID_JSONB, -1, sb->data ? sb->data : "", sb->len, &arena, &v,
				 &err))
		lg_fn_error(ctx, &err);
	else
		lg_fn_result(ctx, &v);
	lg_arena_destroy(&arena);
	lg_sb_free(sb);
}

static void fn_json_build(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int flags = sqlite3_value_int(argv[0]);
	bool object = flags & 1;
	lg_sb_t sb = LG_SB_INIT;
	lg_error_t err = LG_ERROR_INIT;
	lg_sb_putc(&sb, object ? '{' : '[');
	for (int i = 1, k = 0; i + 1 < argc; i += 2, k++) {
		lg_oid_t oid = (lg_oid_t)sqlite3_value_int64(argv[i + 1]);
		if (k > 0)
			lg_sb_append(&sb, object && k % 2 ? " : " : ", ");
		int rc = object && k % 2 == 0 ? json_key(argv[i], oid, k + 1, &sb, &err)
					      : json_value(argv[i], oid, &sb, &err);
		if (rc) {
			lg_fn_error(ctx, &err);
			lg_sb_free(&sb);
			return;
		}
	}
	lg_sb_putc(&sb, object ? '}' : ']');
	result_json(ctx, &sb, flags & 2);
}

static void fn_to_json(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_sb_t sb = LG_SB_INIT;
	lg_error_t err = LG_ERROR_INIT;
	if (json_value(argv[1], (lg_oid_t)sqlite3_value_int64(argv[2]), &sb, &err)) {
		lg_fn_error(ctx, &err);
		lg_sb_free(&sb);
		return;
	}
	result_json(ctx, &sb, sqlite3_value_int(argv[0]) & 2);
}

int lg_fn_register_json_build(sqlite3 *db, lg_error_t *err)
{
	if (lg_fn_register(db, "lg_json_build", -1, true, NULL, fn_json_build, err) ||
	    lg_fn_register(db, "lg_to_json", 3, true, NULL, fn_to_json, err))
		return -1;
	return 0;
}
