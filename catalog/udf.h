/* Raising PostgreSQL errors from SQLite functions (UDFs). SQLite carries only
 * a message, so the SQLSTATE travels as a "SQLSTATE xxxxx: " prefix, and a
 * DETAIL and HINT after LG_UDF_FIELD_SEP + 'D' / 'H', which
 * proxy/sqlite_error.c turns back into a proper error. Every UDF that fails
 * must report through these functions. */
#ifndef LG_UDF_H
#define LG_UDF_H

#include "common/lg.h"
#include "common/sqlstate.h"

typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3 sqlite3;

#define LG_UDF_FIELD_SEP '\x1f'

void lg_udf_error(sqlite3_context *ctx, lg_sqlstate_t state, const char *fmt, ...)
	LG_PRINTF(3, 4);
/* The same with a DETAIL and/or HINT (either may be NULL). */
void lg_udf_error_full(sqlite3_context *ctx, lg_sqlstate_t state, const char *detail,
		       const char *hint, const char *fmt, ...) LG_PRINTF(5, 6);

/* Closes a connection that has litegres's functions registered. Functions
 * keep prepared statements of their own (sequence.c), which SQLite needs
 * finalized before it releases the connection: this finalizes every
 * statement still open, then closes. */
void lg_cat_close_connection(sqlite3 *db);

#endif
