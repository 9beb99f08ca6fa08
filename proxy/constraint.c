/* PostgreSQL's details for constraint violations ("Key (email)=(a@b.c)
 * already exists.", "Failing row contains (...).", the foreign key that
 * failed). SQLite does not say which values failed, nor which foreign key,
 * so the failed statement (already undone by SQLite) is run once more with a
 * temporary BEFORE trigger that records the rows it tries to write, and the
 * recorded rows are checked. Nothing of this runs unless a constraint fails.
 * Known difference: a serial column in "Failing row contains" shows the
 * sequence's next value, not the one the failed attempt took. */
#include "proxy/exec.h"

#include "catalog/codec.h"
#include "catalog/schema.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#define CAPTURE_FN "_lg_capture_row"
#define MAX_ROWS 10000

typedef struct row {
	sqlite3_value **vals;
	struct row *next;
} row_t;

typedef struct capture {
	const lg_cat_table_t *table;
	row_t *rows; /* newest first */
	int nrows;
} capture_t;

static void capture_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	capture_t *cap = sqlite3_user_data(ctx);
	sqlite3_result_null(ctx);
	if (cap->nrows >= MAX_ROWS || argc != cap->table->ncols)
		return;
	row_t *r = lg_calloc(1, sizeof(*r));
	if (!r)
		return;
	r->vals = lg_calloc((size_t)argc, sizeof(*r->vals));
	if (!r->vals) {
		lg_free(r);
		return;
	}
	for (int i = 0; i < argc; i++)
		r->vals[i] = sqlite3_value_dup(argv[i]);
	r->next = cap->rows;
	cap->rows = r;
	cap->nrows++;
}

static void free_capture(capture_t *cap)
{
	while (cap->rows) {
		row_t *r = cap->rows;
		cap->rows = r->next;
		for (int i = 0; i < cap->table->ncols; i++)
			sqlite3_value_free(r->vals[i]);
		lg_free(r->vals);
		lg_free(r);
	}
}

static void trigger_sql(lg_sb_t *sb, const lg_cat_table_t *t, const char *event, const char *row)
{
	lg_sb_appendf(sb, "CREATE TEMP TRIGGER \"_lg_capture_%s\" BEFORE %s ON main.", event, event);
	lg_sb_append_ident(sb, t->name);
	lg_sb_append(sb, " BEGIN SELECT " CAPTURE_FN "(");
	for (int i = 0; i < t->ncols; i++) {
		lg_sb_appendf(sb, "%s%s.", i ? ", " : "", row);
		lg_sb_append_ident(sb, t->cols[i].name);
	}
	lg_sb_append(sb, "); END;");
}

/* Re-runs `st` recording the NEW (or, with `old`, the OLD) rows it writes. */
static bool rerun_capturing(sqlite3 *db, sqlite3_stmt *st, capture_t *cap, bool old)
{
	lg_sb_t sql = LG_SB_INIT;
	if (old) {
		trigger_sql(&sql, cap->table, "UPDATE", "OLD");
		trigger_sql(&sql, cap->table, "DELETE", "OLD");
	} else {
		trigger_sql(&sql, cap->table, "INSERT", "NEW");
		trigger_sql(&sql, cap->table, "UPDATE", "NEW");
	}
	bool ok = !sql.failed &&
		  sqlite3_create_function(db, CAPTURE_FN, -1, SQLITE_UTF8, cap, capture_fn, NULL,
					  NULL) == SQLITE_OK &&
		  sqlite3_exec(db, sql.data, NULL, NULL, NULL) == SQLITE_OK;
	lg_sb_free(&sql);
	/* The savepoint undoes whatever the second run changed outside the
	 * failed statement itself (sequence values). */
	if (ok && sqlite3_exec(db, "SAVEPOINT _lg_capture", NULL, NULL, NULL) == SQLITE_OK) {
		sqlite3_reset(st);
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		sqlite3_reset(st);
		sqlite3_exec(db, "ROLLBACK TO _lg_capture; RELEASE _lg_capture", NULL, NULL, NULL);
	}
	sqlite3_exec(db,
		     "DROP TRIGGER IF EXISTS temp.\"_lg_capture_INSERT\";"
		     "DROP TRIGGER IF EXISTS temp.\"_lg_capture_UPDATE\";"
		     "DROP TRIGGER IF EXISTS temp.\"_lg_capture_DELETE\";",
		     NULL, NULL, NULL);
	sqlite3_create_function(db, CAPTURE_FN, -1, SQLITE_UTF8, NULL, NULL, NULL, NULL);
	return ok && cap->rows;
}

