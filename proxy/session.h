/* One client session: the protocol state machine from the startup packet to
 * Terminate, simple and extended query processing, the transaction status,
 * prepared statements and portals, and the session's SQLite connection.
 *
 * A session consumes one framed message at a time (lg_session_handle) and
 * appends its replies to `out`; it never touches the socket, so it can be
 * driven by bytes in tests. A message whose execution must wait for
 * SQLite's write lock is "parked": the handler returns LG_HANDLE_PARKED
 * having sent nothing for it, and the same message is handled again later.
 *
 * Memory: the session is connection lifetime; `arena` is query lifetime
 * (reset when ReadyForQuery goes out); each portal has its own arena. */
#ifndef LG_SESSION_H
#define LG_SESSION_H

#include "catalog/functions.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/strbuf.h"
#include "proxy/exec.h"
#include "proxy/worker.h"
#include "rewrite/rewrite.h"

typedef struct lg_server lg_server_t;
typedef struct lg_db lg_db_t;
typedef struct lg_settings lg_settings_t;

typedef enum lg_sess_state {
	LG_SESS_STARTUP, /* waiting for the startup packet (or SSLRequest) */
	LG_SESS_READY,   /* processing queries */
	LG_SESS_CLOSED,  /* Terminate or FATAL: flush and close */
} lg_sess_state_t;

typedef enum lg_handle_result {
	LG_HANDLE_OK,
	LG_HANDLE_PARKED, /* handle the same message again later (lock or worker) */
	LG_HANDLE_CLOSE,  /* flush `out`, then close */
} lg_handle_result_t;

/* PostgreSQL's transaction block state, as ReadyForQuery reports it. */
typedef enum lg_xact {
	LG_XACT_NONE,     /* autocommit */
	LG_XACT_IMPLICIT, /* several statements of one Query, or until Sync */
	LG_XACT_EXPLICIT, /* BEGIN ... */
	LG_XACT_FAILED,   /* an error inside BEGIN ...: 25P02 until ROLLBACK */
} lg_xact_t;

typedef struct lg_prepared {
	char *name;
	char *sql;
	lg_oid_t *param_types; /* as given by Parse (0 = infer) */
	int nparam_types;
	lg_rw_stmt_t *plan;
	uint64_t schema_key;
	struct lg_prepared *next;
} lg_prepared_t;

typedef struct lg_portal {
	char *name;
	lg_arena_t arena;
	lg_cursor_exec_t cur;
	int16_t *formats;
	int nformats;
	struct lg_portal *next;
} lg_portal_t;

/* Progress through the statements of one simple Query message. */
typedef struct lg_query_progress {
	bool active;
	lg_rw_split_t split;
	int next;
	bool multi; /* more than one statement: implicit transaction */
	lg_cursor_exec_t cur;
	bool cur_started;
} lg_query_progress_t;

typedef enum lg_job_state {
	LG_JOB_IDLE,
	LG_JOB_RUNNING, /* a worker owns the SQLite connection */
	LG_JOB_DONE,    /* result waits for the message handler to resume */
} lg_job_state_t;

/* One statement execution handed to a worker thread. */
typedef struct lg_exec_job {
	lg_job_t job;
	struct lg_session *s;
	lg_job_state_t state;
	lg_cursor_exec_t *cur;
	int64_t max_rows;
	bool own_txn;     /* BEGIN/COMMIT around a multi-statement plan */
	bool timed_out;   /* statement_timeout interrupted it */
	int64_t deadline_usec; /* 0 = no statement_timeout */
	lg_exec_status_t status;
	lg_sb_t out;
	lg_error_t err;
} lg_exec_job_t;

typedef struct lg_session {
	lg_server_t *srv;
	uint32_t id;
	lg_sess_state_t state;
	char peer[64];
	char user[64];
	char dbname[64];
	int32_t pid;
	int32_t key;

	lg_db_t *db;
	struct sqlite3 *sqlite;
	lg_cat_t *cat;
	uint64_t cat_generation;
	lg_stmt_cache_t *stmts;
	lg_settings_t *settings;
	lg_cat_session_vars_t vars;

	lg_xact_t xact;
	bool sqlite_open;    /* a SQLite transaction is open */
	bool sqlite_writes;  /* ... and holds the write lock */
	bool xact_snapshot;  /* REPEATABLE READ / SERIALIZABLE: one snapshot */
	bool xact_read_only;
	bool xact_ddl;       /* the transaction changed the schema */
	int nsavepoints;
	char **savepoints;   /* names, outermost first */
	int nsavepoints_open; /* how many of them exist in SQLite yet */
	bool skip_until_sync; /* extended protocol: error seen */
	bool sync_follows;    /* the message after this one is already here and is Sync */
	bool implicit_failed;

	lg_prepared_t *prepared;
	lg_portal_t *portals;
	lg_query_progress_t q;
	bool parked;        /* waiting for SQLite's write lock: retried by timer */
	int64_t wait_start_usec; /* when that wait began, 0 when not waiting */
	bool cancel_pending; /* a CancelRequest came while parked */
	lg_exec_job_t job;  /* waiting for a worker: resumed when it finishes */
	void *owner;        /* the connection, to resume it */
	int64_t inline_deadline;        /* statement runs on the loop until then */
	lg_cursor_exec_t *inline_cur;
	bool inline_expired;
	bool orphaned;      /* the connection is gone; free when the job ends */

	lg_arena_t arena;
	lg_sb_t out;
	lg_error_t err;
	struct lg_session *next_parked;
} lg_session_t;

