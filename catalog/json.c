/* json and jsonb: PostgreSQL's JSON lexer and parser (jsonapi.c) with its
 * error details and "JSON data, line N: ..." context, iterative so deep
 * nesting cannot overflow the C stack. json is stored as given; jsonb is
 * stored as PostgreSQL prints it: keys sorted shorter-first then bytewise,
 * the last of duplicate keys kept, numbers as numeric prints them, strings
 * de-escaped and re-escaped, ", " and ": " separators. */
#include "catalog/codec_int.h"

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
	size_t pos;		 /* where the next token starts looking */
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
	size_t l = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
		 : (c & 0xf8) == 0xf0 ? 4 : 1;
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
	case '"':
		e = lex_string(lx);
		break;
	case '-':
		e = lex_number(lx, s + 1);
		break;
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
	case CX_END:
		return JE_EXPECTED_END;
	case CX_STRING:
		return JE_EXPECTED_STRING;
	case CX_ARRAY_NEXT:
		return JE_EXPECTED_ARRAY_NEXT;
	case CX_OBJECT_START:
		return JE_EXPECTED_OBJECT_FIRST;
	case CX_OBJECT_LABEL:
		return JE_EXPECTED_COLON;
	case CX_OBJECT_NEXT:
		return JE_EXPECTED_OBJECT_NEXT;
	default:
		return JE_EXPECTED_JSON;
	}
}

/* ---- the jsonb tree ---- */

typedef enum jtype { J_OBJ, J_ARR, J_STR, J_NUM, J_TRUE, J_FALSE, J_NULL } jtype_t;

typedef struct jnode jnode_t;
struct jnode {
	jtype_t type;
	const char *s; /* string (decoded) or number text */
	size_t len;
	const char *key; /* as an object member */
	size_t keylen;
	size_t count; /* children */
	size_t idx;   /* position in the parent */
	jnode_t *first, *last, *next;
	jnode_t *parent;
};

typedef struct build {
	lg_arena_t *arena;
	jnode_t *root, *cur; /* cur: innermost open container */
	const char *key;
	size_t keylen;
	lg_error_t *err;
	bool failed; /* err set by a number */
} build_t;

static jnode_t *add_node(build_t *b, jtype_t type)
{
	jnode_t *n = lg_arena_calloc(b->arena, sizeof(*n));
	if (!n)
		return NULL;
	n->type = type;
	n->key = b->key;
	n->keylen = b->keylen;
	n->parent = b->cur;
	n->idx = b->cur ? b->cur->count : 0;
	if (!b->cur) {
		b->root = n;
	} else {
		if (b->cur->last)
			b->cur->last->next = n;
		else
			b->cur->first = n;
		b->cur->last = n;
		b->cur->count++;
	}
	return n;
}

