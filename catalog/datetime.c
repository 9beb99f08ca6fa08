/* Date/time input: a reduced port of PostgreSQL's ParseDateTime (split the
 * input into typed fields) and DecodeDateTime / DecodeTimeOnly (give the
 * fields meaning), DateStyle ISO, MDY. Supported beyond ISO 8601: month
 * and weekday names, MDY with '/', '-' or '.', run-together yyyymmdd and
 * hhmmss, AM/PM, BC/AD, numeric zone offsets and the common zone
 * abbreviations, epoch/infinity/now/today/tomorrow/yesterday/allballs.
 * Not supported: named zones (Europe/Paris), julian days, ISO field
 * labels (y2001m02), day of year, DST modifiers. */
#include "catalog/datetime.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXDATELEN 128
#define MAXDATEFIELDS 25
#define MAX_TZDISP_HOUR 15

enum { F_NUMBER, F_STRING, F_DATE, F_TIME, F_TZ, F_SPECIAL };

#define M(t) (1 << (t))
#define M_DATE (M(LG_DTT_YEAR) | M(LG_DTT_MONTH) | M(LG_DTT_DAY))
#define M_TIME (M(LG_DTT_HOUR) | M(LG_DTT_MINUTE) | M(LG_DTT_SECOND))

/* ---- ParseDateTime ---- */

typedef struct fields {
	char buf[MAXDATELEN + MAXDATEFIELDS + 1];
	char *f[MAXDATEFIELDS];
	int type[MAXDATEFIELDS];
	int n;
} fields_t;

typedef struct cursor {
	const char *s;
	size_t len, i;
	char *bp, *be;
} cursor_t;

static char ch(const cursor_t *c)
{
	return c->i < c->len ? c->s[c->i] : '\0';
}

static bool put(cursor_t *c, char v)
{
	if (c->bp >= c->be)
		return false;
	*c->bp++ = v;
	return true;
}

#define TAKE(c, lowercase)                                                                         \
	do {                                                                                       \
		char v_ = (c)->s[(c)->i++];                                                        \
		if (!put((c), (lowercase) ? (char)tolower((unsigned char)v_) : v_))                \
			return LG_DTERR_BAD_FORMAT;                                                \
	} while (0)

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A field starting with a digit: number, time or date. */
static int field_digits(cursor_t *c, int *type)
{
	while (digit(ch(c)))
		TAKE(c, false);
	char n = ch(c);
	if (n == ':') {
		*type = F_TIME;
		TAKE(c, false);
		while (digit(ch(c)) || ch(c) == ':' || ch(c) == '.')
			TAKE(c, false);
	} else if (n == '-' || n == '/' || n == '.') {
		char delim = n;
		TAKE(c, false);
		if (digit(ch(c))) {
			*type = delim == '.' ? F_NUMBER : F_DATE;
			while (digit(ch(c)))
				TAKE(c, false);
			if (ch(c) == delim) {
				*type = F_DATE;
				TAKE(c, false);
				while (digit(ch(c)) || ch(c) == delim)
					TAKE(c, false);
			}
		} else {
			*type = F_DATE;
			while (isalnum((unsigned char)ch(c)) || ch(c) == delim)
				TAKE(c, true);
		}
	} else {
		*type = F_NUMBER;
	}
	return 0;
}

/* A field starting with a letter: a word, or a date with a text month or
 * a zone name with punctuation. */
static int field_alpha(cursor_t *c, char *start, int *type)
{
	*type = F_STRING;
	while (alpha(ch(c)))
		TAKE(c, true);
	char n = ch(c);
	bool is_date = n == '-' || n == '/' || n == '.';
	if (!is_date && (n == '+' || digit(n))) {
		if (c->bp >= c->be)
			return LG_DTERR_BAD_FORMAT;
		*c->bp = '\0';
		is_date = lg_dt_keyword(start) == NULL;
	}
	if (is_date) {
		*type = F_DATE;
		do {
			TAKE(c, true);
			n = ch(c);
		} while (n == '+' || n == '-' || n == '/' || n == '_' || n == '.' || n == ':' ||
			 isalnum((unsigned char)n));
	}
	return 0;
}

