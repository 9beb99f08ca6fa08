/* Statements that do not run as SQLite SQL: transaction control, session
 * settings, databases, DISCARD and DEALLOCATE. */
#include "proxy/session.h"

#include "catalog/types.h"
#include "common/mem.h"
#include "proxy/database.h"
#include "proxy/server.h"
#include "proxy/settings.h"
#include "proxy/wire.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static void warning(lg_session_t *s, lg_sqlstate_t state, const char *msg)
{
	lg_session_notice(s, LG_SEV_WARNING, state, msg, NULL);
}

/* transaction_isolation shows the level of the current transaction. */
static void set_isolation(lg_session_t *s, lg_rw_isolation_t iso)
{
	static const char *const names[] = {
		[LG_ISO_READ_UNCOMMITTED] = "read uncommitted",
		[LG_ISO_READ_COMMITTED] = "read committed",
		[LG_ISO_REPEATABLE_READ] = "repeatable read",
		[LG_ISO_SERIALIZABLE] = "serializable",
	};
	lg_error_t ignore = LG_ERROR_INIT;
	const char *v = iso == LG_ISO_DEFAULT
		? lg_settings_get(s->settings, "default_transaction_isolation")
		: names[iso];
	lg_settings_set(s->settings, "transaction_isolation", v, true, &ignore);
	lg_error_clear(&ignore);
	/* SQLite's snapshot is what REPEATABLE READ and SERIALIZABLE promise. */
	s->xact_snapshot = strcmp(v, "repeatable read") == 0 || strcmp(v, "serializable") == 0;
}

static void set_read_only(lg_session_t *s, bool read_only)
{
	lg_error_t ignore = LG_ERROR_INIT;
	s->xact_read_only = read_only;
	lg_settings_set(s->settings, "transaction_read_only", read_only ? "on" : "off", true,
			&ignore);
	lg_error_clear(&ignore);
}