/* Appends value i of a captured row as PostgreSQL prints it. */
static void append_value(lg_sb_t *sb, const lg_cat_table_t *t, sqlite3_value *v, int i)
{
	lg_value_t lv = {0};
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		lg_sb_append(sb, "null");
		return;
	case SQLITE_INTEGER: lv.kind = LG_VAL_INT; lv.i = sqlite3_value_int64(v); break;
	case SQLITE_FLOAT: lv.kind = LG_VAL_REAL; lv.r = sqlite3_value_double(v); break;
	case SQLITE_BLOB:
		lv.kind = LG_VAL_BLOB;
		lv.s = sqlite3_value_blob(v);
		lv.len = (size_t)sqlite3_value_bytes(v);
		break;
	default:
		lv.kind = LG_VAL_TEXT;
		lv.s = (const char *)sqlite3_value_text(v);
		lv.len = (size_t)sqlite3_value_bytes(v);
		break;
	}
	lg_error_t ignore = LG_ERROR_INIT;
	lg_codec_encode_text(t->cols[i].type, t->cols[i].typmod, &lv, sb, &ignore);
	lg_error_clear(&ignore);
}

/* "(a, b)=(1, 2)" for columns `attnums` of a captured row. */
static void key_text(lg_sb_t *sb, const lg_cat_table_t *t, const row_t *r, const int16_t *attnums,
		     int n)
{
	lg_sb_putc(sb, '(');
	for (int k = 0; k < n; k++) {
		lg_sb_append(sb, k ? ", " : "");
		lg_sb_append(sb, t->cols[attnums[k] - 1].name);
	}
	lg_sb_append(sb, ")=(");
	for (int k = 0; k < n; k++) {
		lg_sb_append(sb, k ? ", " : "");
		append_value(sb, t, r->vals[attnums[k] - 1], attnums[k] - 1);
	}
	lg_sb_putc(sb, ')');
}

static bool valid_attnums(const lg_cat_table_t *t, const int16_t *attnums, int n)
{
	for (int k = 0; k < n; k++)
		if (attnums[k] < 1 || attnums[k] > t->ncols)
			return false;
	return n > 0;
}

static int row_exists(sqlite3 *db, const char *table, const char *const *cols, int n,
		      sqlite3_value *const *vals);

/* The unique index, in PostgreSQL's order (primary key, then by creation),
 * that already holds the captured row's key: PostgreSQL reports the first
 * one it checks, SQLite may name another. */
static const lg_cat_index_t *first_conflict(sqlite3 *db, const capture_t *cap)
{
	const lg_cat_table_t *t = cap->table;
	for (int i = 0; i < t->nindexes; i++) {
		const lg_cat_index_t *ix = &t->indexes[i];
		const char *cols[64];
		sqlite3_value *vals[64];
		if (!ix->unique || ix->partial || ix->ncols > 64 ||
		    !valid_attnums(t, ix->attnums, ix->ncols))
			continue;
		bool has_null = false;
		for (int k = 0; k < ix->ncols; k++) {
			cols[k] = t->cols[ix->attnums[k] - 1].name;
			vals[k] = cap->rows->vals[ix->attnums[k] - 1];
			has_null |= sqlite3_value_type(vals[k]) == SQLITE_NULL;
		}
		if (!has_null && row_exists(db, t->name, cols, ix->ncols, vals) == 1)
			return ix;
	}
	return NULL;
}

static void unique_detail(sqlite3 *db, const capture_t *cap, const char *constraint,
			  bool insert, lg_error_t *err)
{
	const lg_cat_table_t *t = cap->table;
	/* An updated row finds itself in the table: only inserts are probed. */
	const lg_cat_index_t *first = insert ? first_conflict(db, cap) : NULL;
	if (first && constraint && strcmp(first->name, constraint) != 0) {
		lg_error_clear(err);
		lg_error_set(err, LG_SQLSTATE_UNIQUE_VIOLATION,
			     "duplicate key value violates unique constraint \"%s\"", first->name);
		lg_exec_constraint_fields(err, t->name, first->name);
		constraint = first->name;
	}
	for (int i = 0; i < t->nindexes && constraint; i++) {
		const lg_cat_index_t *ix = &t->indexes[i];
		if (strcmp(ix->name, constraint) != 0 || !valid_attnums(t, ix->attnums, ix->ncols))
			continue;
		lg_sb_t key = LG_SB_INIT;
		key_text(&key, t, cap->rows, ix->attnums, ix->ncols);
		if (!key.failed)
			lg_error_field(err, LG_ERRF_DETAIL, "Key %s already exists.", key.data);
		lg_sb_free(&key);
		return;
	}
}

