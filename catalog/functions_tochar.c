/* to_char(timestamp|timestamptz|date, format): PostgreSQL's formatting.c
 * patterns for date/time output (TimeZone is UTC, English names). A few
 * patterns litegres does not produce (roman months RM, spelled numbers SP,
 * ISO day of year IDDD) are 0A000 rather than wrong text. to_date and
 * to_timestamp(text, format) read the common numeric and name fields;
 * other patterns are 0A000. */
#include "catalog/datetime.h"
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct tm_parts {
	int year, mon, mday, hour, min, sec, usec;
	int doy, wday; /* day of year 1..366, day of week 0 = Sunday */
	int jd;
	bool has_tz;
} tm_parts_t;

static const char *const months[] = {"January",   "February", "March",    "April",
				     "May",       "June",     "July",     "August",
				     "September", "October",  "November", "December"};
static const char *const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
				   "Thursday", "Friday", "Saturday"};

/* The stored 'YYYY-MM-DD[ HH:MM:SS[.ffffff]]' form. */
static bool parse_stored(const char *s, size_t len, tm_parts_t *t)
{
	memset(t, 0, sizeof(*t));
	char buf[64];
	if (len >= sizeof(buf) || memchr(s, 'B', len))
		return false; /* BC years are not handled here */
	memcpy(buf, s, len);
	buf[len] = '\0';
	int n = 0;
	if (sscanf(buf, "%d-%d-%d%n", &t->year, &t->mon, &t->mday, &n) != 3)
		return false;
	const char *p = buf + n;
	if (*p == ' ' || *p == 'T') {
		int k = 0;
		if (sscanf(p + 1, "%d:%d:%d%n", &t->hour, &t->min, &t->sec, &k) != 3)
			return false;
		p += 1 + k;
		if (*p == '.') {
			int digits = 0;
			for (p++; *p >= '0' && *p <= '9'; p++, digits++)
				if (digits < 6)
					t->usec = t->usec * 10 + (*p - '0');
			for (; digits < 6; digits++)
				t->usec *= 10;
		}
	}
	t->jd = lg_dt_date2j(t->year, t->mon, t->mday);
	t->doy = t->jd - lg_dt_date2j(t->year, 1, 1) + 1;
	t->wday = (t->jd + 1) % 7;
	return true;
}

/* ISO 8601 week-numbering year and week of a Julian day. */
static void iso_week(int jd, int year, int *iyear, int *iweek)
{
	int wday_mon0 = jd % 7; /* 0 = Monday */
	int thursday = jd - wday_mon0 + 3;
	int y, m, d;
	lg_dt_j2date(thursday, &y, &m, &d);
	(void)year, (void)m, (void)d;
	*iyear = y;
	*iweek = (thursday - lg_dt_date2j(y, 1, 1)) / 7 + 1;
}

static const char *ordinal(int n, bool upper)
{
	int last = n % 10, tens = n % 100;
	const char *s = (tens >= 11 && tens <= 13) ? "th"
			: last == 1                ? "st"
			: last == 2                ? "nd"
			: last == 3                ? "rd"
						   : "th";
	if (!upper)
		return s;
	return strcmp(s, "st") == 0   ? "ST"
	       : strcmp(s, "nd") == 0 ? "ND"
	       : strcmp(s, "rd") == 0 ? "RD"
				      : "TH";
}

static void put_num(lg_sb_t *out, long v, int width, bool fm, const char *suffix)
{
	lg_sb_appendf(out, "%0*ld", fm ? 0 : width, v);
	if (suffix)
		lg_sb_append(out, suffix);
}

/* A name in the case the pattern is written in, blank-padded to 9 unless
 * FM (`full` names only). */