lg_session_t *lg_session_new(lg_server_t *srv, uint32_t id, const char *peer);
/* Rolls back any open transaction and frees everything. */
void lg_session_free(lg_session_t *s);

/* How the next message is framed: startup packets have no type byte. */
bool lg_session_in_startup(const lg_session_t *s);
/* Largest acceptable length word for a message of `type`. */
size_t lg_session_max_len(const lg_session_t *s, uint8_t type);

/* Handles one complete message (as framed by lg_wire_frame). */
lg_handle_result_t lg_session_handle(lg_session_t *s, const uint8_t *msg, size_t len);
/* Queues a FATAL error (protocol violation found by the framer). */
void lg_session_fatal(lg_session_t *s, lg_error_t *err);
/* Interrupts the running statement (CancelRequest). */
void lg_session_cancel(lg_session_t *s);
/* Passes a statement's status through the write-lock wait rules: BUSY
 * stays BUSY (park and retry) until the session is canceled or has waited
 * longer than lock_timeout (55P03) or statement_timeout (57014); then
 * ERROR with s->err set. Any other status ends the wait. */
lg_exec_status_t lg_session_waited(lg_session_t *s, lg_exec_status_t st);
/* True while a worker runs a statement for this session. */
bool lg_session_busy(const lg_session_t *s);
/* Interrupts a statement past its statement_timeout; `now` in usec. */
void lg_session_check_timeout(lg_session_t *s, int64_t now);
/* The connection is going away: free now, or when the running job ends. */
void lg_session_release(lg_session_t *s);

/* ---- Internal to proxy/session*.c, extended.c, utility.c ---------------- */

/* Sends s->err as an ErrorResponse and clears it; moves the transaction to
 * FAILED (explicit) or marks the implicit one for rollback. */
void lg_session_send_error(lg_session_t *s, const char *sql, int stmt_offset);
void lg_session_ready(lg_session_t *s);
/* Characters (not bytes) before byte offset `byte_pos` of `sql`. */
int lg_session_chars_before(const char *sql, size_t byte_pos);
/* Wall-clock time in microseconds since the Unix epoch. */
int64_t lg_session_now_usec(void);
/* Sends a NoticeResponse (NOTICE or WARNING) unless client_min_messages
 * filters it out. */
void lg_session_notice(lg_session_t *s, lg_severity_t sev, int state, const char *message,
		       const char *detail);
/* Translates one statement with the session's catalog (cache first). */
int lg_session_translate(lg_session_t *s, const char *sql, size_t len, const lg_oid_t *ptypes,
			 int nptypes, lg_rw_stmt_t **out);
/* Opens the SQLite transaction the PostgreSQL one needs, if not yet open. */
lg_exec_status_t lg_session_begin_sqlite(lg_session_t *s, const lg_rw_stmt_t *plan);
/* Ends the transaction block: commit or roll back SQLite, reset state. */
lg_exec_status_t lg_session_end_xact(lg_session_t *s, bool commit);
/* Runs an LG_RW_SQL statement inside the right transaction. The first call
 * hands it to a worker and returns LG_EXEC_PENDING (the caller parks); the call after the job finished returns its result. */
lg_exec_status_t lg_session_run_sql(lg_session_t *s, lg_cursor_exec_t *cur, int64_t max_rows);
/* Sets the progress handler that bounds statements on the loop thread. */
void lg_session_install_progress(lg_session_t *s);
/* Runs a translated statement whose kind is not LG_RW_SQL. *tag gets the
 * CommandComplete tag. SHOW sends its RowDescription/DataRow itself
 * (`describe` false means RowDescription was already sent by Describe). */
lg_exec_status_t lg_session_utility(lg_session_t *s, const lg_rw_stmt_t *plan, bool describe,
				    char *tag, size_t taglen);
/* Sends RowDescription for a plan (formats may be NULL = text). */
void lg_session_row_description(lg_session_t *s, const lg_rw_stmt_t *plan,
				const int16_t *formats, int nformats);
/* After a statement: DDL bookkeeping (generation bump, caches). */
void lg_session_after_statement(lg_session_t *s, const lg_rw_stmt_t *plan);
/* Checks a statement may run in the current transaction state. */
int lg_session_check_allowed(lg_session_t *s, const lg_rw_stmt_t *plan);

lg_handle_result_t lg_session_extended(lg_session_t *s, uint8_t type, const uint8_t *body,
				       size_t len);
void lg_session_drop_portals(lg_session_t *s);
/* Drops the unnamed prepared statement and portal. */
void lg_session_drop_unnamed(lg_session_t *s);
void lg_session_drop_prepared(lg_session_t *s);
/* Removes the prepared statement `name`; false if there is none. */
bool lg_session_remove_prepared(lg_session_t *s, const char *name);
bool lg_session_send_parameter_status(lg_session_t *s, bool all);

#endif
