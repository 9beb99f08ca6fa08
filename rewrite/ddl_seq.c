/* CREATE SEQUENCE and ALTER SEQUENCE: rows of _lg_sequence (see
 * catalog/sequence.h). */
#include "rewrite/ddl_int.h"

#include <string.h>

/* OWNED BY table.column | NONE. */
static int owned_by(rw_ctx_t *ctx, List *names, lg_cat_sequence_t *s, int location)
{
	if (names == NIL)
		return 0;
	int n = list_length(names);
	if (n == 1 && strcmp(strVal(linitial(names)), "none") == 0) {
		s->owner_table[0] = s->owner_column[0] = '\0';
		return 0;
	}
	if (n < 2) {
		rw_error(ctx, location, LG_SQLSTATE_SYNTAX_ERROR, "invalid OWNED BY option");
		lg_error_field(rw_err(ctx), LG_ERRF_HINT,
			       "Specify OWNED BY table.column or OWNED BY NONE.");
		return -1;
	}
	const char *schema = n > 2 ? strVal(list_nth(names, n - 3)) : NULL;
	const char *table = strVal(list_nth(names, n - 2));
	const char *col = strVal(llast(names));
	const lg_cat_table_t *t = lg_cat_table(rw_cat(ctx), schema, table, rw_err(ctx));
	if (!t) {
		if (rw_err(ctx)->set)
			return -1;
		return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_TABLE,
				"relation \"%s\" does not exist", table);
	}
	if (!lg_cat_column(t, col))
		return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_COLUMN,
				"column \"%s\" of relation \"%s\" does not exist", col, table);
	if (t->temp != s->temp)
		return rw_error(ctx, -1, LG_SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE,
				"sequence must be in same schema as table it is linked to");
	snprintf(s->owner_table, sizeof(s->owner_table), "%s", t->name);
	snprintf(s->owner_column, sizeof(s->owner_column), "%s", col);
	return 0;
}

static bool reserved_name(const char *name)
{
	return strncmp(name, "_lg_", 4) == 0 || strncasecmp(name, "sqlite_", 7) == 0;
}

int ddl_create_sequence(rw_ctx_t *ctx, CreateSeqStmt *cs)
{
	RangeVar *rv = cs->sequence;
	lg_cat_sequence_t s;
	lg_cat_seq_opts_t o = {0};
	List *owner;
	memset(&s, 0, sizeof(s));
	rw_set_tag(ctx, "CREATE SEQUENCE", LG_TAG_PLAIN);
	if (ddl_schema(ctx, rv, &s.temp) < 0)
		return -1;
	if (reserved_name(rv->relname))
		return rw_unsupported(ctx, rv->location,
				      "names beginning with \"_lg_\" or \"sqlite_\"");
	ddl_names_t names = {.temp = s.temp};
	int exists = ddl_rel_exists(ctx, &names, rv->relname);
	if (exists < 0)
		return -1;
	if (exists) {
		if (cs->if_not_exists) {
			rw_set_notice(ctx, LG_SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists, skipping", rv->relname);
			return 0;
		}
		return rw_error(ctx, -1, LG_SQLSTATE_DUPLICATE_TABLE,
				"relation \"%s\" already exists", rv->relname);
	}
	snprintf(s.name, sizeof(s.name), "%s", rv->relname);
	if (ddl_seq_options(ctx, cs->options, &o, &owner, NULL) < 0 ||
	    lg_cat_sequence_apply(&s, &o, true, rw_err(ctx)) < 0 ||
	    owned_by(ctx, owner, &s, rv->location) < 0)
		return -1;
	lg_sb_t sql = LG_SB_INIT;
	lg_cat_sequence_sql_create_table(&sql, s.temp);
	int rc = ddl_emit(ctx, &sql);
	lg_sb_reset(&sql);
	lg_cat_sequence_sql_insert(&sql, &s);
	if (rc == 0)
		rc = ddl_emit(ctx, &sql);
	lg_sb_free(&sql);
	rw_set_ddl(ctx);
	rw_set_writes(ctx);
	return rc;
}

int ddl_alter_sequence(rw_ctx_t *ctx, AlterSeqStmt *as)
{
	RangeVar *rv = as->sequence;
	lg_cat_sequence_t s;
	lg_cat_seq_opts_t o = {0};
	List *owner;
	bool temp;
	rw_set_tag(ctx, "ALTER SEQUENCE", LG_TAG_PLAIN);
	if (ddl_schema(ctx, rv, &temp) < 0)
		return -1;
	int found = lg_cat_sequence(rw_cat(ctx), ddl_cat_schema(rv), rv->relname, &s, rw_err(ctx));
	if (found < 0)
		return -1;
	if (!found) {
		if (as->missing_ok) {
			rw_set_notice(ctx, LG_SQLSTATE_SUCCESSFUL_COMPLETION, "relation \"%s\" does not exist, skipping", rv->relname);
			return 0;
		}
		int kind =
			lg_cat_relkind(rw_cat(ctx), ddl_cat_schema(rv), rv->relname, rw_err(ctx));
		if (kind > 0)
			return rw_error(ctx, -1, LG_SQLSTATE_WRONG_OBJECT_TYPE,
					"\"%s\" is not a sequence", rv->relname);
		return rw_error(ctx, -1, LG_SQLSTATE_UNDEFINED_TABLE,
				"relation \"%s\" does not exist", rv->relname);
	}
	if (ddl_seq_options(ctx, as->options, &o, &owner, NULL) < 0 ||
	    lg_cat_sequence_apply(&s, &o, false, rw_err(ctx)) < 0 ||
	    owned_by(ctx, owner, &s, rv->location) < 0)
		return -1;
	lg_sb_t sql = LG_SB_INIT;
	lg_cat_sequence_sql_update(&sql, &s, o.restart);
	int rc = ddl_emit(ctx, &sql);
	if (rc == 0 && owner != NIL) {
		lg_sb_reset(&sql);
		lg_sb_appendf(&sql, "UPDATE %s._lg_sequence SET owner_table = ",
			      s.temp ? "temp" : "main");
		if (s.owner_table[0]) {
			lg_sb_append_literal(&sql, s.owner_table, strlen(s.owner_table));
			lg_sb_append(&sql, ", owner_column = ");
			lg_sb_append_literal(&sql, s.owner_column, strlen(s.owner_column));
		} else {
			lg_sb_append(&sql, "NULL, owner_column = NULL");
		}
		lg_sb_append(&sql, " WHERE name = ");
		lg_sb_append_literal(&sql, s.name, strlen(s.name));
		rc = ddl_emit(ctx, &sql);
	}
	lg_sb_free(&sql);
	rw_set_ddl(ctx);
	rw_set_writes(ctx);
	return rc;
}
