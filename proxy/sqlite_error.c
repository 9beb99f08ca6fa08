/* The one place where SQLite result codes become PostgreSQL errors. */
#include "proxy/exec.h"

#include "catalog/schema.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#define MAX_KEY_COLS 32

void lg_exec_constraint_fields(lg_error_t *err, const char *table, const char *constraint)
{
	lg_error_field(err, LG_ERRF_SCHEMA, "public");
	lg_error_field(err, LG_ERRF_TABLE, "%s", table);
	if (constraint)
		lg_error_field(err, LG_ERRF_CONSTRAINT, "%s", constraint);
}

/* Splits "t.a, t.b" (SQLite's constraint message tail) into the table name
 * and column names. Returns the number of columns. */
static int split_columns(const char *s, char *table, size_t tlen, char cols[][64], int max)
{
	int n = 0;
	table[0] = '\0';
	while (*s && n < max) {
		const char *dot = strchr(s, '.');
		const char *comma = strstr(s, ", ");
		if (!dot || (comma && comma < dot))
			break;
		snprintf(table, tlen, "%.*s", (int)(dot - s), s);
		const char *end = comma ? comma : s + strlen(s);
		snprintf(cols[n++], 64, "%.*s", (int)(end - dot - 1), dot + 1);
		s = comma ? comma + 2 : end;
	}
	return n;
}

static const lg_cat_index_t *find_index(const lg_cat_table_t *t, char cols[][64], int ncols)
{
	for (int i = 0; i < t->nindexes; i++) {
		const lg_cat_index_t *ix = &t->indexes[i];
		if (!ix->unique || ix->ncols != ncols)
			continue;
		bool match = true;
		for (int k = 0; k < ncols && match; k++) {
			int a = ix->attnums[k];
			match = a >= 1 && a <= t->ncols && strcmp(t->cols[a - 1].name, cols[k]) == 0;
		}
		if (match)
			return ix;
	}
	return NULL;
}

/* "UNIQUE constraint failed: index 'name'" (expression indexes). */
static bool unique_index_violation(const char *tail, lg_cat_t *cat, lg_error_t *err)
{
	char name[128];
	if (!cat || strncmp(tail, "index '", 7) != 0)
		return false;
	snprintf(name, sizeof(name), "%s", tail + 7);
	char *quote = strchr(name, '\'');
	if (quote)
		*quote = '\0';
	const lg_cat_table_t *t = NULL;
	lg_error_t ignore = LG_ERROR_INIT;
	const lg_cat_index_t *ix = lg_cat_index(cat, NULL, name, &t, &ignore);
	lg_error_clear(&ignore);
	if (!ix || !t)
		return false;
	lg_error_set(err, LG_SQLSTATE_UNIQUE_VIOLATION,
		     "duplicate key value violates unique constraint \"%s\"", ix->name);
	lg_exec_constraint_fields(err, t->name, ix->name);
	return true;
}

static void unique_violation(const char *msg, lg_cat_t *cat, lg_error_t *err)
{
	char table[128];
	char cols[MAX_KEY_COLS][64];
	const char *tail = strchr(msg, ':');
	if (tail && unique_index_violation(tail + 2, cat, err))
		return;
	int n = tail ? split_columns(tail + 2, table, sizeof(table), cols, MAX_KEY_COLS) : 0;
	const lg_cat_table_t *t = NULL;
	lg_error_t ignore = LG_ERROR_INIT;
	if (cat && n > 0)
		t = lg_cat_table(cat, NULL, table, &ignore);
	lg_error_clear(&ignore);
	const lg_cat_index_t *ix = t ? find_index(t, cols, n) : NULL;
	char name[160];
	if (ix)
		snprintf(name, sizeof(name), "%s", ix->name);
	else
		snprintf(name, sizeof(name), "%s_pkey", table);
	lg_error_set(err, LG_SQLSTATE_UNIQUE_VIOLATION,
		     "duplicate key value violates unique constraint \"%s\"", name);
	lg_exec_constraint_fields(err, table, name);
}

static void not_null_violation(const char *msg, lg_error_t *err)
{
	char table[128];
	char cols[1][64];
	const char *tail = strchr(msg, ':');
	if (!tail || split_columns(tail + 2, table, sizeof(table), cols, 1) != 1) {
		lg_error_set(err, LG_SQLSTATE_NOT_NULL_VIOLATION, "%s", msg);
		return;
	}
	lg_error_set(err, LG_SQLSTATE_NOT_NULL_VIOLATION,
		     "null value in column \"%s\" of relation \"%s\" violates not-null constraint",
		     cols[0], table);
	lg_exec_constraint_fields(err, table, NULL);
	lg_error_field(err, LG_ERRF_COLUMN, "%s", cols[0]);
}