static bool plain_integer(const char *s, size_t n)
{
	size_t i = s[0] == '-';
	if (i >= n || (s[i] == '0' && (n - i > 1 || i == 1)))
		return false;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Adds the scalar the lexer is on. */
static jerr_t add_scalar(build_t *b, const lex_t *lx)
{
	static const jtype_t types[] = {[TK_STRING] = J_STR, [TK_NUMBER] = J_NUM,
					[TK_TRUE] = J_TRUE, [TK_FALSE] = J_FALSE, [TK_NULL] = J_NULL};
	jnode_t *n = add_node(b, types[lx->tok]);
	if (!n)
		return JE_OOM;
	if (lx->tok == TK_STRING) {
		n->s = lx->str + lx->cur_off;
		n->len = lx->cur_len;
	} else if (lx->tok == TK_NUMBER) {
		const char *s = lx->in + lx->tok_start;
		size_t len = lx->tok_end - lx->tok_start;
		if (plain_integer(s, len)) {
			n->s = s;
			n->len = len;
		} else {
			lg_value_t v;
			if (lg_codec_numeric_in(LG_OID_NUMERIC, -1, s, len, b->arena, &v, b->err) < 0) {
				b->failed = true;
				return JE_OOM;
			}
			n->s = v.s;
			n->len = v.len;
		}
	}
	return JE_OK;
}

/* ---- the parser ---- */

typedef struct parser {
	lex_t lx;
	build_t *b; /* NULL for json (validation only) */
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
	if (p->b) {
		jnode_t *n = add_node(p->b, object ? J_OBJ : J_ARR);
		if (!n)
			return JE_OOM;
		p->b->cur = n;
	}
	return json_lex(&p->lx);
}

static void close_container(parser_t *p)
{
	p->depth--;
	if (p->b)
		p->b->cur = p->b->cur->parent;
}

/* At a string token in an object: the key, then ':' */
static jerr_t object_field(parser_t *p)
{
	if (p->lx.tok != TK_STRING)
		return parse_error(&p->lx, CX_STRING);
	if (p->b) {
		p->b->key = p->lx.str + p->lx.cur_off;
		p->b->keylen = p->lx.cur_len;
	}
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
		if (p->b && (e = add_scalar(p->b, &p->lx)) != JE_OK)
			return e;
		return json_lex(&p->lx);
	default:
		return parse_error(&p->lx, CX_VALUE);
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
	case JE_ESCAPING_INVALID:
		return "Escape sequence \"\\%.*s\" is invalid.";
	case JE_EXPECTED_ARRAY_FIRST:
		return "Expected array element or \"]\", but found \"%.*s\".";
	case JE_EXPECTED_ARRAY_NEXT:
		return "Expected \",\" or \"]\", but found \"%.*s\".";
	case JE_EXPECTED_COLON:
		return "Expected \":\", but found \"%.*s\".";
	case JE_EXPECTED_END:
		return "Expected end of input, but found \"%.*s\".";
	case JE_EXPECTED_JSON:
		return "Expected JSON value, but found \"%.*s\".";
	case JE_EXPECTED_OBJECT_FIRST:
		return "Expected string or \"}\", but found \"%.*s\".";
	case JE_EXPECTED_OBJECT_NEXT:
		return "Expected \",\" or \"}\", but found \"%.*s\".";
	case JE_EXPECTED_STRING:
		return "Expected string, but found \"%.*s\".";
	case JE_INVALID_TOKEN:
		return "Token \"%.*s\" is invalid.";
	case JE_EXPECTED_MORE:
		return "The input string ended unexpectedly.";
	case JE_CODE_POINT_ZERO:
		return "\\u0000 cannot be converted to text.";
	case JE_ESCAPE_FORMAT:
		return "\"\\u\" must be followed by four hexadecimal digits.";
	case JE_HIGH_SURROGATE:
		return "Unicode high surrogate must not follow a high surrogate.";
	case JE_LOW_SURROGATE:
		return "Unicode low surrogate must follow a high surrogate.";
	default:
		return NULL;
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
	const char *suffix = lx->tok != TK_END && end < lx->len && lx->in[end] != '\n' &&
				     lx->in[end] != '\r' ? "..." : "";
	lg_error_field(err, LG_ERRF_WHERE, "JSON data, line %d: %s%.*s%s", lx->line, prefix,
		       (int)(end - start), lx->in + start, suffix);
}

static int report(lg_error_t *err, jerr_t e, const lex_t *lx)
{
	if (e == JE_OOM)
		return lg_codec_err_oom(err);
	if (e == JE_DEPTH) {
		lg_error_set(err, LG_SQLSTATE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
		lg_error_field(err, LG_ERRF_HINT,
			       "Increase the configuration parameter \"max_stack_depth\" (currently "
			       "2048kB), after ensuring the platform's stack depth limit is "
			       "adequate.");
		return -1;
	}
	if (e == JE_CODE_POINT_ZERO)
		lg_error_set(err, LG_SQLSTATE_INVALID_JSON_TEXT, "unsupported Unicode escape sequence");
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

/* ---- jsonb output ---- */

typedef struct writer {
	char *p; /* NULL: only count */
	size_t n;
} writer_t;

static void w_put(writer_t *w, const char *s, size_t n)
{
	if (w->p)
		memcpy(w->p + w->n, s, n);
	w->n += n;
}

/* escape_json */
static void w_string(writer_t *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	w_put(w, "\"", 1);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		w_put(w, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '\b':
			w_put(w, "\\b", 2);
			break;
		case '\f':
			w_put(w, "\\f", 2);
			break;
		case '\n':
			w_put(w, "\\n", 2);
			break;
		case '\r':
			w_put(w, "\\r", 2);
			break;
		case '\t':
			w_put(w, "\\t", 2);
			break;
		case '"':
			w_put(w, "\\\"", 2);
			break;
		case '\\':
			w_put(w, "\\\\", 2);
			break;
		default: {
			char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			w_put(w, u, 6);
		}
		}
	}
	w_put(w, s + run, n - run);
	w_put(w, "\"", 1);
}

static void w_node(writer_t *w, const jnode_t *root)
{
	/* Iterative walk: parent links replace a stack. */
	const jnode_t *n = root;
	for (;;) {
		if (n->parent && n->parent->type == J_OBJ) {
			w_string(w, n->key, n->keylen);
			w_put(w, ": ", 2);
		}
		switch (n->type) {
		case J_OBJ:
		case J_ARR:
			w_put(w, n->type == J_OBJ ? "{" : "[", 1);
			if (n->first) {
				n = n->first;
				continue;
			}
			w_put(w, n->type == J_OBJ ? "}" : "]", 1);
			break;
		case J_STR:
			w_string(w, n->s, n->len);
			break;
		case J_NUM:
			w_put(w, n->s, n->len);
			break;
		case J_TRUE:
			w_put(w, "true", 4);
			break;
		case J_FALSE:
			w_put(w, "false", 5);
			break;
		case J_NULL:
			w_put(w, "null", 4);
			break;
		}
		/* Close finished containers, then move to the next sibling. */
		while (n != root && !n->next) {
			n = n->parent;
			w_put(w, n->type == J_OBJ ? "}" : "]", 1);
		}
		if (n == root)
			return;
		w_put(w, ", ", 2);
		n = n->next;
	}
}

static int key_cmp(const void *a, const void *b)
{
	const jnode_t *x = *(const jnode_t *const *)a, *y = *(const jnode_t *const *)b;
	if (x->keylen != y->keylen)
		return x->keylen < y->keylen ? -1 : 1;
	int c = memcmp(x->key, y->key, x->keylen);
	if (c)
		return c;
	/* equal keys keep their input order, so the last one can win */
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sorts an object's members as jsonb does and drops duplicates but the
 * last. */
static int sort_object(lg_arena_t *arena, jnode_t *obj)
{
	if (obj->count < 2)
		return 0;
	jnode_t **v = lg_arena_alloc(arena, obj->count * sizeof(*v));
	if (!v)
		return -1;
	size_t k = 0;
	for (jnode_t *c = obj->first; c; c = c->next)
		v[k++] = c;
	qsort(v, k, sizeof(*v), key_cmp);
	size_t o = 0;
	for (size_t i = 0; i < k; i++) {
		if (i + 1 < k && v[i]->keylen == v[i + 1]->keylen &&
		    memcmp(v[i]->key, v[i + 1]->key, v[i]->keylen) == 0)
			continue;
		v[o++] = v[i];
	}
	for (size_t i = 0; i < o; i++)
		v[i]->next = i + 1 < o ? v[i + 1] : NULL;
	obj->first = v[0];
	obj->last = v[o - 1];
	obj->count = o;
	return 0;
}

/* Sorts every object, children before parents. */
static int normalise(lg_arena_t *arena, jnode_t *root)
{
	jnode_t *n = root;
	for (;;) {
		if ((n->type == J_OBJ || n->type == J_ARR) && n->first) {
			n = n->first;
			continue;
		}
		for (;;) {
			if (n->type == J_OBJ && sort_object(arena, n) < 0)
				return -1;
			if (n == root)
				return 0;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

/* ---- codec entry points ---- */

static int json_parse(const char *s, size_t len, bool jsonb, lg_arena_t *arena, lg_value_t *out,
		      lg_error_t *err)
{
	parser_t *p = lg_arena_calloc(arena, sizeof(*p));
	if (!p)
		return lg_codec_err_oom(err);
	build_t b = {.arena = arena, .err = err};
	p->lx.in = s;
	p->lx.len = len;
	p->lx.line = 1;
	if (jsonb) {
		p->lx.str = lg_arena_alloc(arena, len + 1);
		if (!p->lx.str)
			return lg_codec_err_oom(err);
		p->b = &b;
	}
	jerr_t e = parse(p);
	if (e != JE_OK)
		return b.failed ? -1 : report(err, e, &p->lx);
	if (!jsonb)
		return lg_codec_set_text(arena, out, s, len, err);
	if (normalise(arena, b.root) < 0)
		return lg_codec_err_oom(err);
	writer_t w = {NULL, 0};
	w_node(&w, b.root);
	w.p = lg_arena_alloc(arena, w.n + 1);
	if (!w.p)
		return lg_codec_err_oom(err);
	w.n = 0;
	w_node(&w, b.root);
	w.p[w.n] = '\0';
	out->kind = LG_VAL_TEXT;
	out->s = w.p;
	out->len = w.n;
	return 0;
}

int lg_codec_json_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len,
		     lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
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
