/* CREATE TABLE. Every constraint is written with its PostgreSQL name as a
 * table constraint of SQLite's CREATE TABLE (catalog/schema.c reads the
 * names back); serial and identity columns get a sequence row and
 * DEFAULT (nextval('t_col_seq')). Names are chosen in PostgreSQL's order:
 * sequences, CHECKs, primary key and UNIQUE indexes, then foreign keys. */
#include "rewrite/ddl_table.h"

#include "catalog/pg_class.h"
#include "nodes/nodeFuncs.h"

#include <string.h>
#include <strings.h>

tcol_t *ddl_table_col(tdef_t *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return &t->cols[i];
	return NULL;
}

/* ---- column types ---- */

static bool serial_type(TypeName *tn, lg_oid_t *oid)
{
	if (list_length(tn->names) != 1 || tn->pct_type)
		return false;
	const char *n = strVal(linitial(tn->names));
	if (strcmp(n, "smallserial") == 0 || strcmp(n, "serial2") == 0)
		*oid = LG_OID_INT2;
	else if (strcmp(n, "serial") == 0 || strcmp(n, "serial4") == 0)
		*oid = LG_OID_INT4;
	else if (strcmp(n, "bigserial") == 0 || strcmp(n, "serial8") == 0)
		*oid = LG_OID_INT8;
	else
		return false;
	return true;
}

/* PostgreSQL built-in types litegres does not store (yet). */
/* clang-format off */
static const char *const unsupported_types[] = {
	"point", "line", "lseg", "box", "path", "polygon", "circle", "cidr", "inet", "macaddr",
	"macaddr8", "money", "xml", "tsvector", "tsquery", "int4range", "int8range", "numrange",
	"tsrange", "tstzrange", "daterange", "int4multirange", "int8multirange", "nummultirange",
	"tsmultirange", "tstzmultirange", "datemultirange", "bit", "varbit", "pg_lsn",
	"txid_snapshot", "pg_snapshot", "jsonpath", "tid", "xid", "xid8", "cid", "regproc",
	"regprocedure", "regoper", "regoperator", "regclass", "regtype", "regrole",
	"regnamespace", "regconfig", "regdictionary", "regcollation", "int2vector", "oidvector",
	"aclitem", "record", "void", "unknown", "anyelement", "anyarray", "cstring", "internal",
	"trigger", "event_trigger", "language_handler",
};
/* clang-format on */

static int column_type(rw_ctx_t *ctx, tcol_t *c)
{
	TypeName *tn = c->def->typeName;
	lg_oid_t oid;
	if (serial_type(tn, &oid)) {
		if (tn->arrayBounds)
			return rw_error(ctx, tn->location, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
					"array of serial is not implemented");
		c->type = (rw_type_t){oid, -1};
		c->serial = c->notnull = true;
		return 0;
	}
	const char *name = strVal(llast(tn->names));
	bool builtin = list_length(tn->names) == 1 ||
		       strcmp(strVal(linitial(tn->names)), "pg_catalog") == 0;
	for (size_t i = 0; builtin && i < LG_ARRAY_LEN(unsupported_types); i++) {
		if (strcmp(name, unsupported_types[i]) == 0) {
			lg_sb_t what = LG_SB_INIT;
			lg_sb_appendf(&what, "columns of type %s", name);
			int rc = what.failed ? rw_oom(ctx)
					     : rw_unsupported(ctx, tn->location, what.data);
			lg_sb_free(&what);
			return rc;
		}
	}
	return rw_typename(ctx, tn, &c->type);
}

/* ---- walking raw expressions ---- */

typedef struct walk {
	rw_ctx_t *ctx;
	const char *what; /* "DEFAULT expression", "check constraint", ... */
	bool columns_ok;
	const char *cols[2]; /* distinct columns referenced (up to two) */
	int ncols;
	int error;
} walk_t;