static int parse_fields(const char *s, size_t len, fields_t *fl)
{
	cursor_t c = {s, len, 0, fl->buf, fl->buf + MAXDATELEN + MAXDATEFIELDS};
	fl->n = 0;
	while (c.i < len) {
		char x = s[c.i];
		if (isspace((unsigned char)x)) {
			c.i++;
			continue;
		}
		if (fl->n >= MAXDATEFIELDS)
			return LG_DTERR_BAD_FORMAT;
		char *start = c.bp;
		int type, rc = 0;
		if (digit(x)) {
			rc = field_digits(&c, &type);
		} else if (x == '.') {
			TAKE(&c, false);
			while (digit(ch(&c)))
				TAKE(&c, false);
			type = F_NUMBER;
		} else if (alpha(x)) {
			rc = field_alpha(&c, start, &type);
		} else if (x == '+' || x == '-') {
			TAKE(&c, false);
			while (isspace((unsigned char)ch(&c)))
				c.i++;
			if (digit(ch(&c))) {
				type = F_TZ;
				while (digit(ch(&c)) || ch(&c) == ':' || ch(&c) == '.' ||
				       ch(&c) == '-')
					TAKE(&c, false);
			} else if (alpha(ch(&c))) {
				type = F_SPECIAL;
				while (alpha(ch(&c)))
					TAKE(&c, true);
			} else {
				return LG_DTERR_BAD_FORMAT;
			}
		} else if (ispunct((unsigned char)x)) {
			c.i++;
			continue;
		} else {
			return LG_DTERR_BAD_FORMAT;
		}
		if (rc)
			return rc;
		if (!put(&c, '\0'))
			return LG_DTERR_BAD_FORMAT;
		fl->f[fl->n] = start;
		fl->type[fl->n] = type;
		fl->n++;
	}
	return 0;
}

/* ---- decoding ---- */

typedef struct state {
	lg_dt_t *dt;
	int fmask;
	bool is2digits;
	bool bc;
	int mer;
	bool isotime; /* previous field was "t" */
	bool time_only;
} state_t;

/* strtoint over digits only: 0 if there are none; false on overflow. */
static bool read_int(char **p, int *v)
{
	long long x = 0;
	char *s = *p;
	while (digit(*s)) {
		x = x * 10 + (*s++ - '0');
		if (x > 0x7fffffff)
			return false;
	}
	*v = (int)x;
	*p = s;
	return true;
}

/* ParseFractionalSecond; "." alone is zero. */
static int parse_fraction(const char *cp, int64_t *fsec)
{
	size_t n = 0;
	int64_t v = 0;
	for (const char *p = cp + 1; *p; p++, n++) {
		if (!digit(*p))
			return LG_DTERR_BAD_FORMAT;
		if (n < 6)
			v = v * 10 + (*p - '0');
	}
	if (n <= 6) {
		for (; n < 6; n++)
			v *= 10;
		*fsec = v;
	} else {
		/* As PostgreSQL: through a double, rounded half to even. */
		*fsec = (int64_t)rint(strtod(cp, NULL) * 1000000.0);
	}
	return 0;
}

static bool time_overflows(int hour, int min, int sec, int64_t fsec)
{
	if (hour < 0 || hour > 24 || min < 0 || min >= 60 || sec < 0 || sec > 60 || fsec < 0 ||
	    fsec > LG_USECS_PER_SEC)
		return true;
	return (((int64_t)hour * 60 + min) * 60 + sec) * LG_USECS_PER_SEC + fsec > LG_USECS_PER_DAY;
}

/* DecodeTime: h:m[:s[.f]] or m:s.f */
static int decode_time(char *str, int *tmask, lg_dt_t *dt)
{
	char *cp = str;
	*tmask = M_TIME;
	dt->fsec = 0;
	dt->sec = 0;
	if (!read_int(&cp, &dt->hour))
		return LG_DTERR_FIELD_OVERFLOW;
	if (*cp != ':')
		return LG_DTERR_BAD_FORMAT;
	cp++;
	if (!read_int(&cp, &dt->min))
		return LG_DTERR_FIELD_OVERFLOW;
	if (*cp == '.') {
		int rc = parse_fraction(cp, &dt->fsec);
		if (rc)
			return rc;
		dt->sec = dt->min;
		dt->min = dt->hour;
		dt->hour = 0;
	} else if (*cp == ':') {
		cp++;
		if (!read_int(&cp, &dt->sec))
			return LG_DTERR_FIELD_OVERFLOW;
		if (*cp == '.') {
			int rc = parse_fraction(cp, &dt->fsec);
			if (rc)
				return rc;
		} else if (*cp) {
			return LG_DTERR_BAD_FORMAT;
		}
	} else if (*cp) {
		return LG_DTERR_BAD_FORMAT;
	}
	if (dt->min > 59 || dt->sec > 60 || dt->fsec < 0 || dt->fsec > LG_USECS_PER_SEC)
		return LG_DTERR_FIELD_OVERFLOW;
	return 0;
}

