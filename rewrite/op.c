/* Operators (A_Expr): comparisons, arithmetic, ||, LIKE, IN, BETWEEN,
 * IS [NOT] DISTINCT FROM, NULLIF. Operand types follow PostgreSQL's operator
 * resolution for built-in types: an untyped literal or parameter takes the
 * other operand's type, numeric types promote, and operands of unrelated
 * types are "operator does not exist" as in PostgreSQL. */
#include "rewrite/op_int.h"

#include "nodes/nodeFuncs.h"

#include <string.h>


static void operand_free(operand_t *o)
{
	lg_sb_free(&o->sb);
}

static int operand(rw_ctx_t *ctx, Node *n, const rw_type_t *want, operand_t *o)
{
	lg_sb_reset(&o->sb);
	o->node = n;
	if (want && rw_type_known(want)) {
		/* Compare with the type, not the typmod; varchar has no operators
		 * of its own (text's are used), so untyped values become text. */
		rw_type_t w = {want->oid == LG_OID_VARCHAR ? LG_OID_TEXT : want->oid, -1};
		return rw_expr(ctx, n, &w, &o->sb, &o->t);
	}
	return rw_expr(ctx, n, NULL, &o->sb, &o->t);
}

/* An untyped side takes the other side's type. */
static int operand_pair(rw_ctx_t *ctx, Node *l, Node *r, operand_t *a, operand_t *b)
{
	if (operand(ctx, l, NULL, a))
		return -1;
	if (rw_type_known(&a->t))
		return operand(ctx, r, &a->t, b);
	if (operand(ctx, r, NULL, b))
		return -1;
	if (rw_type_known(&b->t))
		return operand(ctx, l, &b->t, a);
	return 0;
}

static int no_operator(rw_ctx_t *ctx, const char *op, const rw_type_t *a, const rw_type_t *b,
		       int location)
{
	if (a)
		rw_error(ctx, location, LG_SQLSTATE_UNDEFINED_FUNCTION,
			 "operator does not exist: %s %s %s", rw_type_name(ctx, a), op,
			 rw_type_name(ctx, b));
	else
		rw_error(ctx, location, LG_SQLSTATE_UNDEFINED_FUNCTION,
			 "operator does not exist: %s %s", op, rw_type_name(ctx, b));
	lg_error_field(ctx->err, LG_ERRF_HINT,
		       "No operator matches the given name and argument types. You might need to add explicit type casts.");
	return -1;
}

static int not_unique(rw_ctx_t *ctx, const char *op, const rw_type_t *a, const rw_type_t *b,
		      int location)
{
	if (a)
		rw_error(ctx, location, LG_SQLSTATE_AMBIGUOUS_FUNCTION,
			 "operator is not unique: %s %s %s", rw_type_name(ctx, a), op,
			 rw_type_name(ctx, b));
	else
		rw_error(ctx, location, LG_SQLSTATE_AMBIGUOUS_FUNCTION,
			 "operator is not unique: %s %s", op, rw_type_name(ctx, b));
	lg_error_field(ctx->err, LG_ERRF_HINT,
		       "Could not choose a best candidate operator. You might need to add explicit type casts.");
	return -1;
}

static bool is_float(lg_oid_t o)
{
	return o == LG_OID_FLOAT4 || o == LG_OID_FLOAT8;
}

static bool is_int(lg_oid_t o)
{
	return o == LG_OID_INT2 || o == LG_OID_INT4 || o == LG_OID_INT8;
}

static bool is_text(lg_oid_t o)
{
	return o == LG_OID_TEXT || o == LG_OID_VARCHAR || o == LG_OID_BPCHAR ||
	       o == LG_OID_NAME || o == LG_OID_UNKNOWN;
}

/* The type both operands of a comparison are converted to; 0 if none. */
static lg_oid_t compare_type(lg_oid_t a, lg_oid_t b)
{
	if (a == LG_OID_JSON || b == LG_OID_JSON)
		return 0; /* json has no comparison operators */
	if (a == b)
		return a;
	if (rw_is_numeric_type(a) && rw_is_numeric_type(b)) {
		if (is_float(a) || is_float(b))
			return LG_OID_FLOAT8;
		if (a == LG_OID_NUMERIC || b == LG_OID_NUMERIC)
			return LG_OID_NUMERIC;
		return is_int(a) && is_int(b) ? (a > b ? a : b) : 0;
	}
	if (is_text(a) && is_text(b))
		return LG_OID_TEXT;
	if (rw_can_coerce(a, b, 'i') && !is_text(b))
		return b;
	if (rw_can_coerce(b, a, 'i') && !is_text(a))
		return a;
	return 0;
}

