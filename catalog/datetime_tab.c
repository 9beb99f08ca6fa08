/* Date/time token tables (PostgreSQL's datetktbl and the fixed-offset zone
 * abbreviations of its "Default" set) and the Julian day arithmetic. */
#include "catalog/datetime.h"

#include <string.h>

/* PostgreSQL's datetktbl (sorted: looked up by binary search). */
static const lg_dt_token_t keywords[] = {
	{"-infinity", LG_DTT_RESERV, LG_DTR_EARLY},
	{"ad", LG_DTT_ADBC, LG_DT_AD},
	{"allballs", LG_DTT_RESERV, LG_DTR_ZULU},
	{"am", LG_DTT_AMPM, LG_DT_AM},
	{"apr", LG_DTT_MONTH, 4},
	{"april", LG_DTT_MONTH, 4},
	{"at", LG_DTT_IGNORE, 0},
	{"aug", LG_DTT_MONTH, 8},
	{"august", LG_DTT_MONTH, 8},
	{"bc", LG_DTT_ADBC, LG_DT_BC},
	{"d", LG_DTT_UNITS, 0},
	{"dec", LG_DTT_MONTH, 12},
	{"december", LG_DTT_MONTH, 12},
	{"dow", LG_DTT_UNITS, 0},
	{"doy", LG_DTT_UNITS, 0},
	{"dst", LG_DTT_DTZMOD, 0},
	{"epoch", LG_DTT_RESERV, LG_DTR_EPOCH},
	{"feb", LG_DTT_MONTH, 2},
	{"february", LG_DTT_MONTH, 2},
	{"fri", LG_DTT_DOW, 5},
	{"friday", LG_DTT_DOW, 5},
	{"h", LG_DTT_UNITS, 0},
	{"infinity", LG_DTT_RESERV, LG_DTR_LATE},
	{"isodow", LG_DTT_UNITS, 0},
	{"isoyear", LG_DTT_UNITS, 0},
	{"j", LG_DTT_UNITS, 0},
	{"jan", LG_DTT_MONTH, 1},
	{"january", LG_DTT_MONTH, 1},
	{"jd", LG_DTT_UNITS, 0},
	{"jul", LG_DTT_MONTH, 7},
	{"julian", LG_DTT_UNITS, 0},
	{"july", LG_DTT_MONTH, 7},
	{"jun", LG_DTT_MONTH, 6},
	{"june", LG_DTT_MONTH, 6},
	{"m", LG_DTT_UNITS, 0},
	{"mar", LG_DTT_MONTH, 3},
	{"march", LG_DTT_MONTH, 3},
	{"may", LG_DTT_MONTH, 5},
	{"mm", LG_DTT_UNITS, 0},
	{"mon", LG_DTT_DOW, 1},
	{"monday", LG_DTT_DOW, 1},
	{"nov", LG_DTT_MONTH, 11},
	{"november", LG_DTT_MONTH, 11},
	{"now", LG_DTT_RESERV, LG_DTR_NOW},
	{"oct", LG_DTT_MONTH, 10},
	{"october", LG_DTT_MONTH, 10},
	{"on", LG_DTT_IGNORE, 0},
	{"pm", LG_DTT_AMPM, LG_DT_PM},
	{"s", LG_DTT_UNITS, 0},
	{"sat", LG_DTT_DOW, 6},
	{"saturday", LG_DTT_DOW, 6},
	{"sep", LG_DTT_MONTH, 9},
	{"sept", LG_DTT_MONTH, 9},
	{"september", LG_DTT_MONTH, 9},
	{"sun", LG_DTT_DOW, 0},
	{"sunday", LG_DTT_DOW, 0},
	{"t", LG_DTT_ISOTIME, 0},
	{"thu", LG_DTT_DOW, 4},
	{"thur", LG_DTT_DOW, 4},
	{"thurs", LG_DTT_DOW, 4},
	{"thursday", LG_DTT_DOW, 4},
	{"today", LG_DTT_RESERV, LG_DTR_TODAY},
	{"tomorrow", LG_DTT_RESERV, LG_DTR_TOMORROW},
	{"tue", LG_DTT_DOW, 2},
	{"tues", LG_DTT_DOW, 2},
	{"tuesday", LG_DTT_DOW, 2},
	{"wed", LG_DTT_DOW, 3},
	{"wednesday", LG_DTT_DOW, 3},
	{"weds", LG_DTT_DOW, 3},
	{"y", LG_DTT_UNITS, 0},
	{"yesterday", LG_DTT_RESERV, LG_DTR_YESTERDAY},
};

