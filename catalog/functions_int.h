/* Internals shared by the SQL function files (functions.c, functions_str.c,
 * functions_num.c). Not for use outside catalog/. */
#ifndef LG_FUNCTIONS_INT_H
#define LG_FUNCTIONS_INT_H

#include "catalog/codec.h"
#include "catalog/functions.h"

typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;

/* A SQLite argument as a codec value (bytes borrowed from SQLite). */
void lg_fn_value_in(sqlite3_value *v, lg_value_t *out);
void lg_fn_result(sqlite3_context *ctx, const lg_value_t *v);
/* Reports `err` as the function's error (SQLSTATE prefix) and clears it. */
void lg_fn_error(sqlite3_context *ctx, lg_error_t *err);
/* PostgreSQL's cast of a stored value from one type to another. */
int lg_fn_cast(const lg_value_t *v, lg_oid_t from, lg_oid_t to, int32_t typmod,
	       lg_arena_t *arena, lg_value_t *out, lg_error_t *err);
int lg_fn_register(sqlite3 *db, const char *name, int nargs, bool deterministic, void *data,
		   void (*fn)(sqlite3_context *, int, sqlite3_value **), lg_error_t *err);

/* functions_str.c: session values, strings, dates. */
int lg_fn_register_session(sqlite3 *db, lg_cat_session_vars_t *vars, lg_error_t *err);
int lg_fn_register_strings(sqlite3 *db, lg_error_t *err);

/* functions_dt.c: timestamp/interval arithmetic, date_trunc, extract. */
int lg_fn_register_datetime(sqlite3 *db, lg_error_t *err);

/* functions_num.c: exact numeric arithmetic, aggregates, collation. */
int lg_fn_register_numeric(sqlite3 *db, lg_error_t *err);
/* numeric text -> int2/int4/int8, rounding half away from zero. */
int lg_fn_numeric_to_int(const lg_value_t *v, lg_oid_t to, lg_value_t *out, lg_error_t *err);

#endif
