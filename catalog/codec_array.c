/* Arrays: PostgreSQL's array_in (ArrayCount's structure checks, then the
 * elements through their type's input), array_out (quoting), array_send
 * and array_recv. Storage is the text array_out prints, so a value reads
 * back through the same parser; elements go through the element type's
 * codec with the array's typmod. */
#include "catalog/codec_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAXDIM 6
#define MAX_ARRAY_SIZE 134217727 /* MaxArraySize */
#define DELIM ','

typedef struct shape {
	int ndim;
	int dims[MAXDIM];
	int lbs[MAXDIM];
} shape_t;

static bool is_space(char c)
{
	/* scanner_isspace */
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* 22P02 malformed array literal, with a detail that may name `c`. */
static int malformed(lg_error_t *err, const char *s, size_t len, const char *detail, char c)
{
	lg_error_set(err, LG_SQLSTATE_INVALID_TEXT_REPRESENTATION,
		     "malformed array literal: \"%.*s\"", (int)len, s);
	const char *at = strstr(detail, "%c");
	if (at)
		lg_error_field(err, LG_ERRF_DETAIL, "%.*s%c%s", (int)(at - detail), detail, c,
			       at + 2);
	else
		lg_error_field(err, LG_ERRF_DETAIL, "%s", detail);
	return -1;
}

typedef enum pstate {
	NO_LEVEL,
	LEVEL_STARTED,
	ELEM_STARTED,
	ELEM_COMPLETED,
	QUOTED_STARTED,
	QUOTED_COMPLETED,
	ELEM_DELIMITED,
	LEVEL_COMPLETED,
	LEVEL_DELIMITED,
} pstate_t;

typedef struct counter {
	pstate_t st;
	int nest, ndim;
	int temp[MAXDIM], nelems[MAXDIM], last[MAXDIM];
	bool in_quotes, empty;
} counter_t;

#define BAD(detail, c) malformed(err, s, len, detail, c)

/* One character of ArrayCount outside the element scan; 1 at the end. */
static int count_brace(counter_t *k, char c, const char *s, size_t len, lg_error_t *err)
{
	if (c == '{') {
		if (k->st != NO_LEVEL && k->st != LEVEL_STARTED && k->st != LEVEL_DELIMITED)
			return BAD("Unexpected \"%c\" character.", '{');
		k->st = LEVEL_STARTED;
		if (k->nest >= MAXDIM)
			return lg_error_set(err, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					    "number of array dimensions (%d) exceeds the maximum "
					    "allowed (%d)",
					    k->nest + 1, MAXDIM);
		k->temp[k->nest++] = 0;
		if (k->ndim < k->nest)
			k->ndim = k->nest;
		return 0;
	}
	/* '}' */
	if (k->st != ELEM_STARTED && k->st != ELEM_COMPLETED && k->st != QUOTED_COMPLETED &&
	    k->st != LEVEL_COMPLETED && !(k->nest == 1 && k->st == LEVEL_STARTED))
		return BAD("Unexpected \"%c\" character.", '}');
	k->st = LEVEL_COMPLETED;
	k->nest--;
	if (k->last[k->nest] != 0 && k->nelems[k->nest] != k->last[k->nest])
		return BAD("Multidimensional arrays must have sub-arrays with matching "
			   "dimensions.",
			   0);
	k->last[k->nest] = k->nelems[k->nest];
	k->nelems[k->nest] = 1;
	if (k->nest == 0)
		return 1;
	k->temp[k->nest - 1]++;
	return 0;
}

/* ArrayCount (PostgreSQL 15): checks the brace structure of s[at..] and
 * sets the dimensions; ndim 0 for an empty array. Returns the index just
 * past the closing brace or -1. */
static long array_count(const char *s, size_t len, size_t at, shape_t *sh, lg_error_t *err)
{
	counter_t k = {.st = NO_LEVEL, .ndim = 1, .empty = true};
	for (int i = 0; i < MAXDIM; i++)
		k.nelems[i] = 1;
	size_t p = at;
	for (bool end = false; !end; p++) {
		if (k.st == ELEM_STARTED || k.st == QUOTED_STARTED)
			k.empty = false;
		if (p >= len)
			return BAD("Unexpected end of input.", 0);
		char c = s[p];
		if (c == '\\') {
			if (k.st != LEVEL_STARTED && k.st != ELEM_STARTED &&
			    k.st != QUOTED_STARTED && k.st != ELEM_DELIMITED)
				return BAD("Unexpected \"%c\" character.", '\\');
			if (k.st != QUOTED_STARTED)
				k.st = ELEM_STARTED;
			if (++p >= len)
				return BAD("Unexpected end of input.", 0);
		} else if (c == '"') {
			if (k.st != LEVEL_STARTED && k.st != QUOTED_STARTED &&
			    k.st != ELEM_DELIMITED)
				return BAD("Unexpected array element.", 0);
			k.in_quotes = !k.in_quotes;
			k.st = k.in_quotes ? QUOTED_STARTED : QUOTED_COMPLETED;
		} else if (k.in_quotes) {
			continue;
		} else if (c == '{' || c == '}') {
			int rc = count_brace(&k, c, s, len, err);
			if (rc < 0)
				return -1;
			end = rc == 1;
		} else if (c == DELIM) {
			if (k.st != ELEM_STARTED && k.st != ELEM_COMPLETED &&
			    k.st != QUOTED_COMPLETED && k.st != LEVEL_COMPLETED)
				return BAD("Unexpected \"%c\" character.", DELIM);
			k.st = k.st == LEVEL_COMPLETED ? LEVEL_DELIMITED : ELEM_DELIMITED;
			k.nelems[k.nest - 1]++;
			k.temp[k.ndim - 1]++;
		} else if (!is_space(c)) {
			if (k.st != LEVEL_STARTED && k.st != ELEM_STARTED && k.st != ELEM_DELIMITED)
				return BAD("Unexpected array element.", 0);
			k.st = ELEM_STARTED;
		}
	}
	k.temp[k.ndim - 1]++;
	for (size_t q = p; q < len; q++)
		if (!is_space(s[q]))
			return BAD("Junk after closing right brace.", 0);
	sh->ndim = k.empty ? 0 : k.ndim;
	for (int i = 0; i < sh->ndim; i++)
		sh->dims[i] = k.temp[i];
	return (long)p;
}

/* atoi of s[a..b) (digits and signs only), clamped to int. */
static int bound_value(const char *s, size_t a, size_t b)
{
	bool neg = false;
	while (a < b && (s[a] == '-' || s[a] == '+'))
		neg = s[a++] == '-';
	long long v = 0;
	for (; a < b && s[a] >= '0' && s[a] <= '9'; a++)
		if (v < INT32_MAX)
			v = v * 10 + (s[a] - '0');
	if (v > INT32_MAX)
		v = INT32_MAX;
	return (int)(neg ? -v : v);
}

/* One dimension decoration "[lb:ub]" or "[ub]" at s[*p]. */
static int decoration(const char *s, size_t len, size_t *p, shape_t *sh, lg_error_t *err)
{
	size_t q = ++*p;
	while (q < len && ((s[q] >= '0' && s[q] <= '9') || s[q] == '-' || s[q] == '+'))
		q++;
	if (q == *p)
		return BAD("\"[\" must introduce explicitly-specified array dimensions.", 0);
	int lb = 1, ub = bound_value(s, *p, q);
	if (q < len && s[q] == ':') {
		lb = ub;
		*p = ++q;
		while (q < len && ((s[q] >= '0' && s[q] <= '9') || s[q] == '-' || s[q] == '+'))
			q++;
		if (q == *p)
			return BAD("Missing array dimension value.", 0);
		ub = bound_value(s, *p, q);
	}
	if (q >= len || s[q] != ']')
		return BAD("Missing \"%c\" after array dimensions.", ']');
	*p = q + 1;
	if (ub < lb)
		return lg_error_set(err, LG_SQLSTATE_DATA_EXCEPTION,
				    "upper bound cannot be less than lower bound");
	if (sh->ndim >= MAXDIM)
		return lg_error_set(
			err, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			"number of array dimensions (%d) exceeds the maximum allowed (%d)",
			sh->ndim + 1, MAXDIM);
	if ((int64_t)ub - lb + 1 > MAX_ARRAY_SIZE)
		return lg_error_set(err, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				    "array size exceeds the maximum allowed (%d)", MAX_ARRAY_SIZE);
	sh->lbs[sh->ndim] = lb;
	sh->dims[sh->ndim++] = ub - lb + 1;
	return 0;
}

/* array_in's outer syntax: optional dimensions, then the braces. Sets the
 * shape and *start at the '{'. */
static int array_shape(const char *s, size_t len, shape_t *sh, size_t *start, lg_error_t *err)
{
	size_t p = 0;
	memset(sh, 0, sizeof(*sh));
	for (;;) {
		while (p < len && is_space(s[p]))
			p++;
		if (p >= len || s[p] != '[')
			break;
		if (decoration(s, len, &p, sh, err) < 0)
			return -1;
	}
	shape_t braces;
	if (sh->ndim == 0) {
		if (p >= len || s[p] != '{')
			return BAD("Array value must start with \"{\" or dimension information.",
				   0);
		*start = p;
		if (array_count(s, len, p, &braces, err) < 0)
			return -1;
		*sh = braces;
		for (int i = 0; i < sh->ndim; i++)
			sh->lbs[i] = 1;
		return 0;
	}
	if (p >= len || s[p] != '=')
		return BAD("Missing \"%c\" after array dimensions.", '=');
	for (p++; p < len && is_space(s[p]);)
		p++;
	if (p >= len || s[p] != '{')
		return BAD("Array contents must start with \"{\".", 0);
	*start = p;
	if (array_count(s, len, p, &braces, err) < 0)
		return -1;
	bool same = braces.ndim == sh->ndim;
	for (int i = 0; same && i < sh->ndim; i++)
		same = braces.dims[i] == sh->dims[i];
	if (!same)
		return BAD("Specified array dimensions do not match array contents.", 0);
	return 0;
}

#undef BAD

/* ---- elements ---- */

typedef int (*elem_fn)(void *ctx, const char *e, size_t n, bool null, lg_error_t *err);

/* ReadArrayStr: each element de-escaped (into `scratch`, as long as the
 * input), unquoted ones trimmed, an unquoted NULL is a null. The structure
 * was checked by array_count. */
static int each_element(const char *s, size_t len, size_t start, char *scratch, elem_fn fn,
			void *ctx, lg_error_t *err)
{
	size_t n = 0, end = 0;
	bool open = false, quoted = false, in_quotes = false;
	for (size_t p = start; p < len; p++) {
		char c = s[p];
		if (c == '\\' && p + 1 < len) {
			scratch[n++] = s[++p];
			end = n;
			open = quoted = true;
		} else if (c == '"') {
			in_quotes = !in_quotes;
			open = quoted = true;
			end = n;
		} else if (in_quotes) {
			scratch[n++] = c;
			end = n;
		} else if (c == '{') {
			continue;
		} else if (c == '}' || c == DELIM) {
			if (open) {
				bool null =
					!quoted && end == 4 && strncasecmp(scratch, "NULL", 4) == 0;
				if (fn(ctx, scratch, end, null, err) < 0)
					return -1;
			}
			n = end = 0;
			open = quoted = false;
		} else if (is_space(c)) {
			if (open)
				scratch[n++] = c;
		} else {
			scratch[n++] = c;
			end = n;
			open = true;
		}
	}
	return 0;
}

/* array_out's quoting of one element's text. */
static void append_quoted(lg_sb_t *out, const char *e, size_t n)
{
	bool quote = n == 0 || (n == 4 && strncasecmp(e, "NULL", 4) == 0);
	for (size_t i = 0; i < n && !quote; i++)
		quote = e[i] == '"' || e[i] == '\\' || e[i] == '{' || e[i] == '}' ||
			e[i] == DELIM || is_space(e[i]);
	if (!quote) {
		lg_sb_appendn(out, e, n);
		return;
	}
	lg_sb_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		if (e[i] == '"' || e[i] == '\\')
			lg_sb_putc(out, '\\');
		lg_sb_putc(out, e[i]);
	}
	lg_sb_putc(out, '"');
}

