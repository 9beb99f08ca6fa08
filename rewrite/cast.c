/* Types of expressions: type names, literal folding through the codecs,
 * PostgreSQL's cast rules (pg_cast plus I/O conversion) and the SQLite text
 * that converts a value's storage form from one type to another. */
#include "rewrite/rw_internal.h"

#include "catalog/codec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Casts between built-in types from PostgreSQL 15's pg_cast:
 * context 'i' implicit, 'a' assignment, 'e' explicit only. */
static const struct {
	lg_oid_t from, to;
	char context;
} casts[] = {
	{LG_OID_BOOL, LG_OID_INT4, 'e'},
	{LG_OID_CHAR, LG_OID_INT4, 'e'},
	{LG_OID_DATE, LG_OID_TIMESTAMP, 'i'},
	{LG_OID_DATE, LG_OID_TIMESTAMPTZ, 'i'},
	{LG_OID_FLOAT4, LG_OID_FLOAT8, 'i'},
	{LG_OID_FLOAT4, LG_OID_INT2, 'a'},
	{LG_OID_FLOAT4, LG_OID_INT4, 'a'},
	{LG_OID_FLOAT4, LG_OID_INT8, 'a'},
	{LG_OID_FLOAT4, LG_OID_NUMERIC, 'a'},
	{LG_OID_FLOAT8, LG_OID_FLOAT4, 'a'},
	{LG_OID_FLOAT8, LG_OID_INT2, 'a'},
	{LG_OID_FLOAT8, LG_OID_INT4, 'a'},
	{LG_OID_FLOAT8, LG_OID_INT8, 'a'},
	{LG_OID_FLOAT8, LG_OID_NUMERIC, 'a'},
	{LG_OID_INT2, LG_OID_FLOAT4, 'i'},
	{LG_OID_INT2, LG_OID_FLOAT8, 'i'},
	{LG_OID_INT2, LG_OID_INT4, 'i'},
	{LG_OID_INT2, LG_OID_INT8, 'i'},
	{LG_OID_INT2, LG_OID_NUMERIC, 'i'},
	{LG_OID_INT2, LG_OID_OID, 'i'},
	{LG_OID_INT4, LG_OID_BOOL, 'e'},
	{LG_OID_INT4, LG_OID_CHAR, 'e'},
	{LG_OID_INT4, LG_OID_FLOAT4, 'i'},
	{LG_OID_INT4, LG_OID_FLOAT8, 'i'},
	{LG_OID_INT4, LG_OID_INT2, 'a'},
	{LG_OID_INT4, LG_OID_INT8, 'i'},
	{LG_OID_INT4, LG_OID_NUMERIC, 'i'},
	{LG_OID_INT4, LG_OID_OID, 'i'},
	{LG_OID_INT8, LG_OID_FLOAT4, 'i'},
	{LG_OID_INT8, LG_OID_FLOAT8, 'i'},
	{LG_OID_INT8, LG_OID_INT2, 'a'},
	{LG_OID_INT8, LG_OID_INT4, 'a'},
	{LG_OID_INT8, LG_OID_NUMERIC, 'i'},
	{LG_OID_INT8, LG_OID_OID, 'i'},
	{LG_OID_INTERVAL, LG_OID_TIME, 'a'},
	{LG_OID_JSON, LG_OID_JSONB, 'a'},
	{LG_OID_JSONB, LG_OID_BOOL, 'e'},
	{LG_OID_JSONB, LG_OID_FLOAT4, 'e'},
	{LG_OID_JSONB, LG_OID_FLOAT8, 'e'},
	{LG_OID_JSONB, LG_OID_INT2, 'e'},
	{LG_OID_JSONB, LG_OID_INT4, 'e'},
	{LG_OID_JSONB, LG_OID_INT8, 'e'},
	{LG_OID_JSONB, LG_OID_JSON, 'a'},
	{LG_OID_JSONB, LG_OID_NUMERIC, 'e'},
	{LG_OID_NUMERIC, LG_OID_FLOAT4, 'i'},
	{LG_OID_NUMERIC, LG_OID_FLOAT8, 'i'},
	{LG_OID_NUMERIC, LG_OID_INT2, 'a'},
	{LG_OID_NUMERIC, LG_OID_INT4, 'a'},
	{LG_OID_NUMERIC, LG_OID_INT8, 'a'},
	{LG_OID_OID, LG_OID_INT4, 'a'},
	{LG_OID_OID, LG_OID_INT8, 'a'},
	{LG_OID_TIME, LG_OID_INTERVAL, 'i'},
	{LG_OID_TIME, LG_OID_TIMETZ, 'i'},
	{LG_OID_TIMESTAMP, LG_OID_DATE, 'a'},
	{LG_OID_TIMESTAMP, LG_OID_TIME, 'a'},
	{LG_OID_TIMESTAMP, LG_OID_TIMESTAMPTZ, 'i'},
	{LG_OID_TIMESTAMPTZ, LG_OID_DATE, 'a'},
	{LG_OID_TIMESTAMPTZ, LG_OID_TIME, 'a'},
	{LG_OID_TIMESTAMPTZ, LG_OID_TIMESTAMP, 'a'},
	{LG_OID_TIMESTAMPTZ, LG_OID_TIMETZ, 'a'},
	{LG_OID_TIMETZ, LG_OID_TIME, 'a'},
	{LG_OID_TEXT, LG_OID_CHAR, 'a'},
	{LG_OID_VARCHAR, LG_OID_CHAR, 'a'},
	{LG_OID_BPCHAR, LG_OID_CHAR, 'a'},
	{LG_OID_NAME, LG_OID_BPCHAR, 'a'},
	{LG_OID_NAME, LG_OID_VARCHAR, 'a'},
	{LG_OID_CHAR, LG_OID_BPCHAR, 'a'},
	{LG_OID_CHAR, LG_OID_VARCHAR, 'a'},
};

