/* nextval, currval, setval, lastval as SQLite functions (see sequence.h).
 * Each call reads and writes the sequence's row in _lg_sequence on the
 * calling connection; currval/lastval state is per connection, kept in the
 * functions' shared user data. */
#include "catalog/sequence.h"

#include "catalog/schema_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/mem.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* 2200H sequence_generator_limit_exceeded is not in common/sqlstate.def
 * yet: until it is, report its class (22000). */
#ifndef SEQ_LIMIT_STATE
#define SEQ_LIMIT_STATE LG_SQLSTATE_DATA_EXCEPTION
#endif

typedef struct seq_val {
	bool temp;
	int64_t rowid;
	char name[LG_CAT_NAME_MAX + 1];
	int64_t value;
} seq_val_t;

typedef struct seq_state {
	int refs;
	seq_val_t *vals;
	int n, cap;
	int last; /* index of the sequence nextval used last, -1 if none */
	/* Prepared once per connection for nextval's hot path (schema public).
	 * Finalized by lg_cat_close_connection, not here: SQLite destroys the
	 * functions' data only once every statement is gone. */
	sqlite3_stmt *read_main;
	sqlite3_stmt *write_main;
} seq_state_t;

/* A sequence row as the functions need it. */
typedef struct seq_row {
	bool temp;
	int64_t rowid;
	char name[LG_CAT_NAME_MAX + 1];
	int64_t increment, min, max, last_value;
	bool cycle, is_called;
} seq_row_t;

/* Parses a regclass literal: [schema.]name, unquoted parts folded to lower
 * case, "quoted" parts kept. Returns 0, or -1 after reporting the error. */
static int parse_name(sqlite3_context *ctx, const char *s, char *schema, char *name)
{
	char parts[3][LG_CAT_NAME_MAX + 1];
	int np = 0;
	const char *p = s;
	for (;;) {
		size_t k = 0;
		char *d = parts[np];
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
				if (*p == '"')
					p++;
				if (k < LG_CAT_NAME_MAX)
					d[k++] = *p;
			}
			if (*p != '"' || k == 0)
				goto bad;
			p++;
		} else {
			while (*p && *p != '.' && !isspace((unsigned char)*p)) {
				if (k < LG_CAT_NAME_MAX)
					d[k++] = (char)tolower((unsigned char)*p);
				p++;
			}
			if (k == 0)
				goto bad;
		}
		d[k] = '\0';
		np++;
		if (*p != '.')
			break;
		if (np == 3) {
			lg_udf_error(ctx, LG_SQLSTATE_SYNTAX_ERROR,
				     "improper qualified name (too many dotted names): %s", s);
			return -1;
		}
		p++;
	}
	if (*p)
		goto bad;
	strcpy(name, parts[np - 1]);
	strcpy(schema, np >= 2 ? parts[np - 2] : "");
	return 0;
bad:
	lg_udf_error(ctx, LG_SQLSTATE_SYNTAX_ERROR, "invalid name syntax");
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

static void fn_nextval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	seq_state_t *s = sqlite3_user_data(ctx);
	seq_row_t r;
	int64_t v;
	LG_UNUSED(argc);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return; /* strict, like PostgreSQL's */
	if (find_seq(ctx, argv[0], &r) < 0 || next_value(ctx, &r, &v) < 0 ||
	    write_seq(ctx, &r, v, true) < 0 || !remember(ctx, s, &r, v, true))
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
	if (!e) {
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
	if (is_called && !remember(ctx, s, &r, v, false))
		return;
	sqlite3_result_int64(ctx, v);
}

static void state_release(void *p)
{
	seq_state_t *s = p;
	if (--s->refs > 0)
		return;
	lg_free(s->vals);
	lg_free(s);
}

int lg_cat_register_sequences(sqlite3 *db, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"nextval", 1, fn_nextval}, {"currval", 1, fn_currval}, {"lastval", 0, fn_lastval},
		{"setval", 2, fn_setval},   {"setval", 3, fn_setval},
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
	if (rc != SQLITE_OK)
		return lg_error_set(err,
				    rc == SQLITE_NOMEM ? LG_SQLSTATE_OUT_OF_MEMORY
						       : LG_SQLSTATE_INTERNAL_ERROR,
				    "registering sequence functions: %s", sqlite3_errstr(rc));
	return 0;
}
