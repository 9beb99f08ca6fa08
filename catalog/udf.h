/* Raising PostgreSQL errors from SQLite functions (UDFs). SQLite carries only
 * a message, so the SQLSTATE travels as a "SQLSTATE xxxxx: " prefix that
 * proxy/sqlite_error.c turns back into a proper error. Every UDF that fails
 * must report through lg_udf_error. */
#ifndef LG_UDF_H
#define LG_UDF_H

#include "common/lg.h"
#include "common/sqlstate.h"

typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3 sqlite3;

void lg_udf_error(sqlite3_context *ctx, lg_sqlstate_t state, const char *fmt, ...)
	LG_PRINTF(3, 4);

/* Closes a connection that has litegres's functions registered. Functions
 * keep prepared statements of their own (sequence.c), which SQLite needs
 * finalized before it releases the connection: this finalizes every
 * statement still open, then closes. */
void lg_cat_close_connection(sqlite3 *db);

#endif
