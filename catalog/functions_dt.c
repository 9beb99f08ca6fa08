/* Date/time arithmetic on the stored text forms: timestamp ± interval,
 * timestamp - timestamp, date_trunc, extract/date_part. Timestamps are
 * 'YYYY-MM-DD HH:MM:SS[.ffffff]' (UTC for timestamptz), dates 'YYYY-MM-DD',
 * both with ' BC' for years before 1; intervals are PostgreSQL's text. */
#include "catalog/datetime.h"
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <ctype.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ts {
	int special; /* 0, 1 infinity, -1 -infinity */
	int jd;      /* Julian day */
	int64_t usec; /* time of day */
} ts_t;

typedef struct iv {
	int64_t months, days, usec;
} iv_t;

static bool parse_ts(const char *s, ts_t *t)
{
	memset(t, 0, sizeof(*t));
	if (!s)
		return false;
	if (strcmp(s, "infinity") == 0 || strcmp(s, "-infinity") == 0) {
		t->special = s[0] == '-' ? -1 : 1;
		return true;
	}
	int y, m, d, hh = 0, mm = 0, n = 0;
	double ss = 0;
	if (sscanf(s, "%d-%d-%d%n", &y, &m, &d, &n) < 3)
		return false;
	const char *rest = s + n;
	if (*rest == ' ' && isdigit((unsigned char)rest[1])) {
		int k = 0;
		if (sscanf(rest, " %d:%d:%lf%n", &hh, &mm, &ss, &k) < 3)
			return false;
		rest += k;
	}
	if (strstr(rest, "BC"))
		y = 1 - y;
	t->jd = lg_dt_date2j(y, m, d);
	t->usec = ((int64_t)hh * 3600 + mm * 60) * 1000000 + (int64_t)llround(ss * 1e6);
	return true;
}

static void format_ts(const ts_t *t, bool date_only, lg_sb_t *out)
{
	if (t->special) {
		lg_sb_append(out, t->special > 0 ? "infinity" : "-infinity");
		return;
	}
	int y, m, d;
	lg_dt_j2date(t->jd, &y, &m, &d);
	lg_sb_appendf(out, "%04d-%02d-%02d", y > 0 ? y : 1 - y, m, d);
	if (!date_only) {
		int64_t u = t->usec;
		lg_sb_appendf(out, " %02d:%02d:%02d", (int)(u / 3600000000), (int)(u / 60000000 % 60),
			      (int)(u / 1000000 % 60));
		int frac = (int)(u % 1000000);
		if (frac) {
			char buf[8];
			snprintf(buf, sizeof(buf), "%06d", frac);
			size_t n = strlen(buf);
			while (n && buf[n - 1] == '0')
				n--;
			lg_sb_appendf(out, ".%.*s", (int)n, buf);
		}
	}
	if (y <= 0)
		lg_sb_append(out, " BC");
}

static void normalize(ts_t *t)
{
	int64_t day = 86400000000;
	int64_t q = t->usec / day, r = t->usec % day;
	if (r < 0) {
		r += day;
		q--;
	}
	t->jd += (int)q;
	t->usec = r;
}

/* ---- intervals ---- */

static int unit_of(const char *w, size_t n, int64_t *mul, int *kind)
{
	static const struct {
		const char *name;
		int kind; /* 0 months, 1 days, 2 usec */
		int64_t mul;
	} units[] = {
		{"millennium", 0, 12000}, {"millennia", 0, 12000}, {"century", 0, 1200},
		{"centuries", 0, 1200},   {"decade", 0, 120},      {"decades", 0, 120},
		{"year", 0, 12},          {"years", 0, 12},        {"yr", 0, 12},
		{"yrs", 0, 12},           {"y", 0, 12},            {"mon", 0, 1},
		{"mons", 0, 1},           {"month", 0, 1},         {"months", 0, 1},
		{"week", 1, 7},           {"weeks", 1, 7},         {"w", 1, 7},
		{"day", 1, 1},            {"days", 1, 1},          {"d", 1, 1},
		{"hour", 2, 3600000000},  {"hours", 2, 3600000000}, {"hr", 2, 3600000000},
		{"hrs", 2, 3600000000},   {"h", 2, 3600000000},    {"minute", 2, 60000000},
		{"minutes", 2, 60000000}, {"min", 2, 60000000},    {"mins", 2, 60000000},
		{"m", 2, 60000000},       {"second", 2, 1000000},  {"seconds", 2, 1000000},
		{"sec", 2, 1000000},      {"secs", 2, 1000000},    {"s", 2, 1000000},
		{"millisecond", 2, 1000}, {"milliseconds", 2, 1000}, {"ms", 2, 1000},
		{"microsecond", 2, 1},    {"microseconds", 2, 1},  {"us", 2, 1},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(units); i++)
		if (strlen(units[i].name) == n && strncasecmp(units[i].name, w, n) == 0) {
			*mul = units[i].mul;
			*kind = units[i].kind;
			return 0;
		}
	return -1;
}