static bool walker(Node *node, void *arg)
{
	walk_t *w = arg;
	if (!node || w->error)
		return false;
	if (IsA(node, ColumnRef)) {
		ColumnRef *cr = (ColumnRef *)node;
		if (!w->columns_ok) {
			w->error = rw_error(w->ctx, cr->location, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
					    "cannot use column reference in %s", w->what);
			return true;
		}
		Node *last = llast(cr->fields);
		if (IsA(last, String)) {
			const char *n = strVal(last);
			bool seen = false;
			for (int i = 0; i < w->ncols; i++)
				seen |= strcmp(w->cols[i], n) == 0;
			if (!seen && w->ncols < 2)
				w->cols[w->ncols] = n;
			if (!seen)
				w->ncols++;
		}
		return false;
	}
	if (IsA(node, SubLink)) {
		w->error = rw_error(w->ctx, ((SubLink *)node)->location,
				    LG_SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot use subquery in %s",
				    w->what);
		return true;
	}
	if (IsA(node, ParamRef)) {
		ParamRef *p = (ParamRef *)node;
		w->error = rw_error(w->ctx, p->location, LG_SQLSTATE_UNDEFINED_PARAMETER,
				    "there is no parameter $%d", p->number);
		return true;
	}
	return raw_expression_tree_walker(node, walker, arg);
}

static int walk_expr(rw_ctx_t *ctx, Node *expr, const char *what, bool columns_ok, walk_t *w)
{
	memset(w, 0, sizeof(*w));
	w->ctx = ctx;
	w->what = what;
	w->columns_ok = columns_ok;
	walker(expr, w);
	return w->error ? -1 : 0;
}

/* A scope in which the new table's columns resolve to bare SQLite names. */
static int push_table_scope(rw_ctx_t *ctx, tdef_t *t)
{
	rw_rte_t *rte = rw_alloc(ctx, sizeof(*rte));
	rw_col_t *cols = rw_alloc(ctx, sizeof(*cols) * (size_t)(t->ncols ? t->ncols : 1));
	if (!rte || !cols || !rw_scope_push(ctx))
		return -1;
	rte->name = t->name;
	rte->rel_visible = rte->cols_visible = true;
	rte->ncols = t->ncols;
	rte->cols = cols;
	for (int i = 0; i < t->ncols; i++) {
		lg_sb_t sb = LG_SB_INIT;
		lg_sb_append_ident(&sb, t->cols[i].name);
		cols[i].name = t->cols[i].name;
		cols[i].sql = rw_sb_dup(ctx, &sb);
		lg_sb_free(&sb);
		cols[i].type = t->cols[i].type;
		if (!cols[i].sql)
			return -1;
	}
	return rw_scope_add(ctx, rte);
}

/* ---- DEFAULT and GENERATED ---- */

static int assigned_expr(rw_ctx_t *ctx, tdef_t *t, tcol_t *c, Node *expr, bool generated,
			 const char **sql)
{
	walk_t w;
	const char *what = generated ? "generation expression" : "default expression";
	if (walk_expr(ctx, expr, generated ? what : "DEFAULT expression", generated, &w) < 0)
		return -1;
	lg_sb_t e = LG_SB_INIT;
	rw_type_t type;
	int rc = generated ? push_table_scope(ctx, t) : (rw_scope_push(ctx) ? 0 : -1);
	if (rc == 0)
		rc = rw_expr(ctx, expr, &c->type, &e, &type);
	rw_scope_pop(ctx);
	if (rc == 0)
		rc = rw_coerce(ctx, &e, &type, &c->type, 'a', exprLocation(expr));
	if (rc == -2) {
		rc = rw_error(ctx, -1, LG_SQLSTATE_DATATYPE_MISMATCH,
			      "column \"%s\" is of type %s but %s is of type %s", c->name,
			      rw_type_name(ctx, &c->type), what, rw_type_name(ctx, &type));
		lg_error_field(rw_err(ctx), LG_ERRF_HINT,
			       "You will need to rewrite or cast the expression.");
	}
	if (rc == 0)
		*sql = rw_sb_dup(ctx, &e);
	lg_sb_free(&e);
	return rc == 0 && *sql ? 0 : -1;
}

