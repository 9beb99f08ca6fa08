/* nextval, currval, setval, lastval as SQLite functions (see sequence.h).
 * Each call reads and writes the sequence's row in _lg_sequence on the
 * calling connection, and starts from the out-of-transaction record of
 * sequence_hi.h when that is further on; currval/lastval state is per
 * connection, kept in the functions' shared user data. */
#include "catalog/sequence.h"

#include "catalog/sequence_hi.h"
#include "catalog/schema_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/mem.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEQ_LIMIT_STATE LG_SQLSTATE_SEQUENCE_GENERATOR_LIMIT_EXCEEDED

/* A sequence this connection has used. */
typedef struct seq_val {
	bool temp;
	int64_t rowid;
	char name[LG_CAT_NAME_MAX + 1];
	bool has_value; /* currval is defined */
	int64_t value;
	/* The statement (generation) that last took values, and the state the
	 * sequence was in before it: to undo a statement that runs again, and to
	 * replay it for a constraint's detail. */
	uint64_t gen;
	int64_t pre_value, handed;
	bool pre_called;
	bool replaying;
	int64_t replay_value;
	bool replay_called;
} seq_val_t;

struct lg_cat_seq_session {
	int refs;
	uint64_t gen; /* bumped by lg_cat_sequence_statement */
	bool replay;
	bool main_hi_looked;
	lg_seq_hi_set_t *main_hi; /* shared by the database file's connections */
	lg_seq_hi_set_t *temp_hi; /* this connection's temporary sequences */
	seq_val_t *vals;
	int n, cap;
	int last; /* index of the sequence nextval used last, -1 if none */
	/* Prepared once per connection for nextval's hot path (schema public).
	 * Finalized by lg_cat_close_connection, not here: SQLite destroys the
	 * functions' data only once every statement is gone. */
	sqlite3_stmt *read_main;
	sqlite3_stmt *write_main;
};
typedef struct lg_cat_seq_session seq_state_t;

/* A sequence row as the functions need it. */
typedef struct seq_row {
	bool temp;
	int64_t rowid;
	char name[LG_CAT_NAME_MAX + 1];
	int64_t increment, min, max, last_value;
	bool cycle, is_called;
} seq_row_t;

/* lg_cat_regclass_parse with the error reported to SQLite. */
static int parse_name(sqlite3_context *ctx, const char *s, char *schema, char *name)
{
	lg_error_t err = LG_ERROR_INIT;
	if (lg_cat_regclass_parse(s, schema, name, &err) == 0)
		return 0;
	lg_udf_error(ctx, err.sqlstate, "%s", err.message);
	lg_error_clear(&err);
	return -1;
}

/* Reads the row of main/temp _lg_sequence by name, or by rowid when name
 * is NULL. 1 found, 0 not, -1 SQLite error. */
/* A statement on main/temp._lg_sequence: the cached one when `cache` is
 * given (reset for reuse), else a new one the caller finalizes. NULL when
 * the schema has no _lg_sequence (no sequences there). */
static sqlite3_stmt *seq_stmt(sqlite3 *db, bool temp, const char *sql_fmt, const char *where,
			      sqlite3_stmt **cache)
{
	if (cache && *cache) {
		sqlite3_reset(*cache);
		return *cache;
	}
	if (temp && sqlite3_table_column_metadata(db, "temp", "_lg_sequence", NULL, NULL, NULL, NULL,
						  NULL, NULL) != SQLITE_OK)
		return NULL;
	char sql[200];
	snprintf(sql, sizeof(sql), sql_fmt, temp ? "temp" : "main", where);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db, sql, -1, cache ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL) !=
	    SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	if (cache)
		*cache = st;
	return st;
}

static void done_stmt(sqlite3_stmt *st, sqlite3_stmt *const *cache)
{
	if (cache && *cache == st)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
}

