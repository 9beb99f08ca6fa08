/* FOREIGN KEY / REFERENCES of CREATE TABLE: the referenced table and key
 * (a primary key or unique constraint, as PostgreSQL requires), PostgreSQL's
 * errors and names, and the SQLite clause. */
#include "rewrite/ddl_table.h"

#include <string.h>

static int fk_error_column(rw_ctx_t *ctx, const char *col)
{
	return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_COLUMN,
			"column \"%s\" referenced in foreign key constraint does not exist", col);
}

static int no_unique(rw_ctx_t *ctx, const char *table)
{
	return rw_error(ctx, -1, DDL_SQLSTATE_INVALID_FOREIGN_KEY,
			"there is no unique constraint matching given keys for referenced table "
			"\"%s\"",
			table);
}

static bool same_set(const char *const *a, const char *const *b, int n)
{
	for (int i = 0; i < n; i++) {
		bool found = false;
		for (int j = 0; j < n && !found; j++)
			found = strcmp(a[i], b[j]) == 0;
		if (!found)
			return false;
	}
	return true;
}

/* REFERENCES the table being created. */
static int self_reference(rw_ctx_t *ctx, tdef_t *t, tfkey_t *f, rw_type_t *types)
{
	List *pk = f->con->pk_attrs;
	const tkey_t *key = NULL;
	if (pk == NIL) {
		if (t->nkeys == 0 || !t->keys[0].primary)
			return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_OBJECT,
					"there is no primary key for referenced table \"%s\"",
					t->name);
		key = &t->keys[0];
		f->ref_cols = key->cols;
	} else {
		int i = 0;
		ListCell *lc;
		f->ref_cols = rw_alloc(ctx, sizeof(char *) * (size_t)list_length(pk));
		if (!f->ref_cols)
			return -1;
		foreach (lc, pk) {
			const char *n = strVal(lfirst(lc));
			if (!ddl_table_col(t, n))
				return fk_error_column(ctx, n);
			f->ref_cols[i++] = n;
		}
		for (int k = 0; k < t->nkeys && !key; k++)
			if (!t->keys[k].dropped && t->keys[k].ncols == i &&
			    same_set(t->keys[k].cols, f->ref_cols, i))
				key = &t->keys[k];
		if (!key)
			return no_unique(ctx, t->name);
	}
	for (int i = 0; i < f->ncols && i < key->ncols; i++)
		types[i] = ddl_table_col(t, f->ref_cols[i])->type;
	return 0;
}

static int ref_index_cols(rw_ctx_t *ctx, const lg_cat_table_t *rt, const lg_cat_index_t *ix,
			  tfkey_t *f, rw_type_t *types)
{
	f->ref_cols = rw_alloc(ctx, sizeof(char *) * (size_t)(ix->ncols ? ix->ncols : 1));
	if (!f->ref_cols)
		return -1;
	for (int i = 0; i < ix->ncols; i++) {
		const lg_cat_column_t *c = &rt->cols[ix->attnums[i] - 1];
		f->ref_cols[i] = c->name;
		if (i < f->ncols)
			types[i] = (rw_type_t){c->type, c->typmod};
	}
	return ix->ncols;
}

static bool usable_key(const lg_cat_index_t *ix)
{
	if (!ix->unique || ix->partial)
		return false;
	for (int i = 0; i < ix->ncols; i++)
		if (ix->attnums[i] <= 0)
			return false;
	return true;
}