static bool is_null_const(Node *n)
{
	return n && IsA(n, A_Const) && ((A_Const *)n)->isnull;
}

/* ---- constraints ---- */

static int add_key(rw_ctx_t *ctx, tdef_t *t, Constraint *con, const char *col)
{
	if (con->nulls_not_distinct)
		return rw_unsupported(ctx, con->location, "UNIQUE NULLS NOT DISTINCT");
	if (con->including)
		return rw_unsupported(ctx, con->location, "INCLUDE in constraints");
	tkey_t *k = &t->keys[t->nkeys++];
	k->con = con;
	k->primary = con->contype == CONSTR_PRIMARY;
	k->ncols = col ? 1 : list_length(con->keys);
	k->cols = rw_alloc(ctx, sizeof(char *) * (size_t)(k->ncols ? k->ncols : 1));
	if (!k->cols)
		return -1;
	if (col) {
		k->cols[0] = col;
		return 0;
	}
	ListCell *lc;
	int i = 0;
	foreach (lc, con->keys)
		k->cols[i++] = strVal(lfirst(lc));
	return 0;
}

static int add_fkey(rw_ctx_t *ctx, tdef_t *t, Constraint *con, const char *col)
{
	tfkey_t *f = &t->fkeys[t->nfkeys++];
	f->con = con;
	f->ncols = col ? 1 : list_length(con->fk_attrs);
	f->cols = rw_alloc(ctx, sizeof(char *) * (size_t)(f->ncols ? f->ncols : 1));
	if (!f->cols)
		return -1;
	if (col) {
		f->cols[0] = col;
		return 0;
	}
	ListCell *lc;
	int i = 0;
	foreach (lc, con->fk_attrs)
		f->cols[i++] = strVal(lfirst(lc));
	return 0;
}

/* DEFERRABLE and friends follow the constraint they modify. */
static int constraint_attr(rw_ctx_t *ctx, Constraint *con, Constraint *prev)
{
	static const char *const what[] = {"DEFERRABLE", "NOT DEFERRABLE", "INITIALLY DEFERRED",
					   "INITIALLY IMMEDIATE"};
	int k = con->contype - CONSTR_ATTR_DEFERRABLE;
	if (!prev || (prev->contype != CONSTR_PRIMARY && prev->contype != CONSTR_UNIQUE &&
		      prev->contype != CONSTR_FOREIGN))
		return rw_error(ctx, con->location, LG_SQLSTATE_SYNTAX_ERROR, "misplaced %s clause",
				what[k]);
	if (con->contype == CONSTR_ATTR_DEFERRABLE)
		prev->deferrable = true;
	else if (con->contype == CONSTR_ATTR_NOT_DEFERRABLE)
		prev->deferrable = false;
	else if (con->contype == CONSTR_ATTR_DEFERRED)
		prev->initdeferred = prev->deferrable = true;
	else
		prev->initdeferred = false;
	return 0;
}

static int column_conflict(rw_ctx_t *ctx, tdef_t *t, tcol_t *c, int location, const char *msg)
{
	return rw_error(ctx, location, LG_SQLSTATE_SYNTAX_ERROR,
			"%s for column \"%s\" of table \"%s\"", msg, c->name, t->name);
}

/* A serial column's implicit DEFAULT comes after the written constraints in
 * PostgreSQL, so conflicts with it are reported without a position. */
