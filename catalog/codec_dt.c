/* date, time, timestamp, timestamptz codecs. Storage is the ISO text
 * PostgreSQL prints (timestamptz in UTC without the "+00"); the binary
 * form is PostgreSQL's integer one (days / microseconds since 2000-01-01,
 * microseconds since midnight). Input parsing lives in datetime.c. */
#include "catalog/codec_int.h"
#include "catalog/datetime.h"

#include <math.h>
#include <string.h>

#define MIN_TIMESTAMP INT64_C(-211813488000000000)
#define END_TIMESTAMP INT64_C(9223371331200000000)
#define DATE_END_JULIAN 2147483494
#define JULIAN_MINYEAR (-4713)
#define JULIAN_MINMONTH 11
#define JULIAN_MAXYEAR 5874898
#define JULIAN_MAXMONTH 6
#define MAX_PRECISION 6
#define EPOCH_USECS ((int64_t)(LG_UNIX_EPOCH_JDATE - LG_POSTGRES_EPOCH_JDATE) * LG_USECS_PER_DAY)
#define TEXT_MAX 48

static const int64_t scales[MAX_PRECISION + 1] = {1000000, 100000, 10000, 1000, 100, 10, 1};
static const int64_t offsets[MAX_PRECISION + 1] = {500000, 50000, 5000, 500, 50, 5, 0};

static bool valid_julian(int y, int m)
{
	return (y > JULIAN_MINYEAR || (y == JULIAN_MINYEAR && m >= JULIAN_MINMONTH)) &&
	       (y < JULIAN_MAXYEAR || (y == JULIAN_MAXYEAR && m < JULIAN_MAXMONTH));
}

static bool valid_date(int64_t d)
{
	return -LG_POSTGRES_EPOCH_JDATE <= d && d < DATE_END_JULIAN - LG_POSTGRES_EPOCH_JDATE;
}

static bool valid_ts(int64_t t)
{
	return MIN_TIMESTAMP <= t && t < END_TIMESTAMP;
}

/* AdjustTimestampForTypmod / AdjustTimeForTypmod: round half away from
 * zero on the whole value. */
static int64_t round_typmod(int64_t t, int32_t typmod)
{
	if (typmod < 0 || typmod >= MAX_PRECISION)
		return t;
	if (t >= 0)
		return ((t + offsets[typmod]) / scales[typmod]) * scales[typmod];
	return -((((-t) + offsets[typmod]) / scales[typmod]) * scales[typmod]);
}

static const char *type_label(lg_oid_t oid)
{
	switch (oid) {
	case LG_OID_DATE: return "date";
	case LG_OID_TIME: return "time";
	case LG_OID_TIMESTAMP: return "timestamp";
	default: return "timestamp with time zone";
	}
}

/* DateTimeParseError */
static int parse_error(lg_error_t *err, int rc, lg_oid_t oid, const char *s, size_t len,
		       const lg_dt_t *dt)
{
	switch (rc) {
	case LG_DTERR_FIELD_OVERFLOW:
	case LG_DTERR_MD_FIELD_OVERFLOW:
		lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
			     "date/time field value out of range: \"%.*s\"", (int)len, s);
		if (rc == LG_DTERR_MD_FIELD_OVERFLOW)
			lg_error_field(err, LG_ERRF_HINT,
				       "Perhaps you need a different \"datestyle\" setting.");
		return -1;
	case LG_DTERR_TZDISP_OVERFLOW:
		/* PostgreSQL says 22009, which common/sqlstate.def lacks. */
		return lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
				    "time zone displacement out of range: \"%.*s\"", (int)len, s);
	case LG_DTERR_TZ_UNKNOWN:
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "time zone \"%s\" not recognized", dt->badtz);
	default:
		return lg_error_set(err, LG_SQLSTATE_INVALID_DATETIME_FORMAT,
				    "invalid input syntax for type %s: \"%.*s\"", type_label(oid),
				    (int)len, s);
	}
}

/* ---- formatting (EncodeDateOnly / EncodeDateTime / EncodeTimeOnly, ISO) ---- */

static size_t put_num(char *o, int64_t v, int width)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	size_t k = 0;
	for (; n < width; width--)
		o[k++] = '0';
	while (n > 0)
		o[k++] = tmp[--n];
	return k;
}

