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

/* Token types; only their bit in the field masks matters. */
enum {
	T_RESERV = 0,
	T_MONTH = 1,
	T_YEAR = 2,
	T_DAY = 3,
	T_TZ = 5,
	T_DTZ = 6,
	T_IGNORE = 8,
	T_AMPM = 9,
	T_HOUR = 10,
	T_MINUTE = 11,
	T_SECOND = 12,
	T_DOW = 16,
	T_UNITS = 17,
	T_ADBC = 18,
	T_DTZMOD = 19,
	T_ISOTIME = 20,
};
#define M(t) (1 << (t))
#define M_DATE (M(T_YEAR) | M(T_MONTH) | M(T_DAY))
#define M_TIME (M(T_HOUR) | M(T_MINUTE) | M(T_SECOND))

enum { R_NOW, R_TODAY, R_TOMORROW, R_YESTERDAY, R_EPOCH, R_LATE, R_EARLY, R_ZULU };
enum { AM, PM, HR24 };
enum { AD, BC };

typedef struct keyword {
	const char *w;
	int type;
	int val;
} keyword_t;

/* PostgreSQL's datetktbl. */
static const keyword_t keywords[] = {
	{"-infinity", T_RESERV, R_EARLY}, {"ad", T_ADBC, AD},
	{"allballs", T_RESERV, R_ZULU},	  {"am", T_AMPM, AM},
	{"apr", T_MONTH, 4},		  {"april", T_MONTH, 4},
	{"at", T_IGNORE, 0},		  {"aug", T_MONTH, 8},
	{"august", T_MONTH, 8},		  {"bc", T_ADBC, BC},
	{"d", T_UNITS, 0},		  {"dec", T_MONTH, 12},
	{"december", T_MONTH, 12},	  {"dow", T_UNITS, 0},
	{"doy", T_UNITS, 0},		  {"dst", T_DTZMOD, 0},
	{"epoch", T_RESERV, R_EPOCH},	  {"feb", T_MONTH, 2},
	{"february", T_MONTH, 2},	  {"fri", T_DOW, 5},
	{"friday", T_DOW, 5},		  {"h", T_UNITS, 0},
	{"infinity", T_RESERV, R_LATE},	  {"isodow", T_UNITS, 0},
	{"isoyear", T_UNITS, 0},	  {"j", T_UNITS, 0},
	{"jan", T_MONTH, 1},		  {"january", T_MONTH, 1},
	{"jd", T_UNITS, 0},		  {"jul", T_MONTH, 7},
	{"julian", T_UNITS, 0},		  {"july", T_MONTH, 7},
	{"jun", T_MONTH, 6},		  {"june", T_MONTH, 6},
	{"m", T_UNITS, 0},		  {"mar", T_MONTH, 3},
	{"march", T_MONTH, 3},		  {"may", T_MONTH, 5},
	{"mm", T_UNITS, 0},		  {"mon", T_DOW, 1},
	{"monday", T_DOW, 1},		  {"nov", T_MONTH, 11},
	{"november", T_MONTH, 11},	  {"now", T_RESERV, R_NOW},
	{"oct", T_MONTH, 10},		  {"october", T_MONTH, 10},
	{"on", T_IGNORE, 0},		  {"pm", T_AMPM, PM},
	{"s", T_UNITS, 0},		  {"sat", T_DOW, 6},
	{"saturday", T_DOW, 6},		  {"sep", T_MONTH, 9},
	{"sept", T_MONTH, 9},		  {"september", T_MONTH, 9},
	{"sun", T_DOW, 0},		  {"sunday", T_DOW, 0},
	{"t", T_ISOTIME, 0},		  {"thu", T_DOW, 4},
	{"thur", T_DOW, 4},		  {"thurs", T_DOW, 4},
	{"thursday", T_DOW, 4},		  {"today", T_RESERV, R_TODAY},
	{"tomorrow", T_RESERV, R_TOMORROW}, {"tue", T_DOW, 2},
	{"tues", T_DOW, 2},		  {"tuesday", T_DOW, 2},
	{"wed", T_DOW, 3},		  {"wednesday", T_DOW, 3},
	{"weds", T_DOW, 3},		  {"y", T_UNITS, 0},
	{"yesterday", T_RESERV, R_YESTERDAY},
};

/* Fixed-offset abbreviations from PostgreSQL's "Default" set (seconds east;
 * type T_DTZ for daylight-saving ones). */
