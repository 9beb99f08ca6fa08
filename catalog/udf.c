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

static void report(sqlite3_context *ctx, lg_sqlstate_t state, const char *detail,
		   const char *hint, const char *fmt, va_list ap)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_appendf(&sb, "SQLSTATE %s: ", lg_sqlstate_code(state));
	lg_sb_vappendf(&sb, fmt, ap);
	if (detail)
		lg_sb_appendf(&sb, "%cD%s", LG_UDF_FIELD_SEP, detail);
	if (hint)
		lg_sb_appendf(&sb, "%cH%s", LG_UDF_FIELD_SEP, hint);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_error(ctx, sb.data, (int)sb.len);
	lg_sb_free(&sb);
}

void lg_udf_error(sqlite3_context *ctx, lg_sqlstate_t state, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(ctx, state, NULL, NULL, fmt, ap);
	va_end(ap);
}

void lg_udf_error_full(sqlite3_context *ctx, lg_sqlstate_t state, const char *detail,
		       const char *hint, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(ctx, state, detail, hint, fmt, ap);
	va_end(ap);
}
