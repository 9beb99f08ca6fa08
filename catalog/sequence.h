/* Sequences, stored in each database as rows of an internal table:
 *
 *   _lg_sequence(name TEXT PRIMARY KEY, type, start_value, increment_by,
 *                min_value, max_value, cache_size, cycle, last_value,
 *                is_called, owner_table, owner_column, identity)
 *
 * (main._lg_sequence for schema public, temp._lg_sequence for sequences of
 * temporary tables). A sequence's OID is lg_cat_oid(LG_CAT_SLOT_SEQ, rowid)
 * (see catalog/schema.h). owner_table/owner_column record OWNED BY (serial
 * and identity columns); identity is 'a' (GENERATED ALWAYS), 'd' (BY
 * DEFAULT) or NULL.
 *
 * nextval(text), currval(text), setval(text, int8 [, bool]) and lastval()
 * are SQLite functions with PostgreSQL's semantics and errors; the argument
 * is parsed like a regclass literal ('users_id_seq', 'public.s', '"Mixed"'),
 * or is an OID. currval/lastval state is per SQLite connection.
 *
 * As in PostgreSQL, nextval and setval are not undone by a rollback: the
 * row is written in the caller's transaction, and a process-wide record
 * (sequence_hi.h) keeps what a rolled-back transaction took. */
#ifndef LG_SEQUENCE_H
#define LG_SEQUENCE_H

#include "catalog/schema.h"
#include "common/lg.h"

typedef struct lg_cat_sequence {
	char name[LG_CAT_NAME_MAX + 1];
	bool temp;
	lg_oid_t oid;
	lg_oid_t type; /* LG_OID_INT2/INT4/INT8 */
	int64_t start, increment, min, max, cache;
	bool cycle;
	int64_t last_value;
	bool is_called;
	char owner_table[LG_CAT_NAME_MAX + 1]; /* "" when not owned */
	char owner_column[LG_CAT_NAME_MAX + 1];
	char identity; /* 'a', 'd' or '\0' */
} lg_cat_sequence_t;

/* Options of CREATE/ALTER SEQUENCE (and identity columns) as written; the
 * has_* flags say which were given. no_min/no_max: NO MINVALUE/MAXVALUE. */
typedef struct lg_cat_seq_opts {
	bool has_type, has_increment, has_min, has_max, has_start, has_cache, has_cycle;
	bool no_min, no_max;
	bool restart; /* ALTER ... RESTART */
	bool has_restart; /* RESTART WITH n */
	lg_oid_t type;
	int64_t increment, min, max, start, cache, restart_with;
	bool cycle;
	bool for_identity; /* type errors name identity columns */
} lg_cat_seq_opts_t;

/* Parses a regclass literal ([schema.]name; unquoted parts folded to lower
 * case, "quoted" parts kept) into buffers of LG_CAT_NAME_MAX + 1 bytes
 * (schema "" when not given). Returns 0, or -1 with PostgreSQL's error. */
int lg_cat_regclass_parse(const char *s, char *schema, char *name, lg_error_t *err);

/* A connection's sequence state (currval, lastval, the statement running). */
typedef struct lg_cat_seq_session lg_cat_seq_session_t;

/* Registers nextval, currval, setval and lastval on `db` (each connection);
 * *session (may be NULL) gets the connection's state, valid while `db` is
 * open. */
int lg_cat_register_sequences(sqlite3 *db, lg_cat_seq_session_t **session, lg_error_t *err);
/* A statement starts: values it takes can be undone by rewind. */
void lg_cat_sequence_statement(lg_cat_seq_session_t *s);
/* The statement was undone and will run again from the start (it was moved
 * to a worker thread): the values it took are handed out again. */
void lg_cat_sequence_rewind(lg_cat_seq_session_t *s);
/* While on, nextval repeats the values the current statement took (a failed
 * statement runs again to find its constraint detail) and remembers nothing. */
void lg_cat_sequence_replay(lg_cat_seq_session_t *s, bool on);
/* Forgets the records of every database file under directory `dir`, a
 * canonical path (realpath): the database was dropped, and a new one of
 * that name starts afresh. */
void lg_cat_sequence_forget_under(const char *dir);
/* The sequence state of the catalog's connection (set by the session). */
void lg_cat_set_sequences(lg_cat_t *cat, lg_cat_seq_session_t *s);
lg_cat_seq_session_t *lg_cat_sequences(lg_cat_t *cat);

/* Looks a sequence up by name in `schema` (NULL: pg_temp then public).
 * Returns 1 and fills *out, 0 when there is none, -1 with err set. */
int lg_cat_sequence(lg_cat_t *cat, const char *schema, const char *name, lg_cat_sequence_t *out,
		    lg_error_t *err);
/* The sequences owned by `table` (serial and identity columns): up to `max`
 * are written to out; returns how many exist, or -1 with err set. */
int lg_cat_sequences_owned(lg_cat_t *cat, bool temp, const char *table, lg_cat_sequence_t *out,
			   int max, lg_error_t *err);

/* Applies options the way PostgreSQL's init_params does: `seq` holds the
 * current definition (zeroed with is_new for CREATE) and is updated;
 * errors are PostgreSQL's 22023 messages. */
int lg_cat_sequence_apply(lg_cat_sequence_t *seq, const lg_cat_seq_opts_t *o, bool is_new,
			  lg_error_t *err);

/* SQL text for the translator's plans (appended to `out`): */
/* CREATE TABLE IF NOT EXISTS <schema>._lg_sequence (...) */
void lg_cat_sequence_sql_create_table(lg_sb_t *out, bool temp);
/* INSERT INTO <schema>._lg_sequence ... for a new sequence. */
void lg_cat_sequence_sql_insert(lg_sb_t *out, const lg_cat_sequence_t *seq);
/* UPDATE ... setting every parameter of an existing one, and its state
 * (last_value, is_called) when set_state (ALTER ... RESTART). */
void lg_cat_sequence_sql_update(lg_sb_t *out, const lg_cat_sequence_t *seq, bool set_state);
/* DELETE FROM <schema>._lg_sequence WHERE name = ... */
void lg_cat_sequence_sql_delete(lg_sb_t *out, bool temp, const char *name);

#endif
