/* json and jsonb: PostgreSQL's JSON lexer and parser (jsonapi.c) with its
 * error details and "JSON data, line N: ..." context, iterative so deep
 * nesting cannot overflow the C stack. json is stored as given; jsonb goes
 * through the builder in jsonb.c and is stored as PostgreSQL prints it. */
#include "catalog/codec_int.h"
#include "catalog/json_int.h"

#include <stdlib.h>
#include <string.h>

/* Nesting PostgreSQL 15 accepts with its default max_stack_depth (2MB). */
#define JSON_MAX_DEPTH 14500

typedef enum tok {
	TK_OBJ_START,
	TK_OBJ_END,
	TK_ARR_START,
	TK_ARR_END,
	TK_COMMA,
	TK_COLON,
	TK_STRING,
	TK_NUMBER,
	TK_TRUE,
	TK_FALSE,
	TK_NULL,
	TK_END,
} tok_t;

typedef enum jerr {
	JE_OK,
	JE_ESCAPING_INVALID,
	JE_ESCAPING_REQUIRED,
	JE_EXPECTED_ARRAY_FIRST,
	JE_EXPECTED_ARRAY_NEXT,
	JE_EXPECTED_COLON,
	JE_EXPECTED_END,
	JE_EXPECTED_JSON,
	JE_EXPECTED_MORE,
	JE_EXPECTED_OBJECT_FIRST,
	JE_EXPECTED_OBJECT_NEXT,
	JE_EXPECTED_STRING,
	JE_INVALID_TOKEN,
	JE_CODE_POINT_ZERO,
	JE_ESCAPE_FORMAT,
	JE_HIGH_SURROGATE,
	JE_LOW_SURROGATE,
	JE_DEPTH,
	JE_OOM,
} jerr_t;

typedef enum ctx {
	CX_VALUE,
	CX_STRING,
	CX_ARRAY_NEXT,
	CX_OBJECT_START,
	CX_OBJECT_LABEL,
	CX_OBJECT_NEXT,
	CX_END,
} ctx_t;

typedef struct lex {
	const char *in;
	size_t len;
	size_t pos; /* where the next token starts looking */
	size_t tok_start, tok_end; /* current token */
	tok_t tok;
	int line;
	size_t line_start;
	/* jsonb: decoded strings go to str (arena, len bytes) */
	char *str;
	size_t str_len;
	size_t cur_off, cur_len; /* decoded value of the current string */
} lex_t;

static bool alnum_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c >= 0x80;
}

static size_t mblen_at(const lex_t *lx, size_t at)
{
	unsigned char c = (unsigned char)lx->in[at];
	size_t l = c < 0x80             ? 1
		   : (c & 0xe0) == 0xc0 ? 2
		   : (c & 0xf0) == 0xe0 ? 3
		   : (c & 0xf8) == 0xf0 ? 4
					: 1;
	return l > lx->len - at ? lx->len - at : l;
}

/* An error at the character at `at`: the context ends after it. */
static jerr_t fail_at(lex_t *lx, size_t at, jerr_t e)
{
	lx->tok_end = at + mblen_at(lx, at);
	return e;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void put_utf8(lex_t *lx, unsigned cp)
{
	char *o = lx->str + lx->str_len;
	if (cp < 0x80) {
		o[0] = (char)cp;
		lx->str_len += 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		lx->str_len += 2;
	} else if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		lx->str_len += 3;
	} else {
		o[0] = (char)(0xf0 | (cp >> 18));
		o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[3] = (char)(0x80 | (cp & 0x3f));
		lx->str_len += 4;
	}
}

/* \uXXXX at s (pointing at 'u'); *s is left on the last hex digit. */
static jerr_t lex_unicode(lex_t *lx, size_t *ps, int *hi)
{
	size_t s = *ps;
	unsigned ch = 0;
	for (int i = 0; i < 4; i++) {
		s++;
		if (s >= lx->len) {
			lx->tok_end = s;
			return JE_INVALID_TOKEN;
		}
		int v = hexval(lx->in[s]);
		if (v < 0)
			return fail_at(lx, s, JE_ESCAPE_FORMAT);
		ch = ch * 16 + (unsigned)v;
	}
	*ps = s;
	if (!lx->str)
		return JE_OK;
	if (ch >= 0xd800 && ch <= 0xdbff) {
		if (*hi != -1)
			return fail_at(lx, s, JE_HIGH_SURROGATE);
		*hi = (int)ch;
		return JE_OK;
	}
	if (ch >= 0xdc00 && ch <= 0xdfff) {
		if (*hi == -1)
			return fail_at(lx, s, JE_LOW_SURROGATE);
		ch = (((unsigned)*hi & 0x3ff) << 10) + (ch & 0x3ff) + 0x10000;
		*hi = -1;
	}
	if (*hi != -1)
		return fail_at(lx, s, JE_LOW_SURROGATE);
	if (ch == 0)
		return fail_at(lx, s, JE_CODE_POINT_ZERO);
	put_utf8(lx, ch);
	return JE_OK;
}