static int column_constraint(rw_ctx_t *ctx, tdef_t *t, tcol_t *c, Constraint *con,
			     Constraint **prev)
{
	switch (con->contype) {
	case CONSTR_NULL:
		if (c->notnull && !c->serial)
			return column_conflict(ctx, t, c, con->location,
					       "conflicting NULL/NOT NULL declarations");
		c->explicit_null = true;
		return 0;
	case CONSTR_NOTNULL:
		if (c->explicit_null)
			return column_conflict(ctx, t, c, con->location,
					       "conflicting NULL/NOT NULL declarations");
		c->notnull = true;
		return 0;
	case CONSTR_DEFAULT:
		if (c->default_con || c->serial)
			return column_conflict(ctx, t, c, c->serial ? -1 : con->location,
					       "multiple default values specified");
		if (c->identity_con)
			return column_conflict(ctx, t, c, con->location,
					       "both default and identity specified");
		if (c->generated)
			return column_conflict(ctx, t, c, con->location,
					       "both default and generation expression specified");
		c->default_con = con;
		return 0;
	case CONSTR_IDENTITY:
		if (c->identity_con)
			return column_conflict(ctx, t, c, con->location,
					       "multiple identity specifications");
		if (c->default_con || c->serial)
			return column_conflict(ctx, t, c, c->serial ? -1 : con->location,
					       "both default and identity specified");
		if (c->generated)
			return column_conflict(ctx, t, c, con->location,
					       "both identity and generation expression specified");
		c->identity_con = con;
		c->notnull = true;
		return 0;
	case CONSTR_GENERATED:
		if (c->generated)
			return column_conflict(ctx, t, c, con->location,
					       "multiple generation clauses specified");
		if (c->default_con || c->serial)
			return column_conflict(ctx, t, c, c->serial ? -1 : con->location,
					       "both default and generation expression specified");
		if (c->identity_con)
			return column_conflict(ctx, t, c, con->location,
					       "both identity and generation expression specified");
		c->generated = con;
		return 0;
	case CONSTR_CHECK: t->checks[t->nchecks++].con = con; return 0;
	case CONSTR_PRIMARY:
	case CONSTR_UNIQUE: *prev = con; return add_key(ctx, t, con, c->name);
	case CONSTR_FOREIGN: *prev = con; return add_fkey(ctx, t, con, c->name);
	case CONSTR_ATTR_DEFERRABLE:
	case CONSTR_ATTR_NOT_DEFERRABLE:
	case CONSTR_ATTR_DEFERRED:
	case CONSTR_ATTR_IMMEDIATE: return constraint_attr(ctx, con, *prev);
	default: return rw_unsupported(ctx, con->location, "this column constraint");
	}
}

static int table_constraint(rw_ctx_t *ctx, tdef_t *t, Constraint *con)
{
	switch (con->contype) {
	case CONSTR_CHECK: t->checks[t->nchecks++].con = con; return 0;
	case CONSTR_PRIMARY:
	case CONSTR_UNIQUE: return add_key(ctx, t, con, NULL);
	case CONSTR_FOREIGN: return add_fkey(ctx, t, con, NULL);
	case CONSTR_EXCLUSION: return rw_unsupported(ctx, con->location, "EXCLUDE constraints");
	default: return rw_unsupported(ctx, con->location, "this table constraint");
	}
}

static int collation_ok(rw_ctx_t *ctx, CollateClause *cc)
{
	const char *n = strVal(llast(cc->collname));
	if (strcmp(n, "C") == 0 || strcmp(n, "POSIX") == 0 || strcmp(n, "default") == 0)
		return 0;
	lg_sb_t what = LG_SB_INIT;
	lg_sb_appendf(&what, "collation \"%s\"", n);
	int rc = what.failed ? rw_oom(ctx) : rw_unsupported(ctx, cc->location, what.data);
	lg_sb_free(&what);
	return rc;
}

