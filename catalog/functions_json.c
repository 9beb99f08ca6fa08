/* JSON operators and constructors on the stored text of json (as written)
 * and jsonb (canonical): -> ->> #> #>> (lg_json_get, lg_json_path), @> <@
 * (lg_jsonb_contains), ? ?| ?& (lg_jsonb_exists), json[b]_build_object/
 * array (lg_json_build) and to_json[b] (lg_to_json). Stored values are
 * valid JSON (their input functions checked them); the scanner still
 * stops safely on anything else. */
#include "catalog/codec.h"
#include "catalog/functions_int.h"
#include "catalog/types.h"
#include "catalog/udf.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
	const char *s;
	size_t n;
} span_t;

static size_t ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Advances *i past one value (strings, containers, scalars). */
static bool skip_value(const char *s, size_t n, size_t *i)
{
	int depth = 0;
	do {
		*i = ws(s, n, *i);
		if (*i >= n)
			return false;
		char c = s[*i];
		if (c == '"') {
			for ((*i)++; *i < n && s[*i] != '"'; (*i)++)
				if (s[*i] == '\\')
					(*i)++;
			if (*i >= n)
				return false;
			(*i)++;
		} else if (c == '{' || c == '[') {
			depth++;
			(*i)++;
		} else if (c == '}' || c == ']') {
			depth--;
			(*i)++;
		} else if (c == ',' || c == ':') {
			(*i)++;
		} else {
			while (*i < n && !strchr(" \t\n\r,:]}", s[*i]))
				(*i)++;
		}
	} while (depth > 0);
	return depth == 0;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

static void put_utf8(lg_sb_t *out, unsigned cp)
{
	char b[4];
	int n = 0;
	if (cp < 0x80) {
		b[n++] = (char)cp;
	} else if (cp < 0x800) {
		b[n++] = (char)(0xC0 | (cp >> 6));
		b[n++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		b[n++] = (char)(0xE0 | (cp >> 12));
		b[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[n++] = (char)(0x80 | (cp & 0x3F));
	} else {
		b[n++] = (char)(0xF0 | (cp >> 18));
		b[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[n++] = (char)(0x80 | (cp & 0x3F));
	}
	lg_sb_appendn(out, b, (size_t)n);
}

static unsigned hex4(const char *p)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++)
		v = v << 4 | (unsigned)(hexval(p[k]) < 0 ? 0 : hexval(p[k]));
	return v;
}

static char unescape(char e)
{
	switch (e) {
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	default: return e; /* " \\ / */
	}
}

/* Decodes the JSON string span (with its quotes) into `out`; false if it
 * holds \u0000, which text cannot. */
static bool decode_string(span_t v, lg_sb_t *out)
{
	bool ok = true;
	const char *s = v.s;
	size_t n = v.n ? v.n - 1 : 0;
	for (size_t i = 1; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			lg_sb_putc(out, s[i]);
			continue;
		}
		char e = s[++i];
		if (e != 'u' || i + 4 >= n) {
			lg_sb_putc(out, unescape(e));
			continue;
		}
		unsigned cp = hex4(s + i + 1);
		i += 4;
		if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < n && s[i + 1] == '\\' &&
		    s[i + 2] == 'u') {
			unsigned lo = hex4(s + i + 3);
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			i += 6;
		}
		ok &= cp != 0;
		put_utf8(out, cp);
	}
	return ok;
}

/* escape_json() of PostgreSQL. */
void lg_fn_escape_json(const char *s, size_t n, lg_sb_t *out)
{
	lg_sb_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '\b': lg_sb_append(out, "\\b"); break;
		case '\f': lg_sb_append(out, "\\f"); break;
		case '\n': lg_sb_append(out, "\\n"); break;
		case '\r': lg_sb_append(out, "\\r"); break;
		case '\t': lg_sb_append(out, "\\t"); break;
		case '"': lg_sb_append(out, "\\\""); break;
		case '\\': lg_sb_append(out, "\\\\"); break;
		default:
			if (c < ' ')
				lg_sb_appendf(out, "\\u%04x", c);
			else
				lg_sb_putc(out, (char)c);
		}
	}
	lg_sb_putc(out, '"');
}

static bool key_equals(span_t k, const char *key, size_t klen)
{
	if (!memchr(k.s, '\\', k.n))
		return k.n == klen + 2 && memcmp(k.s + 1, key, klen) == 0;
	lg_sb_t sb = LG_SB_INIT;
	decode_string(k, &sb);
	bool eq = sb.len == klen && memcmp(sb.data ? sb.data : "", key, klen) == 0;
	lg_sb_free(&sb);
	return eq;
}

/* Iterates a container: *i just after '{'/'[' or a ','; returns false at
 * the end. Objects give key and value, arrays the value. */