/* DecodeTimezone: +h, +hh, +hhmm, +h:m[:s]. */
static int decode_tz(char *str, int *tz)
{
	char *cp = str + 1;
	int hr = 0, min = 0, sec = 0;
	if (!read_int(&cp, &hr))
		return LG_DTERR_TZDISP_OVERFLOW;
	if (*cp == ':') {
		cp++;
		if (!read_int(&cp, &min))
			return LG_DTERR_TZDISP_OVERFLOW;
		if (*cp == ':') {
			cp++;
			if (!read_int(&cp, &sec))
				return LG_DTERR_TZDISP_OVERFLOW;
		}
	} else if (*cp == '\0' && strlen(str) > 3) {
		min = hr % 100;
		hr /= 100;
	}
	if (hr > MAX_TZDISP_HOUR || min >= 60 || sec >= 60)
		return LG_DTERR_TZDISP_OVERFLOW;
	int v = (hr * 60 + min) * 60 + sec;
	*tz = str[0] == '-' ? -v : v;
	return *cp ? LG_DTERR_BAD_FORMAT : 0;
}

/* DecodeNumberField: run-together yyyymmdd / hhmmss / hhmm, with an
 * optional fraction. Returns 1 (date), 2 (time) or an error. */
static int decode_number_field(char *str, int fmask, int *tmask, state_t *st)
{
	lg_dt_t *dt = st->dt;
	size_t len = strlen(str);
	char *cp = strchr(str, '.');
	if (cp) {
		if (cp[1] == '\0')
			dt->fsec = 0;
		else if (parse_fraction(cp, &dt->fsec))
			return LG_DTERR_BAD_FORMAT;
		*cp = '\0';
		len = strlen(str);
	} else if ((fmask & M_DATE) != M_DATE && len >= 6) {
		*tmask = M_DATE;
		dt->mday = atoi(str + len - 2);
		str[len - 2] = '\0';
		dt->mon = atoi(str + len - 4);
		str[len - 4] = '\0';
		dt->year = atoi(str);
		if (len - 4 == 2)
			st->is2digits = true;
		return 1;
	}
	if ((fmask & M_TIME) != M_TIME) {
		if (len == 6) {
			*tmask = M_TIME;
			dt->sec = atoi(str + 4);
			str[4] = '\0';
			dt->min = atoi(str + 2);
			str[2] = '\0';
			dt->hour = atoi(str);
			return 2;
		}
		if (len == 4) {
			*tmask = M_TIME;
			dt->sec = 0;
			dt->min = atoi(str + 2);
			str[2] = '\0';
			dt->hour = atoi(str);
			return 2;
		}
	}
	return LG_DTERR_BAD_FORMAT;
}

/* DecodeNumber: one numeric date field; its meaning depends on what is
 * already known (DateStyle MDY). */
static int decode_number(char *str, bool text_month, int fmask, int *tmask, state_t *st)
{
	lg_dt_t *dt = st->dt;
	size_t flen = strlen(str);
	char *cp = str;
	int val;
	*tmask = 0;
	if (!read_int(&cp, &val))
		return LG_DTERR_FIELD_OVERFLOW;
	if (cp == str)
		return LG_DTERR_BAD_FORMAT;
	if (*cp == '.') {
		if (cp - str > 2) {
			int rc = decode_number_field(str, fmask | M_DATE, tmask, st);
			return rc < 0 ? rc : 0;
		}
		int rc = parse_fraction(cp, &dt->fsec);
		if (rc)
			return rc;
	} else if (*cp) {
		return LG_DTERR_BAD_FORMAT;
	}
	switch (fmask & M_DATE) {
	case 0:
		if (flen >= 3) {
			*tmask = M(LG_DTT_YEAR);
			dt->year = val;
		} else {
			*tmask = M(LG_DTT_MONTH);
			dt->mon = val;
		}
		break;
	case M(LG_DTT_YEAR):
		*tmask = M(LG_DTT_MONTH);
		dt->mon = val;
		break;
	case M(LG_DTT_MONTH):
		if (text_month && flen >= 3) {
			*tmask = M(LG_DTT_YEAR);
			dt->year = val;
		} else {
			*tmask = M(LG_DTT_DAY);
			dt->mday = val;
		}
		break;
	case M(LG_DTT_YEAR) | M(LG_DTT_MONTH):
		if (text_month && flen >= 3 && st->is2digits) {
			*tmask = M(LG_DTT_DAY);
			dt->mday = dt->year;
			dt->year = val;
			st->is2digits = false;
		} else {
			*tmask = M(LG_DTT_DAY);
			dt->mday = val;
		}
		break;
	case M(LG_DTT_DAY):
		*tmask = M(LG_DTT_MONTH);
		dt->mon = val;
		break;
	case M(LG_DTT_MONTH) | M(LG_DTT_DAY):
		*tmask = M(LG_DTT_YEAR);
		dt->year = val;
		break;
	case M_DATE: {
		int rc = decode_number_field(str, fmask, tmask, st);
		return rc < 0 ? rc : 0;
	}
	default: return LG_DTERR_BAD_FORMAT;
	}
	if (*tmask == M(LG_DTT_YEAR))
		st->is2digits = flen <= 2;
	return 0;
}

