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
} lg_cat_session_vars_t;

/* Registers every function and the "lg_numeric" collation on `db`. */
int lg_cat_register_functions(sqlite3 *db, lg_cat_session_vars_t *vars, lg_error_t *err);

#endif