static bool next_item(span_t d, size_t *i, bool object, span_t *key, span_t *val)
{
	*i = ws(d.s, d.n, *i);
	if (*i >= d.n || d.s[*i] == '}' || d.s[*i] == ']')
		return false;
	if (d.s[*i] == ',')
		*i = ws(d.s, d.n, *i + 1);
	if (object) {
		size_t k = *i;
		if (!skip_value(d.s, d.n, i))
			return false;
		*key = (span_t){d.s + k, *i - k};
		*i = ws(d.s, d.n, *i);
		if (*i >= d.n || d.s[*i] != ':')
			return false;
		*i = ws(d.s, d.n, *i + 1);
	}
	size_t v = *i;
	if (!skip_value(d.s, d.n, i))
		return false;
	*val = (span_t){d.s + v, *i - v};
	return true;
}

static span_t trimmed(const char *s, size_t n)
{
	size_t a = ws(s, n, 0);
	while (n > a && strchr(" \t\n\r", s[n - 1]))
		n--;
	return (span_t){s + a, n - a};
}

static char kind(span_t v)
{
	return v.n ? v.s[0] : 0;
}

/* Member `key` (the last one, as json's -> finds it). */
static bool get_key(span_t d, const char *key, size_t klen, span_t *out)
{
	if (kind(d) != '{')
		return false;
	size_t i = 1;
	span_t k, v;
	bool found = false;
	while (next_item(d, &i, true, &k, &v))
		if (key_equals(k, key, klen)) {
			*out = v;
			found = true;
		}
	return found;
}

static bool get_index(span_t d, int64_t idx, bool jsonb, span_t *out)
{
	if (kind(d) != '[') {
		/* a jsonb scalar is a one-element array to -> */
		if (jsonb && kind(d) != '{' && (idx == 0 || idx == -1)) {
			*out = d;
			return true;
		}
		return false;
	}
	size_t i = 1, count = 0;
	span_t v;
	if (idx < 0) {
		while (next_item(d, &i, false, NULL, &v))
			count++;
		idx += (int64_t)count;
		if (idx < 0)
			return false;
		i = 1;
	}
	for (int64_t k = 0; next_item(d, &i, false, NULL, &v); k++)
		if (k == idx) {
			*out = v;
			return true;
		}
	return false;
}

/* -> gives the value's text; ->> a string decoded, null as SQL NULL. */
static void result_span(sqlite3_context *ctx, span_t v, bool as_text)
{
	if (as_text && kind(v) == 'n') {
		sqlite3_result_null(ctx);
	} else if (as_text && kind(v) == '"') {
		lg_sb_t sb = LG_SB_INIT;
		if (decode_string(v, &sb)) {
			lg_fn_result_sb(ctx, &sb);
		} else {
			lg_sb_free(&sb);
			lg_udf_error(ctx, LG_SQLSTATE_INVALID_JSON_TEXT,
				     "unsupported Unicode escape sequence");
		}
	} else {
		sqlite3_result_text(ctx, v.s, (int)v.n, SQLITE_TRANSIENT);
	}
}

/* lg_json_get(doc, key or index, flags): flags 1 = ->>, 2 = jsonb. */
static void fn_json_get(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int flags = sqlite3_value_int(argv[2]);
	span_t d = trimmed((const char *)sqlite3_value_text(argv[0]),
			   (size_t)sqlite3_value_bytes(argv[0]));
	span_t v;
	bool found = sqlite3_value_type(argv[1]) == SQLITE_INTEGER
			     ? get_index(d, sqlite3_value_int64(argv[1]), flags & 2, &v)
			     : get_key(d, (const char *)sqlite3_value_text(argv[1]),
				       (size_t)sqlite3_value_bytes(argv[1]), &v);
	if (found)
		result_span(ctx, v, flags & 1);
	else
		sqlite3_result_null(ctx);
}

static bool parse_index(const char *s, size_t n, int64_t *out)
{
	char buf[24];
	if (n == 0 || n >= sizeof(buf))
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	char *end;
	long long v = strtoll(buf, &end, 10);
	*out = v;
	return *end == '\0';
}

/* One path step; path elements come as a JSON array of strings (or
 * nulls) from lg_array_json(path, 25). */
static bool path_step(span_t cur, span_t elem, bool jsonb, span_t *next)
{
	if (kind(elem) != '"')
		return false;
	lg_sb_t sb = LG_SB_INIT;
	decode_string(elem, &sb);
	const char *k = sb.data ? sb.data : "";
	int64_t idx;
	bool ok = kind(cur) == '{' ? get_key(cur, k, sb.len, next)
		  : kind(cur) == '[' && parse_index(k, sb.len, &idx)
			  ? get_index(cur, idx, jsonb, next)
			  : false;
	lg_sb_free(&sb);
	return ok;
}