/* DecodeDate: y-m-d, m/d/y, with a text month anywhere. */
static int decode_date(char *str, int fmask, int *tmask, state_t *st)
{
	char *sub[MAXDATEFIELDS];
	int nf = 0;
	bool text_month = false;
	*tmask = 0;
	while (*str && nf < MAXDATEFIELDS) {
		while (*str && !isalnum((unsigned char)*str))
			str++;
		if (!*str)
			return LG_DTERR_BAD_FORMAT;
		sub[nf++] = str;
		if (digit(*str))
			while (digit(*str))
				str++;
		else
			while (alpha(*str))
				str++;
		if (*str)
			*str++ = '\0';
	}
	for (int i = 0; i < nf; i++) {
		if (!alpha(*sub[i]))
			continue;
		const lg_dt_token_t *k = lg_dt_keyword(sub[i]);
		if (k && k->type == LG_DTT_IGNORE)
			continue;
		if (!k || k->type != LG_DTT_MONTH)
			return LG_DTERR_BAD_FORMAT;
		if (fmask & M(LG_DTT_MONTH))
			return LG_DTERR_BAD_FORMAT;
		st->dt->mon = k->val;
		text_month = true;
		fmask |= M(LG_DTT_MONTH);
		*tmask |= M(LG_DTT_MONTH);
		sub[i] = NULL;
	}
	for (int i = 0; i < nf; i++) {
		if (!sub[i])
			continue;
		int dmask;
		int rc = decode_number(sub[i], text_month, fmask, &dmask, st);
		if (rc)
			return rc;
		if (fmask & dmask)
			return LG_DTERR_BAD_FORMAT;
		fmask |= dmask;
		*tmask |= dmask;
	}
	if ((fmask & ~M(LG_DTT_TZ)) != M_DATE)
		return LG_DTERR_BAD_FORMAT;
	return 0;
}

static void set_now(lg_dt_t *dt, int day_offset, bool with_time)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t secs = (int64_t)ts.tv_sec;
	int64_t days = secs / 86400, rem = secs % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	lg_dt_j2date((int)(days + LG_UNIX_EPOCH_JDATE + day_offset), &dt->year, &dt->mon,
		     &dt->mday);
	if (with_time) {
		dt->hour = (int)(rem / 3600);
		dt->min = (int)(rem / 60 % 60);
		dt->sec = (int)(rem % 60);
		dt->fsec = ts.tv_nsec / 1000;
		dt->has_tz = true;
		dt->tz = 0;
	}
}

static int decode_reserved(int val, int *tmask, state_t *st)
{
	lg_dt_t *dt = st->dt;
	switch (val) {
	case LG_DTR_NOW:
		*tmask = M_DATE | M_TIME | M(LG_DTT_TZ);
		set_now(dt, 0, true);
		return 0;
	case LG_DTR_ZULU:
		*tmask = M_TIME | M(LG_DTT_TZ);
		dt->hour = dt->min = dt->sec = 0;
		dt->has_tz = true;
		dt->tz = 0;
		return 0;
	default: break;
	}
	if (st->time_only)
		return LG_DTERR_BAD_FORMAT;
	switch (val) {
	case LG_DTR_TODAY:
	case LG_DTR_TOMORROW:
	case LG_DTR_YESTERDAY:
		*tmask = M_DATE;
		set_now(dt, val == LG_DTR_TOMORROW ? 1 : val == LG_DTR_YESTERDAY ? -1 : 0, false);
		return 0;
	default:
		*tmask = M_DATE | M_TIME | M(LG_DTT_TZ);
		dt->kind = val == LG_DTR_EPOCH  ? LG_DT_EPOCH
			   : val == LG_DTR_LATE ? LG_DT_LATE
						: LG_DT_EARLY;
		return 0;
	}
}