static void add_amount(iv_t *iv, double v, int kind, int64_t mul)
{
	if (kind == 0) {
		double months = v * (double)mul;
		iv->months += (int64_t)months;
		double frac = months - (double)(int64_t)months;
		iv->days += (int64_t)(frac * 30);
		iv->usec += llround((frac * 30 - (double)(int64_t)(frac * 30)) * 86400e6);
	} else if (kind == 1) {
		double days = v * (double)mul;
		iv->days += (int64_t)days;
		iv->usec += llround((days - (double)(int64_t)days) * 86400e6);
	} else {
		iv->usec += llround(v * (double)mul);
	}
}

/* PostgreSQL's interval input for the common forms: "N unit ...",
 * "[-]HH:MM[:SS[.f]]", "@ ... ago". */
static bool parse_interval(const char *s, iv_t *iv)
{
	memset(iv, 0, sizeof(*iv));
	if (!s)
		return false;
	bool ago = false, any = false;
	const char *p = s;
	while (*p) {
		while (*p == ' ' || *p == '@' || *p == ',')
			p++;
		if (!*p)
			break;
		if (strncasecmp(p, "ago", 3) == 0 && (p[3] == '\0' || p[3] == ' ')) {
			ago = true;
			p += 3;
			continue;
		}
		char *end;
		double v = strtod(p, &end);
		if (end == p)
			return false;
		if (*end == ':') { /* time of day */
			bool neg = *p == '-';
			int h = (int)fabs(v), mi = 0;
			double sec = 0;
			int n = 0;
			if (sscanf(end, ":%d%n", &mi, &n) < 1)
				return false;
			end += n;
			if (*end == ':') {
				sec = strtod(end + 1, &end);
			}
			int64_t u = ((int64_t)h * 3600 + mi * 60) * 1000000 + llround(sec * 1e6);
			iv->usec += neg ? -u : u;
			p = end;
			any = true;
			continue;
		}
		p = end;
		while (*p == ' ')
			p++;
		const char *w = p;
		while (isalpha((unsigned char)*p))
			p++;
		int64_t mul;
		int kind;
		if (p == w) { /* a bare number is seconds */
			mul = 1000000;
			kind = 2;
		} else if (unit_of(w, (size_t)(p - w), &mul, &kind)) {
			return false;
		}
		add_amount(iv, v, kind, mul);
		any = true;
	}
	if (ago) {
		iv->months = -iv->months;
		iv->days = -iv->days;
		iv->usec = -iv->usec;
	}
	return any;
}

/* interval_out for intervals of days and time (timestamp - timestamp). */
static void format_interval(const iv_t *iv, lg_sb_t *out)
{
	bool any = false;
	if (iv->months) {
		int64_t y = iv->months / 12, m = iv->months % 12;
		if (y) {
			lg_sb_appendf(out, "%lld year%s", (long long)y, (y == 1 || y == -1) ? "" : "s");
			any = true;
		}
		if (m) {
			lg_sb_appendf(out, "%s%lld mon%s", any ? " " : "", (long long)m,
				      (m == 1 || m == -1) ? "" : "s");
			any = true;
		}
	}
	if (iv->days) {
		lg_sb_appendf(out, "%s%lld day%s", any ? " " : "", (long long)iv->days,
			      iv->days == 1 ? "" : "s");
		any = true;
	}
	if (iv->usec || !any) {
		int64_t u = iv->usec < 0 ? -iv->usec : iv->usec;
		lg_sb_appendf(out, "%s%s%02lld:%02d:%02d", any ? " " : "", iv->usec < 0 ? "-" : "",
			      (long long)(u / 3600000000), (int)(u / 60000000 % 60),
			      (int)(u / 1000000 % 60));
		int frac = (int)(u % 1000000);
		if (frac) {
			char buf[8];
			snprintf(buf, sizeof(buf), "%06d", frac);
			size_t n = strlen(buf);
			while (n && buf[n - 1] == '0')
				n--;
			lg_sb_appendf(out, ".%.*s", (int)n, buf);
		}
	}
}