/* "HH:MM:SS[.ffffff]", fraction without trailing zeros. */
static size_t fmt_time(char *o, int64_t t)
{
	int64_t secs = t / LG_USECS_PER_SEC, frac = t % LG_USECS_PER_SEC;
	size_t k = put_num(o, secs / 3600, 2);
	o[k++] = ':';
	k += put_num(o + k, secs / 60 % 60, 2);
	o[k++] = ':';
	k += put_num(o + k, secs % 60, 2);
	if (frac) {
		int w = 6;
		while (frac % 10 == 0) {
			frac /= 10;
			w--;
		}
		o[k++] = '.';
		k += put_num(o + k, frac, w);
	}
	return k;
}

/* "YYYY-MM-DD" for julian day `jd`; *bc when the year is BC. */
static size_t fmt_jdate(char *o, int jd, bool *bc)
{
	int y, m, d;
	lg_dt_j2date(jd, &y, &m, &d);
	*bc = y <= 0;
	size_t k = put_num(o, y > 0 ? y : -(y - 1), 4);
	o[k++] = '-';
	k += put_num(o + k, m, 2);
	o[k++] = '-';
	k += put_num(o + k, d, 2);
	return k;
}

static size_t fmt_date(char *o, int64_t d)
{
	if (d == INT32_MIN)
		return (size_t)(memcpy(o, "-infinity", 9), 9);
	if (d == INT32_MAX)
		return (size_t)(memcpy(o, "infinity", 8), 8);
	bool bc;
	size_t k = fmt_jdate(o, (int)(d + LG_POSTGRES_EPOCH_JDATE), &bc);
	if (bc) {
		memcpy(o + k, " BC", 3);
		k += 3;
	}
	return k;
}

/* Storage form of a timestamp; with `tz`, the output form ("+00"). */
static size_t fmt_ts(char *o, int64_t t, bool tz)
{
	if (t == INT64_MIN)
		return (size_t)(memcpy(o, "-infinity", 9), 9);
	if (t == INT64_MAX)
		return (size_t)(memcpy(o, "infinity", 8), 8);
	int64_t date = t / LG_USECS_PER_DAY, time = t % LG_USECS_PER_DAY;
	if (time < 0) {
		time += LG_USECS_PER_DAY;
		date--;
	}
	bool bc;
	size_t k = fmt_jdate(o, (int)(date + LG_POSTGRES_EPOCH_JDATE), &bc);
	o[k++] = ' ';
	k += fmt_time(o + k, time);
	if (tz) {
		memcpy(o + k, "+00", 3);
		k += 3;
	}
	if (bc) {
		memcpy(o + k, " BC", 3);
		k += 3;
	}
	return k;
}

/* ---- values ---- */

/* tm2timestamp: -1 when out of range. `tz` is seconds east. */
static int tm2ts(const lg_dt_t *dt, int tz, int64_t *out)
{
	if (!valid_julian(dt->year, dt->mon))
		return -1;
	int64_t date = lg_dt_date2j(dt->year, dt->mon, dt->mday) - LG_POSTGRES_EPOCH_JDATE;
	int64_t time =
		(((int64_t)dt->hour * 60 + dt->min) * 60 + dt->sec) * LG_USECS_PER_SEC + dt->fsec;
	int64_t r;
	if (__builtin_mul_overflow(date, LG_USECS_PER_DAY, &r) ||
	    __builtin_add_overflow(r, time, &r))
		return -1;
	if ((r < 0 && date > 0) || (r > 0 && date < -1))
		return -1;
	r -= (int64_t)tz * LG_USECS_PER_SEC;
	if (!valid_ts(r))
		return -1;
	*out = r;
	return 0;
}

/* The value of parsed input as the type's integer: days for date,
 * microseconds otherwise. */
