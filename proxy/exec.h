/* Execution of translated statements on a session's SQLite connection:
 * prepared-statement reuse, parameter decoding and binding, stepping rows and
 * encoding them as DataRow messages, command tags, and the one mapping from
 * SQLite result codes to SQLSTATEs.
 *
 * Nothing here touches sockets or the event loop, so a job can run on any
 * thread that owns the connection at the time.
 * Memory: a cursor lives as long as its portal (connection lifetime). */
#ifndef LG_EXEC_H
#define LG_EXEC_H

#include "catalog/codec.h"
#include "common/lg.h"
#include "rewrite/rewrite.h"

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef struct lg_stmt_cache lg_stmt_cache_t;

/* Per-session cache of prepared SQLite statements keyed by SQLite SQL text. */
lg_stmt_cache_t *lg_stmt_cache_new(sqlite3 *db);
void lg_stmt_cache_free(lg_stmt_cache_t *c);
/* Finalizes everything (after DDL, so stale statements go away). */
void lg_stmt_cache_clear(lg_stmt_cache_t *c);

/* The state of one execution of a plan (a portal, or one statement of a
 * simple query). */
typedef struct lg_cursor_exec {
	lg_rw_stmt_t *plan;       /* referenced */
	lg_value_t *params;       /* decoded, storage form */
	int nparams;
	const int16_t *formats;   /* result formats: 0, 1 or ncols entries */
	int nformats;
	int next_sql;             /* index of the SQLite statement to run next */
	sqlite3_stmt *st;         /* the statement producing rows, once started */
	bool owns_st;             /* st is not from the cache: finalize it */
	bool done;
	uint64_t rows;            /* rows sent so far */
	uint64_t rows_run;        /* rows sent by the current Execute: the tag
				   * (the caller zeroes it when one starts) */
	int64_t changes;          /* sqlite3_changes of the final statement */
} lg_cursor_exec_t;

typedef enum lg_exec_status {
	LG_EXEC_DONE,      /* complete: tag can be formed */
	LG_EXEC_SUSPENDED, /* max_rows reached: PortalSuspended */
	LG_EXEC_BUSY,      /* SQLite's write lock is taken: retry later, nothing sent */
	LG_EXEC_ERROR,     /* err set; rows sent so far stay sent */
	LG_EXEC_PENDING,   /* running on a worker: handle the message again when done */
	LG_EXEC_YIELD,     /* the time budget ran out between rows: continue later */
} lg_exec_status_t;

void lg_cursor_exec_init(lg_cursor_exec_t *c, lg_rw_stmt_t *plan);
void lg_cursor_exec_close(lg_cursor_exec_t *c, lg_stmt_cache_t *cache);

/* Runs (or resumes) `c`, appending DataRow messages to `out`. max_rows <= 0
 * means all. With a deadline (usec since the epoch, 0 = none), returns
 * LG_EXEC_YIELD between rows once it has passed. `cat` names constraints in
 * errors. */
lg_exec_status_t lg_exec_run(lg_cursor_exec_t *c, sqlite3 *db, lg_stmt_cache_t *cache,
			     lg_cat_t *cat, int64_t max_rows, int64_t deadline, lg_sb_t *out,
			     lg_error_t *err);

/* Runs one SQLite statement with no parameters and no rows (BEGIN, COMMIT,
 * SAVEPOINT ...). BUSY means "retry later". */
lg_exec_status_t lg_exec_simple(sqlite3 *db, const char *sql, lg_error_t *err);

/* Forms the CommandComplete tag for a finished cursor ("INSERT 0 3"). */
void lg_exec_tag(const lg_cursor_exec_t *c, char *buf, size_t len);

/* Decodes Bind parameter i (text or binary per `format`) with the plan's
 * parameter type into `out`; memory from `arena`. */
int lg_exec_decode_param(const lg_rw_stmt_t *plan, int i, int16_t format, const uint8_t *data,
			 int32_t len, lg_arena_t *arena, lg_value_t *out, lg_error_t *err);

/* Fills the detail of a constraint violation raised by `st` (see
 * constraint.c); err already holds the mapped error. */
void lg_exec_constraint_detail(sqlite3 *db, sqlite3_stmt *st, lg_cat_t *cat, lg_error_t *err);

/* Fills the schema, table and constraint fields of a constraint error. */
void lg_exec_constraint_fields(lg_error_t *err, const char *table, const char *constraint);

/* The one mapping from a failed SQLite call to a PostgreSQL error. */
void lg_exec_sqlite_error(sqlite3 *db, int rc, lg_cat_t *cat, lg_error_t *err);

#endif