/* Converts an operand to `to` (implicitly); NULLs stay NULL. */
static int convert_to(rw_ctx_t *ctx, operand_t *o, lg_oid_t to)
{
	rw_type_t t = RW_TYPE(to);
	if (o->t.oid == to || (is_int(o->t.oid) && is_int(to)))
		return 0;
	if (rw_coerce(ctx, &o->sb, &o->t, &t, 'i', exprLocation(o->node)))
		return rw_error(ctx, exprLocation(o->node), LG_SQLSTATE_INTERNAL_ERROR,
				"cannot convert operand");
	o->t = t;
	return 0;
}

/* Resolves both operands of a comparison-like construct to one type. */
static int resolve_compare(rw_ctx_t *ctx, const char *op, operand_t *a, operand_t *b,
			   int location, lg_oid_t *common)
{
	if (!rw_type_known(&a->t) && !rw_type_known(&b->t)) {
		/* unknown = unknown resolves as text */
		rw_type_t text = RW_TYPE(LG_OID_TEXT);
		if (operand(ctx, a->node, &text, a) || operand(ctx, b->node, &text, b))
			return -1;
		*common = LG_OID_TEXT;
		return 0;
	}
	if (!rw_type_known(&a->t) || !rw_type_known(&b->t)) {
		/* One side is a NULL constant typed by the other. */
		*common = rw_type_known(&a->t) ? a->t.oid : b->t.oid;
		return 0;
	}
	*common = compare_type(a->t.oid, b->t.oid);
	if (!*common)
		return no_operator(ctx, op, &a->t, &b->t, location);
	if (convert_to(ctx, a, *common) || convert_to(ctx, b, *common))
		return -1;
	return 0;
}

/* An operand as compared: bpchar's trailing blanks are insignificant. */
static void append_compared(lg_sb_t *out, const lg_sb_t *sb, lg_oid_t common)
{
	if (common == LG_OID_BPCHAR) {
		lg_sb_append(out, "rtrim(");
		lg_sb_appendn(out, sb->data, sb->len);
		lg_sb_append(out, ", ' ')");
	} else {
		rw_append_operand(out, sb->data, sb->len);
	}
}

static void append_cmp(lg_sb_t *out, const operand_t *a, const char *op, const operand_t *b,
		       lg_oid_t common)
{
	append_compared(out, &a->sb, common);
	lg_sb_appendf(out, " %s ", op);
	append_compared(out, &b->sb, common);
	if (common == LG_OID_NUMERIC)
		lg_sb_append(out, " COLLATE lg_numeric");
}

static List *row_args(Node *n)
{
	return IsA(n, RowExpr) ? ((RowExpr *)n)->args : NULL;
}

/* (a, b) op (c, d): SQLite compares row values the way PostgreSQL does
 * (lexicographically for < <= > >=, pairwise for = and <>). Each pair of
 * elements is typed like a scalar comparison. */