static jerr_t lex_escape(lex_t *lx, size_t *ps, int *hi)
{
	size_t s = *ps;
	char c = lx->in[s];
	if (c == 'u')
		return lex_unicode(lx, ps, hi);
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k = memchr(from, c, sizeof(from) - 1);
	if (!k) {
		lx->tok_start = s;
		return fail_at(lx, s, JE_ESCAPING_INVALID);
	}
	if (lx->str) {
		if (*hi != -1)
			return fail_at(lx, s, JE_LOW_SURROGATE);
		lx->str[lx->str_len++] = to[k - from];
	}
	return JE_OK;
}

static jerr_t lex_string(lex_t *lx)
{
	size_t s = lx->tok_start;
	int hi = -1;
	lx->cur_off = lx->str_len;
	for (;;) {
		s++;
		if (s >= lx->len) {
			lx->tok_end = s;
			return JE_INVALID_TOKEN;
		}
		unsigned char c = (unsigned char)lx->in[s];
		if (c == '"')
			break;
		if (c < 32) {
			lx->tok_end = s;
			return JE_ESCAPING_REQUIRED;
		}
		if (c == '\\') {
			s++;
			if (s >= lx->len) {
				lx->tok_end = s;
				return JE_INVALID_TOKEN;
			}
			jerr_t e = lex_escape(lx, &s, &hi);
			if (e != JE_OK)
				return e;
		} else if (lx->str) {
			if (hi != -1)
				return fail_at(lx, s, JE_LOW_SURROGATE);
			lx->str[lx->str_len++] = (char)c;
		}
	}
	if (hi != -1)
		return fail_at(lx, s, JE_LOW_SURROGATE);
	lx->cur_len = lx->str_len - lx->cur_off;
	lx->tok_end = s + 1;
	lx->tok = TK_STRING;
	return JE_OK;
}

static bool isdig(const lex_t *lx, size_t s)
{
	return s < lx->len && lx->in[s] >= '0' && lx->in[s] <= '9';
}

/* json_lex_number, starting after an optional '-'. */
static jerr_t lex_number(lex_t *lx, size_t s)
{
	bool error = false;
	if (s < lx->len && lx->in[s] == '0')
		s++;
	else if (isdig(lx, s) && lx->in[s] != '0')
		while (isdig(lx, s))
			s++;
	else
		error = true;
	if (s < lx->len && lx->in[s] == '.') {
		s++;
		if (!isdig(lx, s))
			error = true;
		while (isdig(lx, s))
			s++;
	}
	if (s < lx->len && (lx->in[s] == 'e' || lx->in[s] == 'E')) {
		s++;
		if (s < lx->len && (lx->in[s] == '+' || lx->in[s] == '-'))
			s++;
		if (!isdig(lx, s))
			error = true;
		while (isdig(lx, s))
			s++;
	}
	for (; s < lx->len && alnum_char((unsigned char)lx->in[s]); s++)
		error = true;
	lx->tok_end = s;
	lx->tok = TK_NUMBER;
	return error ? JE_INVALID_TOKEN : JE_OK;
}

static jerr_t lex_word(lex_t *lx)
{
	size_t s = lx->tok_start, p = s;
	while (p < lx->len && alnum_char((unsigned char)lx->in[p]))
		p++;
	if (p == s) {
		lx->tok_end = s + 1;
		return JE_INVALID_TOKEN;
	}
	lx->tok_end = p;
	size_t n = p - s;
	const char *w = lx->in + s;
	if (n == 4 && memcmp(w, "true", 4) == 0)
		lx->tok = TK_TRUE;
	else if (n == 4 && memcmp(w, "null", 4) == 0)
		lx->tok = TK_NULL;
	else if (n == 5 && memcmp(w, "false", 5) == 0)
		lx->tok = TK_FALSE;
	else
		return JE_INVALID_TOKEN;
	return JE_OK;
}