static int read_seq(sqlite3 *db, bool temp, const char *name, int64_t rowid, seq_row_t *r,
		    seq_state_t *state)
{
	/* Only the by-name lookup of schema public is hot (nextval in defaults). */
	sqlite3_stmt **cache = state && name && !temp ? &state->read_main : NULL;
	sqlite3_stmt *st = seq_stmt(db, temp,
				    "SELECT rowid, name, increment_by, min_value, max_value, "
				    "last_value, cycle, is_called FROM %s._lg_sequence WHERE %s",
				    name ? "name = ?1" : "rowid = ?1", cache);
	if (!st)
		return 0; /* no _lg_sequence in that schema: no sequences */
	if (name)
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, rowid);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->temp = temp;
		r->rowid = sqlite3_column_int64(st, 0);
		snprintf(r->name, sizeof(r->name), "%s", (const char *)sqlite3_column_text(st, 1));
		r->increment = sqlite3_column_int64(st, 2);
		r->min = sqlite3_column_int64(st, 3);
		r->max = sqlite3_column_int64(st, 4);
		r->last_value = sqlite3_column_int64(st, 5);
		r->cycle = sqlite3_column_int(st, 6) != 0;
		r->is_called = sqlite3_column_int(st, 7) != 0;
	}
	done_stmt(st, cache);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static bool is_table(sqlite3 *db, const char *dbname, const char *name)
{
	lg_error_t err = LG_ERROR_INIT;
	int r = lg_cat_sqlite_has_table(db, dbname, name, &err);
	lg_error_clear(&err);
	return r > 0 && !lg_cat_internal_name(name);
}

/* Finds the sequence an argument names (text or OID); reports PostgreSQL's
 * errors. Returns 0, or -1 after reporting. */
static int find_seq(sqlite3_context *ctx, sqlite3_value *arg, seq_row_t *r)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	int found = 0;
	if (sqlite3_value_type(arg) == SQLITE_INTEGER) {
		int64_t oid = sqlite3_value_int64(arg);
		for (int slot = LG_CAT_SLOT_SEQ; slot <= LG_CAT_SLOT_TEMP_SEQ && !found; slot++) {
			int64_t rowid = oid - (int64_t)lg_cat_oid(slot, 0);
			if (rowid > 0 && rowid < (1 << 24))
				found = read_seq(db, slot == LG_CAT_SLOT_TEMP_SEQ, NULL, rowid, r, NULL);
		}
		if (found <= 0) {
			lg_udf_error(ctx, LG_SQLSTATE_UNDEFINED_TABLE,
				     "could not open relation with OID %lld", (long long)oid);
			return -1;
		}
		return 0;
	}
	const char *text = (const char *)sqlite3_value_text(arg);
	char schema[LG_CAT_NAME_MAX + 1], name[LG_CAT_NAME_MAX + 1];
	if (!text) {
		lg_udf_error(ctx, LG_SQLSTATE_INTERNAL_ERROR, "sequence name is null");
		return -1;
	}
	if (parse_name(ctx, text, schema, name) < 0)
		return -1;
	bool temp_ok = !schema[0] || strcmp(schema, "pg_temp") == 0;
	bool main_ok = !schema[0] || strcmp(schema, "public") == 0;
	if (!temp_ok && !main_ok && strcmp(schema, "pg_catalog") != 0) {
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist",
			     schema);
		return -1;
	}
	if (temp_ok)
		found = read_seq(db, true, name, 0, r, NULL);
	if (found == 0 && main_ok)
		found = read_seq(db, false, name, 0, r, sqlite3_user_data(ctx));
	if (found < 0) {
		sqlite3_result_error_code(ctx, sqlite3_errcode(db));
		return -1;
	}
	if (found > 0)
		return 0;
	if ((temp_ok && is_table(db, "temp", name)) || (main_ok && is_table(db, "main", name)))
		lg_udf_error(ctx, LG_SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", name);
	else
		lg_udf_error(ctx, LG_SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
			     name);
	return -1;
}

