/* The type table from types.def, name lookup, typmods and the two ways a
 * type is written down: format_type() for clients, the declared type for
 * SQLite's schema. */
#include "catalog/types.h"

#include "common/error.h"
#include "common/strbuf.h"

#include <stdio.h>
#include <string.h>

enum {
#define X(name, oid, typname, len, cat, arr, elem, storage) TI_##name,
#include "types.def"
#undef X
	TI__COUNT
};

static const lg_type_t types[TI__COUNT] = {
#define X(name, oid, typname, len, cat, arr, elem, storage)                                        \
	{oid, typname, len, cat, arr, elem, LG_STORE_##storage},
#include "types.def"
#undef X
};

/* PostgreSQL's limits on modifiers (varchar.c, numeric.c, timestamp.h). */
#define MAX_CHAR_LEN 10485760
#define NUMERIC_MAX_PRECISION 1000
#define NUMERIC_MIN_SCALE (-1000)
#define NUMERIC_MAX_SCALE 1000
#define MAX_TIME_PRECISION 6
#define VARHDRSZ 4

/* interval typmod: range bits (datetime.h) and the "no precision" value. */
#define INTERVAL_FULL_RANGE 0x7FFF
#define INTERVAL_FULL_PRECISION 0xFFFF
#define IM(b) (1 << (b))
#define IM_MONTH IM(1)
#define IM_YEAR IM(2)
#define IM_DAY IM(3)
#define IM_HOUR IM(10)
#define IM_MINUTE IM(11)
#define IM_SECOND IM(12)

const lg_type_t *lg_cat_type_by_oid(lg_oid_t oid)
{
	switch (oid) {
#define X(name, oid_, typname, len, cat, arr, elem, storage)                                       \
	case oid_:                                                                                 \
		return &types[TI_##name];
#include "types.def"
#undef X
	default: return NULL;
	}
}

/* Names PostgreSQL's grammar or users write that are not typnames. */
static const struct {
	const char *name;
	lg_oid_t oid;
} aliases[] = {
	{"int", LG_OID_INT4},
	{"integer", LG_OID_INT4},
	{"smallint", LG_OID_INT2},
	{"bigint", LG_OID_INT8},
	{"boolean", LG_OID_BOOL},
	{"real", LG_OID_FLOAT4},
	{"float", LG_OID_FLOAT8},
	{"double precision", LG_OID_FLOAT8},
	{"decimal", LG_OID_NUMERIC},
	{"dec", LG_OID_NUMERIC},
	{"character varying", LG_OID_VARCHAR},
	{"char varying", LG_OID_VARCHAR},
	{"character", LG_OID_BPCHAR},
	{"national character", LG_OID_BPCHAR},
	{"national character varying", LG_OID_VARCHAR},
	{"nchar", LG_OID_BPCHAR},
	{"timestamp without time zone", LG_OID_TIMESTAMP},
	{"timestamp with time zone", LG_OID_TIMESTAMPTZ},
	{"time without time zone", LG_OID_TIME},
	{"time with time zone", LG_OID_TIMETZ},
};

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Lower-cases `s` into buf collapsing runs of blanks to one space and
 * trimming both ends. Returns the length, or -1 if it does not fit. */
static int normalise_name(const char *s, size_t n, char *buf, size_t cap)
{
	size_t o = 0;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		if (is_space(s[i])) {
			space = o > 0;
			continue;
		}
		if (o + 2 >= cap)
			return -1;
		if (space)
			buf[o++] = ' ';
		space = false;
		buf[o++] = lower(s[i]);
	}
	buf[o] = '\0';
	return (int)o;
}

static const lg_type_t *lookup_plain(const char *name)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(types); i++)
		if (strcmp(types[i].name, name) == 0)
			return &types[i];
	for (size_t i = 0; i < LG_ARRAY_LEN(aliases); i++)
		if (strcmp(aliases[i].name, name) == 0)
			return lg_cat_type_by_oid(aliases[i].oid);
	return NULL;
}