static jerr_t json_lex(lex_t *lx)
{
	size_t s = lx->pos;
	while (s < lx->len) {
		char c = lx->in[s];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		s++;
		if (c == '\n') {
			lx->line++;
			lx->line_start = s;
		}
	}
	lx->tok_start = s;
	jerr_t e = JE_OK;
	if (s >= lx->len) {
		lx->tok = TK_END;
		lx->tok_end = s;
		lx->pos = s;
		return JE_OK;
	}
	switch (lx->in[s]) {
	case '{':
		lx->tok = TK_OBJ_START;
		lx->tok_end = s + 1;
		break;
	case '}':
		lx->tok = TK_OBJ_END;
		lx->tok_end = s + 1;
		break;
	case '[':
		lx->tok = TK_ARR_START;
		lx->tok_end = s + 1;
		break;
	case ']':
		lx->tok = TK_ARR_END;
		lx->tok_end = s + 1;
		break;
	case ',':
		lx->tok = TK_COMMA;
		lx->tok_end = s + 1;
		break;
	case ':':
		lx->tok = TK_COLON;
		lx->tok_end = s + 1;
		break;
	case '"': e = lex_string(lx); break;
	case '-': e = lex_number(lx, s + 1); break;
	default:
		if (lx->in[s] >= '0' && lx->in[s] <= '9')
			e = lex_number(lx, s);
		else
			e = lex_word(lx);
		break;
	}
	lx->pos = lx->tok_end;
	return e;
}

static jerr_t parse_error(const lex_t *lx, ctx_t cx)
{
	if (lx->tok == TK_END)
		return JE_EXPECTED_MORE;
	switch (cx) {
	case CX_END: return JE_EXPECTED_END;
	case CX_STRING: return JE_EXPECTED_STRING;
	case CX_ARRAY_NEXT: return JE_EXPECTED_ARRAY_NEXT;
	case CX_OBJECT_START: return JE_EXPECTED_OBJECT_FIRST;
	case CX_OBJECT_LABEL: return JE_EXPECTED_COLON;
	case CX_OBJECT_NEXT: return JE_EXPECTED_OBJECT_NEXT;
	default: return JE_EXPECTED_JSON;
	}
}

/* ---- the parser ---- */

typedef struct parser {
	lex_t lx;
	lg_jb_t *b; /* NULL for json (validation only) */
	lg_error_t *err;
	bool failed; /* err set by the builder */
	unsigned char kinds[(JSON_MAX_DEPTH + 7) / 8]; /* 1 = object */
	int depth;
} parser_t;

static bool top_is_object(const parser_t *p)
{
	int d = p->depth - 1;
	return (p->kinds[d / 8] >> (d % 8)) & 1;
}

static jerr_t open_container(parser_t *p, bool object)
{
	if (p->depth >= JSON_MAX_DEPTH)
		return JE_DEPTH;
	int d = p->depth++;
	if (object)
		p->kinds[d / 8] |= (unsigned char)(1 << (d % 8));
	else
		p->kinds[d / 8] &= (unsigned char)~(1 << (d % 8));
	if (p->b && lg_jb_open(p->b, object) < 0)
		return JE_OOM;
	return json_lex(&p->lx);
}

static void close_container(parser_t *p)
{
	p->depth--;
	if (p->b)
		lg_jb_close(p->b);
}

/* At a string token in an object: the key, then ':' */
static jerr_t object_field(parser_t *p)
{
	if (p->lx.tok != TK_STRING)
		return parse_error(&p->lx, CX_STRING);
	if (p->b)
		lg_jb_key(p->b, p->lx.str + p->lx.cur_off, p->lx.cur_len);
	jerr_t e = json_lex(&p->lx);
	if (e != JE_OK)
		return e;
	if (p->lx.tok != TK_COLON)
		return parse_error(&p->lx, CX_OBJECT_LABEL);
	return json_lex(&p->lx);
}

/* After a complete value: ',' or the end of the innermost container(s).
 * Sets *more when another value follows. */
static jerr_t after_value(parser_t *p, bool *more)
{
	jerr_t e;
	*more = false;
	while (p->depth > 0) {
		bool obj = top_is_object(p);
		if (p->lx.tok == TK_COMMA) {
			if ((e = json_lex(&p->lx)) != JE_OK)
				return e;
			if (obj && (e = object_field(p)) != JE_OK)
				return e;
			*more = true;
			return JE_OK;
		}
		if (p->lx.tok != (obj ? TK_OBJ_END : TK_ARR_END))
			return parse_error(&p->lx, obj ? CX_OBJECT_NEXT : CX_ARRAY_NEXT);
		close_container(p);
		if ((e = json_lex(&p->lx)) != JE_OK)
			return e;
	}
	return p->lx.tok == TK_END ? JE_OK : parse_error(&p->lx, CX_END);
}

