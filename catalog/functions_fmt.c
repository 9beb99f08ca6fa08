/* format() and the quote_* functions (PostgreSQL's quoting rules, keyword
 * list of PostgreSQL 15), and encode/decode of bytea (hex, base64,
 * escape). */
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/strbuf.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* PostgreSQL 15's keywords that are not UNRESERVED_KEYWORD (kwlist.h):
 * quote_ident quotes them. Sorted for bsearch. */
/* clang-format off */
static const char *const keywords[] = {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
	"authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
	"char", "character", "check", "coalesce", "collate", "collation", "column",
	"concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
	"current_role", "current_schema", "current_time", "current_timestamp", "current_user",
	"dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end",
	"except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze",
	"from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
	"initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
	"isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime",
	"localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull",
	"null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
	"overlaps", "overlay", "placing", "position", "precision", "primary", "real",
	"references", "returning", "right", "row", "select", "session_user", "setof", "similar",
	"smallint", "some", "substring", "symmetric", "table", "tablesample", "then", "time",
	"timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user",
	"using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with",
	"xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
	"xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};
/* clang-format on */

static int cmp_kw(const void *a, const void *b)
{
	return strcmp(a, *(const char *const *)b);
}

/* quote_identifier() of ruleutils.c. */
void lg_fn_quote_ident(const char *s, size_t len, lg_sb_t *out)
{
	bool safe = len > 0 && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_');
	for (size_t i = 0; i < len && safe; i++)
		safe = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
	if (safe && len < 64) {
		char buf[64];
		memcpy(buf, s, len);
		buf[len] = '\0';
		safe = !bsearch(buf, keywords, LG_ARRAY_LEN(keywords), sizeof(keywords[0]), cmp_kw);
	}
	if (safe) {
		lg_sb_appendn(out, s, len);
		return;
	}
	lg_sb_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			lg_sb_putc(out, '"');
		lg_sb_putc(out, s[i]);
	}
	lg_sb_putc(out, '"');
}

/* quote_literal_internal(): E'' when there is a backslash. */
void lg_fn_quote_literal(const char *s, size_t len, lg_sb_t *out)
{
	if (memchr(s, '\\', len))
		lg_sb_putc(out, 'E');
	lg_sb_putc(out, '\'');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\'' || s[i] == '\\')
			lg_sb_putc(out, s[i]);
		lg_sb_putc(out, s[i]);
	}
	lg_sb_putc(out, '\'');
}

static void fn_quote_ident(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	lg_sb_t sb = LG_SB_INIT;
	lg_fn_quote_ident((const char *)sqlite3_value_text(argv[0]),
			  (size_t)sqlite3_value_bytes(argv[0]), &sb);
	lg_fn_result_sb(ctx, &sb);
}

static void fn_quote_literal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bool nullable = sqlite3_user_data(ctx) != NULL;
	if (lg_fn_any_null(argc, argv)) {
		if (nullable)
			sqlite3_result_text(ctx, "NULL", 4, SQLITE_STATIC);
		else
			sqlite3_result_null(ctx);
		return;
	}
	lg_sb_t sb = LG_SB_INIT;
	lg_fn_quote_literal((const char *)sqlite3_value_text(argv[0]),
			    (size_t)sqlite3_value_bytes(argv[0]), &sb);
	lg_fn_result_sb(ctx, &sb);
}

/* ---- format() ---- */

typedef struct spec {
	int argpos, widthpos; /* -1 none; widthpos 0 = next argument */
	bool left;
	int width;
} spec_t;

/* PostgreSQL adds a HINT to the specifier errors; a UDF error carries
 * only SQLSTATE and message (catalog/udf.h). */
static int fmt_error(sqlite3_context *ctx, const char *msg)
{
	lg_udf_error(ctx, LG_SQLSTATE_INVALID_PARAMETER_VALUE, "%s", msg);
	return -1;
}

static bool digits(const char **p, const char *end, int *n)
{
	if (*p >= end || **p < '0' || **p > '9')
		return false;
	long v = 0;
	while (*p < end && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		if (v > INT_MAX)
			v = INT_MAX;
		(*p)++;
	}
	*n = (int)v;
	return true;
}

/* Parses "[n$][-][width|*[n$]]" after '%'; *p ends at the type. */
static int parse_spec(sqlite3_context *ctx, const char **p, const char *end, spec_t *sp)
{
	*sp = (spec_t){-1, -1, false, 0};
	int n;
	const char *save = *p;
	if (digits(p, end, &n)) {
		if (*p < end && **p == '$') {
			if (n == 0)
				return fmt_error(ctx, "format specifies argument 0, but arguments "
						      "are numbered from 1");
			sp->argpos = n;
			(*p)++;
		} else {
			*p = save;
		}
	}
	while (*p < end && **p == '-') {
		sp->left = true;
		(*p)++;
	}
	if (*p < end && **p == '*') {
		(*p)++;
		sp->widthpos = 0;
		if (digits(p, end, &n)) {
			if (*p >= end || **p != '$')
				return fmt_error(ctx,
						 "width argument position must be ended by \"$\"");
			if (n == 0)
				return fmt_error(ctx, "format specifies argument 0, but arguments "
						      "are numbered from 1");
			sp->widthpos = n;
			(*p)++;
		}
	} else {
		digits(p, end, &sp->width);
	}
	if (*p >= end)
		return fmt_error(ctx, "unterminated format() type specifier");
	return 0;
}