/* REFERENCES an existing table. Returns the number of referenced columns. */
static int other_reference(rw_ctx_t *ctx, tdef_t *t, tfkey_t *f, rw_type_t *types)
{
	RangeVar *rv = f->con->pktable;
	bool temp;
	if (ddl_schema(ctx, rv, &temp) < 0)
		return -1;
	const lg_cat_table_t *rt =
		lg_cat_table(rw_cat(ctx), rv->schemaname, rv->relname, rw_err(ctx));
	if (!rt)
		return rw_err(ctx)->set ? -1
					: rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_TABLE,
						   "relation \"%s\" does not exist", rv->relname);
	if (rt->temp && !t->temp)
		return rw_error(ctx, -1, LG_SQLSTATE_INVALID_TABLE_DEFINITION,
				"constraints on permanent tables may reference only permanent "
				"tables");
	if (!rt->temp && t->temp)
		return rw_error(ctx, -1, LG_SQLSTATE_INVALID_TABLE_DEFINITION,
				"constraints on temporary tables may reference only temporary "
				"tables");
	f->ref_table = rt->name;
	List *pk = f->con->pk_attrs;
	if (pk == NIL) {
		if (rt->nindexes == 0 || !rt->indexes[0].primary)
			return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_OBJECT,
					"there is no primary key for referenced table \"%s\"",
					rt->name);
		return ref_index_cols(ctx, rt, &rt->indexes[0], f, types);
	}
	int n = list_length(pk), i = 0;
	const char **names = rw_alloc(ctx, sizeof(char *) * (size_t)n);
	if (!names)
		return -1;
	ListCell *lc;
	foreach (lc, pk) {
		const lg_cat_column_t *c = lg_cat_column(rt, strVal(lfirst(lc)));
		if (!c)
			return fk_error_column(ctx, strVal(lfirst(lc)));
		names[i] = c->name;
		if (i < f->ncols)
			types[i] = (rw_type_t){c->type, c->typmod};
		i++;
	}
	f->ref_cols = names;
	for (int k = 0; k < rt->nindexes; k++) {
		const lg_cat_index_t *ix = &rt->indexes[k];
		if (!usable_key(ix) || ix->ncols != n)
			continue;
		const char **ixn = rw_alloc(ctx, sizeof(char *) * (size_t)n);
		if (!ixn)
			return -1;
		for (int j = 0; j < n; j++)
			ixn[j] = rt->cols[ix->attnums[j] - 1].name;
		if (same_set(ixn, names, n))
			return n;
	}
	return no_unique(ctx, rt->name);
}

/* PostgreSQL's btree operator families with cross-type equality. */
static int type_family(lg_oid_t t)
{
	switch (t) {
	case LG_OID_INT2:
	case LG_OID_INT4:
	case LG_OID_INT8: return 1;
	case LG_OID_FLOAT4:
	case LG_OID_FLOAT8: return 2;
	case LG_OID_TEXT:
	case LG_OID_VARCHAR:
	case LG_OID_BPCHAR: return 3;
	case LG_OID_DATE:
	case LG_OID_TIMESTAMP:
	case LG_OID_TIMESTAMPTZ: return 4;
	default: return 0;
	}
}

/* An equality operator of the referenced key's family exists for the
 * referencing type, or the referencing type casts implicitly to it. */
static bool fk_types_ok(lg_oid_t fk, lg_oid_t pk)
{
	int a = type_family(fk), b = type_family(pk);
	if (fk == pk || (a && a == b))
		return true;
	if (pk == LG_OID_NUMERIC)
		return a == 1;
	if (b == 2)
		return a == 1 || fk == LG_OID_NUMERIC;
	return false;
}

static int check_types(rw_ctx_t *ctx, tdef_t *t, tfkey_t *f, const rw_type_t *types)
{
	for (int i = 0; i < f->ncols; i++) {
		rw_type_t mine = ddl_table_col(t, f->cols[i])->type;
		if (fk_types_ok(mine.oid, types[i].oid))
			continue;
		rw_error(ctx, -1, LG_SQLSTATE_DATATYPE_MISMATCH,
			 "foreign key constraint \"%s\" cannot be implemented", f->name);
		lg_error_field(
			rw_err(ctx), LG_ERRF_DETAIL,
			"Key columns \"%s\" and \"%s\" are of incompatible types: %s and %s.",
			f->cols[i], f->ref_cols[i], rw_type_name(ctx, &mine),
			rw_type_name(ctx, &types[i]));
		return -1;
	}
	return 0;
}

static bool same_table_constraint(const tdef_t *t, const tfkey_t *upto, const char *name)
{
	for (int i = 0; i < t->nkeys; i++)
		if (!t->keys[i].dropped && strcmp(t->keys[i].name, name) == 0)
			return true;
	for (int i = 0; i < t->nchecks; i++)
		if (strcmp(t->checks[i].name, name) == 0)
			return true;
	for (const tfkey_t *f = t->fkeys; f < upto; f++)
		if (strcmp(f->name, name) == 0)
			return true;
	return false;
}

static int name_fkey(rw_ctx_t *ctx, tdef_t *t, tfkey_t *f)
{
	const char *given = f->con->conname;
	if (given) {
		if (same_table_constraint(t, f, given))
			return rw_error(ctx, -1, LG_SQLSTATE_DUPLICATE_OBJECT,
					"constraint \"%s\" for relation \"%s\" already exists",
					given, t->name);
		f->name = given;
		return ddl_names_add_con(ctx, &t->names, given);
	}
	const char *add = ddl_addition(ctx, f->cols, f->ncols);
	f->name = add ? ddl_choose_con(ctx, &t->names, t->name, add, "fkey") : NULL;
	return f->name ? 0 : -1;
}