static const lg_type_t *type_by_name_n(const char *name, size_t n)
{
	char buf[80];
	int len = normalise_name(name, n, buf, sizeof(buf));
	if (len <= 0)
		return NULL;
	char *p = buf;
	if (strncmp(p, "pg_catalog.", 11) == 0) {
		p += 11;
		len -= 11;
	}
	bool array = false;
	if (len > 2 && strcmp(p + len - 2, "[]") == 0) {
		array = true;
		len -= 2;
		if (len > 0 && p[len - 1] == ' ')
			len--;
		p[len] = '\0';
	}
	const lg_type_t *t = lookup_plain(p);
	if (t && array)
		t = t->array_oid ? lg_cat_type_by_oid(t->array_oid) : NULL;
	return t;
}

const lg_type_t *lg_cat_type_by_name(const char *name)
{
	return name ? type_by_name_n(name, strlen(name)) : NULL;
}

int16_t lg_cat_typlen(lg_oid_t oid)
{
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	return t ? t->typlen : -1;
}

/* ---- typmods ---- */

static int char_typmod(const char *what, const int32_t *mods, int nmods, int32_t *typmod,
		       lg_error_t *err)
{
	if (nmods != 1)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "invalid type modifier");
	if (mods[0] < 1)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "length for type %s must be at least 1", what);
	if (mods[0] > MAX_CHAR_LEN)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "length for type %s cannot exceed %d", what, MAX_CHAR_LEN);
	*typmod = mods[0] + VARHDRSZ;
	return 0;
}

static int numeric_typmod(const int32_t *mods, int nmods, int32_t *typmod, lg_error_t *err)
{
	if (nmods != 1 && nmods != 2)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "invalid NUMERIC type modifier");
	int32_t p = mods[0], s = nmods == 2 ? mods[1] : 0;
	if (p < 1 || p > NUMERIC_MAX_PRECISION)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "NUMERIC precision %d must be between 1 and %d", p,
				    NUMERIC_MAX_PRECISION);
	if (s < NUMERIC_MIN_SCALE || s > NUMERIC_MAX_SCALE)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "NUMERIC scale %d must be between %d and %d", s,
				    NUMERIC_MIN_SCALE, NUMERIC_MAX_SCALE);
	*typmod = (int32_t)(((uint32_t)p << 16) | ((uint32_t)s & 0x7ff)) + VARHDRSZ;
	return 0;
}

/* time(p), timestamp(p): PostgreSQL warns and clamps p > 6; there is no
 * warning channel here, so it just clamps. */
static int time_typmod(const char *what, bool tz, const int32_t *mods, int nmods, int32_t *typmod,
		       lg_error_t *err)
{
	if (nmods != 1)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "invalid type modifier");
	if (mods[0] < 0)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "%s(%d)%s precision must not be negative", what, mods[0],
				    tz ? " WITH TIME ZONE" : "");
	*typmod = mods[0] > MAX_TIME_PRECISION ? MAX_TIME_PRECISION : mods[0];
	return 0;
}

static bool interval_range_ok(int32_t r)
{
	static const int32_t ok[] = {
		INTERVAL_FULL_RANGE,
		IM_YEAR,
		IM_MONTH,
		IM_DAY,
		IM_HOUR,
		IM_MINUTE,
		IM_SECOND,
		IM_YEAR | IM_MONTH,
		IM_DAY | IM_HOUR,
		IM_DAY | IM_HOUR | IM_MINUTE,
		IM_DAY | IM_HOUR | IM_MINUTE | IM_SECOND,
		IM_HOUR | IM_MINUTE,
		IM_HOUR | IM_MINUTE | IM_SECOND,
		IM_MINUTE | IM_SECOND,
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(ok); i++)
		if (ok[i] == r)
			return true;
	return false;
}

/* The grammar hands interval modifiers over as (range mask[, precision]). */
static int interval_typmod(const int32_t *mods, int nmods, int32_t *typmod, lg_error_t *err)
{
	if (nmods != 1 && nmods != 2)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "invalid INTERVAL type modifier");
	int32_t range = mods[0];
	int32_t prec = INTERVAL_FULL_PRECISION;
	if (!interval_range_ok(range))
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "invalid INTERVAL type modifier");
	if (nmods == 2) {
		prec = mods[1];
		if (prec < 0)
			return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
					    "INTERVAL(%d) precision must not be negative", prec);
		if (prec > MAX_TIME_PRECISION)
			prec = MAX_TIME_PRECISION;
	}
	*typmod = (int32_t)(((uint32_t)range << 16) | (uint32_t)prec);
	return 0;
}

