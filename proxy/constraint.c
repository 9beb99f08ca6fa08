/* PostgreSQL's details for constraint violations ("Key (email)=(a@b.c)
 * already exists.", "Failing row contains (...)."). SQLite does not say which
 * values failed, so the failed statement (already rolled back by SQLite) is
 * run once more with a temporary BEFORE trigger that records each row it
 * tries to write; the last recorded row is the offending one. Nothing of
 * this runs unless a constraint fails. */
#include "proxy/exec.h"

#include "catalog/codec.h"
#include "catalog/schema.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <string.h>

#define CAPTURE_FN "_lg_capture_row"

typedef struct capture {
	const lg_cat_table_t *table;
	lg_sb_t text[2000]; /* unused beyond ncols; sized by SQLite's column limit */
	bool null[2000];
	bool have;
} capture_t;

static void capture_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	capture_t *cap = sqlite3_user_data(ctx);
	const lg_cat_table_t *t = cap->table;
	for (int i = 0; i < argc && i < t->ncols; i++) {
		lg_sb_t *sb = &cap->text[i];
		lg_sb_reset(sb);
		lg_value_t v = {0};
		switch (sqlite3_value_type(argv[i])) {
		case SQLITE_NULL: cap->null[i] = true; continue;
		case SQLITE_INTEGER: v.kind = LG_VAL_INT; v.i = sqlite3_value_int64(argv[i]); break;
		case SQLITE_FLOAT: v.kind = LG_VAL_REAL; v.r = sqlite3_value_double(argv[i]); break;
		case SQLITE_BLOB:
			v.kind = LG_VAL_BLOB;
			v.s = sqlite3_value_blob(argv[i]);
			v.len = (size_t)sqlite3_value_bytes(argv[i]);
			break;
		default:
			v.kind = LG_VAL_TEXT;
			v.s = (const char *)sqlite3_value_text(argv[i]);
			v.len = (size_t)sqlite3_value_bytes(argv[i]);
			break;
		}
		cap->null[i] = false;
		lg_error_t ignore = LG_ERROR_INIT;
		lg_codec_encode_text(t->cols[i].type, t->cols[i].typmod, &v, sb, &ignore);
		lg_error_clear(&ignore);
	}
	cap->have = true;
	sqlite3_result_null(ctx);
}

static void trigger_sql(lg_sb_t *sb, const lg_cat_table_t *t, const char *event)
{
	lg_sb_appendf(sb, "CREATE TEMP TRIGGER \"_lg_capture_%s\" BEFORE %s ON main.", event, event);
	lg_sb_append_ident(sb, t->name);
	lg_sb_append(sb, " BEGIN SELECT " CAPTURE_FN "(");
	for (int i = 0; i < t->ncols; i++) {
		lg_sb_append(sb, i ? ", NEW." : "NEW.");
		lg_sb_append_ident(sb, t->cols[i].name);
	}
	lg_sb_append(sb, "); END;");
}

/* Re-runs `st` with the capture trigger installed. */
static bool rerun_capturing(sqlite3 *db, sqlite3_stmt *st, capture_t *cap)
{
	lg_sb_t sql = LG_SB_INIT;
	trigger_sql(&sql, cap->table, "INSERT");
	trigger_sql(&sql, cap->table, "UPDATE");
	bool ok = !sql.failed &&
		  sqlite3_create_function(db, CAPTURE_FN, -1, SQLITE_UTF8, cap, capture_fn, NULL,
					  NULL) == SQLITE_OK &&
		  sqlite3_exec(db, sql.data, NULL, NULL, NULL) == SQLITE_OK;
	lg_sb_free(&sql);
	if (ok) {
		sqlite3_reset(st);
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		sqlite3_reset(st);
	}
	sqlite3_exec(db,
		     "DROP TRIGGER IF EXISTS temp.\"_lg_capture_INSERT\";"
		     "DROP TRIGGER IF EXISTS temp.\"_lg_capture_UPDATE\";",
		     NULL, NULL, NULL);
	sqlite3_create_function(db, CAPTURE_FN, -1, SQLITE_UTF8, NULL, NULL, NULL, NULL);
	return ok && cap->have;
}

static void append_value(lg_sb_t *sb, const capture_t *cap, int i)
{
	if (cap->null[i])
		lg_sb_append(sb, "null");
	else
		lg_sb_appendn(sb, cap->text[i].data ? cap->text[i].data : "", cap->text[i].len);
}

static void unique_detail(const capture_t *cap, const char *constraint, lg_error_t *err)
{
	const lg_cat_table_t *t = cap->table;
	for (int i = 0; i < t->nindexes; i++) {
		const lg_cat_index_t *ix = &t->indexes[i];
		if (strcmp(ix->name, constraint) != 0)
			continue;
		lg_sb_t cols = LG_SB_INIT, vals = LG_SB_INIT;
		for (int k = 0; k < ix->ncols; k++) {
			int a = ix->attnums[k];
			if (a < 1 || a > t->ncols)
				continue;
			lg_sb_append(&cols, k ? ", " : "");
			lg_sb_append(&cols, t->cols[a - 1].name);
			lg_sb_append(&vals, k ? ", " : "");
			append_value(&vals, cap, a - 1);
		}
		if (!cols.failed && !vals.failed)
			lg_error_field(err, LG_ERRF_DETAIL, "Key (%s)=(%s) already exists.",
				       cols.data ? cols.data : "", vals.data ? vals.data : "");
		lg_sb_free(&cols);
		lg_sb_free(&vals);
		return;
	}
}

static void row_detail(const capture_t *cap, lg_error_t *err)
{
	lg_sb_t row = LG_SB_INIT;
	for (int i = 0; i < cap->table->ncols; i++) {
		lg_sb_append(&row, i ? ", " : "");
		append_value(&row, cap, i);
	}
	if (!row.failed)
		lg_error_field(err, LG_ERRF_DETAIL, "Failing row contains (%s).",
			       row.data ? row.data : "");
	lg_sb_free(&row);
}

void lg_exec_constraint_detail(sqlite3 *db, sqlite3_stmt *st, lg_cat_t *cat, lg_error_t *err)
{
	const char *table = lg_error_get(err, LG_ERRF_TABLE);
	if (!cat || !table || !table[0] || sqlite3_stmt_readonly(st))
		return;
	lg_error_t ignore = LG_ERROR_INIT;
	const lg_cat_table_t *t = lg_cat_table(cat, NULL, table, &ignore);
	lg_error_clear(&ignore);
	if (!t || t->ncols > 2000)
		return;
	capture_t *cap = lg_calloc(1, sizeof(*cap));
	if (!cap)
		return;
	cap->table = t;
	if (rerun_capturing(db, st, cap)) {
		if (err->sqlstate == LG_SQLSTATE_UNIQUE_VIOLATION)
			unique_detail(cap, lg_error_get(err, LG_ERRF_CONSTRAINT), err);
		else
			row_detail(cap, err);
	}
	for (int i = 0; i < t->ncols; i++)
		lg_sb_free(&cap->text[i]);
	lg_free(cap);
}