/* Columns with their types (first pass: constraints need every type). */
static int collect_columns(rw_ctx_t *ctx, tdef_t *t, int *ncons)
{
	List *elts = t->cs->tableElts;
	ListCell *lc;
	*ncons = list_length(t->cs->constraints);
	t->cols = rw_alloc(ctx, sizeof(tcol_t) * (size_t)(list_length(elts) + 1));
	if (!t->cols)
		return -1;
	foreach (lc, elts) {
		Node *n = lfirst(lc);
		if (IsA(n, Constraint)) {
			(*ncons)++;
			continue;
		}
		if (!IsA(n, ColumnDef))
			return rw_unsupported(ctx, -1, "CREATE TABLE ... (LIKE ...)");
		ColumnDef *d = (ColumnDef *)n;
		*ncons += list_length(d->constraints);
		if (ddl_table_col(t, d->colname))
			return rw_error(ctx, -1, LG_SQLSTATE_DUPLICATE_COLUMN,
					"column \"%s\" specified more than once", d->colname);
		tcol_t *c = &t->cols[t->ncols++];
		c->def = d;
		c->name = d->colname;
		if (column_type(ctx, c) < 0 ||
		    (d->collClause && collation_ok(ctx, d->collClause) < 0))
			return -1;
	}
	return 0;
}

static int collect_constraints(rw_ctx_t *ctx, tdef_t *t, int ncons)
{
	size_t n = (size_t)(ncons ? ncons : 1);
	t->keys = rw_alloc(ctx, sizeof(tkey_t) * n);
	t->checks = rw_alloc(ctx, sizeof(tcheck_t) * n);
	t->fkeys = rw_alloc(ctx, sizeof(tfkey_t) * n);
	if (!t->keys || !t->checks || !t->fkeys)
		return -1;
	ListCell *lc, *lc2;
	foreach (lc, t->cs->tableElts) {
		Node *n2 = lfirst(lc);
		if (IsA(n2, Constraint)) {
			if (table_constraint(ctx, t, (Constraint *)n2) < 0)
				return -1;
			continue;
		}
		tcol_t *c = ddl_table_col(t, ((ColumnDef *)n2)->colname);
		Constraint *prev = NULL;
		foreach (lc2, c->def->constraints)
			if (column_constraint(ctx, t, c, lfirst_node(Constraint, lc2), &prev) < 0)
				return -1;
	}
	foreach (lc, t->cs->constraints)
		if (table_constraint(ctx, t, lfirst_node(Constraint, lc)) < 0)
			return -1;
	return 0;
}

/* ---- keys ---- */

static bool same_cols(const tkey_t *a, const tkey_t *b)
{
	if (a->ncols != b->ncols)
		return false;
	for (int i = 0; i < a->ncols; i++)
		if (strcmp(a->cols[i], b->cols[i]) != 0)
			return false;
	return true;
}

static int check_key(rw_ctx_t *ctx, tdef_t *t, tkey_t *k, const tkey_t **pk)
{
	if (k->primary) {
		if (*pk)
			return rw_error(ctx, k->con->location, LG_SQLSTATE_INVALID_TABLE_DEFINITION,
					"multiple primary keys for table \"%s\" are not allowed",
					t->name);
		*pk = k;
	}
	if (k->con->deferrable)
		return rw_unsupported(ctx, k->con->location, "DEFERRABLE unique constraints");
	for (int i = 0; i < k->ncols; i++) {
		tcol_t *c = ddl_table_col(t, k->cols[i]);
		if (!c)
			return rw_error(ctx, k->con->location, LG_SQLSTATE_UNDEFINED_COLUMN,
					"column \"%s\" named in key does not exist", k->cols[i]);
		for (int j = 0; j < i; j++)
			if (strcmp(k->cols[j], k->cols[i]) == 0)
				return rw_error(ctx, k->con->location, LG_SQLSTATE_DUPLICATE_COLUMN,
						"column \"%s\" appears twice in %s constraint",
						k->cols[i], k->primary ? "primary key" : "unique");
		if (k->primary)
			c->notnull = true;
	}
	return 0;
}

/* Validates keys, keeps the primary key first and drops duplicates the way
 * transformIndexConstraints does (UNIQUE PRIMARY KEY is one index). */
