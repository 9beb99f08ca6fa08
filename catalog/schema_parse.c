/* Constraint names and details from a stored CREATE TABLE text; see
 * schema_parse.h. */
#include "catalog/schema_parse.h"

#include "common/arena.h"
#include "common/mem.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum tok_kind {
	TOK_END,
	TOK_WORD, /* bare identifier or keyword */
	TOK_QUOTED, /* "x", `x`, [x] */
	TOK_STRING, /* 'x' */
	TOK_OTHER, /* numbers, operators */
	TOK_PUNCT, /* ( ) , */
} tok_kind_t;

typedef struct tok {
	tok_kind_t kind;
	int start, len;
} tok_t;

typedef struct parser {
	const char *sql;
	tok_t *toks;
	int ntoks;
	int pos;
	lg_arena_t *arena;
	lg_con_t *cons;
	int ncons, cap;
	bool oom;
} parser_t;

static int scan_quoted(const char *s, int i, char close)
{
	for (i++; s[i]; i++) {
		if (s[i] == close) {
			if (close != ']' && s[i + 1] == close) {
				i++;
				continue;
			}
			return i + 1;
		}
	}
	return i;
}

/* One token starting at or after s[i]; returns the index after it. */
static int next_token(const char *s, int i, tok_t *t)
{
	for (;;) {
		while (s[i] && isspace((unsigned char)s[i]))
			i++;
		if (s[i] == '-' && s[i + 1] == '-') {
			while (s[i] && s[i] != '\n')
				i++;
		} else if (s[i] == '/' && s[i + 1] == '*') {
			const char *e = strstr(s + i + 2, "*/");
			i = e ? (int)(e - s) + 2 : (int)strlen(s);
		} else {
			break;
		}
	}
	t->start = i;
	char c = s[i];
	if (!c) {
		t->kind = TOK_END;
		t->len = 0;
		return i;
	}
	if (c == '"' || c == '`' || c == '[') {
		t->kind = TOK_QUOTED;
		i = scan_quoted(s, i, c == '[' ? ']' : c);
	} else if (c == '\'') {
		t->kind = TOK_STRING;
		i = scan_quoted(s, i, '\'');
	} else if (c == '(' || c == ')' || c == ',') {
		t->kind = TOK_PUNCT;
		i++;
	} else if (isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80) {
		t->kind = TOK_WORD;
		while (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '$' ||
		       (unsigned char)s[i] >= 0x80)
			i++;
	} else {
		t->kind = TOK_OTHER;
		i++;
	}
	t->len = i - t->start;
	return i;
}

static const tok_t *peek(const parser_t *p, int ahead)
{
	int i = p->pos + ahead;
	return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}

static bool is_word(const parser_t *p, const tok_t *t, const char *kw)
{
	return t->kind == TOK_WORD && (size_t)t->len == strlen(kw) &&
	       strncasecmp(p->sql + t->start, kw, (size_t)t->len) == 0;
}

static bool is_punct(const parser_t *p, const tok_t *t, char c)
{
	return t->kind == TOK_PUNCT && p->sql[t->start] == c;
}

/* The identifier a token names, unquoted. */
static const char *ident(parser_t *p, const tok_t *t)
{
	const char *s = p->sql + t->start;
	if (t->kind != TOK_QUOTED && t->kind != TOK_STRING) {
		char *r = lg_arena_strndup(p->arena, s, (size_t)t->len);
		p->oom |= !r;
		return r ? r : "";
	}
	char close = s[0] == '[' ? ']' : s[0];
	char *r = lg_arena_alloc(p->arena, (size_t)t->len);
	if (!r) {
		p->oom = true;
		return "";
	}
	int n = 0;
	for (int i = 1; i < t->len - 1; i++) {
		r[n++] = s[i];
		if (s[i] == close && close != ']' && i + 1 < t->len - 1 && s[i + 1] == close)
			i++;
	}
	r[n] = '\0';
	return r;
}

/* Skips a balanced parenthesised group starting at the current '('. */
static void skip_group(parser_t *p)
{
	int depth = 0;
	do {
		const tok_t *t = peek(p, 0);
		if (t->kind == TOK_END)
			return;
		if (is_punct(p, t, '('))
			depth++;
		else if (is_punct(p, t, ')'))
			depth--;
		p->pos++;
	} while (depth > 0);
}