static void result_sb(sqlite3_context *ctx, lg_sb_t *sb)
{
	if (sb->failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb->data ? sb->data : "", (int)sb->len, SQLITE_TRANSIENT);
	lg_sb_free(sb);
}

static bool any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	return false;
}

/* lg_ts_add(ts, interval, sign) */
static void fn_ts_add(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	ts_t t;
	iv_t iv;
	if (!parse_ts((const char *)sqlite3_value_text(argv[0]), &t)) {
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_DATETIME_FORMAT, "invalid timestamp value");
		return;
	}
	const char *ivs = (const char *)sqlite3_value_text(argv[1]);
	if (!parse_interval(ivs, &iv)) {
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_DATETIME_FORMAT,
			     "invalid input syntax for type interval: \"%s\"", ivs ? ivs : "");
		return;
	}
	int sign = sqlite3_value_int(argv[2]) < 0 ? -1 : 1;
	if (!t.special) {
		if (iv.months) {
			int y, m, d;
			lg_dt_j2date(t.jd, &y, &m, &d);
			int64_t total = (int64_t)y * 12 + (m - 1) + sign * iv.months;
			y = (int)(total >= 0 ? total / 12 : -((-total + 11) / 12));
			m = (int)(total - (int64_t)y * 12) + 1;
			static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
			bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
			int maxd = mdays[m - 1] + (m == 2 && leap);
			t.jd = lg_dt_date2j(y, m, d > maxd ? maxd : d);
		}
		t.jd += (int)(sign * iv.days);
		t.usec += sign * iv.usec;
		normalize(&t);
	}
	lg_sb_t sb = LG_SB_INIT;
	format_ts(&t, false, &sb);
	result_sb(ctx, &sb);
}

/* lg_ts_diff(a, b): timestamp - timestamp, days and time (justify_hours) */
static void fn_ts_diff(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	ts_t a, b;
	if (!parse_ts((const char *)sqlite3_value_text(argv[0]), &a) ||
	    !parse_ts((const char *)sqlite3_value_text(argv[1]), &b) || a.special || b.special) {
		lg_udf_error(ctx, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW, "interval out of range");
		return;
	}
	int64_t diff = ((int64_t)a.jd - b.jd) * 86400000000 + (a.usec - b.usec);
	iv_t iv = {0, diff / 86400000000, diff % 86400000000};
	lg_sb_t sb = LG_SB_INIT;
	format_interval(&iv, &sb);
	result_sb(ctx, &sb);
}

static int field_index(const char *f)
{
	static const char *const fields[] = {
		"microseconds", "milliseconds", "second", "minute", "hour", "day", "week",
		"month", "quarter", "year", "decade", "century", "millennium",
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(fields); i++)
		if (f && strcasecmp(f, fields[i]) == 0)
			return (int)i;
	return -1;
}

/* lg_date_trunc(field, ts) */
static void fn_date_trunc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *f = (const char *)sqlite3_value_text(argv[0]);
	int k = field_index(f);
	ts_t t;
	if (!parse_ts((const char *)sqlite3_value_text(argv[1]), &t)) {
		lg_udf_error(ctx, LG_SQLSTATE_INVALID_DATETIME_FORMAT, "invalid timestamp value");
		return;
	}
	if (k < 0) {
		lg_udf_error(ctx, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			     "unit \"%s\" not recognized for type timestamp", f ? f : "");
		return;
	}
	if (!t.special) {
		static const int64_t units[] = {1, 1000, 1000000, 60000000, 3600000000};
		if (k <= 4) {
			t.usec -= t.usec % units[k];
		} else {
			t.usec = 0;
			int y, m, d;
			lg_dt_j2date(t.jd, &y, &m, &d);
			if (k == 6) { /* week: back to Monday */
				int dow = (t.jd + 1) % 7; /* 0 = Sunday */
				t.jd -= (dow + 6) % 7;
			} else if (k >= 7) {
				if (k == 7)
					d = 1;
				else if (k == 8)
					m = (m - 1) / 3 * 3 + 1, d = 1;
				else {
					m = 1, d = 1;
					if (k == 10)
						y = y - ((y % 10) + 10) % 10;
					else if (k == 11)
						y = y > 0 ? (y - 1) / 100 * 100 + 1 : y;
					else if (k == 12)
						y = y > 0 ? (y - 1) / 1000 * 1000 + 1 : y;
				}
				t.jd = lg_dt_date2j(y, m, d);
			}
		}
	}
	lg_sb_t sb = LG_SB_INIT;
	format_ts(&t, false, &sb);
	result_sb(ctx, &sb);
}