static void put_name(lg_sb_t *out, const char *name, const char *pat, bool abbrev, bool fm)
{
	char buf[16];
	size_t n = abbrev ? 3 : strlen(name);
	bool upper = pat[1] >= 'A' && pat[1] <= 'Z', lower = pat[0] >= 'a' && pat[0] <= 'z';
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (upper && c >= 'a' && c <= 'z')
			c = (char)(c - 32);
		else if (lower && c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		buf[i] = c;
	}
	buf[n] = '\0';
	if (abbrev || fm)
		lg_sb_append(out, buf);
	else
		lg_sb_appendf(out, "%-9s", buf);
}

/* ---- patterns ---- */

/* clang-format off */
typedef enum pat {
	P_YYYY, P_YCOMMA, P_YYY, P_YY, P_Y, P_IYYY, P_IYY, P_IY, P_I, P_CC,
	P_MM, P_DDD, P_DD, P_D, P_ID, P_J, P_Q, P_WW, P_W, P_IW,
	P_HH24, P_HH12, P_MI, P_SSSS, P_SS, P_MS, P_US, P_FF,
	P_AMPM, P_AMPM_DOTS, P_ADBC, P_ADBC_DOTS, P_MONTH, P_MON, P_DAY, P_DY, P_TZ, P_OF,
	P_UNSUPPORTED,
} pat_t;

static const struct {
	const char *kw;
	pat_t p;
} keywords[] = {
	{"YYYY", P_YYYY}, {"yyyy", P_YYYY}, {"Y,YYY", P_YCOMMA}, {"y,yyy", P_YCOMMA},
	{"YYY", P_YYY},	  {"yyy", P_YYY},   {"YY", P_YY},	   {"yy", P_YY},
	{"Y", P_Y},	  {"y", P_Y},	    {"IYYY", P_IYYY},	   {"iyyy", P_IYYY},
	{"IYY", P_IYY},	  {"iyy", P_IYY},   {"IY", P_IY},	   {"iy", P_IY},
	{"I", P_I},	  {"i", P_I},	    {"CC", P_CC},	   {"cc", P_CC},
	{"MM", P_MM},	  {"mm", P_MM},	    {"DDD", P_DDD},	   {"ddd", P_DDD},
	{"DD", P_DD},	  {"dd", P_DD},	    {"D", P_D},		   {"d", P_D},
	{"ID", P_ID},	  {"id", P_ID},	    {"J", P_J},		   {"j", P_J},
	{"Q", P_Q},	  {"q", P_Q},	    {"WW", P_WW},	   {"ww", P_WW},
	{"W", P_W},	  {"w", P_W},	    {"IW", P_IW},	   {"iw", P_IW},
	{"HH24", P_HH24}, {"hh24", P_HH24}, {"HH12", P_HH12},	   {"hh12", P_HH12},
	{"HH", P_HH12},	  {"hh", P_HH12},   {"MI", P_MI},	   {"mi", P_MI},
	{"SSSSS", P_SSSS}, {"sssss", P_SSSS}, {"SSSS", P_SSSS},	   {"ssss", P_SSSS},
	{"SS", P_SS},	  {"ss", P_SS},	    {"MS", P_MS},	   {"ms", P_MS},
	{"US", P_US},	  {"us", P_US},	    {"FF1", P_FF},	   {"FF2", P_FF},
	{"FF3", P_FF},	  {"FF4", P_FF},    {"FF5", P_FF},	   {"FF6", P_FF},
	{"ff1", P_FF},	  {"ff2", P_FF},    {"ff3", P_FF},	   {"ff4", P_FF},
	{"ff5", P_FF},	  {"ff6", P_FF},    {"AM", P_AMPM},	   {"am", P_AMPM},
	{"PM", P_AMPM},	  {"pm", P_AMPM},   {"A.M.", P_AMPM_DOTS}, {"a.m.", P_AMPM_DOTS},
	{"P.M.", P_AMPM_DOTS}, {"p.m.", P_AMPM_DOTS}, {"AD", P_ADBC}, {"ad", P_ADBC},
	{"BC", P_ADBC},	  {"bc", P_ADBC},   {"A.D.", P_ADBC_DOTS}, {"a.d.", P_ADBC_DOTS},
	{"B.C.", P_ADBC_DOTS}, {"b.c.", P_ADBC_DOTS}, {"MONTH", P_MONTH}, {"Month", P_MONTH},
	{"month", P_MONTH}, {"MON", P_MON}, {"Mon", P_MON},	   {"mon", P_MON},
	{"DAY", P_DAY},	  {"Day", P_DAY},   {"day", P_DAY},	   {"DY", P_DY},
	{"Dy", P_DY},	  {"dy", P_DY},	    {"TZ", P_TZ},	   {"tz", P_TZ},
	{"OF", P_OF},	  {"of", P_OF},	    {"RM", P_UNSUPPORTED}, {"rm", P_UNSUPPORTED},
	{"IDDD", P_UNSUPPORTED}, {"iddd", P_UNSUPPORTED}, {"TZH", P_UNSUPPORTED},
	{"TZM", P_UNSUPPORTED}, {"tzh", P_UNSUPPORTED}, {"tzm", P_UNSUPPORTED},
};
/* clang-format on */