/* Writes array_out's text element by element: braces from the shape. */
typedef struct writer {
	lg_sb_t *out;
	const shape_t *sh;
	long index; /* elements written */
} writer_t;

static void write_open(writer_t *w)
{
	const shape_t *sh = w->sh;
	bool decorate = false;
	for (int i = 0; i < sh->ndim; i++)
		decorate |= sh->lbs[i] != 1;
	if (decorate) {
		for (int i = 0; i < sh->ndim; i++)
			lg_sb_appendf(w->out, "[%d:%d]", sh->lbs[i], sh->lbs[i] + sh->dims[i] - 1);
		lg_sb_putc(w->out, '=');
	}
	if (sh->ndim == 0)
		lg_sb_append(w->out, "{}");
	for (int i = 0; i < sh->ndim; i++)
		lg_sb_putc(w->out, '{');
}

/* Before element w->index: a delimiter, closing and opening braces. */
static void write_between(writer_t *w)
{
	if (w->index == 0)
		return;
	const shape_t *sh = w->sh;
	long span = 1;
	int closes = 0;
	for (int i = sh->ndim - 1; i > 0; i--) {
		span *= sh->dims[i];
		if (w->index % span != 0)
			break;
		closes++;
	}
	for (int i = 0; i < closes; i++)
		lg_sb_putc(w->out, '}');
	lg_sb_putc(w->out, DELIM);
	for (int i = 0; i < closes; i++)
		lg_sb_putc(w->out, '{');
}

