/* Date/time functions that are not arithmetic: to_timestamp(epoch). The
 * stored form of timestamptz is the UTC text 'YYYY-MM-DD HH:MM:SS[.ffffff]'
 * (TimeZone is UTC). */
#include "catalog/datetime.h"
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>

static void fn_to_timestamp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	double secs = sqlite3_value_double(argv[0]);
	if (isnan(secs)) {
		lg_udf_error(ctx, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
		return;
	}
	if (isinf(secs)) {
		sqlite3_result_text(ctx, secs > 0 ? "infinity" : "-infinity", -1, SQLITE_STATIC);
		return;
	}
	/* PostgreSQL's range: 4714-11-24 BC .. 294276 AD; here AD years only */
	if (secs < -62135596800.0 || secs >= 9224318016000.0) {
		lg_udf_error(ctx, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
			     "timestamp out of range: \"%g\"", secs);
		return;
	}
	int64_t usec = (int64_t)rint(secs * 1000000.0);
	int64_t day = usec / 86400000000LL, rem = usec % 86400000000LL;
	if (rem < 0) {
		rem += 86400000000LL;
		day--;
	}
	int y, m, d;
	lg_dt_j2date((int)(day + lg_dt_date2j(1970, 1, 1)), &y, &m, &d);
	int64_t s = rem / 1000000, frac = rem % 1000000;
	char buf[64];
	int n = snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d", y, m, d,
			 (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
	if (frac) {
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, ".%06d", (int)frac);
		while (buf[n - 1] == '0')
			n--;
	}
	sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}

int lg_fn_register_time(sqlite3 *db, lg_error_t *err)
{
	return lg_fn_register(db, "lg_to_timestamp", 1, true, NULL, fn_to_timestamp, err);
}
