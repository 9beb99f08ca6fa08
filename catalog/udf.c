#include "catalog/udf.h"

#include "common/strbuf.h"

#include <sqlite3.h>
#include <stdarg.h>

void lg_cat_close_connection(sqlite3 *db)
{
	if (!db)
		return;
	sqlite3_stmt *st;
	while ((st = sqlite3_next_stmt(db, NULL)) != NULL)
		sqlite3_finalize(st);
	sqlite3_close(db);
}

void lg_udf_error(sqlite3_context *ctx, lg_sqlstate_t state, const char *fmt, ...)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_appendf(&sb, "SQLSTATE %s: ", lg_sqlstate_code(state));
	va_list ap;
	va_start(ap, fmt);
	lg_sb_vappendf(&sb, fmt, ap);
	va_end(ap);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_error(ctx, sb.data, (int)sb.len);
	lg_sb_free(&sb);
}