static void write_close(writer_t *w)
{
	for (int i = 0; i < w->sh->ndim; i++)
		lg_sb_putc(w->out, '}');
}

static lg_oid_t elem_of(lg_oid_t oid)
{
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	return t ? t->elem_oid : 0;
}

/* ---- text input ---- */

typedef struct in_ctx {
	lg_oid_t elem;
	int32_t typmod;
	lg_arena_t *arena;
	writer_t w;
	lg_sb_t tmp;
} in_ctx_t;

static int in_element(void *vctx, const char *e, size_t n, bool null, lg_error_t *err)
{
	in_ctx_t *c = vctx;
	write_between(&c->w);
	c->w.index++;
	if (null) {
		lg_sb_append(c->w.out, "NULL");
		return 0;
	}
	lg_value_t v;
	if (lg_codec_decode_text(c->elem, c->typmod, e, n, c->arena, &v, err) < 0)
		return -1;
	lg_sb_reset(&c->tmp);
	if (lg_codec_encode_text(c->elem, c->typmod, &v, &c->tmp, err) < 0)
		return -1;
	append_quoted(c->w.out, c->tmp.data ? c->tmp.data : "", c->tmp.len);
	return 0;
}

static int finish(lg_sb_t *out, lg_arena_t *arena, lg_value_t *v, lg_error_t *err)
{
	if (out->failed)
		return lg_codec_err_oom(err);
	return lg_codec_set_text(arena, v, out->data ? out->data : "", out->len, err);
}

