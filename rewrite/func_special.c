/* Functions whose translation depends on their arguments' types: concat,
 * format and quote_* (each argument as its type prints it), pg_typeof
 * (known here), and the JSON constructors (each value converted by its
 * type: catalog/functions_json.c). */
#include "rewrite/func_int.h"

#include "nodes/nodeFuncs.h"

#include "catalog/sequence.h"

#include <string.h>

static int args_as_text(rw_ctx_t *ctx, farg_t *args, int from, int n)
{
	for (int i = from; i < n; i++)
		if (rw_func_out_text(ctx, &args[i]))
			return -1;
	return 0;
}

int rw_emit_concat(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		   rw_type_t *type)
{
	LG_UNUSED(type);
	if (args_as_text(ctx, args, 0, n))
		return -1;
	if (strcmp(f->name, "concat_ws") == 0) {
		lg_sb_append(out, "lg_concat_ws(");
		rw_func_expand(out, "$*", args, n);
		lg_sb_putc(out, ')');
		return rw_sb_check(ctx, out);
	}
	if (n == 0) {
		lg_sb_append(out, "''");
		return 0;
	}
	lg_sb_putc(out, '(');
	for (int i = 0; i < n; i++) {
		lg_sb_append(out, i ? " || " : "");
		lg_sb_appendf(out, "coalesce(%s, '')", args[i].sb.data);
	}
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

/* The argument is evaluated (its errors are PostgreSQL's too); the name
 * is the type's as format_type prints it without typmod. */
int rw_emit_pg_typeof(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		      rw_type_t *type)
{
	LG_UNUSED(f), LG_UNUSED(n), LG_UNUSED(type);
	const char *name = rw_type_name(ctx, &args[0].t0);
	lg_sb_append(out, "iif(typeof(");
	lg_sb_appendn(out, args[0].sb.data, args[0].sb.len);
	lg_sb_append(out, ") IS NULL, NULL, ");
	lg_sb_append_literal(out, name, strlen(name));
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

int rw_emit_format(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		   rw_type_t *type)
{
	LG_UNUSED(f), LG_UNUSED(type);
	if (args_as_text(ctx, args, 1, n))
		return -1;
	lg_sb_append(out, "lg_format(");
	rw_func_expand(out, "$*", args, n);
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

/* quote_literal(anyelement) is quote_literal($1::text). */
int rw_emit_quote(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		  rw_type_t *type)
{
	LG_UNUSED(n), LG_UNUSED(type);
	rw_type_t text = RW_TYPE(LG_OID_TEXT);
	if (!rw_is_text_type(args[0].t.oid) &&
	    rw_coerce(ctx, &args[0].sb, &args[0].t, &text, 'e', -1))
		return -1;
	lg_sb_appendf(out, "lg_%s(%s)", f->name, args[0].sb.data);
	return rw_sb_check(ctx, out);
}

static bool is_array_type(lg_oid_t oid)
{
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	return t && t->category == 'A';
}

/* value, its type's oid (0: unknown-typed, read as text). */
static int json_arg(rw_ctx_t *ctx, const farg_t *a, lg_sb_t *out)
{
	if (is_array_type(a->t.oid))
		return rw_unsupported(ctx, -1, "arrays in JSON constructors");
	lg_oid_t oid = rw_type_known(&a->t) ? a->t.oid : LG_OID_TEXT;
	lg_sb_appendf(out, ", %s, %u", a->sb.data, oid);
	return 0;
}

/* lg_json_build(flags, value, oid, ...): flags 1 = object, 2 = jsonb. */
int rw_emit_json_build(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		       rw_type_t *type)
{
	bool object = strstr(f->name, "object") != NULL;
	bool jsonb = type->oid == LG_OID_JSONB;
	if (object && n % 2) {
		rw_error(ctx, -1, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
			 "argument list must have even number of elements");
		lg_error_field(ctx->err, LG_ERRF_HINT,
			       "The arguments of %s() must consist of alternating keys and values.",
			       f->name);
		return -1;
	}
	lg_sb_appendf(out, "lg_json_build(%d", (object ? 1 : 0) | (jsonb ? 2 : 0));
	for (int i = 0; i < n; i++)
		if (json_arg(ctx, &args[i], out))
			return -1;
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

int rw_emit_to_json(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
		    rw_type_t *type)
{
	LG_UNUSED(f), LG_UNUSED(n);
	lg_sb_appendf(out, "lg_to_json(%d", type->oid == LG_OID_JSONB ? 2 : 0);
	if (json_arg(ctx, &args[0], out))
		return -1;
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

int rw_emit_unsupported(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
			rw_type_t *type)
{
	LG_UNUSED(out), LG_UNUSED(type);
	lg_sb_t what = LG_SB_INIT;
	lg_sb_appendf(&what, "%s(", f->name);
	for (int i = 0; i < n; i++)
		lg_sb_appendf(&what, "%s%s", i ? ", " : "", rw_type_name(ctx, &args[i].t));
	lg_sb_putc(&what, ')');
	int rc = what.failed ? rw_oom(ctx)
			     : rw_unsupported(ctx, exprLocation(args[0].node), what.data);
	lg_sb_free(&what);
	return rc;
}

/* nextval('name') and friends: PostgreSQL reads a literal argument as
 * regclass when it parses the call, so an unknown name is an error at the
 * literal's position, before anything runs. */
int rw_emit_sequence_fn(rw_ctx_t *ctx, const fdef_t *f, farg_t *args, int n, lg_sb_t *out,
			rw_type_t *type)
{
	LG_UNUSED(type);
	Node *lit = n > 0 ? args[0].node : NULL;
	if (lit && IsA(lit, A_Const) && !castNode(A_Const, lit)->isnull &&
	    IsA(&castNode(A_Const, lit)->val, String) && args[0].t0.oid == LG_OID_UNKNOWN) {
		A_Const *c = castNode(A_Const, lit);
		char schema[LG_CAT_NAME_MAX + 1], name[LG_CAT_NAME_MAX + 1];
		lg_error_t perr = LG_ERROR_INIT;
		if (lg_cat_regclass_parse(strVal(&c->val), schema, name, &perr) < 0) {
			rw_error(ctx, c->location, perr.sqlstate, "%s", perr.message);
			lg_error_clear(&perr);
			return -1;
		}
		int kind = lg_cat_relkind(rw_cat(ctx), schema[0] ? schema : NULL, name, rw_err(ctx));
		if (kind < 0)
			return -1;
		if (kind == 0)
			return rw_error(ctx, c->location, LG_SQLSTATE_UNDEFINED_TABLE,
					"relation \"%s%s%s\" does not exist", schema,
					schema[0] ? "." : "", name);
	}
	lg_sb_appendf(out, "%s(", f->name);
	for (int i = 0; i < n; i++) {
		lg_sb_append(out, i ? ", " : "");
		lg_sb_appendn(out, args[i].sb.data, args[i].sb.len);
	}
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}