static int write_seq(sqlite3_context *ctx, const seq_row_t *r, int64_t value, bool is_called)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	seq_state_t *state = sqlite3_user_data(ctx);
	sqlite3_stmt **cache = !r->temp ? &state->write_main : NULL;
	sqlite3_stmt *st = seq_stmt(db, r->temp,
				    "UPDATE %s._lg_sequence SET last_value = ?1, is_called = ?2 "
				    "WHERE %s",
				    "rowid = ?3", cache);
	int rc = st ? SQLITE_OK : sqlite3_errcode(db);
	if (st) {
		sqlite3_bind_int64(st, 1, value);
		sqlite3_bind_int(st, 2, is_called);
		sqlite3_bind_int64(st, 3, r->rowid);
		rc = sqlite3_step(st);
		done_stmt(st, cache);
	}
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_READONLY)
			lg_udf_error(ctx, LG_SQLSTATE_READ_ONLY_SQL_TRANSACTION,
				     "cannot execute nextval() in a read-only transaction");
		else
			sqlite3_result_error_code(ctx, rc);
		return -1;
	}
	return 0;
}

/* The session's currval entry for a sequence, created if asked. */
static seq_val_t *session_val(seq_state_t *s, const seq_row_t *r, bool create)
{
	for (int i = 0; i < s->n; i++)
		if (s->vals[i].temp == r->temp && s->vals[i].rowid == r->rowid &&
		    strcmp(s->vals[i].name, r->name) == 0)
			return &s->vals[i];
	if (!create)
		return NULL;
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 8;
		seq_val_t *v = lg_realloc(s->vals, sizeof(*v) * (size_t)cap);
		if (!v)
			return NULL;
		s->vals = v;
		s->cap = cap;
	}
	seq_val_t *v = &s->vals[s->n++];
	memset(v, 0, sizeof(*v));
	v->temp = r->temp;
	v->rowid = r->rowid;
	memcpy(v->name, r->name, sizeof(v->name));
	return v;
}

static bool remember(sqlite3_context *ctx, seq_state_t *s, const seq_row_t *r, int64_t v,
		     bool make_last)
{
	seq_val_t *e = session_val(s, r, true);
	if (!e) {
		sqlite3_result_error_nomem(ctx);
		return false;
	}
	e->value = v;
	e->has_value = true;
	if (make_last)
		s->last = (int)(e - s->vals);
	return true;
}

/* PostgreSQL's nextval_internal with a cache of one. */
static int next_value(sqlite3_context *ctx, const seq_row_t *r, int64_t *out)
{
	int64_t next = r->last_value, inc = r->increment;
	if (!r->is_called) {
		*out = next;
		return 0;
	}
	if (inc > 0) {
		if ((r->max >= 0 && next > r->max - inc) || (r->max < 0 && next + inc > r->max)) {
			if (!r->cycle) {
				lg_udf_error(
					ctx, SEQ_LIMIT_STATE,
					"nextval: reached maximum value of sequence \"%s\" (%lld)",
					r->name, (long long)r->max);
				return -1;
			}
			next = r->min;
		} else {
			next += inc;
		}
	} else {
		if ((r->min < 0 && next < r->min - inc) || (r->min >= 0 && next + inc < r->min)) {
			if (!r->cycle) {
				lg_udf_error(
					ctx, SEQ_LIMIT_STATE,
					"nextval: reached minimum value of sequence \"%s\" (%lld)",
					r->name, (long long)r->min);
				return -1;
			}
			next = r->max;
		} else {
			next += inc;
		}
	}
	*out = next;
	return 0;
}

/* The record that outlives transactions for r's schema, or NULL (a
 * database without a file: nextval then stays transactional). */
static lg_seq_hi_set_t *hi_set(sqlite3_context *ctx, seq_state_t *s, bool temp)
{
	if (temp) {
		if (!s->temp_hi)
			s->temp_hi = lg_seq_hi_new();
		return s->temp_hi;
	}
	if (!s->main_hi_looked) {
		/* Keyed by the file's canonical path, as DROP DATABASE names it. */
		const char *file = sqlite3_db_filename(sqlite3_context_db_handle(ctx), "main");
		char *canon = file && file[0] ? realpath(file, NULL) : NULL;
		s->main_hi = canon ? lg_seq_hi_shared(canon) : NULL;
		s->main_hi_looked = s->main_hi != NULL;
		free(canon);
	}
	return s->main_hi;
}