int lg_codec_array_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		      lg_value_t *out, lg_error_t *err)
{
	shape_t sh;
	size_t start;
	if (array_shape(s, len, &sh, &start, err) < 0)
		return -1;
	char *scratch = lg_arena_alloc(arena, len + 1);
	if (!scratch)
		return lg_codec_err_oom(err);
	lg_sb_t text = LG_SB_INIT;
	in_ctx_t c = {elem_of(oid), typmod, arena, {&text, &sh, 0}, LG_SB_INIT};
	write_open(&c.w);
	int rc = each_element(s, len, start, scratch, in_element, &c, err);
	write_close(&c.w);
	if (rc == 0)
		rc = finish(&text, arena, out, err);
	lg_sb_free(&text);
	lg_sb_free(&c.tmp);
	return rc;
}

int lg_codec_array_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		       lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	lg_codec_append_raw(v, out);
	return 0;
}

/* ---- binary ---- */

typedef struct send_ctx {
	lg_oid_t elem;
	int32_t typmod;
	lg_arena_t *arena;
	lg_sb_t *out;
	bool has_null;
} send_ctx_t;

static int send_element(void *vctx, const char *e, size_t n, bool null, lg_error_t *err)
{
	send_ctx_t *c = vctx;
	if (null) {
		c->has_null = true;
		lg_codec_put_be(c->out, 0xffffffffu, 4);
		return 0;
	}
	lg_value_t v;
	if (lg_codec_decode_text(c->elem, c->typmod, e, n, c->arena, &v, err) < 0)
		return -1;
	size_t at = c->out->len;
	lg_codec_put_be(c->out, 0, 4);
	if (lg_codec_encode_binary(c->elem, c->typmod, &v, c->out, err) < 0)
		return -1;
	if (!c->out->failed) {
		uint64_t n32 = c->out->len - at - 4;
		for (int i = 0; i < 4; i++)
			c->out->data[at + (size_t)i] = (char)(n32 >> (24 - 8 * i));
	}
	return 0;
}

/* array_send of the stored text: header, dimensions, length-prefixed
 * elements in the element type's binary form. */
int lg_codec_array_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			lg_error_t *err)
{
	if (v->kind != LG_VAL_TEXT)
		return lg_codec_err_syntax(err, "array", "", 0);
	shape_t sh;
	size_t start;
	if (array_shape(v->s, v->len, &sh, &start, err) < 0)
		return -1;
	lg_arena_t arena;
	lg_arena_init(&arena, 0);
	char *scratch = lg_arena_alloc(&arena, v->len + 1);
	send_ctx_t c = {elem_of(oid), typmod, &arena, out, false};
	size_t head = out->len;
	lg_codec_put_be(out, (uint64_t)sh.ndim, 4);
	lg_codec_put_be(out, 0, 4);
	lg_codec_put_be(out, c.elem, 4);
	for (int i = 0; i < sh.ndim; i++) {
		lg_codec_put_be(out, (uint64_t)sh.dims[i], 4);
		lg_codec_put_be(out, (uint64_t)(uint32_t)sh.lbs[i], 4);
	}
	int rc = scratch ? each_element(v->s, v->len, start, scratch, send_element, &c, err)
			 : lg_codec_err_oom(err);
	if (rc == 0 && c.has_null && !out->failed)
		out->data[head + 7] = 1;
	lg_arena_destroy(&arena);
	return rc;
}

