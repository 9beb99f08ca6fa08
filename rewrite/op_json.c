/* Operators beyond op.c's: json and jsonb (-> ->> #> #>> @> <@ ? ?| ?&),
 * evaluated by catalog/functions_json.c on the stored text; regular
 * expression matches (~ ~* !~ !~*, catalog/regex.c); ILIKE spelled ~~*. */
#include "rewrite/rw_internal.h"

#include "nodes/nodeFuncs.h"

#include <string.h>

static bool is_text_oid(lg_oid_t o)
{
	return o == LG_OID_TEXT || o == LG_OID_VARCHAR || o == LG_OID_BPCHAR || o == LG_OID_NAME;
}

typedef struct jop {
	const char *op;
	lg_oid_t right; /* the right operand's type; 0: the left one's */
	lg_oid_t result; /* 0: the left operand's type */
	bool jsonb_only;
} jop_t;

static const jop_t jops[] = {
	{"->", LG_OID_TEXT, 0, false},
	{"->>", LG_OID_TEXT, LG_OID_TEXT, false},
	{"#>", LG_OID_TEXT_ARRAY, 0, false},
	{"#>>", LG_OID_TEXT_ARRAY, LG_OID_TEXT, false},
	{"@>", 0, LG_OID_BOOL, true},
	{"<@", 0, LG_OID_BOOL, true},
	{"?", LG_OID_TEXT, LG_OID_BOOL, true},
	{"?|", LG_OID_TEXT_ARRAY, LG_OID_BOOL, true},
	{"?&", LG_OID_TEXT_ARRAY, LG_OID_BOOL, true},
};

static const jop_t *find_jop(const char *op)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(jops); i++)
		if (strcmp(jops[i].op, op) == 0)
			return &jops[i];
	return NULL;
}

static int no_operator(rw_ctx_t *ctx, const char *op, const rw_type_t *a, const rw_type_t *b,
		       int location, bool ambiguous)
{
	rw_error(ctx, location,
		 ambiguous ? LG_SQLSTATE_AMBIGUOUS_FUNCTION : LG_SQLSTATE_UNDEFINED_FUNCTION,
		 "operator %s: %s %s %s", ambiguous ? "is not unique" : "does not exist",
		 rw_type_name(ctx, a), op, rw_type_name(ctx, b));
	lg_error_field(ctx->err, LG_ERRF_HINT,
		       ambiguous ? "Could not choose a best candidate operator. You might need to "
				   "add explicit type casts."
				 : "No operator matches the given name and argument types. You "
				   "might need to add explicit type casts.");
	return -1;
}

/* The right operand: an integer for -> and ->> picks an array element. */
static int right_operand(rw_ctx_t *ctx, const jop_t *j, lg_oid_t left, Node *n, lg_sb_t *out,
			 rw_type_t *t)
{
	rw_type_t want = RW_TYPE(j->right ? j->right : left);
	if (rw_expr(ctx, n, NULL, out, t))
		return -1;
	if (!rw_type_known(t)) {
		lg_sb_reset(out);
		return rw_expr(ctx, n, &want, out, t);
	}
	bool index = (strcmp(j->op, "->") == 0 || strcmp(j->op, "->>") == 0) &&
		     (t->oid == LG_OID_INT4 || t->oid == LG_OID_INT2);
	if (index)
		return 0;
	if (t->oid == want.oid ||
	    (want.oid == LG_OID_TEXT &&
	     (t->oid == LG_OID_VARCHAR || t->oid == LG_OID_BPCHAR || t->oid == LG_OID_NAME)))
		return 0;
	if (rw_can_coerce(t->oid, want.oid, 'i') &&
	    rw_coerce(ctx, out, t, &want, 'i', exprLocation(n)) == 0) {
		*t = want;
		return 0;
	}
	return 1;
}

static void emit(const jop_t *j, bool jsonb, const lg_sb_t *a, const lg_sb_t *b, lg_sb_t *out)
{
	int flags = (jsonb ? 2 : 0) | (j->result == LG_OID_TEXT ? 1 : 0);
	const char *op = j->op;
	if (op[0] == '-')
		lg_sb_appendf(out, "lg_json_get(%s, %s, %d)", a->data, b->data, flags);
	else if (op[0] == '#')
		lg_sb_appendf(out, "lg_json_path(%s, lg_array_json(%s, %u), %d)", a->data, b->data,
			      LG_OID_TEXT, flags);
	else if (strcmp(op, "@>") == 0)
		lg_sb_appendf(out, "lg_jsonb_contains(%s, %s)", a->data, b->data);
	else if (strcmp(op, "<@") == 0)
		lg_sb_appendf(out, "lg_jsonb_contains(%s, %s)", b->data, a->data);
	else if (strcmp(op, "?") == 0)
		lg_sb_appendf(out, "lg_jsonb_exists(%s, %s, 0)", a->data, b->data);
	else
		lg_sb_appendf(out, "lg_jsonb_exists(%s, lg_array_json(%s, %u), %d)", a->data,
			      b->data, LG_OID_TEXT, op[1] == '|' ? 1 : 2);
}

