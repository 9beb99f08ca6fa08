/* Date/time input parsing shared by the date, time, timestamp and
 * timestamptz codecs: a reduced port of PostgreSQL's ParseDateTime /
 * DecodeDateTime / DecodeTimeOnly with DateStyle ISO, MDY and TimeZone
 * UTC. Internal to catalog/. */
#ifndef LG_DATETIME_H
#define LG_DATETIME_H

#include "common/lg.h"

#define LG_USECS_PER_DAY INT64_C(86400000000)
#define LG_USECS_PER_SEC INT64_C(1000000)
#define LG_POSTGRES_EPOCH_JDATE 2451545
#define LG_UNIX_EPOCH_JDATE 2440588

typedef enum lg_dt_kind {
	LG_DT_VALUE,
	LG_DT_EPOCH,
	LG_DT_LATE, /* infinity */
	LG_DT_EARLY, /* -infinity */
} lg_dt_kind_t;

/* Broken-down input. Years are astronomical (0 is 1 BC). */
typedef struct lg_dt {
	lg_dt_kind_t kind;
	int year, mon, mday;
	int hour, min, sec;
	int64_t fsec; /* microseconds */
	bool has_date;
	bool has_tz;
	int tz; /* seconds east of UTC */
	char badtz[64]; /* zone name for LG_DTERR_TZ_UNKNOWN */
} lg_dt_t;

/* Error classes, as DateTimeParseError reports them. */
enum {
	LG_DTERR_BAD_FORMAT = -1, /* 22007 invalid input syntax */
	LG_DTERR_FIELD_OVERFLOW = -2, /* 22008 field value out of range */
	LG_DTERR_MD_FIELD_OVERFLOW = -3, /* the same, with a DateStyle hint */
	LG_DTERR_TZDISP_OVERFLOW = -5, /* 22009 time zone displacement */
	LG_DTERR_TZ_UNKNOWN = -6, /* 22023 time zone "x" not recognized */
};

/* Parses `s` as a date/timestamp (time_only false; a date is required
 * unless it is a special word) or as a time of day (time_only true).
 * Returns 0 or an LG_DTERR_* value. */
int lg_dt_decode(const char *s, size_t len, bool time_only, lg_dt_t *dt);

/* The common ISO 8601 forms only, in one pass (datetime_iso.c): true when
 * `s` is one of them with every field in range; false means "use
 * lg_dt_decode", never an error. */
bool lg_dt_decode_iso(const char *s, size_t len, bool time_only, lg_dt_t *dt);

int lg_dt_date2j(int y, int m, int d);
void lg_dt_j2date(int jd, int *y, int *m, int *d);

/* ---- tokens (datetime_tab.c) ---- */

/* Token types; each is a bit in the decoder's field masks. */
enum {
	LG_DTT_RESERV = 0,
	LG_DTT_MONTH = 1,
	LG_DTT_YEAR = 2,
	LG_DTT_DAY = 3,
	LG_DTT_TZ = 5,
	LG_DTT_DTZ = 6,
	LG_DTT_IGNORE = 8,
	LG_DTT_AMPM = 9,
	LG_DTT_HOUR = 10,
	LG_DTT_MINUTE = 11,
	LG_DTT_SECOND = 12,
	LG_DTT_DOW = 16,
	LG_DTT_UNITS = 17,
	LG_DTT_ADBC = 18,
	LG_DTT_DTZMOD = 19,
	LG_DTT_ISOTIME = 20,
};

/* Values of reserved words, AM/PM and AD/BC tokens. */
enum {
	LG_DTR_NOW,
	LG_DTR_TODAY,
	LG_DTR_TOMORROW,
	LG_DTR_YESTERDAY,
	LG_DTR_EPOCH,
	LG_DTR_LATE,
	LG_DTR_EARLY,
	LG_DTR_ZULU,
};
enum { LG_DT_AM, LG_DT_PM, LG_DT_HR24 };
enum { LG_DT_AD, LG_DT_BC };

typedef struct lg_dt_token {
	const char *w; /* lower case */
	int type;
	int val; /* zones: seconds east of UTC */
} lg_dt_token_t;

/* A date/time keyword (month, weekday, "epoch", "t", ...) or NULL. */
const lg_dt_token_t *lg_dt_keyword(const char *w);
/* A time zone abbreviation ("utc", "pst", "cest") or NULL. */
const lg_dt_token_t *lg_dt_abbrev(const char *w);
int lg_dt_days_in_month(int y, int m);

#endif