/* lg_extract(field, ts, as_numeric): extract() is numeric (scale 6 for
 * seconds and epoch), date_part() float8. */
static void fn_extract(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *f = (const char *)sqlite3_value_text(argv[0]);
	bool numeric = sqlite3_value_int(argv[2]) != 0;
	ts_t t;
	if (!parse_ts((const char *)sqlite3_value_text(argv[1]), &t) || t.special) {
		sqlite3_result_null(ctx);
		return;
	}
	int y, m, d;
	lg_dt_j2date(t.jd, &y, &m, &d);
	int64_t u = t.usec;
	int dow = (t.jd + 1) % 7;
	int64_t ival = 0;
	int64_t sub = 0; /* seconds-valued fields: value * `div`, printed with `scale` */
	int64_t div = 0;
	int scale = 0;
	if (!strcasecmp(f, "year"))
		ival = y > 0 ? y : y - 1;
	else if (!strcasecmp(f, "month"))
		ival = m;
	else if (!strcasecmp(f, "day"))
		ival = d;
	else if (!strcasecmp(f, "hour"))
		ival = u / 3600000000;
	else if (!strcasecmp(f, "minute"))
		ival = u / 60000000 % 60;
	else if (!strcasecmp(f, "second"))
		sub = u % 60000000, div = 1000000, scale = 6;
	else if (!strcasecmp(f, "milliseconds"))
		sub = u % 60000000, div = 1000, scale = 3;
	else if (!strcasecmp(f, "microseconds"))
		ival = u % 60000000;
	else if (!strcasecmp(f, "epoch"))
		sub = ((int64_t)t.jd - LG_UNIX_EPOCH_JDATE) * 86400000000 + u, div = 1000000, scale = 6;
	else if (!strcasecmp(f, "dow"))
		ival = dow;
	else if (!strcasecmp(f, "isodow"))
		ival = dow == 0 ? 7 : dow;
	else if (!strcasecmp(f, "doy"))
		ival = t.jd - lg_dt_date2j(y, 1, 1) + 1;
	else if (!strcasecmp(f, "quarter"))
		ival = (m - 1) / 3 + 1;
	else if (!strcasecmp(f, "decade"))
		ival = y >= 0 ? y / 10 : -((8 - (y - 1)) / 10);
	else if (!strcasecmp(f, "century"))
		ival = y > 0 ? (y + 99) / 100 : -((99 - (y - 1)) / 100);
	else {
		lg_udf_error(ctx, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			     "unit \"%s\" not supported for type timestamp", f);
		return;
	}
	char buf[64];
	if (div) {
		if (!numeric) {
			sqlite3_result_double(ctx, (double)sub / (double)div);
			return;
		}
		int64_t a = sub < 0 ? -sub : sub;
		int64_t unit = scale == 6 ? 1000000 : 1000; /* digits after the point */
		snprintf(buf, sizeof(buf), "%s%lld.%0*lld", sub < 0 ? "-" : "",
			 (long long)(a / div), scale, (long long)((a % div) * unit / div));
		sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
	} else if (numeric) {
		snprintf(buf, sizeof(buf), "%lld", (long long)ival);
		sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_result_double(ctx, (double)ival);
	}
}

int lg_fn_register_datetime(sqlite3 *db, lg_error_t *err)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"lg_ts_add", 3, fn_ts_add},
		{"lg_ts_diff", 2, fn_ts_diff},
		{"lg_date_trunc", 2, fn_date_trunc},
		{"lg_extract", 3, fn_extract},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(fns); i++)
		if (lg_fn_register(db, fns[i].name, fns[i].nargs, true, NULL, fns[i].fn, err))
			return -1;
	return 0;
}
