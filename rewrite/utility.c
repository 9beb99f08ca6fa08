/* Utility statements the executor carries out itself: transactions,
 * savepoints, SET/SHOW/RESET, CREATE/DROP DATABASE, DISCARD, DEALLOCATE.
 * They become plan kinds with their arguments; no SQLite SQL. */
#include "rewrite/rw_internal.h"

#include <ctype.h>
#include <string.h>

static lg_rw_isolation_t isolation_of(const char *s)
{
	if (strcmp(s, "read uncommitted") == 0)
		return LG_ISO_READ_UNCOMMITTED;
	if (strcmp(s, "read committed") == 0)
		return LG_ISO_READ_COMMITTED;
	if (strcmp(s, "repeatable read") == 0)
		return LG_ISO_REPEATABLE_READ;
	if (strcmp(s, "serializable") == 0)
		return LG_ISO_SERIALIZABLE;
	return LG_ISO_DEFAULT;
}

static int const_int(Node *n, int *v)
{
	if (n && IsA(n, A_Const) && !((A_Const *)n)->isnull &&
	    IsA(&((A_Const *)n)->val, Integer)) {
		*v = intVal(&((A_Const *)n)->val);
		return 0;
	}
	return -1;
}

static const char *const_str(Node *n)
{
	if (n && IsA(n, A_Const) && !((A_Const *)n)->isnull &&
	    IsA(&((A_Const *)n)->val, String))
		return strVal(&((A_Const *)n)->val);
	return NULL;
}

/* BEGIN/SET TRANSACTION options. */
static int transaction_modes(rw_ctx_t *ctx, List *options)
{
	ListCell *lc;
	foreach (lc, options) {
		DefElem *d = lfirst_node(DefElem, lc);
		int v;
		if (strcmp(d->defname, "transaction_isolation") == 0 && const_str(d->arg)) {
			ctx->isolation = isolation_of(const_str(d->arg));
		} else if (strcmp(d->defname, "transaction_read_only") == 0 &&
			   const_int(d->arg, &v) == 0) {
			ctx->read_only = v ? 1 : 0;
		} else if (strcmp(d->defname, "transaction_deferrable") == 0) {
			/* meaningful only for SERIALIZABLE READ ONLY; SQLite never
			 * aborts readers, so accepting it is harmless */
		} else {
			return rw_unsupported(ctx, d->location, "this transaction mode");
		}
	}
	return 0;
}

static int transaction(rw_ctx_t *ctx, TransactionStmt *t)
{
	if (t->chain)
		return rw_unsupported(ctx, -1, "AND CHAIN");
	switch (t->kind) {
	case TRANS_STMT_BEGIN:
	case TRANS_STMT_START:
		ctx->kind = LG_RW_BEGIN;
		rw_set_tag(ctx, t->kind == TRANS_STMT_BEGIN ? "BEGIN" : "START TRANSACTION",
			   LG_TAG_PLAIN);
		return transaction_modes(ctx, t->options);
	case TRANS_STMT_COMMIT:
		ctx->kind = LG_RW_COMMIT;
		rw_set_tag(ctx, "COMMIT", LG_TAG_PLAIN);
		return 0;
	case TRANS_STMT_ROLLBACK:
		ctx->kind = LG_RW_ROLLBACK;
		rw_set_tag(ctx, "ROLLBACK", LG_TAG_PLAIN);
		return 0;
	case TRANS_STMT_SAVEPOINT:
		ctx->kind = LG_RW_SAVEPOINT;
		ctx->name = t->savepoint_name;
		rw_set_tag(ctx, "SAVEPOINT", LG_TAG_PLAIN);
		return 0;
	case TRANS_STMT_RELEASE:
		ctx->kind = LG_RW_RELEASE;
		ctx->name = t->savepoint_name;
		rw_set_tag(ctx, "RELEASE", LG_TAG_PLAIN);
		return 0;
	case TRANS_STMT_ROLLBACK_TO:
		ctx->kind = LG_RW_ROLLBACK_TO;
		ctx->name = t->savepoint_name;
		rw_set_tag(ctx, "ROLLBACK", LG_TAG_PLAIN);
		return 0;
	default:
		return rw_unsupported(ctx, -1, "two-phase commit");
	}
}

/* search_path-like lists quote identifiers that need it, as PostgreSQL. */
static bool needs_quote(const char *s)
{
	if (!*s || !(islower((unsigned char)s[0]) || s[0] == '_'))
		return true;
	for (const char *p = s; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_' ||
		      *p == '$'))
			return true;
	return false;
}