static void row_detail(const capture_t *cap, lg_error_t *err)
{
	lg_sb_t row = LG_SB_INIT;
	for (int i = 0; i < cap->table->ncols; i++) {
		lg_sb_append(&row, i ? ", " : "");
		append_value(&row, cap->table, cap->rows->vals[i], i);
	}
	if (!row.failed)
		lg_error_field(err, LG_ERRF_DETAIL, "Failing row contains (%s).",
			       row.data ? row.data : "");
	lg_sb_free(&row);
}

/* 1 if main.`table` has a row whose `cols` equal `vals`, 0 if not, -1 if
 * the probe could not run. */
static int row_exists(sqlite3 *db, const char *table, const char *const *cols, int n,
		      sqlite3_value *const *vals)
{
	lg_sb_t sql = LG_SB_INIT;
	lg_sb_append(&sql, "SELECT 1 FROM main.");
	lg_sb_append_ident(&sql, table);
	for (int k = 0; k < n; k++) {
		lg_sb_append(&sql, k ? " AND " : " WHERE ");
		lg_sb_append_ident(&sql, cols[k]);
		lg_sb_appendf(&sql, " = ?%d", k + 1);
	}
	lg_sb_append(&sql, " LIMIT 1");
	sqlite3_stmt *st = NULL;
	int found = -1;
	if (!sql.failed && sqlite3_prepare_v2(db, sql.data, -1, &st, NULL) == SQLITE_OK) {
		for (int k = 0; k < n; k++)
			sqlite3_bind_value(st, k + 1, vals[k]);
		int rc = sqlite3_step(st);
		found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	lg_sb_free(&sql);
	return found;
}

/* A row written to the referencing table has no referenced row. */
static bool child_violation(sqlite3 *db, const capture_t *cap, lg_error_t *err)
{
	const lg_cat_table_t *t = cap->table;
	for (const row_t *r = cap->rows; r; r = r->next) {
		for (int f = 0; f < t->nfkeys; f++) {
			const lg_cat_fkey_t *fk = &t->fkeys[f];
			sqlite3_value *vals[64];
			if (fk->ncols > 64 || !valid_attnums(t, fk->attnums, fk->ncols))
				continue;
			bool has_null = false;
			for (int k = 0; k < fk->ncols; k++) {
				vals[k] = r->vals[fk->attnums[k] - 1];
				has_null |= sqlite3_value_type(vals[k]) == SQLITE_NULL;
			}
			if (has_null || row_exists(db, fk->ref_table, fk->ref_cols, fk->ncols, vals) != 0)
				continue;
			lg_sb_t key = LG_SB_INIT;
			key_text(&key, t, r, fk->attnums, fk->ncols);
			lg_error_clear(err);
			lg_error_set(err, LG_SQLSTATE_FOREIGN_KEY_VIOLATION,
				     "insert or update on table \"%s\" violates foreign key constraint \"%s\"",
				     t->name, fk->name);
			if (!key.failed)
				lg_error_field(err, LG_ERRF_DETAIL, "Key %s is not present in table \"%s\".",
					       key.data, fk->ref_table);
			lg_exec_constraint_fields(err, t->name, fk->name);
			lg_sb_free(&key);
			return true;
		}
	}
	return false;
}

/* Positions in `t` of the referenced columns of `fk`. */
static bool ref_attnums(const lg_cat_table_t *t, const lg_cat_fkey_t *fk, int16_t *out)
{
	for (int k = 0; k < fk->ncols; k++) {
		const lg_cat_column_t *c = lg_cat_column(t, fk->ref_cols[k]);
		if (!c)
			return false;
		out[k] = c->attnum;
	}
	return true;
}

/* A row removed from (or changed in) the referenced table is still used. */
static bool parent_violation(sqlite3 *db, lg_cat_t *cat, const capture_t *cap, lg_error_t *err)
{
	const lg_cat_table_t *t = cap->table;
	const lg_cat_table_t *const *tables;
	int ntables;
	lg_error_t ignore = LG_ERROR_INIT;
	if (lg_cat_tables(cat, &tables, &ntables, &ignore) != 0) {
		lg_error_clear(&ignore);
		return false;
	}
	for (const row_t *r = cap->rows; r; r = r->next) {
		for (int i = 0; i < ntables; i++) {
			const lg_cat_table_t *c = tables[i];
			for (int f = 0; f < c->nfkeys; f++) {
				const lg_cat_fkey_t *fk = &c->fkeys[f];
				int16_t refs[64];
				const char *cols[64];
				sqlite3_value *vals[64];
				if (strcmp(fk->ref_table, t->name) != 0 || fk->ncols > 64 ||
				    fk->on_delete == LG_FK_CASCADE || fk->on_delete == LG_FK_SET_NULL ||
				    fk->on_delete == LG_FK_SET_DEFAULT || !ref_attnums(t, fk, refs) ||
				    !valid_attnums(c, fk->attnums, fk->ncols))
					continue;
				for (int k = 0; k < fk->ncols; k++) {
					cols[k] = c->cols[fk->attnums[k] - 1].name;
					vals[k] = r->vals[refs[k] - 1];
				}
				if (row_exists(db, c->name, cols, fk->ncols, vals) != 1)
					continue;
				lg_sb_t key = LG_SB_INIT;
				key_text(&key, t, r, refs, fk->ncols);
				lg_error_clear(err);
				lg_error_set(err, LG_SQLSTATE_FOREIGN_KEY_VIOLATION,
					     "update or delete on table \"%s\" violates foreign key "
					     "constraint \"%s\" on table \"%s\"",
					     t->name, fk->name, c->name);
				if (!key.failed)
					lg_error_field(err, LG_ERRF_DETAIL,
						       "Key %s is still referenced from table \"%s\".",
						       key.data, c->name);
				lg_exec_constraint_fields(err, c->name, fk->name);
				lg_sb_free(&key);
				return true;
			}
		}
	}
	return false;
}

typedef struct target {
	char table[LG_CAT_NAME_MAX + 1];
	int action; /* SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE; 0 = none */
} target_t;

static int authorize(void *arg, int action, const char *a1, const char *a2, const char *db,
		     const char *trigger)
{
	LG_UNUSED(a2);
	LG_UNUSED(trigger);
	target_t *t = arg;
	if (!t->action && (action == SQLITE_INSERT || action == SQLITE_UPDATE ||
			   action == SQLITE_DELETE) && a1 && db && strcmp(db, "main") == 0 &&
	    strncmp(a1, "sqlite_", 7) != 0 && strncmp(a1, "_lg_", 4) != 0) {
		t->action = action;
		snprintf(t->table, sizeof(t->table), "%s", a1);
	}
	return SQLITE_OK;
}

/* Which table `st` writes, found by preparing it again under an authorizer. */
static bool find_target(sqlite3 *db, sqlite3_stmt *st, target_t *t)
{
	memset(t, 0, sizeof(*t));
	sqlite3_stmt *again = NULL;
	sqlite3_set_authorizer(db, authorize, t);
	sqlite3_prepare_v2(db, sqlite3_sql(st), -1, &again, NULL);
	sqlite3_set_authorizer(db, NULL, NULL);
	sqlite3_finalize(again);
	return t->action != 0;
}

void lg_exec_constraint_detail(sqlite3 *db, sqlite3_stmt *st, lg_cat_t *cat, lg_error_t *err)
{
	if (!cat || sqlite3_stmt_readonly(st))
		return;
	target_t target;
	const char *table = lg_error_get(err, LG_ERRF_TABLE);
	bool fk = err->sqlstate == LG_SQLSTATE_FOREIGN_KEY_VIOLATION;
	if (fk) {
		if (!find_target(db, st, &target))
			return;
		table = target.table;
	}
	if (!table || !table[0])
		return;
	lg_error_t ignore = LG_ERROR_INIT;
	const lg_cat_table_t *t = lg_cat_table(cat, NULL, table, &ignore);
	lg_error_clear(&ignore);
	if (!t)
		return;
	capture_t cap = {.table = t};
	if (!fk) {
		if (rerun_capturing(db, st, &cap, false)) {
			if (err->sqlstate == LG_SQLSTATE_UNIQUE_VIOLATION)
				unique_detail(db, &cap, lg_error_get(err, LG_ERRF_CONSTRAINT),
					      find_target(db, st, &target) &&
						      target.action == SQLITE_INSERT,
					      err);
			else
				row_detail(&cap, err);
		}
	} else if (target.action != SQLITE_DELETE && rerun_capturing(db, st, &cap, false) &&
		   child_violation(db, &cap, err)) {
		/* found */
	} else if (target.action != SQLITE_INSERT) {
		free_capture(&cap);
		if (rerun_capturing(db, st, &cap, true))
			parent_violation(db, cat, &cap, err);
	}
	free_capture(&cap);
}