static int one_fkey(rw_ctx_t *ctx, tdef_t *t, tfkey_t *f)
{
	Constraint *con = f->con;
	if (con->fk_matchtype == FKCONSTR_MATCH_FULL || con->fk_matchtype == FKCONSTR_MATCH_PARTIAL)
		return rw_unsupported(ctx, con->location, "MATCH FULL / MATCH PARTIAL");
	if (con->fk_del_set_cols)
		return rw_unsupported(ctx, con->location, "ON DELETE SET NULL/DEFAULT (columns)");
	for (int i = 0; i < f->ncols; i++)
		if (!ddl_table_col(t, f->cols[i]))
			return fk_error_column(ctx, f->cols[i]);
	rw_type_t *types = rw_alloc(ctx, sizeof(rw_type_t) * (size_t)(f->ncols + 1));
	if (!types)
		return -1;
	RangeVar *rv = con->pktable;
	bool self =
		strcmp(rv->relname, t->name) == 0 &&
		(!rv->schemaname || strcmp(rv->schemaname, t->temp ? "pg_temp" : "public") == 0);
	int nref;
	if (self) {
		f->ref_table = t->name;
		if (self_reference(ctx, t, f, types) < 0)
			return -1;
		nref = con->pk_attrs ? list_length(con->pk_attrs) : t->keys[0].ncols;
	} else if ((nref = other_reference(ctx, t, f, types)) < 0) {
		return -1;
	}
	if (nref != f->ncols)
		return rw_error(ctx, -1, DDL_SQLSTATE_INVALID_FOREIGN_KEY,
				"number of referencing and referenced columns for foreign key "
				"disagree");
	if (name_fkey(ctx, t, f) < 0)
		return -1;
	return check_types(ctx, t, f, types);
}

int ddl_table_fkeys(rw_ctx_t *ctx, tdef_t *t)
{
	for (int i = 0; i < t->nfkeys; i++)
		if (one_fkey(ctx, t, &t->fkeys[i]) < 0)
			return -1;
	return 0;
}

static const char *action_sql(char a)
{
	switch (a) {
	/* PostgreSQL checks RESTRICT once the statement is done (a statement
	 * that deletes parent and child rows together is fine); SQLite's
	 * RESTRICT checks every row at once, its NO ACTION at the end. The
	 * comment keeps pg_constraint's 'r' (catalog/schema_load.c). */
	case FKCONSTR_ACTION_RESTRICT: return LG_FK_RESTRICT_SQL;
	case FKCONSTR_ACTION_CASCADE: return "CASCADE";
	case FKCONSTR_ACTION_SETNULL: return "SET NULL";
	case FKCONSTR_ACTION_SETDEFAULT: return "SET DEFAULT";
	default: return NULL; /* NO ACTION, SQLite's default too */
	}
}

static void idents(lg_sb_t *out, const char *const *names, int n)
{
	lg_sb_putc(out, '(');
	for (int i = 0; i < n; i++) {
		if (i)
			lg_sb_append(out, ", ");
		lg_sb_append_ident(out, names[i]);
	}
	lg_sb_putc(out, ')');
}

void ddl_table_fkeys_sql(const tdef_t *t, lg_sb_t *out)
{
	for (int i = 0; i < t->nfkeys; i++) {
		const tfkey_t *f = &t->fkeys[i];
		lg_sb_append(out, ", CONSTRAINT ");
		lg_sb_append_ident(out, f->name);
		lg_sb_append(out, " FOREIGN KEY ");
		idents(out, f->cols, f->ncols);
		lg_sb_append(out, " REFERENCES ");
		lg_sb_append_ident(out, f->ref_table);
		lg_sb_putc(out, ' ');
		idents(out, f->ref_cols, f->ncols);
		const char *del = action_sql(f->con->fk_del_action);
		const char *upd = action_sql(f->con->fk_upd_action);
		if (del)
			lg_sb_appendf(out, " ON DELETE %s", del);
		if (upd)
			lg_sb_appendf(out, " ON UPDATE %s", upd);
		if (f->con->deferrable)
			lg_sb_appendf(out, " DEFERRABLE INITIALLY %s",
				      f->con->initdeferred ? "DEFERRED" : "IMMEDIATE");
	}
}