static char type_category(lg_oid_t oid)
{
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	return t ? t->category : 'U';
}

static bool is_string(lg_oid_t oid)
{
	return oid == LG_OID_TEXT || oid == LG_OID_VARCHAR || oid == LG_OID_BPCHAR ||
	       oid == LG_OID_NAME;
}

bool rw_is_numeric_type(lg_oid_t oid)
{
	switch (oid) {
	case LG_OID_INT2:
	case LG_OID_INT4:
	case LG_OID_INT8:
	case LG_OID_NUMERIC:
	case LG_OID_FLOAT4:
	case LG_OID_FLOAT8:
		return true;
	default:
		return false;
	}
}

static lg_oid_t array_elem(lg_oid_t oid)
{
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	return t && t->category == 'A' ? t->elem_oid : 0;
}

static char cast_context(lg_oid_t from, lg_oid_t to);

/* Array casts convert element by element (array_map). Through the text
 * form that is the same wherever the element cast is itself the text
 * round trip: from a string type, to one (except bool's 'true'), or
 * between types that store alike. Others are not supported yet. */
static char array_cast_context(lg_oid_t from, lg_oid_t to)
{
	lg_oid_t ef = array_elem(from), et = array_elem(to);
	if (!ef || !et)
		return 0;
	return cast_context(ef, et);
}

static bool array_cast_by_text(lg_oid_t from, lg_oid_t to)
{
	lg_oid_t ef = array_elem(from), et = array_elem(to);
	if (is_string(ef) && et != LG_OID_CHAR)
		return true;
	if (is_string(et) && ef != LG_OID_BOOL && ef != LG_OID_BPCHAR)
		return true;
	static const lg_oid_t widen[][2] = {
		{LG_OID_INT2, LG_OID_INT4}, {LG_OID_INT2, LG_OID_INT8}, {LG_OID_INT4, LG_OID_INT8},
		{LG_OID_INT2, LG_OID_NUMERIC}, {LG_OID_INT4, LG_OID_NUMERIC},
		{LG_OID_INT8, LG_OID_NUMERIC}, {LG_OID_JSON, LG_OID_JSONB},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(widen); i++)
		if (widen[i][0] == ef && widen[i][1] == et)
			return true;
	return ef == et;
}

/* The context a cast from `from` to `to` needs: 'i', 'a', 'e', or 0 if
 * there is none. Same type is 'i'. */
static char cast_context(lg_oid_t from, lg_oid_t to)
{
	if (from == to)
		return 'i';
	if (array_elem(from) && array_elem(to))
		return array_cast_context(from, to);
	if (is_string(from) && is_string(to))
		return (from == LG_OID_NAME && to != LG_OID_TEXT) ? 'a' : 'i';
	for (size_t i = 0; i < LG_ARRAY_LEN(casts); i++)
		if (casts[i].from == from && casts[i].to == to)
			return casts[i].context;
	/* I/O conversion: anything to a string type by assignment, a string
	 * type to anything explicitly. */
	if (is_string(to) && from != LG_OID_UNKNOWN)
		return 'a';
	if (is_string(from) || from == LG_OID_UNKNOWN)
		return 'e';
	return 0;
}