/* The longest keyword at p, or -1. */
static int keyword_at(const char *p)
{
	int best = -1;
	size_t best_len = 0;
	for (size_t i = 0; i < LG_ARRAY_LEN(keywords); i++) {
		size_t n = strlen(keywords[i].kw);
		if (n > best_len && strncmp(p, keywords[i].kw, n) == 0) {
			best = (int)i;
			best_len = n;
		}
	}
	return best;
}

static void put_numeric(lg_sb_t *out, pat_t p, const char *kw, const tm_parts_t *t, bool fm,
			const char *th)
{
	int iyear, iweek, h12 = t->hour % 12 ? t->hour % 12 : 12;
	iso_week(t->jd, t->year, &iyear, &iweek);
	int v, width = 2;
	switch (p) {
	case P_YYYY: v = t->year, width = 4; break;
	case P_YYY: v = t->year % 1000, width = 3; break;
	case P_YY: v = t->year % 100; break;
	case P_Y: v = t->year % 10, width = 1; break;
	case P_IYYY: v = iyear, width = 4; break;
	case P_IYY: v = iyear % 1000, width = 3; break;
	case P_IY: v = iyear % 100; break;
	case P_I: v = iyear % 10, width = 1; break;
	case P_CC: v = (t->year + 99) / 100; break;
	case P_MM: v = t->mon; break;
	case P_DDD: v = t->doy, width = 3; break;
	case P_DD: v = t->mday; break;
	case P_D: v = t->wday + 1, width = 1; break;
	case P_ID: v = t->wday ? t->wday : 7, width = 1; break;
	case P_J: v = t->jd, width = 1; break;
	case P_Q: v = (t->mon + 2) / 3, width = 1; break;
	case P_WW: v = (t->doy - 1) / 7 + 1; break;
	case P_W: v = (t->mday - 1) / 7 + 1, width = 1; break;
	case P_IW: v = iweek; break;
	case P_HH24: v = t->hour; break;
	case P_HH12: v = h12; break;
	case P_MI: v = t->min; break;
	case P_SSSS: v = t->hour * 3600 + t->min * 60 + t->sec, width = 1; break;
	case P_SS: v = t->sec; break;
	case P_MS: v = t->usec / 1000, width = 3; break;
	case P_US: v = t->usec, width = 6; break;
	case P_FF: {
		int digits = kw[2] - '0', div = 1;
		for (int i = digits; i < 6; i++)
			div *= 10;
		v = t->usec / div, width = digits;
		break;
	}
	default: return;
	}
	put_num(out, v, width, fm, th ? ordinal(v, th[0] == 'T') : NULL);
}

