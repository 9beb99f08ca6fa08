/* PostgreSQL's details for constraint violations ("Key (email)=(a@b.c)
 * already exists.", "Failing row contains (...).", the foreign key that
 * failed). SQLite does not say which values failed, nor which foreign key,
 * so the failed statement (already undone by SQLite) is run once more with a
 * temporary BEFORE trigger that records the rows it tries to write, and the
 * recorded rows are checked (nextval replays the failed run's values).
 * Nothing of this runs unless a constraint fails. */
#include "proxy/exec.h"

#include "catalog/codec.h"
#include "catalog/schema.h"
#include "catalog/sequence.h"
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
	/* The rowid of the row an UPDATE changes (it finds itself when keys are
	 * probed), or 0 with has_self false for an INSERT. */
	sqlite3_int64 self;
	bool has_self;
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
	if (cap->nrows >= MAX_ROWS || argc != cap->table->ncols + 1)
		return;
	row_t *r = lg_calloc(1, sizeof(*r));
	if (!r)
		return;
	r->vals = lg_calloc((size_t)argc, sizeof(*r->vals));
	if (!r->vals) {
		lg_free(r);
		return;
	}
	for (int i = 0; i < argc - 1; i++)
		r->vals[i] = sqlite3_value_dup(argv[i]);
	r->has_self = sqlite3_value_type(argv[argc - 1]) == SQLITE_INTEGER;
	r->self = sqlite3_value_int64(argv[argc - 1]);
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
		lg_sb_appendf(sb, "%s.", row);
		lg_sb_append_ident(sb, t->cols[i].name);
		lg_sb_append(sb, ", ");
	}
	lg_sb_append(sb, strcmp(event, "UPDATE") == 0 ? "OLD.rowid" : "NULL");
	lg_sb_append(sb, "); END;");
}

/* Re-runs `st` recording the NEW (or, with `old`, the OLD) rows it writes. */
static bool rerun_capturing(sqlite3 *db, sqlite3_stmt *st, capture_t *cap, bool old,
			    lg_cat_seq_session_t *seqs)
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
		/* nextval gives the failed run's values again. */
		lg_cat_sequence_replay(seqs, true);
		sqlite3_reset(st);
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		sqlite3_reset(st);
		lg_cat_sequence_replay(seqs, false);
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

/* Appends a value of type `type` as PostgreSQL prints it. */
static void append_typed(lg_sb_t *sb, lg_oid_t type, int32_t typmod, sqlite3_value *v)
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
	if (lg_codec_encode_text(type, typmod, &lv, sb, &ignore) < 0)
		lg_sb_append(sb, "?");
	lg_error_clear(&ignore);
}