/* INTERVAL 'string' [typmods]: a TypeCast of a string constant to interval. */
static bool is_interval_const(Node *n)
{
	if (!IsA(n, TypeCast))
		return false;
	TypeCast *tc = (TypeCast *)n;
	Node *arg = tc->arg;
	return arg && IsA(arg, A_Const) && !((A_Const *)arg)->isnull &&
	       IsA(&((A_Const *)arg)->val, String) && tc->typeName &&
	       strcmp(strVal(llast(tc->typeName->names)), "interval") == 0;
}

/* The value PostgreSQL stores for SET name = args (flatten_set_variable_args). */
static int set_value(rw_ctx_t *ctx, VariableSetStmt *v, lg_sb_t *out)
{
	bool quote_list = strcmp(v->name, "search_path") == 0;
	ListCell *lc;
	foreach (lc, v->args) {
		Node *n = lfirst(lc);
		if (lc != list_head(v->args))
			lg_sb_append(out, ", ");
		if (is_interval_const(n)) {
			/* SET TIME ZONE INTERVAL '...' HOUR TO MINUTE: flattened as
			 * PostgreSQL does, for the TimeZone check. */
			A_Const *c = castNode(A_Const, ((TypeCast *)n)->arg);
			lg_sb_appendf(out, "INTERVAL '%s'", strVal(&c->val));
			continue;
		}
		if (!IsA(n, A_Const) || ((A_Const *)n)->isnull)
			return rw_unsupported(ctx, -1, "this SET value");
		A_Const *c = (A_Const *)n;
		switch (nodeTag(&c->val)) {
		case T_Integer:
			lg_sb_appendf(out, "%d", intVal(&c->val));
			break;
		case T_Float:
			lg_sb_append(out, castNode(Float, &c->val)->fval);
			break;
		case T_Boolean:
			lg_sb_append(out, boolVal(&c->val) ? "on" : "off");
			break;
		case T_String:
			if (quote_list && needs_quote(strVal(&c->val)))
				lg_sb_append_ident(out, strVal(&c->val));
			else
				lg_sb_append(out, strVal(&c->val));
			break;
		default:
			return rw_unsupported(ctx, c->location, "this SET value");
		}
	}
	return rw_sb_check(ctx, out);
}

static int variable_set(rw_ctx_t *ctx, VariableSetStmt *v)
{
	ctx->is_local = v->is_local;
	switch (v->kind) {
	case VAR_SET_VALUE: {
		lg_sb_t sb = LG_SB_INIT;
		int rc = set_value(ctx, v, &sb);
		if (rc == 0)
			ctx->value = rw_sb_dup(ctx, &sb);
		lg_sb_free(&sb);
		if (rc || !ctx->value)
			return -1;
	}
		/* fallthrough */
	case VAR_SET_DEFAULT:
		ctx->kind = LG_RW_SET;
		ctx->name = v->name;
		rw_set_tag(ctx, "SET", LG_TAG_PLAIN);
		return 0;
	case VAR_SET_MULTI:
		if (strcmp(v->name, "TRANSACTION") != 0)
			return rw_unsupported(ctx, -1, "SET SESSION CHARACTERISTICS");
		ctx->kind = LG_RW_SET_TRANSACTION;
		rw_set_tag(ctx, "SET", LG_TAG_PLAIN);
		return transaction_modes(ctx, v->args);
	case VAR_RESET:
	case VAR_RESET_ALL:
		ctx->kind = LG_RW_RESET;
		ctx->name = v->kind == VAR_RESET ? v->name : NULL;
		rw_set_tag(ctx, "RESET", LG_TAG_PLAIN);
		return 0;
	case VAR_SET_CURRENT:
		return rw_unsupported(ctx, -1, "SET ... FROM CURRENT");
	}
	return rw_unsupported(ctx, -1, "this SET statement");
}

/* SHOW's column is named after the setting as PostgreSQL spells it. */
static const char *show_column(const char *name)
{
	static const char *const names[] = {"TimeZone", "DateStyle", "IntervalStyle"};
	for (size_t i = 0; i < LG_ARRAY_LEN(names); i++)
		if (strcasecmp(names[i], name) == 0)
			return names[i];
	return name;
}