static const keyword_t abbrevs[] = {
	{"acdt", T_DTZ, 37800},	 {"acst", T_TZ, 34200},	 {"adt", T_DTZ, -10800},
	{"aedt", T_DTZ, 39600},	 {"aest", T_TZ, 36000},	 {"akdt", T_DTZ, -28800},
	{"akst", T_TZ, -32400},	 {"ast", T_TZ, -14400},	 {"awst", T_TZ, 28800},
	{"bst", T_DTZ, 3600},	 {"cdt", T_DTZ, -18000}, {"cest", T_DTZ, 7200},
	{"cet", T_TZ, 3600},	 {"cst", T_TZ, -21600},	 {"eat", T_TZ, 10800},
	{"edt", T_DTZ, -14400},	 {"eest", T_DTZ, 10800}, {"eet", T_TZ, 7200},
	{"est", T_TZ, -18000},	 {"gmt", T_TZ, 0},	 {"hkt", T_TZ, 28800},
	{"hst", T_TZ, -36000},	 {"ist", T_TZ, 7200},	 {"jst", T_TZ, 32400},
	{"kst", T_TZ, 32400},	 {"mdt", T_DTZ, -21600}, {"mest", T_DTZ, 7200},
	{"mesz", T_DTZ, 7200},	 {"met", T_TZ, 3600},	 {"mez", T_TZ, 3600},
	{"msk", T_TZ, 10800},	 {"mst", T_TZ, -25200},	 {"ndt", T_DTZ, -9000},
	{"nst", T_TZ, -12600},	 {"nzdt", T_DTZ, 46800}, {"nzst", T_TZ, 43200},
	{"pdt", T_DTZ, -25200},	 {"pkt", T_TZ, 18000},	 {"pst", T_TZ, -28800},
	{"sast", T_TZ, 7200},	 {"sgt", T_TZ, 28800},	 {"ut", T_TZ, 0},
	{"utc", T_TZ, 0},	 {"wat", T_TZ, 3600},	 {"wet", T_TZ, 0},
	{"z", T_TZ, 0},		 {"zulu", T_TZ, 0},
};

static const keyword_t *find(const keyword_t *tab, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(tab[i].w, w) == 0)
			return &tab[i];
	return NULL;
}

#define KEYWORD(w) find(keywords, sizeof(keywords) / sizeof(keywords[0]), (w))
#define ABBREV(w) find(abbrevs, sizeof(abbrevs) / sizeof(abbrevs[0]), (w))

int lg_dt_date2j(int y, int m, int d)
{
	if (m > 2) {
		m += 1;
		y += 4800;
	} else {
		m += 13;
		y += 4799;
	}
	int century = y / 100;
	int julian = y * 365 - 32167;
	julian += y / 4 - century + century / 4;
	julian += 7834 * m / 256 + d;
	return julian;
}

void lg_dt_j2date(int jd, int *year, int *month, int *day)
{
	unsigned int julian = (unsigned int)jd + 32044;
	unsigned int quad = julian / 146097;
	unsigned int extra = (julian - quad * 146097) * 4 + 3;
	julian += 60 + quad * 3 + extra / 146097;
	quad = julian / 1461;
	julian -= quad * 1461;
	int y = (int)(julian * 4 / 1461);
	julian = ((y != 0) ? ((julian + 305) % 365) : ((julian + 306) % 366)) + 123;
	y += (int)(quad * 4);
	*year = y - 4800;
	quad = julian * 2141 / 65536;
	*day = (int)(julian - 7834 * quad / 256);
	*month = (int)((quad + 10) % 12 + 1);
}