/* Fixed-offset abbreviations from PostgreSQL's "Default" set (seconds east;
 * type LG_DTT_DTZ for daylight-saving ones). */
static const lg_dt_token_t abbrevs[] = {
	{"acdt", LG_DTT_DTZ, 37800}, {"acst", LG_DTT_TZ, 34200},  {"adt", LG_DTT_DTZ, -10800},
	{"aedt", LG_DTT_DTZ, 39600}, {"aest", LG_DTT_TZ, 36000},  {"akdt", LG_DTT_DTZ, -28800},
	{"akst", LG_DTT_TZ, -32400}, {"ast", LG_DTT_TZ, -14400},  {"awst", LG_DTT_TZ, 28800},
	{"bst", LG_DTT_DTZ, 3600},   {"cdt", LG_DTT_DTZ, -18000}, {"cest", LG_DTT_DTZ, 7200},
	{"cet", LG_DTT_TZ, 3600},    {"cst", LG_DTT_TZ, -21600},  {"eat", LG_DTT_TZ, 10800},
	{"edt", LG_DTT_DTZ, -14400}, {"eest", LG_DTT_DTZ, 10800}, {"eet", LG_DTT_TZ, 7200},
	{"est", LG_DTT_TZ, -18000},  {"gmt", LG_DTT_TZ, 0},       {"hkt", LG_DTT_TZ, 28800},
	{"hst", LG_DTT_TZ, -36000},  {"ist", LG_DTT_TZ, 7200},    {"jst", LG_DTT_TZ, 32400},
	{"kst", LG_DTT_TZ, 32400},   {"mdt", LG_DTT_DTZ, -21600}, {"mest", LG_DTT_DTZ, 7200},
	{"mesz", LG_DTT_DTZ, 7200},  {"met", LG_DTT_TZ, 3600},    {"mez", LG_DTT_TZ, 3600},
	{"msk", LG_DTT_TZ, 10800},   {"mst", LG_DTT_TZ, -25200},  {"ndt", LG_DTT_DTZ, -9000},
	{"nst", LG_DTT_TZ, -12600},  {"nzdt", LG_DTT_DTZ, 46800}, {"nzst", LG_DTT_TZ, 43200},
	{"pdt", LG_DTT_DTZ, -25200}, {"pkt", LG_DTT_TZ, 18000},   {"pst", LG_DTT_TZ, -28800},
	{"sast", LG_DTT_TZ, 7200},   {"sgt", LG_DTT_TZ, 28800},   {"ut", LG_DTT_TZ, 0},
	{"utc", LG_DTT_TZ, 0},       {"wat", LG_DTT_TZ, 3600},    {"wet", LG_DTT_TZ, 0},
	{"z", LG_DTT_TZ, 0},         {"zulu", LG_DTT_TZ, 0},
};

/* Binary search: both tables are sorted bytewise. */
static const lg_dt_token_t *find(const lg_dt_token_t *tab, size_t n, const char *w)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(w, tab[mid].w);
		if (c == 0)
			return &tab[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const lg_dt_token_t *lg_dt_keyword(const char *w)
{
	return find(keywords, sizeof(keywords) / sizeof(keywords[0]), w);
}

const lg_dt_token_t *lg_dt_abbrev(const char *w)
{
	return find(abbrevs, sizeof(abbrevs) / sizeof(abbrevs[0]), w);
}

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

int lg_dt_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}