/* The table whose CREATE statement declares CHECK constraint `name`. */
static void check_table(sqlite3 *db, const char *name, char *table, size_t len)
{
	table[0] = '\0';
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
			       "instr(sql, 'CONSTRAINT \"' || ?1 || '\" CHECK') > 0",
			       -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(table, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void check_violation(sqlite3 *db, const char *msg, lg_error_t *err)
{
	const char *tail = strchr(msg, ':');
	char name[128];
	char table[128];
	snprintf(name, sizeof(name), "%s", tail ? tail + 2 : "");
	check_table(db, name, table, sizeof(table));
	lg_error_set(err, LG_SQLSTATE_CHECK_VIOLATION,
		     "new row for relation \"%s\" violates check constraint \"%s\"", table, name);
	lg_exec_constraint_fields(err, table, name);
}

/* SQLite reports errors raised by our UDFs with the SQLSTATE encoded as a
 * "SQLSTATE xxxxx: message" prefix (see catalog/functions.c). */
static bool udf_error(const char *msg, lg_error_t *err)
{
	if (strncmp(msg, "SQLSTATE ", 9) != 0 || strlen(msg) < 16 || msg[14] != ':')
		return false;
	for (int s = 0; s < LG_SQLSTATE__COUNT; s++) {
		if (strncmp(lg_sqlstate_code((lg_sqlstate_t)s), msg + 9, 5) != 0)
			continue;
		/* message, then DETAIL / HINT fields (catalog/udf.h) */
		const char *text = msg + 16;
		const char *sep = strchr(text, LG_UDF_FIELD_SEP);
		lg_error_set(err, (lg_sqlstate_t)s, "%.*s",
			     (int)(sep ? (size_t)(sep - text) : strlen(text)), text);
		while (sep && sep[1]) {
			const char *field = sep + 2;
			char kind = sep[1];
			sep = strchr(field, LG_UDF_FIELD_SEP);
			int len = (int)(sep ? (size_t)(sep - field) : strlen(field));
			if (kind == 'D')
				lg_error_field(err, LG_ERRF_DETAIL, "%.*s", len, field);
			else if (kind == 'H')
				lg_error_field(err, LG_ERRF_HINT, "%.*s", len, field);
		}
		return true;
	}
	return false;
}

void lg_exec_sqlite_error(sqlite3 *db, int rc, lg_cat_t *cat, lg_error_t *err)
{
	const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	if (db)
		rc = sqlite3_extended_errcode(db);
	switch (rc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		unique_violation(msg, cat, err);
		return;
	case SQLITE_CONSTRAINT_NOTNULL:
		not_null_violation(msg, err);
		return;
	case SQLITE_CONSTRAINT_CHECK:
		check_violation(db, msg, err);
		return;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		lg_error_set(err, LG_SQLSTATE_FOREIGN_KEY_VIOLATION,
			     "insert or update violates foreign key constraint");
		return;
	default:
		/* ON DELETE/UPDATE RESTRICT fails without the extended code. */
		if ((rc & 0xff) == SQLITE_CONSTRAINT && strcmp(msg, "FOREIGN KEY constraint failed") == 0) {
			lg_error_set(err, LG_SQLSTATE_FOREIGN_KEY_VIOLATION,
				     "insert or update violates foreign key constraint");
			return;
		}
		break;
	}
	if (udf_error(msg, err))
		return;
	switch (rc & 0xff) {
	case SQLITE_INTERRUPT:
		lg_error_set(err, LG_SQLSTATE_QUERY_CANCELED, "canceling statement due to user request");
		return;
	case SQLITE_NOMEM:
		lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return;
	case SQLITE_FULL:
		lg_error_set(err, LG_SQLSTATE_DISK_FULL, "could not extend file: %s", msg);
		return;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		lg_error_set(err, LG_SQLSTATE_SERIALIZATION_FAILURE,
			     "could not serialize access due to concurrent update");
		return;
	case SQLITE_READONLY:
		lg_error_set(err, LG_SQLSTATE_READ_ONLY_SQL_TRANSACTION, "%s", msg);
		return;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		lg_error_set(err, LG_SQLSTATE_IO_ERROR, "%s", msg);
		return;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		lg_error_set(err, LG_SQLSTATE_DATA_CORRUPTED, "%s", msg);
		return;
	case SQLITE_TOOBIG:
		lg_error_set(err, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "%s", msg);
		return;
	case SQLITE_CONSTRAINT:
		lg_error_set(err, LG_SQLSTATE_INTEGRITY_CONSTRAINT_VIOLATION, "%s", msg);
		return;
	default:
		/* A translation that SQLite rejects is our bug, not the user's. */
		lg_error_set(err, LG_SQLSTATE_INTERNAL_ERROR, "SQLite: %s", msg);
		return;
	}
}
