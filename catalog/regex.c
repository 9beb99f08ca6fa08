/* PostgreSQL's regular expressions (~, ~*, regexp_replace, regexp_like)
 * on the C library's POSIX extended REs. PostgreSQL's engine (Spencer's
 * ARE) matches leftmost-longest like POSIX when no non-greedy quantifier
 * is involved; the pattern is rewritten into an ERE: \d \s \w and the
 * [:class:] names become explicit ASCII sets (the C locale's classes),
 * case-insensitivity becomes [xX] (the C locale folds ASCII only),
 * (?:...) becomes a group that capture numbers skip. What POSIX cannot
 * express (non-greedy quantifiers, lookaround, \y \m \M word anchors,
 * embedded options) is 0A000. Matching runs in the C.UTF-8 locale so that
 * "." is one character. Compiled patterns are kept per statement through
 * SQLite's auxiliary data. */
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <locale.h>
#include <regex.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#define MAX_GROUPS 10

typedef struct rx {
	char *pattern;
	int flags; /* RX_* */
	regex_t re;
	int ngroups; /* capturing groups of the ARE */
	int map[MAX_GROUPS]; /* ARE group -> ERE group */
} rx_t;

enum { RX_ICASE = 1, RX_NEWLINE = 2, RX_GLOBAL = 4 };

typedef struct tr {
	const char *p, *end;
	bool icase;
	lg_sb_t out;
	int ngroups, ere_groups;
	int map[MAX_GROUPS];
	lg_error_t *err;
} tr_t;

static int unsupported(tr_t *t, const char *what)
{
	return lg_error_set(t->err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			    "feature not supported: %s in regular expressions", what);
}

static int invalid(tr_t *t, const char *msg)
{
	return lg_error_set(t->err, LG_SQLSTATE_INVALID_REGULAR_EXPRESSION,
			    "invalid regular expression: %s", msg);
}

/* The C locale's classes, as explicit ASCII sets (bracket contents). */
static const char *class_set(const char *name, size_t len)
{
	static const struct {
		const char *name, *set;
	} classes[] = {
		{"alnum", "0-9A-Za-z"},    {"alpha", "A-Za-z"},        {"digit", "0-9"},
		{"lower", "a-z"},          {"upper", "A-Z"},           {"xdigit", "0-9A-Fa-f"},
		{"space", " \t\n\r\f\v"},  {"blank", " \t"},           {"word", "0-9A-Za-z_"},
		{"punct", "!-/:-@[-`{-~"}, {"cntrl", "\x01-\x1f\x7f"}, {"print", " -~"},
		{"graph", "!-~"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(classes); i++)
		if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0)
			return classes[i].set;
	return NULL;
}

/* Bracket contents being collected: ']' and '-' and '^' are placed where
 * POSIX reads them literally. */
typedef struct bracket {
	lg_sb_t items;
	bool rbracket, dash, caret;
} bracket_t;

static void bracket_char(bracket_t *b, unsigned char c, bool icase)
{
	if (c == ']')
		b->rbracket = true;
	else if (c == '-')
		b->dash = true;
	else if (c == '^')
		b->caret = true;
	else if (c == '[')
		lg_sb_append(&b->items, "[");
	else
		lg_sb_putc(&b->items, (char)c);
	if (icase && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		lg_sb_putc(&b->items, (char)(c ^ 0x20));
}

static int bracket_escape(tr_t *t, bracket_t *b)
{
	if (t->p >= t->end)
		return invalid(t, "invalid escape \\ sequence");
	char e = *t->p++;
	const char *set = e == 'd'   ? "0-9"
			  : e == 's' ? " \t\n\r\f\v"
			  : e == 'w' ? "0-9A-Za-z_"
				     : NULL;
	if (set) {
		lg_sb_append(&b->items, set);
		return 0;
	}
	if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
		char what[32];
		snprintf(what, sizeof(what), "the escape \\%c", e);
		return unsupported(t, what);
	}
	bracket_char(b, (unsigned char)e, t->icase);
	return 0;
}

/* A range a-z (ASCII letters of one case, or no letters at all, when
 * case-insensitive). */