static lg_exec_status_t do_begin(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	if (s->xact == LG_XACT_EXPLICIT || s->xact == LG_XACT_FAILED) {
		warning(s, LG_SQLSTATE_ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
		return LG_EXEC_DONE;
	}
	s->xact = LG_XACT_EXPLICIT;
	if (!s->sqlite_open)
		s->vars.xact_start_usec = lg_session_now_usec();
	lg_settings_begin(s->settings);
	set_isolation(s, plan->isolation);
	set_read_only(s, plan->read_only == 1 ||
			       (plan->read_only == -1 &&
				strcmp(lg_settings_get(s->settings, "default_transaction_read_only"),
				       "on") == 0));
	return LG_EXEC_DONE;
}

static lg_exec_status_t do_end(lg_session_t *s, bool commit, char *tag, size_t taglen)
{
	if (s->xact == LG_XACT_NONE || s->xact == LG_XACT_IMPLICIT) {
		warning(s, LG_SQLSTATE_NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
		if (s->xact == LG_XACT_IMPLICIT)
			return lg_session_end_xact(s, commit);
		return LG_EXEC_DONE;
	}
	if (s->xact == LG_XACT_FAILED) {
		commit = false;
		snprintf(tag, taglen, "ROLLBACK");
	}
	return lg_session_end_xact(s, commit);
}

static int find_savepoint(const lg_session_t *s, const char *name)
{
	for (int i = s->nsavepoints - 1; i >= 0; i--)
		if (strcmp(s->savepoints[i], name) == 0)
			return i;
	return -1;
}

static lg_exec_status_t savepoint_sql(lg_session_t *s, const char *verb, const char *name)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_appendf(&sb, "%s ", verb);
	lg_sb_append_ident(&sb, name);
	if (sb.failed) {
		lg_error_set(&s->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return LG_EXEC_ERROR;
	}
	lg_exec_status_t st = lg_exec_simple(s->sqlite, sb.data, &s->err);
	lg_sb_free(&sb);
	return st;
}

static lg_exec_status_t do_savepoint(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	if (s->xact != LG_XACT_EXPLICIT) {
		lg_error_set(&s->err, LG_SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
			     "%s can only be used in transaction blocks", "SAVEPOINT");
		return LG_EXEC_ERROR;
	}
	char **grown = lg_realloc(s->savepoints, sizeof(char *) * (size_t)(s->nsavepoints + 1));
	char *copy = lg_strdup(plan->name);
	if (!grown || !copy) {
		if (grown)
			s->savepoints = grown;
		lg_free(copy);
		lg_error_set(&s->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return LG_EXEC_ERROR;
	}
	s->savepoints = grown;
	/* Without a SQLite transaction yet, the savepoint is created when
	 * one begins (there is nothing to roll back before that). */
	if (s->sqlite_open) {
		lg_exec_status_t st = savepoint_sql(s, "SAVEPOINT", plan->name);
		if (st != LG_EXEC_DONE) {
			lg_free(copy);
			return st;
		}
		s->nsavepoints_open = s->nsavepoints + 1;
	}
	s->savepoints[s->nsavepoints++] = copy;
	return LG_EXEC_DONE;
}

static lg_exec_status_t do_release(lg_session_t *s, const lg_rw_stmt_t *plan, bool rollback)
{
	const char *what = rollback ? "ROLLBACK TO SAVEPOINT" : "RELEASE SAVEPOINT";
	if (s->xact != LG_XACT_EXPLICIT && s->xact != LG_XACT_FAILED) {
		lg_error_set(&s->err, LG_SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
			     "%s can only be used in transaction blocks", what);
		return LG_EXEC_ERROR;
	}
	int i = find_savepoint(s, plan->name);
	if (i < 0) {
		lg_error_set(&s->err, LG_SQLSTATE_INVALID_SAVEPOINT_SPECIFICATION,
			     "savepoint \"%s\" does not exist", plan->name);
		return LG_EXEC_ERROR;
	}
	if (i < s->nsavepoints_open) {
		lg_exec_status_t st =
			savepoint_sql(s, rollback ? "ROLLBACK TO" : "RELEASE", plan->name);
		if (st != LG_EXEC_DONE)
			return st;
	}
	/* ROLLBACK TO keeps the savepoint itself; RELEASE drops it too. */
	int keep = rollback ? i + 1 : i;
	for (int k = keep; k < s->nsavepoints; k++)
		lg_free(s->savepoints[k]);
	s->nsavepoints = keep;
	if (s->nsavepoints_open > keep)
		s->nsavepoints_open = keep;
	if (rollback && s->xact == LG_XACT_FAILED)
		s->xact = LG_XACT_EXPLICIT;
	return LG_EXEC_DONE;
}

/* SHOW name: one text column named after the setting, one row. */
static lg_exec_status_t do_show(lg_session_t *s, const lg_rw_stmt_t *plan, bool describe,
				bool rows)
{
	lg_wire_field_t f = {.type_oid = LG_OID_TEXT, .typlen = -1, .typmod = -1};
	if (strcmp(plan->name, "all") == 0) {
		lg_wire_field_t fields[3] = {f, f, f};
		fields[0].name = "name";
		fields[1].name = "setting";
		fields[2].name = "description";
		if (describe)
			lg_wire_row_description(&s->out, 3, fields);
		for (int i = 0; rows; i++) {
			const char *vals[3];
			if (!lg_settings_describe(s->settings, i, &vals[0], &vals[1], &vals[2]))
				break;
			lg_msg_t m;
			lg_wire_datarow_begin(&m, &s->out, 3);
			for (int k = 0; k < 3; k++)
				lg_wire_datarow_value(&m, vals[k], strlen(vals[k]));
			lg_msg_end(&m);
		}
		return LG_EXEC_DONE;
	}
	const char *canonical = NULL;
	const char *value = lg_settings_show(s->settings, plan->name, &canonical, &s->err);
	if (!value)
		return LG_EXEC_ERROR;
	f.name = canonical;
	if (describe)
		lg_wire_row_description(&s->out, 1, &f);
	if (rows) {
		lg_msg_t m;
		lg_wire_datarow_begin(&m, &s->out, 1);
		lg_wire_datarow_value(&m, value, strlen(value));
		lg_msg_end(&m);
	}
	return LG_EXEC_DONE;
}

static lg_exec_status_t do_set(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	int rc;
	if (plan->is_local && s->xact != LG_XACT_EXPLICIT && s->xact != LG_XACT_FAILED) {
		warning(s, LG_SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
			"SET LOCAL can only be used in transaction blocks");
		return LG_EXEC_DONE;
	}
	if (plan->kind == LG_RW_RESET)
		rc = lg_settings_reset(s->settings, plan->name, &s->err);
	else
		rc = lg_settings_set(s->settings, plan->name, plan->value, plan->is_local, &s->err);
	return rc == 0 ? LG_EXEC_DONE : LG_EXEC_ERROR;
}

static lg_exec_status_t do_set_transaction(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	if (s->xact != LG_XACT_EXPLICIT) {
		warning(s, LG_SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
			"SET TRANSACTION can only be used in transaction blocks");
		return LG_EXEC_DONE;
	}
	if (plan->isolation != LG_ISO_DEFAULT) {
		if (s->sqlite_open) {
			lg_error_set(&s->err, LG_SQLSTATE_ACTIVE_SQL_TRANSACTION,
				     "SET TRANSACTION ISOLATION LEVEL must be called before any query");
			return LG_EXEC_ERROR;
		}
		set_isolation(s, plan->isolation);
	}
	if (plan->read_only == 1)
		set_read_only(s, true);
	else if (plan->read_only == 0) {
		if (s->xact_read_only && s->sqlite_open) {
			lg_error_set(&s->err, LG_SQLSTATE_ACTIVE_SQL_TRANSACTION,
				     "transaction read-write mode must be set before any query");
			return LG_EXEC_ERROR;
		}
		set_read_only(s, false);
	}
	return LG_EXEC_DONE;
}

static bool in_block(const lg_session_t *s)
{
	return s->xact == LG_XACT_EXPLICIT || s->xact == LG_XACT_FAILED ||
	       (s->xact == LG_XACT_IMPLICIT && (s->q.multi || s->sqlite_open));
}

static lg_exec_status_t do_database(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	bool create = plan->kind == LG_RW_CREATE_DATABASE;
	if (in_block(s)) {
		lg_error_set(&s->err, LG_SQLSTATE_ACTIVE_SQL_TRANSACTION,
			     "%s cannot run inside a transaction block",
			     create ? "CREATE DATABASE" : "DROP DATABASE");
		return LG_EXEC_ERROR;
	}
	int rc;
	if (create) {
		rc = lg_db_create(&s->srv->dbs, plan->name, plan->template_db, &s->err);
	} else if (strcmp(plan->name, s->dbname) == 0) {
		lg_error_set(&s->err, LG_SQLSTATE_OBJECT_IN_USE,
			     "cannot drop the currently open database");
		rc = -1;
	} else {
		rc = lg_db_drop(&s->srv->dbs, plan->name, plan->missing_ok, &s->err);
	}
	return rc == 0 ? LG_EXEC_DONE : LG_EXEC_ERROR;
}

static lg_exec_status_t do_discard(lg_session_t *s)
{
	if (s->xact == LG_XACT_EXPLICIT || s->xact == LG_XACT_FAILED) {
		lg_error_set(&s->err, LG_SQLSTATE_ACTIVE_SQL_TRANSACTION,
			     "DISCARD ALL cannot run inside a transaction block");
		return LG_EXEC_ERROR;
	}
	lg_session_drop_portals(s);
	lg_session_drop_prepared(s);
	if (lg_settings_reset(s->settings, NULL, &s->err) != 0)
		return LG_EXEC_ERROR;
	return LG_EXEC_DONE;
}

static lg_exec_status_t do_deallocate(lg_session_t *s, const lg_rw_stmt_t *plan, char *tag,
				      size_t taglen)
{
	if (!plan->name) {
		lg_session_drop_prepared(s);
		snprintf(tag, taglen, "DEALLOCATE ALL");
		return LG_EXEC_DONE;
	}
	if (lg_session_remove_prepared(s, plan->name))
		return LG_EXEC_DONE;
	lg_error_set(&s->err, LG_SQLSTATE_INVALID_SQL_STATEMENT_NAME,
		     "prepared statement \"%s\" does not exist", plan->name);
	return LG_EXEC_ERROR;
}

lg_exec_status_t lg_session_utility(lg_session_t *s, const lg_rw_stmt_t *plan, bool describe,
				    char *tag, size_t taglen)
{
	if (taglen)
		snprintf(tag, taglen, "%s", plan->tag);
	switch (plan->kind) {
	case LG_RW_BEGIN: return do_begin(s, plan);
	case LG_RW_COMMIT: return do_end(s, true, tag, taglen);
	case LG_RW_ROLLBACK: return do_end(s, false, tag, taglen);
	case LG_RW_SAVEPOINT: return do_savepoint(s, plan);
	case LG_RW_RELEASE: return do_release(s, plan, false);
	case LG_RW_ROLLBACK_TO: return do_release(s, plan, true);
	case LG_RW_SET:
	case LG_RW_RESET: return do_set(s, plan);
	case LG_RW_SHOW: return do_show(s, plan, describe, taglen > 0);
	case LG_RW_SET_TRANSACTION: return do_set_transaction(s, plan);
	case LG_RW_CREATE_DATABASE:
	case LG_RW_DROP_DATABASE: return do_database(s, plan);
	case LG_RW_DISCARD_ALL: return do_discard(s);
	case LG_RW_DEALLOCATE: return do_deallocate(s, plan, tag, taglen);
	case LG_RW_SQL:
	case LG_RW_EMPTY:
		break;
	}
	lg_error_set(&s->err, LG_SQLSTATE_INTERNAL_ERROR, "unexpected utility statement");
	return LG_EXEC_ERROR;
}