static int prepare_keys(rw_ctx_t *ctx, tdef_t *t)
{
	const tkey_t *pk = NULL;
	for (int i = 0; i < t->nkeys; i++)
		if (check_key(ctx, t, &t->keys[i], &pk) < 0)
			return -1;
	if (pk && pk != &t->keys[0]) {
		tkey_t tmp = *pk;
		memmove(&t->keys[1], &t->keys[0], (size_t)(pk - t->keys) * sizeof(tkey_t));
		t->keys[0] = tmp;
	}
	for (int i = 0; i < t->nkeys; i++) {
		tkey_t *k = &t->keys[i];
		for (int j = 0; j < i && !k->dropped; j++) {
			tkey_t *prior = &t->keys[j];
			if (prior->dropped || !same_cols(k, prior))
				continue;
			if (!prior->con->conname && !prior->name)
				prior->name = k->con->conname;
			k->dropped = true;
		}
	}
	return 0;
}

static int name_keys(rw_ctx_t *ctx, tdef_t *t)
{
	for (int i = 0; i < t->nkeys; i++) {
		tkey_t *k = &t->keys[i];
		if (k->dropped)
			continue;
		const char *given = k->con->conname ? k->con->conname : k->name;
		if (given) {
			for (int j = 0; j < t->nchecks; j++)
				if (strcmp(t->checks[j].name, given) == 0)
					return rw_error(
						ctx, -1, LG_SQLSTATE_DUPLICATE_OBJECT,
						"constraint \"%s\" for relation \"%s\" already "
						"exists",
						given, t->name);
			int r = ddl_rel_exists(ctx, &t->names, given);
			if (r < 0)
				return -1;
			if (r)
				return rw_error(ctx, -1, LG_SQLSTATE_DUPLICATE_TABLE,
						"relation \"%s\" already exists", given);
			if (ddl_names_add_rel(ctx, &t->names, given) < 0 ||
			    ddl_names_add_con(ctx, &t->names, given) < 0)
				return -1;
			k->name = given;
			continue;
		}
		const char *add = k->primary ? NULL : ddl_addition(ctx, k->cols, k->ncols);
		k->name = ddl_choose_rel(ctx, &t->names, t->name, add, k->primary ? "pkey" : "key",
					 true);
		if (!k->name)
			return -1;
	}
	return 0;
}

/* ---- serial and identity sequences ---- */

static int column_sequence(rw_ctx_t *ctx, tdef_t *t, tcol_t *c)
{
	lg_cat_seq_opts_t o = {.has_type = true, .type = c->type.oid};
	const char *given = NULL;
	lg_cat_sequence_t *s = rw_alloc(ctx, sizeof(*s));
	if (!s)
		return -1;
	memset(s, 0, sizeof(*s));
	s->temp = t->temp;
	if (c->identity_con) {
		o.for_identity = true;
		s->identity = c->identity_con->generated_when;
		if (ddl_seq_options(ctx, c->identity_con->options, &o, NULL, &given) < 0)
			return -1;
	}
	if (lg_cat_sequence_apply(s, &o, true, rw_err(ctx)) < 0)
		return -1;
	if (given) {
		int r = ddl_rel_exists(ctx, &t->names, given);
		if (r != 0)
			return r < 0 ? -1
				     : rw_error(ctx, -1, LG_SQLSTATE_DUPLICATE_TABLE,
						"relation \"%s\" already exists", given);
		if (ddl_names_add_rel(ctx, &t->names, given) < 0)
			return -1;
	} else {
		given = ddl_choose_rel(ctx, &t->names, t->name, c->name, "seq", false);
		if (!given)
			return -1;
	}
	snprintf(s->name, sizeof(s->name), "%s", given);
	snprintf(s->owner_table, sizeof(s->owner_table), "%s", t->name);
	snprintf(s->owner_column, sizeof(s->owner_column), "%s", c->name);
	lg_sb_t sb = LG_SB_INIT;
	ddl_nextval_sql(&sb, s->name);
	c->default_sql = rw_sb_dup(ctx, &sb);
	lg_sb_free(&sb);
	c->seq = s;
	return c->default_sql ? 0 : -1;
}