static int dt_value(lg_oid_t oid, int32_t typmod, const lg_dt_t *dt, const char *s, size_t len,
		    int64_t *v, lg_error_t *err)
{
	bool ts = oid == LG_OID_TIMESTAMP || oid == LG_OID_TIMESTAMPTZ;
	if (oid == LG_OID_TIME) {
		*v = round_typmod((((int64_t)dt->hour * 60 + dt->min) * 60 + dt->sec) *
						  LG_USECS_PER_SEC +
					  dt->fsec,
				  typmod);
		return 0;
	}
	if (dt->kind == LG_DT_LATE) {
		*v = ts ? INT64_MAX : INT32_MAX;
		return 0;
	}
	if (dt->kind == LG_DT_EARLY) {
		*v = ts ? INT64_MIN : INT32_MIN;
		return 0;
	}
	if (dt->kind == LG_DT_EPOCH) {
		*v = ts ? EPOCH_USECS : LG_UNIX_EPOCH_JDATE - LG_POSTGRES_EPOCH_JDATE;
		return 0;
	}
	if (!ts) {
		int64_t d = valid_julian(dt->year, dt->mon)
				    ? lg_dt_date2j(dt->year, dt->mon, dt->mday) -
					      LG_POSTGRES_EPOCH_JDATE
				    : INT64_MIN;
		if (!valid_date(d))
			return lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
					    "date out of range: \"%.*s\"", (int)len, s);
		*v = d;
		return 0;
	}
	int tz = oid == LG_OID_TIMESTAMPTZ && dt->has_tz ? dt->tz : 0;
	if (tm2ts(dt, tz, v) < 0)
		return lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
				    "timestamp out of range: \"%.*s\"", (int)len, s);
	*v = round_typmod(*v, typmod);
	if (!valid_ts(*v))
		return lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
				    "timestamp out of range");
	return 0;
}

static size_t fmt_storage(lg_oid_t oid, int64_t v, char *o)
{
	switch (oid) {
	case LG_OID_DATE: return fmt_date(o, v);
	case LG_OID_TIME: return fmt_time(o, v);
	default: return fmt_ts(o, v, false);
	}
}

int lg_codec_dt_in(lg_oid_t oid, int32_t typmod, const char *s, size_t len, lg_arena_t *arena,
		   lg_value_t *out, lg_error_t *err)
{
	lg_dt_t dt;
	if (!lg_dt_decode_iso(s, len, oid == LG_OID_TIME, &dt)) {
		int rc = lg_dt_decode(s, len, oid == LG_OID_TIME, &dt);
		if (rc)
			return parse_error(err, rc, oid, s, len, &dt);
	}
	int64_t v;
	if (dt_value(oid, typmod, &dt, s, len, &v, err) < 0)
		return -1;
	char buf[TEXT_MAX];
	return lg_codec_set_text(arena, out, buf, fmt_storage(oid, v, buf), err);
}

/* ---- stored values ---- */