static int bracket_range(tr_t *t, bracket_t *b, unsigned char lo, unsigned char hi)
{
	lg_sb_appendf(&b->items, "%c-%c", lo, hi);
	if (!t->icase)
		return 0;
	bool lower = lo >= 'a' && hi <= 'z', upper = lo >= 'A' && hi <= 'Z';
	if (lower || upper)
		lg_sb_appendf(&b->items, "%c-%c", lo ^ 0x20, hi ^ 0x20);
	else if (!(hi < 'A' || lo > 'z' || (lo > 'Z' && hi < 'a')))
		return unsupported(t,
				   "case-insensitive ranges across letters and other characters");
	return 0;
}

static int bracket_item(tr_t *t, bracket_t *b)
{
	unsigned char c = (unsigned char)*t->p;
	if (c == '[' && t->p + 1 < t->end && t->p[1] == ':') {
		const char *name = t->p + 2, *close = strstr(name, ":]");
		const char *set =
			close && close < t->end ? class_set(name, (size_t)(close - name)) : NULL;
		if (!set)
			return invalid(t, "invalid character class");
		lg_sb_append(&b->items, set);
		t->p = close + 2;
		return 0;
	}
	if (c == '[' && t->p + 1 < t->end && (t->p[1] == '.' || t->p[1] == '='))
		return unsupported(t, "collating elements");
	if (c == '\\') {
		t->p++;
		return bracket_escape(t, b);
	}
	t->p++;
	if (t->p + 1 < t->end && *t->p == '-' && t->p[1] != ']') {
		unsigned char hi = (unsigned char)t->p[1];
		if (hi == '\\' || hi == '[' || c >= 0x80 || hi >= 0x80)
			return unsupported(t, "this bracket range");
		t->p += 2;
		if (hi < c)
			return invalid(t, "invalid character range");
		return bracket_range(t, b, c, hi);
	}
	bracket_char(b, c, t->icase);
	return 0;
}

static int bracket(tr_t *t)
{
	bracket_t b = {LG_SB_INIT, false, false, false};
	bool neg = t->p < t->end && *t->p == '^';
	t->p += neg;
	int rc = 0;
	if (t->p < t->end && *t->p == ']') {
		b.rbracket = true;
		t->p++;
	}
	while (rc == 0 && t->p < t->end && *t->p != ']')
		rc = bracket_item(t, &b);
	if (rc == 0 && t->p >= t->end)
		rc = invalid(t, "brackets [] not balanced");
	if (rc == 0) {
		t->p++;
		lg_sb_append(&t->out, neg ? "[^" : "[");
		if (b.rbracket)
			lg_sb_putc(&t->out, ']');
		lg_sb_appendn(&t->out, b.items.data ? b.items.data : "", b.items.len);
		if (b.caret)
			lg_sb_putc(&t->out, '^');
		if (b.dash)
			lg_sb_putc(&t->out, '-');
		lg_sb_putc(&t->out, ']');
	}
	lg_sb_free(&b.items);
	return rc;
}

static int escape(tr_t *t)
{
	if (t->p >= t->end)
		return invalid(t, "invalid escape \\ sequence");
	char e = *t->p++;
	static const struct {
		char c;
		const char *ere;
	} classes[] = {
		{'d', "[0-9]"},
		{'D', "[^0-9]"},
		{'s', "[ \t\n\r\f\v]"},
		{'S', "[^ \t\n\r\f\v]"},
		{'w', "[0-9A-Za-z_]"},
		{'W', "[^0-9A-Za-z_]"},
		{'n', "\n"},
		{'t', "\t"},
		{'r', "\r"},
		{'f', "\f"},
		{'v', "\v"},
		{'a', "\a"},
		{'e', "\x1b"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(classes); i++)
		if (classes[i].c == e) {
			lg_sb_append(&t->out, classes[i].ere);
			return 0;
		}
	if (e >= '1' && e <= '9') {
		int g = e - '0';
		if (g > t->ngroups)
			return invalid(t, "invalid backreference number");
		if (t->map[g] > 9)
			return unsupported(t, "this back reference");
		lg_sb_appendf(&t->out, "\\%d", t->map[g]);
		return 0;
	}
	if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || e == '0') {
		char what[32];
		snprintf(what, sizeof(what), "the escape \\%c", e);
		return unsupported(t, what);
	}
	if (strchr(".[]()*+?{}|^$\\", e))
		lg_sb_putc(&t->out, '\\');
	lg_sb_putc(&t->out, e);
	return 0;
}