static void put_text(lg_sb_t *out, pat_t p, const char *kw, const tm_parts_t *t, bool fm)
{
	bool pm = t->hour >= 12, lower = kw[0] >= 'a' && kw[0] <= 'z';
	switch (p) {
	case P_AMPM: lg_sb_append(out, pm ? (lower ? "pm" : "PM") : (lower ? "am" : "AM")); break;
	case P_AMPM_DOTS:
		lg_sb_append(out, pm ? (lower ? "p.m." : "P.M.") : (lower ? "a.m." : "A.M."));
		break;
	case P_ADBC: lg_sb_append(out, lower ? "ad" : "AD"); break;
	case P_ADBC_DOTS: lg_sb_append(out, lower ? "a.d." : "A.D."); break;
	case P_MONTH: put_name(out, months[t->mon - 1], kw, false, fm); break;
	case P_MON: put_name(out, months[t->mon - 1], kw, true, fm); break;
	case P_DAY: put_name(out, days[t->wday], kw, false, fm); break;
	case P_DY: put_name(out, days[t->wday], kw, true, fm); break;
	case P_TZ:
		if (t->has_tz)
			lg_sb_append(out, lower ? "utc" : "UTC");
		break;
	case P_OF: lg_sb_append(out, "+00"); break;
	default: break;
	}
}

/* Appends the quoted literal starting at *p ('"'), advancing past it. */
static void quoted(const char **p, lg_sb_t *out)
{
	for ((*p)++; **p && **p != '"'; (*p)++) {
		if (**p == '\\' && (*p)[1])
			(*p)++;
		lg_sb_putc(out, **p);
	}
	if (**p == '"')
		(*p)++;
}

static int format(const char *f, const tm_parts_t *t, lg_sb_t *out, lg_error_t *err)
{
	const char *p = f;
	while (*p) {
		bool fm = false;
		while (strncmp(p, "FM", 2) == 0 || strncmp(p, "fm", 2) == 0 ||
		       strncmp(p, "TM", 2) == 0 || strncmp(p, "tm", 2) == 0 ||
		       strncmp(p, "FX", 2) == 0 || strncmp(p, "fx", 2) == 0) {
			fm |= p[0] == 'F' || p[0] == 'f' ? p[1] == 'M' || p[1] == 'm' : false;
			p += 2;
		}
		int k = *p ? keyword_at(p) : -1;
		if (k < 0) {
			if (*p == '"') {
				quoted(&p, out);
			} else if (*p == '\\' && (p[1] == '\\' || p[1] == '"')) {
				lg_sb_putc(out, p[1]);
				p += 2;
			} else if (*p) {
				lg_sb_putc(out, *p++);
			}
			continue;
		}
		const char *kw = keywords[k].kw;
		pat_t pat = keywords[k].p;
		p += strlen(kw);
		const char *th = NULL;
		if (strncmp(p, "TH", 2) == 0 || strncmp(p, "th", 2) == 0) {
			th = p;
			p += 2;
		}
		if (pat == P_UNSUPPORTED || strncmp(p, "SP", 2) == 0 || strncmp(p, "sp", 2) == 0)
			return lg_error_set(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
					    "feature not supported: to_char pattern \"%s\"", kw);
		if (pat == P_YCOMMA) {
			char buf[16];
			snprintf(buf, sizeof(buf), "%d,%03d", t->year / 1000, t->year % 1000);
			lg_sb_append(out, buf);
		} else if (pat >= P_AMPM) {
			put_text(out, pat, kw, t, fm);
		} else {
			put_numeric(out, pat, kw, t, fm, th);
		}
	}
	return 0;
}