static int unknown_zone(lg_dt_t *dt, const char *name)
{
	size_t n = strlen(name);
	if (n >= sizeof(dt->badtz))
		n = sizeof(dt->badtz) - 1;
	memcpy(dt->badtz, name, n);
	dt->badtz[n] = '\0';
	return LG_DTERR_TZ_UNKNOWN;
}

static int decode_word(fields_t *fl, int i, int *tmask, state_t *st)
{
	const char *w = fl->f[i];
	lg_dt_t *dt = st->dt;
	const lg_dt_token_t *k = lg_dt_abbrev(w);
	if (k) {
		*tmask = M(LG_DTT_TZ) | (k->type == LG_DTT_DTZ ? M(LG_DTT_DTZ) : 0);
		dt->has_tz = true;
		dt->tz = k->val;
		return 0;
	}
	k = lg_dt_keyword(w);
	if (!k)
		/* PostgreSQL would try a zone name here; it has none that is
		 * all letters and not an abbreviation worth supporting. */
		return LG_DTERR_BAD_FORMAT;
	*tmask = M(k->type);
	switch (k->type) {
	case LG_DTT_RESERV: return decode_reserved(k->val, tmask, st);
	case LG_DTT_MONTH:
		if ((st->fmask & M(LG_DTT_MONTH)) && !(st->fmask & M(LG_DTT_DAY)) && dt->mon >= 1 &&
		    dt->mon <= 31) {
			dt->mday = dt->mon;
			*tmask = M(LG_DTT_DAY);
		}
		dt->mon = k->val;
		return 0;
	case LG_DTT_AMPM: st->mer = k->val; return 0;
	case LG_DTT_ADBC: st->bc = k->val == LG_DT_BC; return 0;
	case LG_DTT_DOW:
	case LG_DTT_IGNORE: *tmask = k->type == LG_DTT_IGNORE ? 0 : *tmask; return 0;
	case LG_DTT_ISOTIME:
		*tmask = 0;
		if (!st->time_only && (st->fmask & M_DATE) != M_DATE)
			return LG_DTERR_BAD_FORMAT;
		if (i >= fl->n - 1 || (fl->type[i + 1] != F_NUMBER && fl->type[i + 1] != F_TIME &&
				       fl->type[i + 1] != F_DATE))
			return LG_DTERR_BAD_FORMAT;
		st->isotime = true;
		return 0;
	default: return LG_DTERR_BAD_FORMAT;
	}
}

static int decode_number_token(fields_t *fl, int i, int *tmask, state_t *st)
{
	char *f = fl->f[i];
	size_t flen = strlen(f);
	char *dot = strchr(f, '.');
	if (st->isotime) {
		st->isotime = false;
		int rc = decode_number_field(f, st->fmask | M_DATE, tmask, st);
		if (rc < 0)
			return rc;
		return *tmask == M_TIME ? 0 : LG_DTERR_BAD_FORMAT;
	}
	if (st->time_only) {
		if (dot)
			return LG_DTERR_BAD_FORMAT;
		if (flen > 4) {
			int rc = decode_number_field(f, st->fmask | M_DATE, tmask, st);
			return rc < 0 ? rc : 0;
		}
		return decode_number(f, false, st->fmask | M_DATE, tmask, st);
	}
	if (dot && !(st->fmask & M_DATE))
		return decode_date(f, st->fmask, tmask, st);
	if ((dot && (size_t)(dot - f) > 2) ||
	    (!dot && flen >= 6 && (!(st->fmask & M_DATE) || !(st->fmask & M_TIME)))) {
		int rc = decode_number_field(f, st->fmask, tmask, st);
		return rc < 0 ? rc : 0;
	}
	return decode_number(f, false, st->fmask, tmask, st);
}