static int row_compare(rw_ctx_t *ctx, const char *pgop, const char *sqlop, List *l, List *r,
		       int location, lg_sb_t *out)
{
	if (list_length(l) != list_length(r))
		return rw_error(ctx, location, LG_SQLSTATE_SYNTAX_ERROR,
				"unequal number of entries in row expressions");
	lg_sb_t left = LG_SB_INIT, right = LG_SB_INIT;
	int rc = 0;
	for (int i = 0; i < list_length(l) && rc == 0; i++) {
		operand_t a = {LG_SB_INIT, {0, -1}, NULL}, b = {LG_SB_INIT, {0, -1}, NULL};
		lg_oid_t common;
		rc = operand_pair(ctx, list_nth(l, i), list_nth(r, i), &a, &b);
		if (rc == 0)
			rc = resolve_compare(ctx, pgop, &a, &b, location, &common);
		if (rc == 0) {
			lg_sb_append(&left, i ? ", " : "(");
			rw_append_operand(&left, a.sb.data, a.sb.len);
			if (common == LG_OID_NUMERIC)
				lg_sb_append(&left, " COLLATE lg_numeric");
			lg_sb_append(&right, i ? ", " : "(");
			rw_append_operand(&right, b.sb.data, b.sb.len);
		}
		operand_free(&a);
		operand_free(&b);
	}
	if (rc == 0)
		lg_sb_appendf(out, "%s) %s %s)", left.data, sqlop, right.data);
	lg_sb_free(&left);
	lg_sb_free(&right);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int compare_nodes(rw_ctx_t *ctx, const char *pgop, const char *sqlop, Node *l, Node *r,
			 int location, lg_sb_t *out)
{
	if (row_args(l) && row_args(r))
		return row_compare(ctx, pgop, sqlop, row_args(l), row_args(r), location, out);
	if (IsA(l, RowExpr) || IsA(r, RowExpr))
		return rw_unsupported(ctx, location, "this row comparison");
	operand_t a = {LG_SB_INIT, {0, -1}, NULL}, b = {LG_SB_INIT, {0, -1}, NULL};
	lg_oid_t common;
	int rc = operand_pair(ctx, l, r, &a, &b);
	if (rc == 0)
		rc = resolve_compare(ctx, pgop, &a, &b, location, &common);
	if (rc == 0)
		append_cmp(out, &a, sqlop, &b, common);
	operand_free(&a);
	operand_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

int rw_compare(rw_ctx_t *ctx, const char *op, Node *l, Node *r, int location, lg_sb_t *out)
{
	return compare_nodes(ctx, op, op, l, r, location, out);
}

/* ---- arithmetic ---- */

static int int_rank_of(lg_oid_t o)
{
	return o == LG_OID_INT2 ? 1 : o == LG_OID_INT4 ? 2 : 3;
}

static lg_oid_t arith_type(lg_oid_t a, lg_oid_t b)
{
	if (!rw_is_numeric_type(a) || !rw_is_numeric_type(b))
		return 0;
	if (a == LG_OID_FLOAT4 && b == LG_OID_FLOAT4)
		return LG_OID_FLOAT4;
	if (is_float(a) || is_float(b))
		return LG_OID_FLOAT8;
	if (a == LG_OID_NUMERIC || b == LG_OID_NUMERIC)
		return LG_OID_NUMERIC;
	return int_rank_of(a) >= int_rank_of(b) ? a : b;
}

/* Integer/real division and modulo raise 22012 on zero (SQLite gives NULL);
 * a non-zero constant divisor needs no check. */
static bool nonzero_constant(const operand_t *o)
{
	if (!IsA(o->node, A_Const) || ((A_Const *)o->node)->isnull)
		return false;
	const char *s = o->sb.data;
	for (size_t i = 0; i < o->sb.len; i++)
		if (s[i] >= '1' && s[i] <= '9')
			return true;
	return false;
}

static int arith_emit(rw_ctx_t *ctx, const char *op, operand_t *a, operand_t *b, lg_oid_t res,
		      lg_sb_t *out)
{
	static const struct {
		const char *op, *num, *div;
	} fns[] = {
		{"+", "lg_num_add", NULL},      {"-", "lg_num_sub", NULL},
		{"*", "lg_num_mul", NULL},      {"/", "lg_num_div", "lg_div"},
		{"%", "lg_num_mod", "lg_mod"},  {"^", "lg_num_pow", NULL},
	};
	size_t i = 0;
	while (strcmp(fns[i].op, op) != 0)
		i++;
	if (res == LG_OID_NUMERIC) {
		if (convert_to(ctx, a, LG_OID_NUMERIC) || convert_to(ctx, b, LG_OID_NUMERIC))
			return -1;
		lg_sb_appendf(out, "%s(%s, %s)", fns[i].num, a->sb.data, b->sb.data);
		return rw_sb_check(ctx, out);
	}
	if (strcmp(op, "^") == 0) {
		lg_sb_appendf(out, "pow(%s, %s)", a->sb.data, b->sb.data);
		return rw_sb_check(ctx, out);
	}
	if (fns[i].div && !nonzero_constant(b)) {
		/* int4 -2147483648 / -1 does not fit either */
		if (res == LG_OID_INT2 || res == LG_OID_INT4)
			lg_sb_appendf(out, "lg_int_check(%s(%s, %s), %d)", fns[i].div, a->sb.data,
				      b->sb.data, res == LG_OID_INT2 ? 16 : 32);
		else
			lg_sb_appendf(out, "%s(%s, %s)", fns[i].div, a->sb.data, b->sb.data);
		return rw_sb_check(ctx, out);
	}
	if (res == LG_OID_FLOAT8 && strcmp(op, "/") == 0 && !is_float(a->t.oid) &&
	    !is_float(b->t.oid))
		lg_sb_append(out, "1.0 * ");
	/* Integer results out of their type's range are errors (22003). */
	int bits = res == LG_OID_INT2 ? 16 : res == LG_OID_INT4 ? 32 : res == LG_OID_INT8 ? 64 : 0;
	if (bits)
		lg_sb_append(out, "lg_int_check(");
	rw_append_operand(out, a->sb.data, a->sb.len);
	lg_sb_appendf(out, " %s ", op);
	rw_append_operand(out, b->sb.data, b->sb.len);
	if (bits)
		lg_sb_appendf(out, ", %d)", bits);
	return rw_sb_check(ctx, out);
}

static int arith(rw_ctx_t *ctx, const char *op, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	operand_t a = {LG_SB_INIT, {0, -1}, NULL}, b = {LG_SB_INIT, {0, -1}, NULL};
	int rc = operand_pair(ctx, e->lexpr, e->rexpr, &a, &b);
	if (rc)
		goto done;
	if (!rw_type_known(&a.t) && !rw_type_known(&b.t)) {
		rc = not_unique(ctx, op, &a.t, &b.t, e->location);
		goto done;
	}
	rc = rw_op_datetime(ctx, op, &a, &b, out, type);
	if (rc != 1)
		goto done;
	rc = 0;
	lg_oid_t res = arith_type(rw_type_known(&a.t) ? a.t.oid : b.t.oid,
				  rw_type_known(&b.t) ? b.t.oid : a.t.oid);
	if (strcmp(op, "%") == 0 && is_float(res))
		res = 0;
	if (!res) {
		rc = no_operator(ctx, op, &a.t, &b.t, e->location);
		goto done;
	}
	if (strcmp(op, "^") == 0 && res != LG_OID_NUMERIC)
		res = LG_OID_FLOAT8;
	*type = RW_TYPE(res);
	rc = arith_emit(ctx, op, &a, &b, res, out);
done:
	operand_free(&a);
	operand_free(&b);
	return rc ? -1 : 0;
}

static int prefix_op(rw_ctx_t *ctx, const char *op, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	operand_t a = {LG_SB_INIT, {0, -1}, NULL};
	int rc = operand(ctx, e->rexpr, NULL, &a);
	if (rc == 0 && !rw_type_known(&a.t))
		rc = not_unique(ctx, op, NULL, &a.t, e->location);
	bool num = rw_is_numeric_type(a.t.oid);
	if (rc == 0 && (!num || (strcmp(op, "~") == 0 && !is_int(a.t.oid))))
		rc = no_operator(ctx, op, NULL, &a.t, e->location);
	if (rc == 0) {
		*type = a.t;
		type->typmod = -1;
		if (strcmp(op, "+") == 0) {
			lg_sb_appendn(out, a.sb.data, a.sb.len);
		} else if (strcmp(op, "-") == 0 && a.t.oid == LG_OID_NUMERIC) {
			lg_sb_appendf(out, "lg_num_sub('0', %s)", a.sb.data);
		} else if (strcmp(op, "-") == 0 && is_int(a.t.oid) && !IsA(e->rexpr, A_Const)) {
			/* -(-2147483648) does not fit an int4 */
			lg_sb_appendf(out, "lg_int_check(-(%s), %d)", a.sb.data,
				      a.t.oid == LG_OID_INT2 ? 16 : a.t.oid == LG_OID_INT4 ? 32 : 64);
		} else if (strcmp(op, "-") == 0 || strcmp(op, "~") == 0) {
			/* "--" would start an SQL comment */
			lg_sb_append(out, a.sb.len && a.sb.data[0] == '-' ? "- " : op);
			rw_append_operand(out, a.sb.data, a.sb.len);
		} else if (strcmp(op, "@") == 0) {
			lg_sb_appendf(out, "%s(%s)",
				      a.t.oid == LG_OID_NUMERIC ? "lg_num_abs" : "abs", a.sb.data);
		} else if (strcmp(op, "|/") == 0) {
			*type = RW_TYPE(LG_OID_FLOAT8);
			lg_sb_appendf(out, "lg_sqrt(%s)", a.sb.data);
		} else {
			rc = rw_unsupported(ctx, e->location, "this prefix operator");
		}
	}
	operand_free(&a);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* ---- strings ---- */

/* Text of a non-text operand of ||: anytextcat is `$1::text || $2`, so
 * this is the cast to text (booleans give 'true', not 't'). */
static int to_text_out(rw_ctx_t *ctx, operand_t *o)
{
	lg_oid_t t = o->t.oid;
	if (is_text(t) && t != LG_OID_BPCHAR)
		return 0;
	rw_type_t text = RW_TYPE(LG_OID_TEXT);
	if (rw_coerce(ctx, &o->sb, &o->t, &text, 'e', exprLocation(o->node)))
		return -1;
	o->t = text;
	return 0;
}

static int concat(rw_ctx_t *ctx, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	operand_t a = {LG_SB_INIT, {0, -1}, NULL}, b = {LG_SB_INIT, {0, -1}, NULL};
	rw_type_t text = RW_TYPE(LG_OID_TEXT);
	int rc = operand(ctx, e->lexpr, NULL, &a);
	if (rc == 0)
		rc = operand(ctx, e->rexpr, NULL, &b);
	/* Untyped operands of || are text. */
	if (rc == 0 && !rw_type_known(&a.t))
		rc = operand(ctx, e->lexpr, &text, &a);
	if (rc == 0 && !rw_type_known(&b.t))
		rc = operand(ctx, e->rexpr, &text, &b);
	if (rc == 0 && !is_text(a.t.oid) && !is_text(b.t.oid))
		rc = no_operator(ctx, "||", &a.t, &b.t, e->location);
	const lg_type_t *ta = lg_cat_type_by_oid(a.t.oid), *tb = lg_cat_type_by_oid(b.t.oid);
	if (rc == 0 && ((ta && ta->category == 'A') || (tb && tb->category == 'A')))
		rc = rw_unsupported(ctx, e->location, "array concatenation");
	if (rc == 0)
		rc = to_text_out(ctx, &a);
	if (rc == 0)
		rc = to_text_out(ctx, &b);
	if (rc == 0) {
		rw_append_operand(out, a.sb.data, a.sb.len);
		lg_sb_append(out, " || ");
		rw_append_operand(out, b.sb.data, b.sb.len);
		*type = RW_TYPE(LG_OID_TEXT);
	}
	operand_free(&a);
	operand_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int like(rw_ctx_t *ctx, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	const char *op = strVal(llast(e->name));
	bool neg = op[0] == '!';
	bool ci = e->kind == AEXPR_ILIKE;
	Node *pattern = e->rexpr, *escape = NULL;
	if (IsA(pattern, FuncCall) &&
	    strcmp(strVal(llast(((FuncCall *)pattern)->funcname)), "like_escape") == 0 &&
	    list_length(((FuncCall *)pattern)->args) == 2) {
		escape = lsecond(((FuncCall *)pattern)->args);
		pattern = linitial(((FuncCall *)pattern)->args);
	}
	operand_t a = {LG_SB_INIT, {0, -1}, NULL}, p = {LG_SB_INIT, {0, -1}, NULL},
		  x = {LG_SB_INIT, {0, -1}, NULL};
	rw_type_t text = RW_TYPE(LG_OID_TEXT);
	int rc = operand_pair(ctx, e->lexpr, pattern, &a, &p);
	if (rc == 0 && (!is_text(a.t.oid) || !is_text(p.t.oid)) && a.t.oid != LG_OID_BYTEA)
		rc = no_operator(ctx, op, &a.t, &p.t, e->location);
	if (rc == 0 && escape)
		rc = operand(ctx, escape, &text, &x);
	if (rc == 0) {
		const char *fmt = ci ? "lower(%s)" : "%s";
		lg_sb_appendf(out, fmt, a.sb.data);
		lg_sb_append(out, neg ? " NOT LIKE " : " LIKE ");
		lg_sb_appendf(out, fmt, p.sb.data);
		if (!escape)
			lg_sb_append(out, " ESCAPE '\\'");
		else if (!(x.sb.len == 2 && memcmp(x.sb.data, "''", 2) == 0))
			lg_sb_appendf(out, " ESCAPE %s", x.sb.data);
		*type = RW_TYPE(LG_OID_BOOL);
	}
	operand_free(&a);
	operand_free(&p);
	operand_free(&x);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* ---- IN, BETWEEN ---- */

/* (a, b) IN ((1, 2), (3, 4)) as an OR of row comparisons. */
static int row_in_list(rw_ctx_t *ctx, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	bool neg = strcmp(strVal(llast(e->name)), "<>") == 0;
	*type = RW_TYPE(LG_OID_BOOL);
	lg_sb_append(out, neg ? "NOT (" : "(");
	ListCell *lc;
	foreach (lc, (List *)e->rexpr) {
		if (!row_args(lfirst(lc)))
			return rw_unsupported(ctx, e->location, "IN with a row and a non-row");
		if (lc != list_head((List *)e->rexpr))
			lg_sb_append(out, " OR ");
		if (row_compare(ctx, "=", "=", row_args(e->lexpr), row_args(lfirst(lc)), e->location,
				out))
			return -1;
	}
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

static int in_list(rw_ctx_t *ctx, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	if (!IsA(e->rexpr, List))
		return rw_unsupported(ctx, e->location, "IN with this right-hand side");
	if (row_args(e->lexpr))
		return row_in_list(ctx, e, out, type);
	List *items = (List *)e->rexpr;
	int n = list_length(items);
	operand_t *ops = rw_alloc(ctx, sizeof(*ops) * (size_t)(n + 1));
	if (!ops)
		return -1;
	for (int i = 0; i <= n; i++)
		ops[i] = (operand_t){LG_SB_INIT, {0, -1}, NULL};
	int rc = operand(ctx, e->lexpr, NULL, &ops[0]);
	lg_oid_t common = ops[0].t.oid;
	for (int i = 0; rc == 0 && i < n; i++) {
		rc = operand(ctx, list_nth(items, i), &ops[0].t, &ops[i + 1]);
		if (rc == 0 && (common == 0 || common == LG_OID_UNKNOWN))
			common = ops[i + 1].t.oid;
		else if (rc == 0 && rw_type_known(&ops[i + 1].t)) {
			lg_oid_t c = compare_type(common, ops[i + 1].t.oid);
			if (!c)
				rc = no_operator(ctx, "=", &RW_TYPE(common), &ops[i + 1].t,
						 e->location);
			common = c;
		}
	}
	if (rc == 0 && (common == 0 || common == LG_OID_UNKNOWN))
		common = LG_OID_TEXT;
	for (int i = 0; rc == 0 && i <= n; i++) {
		if (!rw_type_known(&ops[i].t))
			rc = operand(ctx, ops[i].node, &RW_TYPE(common), &ops[i]);
		if (rc == 0 && rw_type_known(&ops[i].t))
			rc = convert_to(ctx, &ops[i], common);
	}
	if (rc == 0) {
		append_compared(out, &ops[0].sb, common);
		if (common == LG_OID_NUMERIC)
			lg_sb_append(out, " COLLATE lg_numeric");
		lg_sb_append(out, strcmp(strVal(llast(e->name)), "<>") == 0 ? " NOT IN (" : " IN (");
		for (int i = 1; i <= n; i++) {
			lg_sb_append(out, i > 1 ? ", " : "");
			if (common == LG_OID_BPCHAR)
				append_compared(out, &ops[i].sb, common);
			else
				lg_sb_appendn(out, ops[i].sb.data, ops[i].sb.len);
		}
		lg_sb_putc(out, ')');
		*type = RW_TYPE(LG_OID_BOOL);
	}
	for (int i = 0; i <= n; i++)
		operand_free(&ops[i]);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int between(rw_ctx_t *ctx, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	List *bounds = (List *)e->rexpr;
	Node *lo = linitial(bounds), *hi = lsecond(bounds);
	bool neg = e->kind == AEXPR_NOT_BETWEEN || e->kind == AEXPR_NOT_BETWEEN_SYM;
	bool sym = e->kind == AEXPR_BETWEEN_SYM || e->kind == AEXPR_NOT_BETWEEN_SYM;
	*type = RW_TYPE(LG_OID_BOOL);
	const char *ge = neg ? "<" : ">=", *le = neg ? ">" : "<=";
	const char *join = neg ? " OR " : " AND ";
	lg_sb_append(out, neg && sym ? "(" : "");
	for (int pass = 0; pass < (sym ? 2 : 1); pass++) {
		if (pass)
			lg_sb_append(out, neg ? ") AND (" : " OR ");
		lg_sb_putc(out, '(');
		if (compare_nodes(ctx, ge, ge, e->lexpr, pass ? hi : lo, e->location, out))
			return -1;
		lg_sb_append(out, join);
		if (compare_nodes(ctx, le, le, e->lexpr, pass ? lo : hi, e->location, out))
			return -1;
		lg_sb_putc(out, ')');
	}
	lg_sb_append(out, neg && sym ? ")" : "");
	return rw_sb_check(ctx, out);
}

static int nullif(rw_ctx_t *ctx, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	operand_t a = {LG_SB_INIT, {0, -1}, NULL}, b = {LG_SB_INIT, {0, -1}, NULL};
	lg_oid_t common = 0;
	int rc = operand_pair(ctx, e->lexpr, e->rexpr, &a, &b);
	if (rc == 0)
		rc = resolve_compare(ctx, "=", &a, &b, e->location, &common);
	if (rc == 0) {
		lg_sb_appendf(out, "nullif(%s, %s%s)", a.sb.data, b.sb.data,
			      common == LG_OID_NUMERIC ? " COLLATE lg_numeric" : "");
		*type = rw_type_known(&a.t) ? a.t : RW_TYPE(common);
	}
	operand_free(&a);
	operand_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

/* ---- op ANY/ALL (array) ---- */

static bool is_comparison(const char *op);

/* x op ANY (ARRAY[a, b]) is (x op a OR x op b); = ANY is IN. */
static int any_all_list(rw_ctx_t *ctx, A_Expr *e, const char *op, bool all, lg_sb_t *out)
{
	List *items = ((A_ArrayExpr *)e->rexpr)->elements;
	if (!items) /* = ANY('{}') is false, = ALL('{}') true */
		return lg_sb_append(out, all ? "1" : "0"), rw_sb_check(ctx, out);
	if ((!all && strcmp(op, "=") == 0) || (all && strcmp(op, "<>") == 0)) {
		A_Expr in = *e;
		in.kind = AEXPR_IN;
		in.rexpr = (Node *)items;
		rw_type_t t;
		return in_list(ctx, &in, out, &t);
	}
	lg_sb_putc(out, '(');
	ListCell *lc;
	foreach (lc, items) {
		if (lc != list_head(items))
			lg_sb_append(out, all ? " AND " : " OR ");
		lg_sb_putc(out, '(');
		if (rw_compare(ctx, op, e->lexpr, lfirst(lc), e->location, out))
			return -1;
		lg_sb_putc(out, ')');
	}
	lg_sb_putc(out, ')');
	return rw_sb_check(ctx, out);
}

/* x op ANY (array value): the elements come from json_each over the
 * array's JSON form (lg_array_json decodes them to storage form). */
static int any_all_array(rw_ctx_t *ctx, A_Expr *e, const char *op, bool all, lg_sb_t *out)
{
	operand_t a = {LG_SB_INIT, {0, -1}, NULL}, b = {LG_SB_INIT, {0, -1}, NULL};
	int rc = operand(ctx, e->lexpr, NULL, &a);
	/* varchar has text's operators: an untyped array is text[] */
	lg_oid_t elem = a.t.oid == LG_OID_VARCHAR ? LG_OID_TEXT : a.t.oid;
	const lg_type_t *et = rc == 0 ? lg_cat_type_by_oid(elem) : NULL;
	rw_type_t arr = RW_TYPE(et && et->array_oid ? et->array_oid : 0);
	if (rc == 0)
		rc = operand(ctx, e->rexpr, arr.oid ? &arr : NULL, &b);
	const lg_type_t *bt = rc == 0 ? lg_cat_type_by_oid(b.t.oid) : NULL;
	if (rc == 0 && (!bt || bt->category != 'A'))
		rc = rw_error(ctx, exprLocation(e->rexpr), LG_SQLSTATE_DATATYPE_MISMATCH,
			      "op ANY/ALL (array) requires array on right side");
	if (rc == 0 && !rw_type_known(&a.t))
		rc = operand(ctx, e->lexpr, &RW_TYPE(bt->elem_oid), &a);
	lg_oid_t common = 0;
	if (rc == 0 && !(common = compare_type(a.t.oid, bt->elem_oid)))
		rc = no_operator(ctx, op, &a.t, &RW_TYPE(bt->elem_oid), e->location);
	if (rc == 0 && common != bt->elem_oid)
		rc = rw_unsupported(ctx, e->location, "ANY/ALL over an array of another type");
	if (rc == 0)
		rc = convert_to(ctx, &a, common);
	if (rc == 0) {
		const char *coll = common == LG_OID_NUMERIC ? " COLLATE lg_numeric" : "";
		lg_sb_t each = LG_SB_INIT;
		lg_sb_appendf(&each, "json_each(lg_array_json(%s, %u))", b.sb.data, bt->elem_oid);
		if ((!all && strcmp(op, "=") == 0) || (all && strcmp(op, "<>") == 0)) {
			rw_append_operand(out, a.sb.data, a.sb.len);
			lg_sb_appendf(out, "%s %sIN (SELECT value FROM %s)", coll, all ? "NOT " : "",
				      each.data);
		} else {
			lg_sb_appendf(out, "%sEXISTS (SELECT 1 FROM %s WHERE %s", all ? "NOT " : "",
				      each.data, all ? "NOT (" : "");
			rw_append_operand(out, a.sb.data, a.sb.len);
			lg_sb_appendf(out, " %s value%s%s)", op, coll, all ? ")" : "");
		}
		rc = rw_sb_check(ctx, &each);
		lg_sb_free(&each);
	}
	operand_free(&a);
	operand_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int any_all(rw_ctx_t *ctx, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	const char *op = strVal(llast(e->name));
	bool all = e->kind == AEXPR_OP_ALL;
	*type = RW_TYPE(LG_OID_BOOL);
	if (!is_comparison(op))
		return rw_unsupported(ctx, e->location, "ANY/ALL with this operator");
	if (IsA(e->rexpr, TypeCast) && IsA(((TypeCast *)e->rexpr)->arg, A_ArrayExpr)) {
		/* ARRAY[...]::t[]: the elements are compared one by one */
		A_Expr copy = *e;
		copy.rexpr = ((TypeCast *)e->rexpr)->arg;
		return any_all_list(ctx, &copy, op, all, out);
	}
	if (IsA(e->rexpr, A_ArrayExpr))
		return any_all_list(ctx, e, op, all, out);
	return any_all_array(ctx, e, op, all, out);
}

static bool is_comparison(const char *op)
{
	return strcmp(op, "=") == 0 || strcmp(op, "<>") == 0 || strcmp(op, "<") == 0 ||
	       strcmp(op, ">") == 0 || strcmp(op, "<=") == 0 || strcmp(op, ">=") == 0;
}

static int bit_op(rw_ctx_t *ctx, const char *op, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	operand_t a = {LG_SB_INIT, {0, -1}, NULL}, b = {LG_SB_INIT, {0, -1}, NULL};
	int rc = operand_pair(ctx, e->lexpr, e->rexpr, &a, &b);
	if (rc == 0 && (!is_int(a.t.oid) || !is_int(b.t.oid)))
		rc = no_operator(ctx, op, &a.t, &b.t, e->location);
	if (rc == 0) {
		*type = RW_TYPE(arith_type(a.t.oid, b.t.oid));
		if (op[0] == '<' || op[0] == '>')
			*type = a.t;
		if (op[0] == '#')
			lg_sb_appendf(out, "((%s | %s) - (%s & %s))", a.sb.data, b.sb.data,
				      a.sb.data, b.sb.data);
		else
			lg_sb_appendf(out, "(%s %s %s)", a.sb.data, op, b.sb.data);
	}
	operand_free(&a);
	operand_free(&b);
	return rc ? -1 : rw_sb_check(ctx, out);
}

static int plain_op(rw_ctx_t *ctx, A_Expr *e, lg_sb_t *out, rw_type_t *type)
{
	if (list_length(e->name) > 1 &&
	    strcmp(strVal(linitial(e->name)), "pg_catalog") != 0)
		return rw_unsupported(ctx, e->location, "schema-qualified operators");
	const char *op = strVal(llast(e->name));
	if (!e->lexpr)
		return prefix_op(ctx, op, e, out, type);
	if (is_comparison(op)) {
		*type = RW_TYPE(LG_OID_BOOL);
		return rw_compare(ctx, op, e->lexpr, e->rexpr, e->location, out);
	}
	if (strlen(op) == 1 && strchr("+-*/%^", op[0]))
		return arith(ctx, op, e, out, type);
	if (strcmp(op, "||") == 0)
		return concat(ctx, e, out, type);
	if (strcmp(op, "&") == 0 || strcmp(op, "|") == 0 || strcmp(op, "#") == 0 ||
	    strcmp(op, "<<") == 0 || strcmp(op, ">>") == 0)
		return bit_op(ctx, op, e, out, type);
	if (strcmp(op, "~~") == 0 || strcmp(op, "!~~") == 0)
		return like(ctx, e, out, type);
	int more = rw_op_more(ctx, op, e, out, type);
	if (more != 1)
		return more;
	lg_sb_t what = LG_SB_INIT;
	lg_sb_appendf(&what, "operator %s", op);
	int rc = rw_unsupported(ctx, e->location, what.failed ? "operator" : what.data);
	lg_sb_free(&what);
	return rc;
}

int rw_op_expr(rw_ctx_t *ctx, A_Expr *e, const rw_type_t *want, lg_sb_t *out, rw_type_t *type)
{
	LG_UNUSED(want);
	*type = RW_TYPE(LG_OID_BOOL);
	switch (e->kind) {
	case AEXPR_OP:
		return plain_op(ctx, e, out, type);
	case AEXPR_DISTINCT:
		return compare_nodes(ctx, "=", "IS NOT", e->lexpr, e->rexpr, e->location, out);
	case AEXPR_NOT_DISTINCT:
		return compare_nodes(ctx, "=", "IS", e->lexpr, e->rexpr, e->location, out);
	case AEXPR_NULLIF:
		return nullif(ctx, e, out, type);
	case AEXPR_IN:
		return in_list(ctx, e, out, type);
	case AEXPR_LIKE:
	case AEXPR_ILIKE:
		return like(ctx, e, out, type);
	case AEXPR_BETWEEN:
	case AEXPR_NOT_BETWEEN:
	case AEXPR_BETWEEN_SYM:
	case AEXPR_NOT_BETWEEN_SYM:
		return between(ctx, e, out, type);
	case AEXPR_OP_ANY:
	case AEXPR_OP_ALL:
		return any_all(ctx, e, out, type);
	case AEXPR_SIMILAR:
		return rw_unsupported(ctx, e->location, "SIMILAR TO");
	}
	return rw_unsupported(ctx, e->location, "this operator");
}