/* "(a COLLATE x DESC, b)": the first token of each item. */
static int name_list(parser_t *p, const char ***out)
{
	*out = NULL;
	if (!is_punct(p, peek(p, 0), '('))
		return 0;
	int start = p->pos, n = 0;
	skip_group(p);
	int end = p->pos;
	const char **v = lg_arena_alloc(p->arena, sizeof(*v) * (size_t)(end - start));
	if (!v) {
		p->oom = true;
		return 0;
	}
	bool want = true;
	int depth = 0;
	for (int i = start + 1; i < end - 1; i++) {
		const tok_t *t = &p->toks[i];
		if (is_punct(p, t, '('))
			depth++;
		else if (is_punct(p, t, ')'))
			depth--;
		else if (depth == 0 && is_punct(p, t, ','))
			want = true;
		else if (want && depth == 0) {
			v[n++] = ident(p, t);
			want = false;
		}
	}
	*out = v;
	return n;
}

static lg_con_t *add_con(parser_t *p, lg_con_kind_t kind, const char *name, int start)
{
	if (p->ncons == p->cap) {
		int cap = p->cap ? p->cap * 2 : 8;
		lg_con_t *v = lg_arena_alloc(p->arena, sizeof(*v) * (size_t)cap);
		if (!v) {
			p->oom = true;
			return NULL;
		}
		if (p->ncons)
			memcpy(v, p->cons, sizeof(*v) * (size_t)p->ncons);
		p->cons = v;
		p->cap = cap;
	}
	lg_con_t *c = &p->cons[p->ncons++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->name = name;
	c->start = start;
	return c;
}

/* REFERENCES t [(cols)] [ON ... | MATCH x | [NOT] DEFERRABLE [INITIALLY ...]]. */
static void references(parser_t *p, lg_con_t *c)
{
	p->pos++; /* REFERENCES */
	c->ref_table = ident(p, peek(p, 0));
	p->pos++;
	c->nref = name_list(p, &c->ref_cols);
	for (;;) {
		const tok_t *t = peek(p, 0);
		if (t->kind == TOK_END || is_punct(p, t, ',') || is_punct(p, t, ')') ||
		    is_word(p, t, "CONSTRAINT"))
			return;
		if (is_word(p, t, "DEFERRABLE"))
			c->deferrable = !(p->pos > 0 && is_word(p, peek(p, -1), "NOT"));
		else if (is_word(p, t, "INITIALLY"))
			c->deferred = is_word(p, peek(p, 1), "DEFERRED");
		else if (!is_word(p, t, "ON") && !is_word(p, t, "MATCH") && !is_word(p, t, "SET") &&
			 !is_word(p, t, "NO") && !is_word(p, t, "ACTION") &&
			 !is_word(p, t, "NOT") && !is_word(p, t, "DELETE") &&
			 !is_word(p, t, "UPDATE") && !is_word(p, t, "NULL") &&
			 !is_word(p, t, "DEFAULT") && !is_word(p, t, "CASCADE") &&
			 !is_word(p, t, "RESTRICT") && !is_word(p, t, "IMMEDIATE") &&
			 !is_word(p, t, "DEFERRED") && !is_word(p, t, "FULL") &&
			 !is_word(p, t, "SIMPLE") && !is_word(p, t, "PARTIAL"))
			return; /* the next column constraint */
		p->pos++;
	}
}

static void check_expr(parser_t *p, lg_con_t *c)
{
	if (!is_punct(p, peek(p, 0), '('))
		return;
	int open = peek(p, 0)->start;
	skip_group(p);
	const tok_t *last = peek(p, -1);
	/* An unterminated group (a damaged text) runs to its last token. */
	int close = is_punct(p, last, ')') && last->start > open ? last->start
								 : last->start + last->len;
	if (close < open + 1)
		close = open + 1;
	char *e = lg_arena_strndup(p->arena, p->sql + open + 1, (size_t)(close - open - 1));
	p->oom |= !e;
	c->expr = e;
}

/* One constraint starting at the current token (after CONSTRAINT name).
 * `col` is the column for a column constraint, NULL for a table one.
 * Returns false when the token starts no constraint we record. */
static bool constraint(parser_t *p, const char *name, const char *col, int start)
{
	const tok_t *t = peek(p, 0);
	lg_con_t *c;
	if (is_word(p, t, "PRIMARY") || is_word(p, t, "UNIQUE")) {
		bool pk = is_word(p, t, "PRIMARY");
		c = add_con(p, pk ? LG_CON_PRIMARY : LG_CON_UNIQUE, name, start);
		p->pos += pk ? 2 : 1;
		if (!c)
			return true;
		if (col) {
			c->ncols = 1;
			c->cols = lg_arena_alloc(p->arena, sizeof(char *));
			if (!c->cols) {
				p->oom = true;
				c->ncols = 0;
			} else {
				c->cols[0] = col;
			}
		} else {
			c->ncols = name_list(p, &c->cols);
		}
	} else if (is_word(p, t, "CHECK")) {
		c = add_con(p, LG_CON_CHECK, name, start);
		p->pos++;
		if (c)
			check_expr(p, c);
		else
			skip_group(p);
	} else if (is_word(p, t, "FOREIGN") || is_word(p, t, "REFERENCES")) {
		c = add_con(p, LG_CON_FOREIGN, name, start);
		if (!c)
			return true;
		if (is_word(p, t, "FOREIGN")) {
			p->pos += 2;
			c->ncols = name_list(p, &c->cols);
		} else {
			c->ncols = 1;
			c->cols = lg_arena_alloc(p->arena, sizeof(char *));
			if (!c->cols) {
				p->oom = true;
				c->ncols = 0;
			} else {
				c->cols[0] = col ? col : "";
			}
		}
		if (is_word(p, peek(p, 0), "REFERENCES"))
			references(p, c);
	} else if (col && is_word(p, t, "DEFAULT")) {
		c = add_con(p, LG_CON_DEFAULT, name, start);
		p->pos++;
		t = peek(p, 0);
		if (is_punct(p, t, '('))
			skip_group(p);
		else if (t->kind == TOK_OTHER &&
			 (p->sql[t->start] == '-' || p->sql[t->start] == '+'))
			p->pos += 2;
		else if (t->kind != TOK_END)
			p->pos++;
		if (c && (c->cols = lg_arena_alloc(p->arena, sizeof(char *))) != NULL) {
			c->cols[0] = col;
			c->ncols = 1;
		}
		p->oom |= c && !c->cols;
	} else {
		return false;
	}
	if (c) {
		c->end = peek(p, -1)->start + peek(p, -1)->len;
		c->table_level = col == NULL;
		if (col && !c->cols) { /* a column's CHECK: its column */
			c->cols = lg_arena_alloc(p->arena, sizeof(char *));
			p->oom |= !c->cols;
			if (c->cols) {
				c->cols[0] = col;
				c->ncols = 1;
			}
		}
	}
	return true;
}

/* Column constraints of the column definition at the current token. */
static void column_def(parser_t *p)
{
	const char *col = ident(p, peek(p, 0));
	p->pos++;
	const char *name = NULL;
	int start = -1;
	for (;;) {
		const tok_t *t = peek(p, 0);
		if (t->kind == TOK_END || is_punct(p, t, ',') || is_punct(p, t, ')'))
			return;
		if (is_word(p, t, "CONSTRAINT")) {
			start = t->start;
			name = ident(p, peek(p, 1));
			p->pos += 2;
			continue;
		}
		if (is_punct(p, t, '(')) {
			skip_group(p);
			continue;
		}
		if (start < 0)
			start = t->start;
		if (!constraint(p, name, col, start))
			p->pos++;
		name = NULL;
		start = -1;
	}
}

static void table_element(parser_t *p)
{
	const tok_t *t = peek(p, 0);
	int elem_start = t->start;
	int first = p->ncons;
	if (is_word(p, t, "CONSTRAINT") || is_word(p, t, "PRIMARY") || is_word(p, t, "UNIQUE") ||
	    is_word(p, t, "CHECK") || is_word(p, t, "FOREIGN")) {
		const char *name = NULL;
		if (is_word(p, t, "CONSTRAINT")) {
			name = ident(p, peek(p, 1));
			p->pos += 2;
		}
		constraint(p, name, NULL, elem_start);
	} else {
		column_def(p);
	}
	/* Skip whatever is left of the element. */
	for (;;) {
		t = peek(p, 0);
		if (t->kind == TOK_END || is_punct(p, t, ',') || is_punct(p, t, ')'))
			break;
		if (is_punct(p, t, '('))
			skip_group(p);
		else
			p->pos++;
	}
	const tok_t *last = peek(p, -1);
	for (int i = first; i < p->ncons; i++) {
		p->cons[i].elem_start = elem_start;
		p->cons[i].elem_end = last->start + last->len;
	}
}

static int tokenize(parser_t *p)
{
	int cap = 64, n = 0, i = 0;
	tok_t *v = lg_malloc(sizeof(*v) * (size_t)cap);
	if (!v)
		return -1;
	for (;;) {
		if (n == cap) {
			tok_t *nv = lg_realloc(v, sizeof(*v) * (size_t)cap * 2);
			if (!nv) {
				lg_free(v);
				return -1;
			}
			v = nv;
			cap *= 2;
		}
		i = next_token(p->sql, i, &v[n]);
		if (v[n++].kind == TOK_END)
			break;
	}
	p->toks = v;
	p->ntoks = n;
	return 0;
}

int lg_cat_parse_constraints(const char *sql, lg_arena_t *arena, lg_con_t **out)
{
	parser_t p = {.sql = sql, .arena = arena};
	*out = NULL;
	if (tokenize(&p) < 0)
		return -1;
	/* The element list starts at the first '(' (after the table name). */
	while (peek(&p, 0)->kind != TOK_END && !is_punct(&p, peek(&p, 0), '('))
		p.pos++;
	if (peek(&p, 0)->kind != TOK_END) {
		p.pos++;
		while (!p.oom) {
			table_element(&p);
			if (!is_punct(&p, peek(&p, 0), ','))
				break;
			p.pos++;
		}
	}
	lg_free(p.toks);
	if (p.oom)
		return -1;
	*out = p.cons;
	return p.ncons;
}

/* The "lg:" comment ddl_index.c put in bytes [from, to): only whitespace,
 * comments and ASC/DESC/COLLATE can be there, never a string literal. */
static void key_comment(parser_t *p, int from, int to, lg_cat_index_key_t *k)
{
	const char *s = p->sql;
	for (int i = from; i + 5 <= to; i++) {
		if (strncmp(s + i, "/*lg:", 5) != 0)
			continue;
		const char *end = strstr(s + i + 5, "*/");
		char *num_end;
		unsigned long oid = strtoul(s + i + 5, &num_end, 10);
		if (!end || end - s > to || *num_end != ' ' || num_end > end)
			return;
		k->type = (lg_oid_t)oid;
		k->pg = lg_arena_strndup(p->arena, num_end + 1, (size_t)(end - num_end - 1));
		p->oom |= !k->pg;
		return;
	}
}

/* One key: tokens [first, sep) without a trailing ASC/DESC/COLLATE x. */
static void index_key(parser_t *p, int first, int sep, lg_cat_index_key_t *k)
{
	int last = sep - 1;
	if (last > first && (is_word(p, &p->toks[last], "ASC") || is_word(p, &p->toks[last], "DESC")))
		last--;
	if (last > first + 1 && is_word(p, &p->toks[last - 1], "COLLATE"))
		last -= 2;
	const tok_t *a = &p->toks[first], *b = &p->toks[last];
	memset(k, 0, sizeof(*k));
	k->sql = lg_arena_strndup(p->arena, p->sql + a->start, (size_t)(b->start + b->len - a->start));
	p->oom |= !k->sql;
	key_comment(p, b->start + b->len, p->toks[sep].start, k);
}

int lg_cat_parse_index_keys(const char *sql, lg_arena_t *arena, lg_cat_index_key_t **out)
{
	parser_t p = {.sql = sql, .arena = arena};
	*out = NULL;
	if (tokenize(&p) < 0)
		return -1;
	/* CREATE [UNIQUE] INDEX name ON table ( keys ) [WHERE ...] */
	while (peek(&p, 0)->kind != TOK_END && !is_word(&p, peek(&p, 0), "ON"))
		p.pos++;
	while (peek(&p, 0)->kind != TOK_END && !is_punct(&p, peek(&p, 0), '('))
		p.pos++;
	int open = p.pos, n = 0;
	skip_group(&p);
	int close = p.pos - 1;
	lg_cat_index_key_t *v = NULL;
	if (close > open + 1) {
		v = lg_arena_alloc(arena, sizeof(*v) * (size_t)(close - open));
		p.oom |= !v;
	}
	for (int i = open + 1, first = i, depth = 0; v && i <= close && !p.oom; i++) {
		const tok_t *t = &p.toks[i];
		if (is_punct(&p, t, '(')) {
			depth++;
		} else if (depth > 0 && is_punct(&p, t, ')')) {
			depth--;
		} else if (depth == 0 && (i == close || is_punct(&p, t, ','))) {
			if (i > first)
				index_key(&p, first, i, &v[n++]);
			first = i + 1;
		}
	}
	lg_free(p.toks);
	if (p.oom)
		return -1;
	*out = v;
	return n;
}