static bool allowed(char need, char have)
{
	static const char order[] = "iae";
	return need && strchr(order, need) <= strchr(order, have);
}

bool rw_can_coerce(lg_oid_t from, lg_oid_t to, char kind)
{
	if (from == LG_OID_UNKNOWN || from == 0)
		return true;
	return allowed(cast_context(from, to), kind);
}

static int int_rank(lg_oid_t oid)
{
	switch (oid) {
	case LG_OID_INT2:
		return 1;
	case LG_OID_INT4:
		return 2;
	case LG_OID_INT8:
		return 3;
	default:
		return 0;
	}
}

/* Whether the storage form needs no conversion at all. */
static bool same_storage(lg_oid_t from, lg_oid_t to)
{
	if (from == to)
		return true;
	if (int_rank(from) && int_rank(to))
		return int_rank(from) < int_rank(to);
	if (is_string(from) && is_string(to))
		return from != LG_OID_BPCHAR; /* bpchar -> text drops trailing blanks */
	if ((from == LG_OID_TIMESTAMP && to == LG_OID_TIMESTAMPTZ) ||
	    (from == LG_OID_TIMESTAMPTZ && to == LG_OID_TIMESTAMP))
		return true; /* TimeZone is UTC */
	if (from == LG_OID_FLOAT4 && to == LG_OID_FLOAT8)
		return true;
	if ((from == LG_OID_BOOL && to == LG_OID_INT4) ||
	    (to == LG_OID_OID && int_rank(from)) || (from == LG_OID_OID && int_rank(to) >= 2))
		return true;
	return false;
}

static bool is_int_literal(const char *s, size_t n)
{
	size_t i = (n && s[0] == '-') ? 1 : 0;
	if (i == n)
		return false;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int wrap(rw_ctx_t *ctx, lg_sb_t *expr, const char *pre, const char *post)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_append(&sb, pre);
	lg_sb_appendn(&sb, expr->data, expr->len);
	lg_sb_append(&sb, post);
	int rc = rw_sb_check(ctx, &sb);
	if (rc == 0) {
		lg_sb_reset(expr);
		lg_sb_appendn(expr, sb.data, sb.len);
		rc = rw_sb_check(ctx, expr);
	}
	lg_sb_free(&sb);
	return rc;
}

/* The SQLite conversion of a value of `from` into `to`. */
static int convert(rw_ctx_t *ctx, lg_sb_t *expr, const rw_type_t *from, const rw_type_t *to)
{
	lg_oid_t f = from->oid, t = to->oid;
	bool typmod_change = to->typmod >= 0 && to->typmod != from->typmod;
	if (!typmod_change && same_storage(f, t))
		return 0;
	if (expr->len == 4 && memcmp(expr->data, "NULL", 4) == 0)
		return 0;
	if (!typmod_change && int_rank(f) && t == LG_OID_NUMERIC) {
		if (is_int_literal(expr->data, expr->len)) {
			lg_sb_t lit = LG_SB_INIT;
			lg_sb_append_literal(&lit, expr->data, expr->len);
			lg_sb_reset(expr);
			lg_sb_appendn(expr, lit.data, lit.len);
			lg_sb_free(&lit);
			return rw_sb_check(ctx, expr);
		}
		return wrap(ctx, expr, "CAST(", " AS TEXT)");
	}
	if (!typmod_change && (int_rank(f) || f == LG_OID_NUMERIC) &&
	    (t == LG_OID_FLOAT8 || (t == LG_OID_FLOAT4 && int_rank(f) < 3 && int_rank(f))))
		return wrap(ctx, expr, "CAST(", " AS REAL)");
	if (f == LG_OID_INT4 && t == LG_OID_BOOL)
		return wrap(ctx, expr, "(", " <> 0)");
	char post[64];
	snprintf(post, sizeof(post), ", %u, %u, %d)", f, t, (int)to->typmod);
	return wrap(ctx, expr, "lg_cast(", post);
}

