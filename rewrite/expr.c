/* Expressions: constants, parameters, column references, casts and the
 * boolean and conditional constructs. Operators are in op.c, functions in
 * func.c, subqueries in select.c. Every expression gets its PostgreSQL type;
 * untyped literals and parameters take the type their context wants. */
#include "rewrite/rw_internal.h"

#include "catalog/codec.h"
#include "nodes/nodeFuncs.h"

#include <string.h>

void rw_append_operand(lg_sb_t *out, const char *text, size_t len)
{
	/* One token, a call or an already parenthesized expression needs no
	 * parentheses; anything else gets them so SQLite's precedence (which
	 * differs from PostgreSQL's) cannot regroup it. */
	bool simple = true;
	int depth = 0;
	bool quote = false;
	char q = 0;
	for (size_t i = 0; i < len && simple; i++) {
		char c = text[i];
		if (quote) {
			if (c == q)
				quote = false;
			continue;
		}
		if (c == '\'' || c == '"') {
			quote = true;
			q = c;
		} else if (c == '(') {
			depth++;
		} else if (c == ')') {
			depth--;
		} else if (depth == 0 && (c == ' ' || (c == '-' && i > 0))) {
			simple = false;
		}
	}
	if (simple) {
		lg_sb_appendn(out, text, len);
		return;
	}
	lg_sb_putc(out, '(');
	lg_sb_appendn(out, text, len);
	lg_sb_putc(out, ')');
}

/* ---- constants ---- */

static int const_expr(rw_ctx_t *ctx, A_Const *c, const rw_type_t *want, lg_sb_t *out,
		      rw_type_t *type)
{
	if (c->isnull) {
		lg_sb_append(out, "NULL");
		*type = (want && rw_type_known(want)) ? *want : RW_TYPE(LG_OID_UNKNOWN);
		return 0;
	}
	switch (nodeTag(&c->val)) {
	case T_Integer:
		lg_sb_appendf(out, "%d", intVal(&c->val));
		*type = RW_TYPE(LG_OID_INT4);
		return 0;
	case T_Float: {
		/* Integers too big for int4 arrive as Float: int8 if they fit. */
		const char *s = castNode(Float, &c->val)->fval;
		bool integral = strspn(s, "-0123456789") == strlen(s);
		if (integral) {
			lg_value_t v;
			lg_error_t e = LG_ERROR_INIT;
			int rc = lg_codec_decode_text(LG_OID_INT8, -1, s, strlen(s), &ctx->arena,
						      &v, &e);
			lg_error_clear(&e);
			if (rc == 0) {
				lg_sb_appendf(out, "%lld", (long long)v.i);
				*type = RW_TYPE(LG_OID_INT8);
				return 0;
			}
		}
		*type = RW_TYPE(LG_OID_NUMERIC);
		return rw_literal(ctx, s, strlen(s), type, c->location, out);
	}
	case T_Boolean:
		lg_sb_append(out, boolVal(&c->val) ? "1" : "0");
		*type = RW_TYPE(LG_OID_BOOL);
		return 0;
	case T_String: {
		const char *s = strVal(&c->val);
		if (want && rw_type_known(want)) {
			*type = *want;
			return rw_literal(ctx, s, strlen(s), want, c->location, out);
		}
		lg_sb_append_literal(out, s, strlen(s));
		*type = RW_TYPE(LG_OID_UNKNOWN);
		return 0;
	}
	case T_BitString:
		return rw_unsupported(ctx, c->location, "bit string literals");
	default:
		return rw_unsupported(ctx, c->location, "this constant");
	}
}

/* ---- casts ---- */

/* A numeric constant converted to numeric/float (1.5::numeric(3,1), 12 into
 * a numeric(10,2) column) is folded like PostgreSQL's constant folding. */