static bool is_leap(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

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

#define TAKE(c, lowercase)                                                              \
	do {                                                                            \
		char v_ = (c)->s[(c)->i++];                                             \
		if (!put((c), (lowercase) ? (char)tolower((unsigned char)v_) : v_))     \
			return LG_DTERR_BAD_FORMAT;                                     \
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
		is_date = KEYWORD(start) == NULL;
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
				while (digit(ch(&c)) || ch(&c) == ':' || ch(&c) == '.' || ch(&c) == '-')
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
			*tmask = M(T_YEAR);
			dt->year = val;
		} else {
			*tmask = M(T_MONTH);
			dt->mon = val;
		}
		break;
	case M(T_YEAR):
		*tmask = M(T_MONTH);
		dt->mon = val;
		break;
	case M(T_MONTH):
		if (text_month && flen >= 3) {
			*tmask = M(T_YEAR);
			dt->year = val;
		} else {
			*tmask = M(T_DAY);
			dt->mday = val;
		}
		break;
	case M(T_YEAR) | M(T_MONTH):
		if (text_month && flen >= 3 && st->is2digits) {
			*tmask = M(T_DAY);
			dt->mday = dt->year;
			dt->year = val;
			st->is2digits = false;
		} else {
			*tmask = M(T_DAY);
			dt->mday = val;
		}
		break;
	case M(T_DAY):
		*tmask = M(T_MONTH);
		dt->mon = val;
		break;
	case M(T_MONTH) | M(T_DAY):
		*tmask = M(T_YEAR);
		dt->year = val;
		break;
	case M_DATE: {
		int rc = decode_number_field(str, fmask, tmask, st);
		return rc < 0 ? rc : 0;
	}
	default:
		return LG_DTERR_BAD_FORMAT;
	}
	if (*tmask == M(T_YEAR))
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
		const keyword_t *k = KEYWORD(sub[i]);
		if (k && k->type == T_IGNORE)
			continue;
		if (!k || k->type != T_MONTH)
			return LG_DTERR_BAD_FORMAT;
		if (fmask & M(T_MONTH))
			return LG_DTERR_BAD_FORMAT;
		st->dt->mon = k->val;
		text_month = true;
		fmask |= M(T_MONTH);
		*tmask |= M(T_MONTH);
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
	if ((fmask & ~M(T_TZ)) != M_DATE)
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
	case R_NOW:
		*tmask = M_DATE | M_TIME | M(T_TZ);
		set_now(dt, 0, true);
		return 0;
	case R_ZULU:
		*tmask = M_TIME | M(T_TZ);
		dt->hour = dt->min = dt->sec = 0;
		dt->has_tz = true;
		dt->tz = 0;
		return 0;
	default:
		break;
	}
	if (st->time_only)
		return LG_DTERR_BAD_FORMAT;
	switch (val) {
	case R_TODAY:
	case R_TOMORROW:
	case R_YESTERDAY:
		*tmask = M_DATE;
		set_now(dt, val == R_TOMORROW ? 1 : val == R_YESTERDAY ? -1 : 0, false);
		return 0;
	default:
		*tmask = M_DATE | M_TIME | M(T_TZ);
		dt->kind = val == R_EPOCH ? LG_DT_EPOCH : val == R_LATE ? LG_DT_LATE : LG_DT_EARLY;
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
	const keyword_t *k = ABBREV(w);
	if (k) {
		*tmask = M(T_TZ) | (k->type == T_DTZ ? M(T_DTZ) : 0);
		dt->has_tz = true;
		dt->tz = k->val;
		return 0;
	}
	k = KEYWORD(w);
	if (!k)
		/* PostgreSQL would try a zone name here; it has none that is
		 * all letters and not an abbreviation worth supporting. */
		return LG_DTERR_BAD_FORMAT;
	*tmask = M(k->type);
	switch (k->type) {
	case T_RESERV:
		return decode_reserved(k->val, tmask, st);
	case T_MONTH:
		if ((st->fmask & M(T_MONTH)) && !(st->fmask & M(T_DAY)) && dt->mon >= 1 &&
		    dt->mon <= 31) {
			dt->mday = dt->mon;
			*tmask = M(T_DAY);
		}
		dt->mon = k->val;
		return 0;
	case T_AMPM:
		st->mer = k->val;
		return 0;
	case T_ADBC:
		st->bc = k->val == BC;
		return 0;
	case T_DOW:
	case T_IGNORE:
		*tmask = k->type == T_IGNORE ? 0 : *tmask;
		return 0;
	case T_ISOTIME:
		*tmask = 0;
		if (!st->time_only && (st->fmask & M_DATE) != M_DATE)
			return LG_DTERR_BAD_FORMAT;
		if (i >= fl->n - 1 || (fl->type[i + 1] != F_NUMBER && fl->type[i + 1] != F_TIME &&
				       fl->type[i + 1] != F_DATE))
			return LG_DTERR_BAD_FORMAT;
		st->isotime = true;
		return 0;
	default:
		return LG_DTERR_BAD_FORMAT;
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
	    (st->fmask & (M(T_MONTH) | M(T_DAY))) == (M(T_MONTH) | M(T_DAY))) {
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
	case F_DATE:
		return decode_date_token(fl, i, tmask, st);
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
		*tmask = M(T_TZ);
		return 0;
	}
	case F_NUMBER:
		return decode_number_token(fl, i, tmask, st);
	default:
		return decode_word(fl, i, tmask, st);
	}
}

/* ValidateDate plus the AM/PM adjustment. */
static int validate(state_t *st)
{
	lg_dt_t *dt = st->dt;
	int fmask = st->fmask;
	if (fmask & M(T_YEAR)) {
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
	if ((fmask & M(T_MONTH)) && (dt->mon < 1 || dt->mon > 12))
		return LG_DTERR_MD_FIELD_OVERFLOW;
	if ((fmask & M(T_DAY)) && (dt->mday < 1 || dt->mday > 31))
		return LG_DTERR_MD_FIELD_OVERFLOW;
	if ((fmask & M_DATE) == M_DATE && dt->mday > days_in_month(dt->year, dt->mon))
		return LG_DTERR_FIELD_OVERFLOW;
	if (st->mer != HR24 && dt->hour > 12)
		return LG_DTERR_FIELD_OVERFLOW;
	if (st->mer == AM && dt->hour == 12)
		dt->hour = 0;
	else if (st->mer == PM && dt->hour != 12)
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
	state_t st = {.dt = dt, .mer = HR24, .time_only = time_only};
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