/* Appends value i of a captured row as PostgreSQL prints it. */
static void append_value(lg_sb_t *sb, const lg_cat_table_t *t, sqlite3_value *v, int i)
{
	append_typed(sb, t->cols[i].type, t->cols[i].typmod, v);
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

#define MAX_KEYS 64

/* A unique index's key for one captured row: column values, or index
 * expressions evaluated on the row. Values are owned (freed by key_free). */
typedef struct index_key {
	int n;
	const char *sql[MAX_KEYS]; /* SQLite text of each key (a quoted column or an expression) */
	const char *name[MAX_KEYS]; /* as "Key (...)" names it */
	lg_oid_t type[MAX_KEYS];
	int32_t typmod[MAX_KEYS];
	sqlite3_value *val[MAX_KEYS];
	lg_sb_t text; /* storage for quoted column names */
} index_key_t;

static void key_free(index_key_t *k)
{
	for (int i = 0; i < k->n; i++)
		sqlite3_value_free(k->val[i]);
	lg_sb_free(&k->text);
}

/* Evaluates index expression `sql` (bare column names) on captured row r. */
static sqlite3_value *eval_on_row(sqlite3 *db, const lg_cat_table_t *t, const row_t *r,
				  const char *sql)
{
	lg_sb_t q = LG_SB_INIT;
	lg_sb_append(&q, "SELECT ");
	lg_sb_append(&q, sql);
	lg_sb_append(&q, " FROM (SELECT ");
	for (int i = 0; i < t->ncols; i++) {
		lg_sb_appendf(&q, "%s?%d AS ", i ? ", " : "", i + 1);
		lg_sb_append_ident(&q, t->cols[i].name);
	}
	lg_sb_putc(&q, ')');
	sqlite3_stmt *st = NULL;
	sqlite3_value *v = NULL;
	if (!q.failed && sqlite3_prepare_v2(db, q.data, -1, &st, NULL) == SQLITE_OK) {
		for (int i = 0; i < t->ncols; i++)
			sqlite3_bind_value(st, i + 1, r->vals[i]);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_value_dup(sqlite3_column_value(st, 0));
	}
	sqlite3_finalize(st);
	lg_sb_free(&q);
	return v;
}

/* The key of `ix` for row r; false when it cannot be computed (an
 * expression whose text the catalog does not have). */
static bool index_key(sqlite3 *db, const lg_cat_table_t *t, const lg_cat_index_t *ix,
		      const row_t *r, index_key_t *k)
{
	memset(k, 0, sizeof(*k));
	if (ix->ncols > MAX_KEYS)
		return false;
	size_t off[MAX_KEYS];
	for (int i = 0; i < ix->ncols; i++) {
		int a = ix->attnums[i];
		const lg_cat_index_key_t *e = ix->keys ? &ix->keys[i] : NULL;
		if (a >= 1 && a <= t->ncols) {
			off[i] = k->text.len;
			lg_sb_append_ident(&k->text, t->cols[a - 1].name);
			lg_sb_putc(&k->text, '\0');
			k->name[i] = t->cols[a - 1].name;
			k->type[i] = t->cols[a - 1].type;
			k->typmod[i] = t->cols[a - 1].typmod;
			k->val[i] = sqlite3_value_dup(r->vals[a - 1]);
		} else if (a == 0 && e && e->sql && e->pg && e->type) {
			k->sql[i] = e->sql;
			k->name[i] = e->pg;
			k->type[i] = e->type;
			k->typmod[i] = -1;
			k->val[i] = eval_on_row(db, t, r, e->sql);
		}
		k->n = i + 1;
		if (!k->val[i] || k->text.failed)
			return false;
	}
	for (int i = 0; i < ix->ncols; i++)
		if (!k->sql[i])
			k->sql[i] = k->text.data + off[i];
	return k->n > 0;
}

/* 1 if main.`table` has a row whose keys equal `k` (other than row r's
 * own), 0 if not, -1 on error. */
static int key_exists(sqlite3 *db, const char *table, const index_key_t *k, const row_t *r)
{
	lg_sb_t sql = LG_SB_INIT;
	lg_sb_append(&sql, "SELECT 1 FROM main.");
	lg_sb_append_ident(&sql, table);
	for (int i = 0; i < k->n; i++)
		lg_sb_appendf(&sql, "%s(%s) = ?%d", i ? " AND " : " WHERE ", k->sql[i], i + 1);
	if (r->has_self)
		lg_sb_appendf(&sql, " AND rowid <> %lld", (long long)r->self);
	lg_sb_append(&sql, " LIMIT 1");
	sqlite3_stmt *st = NULL;
	int found = -1;
	if (!sql.failed && sqlite3_prepare_v2(db, sql.data, -1, &st, NULL) == SQLITE_OK) {
		for (int i = 0; i < k->n; i++)
			sqlite3_bind_value(st, i + 1, k->val[i]);
		int rc = sqlite3_step(st);
		found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	lg_sb_free(&sql);
	return found;
}

static bool key_has_null(const index_key_t *k)
{
	for (int i = 0; i < k->n; i++)
		if (sqlite3_value_type(k->val[i]) == SQLITE_NULL)
			return true;
	return false;
}

/* The unique index, in PostgreSQL's order (primary key, then by creation),
 * that already holds the captured row's key: PostgreSQL reports the first
 * one it checks, SQLite may name another. */
static const lg_cat_index_t *first_conflict(sqlite3 *db, const capture_t *cap)
{
	const lg_cat_table_t *t = cap->table;
	for (int i = 0; i < t->nindexes; i++) {
		const lg_cat_index_t *ix = &t->indexes[i];
		index_key_t k;
		bool hit = ix->unique && !ix->partial && index_key(db, t, ix, cap->rows, &k) &&
			   !key_has_null(&k) && key_exists(db, t->name, &k, cap->rows) == 1;
		if (ix->unique && !ix->partial)
			key_free(&k);
		if (hit)
			return ix;
	}
	return NULL;
}

static void unique_detail(sqlite3 *db, const capture_t *cap, const char *constraint,
			  lg_error_t *err)
{
	const lg_cat_table_t *t = cap->table;
	const lg_cat_index_t *first = first_conflict(db, cap);
	if (first && constraint && strcmp(first->name, constraint) != 0) {
		lg_error_clear(err);
		lg_error_set(err, LG_SQLSTATE_UNIQUE_VIOLATION,
			     "duplicate key value violates unique constraint \"%s\"", first->name);
		lg_exec_constraint_fields(err, t->name, first->name);
		constraint = first->name;
	}
	for (int i = 0; i < t->nindexes && constraint; i++) {
		const lg_cat_index_t *ix = &t->indexes[i];
		index_key_t k;
		if (strcmp(ix->name, constraint) != 0)
			continue;
		if (index_key(db, t, ix, cap->rows, &k)) {
			lg_sb_t key = LG_SB_INIT;
			lg_sb_putc(&key, '(');
			for (int j = 0; j < k.n; j++)
				lg_sb_appendf(&key, "%s%s", j ? ", " : "", k.name[j]);
			lg_sb_append(&key, ")=(");
			for (int j = 0; j < k.n; j++) {
				lg_sb_append(&key, j ? ", " : "");
				append_typed(&key, k.type[j], k.typmod[j], k.val[j]);
			}
			lg_sb_putc(&key, ')');
			if (!key.failed)
				lg_error_field(err, LG_ERRF_DETAIL, "Key %s already exists.", key.data);
			lg_sb_free(&key);
		}
		key_free(&k);
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
	lg_cat_seq_session_t *seqs = lg_cat_sequences(cat);
	if (!fk) {
		if (rerun_capturing(db, st, &cap, false, seqs)) {
			if (err->sqlstate == LG_SQLSTATE_UNIQUE_VIOLATION)
				unique_detail(db, &cap, lg_error_get(err, LG_ERRF_CONSTRAINT), err);
			else
				row_detail(&cap, err);
		}
	} else if (target.action != SQLITE_DELETE && rerun_capturing(db, st, &cap, false, seqs) &&
		   child_violation(db, &cap, err)) {
		/* found */
	} else if (target.action != SQLITE_INSERT) {
		free_capture(&cap);
		if (rerun_capturing(db, st, &cap, true, seqs))
			parent_violation(db, cat, &cap, err);
	}
	free_capture(&cap);
}