/* Hands the scalar the lexer is on to the jsonb builder. */
static int add_scalar(parser_t *p)
{
	const lex_t *lx = &p->lx;
	static const lg_jb_kind_t kinds[] = {[TK_STRING] = LG_JB_STRING,
					     [TK_NUMBER] = LG_JB_NUMBER,
					     [TK_TRUE] = LG_JB_TRUE,
					     [TK_FALSE] = LG_JB_FALSE,
					     [TK_NULL] = LG_JB_NULL};
	int rc = lx->tok == TK_STRING ? lg_jb_scalar(p->b, LG_JB_STRING, lx->str + lx->cur_off,
						     lx->cur_len, p->err)
				      : lg_jb_scalar(p->b, kinds[lx->tok], lx->in + lx->tok_start,
						     lx->tok_end - lx->tok_start, p->err);
	if (rc < 0)
		p->failed = true;
	return rc;
}

/* Parses one value at the current token (containers opened here are
 * finished by after_value). Sets *done when the value is complete. */
static jerr_t value(parser_t *p, bool *complete)
{
	jerr_t e;
	*complete = true;
	switch (p->lx.tok) {
	case TK_OBJ_START:
		if ((e = open_container(p, true)) != JE_OK)
			return e;
		if (p->lx.tok == TK_OBJ_END) {
			close_container(p);
			return json_lex(&p->lx);
		}
		if (p->lx.tok != TK_STRING)
			return parse_error(&p->lx, CX_OBJECT_START);
		*complete = false;
		return object_field(p);
	case TK_ARR_START:
		if ((e = open_container(p, false)) != JE_OK)
			return e;
		if (p->lx.tok == TK_ARR_END) {
			close_container(p);
			return json_lex(&p->lx);
		}
		*complete = false;
		return JE_OK;
	case TK_STRING:
	case TK_NUMBER:
	case TK_TRUE:
	case TK_FALSE:
	case TK_NULL:
		if (p->b && add_scalar(p) < 0)
			return JE_OOM;
		return json_lex(&p->lx);
	default: return parse_error(&p->lx, CX_VALUE);
	}
}

static jerr_t parse(parser_t *p)
{
	jerr_t e = json_lex(&p->lx);
	if (e != JE_OK)
		return e;
	for (;;) {
		bool complete, more;
		if ((e = value(p, &complete)) != JE_OK)
			return e;
		if (!complete)
			continue;
		if ((e = after_value(p, &more)) != JE_OK)
			return e;
		if (!more)
			return JE_OK;
	}
}

/* ---- errors ---- */

static const char *detail_fmt(jerr_t e)
{
	switch (e) {
	case JE_ESCAPING_INVALID: return "Escape sequence \"\\%.*s\" is invalid.";
	case JE_EXPECTED_ARRAY_FIRST: return "Expected array element or \"]\", but found \"%.*s\".";
	case JE_EXPECTED_ARRAY_NEXT: return "Expected \",\" or \"]\", but found \"%.*s\".";
	case JE_EXPECTED_COLON: return "Expected \":\", but found \"%.*s\".";
	case JE_EXPECTED_END: return "Expected end of input, but found \"%.*s\".";
	case JE_EXPECTED_JSON: return "Expected JSON value, but found \"%.*s\".";
	case JE_EXPECTED_OBJECT_FIRST: return "Expected string or \"}\", but found \"%.*s\".";
	case JE_EXPECTED_OBJECT_NEXT: return "Expected \",\" or \"}\", but found \"%.*s\".";
	case JE_EXPECTED_STRING: return "Expected string, but found \"%.*s\".";
	case JE_INVALID_TOKEN: return "Token \"%.*s\" is invalid.";
	case JE_EXPECTED_MORE: return "The input string ended unexpectedly.";
	case JE_CODE_POINT_ZERO: return "\\u0000 cannot be converted to text.";
	case JE_ESCAPE_FORMAT: return "\"\\u\" must be followed by four hexadecimal digits.";
	case JE_HIGH_SURROGATE: return "Unicode high surrogate must not follow a high surrogate.";
	case JE_LOW_SURROGATE: return "Unicode low surrogate must follow a high surrogate.";
	default: return NULL;
	}
}