/* lg_json_path(doc, path_json, flags): #> and #>>. */
static void fn_json_path(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int flags = sqlite3_value_int(argv[2]);
	span_t cur = trimmed((const char *)sqlite3_value_text(argv[0]),
			     (size_t)sqlite3_value_bytes(argv[0]));
	span_t path = trimmed((const char *)sqlite3_value_text(argv[1]),
			      (size_t)sqlite3_value_bytes(argv[1]));
	size_t i = 1;
	span_t elem;
	while (kind(path) == '[' && next_item(path, &i, false, NULL, &elem)) {
		if (!path_step(cur, elem, flags & 2, &cur)) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	result_span(ctx, cur, flags & 1);
}

/* ---- jsonb containment and existence ---- */

static bool scalar_equal(span_t a, span_t b)
{
	if (kind(a) == '"' || kind(b) == '"' || strchr("tfn", kind(a)) || strchr("tfn", kind(b)))
		return a.n == b.n && memcmp(a.s, b.s, a.n) == 0;
	return lg_codec_numeric_cmp(a.s, a.n, b.s, b.n) == 0;
}

static bool is_container(span_t v)
{
	return kind(v) == '{' || kind(v) == '[';
}

static bool contains(span_t a, span_t b, int depth);

static bool contains_member(span_t va, span_t vb, int depth)
{
	if (is_container(vb))
		return kind(va) == kind(vb) && contains(va, vb, depth + 1);
	return !is_container(va) && scalar_equal(va, vb);
}

/* JsonbDeepContains() */
static bool contains(span_t a, span_t b, int depth)
{
	span_t k, v, va;
	size_t i = 1;
	if (depth > 1000)
		return false;
	if (kind(b) == '{') {
		if (kind(a) != '{')
			return false;
		lg_sb_t key = LG_SB_INIT;
		bool ok = true;
		while (ok && next_item(b, &i, true, &k, &v)) {
			lg_sb_reset(&key);
			decode_string(k, &key);
			ok = get_key(a, key.data ? key.data : "", key.len, &va) &&
			     contains_member(va, v, depth);
		}
		lg_sb_free(&key);
		return ok;
	}
	if (kind(b) == '[') {
		if (kind(a) != '[')
			return false;
		while (next_item(b, &i, false, NULL, &v)) {
			size_t j = 1;
			bool found = false;
			while (!found && next_item(a, &j, false, NULL, &va))
				found = contains_member(va, v, depth);
			if (!found)
				return false;
		}
		return true;
	}
	if (kind(a) == '[' && depth == 0) { /* a top-level array contains a scalar */
		while (next_item(a, &i, false, NULL, &va))
			if (!is_container(va) && scalar_equal(va, b))
				return true;
		return false;
	}
	return !is_container(a) && scalar_equal(a, b);
}

static void fn_jsonb_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	span_t a = trimmed((const char *)sqlite3_value_text(argv[0]),
			   (size_t)sqlite3_value_bytes(argv[0]));
	span_t b = trimmed((const char *)sqlite3_value_text(argv[1]),
			   (size_t)sqlite3_value_bytes(argv[1]));
	sqlite3_result_int(ctx, contains(a, b, 0));
}

static bool exists(span_t d, const char *key, size_t klen)
{
	span_t v;
	size_t i = 1;
	if (kind(d) == '{')
		return get_key(d, key, klen, &v);
	if (kind(d) == '[') {
		while (next_item(d, &i, false, NULL, &v))
			if (kind(v) == '"' && key_equals(v, key, klen))
				return true;
		return false;
	}
	return kind(d) == '"' && key_equals(d, key, klen);
}

/* lg_jsonb_exists(doc, key_or_keys_json, mode): mode 0 = ?, 1 = ?|,
 * 2 = ?& (keys as a JSON array of strings; NULL elements never match). */
static void fn_jsonb_exists(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	span_t d = trimmed((const char *)sqlite3_value_text(argv[0]),
			   (size_t)sqlite3_value_bytes(argv[0]));
	int mode = sqlite3_value_int(argv[2]);
	if (mode == 0) {
		sqlite3_result_int(ctx, exists(d, (const char *)sqlite3_value_text(argv[1]),
					       (size_t)sqlite3_value_bytes(argv[1])));
		return;
	}
	span_t keys = trimmed((const char *)sqlite3_value_text(argv[1]),
			      (size_t)sqlite3_value_bytes(argv[1]));
	span_t k;
	size_t i = 1;
	bool all = mode == 2, result = all;
	lg_sb_t sb = LG_SB_INIT;
	while (kind(keys) == '[' && next_item(keys, &i, false, NULL, &k)) {
		if (kind(k) != '"')
			continue; /* NULL keys are skipped */
		lg_sb_reset(&sb);
		decode_string(k, &sb);
		bool e = exists(d, sb.data ? sb.data : "", sb.len);
		if (all ? !e : e) {
			result = !all;
			break;
		}
	}
	lg_sb_free(&sb);
	sqlite3_result_int(ctx, result);
}

int lg_fn_register_json(sqlite3 *db, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"lg_json_get", 3, fn_json_get},
		{"lg_json_path", 3, fn_json_path},
		{"lg_jsonb_contains", 2, fn_jsonb_contains},
		{"lg_jsonb_exists", 3, fn_jsonb_exists},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(fns); i++)
		if (lg_fn_register(db, fns[i].name, fns[i].nargs, true, NULL, fns[i].fn, err))
			return -1;
	return lg_fn_register_json_build(db, err);
}