int lg_cat_typmod(lg_oid_t oid, const int32_t *mods, int nmods, int32_t *typmod, lg_error_t *err)
{
	*typmod = -1;
	if (nmods <= 0)
		return 0;
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	if (t && t->elem_oid) {
		oid = t->elem_oid;
		t = lg_cat_type_by_oid(oid);
	}
	switch (oid) {
	case LG_OID_VARCHAR: return char_typmod("varchar", mods, nmods, typmod, err);
	case LG_OID_BPCHAR: return char_typmod("char", mods, nmods, typmod, err);
	case LG_OID_NUMERIC: return numeric_typmod(mods, nmods, typmod, err);
	case LG_OID_TIME: return time_typmod("TIME", false, mods, nmods, typmod, err);
	case LG_OID_TIMETZ: return time_typmod("TIME", true, mods, nmods, typmod, err);
	case LG_OID_TIMESTAMP: return time_typmod("TIMESTAMP", false, mods, nmods, typmod, err);
	case LG_OID_TIMESTAMPTZ: return time_typmod("TIMESTAMP", true, mods, nmods, typmod, err);
	case LG_OID_INTERVAL: return interval_typmod(mods, nmods, typmod, err);
	default:
		return lg_error_set(err, LG_SQLSTATE_SYNTAX_ERROR,
				    "type modifier is not allowed for type \"%s\"",
				    t ? t->name : "unknown");
	}
}

/* ---- format_type ---- */

static void interval_fields(lg_sb_t *out, int32_t range)
{
	static const struct {
		int32_t range;
		const char *text;
	} names[] = {
		{IM_YEAR, " year"},
		{IM_MONTH, " month"},
		{IM_DAY, " day"},
		{IM_HOUR, " hour"},
		{IM_MINUTE, " minute"},
		{IM_SECOND, " second"},
		{IM_YEAR | IM_MONTH, " year to month"},
		{IM_DAY | IM_HOUR, " day to hour"},
		{IM_DAY | IM_HOUR | IM_MINUTE, " day to minute"},
		{IM_DAY | IM_HOUR | IM_MINUTE | IM_SECOND, " day to second"},
		{IM_HOUR | IM_MINUTE, " hour to minute"},
		{IM_HOUR | IM_MINUTE | IM_SECOND, " hour to second"},
		{IM_MINUTE | IM_SECOND, " minute to second"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(names); i++)
		if (names[i].range == range)
			lg_sb_append(out, names[i].text);
}

static void format_numeric(lg_sb_t *out, int32_t typmod)
{
	lg_sb_append(out, "numeric");
	if (typmod < VARHDRSZ)
		return;
	int32_t t = typmod - VARHDRSZ;
	int32_t scale = ((t & 0x7ff) ^ 1024) - 1024;
	lg_sb_appendf(out, "(%d,%d)", (t >> 16) & 0xffff, scale);
}

static void format_time(lg_sb_t *out, const char *name, bool tz, int32_t typmod)
{
	lg_sb_append(out, name);
	if (typmod >= 0)
		lg_sb_appendf(out, "(%d)", typmod);
	lg_sb_append(out, tz ? " with time zone" : " without time zone");
}

static void format_scalar(lg_sb_t *out, lg_oid_t oid, int32_t typmod)
{
	const lg_type_t *t;
	switch (oid) {
	case LG_OID_BOOL: lg_sb_append(out, "boolean"); return;
	case LG_OID_INT2: lg_sb_append(out, "smallint"); return;
	case LG_OID_INT4: lg_sb_append(out, "integer"); return;
	case LG_OID_INT8: lg_sb_append(out, "bigint"); return;
	case LG_OID_FLOAT4: lg_sb_append(out, "real"); return;
	case LG_OID_FLOAT8: lg_sb_append(out, "double precision"); return;
	case LG_OID_BPCHAR:
		/* bpchar without a typmod is not character(1): PostgreSQL
		 * prints it as bpchar. */
		if (typmod < 0) {
			lg_sb_append(out, "bpchar");
			return;
		}
		lg_sb_append(out, "character");
		if (typmod > VARHDRSZ)
			lg_sb_appendf(out, "(%d)", typmod - VARHDRSZ);
		return;
	case LG_OID_VARCHAR:
		lg_sb_append(out, "character varying");
		if (typmod > VARHDRSZ)
			lg_sb_appendf(out, "(%d)", typmod - VARHDRSZ);
		return;
	case LG_OID_NUMERIC: format_numeric(out, typmod); return;
	case LG_OID_TIME: format_time(out, "time", false, typmod); return;
	case LG_OID_TIMETZ: format_time(out, "time", true, typmod); return;
	case LG_OID_TIMESTAMP: format_time(out, "timestamp", false, typmod); return;
	case LG_OID_TIMESTAMPTZ: format_time(out, "timestamp", true, typmod); return;
	case LG_OID_INTERVAL:
		lg_sb_append(out, "interval");
		if (typmod >= 0) {
			interval_fields(out, (typmod >> 16) & INTERVAL_FULL_RANGE);
			if ((typmod & 0xffff) != INTERVAL_FULL_PRECISION)
				lg_sb_appendf(out, "(%d)", typmod & 0xffff);
		}
		return;
	case LG_OID_CHAR:
		/* quote_identifier quotes the keyword. */
		lg_sb_append(out, "\"char\"");
		break;
	default:
		t = lg_cat_type_by_oid(oid);
		if (t)
			lg_sb_append(out, t->name);
		else
			lg_sb_append(out, "???");
		break;
	}
	/* A type without a typmodout function prints a given typmod raw. */
	if (typmod >= 0)
		lg_sb_appendf(out, "(%d)", typmod);
}

void lg_cat_format_type(lg_sb_t *out, lg_oid_t oid, int32_t typmod)
{
	if (oid == 0) {
		lg_sb_putc(out, '-');
		return;
	}
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	if (t && t->elem_oid) {
		format_scalar(out, t->elem_oid, typmod);
		lg_sb_append(out, "[]");
		return;
	}
	format_scalar(out, oid, typmod);
}

/* ---- declared types in SQLite's schema ---- */

typedef enum affinity {
	AFF_INTEGER,
	AFF_TEXT,
	AFF_BLOB,
	AFF_REAL,
	AFF_NUMERIC,
} affinity_t;

static bool contains_ci(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++) {
		size_t j = 0;
		while (j < m && lower(s[i + j]) == needle[j])
			j++;
		if (j == m)
			return true;
	}
	return false;
}

