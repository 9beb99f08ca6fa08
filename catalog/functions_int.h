/* Internals shared by the SQL function files (functions.c, functions_str.c,
 * functions_num.c). Not for use outside catalog/. */
#ifndef LG_FUNCTIONS_INT_H
#define LG_FUNCTIONS_INT_H

#include "catalog/codec.h"
#include "catalog/functions.h"
#include "common/strbuf.h"

typedef struct lg_dec lg_dec_t;

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

/* Shared helpers (functions_text.c): any argument NULL (strict
 * functions); bytes of the UTF-8 character at s[i]; result from a builder
 * (freed). */
bool lg_fn_any_null(int argc, sqlite3_value **argv);
size_t lg_fn_utf8_len(const unsigned char *s, size_t i, size_t len);
void lg_fn_result_sb(sqlite3_context *ctx, lg_sb_t *sb);
/* md5.c */
void lg_fn_md5(const void *data, size_t len, unsigned char out[16]);
/* functions_fmt.c: PostgreSQL's quote_identifier / quote_literal. */
void lg_fn_quote_ident(const char *s, size_t len, lg_sb_t *out);
void lg_fn_quote_literal(const char *s, size_t len, lg_sb_t *out);

/* functions_json.c: a JSON string literal of s[0..n) (escape_json). */
void lg_fn_escape_json(const char *s, size_t n, lg_sb_t *out);
int lg_fn_register_json_build(sqlite3 *db, lg_error_t *err);

/* Registration of each file's functions. */
int lg_fn_register_text(sqlite3 *db, lg_error_t *err);
int lg_fn_register_fmt(sqlite3 *db, lg_error_t *err);
int lg_fn_register_bytea(sqlite3 *db, lg_error_t *err);
int lg_fn_register_math(sqlite3 *db, lg_error_t *err);
int lg_fn_register_json(sqlite3 *db, lg_error_t *err);
int lg_fn_register_agg(sqlite3 *db, lg_error_t *err);
int lg_fn_register_numx(sqlite3 *db, lg_error_t *err);
int lg_fn_register_time(sqlite3 *db, lg_error_t *err);
int lg_fn_register_regex(sqlite3 *db, lg_error_t *err);
int lg_fn_register_tochar(sqlite3 *db, lg_error_t *err);
int lg_fn_register_upsert(sqlite3 *db, lg_error_t *err);
/* functions_numx.c: numeric sqrt at `rscale`, power for a non-integer
 * exponent (PostgreSQL's result scale). */
int lg_fn_dec_sqrt(const lg_dec_t *x, int rscale, lg_dec_t *r, lg_error_t *err);
int lg_fn_dec_pow(const lg_dec_t *x, const lg_dec_t *y, lg_dec_t *r, lg_error_t *err);

/* functions_guc.c: current_setting, set_config, pg_backend_pid. */
int lg_fn_register_guc(sqlite3 *db, lg_cat_session_vars_t *vars, lg_error_t *err);

/* functions_dt.c: timestamp/interval arithmetic, date_trunc, extract. */
int lg_fn_register_datetime(sqlite3 *db, lg_error_t *err);

/* functions_num.c: exact numeric arithmetic, aggregates, collation. */
int lg_fn_register_numeric(sqlite3 *db, lg_error_t *err);
/* A SQLite value as a decimal (integers, reals, numeric text), and a
 * decimal as the function's text result. */
int lg_fn_dec_in(sqlite3_value *v, lg_dec_t *d, lg_error_t *err);
void lg_fn_dec_result(sqlite3_context *ctx, const lg_dec_t *d);
/* numeric text -> int2/int4/int8, rounding half away from zero. */
int lg_fn_numeric_to_int(const lg_value_t *v, lg_oid_t to, lg_value_t *out, lg_error_t *err);

#endif