static int column_exprs(rw_ctx_t *ctx, tdef_t *t)
{
	for (int i = 0; i < t->ncols; i++) {
		tcol_t *c = &t->cols[i];
		if ((c->serial || c->identity_con) && column_sequence(ctx, t, c) < 0)
			return -1;
	}
	for (int i = 0; i < t->ncols; i++) {
		tcol_t *c = &t->cols[i];
		Node *d = c->default_con ? c->default_con->raw_expr : NULL;
		if (d && !is_null_const(d) &&
		    assigned_expr(ctx, t, c, d, false, &c->default_sql) < 0)
			return -1;
		if (c->generated &&
		    assigned_expr(ctx, t, c, c->generated->raw_expr, true, &c->generated_sql) < 0)
			return -1;
	}
	return 0;
}

/* ---- CHECK ---- */

static int check_constraint(rw_ctx_t *ctx, tdef_t *t, tcheck_t *k)
{
	walk_t w;
	Node *expr = k->con->raw_expr;
	if (walk_expr(ctx, expr, "check constraint", true, &w) < 0)
		return -1;
	lg_sb_t e = LG_SB_INIT;
	int rc = push_table_scope(ctx, t);
	if (rc == 0)
		rc = rw_expr_bool(ctx, expr, "CHECK", &e);
	rw_scope_pop(ctx);
	if (rc == 0)
		k->sql = rw_sb_dup(ctx, &e);
	lg_sb_free(&e);
	if (rc < 0 || !k->sql)
		return -1;
	if (k->con->conname) {
		for (tcheck_t *p = t->checks; p < k; p++)
			if (strcmp(p->name, k->con->conname) == 0)
				return rw_error(ctx, -1, LG_SQLSTATE_DUPLICATE_OBJECT,
						"check constraint \"%s\" already exists",
						k->con->conname);
		k->name = k->con->conname;
		return ddl_names_add_con(ctx, &t->names, k->name);
	}
	k->name = ddl_choose_con(ctx, &t->names, t->name, w.ncols == 1 ? w.cols[0] : NULL, "check");
	return k->name ? 0 : -1;
}

/* ---- SQL ---- */

static void column_sql(const tcol_t *c, lg_sb_t *out)
{
	lg_sb_append_ident(out, c->name);
	lg_sb_putc(out, ' ');
	lg_cat_decltype(out, c->type.oid, c->type.typmod);
	if (c->type.oid == LG_OID_NUMERIC)
		lg_sb_append(out, " COLLATE lg_numeric");
	if (c->notnull)
		lg_sb_append(out, " NOT NULL");
	if (c->default_sql)
		lg_sb_appendf(out, " DEFAULT (%s)", c->default_sql);
	if (c->generated_sql)
		lg_sb_appendf(out, " GENERATED ALWAYS AS (%s) STORED", c->generated_sql);
}

static void ident_list(lg_sb_t *out, const char *const *names, int n)
{
	lg_sb_putc(out, '(');
	for (int i = 0; i < n; i++) {
		if (i)
			lg_sb_append(out, ", ");
		lg_sb_append_ident(out, names[i]);
	}
	lg_sb_putc(out, ')');
}

static void table_sql(const tdef_t *t, lg_sb_t *out)
{
	lg_sb_append(out, t->temp ? "CREATE TEMP TABLE " : "CREATE TABLE ");
	lg_sb_append_ident(out, t->name);
	lg_sb_append(out, " (");
	for (int i = 0; i < t->ncols; i++) {
		if (i)
			lg_sb_append(out, ", ");
		column_sql(&t->cols[i], out);
	}
	for (int i = 0; i < t->nkeys; i++) {
		const tkey_t *k = &t->keys[i];
		if (k->dropped)
			continue;
		lg_sb_append(out, ", CONSTRAINT ");
		lg_sb_append_ident(out, k->name);
		lg_sb_append(out, k->primary ? " PRIMARY KEY " : " UNIQUE ");
		ident_list(out, k->cols, k->ncols);
	}
	for (int i = 0; i < t->nchecks; i++) {
		lg_sb_append(out, ", CONSTRAINT ");
		lg_sb_append_ident(out, t->checks[i].name);
		lg_sb_appendf(out, " CHECK (%s)", t->checks[i].sql);
	}
	ddl_table_fkeys_sql(t, out);
	lg_sb_putc(out, ')');
}