static int group(tr_t *t)
{
	bool capture = true;
	if (t->p < t->end && *t->p == '?') {
		if (t->p + 1 < t->end && t->p[1] == ':') {
			capture = false;
			t->p += 2;
		} else {
			return unsupported(t, "lookaround constraints and embedded options");
		}
	}
	t->ere_groups++;
	if (capture) {
		if (++t->ngroups >= MAX_GROUPS)
			return unsupported(t, "more than 9 capturing groups");
		t->map[t->ngroups] = t->ere_groups;
	}
	lg_sb_putc(&t->out, '(');
	return 0;
}

/* After a quantifier: a '?' would make it non-greedy. */
static int after_quantifier(tr_t *t)
{
	if (t->p < t->end && *t->p == '?')
		return unsupported(t, "non-greedy quantifiers");
	return 0;
}

static int atom(tr_t *t)
{
	unsigned char c = (unsigned char)*t->p++;
	switch (c) {
	case '\\': return escape(t);
	case '[': return bracket(t);
	case '(': return group(t);
	case '*':
	case '+':
	case '?': lg_sb_putc(&t->out, (char)c); return after_quantifier(t);
	case '{':
		if (t->p < t->end && *t->p >= '0' && *t->p <= '9') {
			const char *close = memchr(t->p, '}', (size_t)(t->end - t->p));
			if (!close)
				return invalid(t, "braces {} not balanced");
			lg_sb_putc(&t->out, '{');
			lg_sb_appendn(&t->out, t->p, (size_t)(close + 1 - t->p));
			t->p = close + 1;
			return after_quantifier(t);
		}
		lg_sb_append(&t->out, "\\{");
		return 0;
	default:
		if (t->icase && c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			lg_sb_appendf(&t->out, "[%c%c]", c, c ^ 0x20);
		else
			lg_sb_putc(&t->out, (char)c);
		return 0;
	}
}

static int translate(const char *p, size_t len, int flags, rx_t *rx, lg_sb_t *out, lg_error_t *err)
{
	tr_t t = {p, p + len, (flags & RX_ICASE) != 0, LG_SB_INIT, 0, 0, {0}, err};
	if (len >= 3 && memcmp(p, "***", 3) == 0)
		return unsupported(&t, "*** directors");
	for (size_t i = 0; t.icase && i < len; i++)
		if ((unsigned char)p[i] >= 0x80)
			return unsupported(&t, "case-insensitive matching of non-ASCII characters");
	int rc = 0;
	while (rc == 0 && t.p < t.end)
		rc = atom(&t);
	if (rc == 0 && t.out.failed)
		rc = lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	if (rc == 0) {
		*out = t.out;
		rx->ngroups = t.ngroups;
		memcpy(rx->map, t.map, sizeof(rx->map));
	} else {
		lg_sb_free(&t.out);
	}
	return rc;
}

/* ---- compiling and matching ---- */

static locale_t utf8_locale(void)
{
	static locale_t loc;
	locale_t cur = __atomic_load_n(&loc, __ATOMIC_ACQUIRE);
	if (cur)
		return cur;
	locale_t made = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (!made)
		return (locale_t)0;
	locale_t expected = (locale_t)0;
	if (!__atomic_compare_exchange_n(&loc, &expected, made, false, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE)) {
		freelocale(made);
		return expected;
	}
	return made;
}

static void rx_free(void *p)
{
	rx_t *rx = p;
	if (!rx)
		return;
	regfree(&rx->re);
	lg_free(rx->pattern);
	lg_free(rx);
}

/* Spencer's wording of the errors (PostgreSQL's regerror). */
static const char *message(int rc)
{
	switch (rc) {
	case REG_EPAREN: return "parentheses () not balanced";
	case REG_EBRACK: return "brackets [] not balanced";
	case REG_EBRACE: return "braces {} not balanced";
	case REG_BADBR: return "invalid repetition count(s)";
	case REG_BADRPT: return "quantifier operand invalid";
	case REG_ERANGE: return "invalid character range";
	case REG_ESUBREG: return "invalid backreference number";
	case REG_EESCAPE: return "invalid escape \\ sequence";
	case REG_ECTYPE: return "invalid character class";
	case REG_ESPACE: return "out of memory";
	default: return "invalid regular expression";
	}
}

static int compile(const char *p, size_t len, int flags, rx_t **out, lg_error_t *err)
{
	locale_t loc = utf8_locale();
	if (!loc)
		return lg_error_set(
			err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			"feature not supported: regular expressions without the C.UTF-8 locale");
	rx_t *rx = lg_calloc(1, sizeof(*rx));
	lg_sb_t ere = LG_SB_INIT;
	if (!rx || !(rx->pattern = lg_strndup(p, len))) {
		lg_free(rx);
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	}
	rx->flags = flags;
	if (translate(p, len, flags, rx, &ere, err)) {
		lg_free(rx->pattern);
		lg_free(rx);
		return -1;
	}
	locale_t old = uselocale(loc);
	int rc = regcomp(&rx->re, ere.data ? ere.data : "",
			 REG_EXTENDED | (flags & RX_NEWLINE ? REG_NEWLINE : 0));
	uselocale(old);
	lg_sb_free(&ere);
	if (rc != 0) {
		lg_free(rx->pattern);
		lg_free(rx);
		return lg_error_set(err, LG_SQLSTATE_INVALID_REGULAR_EXPRESSION,
				    "invalid regular expression: %s", message(rc));
	}
	*out = rx;
	return 0;
}

/* The compiled pattern of argument `arg` (cached while the statement runs
 * when the pattern is a constant). NULL with the error reported. */
static rx_t *pattern_arg(sqlite3_context *ctx, sqlite3_value **argv, int arg, int flags)
{
	const char *p = (const char *)sqlite3_value_text(argv[arg]);
	size_t len = (size_t)sqlite3_value_bytes(argv[arg]);
	rx_t *rx = sqlite3_get_auxdata(ctx, arg);
	if (rx && rx->flags == flags && strlen(rx->pattern) == len &&
	    memcmp(rx->pattern, p, len) == 0)
		return rx;
	lg_error_t err = LG_ERROR_INIT;
	if (compile(p ? p : "", len, flags, &rx, &err)) {
		lg_fn_error(ctx, &err);
		return NULL;
	}
	sqlite3_set_auxdata(ctx, arg, rx, rx_free);
	rx = sqlite3_get_auxdata(ctx, arg);
	if (!rx) /* not kept: SQLite freed it already; compile again for this call */
		sqlite3_result_error_nomem(ctx);
	return rx;
}

/* Flags text of PostgreSQL's regexp functions; -1 with the error reported. */
static int parse_flags(sqlite3_context *ctx, sqlite3_value *v, bool allow_global)
{
	int flags = 0;
	const char *f = v ? (const char *)sqlite3_value_text(v) : "";
	for (; f && *f; f++) {
		switch (*f) {
		case 'g':
			if (!allow_global)
				goto bad;
			flags |= RX_GLOBAL;
			break;
		case 'i': flags |= RX_ICASE; break;
		case 'c': flags &= ~RX_ICASE; break;
		case 'n':
		case 'm': flags |= RX_NEWLINE; break;
		case 's': flags &= ~RX_NEWLINE; break;
		case 'p':
		case 'w':
		case 'x':
		case 'q':
		case 'b':
		case 'e':
		case 't':
			lg_udf_error(ctx, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				     "feature not supported: regular expression option \"%c\"", *f);
			return -1;
		default: goto bad;
		}
	}
	return flags;
bad:
	lg_udf_error(ctx, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
		     "invalid regular expression option: \"%.*s\"",
		     (int)lg_fn_utf8_len((const unsigned char *)f, 0, strlen(f)), f);
	return -1;
}

static int exec_at(const rx_t *rx, const char *s, size_t len, size_t from, regmatch_t *m, size_t nm)
{
	locale_t old = uselocale(utf8_locale());
	m[0].rm_so = (regoff_t)from;
	m[0].rm_eo = (regoff_t)len;
	int rc = regexec(&rx->re, s, nm, m, REG_STARTEND);
	uselocale(old);
	return rc;
}

/* lg_regex_match(subject, pattern, flags): ~ ~* and regexp_like. */
static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(2, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int flags = parse_flags(ctx, argc > 2 ? argv[2] : NULL, false);
	rx_t *rx = flags < 0 ? NULL : pattern_arg(ctx, argv, 1, flags);
	if (!rx)
		return;
	regmatch_t m[1];
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_result_int(
		ctx, exec_at(rx, s ? s : "", (size_t)sqlite3_value_bytes(argv[0]), 0, m, 1) == 0);
}

/* The replacement text: \1..\9 groups, \& the match, \\ a backslash. */
static void substitute(const rx_t *rx, const char *s, const regmatch_t *m, const char *r,
		       size_t rlen, lg_sb_t *out)
{
	for (size_t i = 0; i < rlen; i++) {
		if (r[i] != '\\' || i + 1 >= rlen) {
			lg_sb_putc(out, r[i]);
			continue;
		}
		char c = r[++i];
		int g = c == '&' ? 0 : (c >= '1' && c <= '9') ? c - '0' : -1;
		if (g > rx->ngroups)
			continue; /* a group the pattern does not have: nothing */
		if (g >= 0) {
			const regmatch_t *gm = &m[g ? rx->map[g] : 0];
			if (gm->rm_so >= 0)
				lg_sb_appendn(out, s + gm->rm_so, (size_t)(gm->rm_eo - gm->rm_so));
		} else if (c == '\\') {
			lg_sb_putc(out, '\\');
		} else {
			lg_sb_putc(out, '\\');
			lg_sb_putc(out, c);
		}
	}
}

/* lg_regexp_replace(source, pattern, replacement [, flags]) */
static void fn_replace(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	int flags = parse_flags(ctx, argc > 3 ? argv[3] : NULL, true);
	rx_t *rx = flags < 0 ? NULL : pattern_arg(ctx, argv, 1, flags & ~RX_GLOBAL);
	if (!rx)
		return;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char *r = (const char *)sqlite3_value_text(argv[2]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]),
	       rlen = (size_t)sqlite3_value_bytes(argv[2]);
	regmatch_t m[MAX_GROUPS * 2 + 2];
	lg_sb_t out = LG_SB_INIT;
	size_t pos = 0;
	while (pos <= len && exec_at(rx, s, len, pos, m, LG_ARRAY_LEN(m)) == 0) {
		size_t so = (size_t)m[0].rm_so, eo = (size_t)m[0].rm_eo;
		lg_sb_appendn(&out, s + pos, so - pos);
		substitute(rx, s, m, r, rlen, &out);
		pos = eo;
		if (!(flags & RX_GLOBAL))
			break;
		if (eo == so) { /* an empty match: step over one character */
			if (pos >= len)
				break;
			size_t k = lg_fn_utf8_len((const unsigned char *)s, pos, len);
			lg_sb_appendn(&out, s + pos, k);
			pos += k;
		}
	}
	if (pos < len)
		lg_sb_appendn(&out, s + pos, len - pos);
	lg_fn_result_sb(ctx, &out);
}

int lg_fn_register_regex(sqlite3 *db, lg_error_t *err)
{
	if (lg_fn_register(db, "lg_regex_match", 2, true, NULL, fn_match, err) ||
	    lg_fn_register(db, "lg_regex_match", 3, true, NULL, fn_match, err) ||
	    lg_fn_register(db, "lg_regexp_replace", 3, true, NULL, fn_replace, err) ||
	    lg_fn_register(db, "lg_regexp_replace", 4, true, NULL, fn_replace, err))
		return -1;
	return 0;
}