/* Starts r from the record when that is further on than the row (which a
 * rollback may have taken back). */
static void apply_hi(lg_seq_hi_set_t *hi, seq_row_t *r)
{
	int64_t v;
	bool called;
	if (!hi || !lg_seq_hi_get(hi, r->name, r->rowid, &v, &called))
		return;
	bool ahead = r->increment > 0 ? v > r->last_value : v < r->last_value;
	if (ahead || (v == r->last_value && called && !r->is_called)) {
		r->last_value = v;
		r->is_called = called;
	}
}

/* nextval while a failed statement runs again for its constraint detail:
 * the same values as the failed run, and nothing remembered. */
static void replay_nextval(sqlite3_context *ctx, seq_state_t *s, seq_val_t *e, seq_row_t *r)
{
	int64_t v;
	bool same_stmt = e->gen == s->gen;
	if (same_stmt) {
		if (!e->replaying) {
			e->replay_value = e->pre_value;
			e->replay_called = e->pre_called;
			e->replaying = true;
		}
		r->last_value = e->replay_value;
		r->is_called = e->replay_called;
	} else {
		apply_hi(hi_set(ctx, s, r->temp), r);
	}
	if (next_value(ctx, r, &v) < 0 || write_seq(ctx, r, v, true) < 0)
		return;
	if (same_stmt) {
		e->replay_value = v;
		e->replay_called = true;
	}
	sqlite3_result_int64(ctx, v);
}

static void fn_nextval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	seq_state_t *s = sqlite3_user_data(ctx);
	seq_row_t r;
	int64_t v;
	LG_UNUSED(argc);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return; /* strict, like PostgreSQL's */
	if (find_seq(ctx, argv[0], &r) < 0)
		return;
	seq_val_t *e = session_val(s, &r, true);
	if (!e) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (s->replay) {
		replay_nextval(ctx, s, e, &r);
		return;
	}
	lg_seq_hi_set_t *hi = hi_set(ctx, s, r.temp);
	apply_hi(hi, &r);
	if (e->gen != s->gen) {
		e->gen = s->gen;
		e->pre_value = r.last_value;
		e->pre_called = r.is_called;
	}
	if (next_value(ctx, &r, &v) < 0 || write_seq(ctx, &r, v, true) < 0)
		return;
	if (hi)
		lg_seq_hi_put(hi, r.name, r.rowid, v, true);
	e->handed = v;
	if (!remember(ctx, s, &r, v, true))
		return;
	sqlite3_result_int64(ctx, v);
}

static void fn_currval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	seq_state_t *s = sqlite3_user_data(ctx);
	seq_row_t r;
	LG_UNUSED(argc);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	if (find_seq(ctx, argv[0], &r) < 0)
		return;
	seq_val_t *e = session_val(s, &r, false);
	if (!e || !e->has_value) {
		lg_udf_error(ctx, LG_SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE,
			     "currval of sequence \"%s\" is not yet defined in this session",
			     r.name);
		return;
	}
	sqlite3_result_int64(ctx, e->value);
}

static void fn_lastval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	seq_state_t *s = sqlite3_user_data(ctx);
	LG_UNUSED(argc);
	LG_UNUSED(argv);
	seq_row_t r;
	int found = 0;
	if (s->last >= 0) {
		/* The sequence may have been dropped since. */
		const seq_val_t *e = &s->vals[s->last];
		found = read_seq(sqlite3_context_db_handle(ctx), e->temp, NULL, e->rowid, &r, NULL);
		if (found > 0 && strcmp(r.name, s->vals[s->last].name) != 0)
			found = 0;
	}
	if (found <= 0) {
		lg_udf_error(ctx, LG_SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE,
			     "lastval is not yet defined in this session");
		return;
	}
	sqlite3_result_int64(ctx, s->vals[s->last].value);
}

