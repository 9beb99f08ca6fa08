/* The one error type: what PostgreSQL puts in an ErrorResponse, plus where in
 * litegres it was raised (for the log only). Deep code records the first error
 * with lg_error_set and returns -1; only proxy/ turns it into a message.
 * Memory: the strings are owned by the error; lg_error_clear frees them. */
#ifndef LG_ERROR_H
#define LG_ERROR_H

#include "lg.h"
#include "sqlstate.h"

#include <stdarg.h>

typedef enum lg_severity {
	LG_SEV_ERROR = 0,
	LG_SEV_FATAL,
	LG_SEV_PANIC,
	LG_SEV_WARNING,
	LG_SEV_NOTICE,
	LG_SEV_DEBUG,
	LG_SEV_INFO,
	LG_SEV_LOG,
} lg_severity_t;

/* Optional fields, in the order PostgreSQL's ErrorResponse names them. */
typedef enum lg_error_field {
	LG_ERRF_DETAIL,
	LG_ERRF_HINT,
	LG_ERRF_SCHEMA,
	LG_ERRF_TABLE,
	LG_ERRF_COLUMN,
	LG_ERRF_DATATYPE,
	LG_ERRF_CONSTRAINT,
	LG_ERRF_WHERE,
	LG_ERRF__COUNT
} lg_error_field_t;

struct lg_error {
	bool set;
	lg_severity_t severity;
	lg_sqlstate_t sqlstate;
	char *message;
	char *fields[LG_ERRF__COUNT];
	int position; /* 1-based character offset into the query, 0 = none */
	const char *file;
	int line;
};

#define LG_ERROR_INIT {0}

/* Records the error unless one is already recorded; always returns -1 so
 * callers can write `return lg_error_set(err, ...);`. */
int lg_error_set_(lg_error_t *err, const char *file, int line, lg_sqlstate_t state,
		  const char *fmt, ...) LG_PRINTF(5, 6);
int lg_error_vset_(lg_error_t *err, const char *file, int line, lg_sqlstate_t state,
		   const char *fmt, va_list ap) LG_PRINTF(5, 0);
#define lg_error_set(err, state, ...) lg_error_set_((err), __FILE__, __LINE__, (state), __VA_ARGS__)

/* Sets an optional field (replacing an earlier value) of a recorded error. */
void lg_error_field(lg_error_t *err, lg_error_field_t f, const char *fmt, ...) LG_PRINTF(3, 4);
const char *lg_error_get(const lg_error_t *err, lg_error_field_t f);
/* The message, or "out of memory" when it could not be formatted. */
const char *lg_error_message(const lg_error_t *err);
void lg_error_clear(lg_error_t *err);
/* Moves src into dst (dst cleared first); src is left empty. */
void lg_error_move(lg_error_t *dst, lg_error_t *src);
/* "ERROR", "FATAL", ... as sent in the S and V fields. */
const char *lg_severity_name(lg_severity_t s);

#endif