/* SQLite's rules, section 3.1 of "Datatypes In SQLite". */
static affinity_t sqlite_affinity(const char *s, size_t n)
{
	if (contains_ci(s, n, "int"))
		return AFF_INTEGER;
	if (contains_ci(s, n, "char") || contains_ci(s, n, "clob") || contains_ci(s, n, "text"))
		return AFF_TEXT;
	if (n == 0 || contains_ci(s, n, "blob"))
		return AFF_BLOB;
	if (contains_ci(s, n, "real") || contains_ci(s, n, "floa") || contains_ci(s, n, "doub"))
		return AFF_REAL;
	return AFF_NUMERIC;
}

/* The modifiers as the user wrote them: lg_cat_typmod's inverse. */
static void decl_mods(lg_sb_t *out, lg_oid_t oid, int32_t typmod)
{
	if (typmod < 0)
		return;
	int32_t t = typmod - VARHDRSZ;
	switch (oid) {
	case LG_OID_VARCHAR:
	case LG_OID_BPCHAR:
		if (t > 0)
			lg_sb_appendf(out, "(%d)", t);
		break;
	case LG_OID_NUMERIC:
		if (t >= 0)
			lg_sb_appendf(out, "(%d,%d)", (t >> 16) & 0xffff,
				      ((t & 0x7ff) ^ 1024) - 1024);
		break;
	case LG_OID_TIME:
	case LG_OID_TIMETZ:
	case LG_OID_TIMESTAMP:
	case LG_OID_TIMESTAMPTZ: lg_sb_appendf(out, "(%d)", typmod); break;
	case LG_OID_INTERVAL:
		if ((typmod & 0xffff) != INTERVAL_FULL_PRECISION)
			lg_sb_appendf(out, "(%d,%d)", (typmod >> 16) & INTERVAL_FULL_RANGE,
				      typmod & 0xffff);
		else
			lg_sb_appendf(out, "(%d)", (typmod >> 16) & INTERVAL_FULL_RANGE);
		break;
	default: break;
	}
}