static int json_op(rw_ctx_t *ctx, const jop_t *j, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	lg_sb_t a = LG_SB_INIT, b = LG_SB_INIT;
	rw_type_t ta, tb = RW_TYPE(0);
	int rc = rw_expr(ctx, e->lexpr, NULL, &a, &ta);
	if (rc == 0 && !rw_type_known(&ta)) {
		/* an untyped left side: only @> and <@ have one jsonb reading */
		if (j->jsonb_only && j->right == 0) {
			lg_sb_reset(&a);
			rc = rw_expr(ctx, e->lexpr, &RW_TYPE(LG_OID_JSONB), &a, &ta);
		} else {
			rc = no_operator(ctx, j->op, &ta, &RW_TYPE(LG_OID_UNKNOWN), e->location,
					 true);
		}
	}
	bool jsonb = ta.oid == LG_OID_JSONB;
	if (rc == 0 && !(jsonb || (ta.oid == LG_OID_JSON && !j->jsonb_only))) {
		rw_expr(ctx, e->rexpr, NULL, &b, &tb);
		rc = no_operator(ctx, j->op, &ta, &tb, e->location, false);
	}
	if (rc == 0) {
		rc = right_operand(ctx, j, ta.oid, e->rexpr, &b, &tb);
		if (rc == 1)
			rc = no_operator(ctx, j->op, &ta, &tb, e->location, false);
	}
	if (rc == 0) {
		emit(j, jsonb, &a, &b, out);
		*type = RW_TYPE(j->result ? j->result : ta.oid);
	}
	lg_sb_free(&a);
	lg_sb_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* text ~ text and friends: catalog/regex.c. Both sides are read as text
 * (bpchar keeps its padding, as bpcharregexeq sees it). */
static int regex_op(rw_ctx_t *ctx, const char *op, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	bool neg = op[0] == '!', icase = op[strlen(op) - 1] == '*';
	lg_sb_t a = LG_SB_INIT, b = LG_SB_INIT;
	rw_type_t ta, tb, text = RW_TYPE(LG_OID_TEXT);
	int rc = rw_expr(ctx, e->lexpr, NULL, &a, &ta);
	if (rc == 0)
		rc = rw_expr(ctx, e->rexpr, NULL, &b, &tb);
	bool ok = (!rw_type_known(&ta) || is_text_oid(ta.oid)) &&
		  (!rw_type_known(&tb) || is_text_oid(tb.oid));
	if (rc == 0 && !ok)
		rc = no_operator(ctx, op, &ta, &tb, e->location, false);
	if (rc == 0 && !rw_type_known(&ta)) {
		lg_sb_reset(&a);
		rc = rw_expr(ctx, e->lexpr, &text, &a, &ta);
	}
	if (rc == 0 && !rw_type_known(&tb)) {
		lg_sb_reset(&b);
		rc = rw_expr(ctx, e->rexpr, &text, &b, &tb);
	}
	if (rc == 0) {
		lg_sb_appendf(out, "%slg_regex_match(%s, %s, '%s')", neg ? "NOT " : "", a.data,
			      b.data, icase ? "i" : "");
		*type = RW_TYPE(LG_OID_BOOL);
	}
	lg_sb_free(&a);
	lg_sb_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

int rw_op_more(rw_ctx_t *ctx, const char *op, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	if (e->lexpr && (strcmp(op, "~") == 0 || strcmp(op, "~*") == 0 || strcmp(op, "!~") == 0 ||
			 strcmp(op, "!~*") == 0))
		return regex_op(ctx, op, e, out, type);
	const jop_t *j = find_jop(op);
	if (j && e->lexpr)
		return json_op(ctx, j, e, out, type);
	if (strcmp(op, "~~*") == 0 || strcmp(op, "!~~*") == 0) {
		A_Expr like = *e;
		like.kind = AEXPR_ILIKE;
		return rw_op_expr(ctx, &like, NULL, out, type);
	}
	return 1;
}