static int show(rw_ctx_t *ctx, VariableShowStmt *s)
{
	ctx->kind = LG_RW_SHOW;
	ctx->name = s->name;
	rw_set_tag(ctx, "SHOW", LG_TAG_PLAIN);
	bool all = strcmp(s->name, "all") == 0;
	int n = all ? 3 : 1;
	rw_col_t *cols = rw_alloc(ctx, sizeof(*cols) * (size_t)n);
	if (!cols)
		return -1;
	static const char *const all_names[] = {"name", "setting", "description"};
	for (int i = 0; i < n; i++) {
		cols[i].name = all ? all_names[i] : show_column(s->name);
		cols[i].type = RW_TYPE(LG_OID_TEXT);
	}
	rw_set_result(ctx, cols, n);
	return 0;
}

static int create_database(rw_ctx_t *ctx, CreatedbStmt *s)
{
	ctx->kind = LG_RW_CREATE_DATABASE;
	ctx->name = s->dbname;
	ListCell *lc;
	foreach (lc, s->options) {
		DefElem *d = lfirst_node(DefElem, lc);
		if (strcmp(d->defname, "template") == 0) {
			if (d->arg && IsA(d->arg, String))
				ctx->template_db = strVal(d->arg);
			else if (const_str(d->arg))
				ctx->template_db = const_str(d->arg);
		}
		/* ENCODING, OWNER, LOCALE...: one encoding and no roles here. */
	}
	rw_set_tag(ctx, "CREATE DATABASE", LG_TAG_PLAIN);
	return 0;
}

int rw_utility(rw_ctx_t *ctx, Node *stmt)
{
	switch (nodeTag(stmt)) {
	case T_TransactionStmt:
		return transaction(ctx, (TransactionStmt *)stmt);
	case T_VariableSetStmt:
		return variable_set(ctx, (VariableSetStmt *)stmt);
	case T_VariableShowStmt:
		return show(ctx, (VariableShowStmt *)stmt);
	case T_CreatedbStmt:
		return create_database(ctx, (CreatedbStmt *)stmt);
	case T_DropdbStmt:
		ctx->kind = LG_RW_DROP_DATABASE;
		ctx->name = ((DropdbStmt *)stmt)->dbname;
		ctx->missing_ok = ((DropdbStmt *)stmt)->missing_ok;
		rw_set_tag(ctx, "DROP DATABASE", LG_TAG_PLAIN);
		return 0;
	case T_DiscardStmt:
		if (((DiscardStmt *)stmt)->target != DISCARD_ALL)
			return rw_unsupported(ctx, -1, "DISCARD PLANS/SEQUENCES/TEMP");
		ctx->kind = LG_RW_DISCARD_ALL;
		rw_set_tag(ctx, "DISCARD ALL", LG_TAG_PLAIN);
		return 0;
	case T_DeallocateStmt:
		ctx->kind = LG_RW_DEALLOCATE;
		ctx->name = ((DeallocateStmt *)stmt)->name;
		rw_set_tag(ctx, ctx->name ? "DEALLOCATE" : "DEALLOCATE ALL", LG_TAG_PLAIN);
		return 0;
	default:
		return 1;
	}
}