void lg_cat_decltype(lg_sb_t *out, lg_oid_t oid, int32_t typmod)
{
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	if (!t) {
		lg_sb_append(out, "text");
		return;
	}
	lg_sb_append(out, t->name);
	if (t->storage == LG_STORE_TEXT && sqlite_affinity(t->name, strlen(t->name)) != AFF_TEXT)
		lg_sb_append(out, " TEXT");
	/* REAL affinity stores an integral double as an integer, which loses
	 * -0.0; without affinity every double is kept as it was bound. */
	if (t->storage == LG_STORE_REAL)
		lg_sb_append(out, " BLOB");
	decl_mods(out, t->elem_oid ? t->elem_oid : oid, typmod);
}

/* Parses "(a)" or "(a,b)" (blanks allowed, signed); returns the count or
 * -1. */
static int parse_mods(const char *s, int32_t *mods, int max)
{
	int n = 0;
	s++; /* '(' */
	for (;;) {
		while (is_space(*s))
			s++;
		bool neg = false;
		if (*s == '-' || *s == '+')
			neg = *s++ == '-';
		if (*s < '0' || *s > '9' || n == max)
			return -1;
		int64_t v = 0;
		while (*s >= '0' && *s <= '9') {
			v = v * 10 + (*s++ - '0');
			if (v > INT32_MAX)
				return -1;
		}
		mods[n++] = (int32_t)(neg ? -v : v);
		while (is_space(*s))
			s++;
		if (*s == ',') {
			s++;
			continue;
		}
		return *s == ')' ? n : -1;
	}
}

/* Declared types that mean something else to SQLite tools than to
 * PostgreSQL: SQLite's INTEGER and REAL are 64-bit. */
static const lg_type_t *sqlite_name(const char *name, size_t n)
{
	static const struct {
		const char *name;
		lg_oid_t oid;
	} names[] = {
		{"integer", LG_OID_INT8},       {"int", LG_OID_INT8},    {"real", LG_OID_FLOAT8},
		{"double", LG_OID_FLOAT8},      {"blob", LG_OID_BYTEA},  {"clob", LG_OID_TEXT},
		{"datetime", LG_OID_TIMESTAMP}, {"string", LG_OID_TEXT},
	};
	char buf[32];
	if (normalise_name(name, n, buf, sizeof(buf)) <= 0)
		return NULL;
	for (size_t i = 0; i < LG_ARRAY_LEN(names); i++)
		if (strcmp(buf, names[i].name) == 0)
			return lg_cat_type_by_oid(names[i].oid);
	return NULL;
}

static const lg_type_t *decl_base(const char *s, size_t n)
{
	const lg_type_t *t = sqlite_name(s, n);
	if (!t)
		t = type_by_name_n(s, n);
	/* litegres's own "name TEXT" and "name BLOB" */
	while (!t && n > 0 && is_space(s[n - 1]))
		n--;
	if (!t && n > 5 && (contains_ci(s + n - 4, 4, "text") || contains_ci(s + n - 4, 4, "blob")) &&
	    is_space(s[n - 5]))
		t = type_by_name_n(s, n - 5);
	return t;
}

static lg_oid_t affinity_type(const char *s, size_t n)
{
	switch (sqlite_affinity(s, n)) {
	case AFF_INTEGER: return LG_OID_INT8;
	case AFF_TEXT: return LG_OID_TEXT;
	case AFF_BLOB: return LG_OID_BYTEA;
	case AFF_REAL: return LG_OID_FLOAT8;
	default: return LG_OID_NUMERIC;
	}
}

void lg_cat_parse_decltype(const char *decl, lg_oid_t *oid, int32_t *typmod)
{
	*typmod = -1;
	if (!decl)
		decl = "";
	while (is_space(*decl))
		decl++;
	const char *paren = strchr(decl, '(');
	size_t n = paren ? (size_t)(paren - decl) : strlen(decl);
	const lg_type_t *t = decl_base(decl, n);
	if (!t) {
		*oid = affinity_type(decl, strlen(decl));
		return;
	}
	*oid = t->oid;
	if (!paren)
		return;
	int32_t mods[2];
	int nmods = parse_mods(paren, mods, 2);
	if (nmods <= 0)
		return;
	/* char(n) from another tool is bpchar, not the one-byte "char". */
	if (t->oid == LG_OID_CHAR)
		*oid = LG_OID_BPCHAR;
	lg_error_t err = LG_ERROR_INIT;
	int32_t tm;
	if (lg_cat_typmod(*oid, mods, nmods, &tm, &err) == 0)
		*typmod = tm;
	lg_error_clear(&err);
}