static int emit_table(rw_ctx_t *ctx, const tdef_t *t)
{
	lg_sb_t sql = LG_SB_INIT;
	int rc = 0;
	bool table_made = false;
	for (int i = 0; i < t->ncols && rc == 0; i++) {
		const lg_cat_sequence_t *s = t->cols[i].seq;
		if (!s)
			continue;
		if (!table_made) {
			lg_cat_sequence_sql_create_table(&sql, t->temp);
			rc = ddl_emit(ctx, &sql);
			lg_sb_reset(&sql);
			table_made = true;
		}
		lg_cat_sequence_sql_insert(&sql, s);
		if (rc == 0)
			rc = ddl_emit(ctx, &sql);
		lg_sb_reset(&sql);
	}
	table_sql(t, &sql);
	if (rc == 0)
		rc = ddl_emit(ctx, &sql);
	lg_sb_free(&sql);
	return rc;
}

static int unsupported_clauses(rw_ctx_t *ctx, CreateStmt *cs)
{
	int loc = cs->relation->location;
	if (cs->inhRelations)
		return rw_unsupported(ctx, loc, "table inheritance");
	if (cs->partspec || cs->partbound)
		return rw_unsupported(ctx, loc, "partitioned tables");
	if (cs->ofTypename)
		return rw_unsupported(ctx, loc, "typed tables");
	if (cs->oncommit != ONCOMMIT_NOOP && cs->oncommit != ONCOMMIT_PRESERVE_ROWS)
		return rw_unsupported(ctx, loc, "ON COMMIT DELETE ROWS / DROP");
	if (cs->accessMethod && strcmp(cs->accessMethod, "heap") != 0)
		return rw_unsupported(ctx, loc, "table access methods");
	return 0;
}

int ddl_create_table(rw_ctx_t *ctx, CreateStmt *cs)
{
	tdef_t t = {.cs = cs, .name = cs->relation->relname};
	int ncons;
	rw_set_tag(ctx, "CREATE TABLE", LG_TAG_PLAIN);
	if (ddl_schema(ctx, cs->relation, &t.temp) < 0 || unsupported_clauses(ctx, cs) < 0)
		return -1;
	if (strncmp(t.name, "_lg_", 4) == 0 || strncasecmp(t.name, "sqlite_", 7) == 0)
		return rw_unsupported(ctx, cs->relation->location,
				      "names beginning with \"_lg_\" or \"sqlite_\"");
	t.names.temp = t.temp;
	int exists = ddl_rel_exists(ctx, &t.names, t.name);
	if (exists < 0)
		return -1;
	if (exists) {
		if (cs->if_not_exists) {
			rw_set_notice(ctx, LG_SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists, skipping", t.name);
			return 0;
		}
		return rw_error(ctx, -1, LG_SQLSTATE_DUPLICATE_TABLE,
				"relation \"%s\" already exists", t.name);
	}
	if (ddl_names_add_rel(ctx, &t.names, t.name) < 0 || collect_columns(ctx, &t, &ncons) < 0)
		return -1;
	if (t.ncols == 0)
		return rw_unsupported(ctx, cs->relation->location, "tables without columns");
	if (collect_constraints(ctx, &t, ncons) < 0 || prepare_keys(ctx, &t) < 0 ||
	    column_exprs(ctx, &t) < 0)
		return -1;
	for (int i = 0; i < t.nchecks; i++)
		if (check_constraint(ctx, &t, &t.checks[i]) < 0)
			return -1;
	if (name_keys(ctx, &t) < 0 || ddl_table_fkeys(ctx, &t) < 0 || emit_table(ctx, &t) < 0)
		return -1;
	rw_set_ddl(ctx);
	rw_set_writes(ctx);
	return 0;
}