const char *rw_stmt_name(Node *stmt)
{
	static const struct {
		NodeTag tag;
		const char *name;
	} names[] = {
		{T_CreateFunctionStmt, "CREATE FUNCTION"},
		{T_DoStmt, "DO"},
		{T_ExplainStmt, "EXPLAIN"},
		{T_CopyStmt, "COPY"},
		{T_PrepareStmt, "PREPARE"},
		{T_ExecuteStmt, "EXECUTE"},
		{T_ListenStmt, "LISTEN"},
		{T_NotifyStmt, "NOTIFY"},
		{T_UnlistenStmt, "UNLISTEN"},
		{T_LockStmt, "LOCK"},
		{T_VacuumStmt, "VACUUM/ANALYZE"},
		{T_ViewStmt, "CREATE VIEW"},
		{T_CreateSchemaStmt, "CREATE SCHEMA"},
		{T_AlterTableStmt, "ALTER TABLE"},
		{T_RenameStmt, "ALTER ... RENAME"},
		{T_CreateEnumStmt, "CREATE TYPE ... AS ENUM"},
		{T_CreateExtensionStmt, "CREATE EXTENSION"},
		{T_CreateTrigStmt, "CREATE TRIGGER"},
		{T_CommentStmt, "COMMENT"},
		{T_GrantStmt, "GRANT/REVOKE"},
		{T_CreateRoleStmt, "CREATE ROLE"},
		{T_MergeStmt, "MERGE"},
		{T_DeclareCursorStmt, "DECLARE CURSOR"},
		{T_FetchStmt, "FETCH"},
		{T_ClosePortalStmt, "CLOSE"},
		{T_CallStmt, "CALL"},
		{T_CreateTableAsStmt, "CREATE TABLE AS / SELECT INTO"},
		{T_CompositeTypeStmt, "CREATE TYPE ... AS"},
		{T_AlterEnumStmt, "ALTER TYPE"},
		{T_CreateDomainStmt, "CREATE DOMAIN"},
		{T_AlterDomainStmt, "ALTER DOMAIN"},
		{T_DefineStmt, "CREATE AGGREGATE/OPERATOR/TYPE"},
		{T_AlterFunctionStmt, "ALTER FUNCTION"},
		{T_AlterOwnerStmt, "ALTER ... OWNER TO"},
		{T_AlterObjectSchemaStmt, "ALTER ... SET SCHEMA"},
		{T_RuleStmt, "CREATE RULE"},
		{T_CreatePolicyStmt, "CREATE POLICY"},
		{T_AlterPolicyStmt, "ALTER POLICY"},
		{T_ReindexStmt, "REINDEX"},
		{T_ClusterStmt, "CLUSTER"},
		{T_CheckPointStmt, "CHECKPOINT"},
		{T_LoadStmt, "LOAD"},
		{T_CreateCastStmt, "CREATE CAST"},
		{T_CreateStatsStmt, "CREATE STATISTICS"},
		{T_CreateTableSpaceStmt, "CREATE TABLESPACE"},
		{T_AlterDefaultPrivilegesStmt, "ALTER DEFAULT PRIVILEGES"},
		{T_AlterDatabaseStmt, "ALTER DATABASE"},
		{T_AlterDatabaseSetStmt, "ALTER DATABASE ... SET"},
		{T_AlterSystemStmt, "ALTER SYSTEM"},
		{T_CreatePublicationStmt, "CREATE PUBLICATION"},
		{T_CreateSubscriptionStmt, "CREATE SUBSCRIPTION"},
		{T_CreateForeignTableStmt, "CREATE FOREIGN TABLE"},
		{T_CreateEventTrigStmt, "CREATE EVENT TRIGGER"},
		{T_RefreshMatViewStmt, "REFRESH MATERIALIZED VIEW"},
		{T_AlterRoleStmt, "ALTER ROLE"},
		{T_AlterRoleSetStmt, "ALTER ROLE ... SET"},
		{T_DropRoleStmt, "DROP ROLE"},
		{T_ReassignOwnedStmt, "REASSIGN OWNED"},
		{T_DropOwnedStmt, "DROP OWNED"},
		{T_ConstraintsSetStmt, "SET CONSTRAINTS"},
		{T_AlterExtensionStmt, "ALTER EXTENSION"},
		{T_SecLabelStmt, "SECURITY LABEL"},
		{T_CreateOpClassStmt, "CREATE OPERATOR CLASS"},
		{T_CreateFdwStmt, "CREATE FOREIGN DATA WRAPPER"},
		{T_CreateForeignServerStmt, "CREATE SERVER"},
		{T_CreateUserMappingStmt, "CREATE USER MAPPING"},
		{T_CreateConversionStmt, "CREATE CONVERSION"},
		{T_CreatePLangStmt, "CREATE LANGUAGE"},
		{T_CreateTransformStmt, "CREATE TRANSFORM"},
		{T_CreateAmStmt, "CREATE ACCESS METHOD"},
		{T_ImportForeignSchemaStmt, "IMPORT FOREIGN SCHEMA"},
		{T_AlterTSDictionaryStmt, "ALTER TEXT SEARCH DICTIONARY"},
		{T_AlterTSConfigurationStmt, "ALTER TEXT SEARCH CONFIGURATION"},
		{T_AlterCollationStmt, "ALTER COLLATION"},
		{T_AlterStatsStmt, "ALTER STATISTICS"},
		{T_AlterSeqStmt, "ALTER SEQUENCE"},
		{T_CreateSeqStmt, "CREATE SEQUENCE"},
		{T_DropStmt, "this DROP statement"},
		{T_IndexStmt, "this CREATE INDEX statement"},
		{T_CreateStmt, "this CREATE TABLE statement"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(names); i++)
		if (nodeTag(stmt) == names[i].tag)
			return names[i].name;
	return "this statement";
}