static void append_padded(lg_sb_t *out, const char *s, size_t len, const spec_t *sp)
{
	int64_t chars = 0;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	int64_t pad = sp->width > chars ? sp->width - chars : 0;
	for (int64_t i = 0; !sp->left && i < pad; i++)
		lg_sb_putc(out, ' ');
	lg_sb_appendn(out, s, len);
	for (int64_t i = 0; sp->left && i < pad; i++)
		lg_sb_putc(out, ' ');
}

static int convert(sqlite3_context *ctx, char type, sqlite3_value *v, const spec_t *sp,
		   lg_sb_t *out)
{
	bool null = sqlite3_value_type(v) == SQLITE_NULL;
	const char *s = null ? "" : (const char *)sqlite3_value_text(v);
	size_t len = null ? 0 : (size_t)sqlite3_value_bytes(v);
	lg_sb_t tmp = LG_SB_INIT;
	if (type == 's') {
		lg_sb_appendn(&tmp, s, len);
	} else if (type == 'I') {
		if (null) {
			lg_udf_error(ctx, LG_SQLSTATE_NULL_VALUE_NOT_ALLOWED,
				     "null values cannot be formatted as an SQL identifier");
			return -1;
		}
		lg_fn_quote_ident(s, len, &tmp);
	} else if (null) {
		lg_sb_append(&tmp, "NULL");
	} else {
		lg_fn_quote_literal(s, len, &tmp);
	}
	append_padded(out, tmp.data ? tmp.data : "", tmp.len, sp);
	lg_sb_free(&tmp);
	return 0;
}

/* Resolves the width from an argument (NULL is 0, negative is left). */
static int arg_width(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *arg, spec_t *sp)
{
	*arg = sp->widthpos > 0 ? sp->widthpos : *arg + 1;
	if (*arg >= argc)
		return fmt_error(ctx, "too few arguments for format()");
	sqlite3_value *w = argv[*arg];
	if (sqlite3_value_type(w) == SQLITE_NULL)
		return 0;
	int64_t v = sqlite3_value_int64(w);
	if (v < 0) {
		sp->left = true;
		v = -v;
	}
	sp->width = v > INT_MAX ? INT_MAX : (int)v;
	return 0;
}

static void fn_format(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *p = (const char *)sqlite3_value_text(argv[0]);
	const char *end = p + sqlite3_value_bytes(argv[0]);
	lg_sb_t out = LG_SB_INIT;
	int arg = 0;
	for (; p < end; p++) {
		if (*p != '%') {
			lg_sb_putc(&out, *p);
			continue;
		}
		if (++p >= end) {
			fmt_error(ctx, "unterminated format() type specifier");
			goto fail;
		}
		if (*p == '%') {
			lg_sb_putc(&out, '%');
			continue;
		}
		spec_t sp;
		if (parse_spec(ctx, &p, end, &sp) ||
		    (sp.widthpos >= 0 && arg_width(ctx, argc, argv, &arg, &sp)))
			goto fail;
		arg = sp.argpos > 0 ? sp.argpos : arg + 1;
		if (*p != 's' && *p != 'I' && *p != 'L') {
			char msg[64];
			snprintf(
				msg, sizeof(msg), "unrecognized format() type specifier \"%.*s\"",
				(int)lg_fn_utf8_len((const unsigned char *)p, 0, (size_t)(end - p)),
				p);
			fmt_error(ctx, msg);
			goto fail;
		}
		if (arg >= argc) {
			fmt_error(ctx, "too few arguments for format()");
			goto fail;
		}
		if (convert(ctx, *p, argv[arg], &sp, &out))
			goto fail;
	}
	lg_fn_result_sb(ctx, &out);
	return;
fail:
	lg_sb_free(&out);
}

int lg_fn_register_fmt(sqlite3 *db, lg_error_t *err)
{
	static int nullable = 1;
	if (lg_fn_register(db, "lg_quote_ident", 1, true, NULL, fn_quote_ident, err) ||
	    lg_fn_register(db, "lg_quote_literal", 1, true, NULL, fn_quote_literal, err) ||
	    lg_fn_register(db, "lg_quote_nullable", 1, true, &nullable, fn_quote_literal, err) ||
	    lg_fn_register(db, "lg_format", -1, true, NULL, fn_format, err) ||
	    lg_fn_register_bytea(db, err))
		return -1;
	return 0;
}