static int fold_number(rw_ctx_t *ctx, Node *n, const rw_type_t *to, lg_sb_t *out)
{
	if (!IsA(n, A_Const) || ((A_Const *)n)->isnull ||
	    (to->oid != LG_OID_NUMERIC && to->oid != LG_OID_FLOAT8 && to->oid != LG_OID_FLOAT4))
		return 1;
	A_Const *c = (A_Const *)n;
	char buf[32];
	const char *text;
	if (IsA(&c->val, Integer)) {
		snprintf(buf, sizeof(buf), "%d", intVal(&c->val));
		text = buf;
	} else if (IsA(&c->val, Float)) {
		text = castNode(Float, &c->val)->fval;
	} else {
		return 1;
	}
	/* The constant is a numeric first, and numeric has no negative zero:
	 * (-0.0)::float8 is 0. */
	if (text[0] == '-' && strspn(text + 1, "0.") == strcspn(text + 1, "eE"))
		text++;
	return rw_literal(ctx, text, strlen(text), to, c->location, out);
}

static bool is_unknown_literal(Node *n)
{
	return IsA(n, A_Const) &&
	       (((A_Const *)n)->isnull || IsA(&((A_Const *)n)->val, String));
}

static int type_cast(rw_ctx_t *ctx, TypeCast *tc, lg_sb_t *out, rw_type_t *type)
{
	rw_type_t to;
	if (rw_typename(ctx, tc->typeName, &to))
		return -1;
	*type = to;
	Node *arg = tc->arg;
	bool cuts = (to.oid == LG_OID_VARCHAR || to.oid == LG_OID_BPCHAR) && to.typmod >= 4;
	if (is_unknown_literal(arg) && !cuts)
		return const_expr(ctx, (A_Const *)arg, &to, out, type);
	/* 'hello'::varchar(3): read as varchar, then cut like any explicit cast */
	rw_type_t plain = {to.oid, -1};
	if (is_unknown_literal(arg) && ((A_Const *)arg)->isnull)
		return const_expr(ctx, (A_Const *)arg, &to, out, type);
	int rc = fold_number(ctx, arg, &to, out);
	if (rc != 1)
		return rc;
	/* `$1::int4` gives the parameter its type. */
	const rw_type_t *want = IsA(arg, ParamRef) ? &to : is_unknown_literal(arg) ? &plain : NULL;
	lg_sb_t e = LG_SB_INIT;
	rw_type_t from;
	rc = rw_expr(ctx, arg, want, &e, &from);
	if (rc == 0)
		rc = rw_coerce(ctx, &e, &from, &to, 'e', tc->location);
	if (rc == 0)
		lg_sb_appendn(out, e.data, e.len);
	lg_sb_free(&e);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* ---- booleans ---- */

/* Translates an argument that must be boolean (AND, WHERE, CASE WHEN). */
static int bool_arg(rw_ctx_t *ctx, Node *n, const char *what, lg_sb_t *out)
{
	rw_type_t t;
	lg_sb_t e = LG_SB_INIT;
	int rc = rw_expr(ctx, n, &RW_TYPE(LG_OID_BOOL), &e, &t);
	if (rc == 0 && t.oid == LG_OID_UNKNOWN) {
		/* a NULL: fine as a boolean */
	} else if (rc == 0 && t.oid != LG_OID_BOOL) {
		rc = rw_error(ctx, exprLocation(n), LG_SQLSTATE_DATATYPE_MISMATCH,
			      "argument of %s must be type boolean, not type %s", what,
			      rw_type_name(ctx, &t));
	}
	if (rc == 0)
		rw_append_operand(out, e.data, e.len);
	lg_sb_free(&e);
	return rc ? -1 : rw_sb_check(ctx, out);
}

int rw_expr_bool(rw_ctx_t *ctx, Node *node, const char *clause, lg_sb_t *out)
{
	return bool_arg(ctx, node, clause, out);
}

static int bool_expr(rw_ctx_t *ctx, BoolExpr *b, lg_sb_t *out, rw_type_t *type)
{
	*type = RW_TYPE(LG_OID_BOOL);
	if (b->boolop == NOT_EXPR) {
		lg_sb_append(out, "NOT ");
		return bool_arg(ctx, linitial(b->args), "NOT", out);
	}
	const char *kw = b->boolop == AND_EXPR ? " AND " : " OR ";
	ListCell *lc;
	foreach (lc, b->args) {
		if (lc != list_head(b->args))
			lg_sb_append(out, kw);
		if (bool_arg(ctx, lfirst(lc), b->boolop == AND_EXPR ? "AND" : "OR", out))
			return -1;
	}
	return 0;
}

static int null_test(rw_ctx_t *ctx, NullTest *nt, lg_sb_t *out, rw_type_t *type)
{
	if (nt->argisrow)
		return rw_unsupported(ctx, nt->location, "IS NULL on a row");
	lg_sb_t e = LG_SB_INIT;
	rw_type_t t;
	int rc = rw_expr(ctx, (Node *)nt->arg, NULL, &e, &t);
	if (rc == 0) {
		rw_append_operand(out, e.data, e.len);
		lg_sb_append(out, nt->nulltesttype == IS_NULL ? " IS NULL" : " IS NOT NULL");
	}
	lg_sb_free(&e);
	*type = RW_TYPE(LG_OID_BOOL);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int boolean_test(rw_ctx_t *ctx, BooleanTest *bt, lg_sb_t *out, rw_type_t *type)
{
	static const char *const tests[] = {
		[IS_TRUE] = " IS TRUE",       [IS_NOT_TRUE] = " IS NOT TRUE",
		[IS_FALSE] = " IS FALSE",     [IS_NOT_FALSE] = " IS NOT FALSE",
		[IS_UNKNOWN] = " IS NULL",    [IS_NOT_UNKNOWN] = " IS NOT NULL",
	};
	static const char *const names[] = {
		[IS_TRUE] = "IS TRUE",       [IS_NOT_TRUE] = "IS NOT TRUE",
		[IS_FALSE] = "IS FALSE",     [IS_NOT_FALSE] = "IS NOT FALSE",
		[IS_UNKNOWN] = "IS UNKNOWN", [IS_NOT_UNKNOWN] = "IS NOT UNKNOWN",
	};
	*type = RW_TYPE(LG_OID_BOOL);
	if (bool_arg(ctx, (Node *)bt->arg, names[bt->booltesttype], out))
		return -1;
	lg_sb_append(out, tests[bt->booltesttype]);
	return rw_sb_check(ctx, out);
}

/* ---- CASE, COALESCE, GREATEST/LEAST: branches of a common type ---- */

typedef struct branches {
	int n;
	Node **nodes;
	lg_sb_t *sql;
	rw_type_t *types;
	int *locs;
} branches_t;

static void branches_free(branches_t *b)
{
	for (int i = 0; i < b->n; i++)
		lg_sb_free(&b->sql[i]);
}

/* Translates each branch, picks the common type, and converts each branch
 * to it (untyped literals are re-read as that type). */
static int branches_resolve(rw_ctx_t *ctx, branches_t *b, const char *what, rw_type_t *common)
{
	for (int i = 0; i < b->n; i++) {
		b->locs[i] = exprLocation(b->nodes[i]);
		if (rw_expr(ctx, b->nodes[i], NULL, &b->sql[i], &b->types[i]))
			return -1;
	}
	if (rw_common_type(ctx, b->types, b->locs, b->n, what, common))
		return -1;
	for (int i = 0; i < b->n; i++) {
		if (b->types[i].oid == LG_OID_UNKNOWN) {
			lg_sb_reset(&b->sql[i]);
			if (rw_expr(ctx, b->nodes[i], common, &b->sql[i], &b->types[i]))
				return -1;
		}
		int rc = rw_coerce(ctx, &b->sql[i], &b->types[i], common, 'i', b->locs[i]);
		if (rc == -2)
			return rw_error(ctx, b->locs[i], LG_SQLSTATE_DATATYPE_MISMATCH,
					"%s could not convert type %s to %s", what,
					rw_type_name(ctx, &b->types[i]), rw_type_name(ctx, common));
		if (rc)
			return -1;
	}
	return 0;
}

static int branches_init(rw_ctx_t *ctx, branches_t *b, int n)
{
	b->n = 0;
	b->nodes = rw_alloc(ctx, sizeof(Node *) * (size_t)n);
	b->sql = rw_alloc(ctx, sizeof(lg_sb_t) * (size_t)n);
	b->types = rw_alloc(ctx, sizeof(rw_type_t) * (size_t)n);
	b->locs = rw_alloc(ctx, sizeof(int) * (size_t)n);
	return (b->nodes && b->sql && b->types && b->locs) ? 0 : -1;
}

static void branches_add(branches_t *b, Node *n)
{
	b->nodes[b->n] = n;
	lg_sb_init(&b->sql[b->n]);
	b->n++;
}

static int case_expr(rw_ctx_t *ctx, CaseExpr *c, lg_sb_t *out, rw_type_t *type)
{
	branches_t b;
	int nw = list_length(c->args);
	if (branches_init(ctx, &b, nw + 1))
		return -1;
	ListCell *lc;
	foreach (lc, c->args)
		branches_add(&b, (Node *)lfirst_node(CaseWhen, lc)->result);
	if (c->defresult)
		branches_add(&b, (Node *)c->defresult);
	int rc = branches_resolve(ctx, &b, "CASE", type);
	/* The operand of a simple CASE is compared with each WHEN value. */
	lg_sb_t arg = LG_SB_INIT;
	rw_type_t at = RW_TYPE(0);
	if (rc == 0 && c->arg)
		rc = rw_expr(ctx, (Node *)c->arg, NULL, &arg, &at);
	if (rc == 0) {
		lg_sb_append(out, "CASE");
		if (c->arg) {
			lg_sb_putc(out, ' ');
			rw_append_operand(out, arg.data, arg.len);
			if (at.oid == LG_OID_NUMERIC)
				lg_sb_append(out, " COLLATE lg_numeric");
		}
	}
	int i = 0;
	foreach (lc, c->args) {
		if (rc)
			break;
		CaseWhen *w = lfirst_node(CaseWhen, lc);
		lg_sb_append(out, " WHEN ");
		if (c->arg) {
			rw_type_t wt;
			lg_sb_t e = LG_SB_INIT;
			rc = rw_expr(ctx, (Node *)w->expr, &at, &e, &wt);
			if (rc == 0)
				rc = rw_coerce(ctx, &e, &wt, &at, 'i', exprLocation((Node *)w->expr));
			if (rc == -2)
				rc = rw_error(ctx, exprLocation((Node *)w->expr),
					      LG_SQLSTATE_UNDEFINED_FUNCTION,
					      "operator does not exist: %s = %s",
					      rw_type_name(ctx, &at), rw_type_name(ctx, &wt));
			if (rc == 0)
				rw_append_operand(out, e.data, e.len);
			lg_sb_free(&e);
		} else {
			rc = bool_arg(ctx, (Node *)w->expr, "CASE/WHEN", out);
		}
		lg_sb_append(out, " THEN ");
		rw_append_operand(out, b.sql[i].data, b.sql[i].len);
		i++;
	}
	if (rc == 0) {
		if (c->defresult) {
			lg_sb_append(out, " ELSE ");
			rw_append_operand(out, b.sql[i].data, b.sql[i].len);
		}
		lg_sb_append(out, " END");
	}
	lg_sb_free(&arg);
	branches_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int list_branches(rw_ctx_t *ctx, List *args, const char *what, branches_t *b,
			 rw_type_t *type)
{
	if (branches_init(ctx, b, list_length(args)))
		return -1;
	ListCell *lc;
	foreach (lc, args)
		branches_add(b, lfirst(lc));
	return branches_resolve(ctx, b, what, type);
}

static void append_args(lg_sb_t *out, const branches_t *b, const char *collate)
{
	for (int i = 0; i < b->n; i++) {
		if (i)
			lg_sb_append(out, ", ");
		lg_sb_appendn(out, b->sql[i].data, b->sql[i].len);
		if (collate)
			lg_sb_append(out, collate);
	}
}

static int coalesce_expr(rw_ctx_t *ctx, CoalesceExpr *c, lg_sb_t *out, rw_type_t *type)
{
	branches_t b;
	int rc = list_branches(ctx, c->args, "COALESCE", &b, type);
	if (rc == 0) {
		if (b.n == 1) {
			lg_sb_appendn(out, b.sql[0].data, b.sql[0].len);
		} else {
			lg_sb_append(out, "coalesce(");
			append_args(out, &b, NULL);
			lg_sb_putc(out, ')');
		}
	}
	branches_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* GREATEST/LEAST ignore NULLs (SQLite's max()/min() do not): UDFs. */
static int minmax_expr(rw_ctx_t *ctx, MinMaxExpr *m, lg_sb_t *out, rw_type_t *type)
{
	const char *what = m->op == IS_GREATEST ? "GREATEST" : "LEAST";
	branches_t b;
	int rc = list_branches(ctx, m->args, what, &b, type);
	if (rc == 0) {
		lg_sb_append(out, m->op == IS_GREATEST ? "lg_greatest(" : "lg_least(");
		lg_sb_append(out, type->oid == LG_OID_NUMERIC ? "1, " : "0, ");
		append_args(out, &b, NULL);
		lg_sb_putc(out, ')');
	}
	branches_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* ---- column and parameter references ---- */

static int column_ref(rw_ctx_t *ctx, ColumnRef *cr, lg_sb_t *out, rw_type_t *type)
{
	if (IsA(llast(cr->fields), A_Star))
		return rw_error(ctx, cr->location, LG_SQLSTATE_SYNTAX_ERROR,
				"row expansion via \"*\" is not supported here");
	const rw_col_t *col;
	if (rw_column_ref(ctx, cr, &col))
		return -1;
	lg_sb_append(out, col->sql);
	*type = col->type;
	return rw_sb_check(ctx, out);
}

static int param_ref(rw_ctx_t *ctx, ParamRef *p, const rw_type_t *want, lg_sb_t *out,
		     rw_type_t *type)
{
	if (rw_param(ctx, p->number, want, p->location, type))
		return -1;
	lg_sb_appendf(out, "?%d", p->number);
	return rw_sb_check(ctx, out);
}

/* The database collation is C (byte order), which is SQLite's BINARY:
 * COLLATE "C"/"POSIX"/"default" change nothing; others are not supported. */
static int collate_clause(rw_ctx_t *ctx, CollateClause *c, const rw_type_t *want, lg_sb_t *out,
			  rw_type_t *type)
{
	const char *name = strVal(llast(c->collname));
	if (list_length(c->collname) > 2 ||
	    (strcmp(name, "C") != 0 && strcmp(name, "POSIX") != 0 && strcmp(name, "default") != 0 &&
	     strcmp(name, "ucs_basic") != 0))
		return rw_unsupported(ctx, c->location, "COLLATE other than \"C\"");
	if (rw_expr(ctx, c->arg, want, out, type))
		return -1;
	if (type->oid != LG_OID_TEXT && type->oid != LG_OID_VARCHAR && type->oid != LG_OID_BPCHAR &&
	    type->oid != LG_OID_NAME && type->oid != LG_OID_UNKNOWN)
		return rw_error(ctx, c->location, LG_SQLSTATE_DATATYPE_MISMATCH,
				"collations are not supported by type %s", rw_type_name(ctx, type));
	return 0;
}

/* ---- dispatch ---- */


static int expr_node(rw_ctx_t *ctx, Node *node, const rw_type_t *want, lg_sb_t *out,
		     rw_type_t *type)
{
	switch (nodeTag(node)) {
	case T_A_Const:
		return const_expr(ctx, (A_Const *)node, want, out, type);
	case T_ColumnRef:
		return column_ref(ctx, (ColumnRef *)node, out, type);
	case T_ParamRef:
		return param_ref(ctx, (ParamRef *)node, want, out, type);
	case T_TypeCast:
		return type_cast(ctx, (TypeCast *)node, out, type);
	case T_A_Expr:
		return rw_op_expr(ctx, (A_Expr *)node, want, out, type);
	case T_BoolExpr:
		return bool_expr(ctx, (BoolExpr *)node, out, type);
	case T_NullTest:
		return null_test(ctx, (NullTest *)node, out, type);
	case T_BooleanTest:
		return boolean_test(ctx, (BooleanTest *)node, out, type);
	case T_CaseExpr:
		return case_expr(ctx, (CaseExpr *)node, out, type);
	case T_CoalesceExpr:
		return coalesce_expr(ctx, (CoalesceExpr *)node, out, type);
	case T_MinMaxExpr:
		return minmax_expr(ctx, (MinMaxExpr *)node, out, type);
	case T_FuncCall:
		return rw_func_call(ctx, (FuncCall *)node, want, out, type);
	case T_SQLValueFunction:
		return rw_sql_value_function(ctx, (SQLValueFunction *)node, out, type);
	case T_SubLink:
		return rw_sublink(ctx, (SubLink *)node, out, type);
	case T_SetToDefault:
		return rw_error(ctx, ((SetToDefault *)node)->location, LG_SQLSTATE_SYNTAX_ERROR,
				"DEFAULT is not allowed in this context");
	case T_A_ArrayExpr:
		return rw_unsupported(ctx, exprLocation(node), "ARRAY constructors");
	case T_RowExpr:
		return rw_unsupported(ctx, exprLocation(node), "row constructors");
	case T_CollateClause:
		return collate_clause(ctx, (CollateClause *)node, want, out, type);
	case T_A_Indirection:
		return rw_unsupported(ctx, exprLocation(node), "subscripts and field selection");
	case T_GroupingFunc:
		return rw_unsupported(ctx, exprLocation(node), "GROUPING");
	default:
		return rw_unsupported(ctx, exprLocation(node), "this expression");
	}
}

/* Deeply nested expressions must not exhaust the C stack. */
#define RW_MAX_DEPTH 1000

int rw_expr(rw_ctx_t *ctx, Node *node, const rw_type_t *want, lg_sb_t *out, rw_type_t *type)
{
	*type = RW_TYPE(LG_OID_UNKNOWN);
	if (ctx->depth >= RW_MAX_DEPTH)
		return rw_error(ctx, exprLocation(node), LG_SQLSTATE_STATEMENT_TOO_COMPLEX,
				"stack depth limit exceeded");
	ctx->depth++;
	size_t start = out->len;
	int first_ref = ctx->scope ? ctx->scope->nrefs : 0;
	int rc = expr_node(ctx, node, want, out, type);
	ctx->depth--;
	if (rc == 0 && ctx->scope && ctx->scope->ngroup && !out->failed)
		rw_group_match(ctx, out->data + start, out->len - start, first_ref);
	return rc;
}

/* Assignment to a column (INSERT values, UPDATE SET, ON CONFLICT SET). */
int rw_expr_assign(rw_ctx_t *ctx, Node *node, const rw_type_t *to, const char *colname,
		   lg_sb_t *out)
{
	int rc = fold_number(ctx, node, to, out);
	if (rc != 1)
		return rc;
	lg_sb_t e = LG_SB_INIT;
	rw_type_t t;
	rc = rw_expr(ctx, node, to, &e, &t);
	if (rc == 0)
		rc = rw_coerce(ctx, &e, &t, to, 'a', exprLocation(node));
	if (rc == -2) {
		rc = rw_error(ctx, exprLocation(node), LG_SQLSTATE_DATATYPE_MISMATCH,
			      "column \"%s\" is of type %s but expression is of type %s", colname,
			      rw_type_name(ctx, to), rw_type_name(ctx, &t));
		lg_error_field(ctx->err, LG_ERRF_HINT,
			       "You will need to rewrite or cast the expression.");
	}
	if (rc == 0)
		lg_sb_appendn(out, e.data, e.len);
	lg_sb_free(&e);
	return rc ? -1 : rw_sb_check(ctx, out);
}