static bool digits_at(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int num_at(const char *s, size_t a, size_t b)
{
	int v = 0;
	for (size_t i = a; i < b; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool is_date_shape(const char *s)
{
	return digits_at(s, 0, 4) && s[4] == '-' && digits_at(s, 5, 7) && s[7] == '-' &&
	       digits_at(s, 8, 10);
}

/* HH:MM:SS[.f{1,6}] at s, exactly len bytes. */
static bool is_time_shape(const char *s, size_t len)
{
	if (len < 8 || !(digits_at(s, 0, 2) && s[2] == ':' && digits_at(s, 3, 5) && s[5] == ':' &&
			 digits_at(s, 6, 8)))
		return false;
	if (len == 8)
		return true;
	return len >= 10 && len <= 15 && s[8] == '.' && digits_at(s, 9, len);
}

/* Microseconds of a time-shaped text. */
static int64_t shape_time(const char *s, size_t len)
{
	int64_t t = ((int64_t)num_at(s, 0, 2) * 3600 + num_at(s, 3, 5) * 60 + num_at(s, 6, 8)) *
		    LG_USECS_PER_SEC;
	int64_t f = 0;
	size_t i = 9;
	for (; i < len; i++)
		f = f * 10 + (s[i] - '0');
	for (; i < 15 && len > 8; i++)
		f *= 10;
	return t + f;
}

/* Whether `s` is text this codec stores itself (the fast path). */
static bool is_canonical(lg_oid_t oid, const char *s, size_t len)
{
	if ((len == 8 && memcmp(s, "infinity", 8) == 0) ||
	    (len == 9 && memcmp(s, "-infinity", 9) == 0))
		return oid != LG_OID_TIME;
	switch (oid) {
	case LG_OID_DATE: return len == 10 && is_date_shape(s);
	case LG_OID_TIME: return is_time_shape(s, len) && (len == 8 || s[len - 1] != '0');
	default:
		return len >= 19 && is_date_shape(s) && s[10] == ' ' &&
		       is_time_shape(s + 11, len - 11) && (len == 19 || s[len - 1] != '0');
	}
}

/* A stored value as the type's integer; false if it is not one. Text is
 * read by the fast path or by the full parser (values written by other
 * tools); numbers in timestamp columns are Unix seconds. */
static bool stored_value(lg_oid_t oid, const lg_value_t *v, int64_t *out)
{
	if (v->kind == LG_VAL_INT || v->kind == LG_VAL_REAL) {
		if (oid != LG_OID_TIMESTAMP && oid != LG_OID_TIMESTAMPTZ)
			return false;
		double secs = v->kind == LG_VAL_INT ? (double)v->i : v->r;
		double us = rint(secs * 1e6) + (double)EPOCH_USECS;
		if (!(us >= (double)MIN_TIMESTAMP && us < (double)END_TIMESTAMP))
			return false;
		*out = (int64_t)us;
		return true;
	}
	if (v->kind != LG_VAL_TEXT && v->kind != LG_VAL_BLOB)
		return false;
	const char *s = v->s;
	size_t len = v->len;
	bool inf = (len == 8 && memcmp(s, "infinity", 8) == 0) ||
		   (len == 9 && memcmp(s, "-infinity", 9) == 0);
	if (!inf && is_canonical(oid, s, len)) {
		if (oid == LG_OID_TIME) {
			*out = shape_time(s, len);
			return true;
		}
		int64_t d = lg_dt_date2j(num_at(s, 0, 4), num_at(s, 5, 7), num_at(s, 8, 10)) -
			    LG_POSTGRES_EPOCH_JDATE;
		*out = oid == LG_OID_DATE ? d : d * LG_USECS_PER_DAY + shape_time(s + 11, len - 11);
		return true;
	}
	lg_dt_t dt;
	lg_error_t e = LG_ERROR_INIT;
	bool ok = lg_dt_decode(s, len, oid == LG_OID_TIME, &dt) == 0 &&
		  dt_value(oid, -1, &dt, s, len, out, &e) == 0;
	lg_error_clear(&e);
	return ok;
}

int lg_codec_dt_out(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		    lg_error_t *err)
{
	LG_UNUSED(typmod);
	LG_UNUSED(err);
	bool tz = oid == LG_OID_TIMESTAMPTZ;
	if (v->kind == LG_VAL_TEXT && is_canonical(oid, v->s, v->len)) {
		lg_sb_appendn(out, v->s, v->len);
		if (tz && v->len > 9)
			lg_sb_append(out, "+00");
		return 0;
	}
	int64_t x;
	if (!stored_value(oid, v, &x)) {
		lg_codec_append_raw(v, out);
		return 0;
	}
	char buf[TEXT_MAX];
	size_t n = oid == LG_OID_DATE   ? fmt_date(buf, x)
		   : oid == LG_OID_TIME ? fmt_time(buf, x)
					: fmt_ts(buf, x, tz);
	lg_sb_appendn(out, buf, n);
	return 0;
}

int lg_codec_dt_send(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
		     lg_error_t *err)
{
	LG_UNUSED(typmod);
	int64_t x;
	if (!stored_value(oid, v, &x))
		return lg_error_set(err, LG_SQLSTATE_INVALID_DATETIME_FORMAT,
				    "invalid input syntax for type %s: \"%.*s\"", type_label(oid),
				    v->kind == LG_VAL_TEXT ? (int)v->len : 0, v->s ? v->s : "");
	lg_codec_put_be(out, (uint64_t)x, oid == LG_OID_DATE ? 4 : 8);
	return 0;
}

int lg_codec_dt_recv(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len, lg_arena_t *arena,
		     lg_value_t *out, lg_error_t *err)
{
	int64_t x;
	if (oid == LG_OID_DATE) {
		if (len != 4)
			return lg_codec_err_binary(err);
		x = (int32_t)(uint32_t)lg_codec_get_be(p, 4);
		if (x != INT32_MIN && x != INT32_MAX && !valid_date(x))
			return lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
					    "date out of range");
	} else {
		if (len != 8)
			return lg_codec_err_binary(err);
		x = (int64_t)lg_codec_get_be(p, 8);
		if (oid == LG_OID_TIME) {
			if (x < 0 || x > LG_USECS_PER_DAY)
				return lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
						    "time out of range");
			x = round_typmod(x, typmod);
		} else if (x != INT64_MIN && x != INT64_MAX) {
			if (!valid_ts(x))
				return lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
						    "timestamp out of range");
			x = round_typmod(x, typmod);
			if (!valid_ts(x))
				return lg_error_set(err, LG_SQLSTATE_DATETIME_FIELD_OVERFLOW,
						    "timestamp out of range");
		}
	}
	char buf[TEXT_MAX];
	return lg_codec_set_text(arena, out, buf, fmt_storage(oid, x, buf), err);
}