/* An explicit cast to varchar(n) or char(n) cuts the value to n
 * characters (an assignment would raise 22001). */
static int explicit_length(rw_ctx_t *ctx, lg_sb_t *expr, const rw_type_t *from,
			   const rw_type_t *to)
{
	rw_type_t plain = {to->oid, -1};
	char post[32];
	snprintf(post, sizeof(post), ", 1, %d)", (int)(to->typmod - 4));
	if (convert(ctx, expr, from, &plain) || wrap(ctx, expr, "substr(", post))
		return -1;
	return convert(ctx, expr, &plain, to);
}

int rw_coerce(rw_ctx_t *ctx, lg_sb_t *expr, const rw_type_t *from, const rw_type_t *to,
	      char kind, int location)
{
	if (!rw_type_known(to))
		return 0;
	if (!rw_type_known(from)) { /* NULL or text of an unresolved literal */
		if (from->oid == LG_OID_UNKNOWN && expr->len == 4 &&
		    memcmp(expr->data, "NULL", 4) == 0)
			return 0;
		if (kind == 'e' && (to->oid == LG_OID_VARCHAR || to->oid == LG_OID_BPCHAR) &&
		    to->typmod >= 4)
			return explicit_length(ctx, expr, &RW_TYPE(LG_OID_TEXT), to);
		return convert(ctx, expr, &RW_TYPE(LG_OID_TEXT), to);
	}
	if (!allowed(cast_context(from->oid, to->oid), kind)) {
		if (kind != 'e')
			return -2;
		return rw_error(ctx, location, LG_SQLSTATE_CANNOT_COERCE,
				"cannot cast type %s to %s", rw_type_name(ctx, from),
				rw_type_name(ctx, to));
	}
	if (from->oid != to->oid && array_elem(from->oid) &&
	    !array_cast_by_text(from->oid, to->oid)) {
		lg_sb_t what = LG_SB_INIT;
		lg_sb_appendf(&what, "cast from %s to %s", rw_type_name(ctx, from),
			      rw_type_name(ctx, to));
		int rc = rw_unsupported(ctx, location, what.failed ? "this array cast" : what.data);
		lg_sb_free(&what);
		return rc;
	}
	if (kind == 'e' && (to->oid == LG_OID_VARCHAR || to->oid == LG_OID_BPCHAR) &&
	    to->typmod >= 4)
		return explicit_length(ctx, expr, from, to);
	return convert(ctx, expr, from, to);
}

const char *rw_type_name(rw_ctx_t *ctx, const rw_type_t *t)
{
	if (t->oid == 0 || t->oid == LG_OID_UNKNOWN)
		return "unknown";
	lg_sb_t sb = LG_SB_INIT;
	lg_cat_format_type(&sb, t->oid, -1);
	char *s = rw_sb_dup(ctx, &sb);
	lg_sb_free(&sb);
	return s ? s : "?";
}

int rw_typename(rw_ctx_t *ctx, TypeName *tn, rw_type_t *out)
{
	if (tn->setof || tn->pct_type)
		return rw_unsupported(ctx, tn->location, "this type specification");
	int n = list_length(tn->names);
	const char *name = strVal(llast(tn->names));
	if (n > 2 || (n == 2 && strcmp(strVal(linitial(tn->names)), "pg_catalog") != 0 &&
		      strcmp(strVal(linitial(tn->names)), "public") != 0))
		return rw_error(ctx, tn->location, LG_SQLSTATE_UNDEFINED_OBJECT,
				"type \"%s\" does not exist", rw_name_list(ctx, tn->names));
	const lg_type_t *t = lg_cat_type_by_name(name);
	if (!t)
		return rw_error(ctx, tn->location, LG_SQLSTATE_UNDEFINED_OBJECT,
				"type \"%s\" does not exist", rw_name_list(ctx, tn->names));
	int32_t mods[4];
	int nmods = 0;
	ListCell *lc;
	foreach (lc, tn->typmods) {
		Node *m = lfirst(lc);
		if (!IsA(m, A_Const) || !IsA(&((A_Const *)m)->val, Integer) || nmods == 4)
			return rw_error(ctx, tn->location, LG_SQLSTATE_SYNTAX_ERROR,
					"type modifiers must be simple constants or identifiers");
		mods[nmods++] = intVal(&((A_Const *)m)->val);
	}
	int32_t typmod = -1;
	if (lg_cat_typmod(t->oid, mods, nmods, &typmod, ctx->err)) {
		ctx->err->position = 0;
		return rw_error(ctx, tn->location, ctx->err->sqlstate, "%s",
				lg_error_message(ctx->err));
	}
	lg_oid_t oid = t->oid;
	if (tn->arrayBounds) {
		if (!t->array_oid)
			return rw_unsupported(ctx, tn->location, "arrays of this type");
		oid = t->array_oid;
	}
	*out = (rw_type_t){oid, typmod};
	return 0;
}