/* report_json_context: the current line up to the end of the bad token,
 * at most ~50 bytes, with "..." where cut. */
static void json_context(lg_error_t *err, const lex_t *lx)
{
	size_t start = lx->line_start, end = lx->tok_end;
	while (end - start >= 50) {
		unsigned char c = (unsigned char)lx->in[start];
		start += c >= 0x80 ? mblen_at(lx, start) : 1;
	}
	if (start - lx->line_start <= 3)
		start = lx->line_start;
	const char *prefix = start > lx->line_start ? "..." : "";
	const char *suffix =
		lx->tok != TK_END && end < lx->len && lx->in[end] != '\n' && lx->in[end] != '\r'
			? "..."
			: "";
	lg_error_field(err, LG_ERRF_WHERE, "JSON data, line %d: %s%.*s%s", lx->line, prefix,
		       (int)(end - start), lx->in + start, suffix);
}

static int report(lg_error_t *err, jerr_t e, const lex_t *lx)
{
	if (e == JE_OOM)
		return lg_codec_err_oom(err);
	if (e == JE_DEPTH) {
		lg_error_set(err, LG_SQLSTATE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
		lg_error_field(
			err, LG_ERRF_HINT,
			"Increase the configuration parameter \"max_stack_depth\" (currently "
			"2048kB), after ensuring the platform's stack depth limit is "
			"adequate.");
		return -1;
	}
	if (e == JE_CODE_POINT_ZERO)
		lg_error_set(err, LG_SQLSTATE_INVALID_JSON_TEXT,
			     "unsupported Unicode escape sequence");
	else
		lg_error_set(err, LG_SQLSTATE_INVALID_TEXT_REPRESENTATION,
			     "invalid input syntax for type json");
	if (e == JE_ESCAPING_REQUIRED)
		/* the character is the one just past the context */
		lg_error_field(err, LG_ERRF_DETAIL, "Character with value 0x%02x must be escaped.",
			       (unsigned char)lx->in[lx->tok_end]);
	else
		lg_error_field(err, LG_ERRF_DETAIL, detail_fmt(e),
			       (int)(lx->tok_end - lx->tok_start), lx->in + lx->tok_start);
	json_context(err, lx);
	return -1;
}

/* ---- codec entry points ---- */

static int json_parse(const char *s, size_t len, bool jsonb, lg_arena_t *arena, lg_value_t *out,
		      lg_error_t *err)
{
	parser_t *p = lg_arena_calloc(arena, sizeof(*p));
	if (!p)
		return lg_codec_err_oom(err);
	p->lx.in = s;
	p->lx.len = len;
	p->lx.line = 1;
	p->err = err;
	if (jsonb) {
		p->lx.str = lg_arena_alloc(arena, len + 1);
		p->b = lg_jb_new(arena);
		if (!p->lx.str || !p->b)
			return lg_codec_err_oom(err);
	}
	jerr_t e = parse(p);
	if (e != JE_OK)
		return p->failed ? -1 : report(err, e, &p->lx);
	if (!jsonb)
		return lg_codec_set_text(arena, out, s, len, err);
	return lg_jb_finish(p->b, out, err);
}

int lg_codec_json_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		     lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(typmod);
	return json_parse(s, len, oid == LG_OID_JSONB, arena, out, err);
}

int lg_codec_json_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		      lg_error_t *err)
{
	LG_UNUSED(oid);
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	lg_codec_append_raw(v, out);
	return 0;
}

int lg_codec_json_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		       lg_error_t *err)
{
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	if (oid == LG_OID_JSONB)
		lg_sb_putc(out, 1);
	lg_codec_append_raw(v, out);
	return 0;
}

int lg_codec_json_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
		       lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	LG_UNUSED(typmod);
	const char *s = (const char *)p;
	if (oid == LG_OID_JSONB) {
		if (len < 1)
			return lg_codec_err_binary(err);
		if (p[0] != 1)
			return lg_error_set(err, LG_SQLSTATE_INVALID_BINARY_REPRESENTATION,
					    "unsupported jsonb version number %d", p[0]);
		s++;
		len--;
	}
	size_t bad = lg_codec_utf8_check(s, len);
	if (bad != len)
		return lg_codec_err_encoding(err, s, len, bad);
	return json_parse(s, len, oid == LG_OID_JSONB, arena, out, err);
}