static int decode_date_token(fields_t *fl, int i, int *tmask, state_t *st)
{
	char *f = fl->f[i];
	if (st->time_only) {
		if (i == 0 && fl->n >= 2 &&
		    (fl->type[fl->n - 1] == F_DATE || fl->type[1] == F_TIME))
			return decode_date(f, st->fmask, tmask, st);
		return digit(*f) ? LG_DTERR_BAD_FORMAT : unknown_zone(st->dt, f);
	}
	if (st->isotime ||
	    (st->fmask & (M(LG_DTT_MONTH) | M(LG_DTT_DAY))) == (M(LG_DTT_MONTH) | M(LG_DTT_DAY))) {
		/* A zone name (America/New_York) or hhmmss-zz: neither is
		 * supported. */
		if (digit(*f) || st->isotime)
			return LG_DTERR_BAD_FORMAT;
		return unknown_zone(st->dt, f);
	}
	return decode_date(f, st->fmask, tmask, st);
}

static int decode_field(fields_t *fl, int i, int *tmask, state_t *st)
{
	lg_dt_t *dt = st->dt;
	*tmask = 0;
	switch (fl->type[i]) {
	case F_DATE: return decode_date_token(fl, i, tmask, st);
	case F_TIME: {
		st->isotime = false;
		int rc = decode_time(fl->f[i], tmask, dt);
		if (rc)
			return rc;
		if (time_overflows(dt->hour, dt->min, dt->sec, dt->fsec))
			return LG_DTERR_FIELD_OVERFLOW;
		return 0;
	}
	case F_TZ: {
		int rc = decode_tz(fl->f[i], &dt->tz);
		if (rc)
			return rc;
		dt->has_tz = true;
		*tmask = M(LG_DTT_TZ);
		return 0;
	}
	case F_NUMBER: return decode_number_token(fl, i, tmask, st);
	default: return decode_word(fl, i, tmask, st);
	}
}

/* ValidateDate plus the AM/PM adjustment. */
static int validate(state_t *st)
{
	lg_dt_t *dt = st->dt;
	int fmask = st->fmask;
	if (fmask & M(LG_DTT_YEAR)) {
		if (st->bc) {
			if (dt->year <= 0)
				return LG_DTERR_FIELD_OVERFLOW;
			dt->year = -(dt->year - 1);
		} else if (st->is2digits) {
			if (dt->year < 0)
				return LG_DTERR_FIELD_OVERFLOW;
			if (dt->year < 70)
				dt->year += 2000;
			else if (dt->year < 100)
				dt->year += 1900;
		} else if (dt->year <= 0) {
			return LG_DTERR_FIELD_OVERFLOW;
		}
	}
	if ((fmask & M(LG_DTT_MONTH)) && (dt->mon < 1 || dt->mon > 12))
		return LG_DTERR_MD_FIELD_OVERFLOW;
	if ((fmask & M(LG_DTT_DAY)) && (dt->mday < 1 || dt->mday > 31))
		return LG_DTERR_MD_FIELD_OVERFLOW;
	if ((fmask & M_DATE) == M_DATE && dt->mday > lg_dt_days_in_month(dt->year, dt->mon))
		return LG_DTERR_FIELD_OVERFLOW;
	if (st->mer != LG_DT_HR24 && dt->hour > 12)
		return LG_DTERR_FIELD_OVERFLOW;
	if (st->mer == LG_DT_AM && dt->hour == 12)
		dt->hour = 0;
	else if (st->mer == LG_DT_PM && dt->hour != 12)
		dt->hour += 12;
	return 0;
}

int lg_dt_decode(const char *s, size_t len, bool time_only, lg_dt_t *dt)
{
	memset(dt, 0, sizeof(*dt));
	fields_t fl;
	int rc = parse_fields(s, len, &fl);
	if (rc)
		return rc;
	state_t st = {.dt = dt, .mer = LG_DT_HR24, .time_only = time_only};
	for (int i = 0; i < fl.n; i++) {
		int tmask;
		rc = decode_field(&fl, i, &tmask, &st);
		if (rc)
			return rc;
		if (st.fmask & tmask)
			return LG_DTERR_BAD_FORMAT;
		st.fmask |= tmask;
	}
	/* epoch and the infinities ignore the fields */
	if (dt->kind != LG_DT_VALUE)
		return 0;
	rc = validate(&st);
	if (rc)
		return rc;
	dt->has_date = (st.fmask & M_DATE) == M_DATE;
	if (time_only) {
		if (time_overflows(dt->hour, dt->min, dt->sec, dt->fsec))
			return LG_DTERR_FIELD_OVERFLOW;
		if ((st.fmask & M_TIME) != M_TIME)
			return LG_DTERR_BAD_FORMAT;
		return 0;
	}
	return dt->has_date ? 0 : LG_DTERR_BAD_FORMAT;
}