static int32_t get_i32(const uint8_t *p)
{
	return (int32_t)(uint32_t)lg_codec_get_be(p, 4);
}

/* array_recv's header: dimensions and element type. */
static int recv_header(lg_oid_t elem, const uint8_t *p, size_t len, shape_t *sh, size_t *pos,
		       long *count, lg_error_t *err)
{
	if (len < 12)
		return lg_codec_err_binary(err);
	int32_t ndim = get_i32(p), flags = get_i32(p + 4);
	lg_oid_t got = (lg_oid_t)get_i32(p + 8);
	if (ndim < 0 || ndim > MAXDIM)
		return lg_error_set(err, LG_SQLSTATE_INVALID_BINARY_REPRESENTATION,
				    "invalid number of dimensions: %d", ndim);
	if (flags != 0 && flags != 1)
		return lg_error_set(err, LG_SQLSTATE_INVALID_BINARY_REPRESENTATION,
				    "invalid array flags");
	if (got != elem) {
		lg_sb_t a = LG_SB_INIT, b = LG_SB_INIT;
		lg_cat_format_type(&a, got, -1);
		lg_cat_format_type(&b, elem, -1);
		lg_error_set(
			err, LG_SQLSTATE_DATATYPE_MISMATCH,
			"binary data has array element type %u (%s) instead of expected %u (%s)",
			got, a.data ? a.data : "", elem, b.data ? b.data : "");
		lg_sb_free(&a);
		lg_sb_free(&b);
		return -1;
	}
	if (len < 12 + 8 * (size_t)ndim)
		return lg_codec_err_binary(err);
	sh->ndim = ndim;
	*count = ndim ? 1 : 0;
	for (int i = 0; i < ndim; i++) {
		sh->dims[i] = get_i32(p + 12 + 8 * i);
		sh->lbs[i] = get_i32(p + 16 + 8 * i);
		if (sh->dims[i] > 0 && (int64_t)sh->lbs[i] + sh->dims[i] - 1 > INT32_MAX)
			return lg_error_set(err, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					    "array lower bound is too large: %d", sh->lbs[i]);
		/* every element takes 4 bytes at least */
		if (sh->dims[i] <= 0 || *count > (long)(len / 4) / sh->dims[i])
			return lg_codec_err_binary(err);
		*count *= sh->dims[i];
	}
	*pos = 12 + 8 * (size_t)ndim;
	return 0;
}

int lg_codec_array_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
			lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	shape_t sh;
	size_t pos = 0;
	long count = 0;
	lg_oid_t elem = elem_of(oid);
	if (recv_header(elem, p, len, &sh, &pos, &count, err) < 0)
		return -1;
	lg_sb_t text = LG_SB_INIT, tmp = LG_SB_INIT;
	writer_t w = {&text, &sh, 0};
	write_open(&w);
	int rc = 0;
	for (long i = 0; i < count && rc == 0; i++) {
		write_between(&w);
		w.index++;
		if (len - pos < 4) {
			rc = lg_codec_err_binary(err);
			break;
		}
		int32_t n = get_i32(p + pos);
		pos += 4;
		if (n == -1) {
			lg_sb_append(&text, "NULL");
			continue;
		}
		if (n < 0 || (size_t)n > len - pos) {
			rc = lg_codec_err_binary(err);
			break;
		}
		lg_value_t v;
		lg_sb_reset(&tmp);
		rc = lg_codec_decode_binary(elem, typmod, p + pos, (size_t)n, arena, &v, err);
		if (rc == 0)
			rc = lg_codec_encode_text(elem, typmod, &v, &tmp, err);
		if (rc == 0)
			append_quoted(&text, tmp.data ? tmp.data : "", tmp.len);
		pos += (size_t)n;
	}
	if (rc == 0 && pos != len)
		rc = lg_codec_err_binary(err);
	write_close(&w);
	if (rc == 0)
		rc = finish(&text, arena, out, err);
	lg_sb_free(&text);
	lg_sb_free(&tmp);
	return rc;
}