static void fn_setval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	seq_state_t *s = sqlite3_user_data(ctx);
	seq_row_t r;
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return;
	bool is_called = argc < 3 || sqlite3_value_int(argv[2]) != 0;
	int64_t v = sqlite3_value_int64(argv[1]);
	if (find_seq(ctx, argv[0], &r) < 0)
		return;
	if (v < r.min || v > r.max) {
		lg_udf_error(ctx, LG_SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			     "setval: value %lld is out of bounds for sequence \"%s\" (%lld..%lld)",
			     (long long)v, r.name, (long long)r.min, (long long)r.max);
		return;
	}
	if (write_seq(ctx, &r, v, is_called) < 0)
		return;
	lg_seq_hi_set_t *hi = s->replay ? NULL : hi_set(ctx, s, r.temp);
	if (hi)
		lg_seq_hi_put(hi, r.name, r.rowid, v, is_called);
	if (is_called && !s->replay && !remember(ctx, s, &r, v, false))
		return;
	sqlite3_result_int64(ctx, v);
}

static void state_release(void *p)
{
	seq_state_t *s = p;
	if (--s->refs > 0)
		return;
	lg_seq_hi_free(s->temp_hi);
	lg_free(s->vals);
	lg_free(s);
}

/* _lg_seq_forget(schema, name, value): the sequence was created, dropped or
 * restarted by DDL, so its record is void; returns `value` so the DDL's SQL
 * can call it in place of a value it writes. */
static void fn_forget(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	seq_state_t *s = sqlite3_user_data(ctx);
	LG_UNUSED(argc);
	const char *schema = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	lg_seq_hi_set_t *hi = schema && name ? hi_set(ctx, s, strcmp(schema, "temp") == 0) : NULL;
	if (hi)
		lg_seq_hi_forget(hi, name);
	sqlite3_result_value(ctx, argv[2]);
}

void lg_cat_sequence_statement(lg_cat_seq_session_t *s)
{
	if (s)
		s->gen++;
}

void lg_cat_sequence_rewind(lg_cat_seq_session_t *s)
{
	for (int i = 0; s && i < s->n; i++) {
		seq_val_t *e = &s->vals[i];
		if (e->gen != s->gen)
			continue;
		lg_seq_hi_set_t *hi = e->temp ? s->temp_hi : s->main_hi;
		if (hi)
			lg_seq_hi_rewind(hi, e->name, e->rowid, e->handed, e->pre_value,
					 e->pre_called);
		e->gen = 0;
	}
}

void lg_cat_sequence_replay(lg_cat_seq_session_t *s, bool on)
{
	if (!s)
		return;
	s->replay = on;
	for (int i = 0; i < s->n; i++)
		s->vals[i].replaying = false;
}

int lg_cat_register_sequences(sqlite3 *db, lg_cat_seq_session_t **session, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"nextval", 1, fn_nextval}, {"currval", 1, fn_currval}, {"lastval", 0, fn_lastval},
		{"setval", 2, fn_setval},   {"setval", 3, fn_setval},
		{"_lg_seq_forget", 3, fn_forget},
	};
	seq_state_t *s = lg_calloc(1, sizeof(*s));
	if (!s)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	s->last = -1;
	s->refs = 1; /* ours, dropped below */
	int rc = SQLITE_OK;
	for (size_t i = 0; i < LG_ARRAY_LEN(fns) && rc == SQLITE_OK; i++) {
		s->refs++;
		/* Not SQLITE_DIRECTONLY: column defaults in the schema call nextval. */
		rc = sqlite3_create_function_v2(db, fns[i].name, fns[i].nargs, SQLITE_UTF8, s,
						fns[i].fn, NULL, NULL, state_release);
	}
	state_release(s);
	if (session)
		*session = rc == SQLITE_OK ? s : NULL;
	if (rc != SQLITE_OK)
		return lg_error_set(err,
				    rc == SQLITE_NOMEM ? LG_SQLSTATE_OUT_OF_MEMORY
						       : LG_SQLSTATE_INTERNAL_ERROR,
				    "registering sequence functions: %s", sqlite3_errstr(rc));
	return 0;
}
