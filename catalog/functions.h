/* SQL functions and collations that PostgreSQL has and SQLite lacks,
 * registered on every session's SQLite connection. The translator
 * (rewrite/) emits calls to them by the names documented here. */
#ifndef LG_FUNCTIONS_H
#define LG_FUNCTIONS_H

#include "common/lg.h"

typedef struct sqlite3 sqlite3;

/* What functions need to know about their session. Owned by the session;
 * must outlive the connection. Functions read it at call time. */
typedef struct lg_cat_session_vars {
	const char *database;
	const char *user;
	int64_t xact_start_usec; /* now(): transaction start, usec since Unix epoch */
	int64_t stmt_start_usec; /* statement_timestamp() */
	int32_t backend_pid;     /* pg_backend_pid(): the BackendKeyData process id */
	/* current_setting(name [, missing_ok]): the value SHOW gives; NULL
	 * with err unset when missing_ok and unknown; NULL with err set on
	 * failure (42704 unrecognized configuration parameter). */
	const char *(*get_setting)(void *ctx, const char *name, bool missing_ok,
				   lg_error_t *err);
	/* set_config(name, value, is_local): SET; 0 or -1 with err set. */
	int (*set_setting)(void *ctx, const char *name, const char *value, bool is_local,
			   lg_error_t *err);
	void *settings_ctx;
} lg_cat_session_vars_t;

/* Registers every function and the "lg_numeric" collation on `db`. */
int lg_cat_register_functions(sqlite3 *db, lg_cat_session_vars_t *vars, lg_error_t *err);

#endif