static void append_real(lg_sb_t *out, double r)
{
	if (isinf(r)) {
		lg_sb_append(out, r > 0 ? "9e999" : "-9e999");
		return;
	}
	char buf[40];
	snprintf(buf, sizeof(buf), "%.17g", r);
	lg_sb_append(out, buf);
	if (!strpbrk(buf, ".eEn"))
		lg_sb_append(out, ".0");
}

int rw_literal(rw_ctx_t *ctx, const char *text, size_t len, const rw_type_t *t, int location,
	       lg_sb_t *out)
{
	lg_value_t v;
	lg_oid_t oid = rw_type_known(t) ? t->oid : LG_OID_TEXT;
	/* Input errors point at the literal; PostgreSQL applies the typmod
	 * (varchar length, numeric scale) later, at plan time, without one. */
	int32_t typmod = rw_type_known(t) ? t->typmod : -1;
	if (lg_codec_decode_text(oid, -1, text, len, &ctx->arena, &v, ctx->err)) {
		rw_error_position(ctx, location);
		return -1;
	}
	if (typmod >= 0 && lg_codec_decode_text(oid, typmod, text, len, &ctx->arena, &v, ctx->err))
		return -1;
	switch (v.kind) {
	case LG_VAL_NULL:
		lg_sb_append(out, "NULL");
		break;
	case LG_VAL_INT:
		lg_sb_appendf(out, "%lld", (long long)v.i);
		break;
	case LG_VAL_REAL:
		if (isnan(v.r))
			return rw_unsupported(ctx, location, "NaN in float literals");
		append_real(out, v.r);
		break;
	case LG_VAL_TEXT:
		lg_sb_append_literal(out, v.s, v.len);
		break;
	case LG_VAL_BLOB:
		lg_sb_append(out, "X'");
		for (size_t i = 0; i < v.len; i++)
			lg_sb_appendf(out, "%02x", (unsigned char)v.s[i]);
		lg_sb_putc(out, '\'');
		break;
	}
	return rw_sb_check(ctx, out);
}

/* ---- common type (select_common_type) ---- */

static bool preferred(lg_oid_t oid)
{
	return oid == LG_OID_FLOAT8 || oid == LG_OID_TEXT || oid == LG_OID_TIMESTAMPTZ ||
	       oid == LG_OID_BOOL || oid == LG_OID_INTERVAL || oid == LG_OID_OID;
}

int rw_common_type(rw_ctx_t *ctx, const rw_type_t *types, const int *locations, int n,
		   const char *what, rw_type_t *out)
{
	int p = -1;
	for (int i = 0; i < n; i++) {
		if (!rw_type_known(&types[i]))
			continue;
		if (p < 0) {
			p = i;
			continue;
		}
		lg_oid_t pt = types[p].oid, nt = types[i].oid;
		if (nt == pt)
			continue;
		if (type_category(nt) != type_category(pt))
			return rw_error(ctx, locations ? locations[i] : -1,
					LG_SQLSTATE_DATATYPE_MISMATCH,
					"%s types %s and %s cannot be matched", what,
					rw_type_name(ctx, &types[p]), rw_type_name(ctx, &types[i]));
		if (!preferred(pt) && cast_context(pt, nt) == 'i' && cast_context(nt, pt) != 'i')
			p = i;
	}
	if (p < 0) {
		*out = RW_TYPE(LG_OID_TEXT);
		return 0;
	}
	*out = RW_TYPE(types[p].oid);
	/* All inputs of one type and typmod keep the typmod. */
	bool same = true;
	for (int i = 0; i < n; i++)
		if (rw_type_known(&types[i]) && (types[i].oid != types[p].oid ||
						 types[i].typmod != types[p].typmod))
			same = false;
	if (same)
		out->typmod = types[p].typmod;
	return 0;
}