/* lg_to_char_ts(value, format, has_tz) */
static void fn_to_char(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (lg_fn_any_null(2, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	tm_parts_t t;
	if (!parse_stored(s, (size_t)sqlite3_value_bytes(argv[0]), &t)) {
		lg_udf_error(ctx, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			     "feature not supported: to_char of \"%s\"", s);
		return;
	}
	t.has_tz = sqlite3_value_int(argv[2]) != 0;
	const char *f = (const char *)sqlite3_value_text(argv[1]);
	if (!*f) {
		sqlite3_result_null(ctx); /* an empty format gives NULL */
		return;
	}
	lg_sb_t out = LG_SB_INIT;
	lg_error_t err = LG_ERROR_INIT;
	if (format(f, &t, &out, &err)) {
		lg_sb_free(&out);
		lg_fn_error(ctx, &err);
		return;
	}
	lg_fn_result_sb(ctx, &out);
}

/* ---- to_date / to_timestamp(text, format) ---- */

typedef struct parsed {
	int year, mon, mday, hour, min, sec, usec;
	int pm; /* -1 none, 0 AM, 1 PM */
	bool h12, have_year;
} parsed_t;

static bool is_sep(char c)
{
	return c && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/* Up to `width` digits (a field followed by more digits takes exactly
 * width). 0 when there is no digit. */
static int digits(const char **in, int width, long *v)
{
	const char *p = *in;
	while (*p == ' ')
		p++;
	int n = 0;
	long x = 0;
	bool neg = *p == '-' && width >= 4;
	if (neg)
		p++;
	while (n < width && *p >= '0' && *p <= '9')
		x = x * 10 + (*p++ - '0'), n++;
	if (n == 0)
		return 0;
	*v = neg ? -x : x;
	*in = p;
	return n;
}

static int name_index(const char **in, const char *const *names, int count, bool abbrev)
{
	for (int i = 0; i < count; i++) {
		size_t n = abbrev ? 3 : strlen(names[i]);
		if (strncasecmp(*in, names[i], n) == 0) {
			*in += n;
			return i;
		}
	}
	return -1;
}

static int bad_value(lg_error_t *err, const char *in, const char *kw)
{
	size_t n = 0;
	while (in[n] && !is_sep(in[n]) && n < 32)
		n++;
	return lg_error_set(err, LG_SQLSTATE_INVALID_DATETIME_FORMAT,
			    "invalid value \"%.*s\" for \"%s\"", (int)(n ? n : 1), in, kw);
}

/* `adjacent`: the next format item is another field, so a year takes
 * exactly its pattern's digits (YYYYMMDD). */
static int parse_field(pat_t pat, const char *kw, const char **in, bool adjacent, parsed_t *r,
		       lg_error_t *err)
{
	long v = 0;
	int width = pat == P_YYYY  ? (adjacent ? 4 : 9)
		    : pat == P_YYY ? 3
		    : pat == P_Y   ? 1
		    : pat == P_MS  ? 3
		    : pat == P_US  ? 6
				   : 2;
	switch (pat) {
	case P_MONTH:
	case P_MON:
		if ((r->mon = name_index(in, months, 12, pat == P_MON) + 1) == 0)
			return bad_value(err, *in, kw);
		return 0;
	case P_DAY:
	case P_DY:
		if (name_index(in, days, 7, pat == P_DY) < 0)
			return bad_value(err, *in, kw);
		return 0;
	case P_AMPM:
		if (strncasecmp(*in, "am", 2) != 0 && strncasecmp(*in, "pm", 2) != 0)
			return bad_value(err, *in, kw);
		r->pm = (**in == 'p' || **in == 'P');
		*in += 2;
		return 0;
	default: break;
	}
	int n = digits(in, width, &v);
	if (n == 0)
		return bad_value(err, *in, kw);
	switch (pat) {
	case P_YYYY: r->year = (int)v, r->have_year = true; break;
	case P_YYY: r->year = (int)(v < 100 ? v + 2000 : v + 1000), r->have_year = true; break;
	case P_YY: r->year = (int)(v < 70 ? v + 2000 : v + 1900), r->have_year = true; break;
	case P_Y: r->year = (int)v + 2000, r->have_year = true; break;
	case P_MM: r->mon = (int)v; break;
	case P_DD: r->mday = (int)v; break;
	case P_HH24: r->hour = (int)v; break;
	case P_HH12: r->hour = (int)v, r->h12 = true; break;
	case P_MI: r->min = (int)v; break;
	case P_SS: r->sec = (int)v; break;
	case P_MS: r->usec = (int)(v * (n == 1 ? 100000 : n == 2 ? 10000 : 1000)); break;
	case P_US: {
		long u = v;
		for (int k = n; k < 6; k++)
			u *= 10;
		r->usec = (int)u;
		break;
	}
	default: break;
	}
	return 0;
}

static bool parse_supported(pat_t p)
{
	return p == P_YYYY || p == P_YYY || p == P_YY || p == P_Y || p == P_MM || p == P_DD ||
	       p == P_HH24 || p == P_HH12 || p == P_MI || p == P_SS || p == P_MS || p == P_US ||
	       p == P_MONTH || p == P_MON || p == P_DAY || p == P_DY || p == P_AMPM;
}

static int parse_input(const char *in, const char *f, parsed_t *r, lg_error_t *err)
{
	*r = (parsed_t){1, 1, 1, 0, 0, 0, 0, -1, false, false};
	while (*f) {
		if (strncmp(f, "FM", 2) == 0 || strncmp(f, "fm", 2) == 0) {
			f += 2;
			continue;
		}
		int k = keyword_at(f);
		if (k < 0) {
			if (*f == '"' || *f == '\\' || !is_sep(*f))
				return lg_error_set(
					err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
					"feature not supported: this to_date/to_timestamp format");
			/* a separator matches one separator of the input, or none */
			f++;
			while (*in == ' ')
				in++;
			if (is_sep(*in))
				in++;
			continue;
		}
		pat_t pat = keywords[k].p;
		if (!parse_supported(pat))
			return lg_error_set(
				err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				"feature not supported: to_date/to_timestamp pattern \"%s\"",
				keywords[k].kw);
		f += strlen(keywords[k].kw);
		if (!*in)
			break; /* missing fields keep their defaults */
		if (parse_field(pat, keywords[k].kw, &in, *f && !is_sep(*f), r, err))
			return -1;
	}
	return 0;
}

/* lg_to_date(text, format) / lg_to_timestamp_fmt(text, format) */
static void to_datetime(sqlite3_context *ctx, sqlite3_value **argv, bool date)
{
	if (lg_fn_any_null(2, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *in = (const char *)sqlite3_value_text(argv[0]);
	parsed_t r;
	lg_error_t err = LG_ERROR_INIT;
	if (parse_input(in, (const char *)sqlite3_value_text(argv[1]), &r, &err)) {
		lg_fn_error(ctx, &err);
		return;
	}
	if (r.h12 && (r.hour < 1 || r.hour > 12))
		r.hour = 99;
	if (r.pm == 1 && r.hour < 12)
		r.hour += 12;
	else if (r.pm == 0 && r.hour == 12)
		r.hour = 0;
	if (!r.have_year || r.year < 1) {
		lg_udf_error(ctx, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			     "feature not supported: years before 1 AD in to_date/to_timestamp");
		return;
	}
	if (r.mon < 1 || r.mon > 12 || r.mday < 1 || r.mday > lg_dt_days_in_month(r.year, r.mon) ||
	    r.hour > 23 || r.min > 59 || r.sec > 59) {
		lg_udf_error(ctx, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
			     "date/time field value out of range: \"%s\"", in);
		return;
	}
	char buf[64];
	int n = date ? snprintf(buf, sizeof(buf), "%04d-%02d-%02d", r.year, r.mon, r.mday)
		     : snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d", r.year, r.mon,
				r.mday, r.hour, r.min, r.sec);
	if (!date && r.usec) {
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, ".%06d", r.usec);
		while (buf[n - 1] == '0')
			n--;
	}
	sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}

static void fn_to_date(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	to_datetime(ctx, argv, true);
}

static void fn_to_timestamp_fmt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	to_datetime(ctx, argv, false);
}

int lg_fn_register_tochar(sqlite3 *db, lg_error_t *err)
{
	if (lg_fn_register(db, "lg_to_char_ts", 3, true, NULL, fn_to_char, err) ||
	    lg_fn_register(db, "lg_to_date", 2, true, NULL, fn_to_date, err) ||
	    lg_fn_register(db, "lg_to_timestamp_fmt", 2, true, NULL, fn_to_timestamp_fmt, err))
		return -1;
	return 0;
}
