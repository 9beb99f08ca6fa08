#include "proxy/settings.h"

#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How a value is checked and normalised. */
typedef enum kind {
	K_STRING,   /* any text */
	K_BOOL,     /* on/off */
	K_INT,      /* integer within [min, max] */
	K_MS,       /* duration, default unit ms, shown like PostgreSQL ("5s") */
	K_CHOICE,   /* one of `choices`, case-insensitive */
	K_TIMEZONE, /* UTC and its aliases only */
	K_DATESTYLE,
	K_ENCODING,
	K_FLOAT_DIGITS,
} kind_t;

enum {
	F_REPORT = 1,   /* sent with ParameterStatus */
	F_READONLY = 2, /* SET is refused */
};

typedef struct setting_def {
	const char *name; /* as SHOW ALL spells it */
	const char *dflt;
	kind_t kind;
	int flags;
	const char *choices; /* K_CHOICE: "a|b|c" */
	const char *desc;
} setting_def_t;

static const setting_def_t defs[] = {
	{"application_name", "", K_STRING, F_REPORT, NULL, "Sets the application name to be reported in statistics and logs."},
	{"client_encoding", "UTF8", K_ENCODING, F_REPORT, NULL, "Sets the client's character set encoding."},
	{"DateStyle", "ISO, MDY", K_DATESTYLE, F_REPORT, NULL, "Sets the display format for date and time values."},
	{"default_transaction_read_only", "off", K_BOOL, F_REPORT, NULL, "Sets the default read-only status of new transactions."},
	{"in_hot_standby", "off", K_BOOL, F_REPORT | F_READONLY, NULL, "Shows whether hot standby is currently active."},
	{"integer_datetimes", "on", K_BOOL, F_REPORT | F_READONLY, NULL, "Shows whether datetimes are integer based."},
	{"IntervalStyle", "postgres", K_CHOICE, F_REPORT, "postgres", "Sets the display format for interval values."},
	{"is_superuser", "on", K_BOOL, F_REPORT | F_READONLY, NULL, "Shows whether the current user is a superuser."},
	{"server_encoding", "UTF8", K_STRING, F_REPORT | F_READONLY, NULL, "Shows the server (database) character set encoding."},
	{"server_version", LG_PG_SERVER_VERSION, K_STRING, F_REPORT | F_READONLY, NULL, "Shows the server version."},
	{"session_authorization", "postgres", K_STRING, F_REPORT | F_READONLY, NULL, "Sets the session user name."},
	{"standard_conforming_strings", "on", K_CHOICE, F_REPORT, "on", "Causes '...' strings to treat backslashes literally."},
	{"TimeZone", "UTC", K_TIMEZONE, F_REPORT, NULL, "Sets the time zone for displaying and interpreting time stamps."},
	{"bytea_output", "hex", K_CHOICE, 0, "hex", "Sets the output format for bytea."},
	{"check_function_bodies", "on", K_BOOL, 0, NULL, "Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE."},
	{"client_min_messages", "notice", K_CHOICE, 0, "debug5|debug4|debug3|debug2|debug1|log|notice|warning|error", "Sets the message levels that are sent to the client."},
	{"default_table_access_method", "heap", K_STRING, 0, NULL, "Sets the default table access method for new tables."},
	{"default_tablespace", "", K_STRING, 0, NULL, "Sets the default tablespace to create tables and indexes in."},
	{"default_transaction_isolation", "read committed", K_CHOICE, 0, "serializable|repeatable read|read committed|read uncommitted", "Sets the transaction isolation level of each new transaction."},
	{"extra_float_digits", "1", K_FLOAT_DIGITS, 0, NULL, "Sets the number of digits displayed for floating-point values."},
	{"idle_in_transaction_session_timeout", "0", K_MS, 0, NULL, "Sets the maximum allowed idle time between queries, when in a transaction."},
	{"jit", "off", K_BOOL, 0, NULL, "Allow JIT compilation."},
	{"lc_messages", "C.UTF-8", K_STRING, 0, NULL, "Sets the language in which messages are displayed."},
	{"lc_monetary", "C.UTF-8", K_STRING, 0, NULL, "Sets the locale for formatting monetary amounts."},
	{"lc_numeric", "C.UTF-8", K_STRING, 0, NULL, "Sets the locale for formatting numbers."},
	{"lc_time", "C.UTF-8", K_STRING, 0, NULL, "Sets the locale for formatting date and time values."},
	{"lock_timeout", "0", K_MS, 0, NULL, "Sets the maximum allowed duration of any wait for a lock."},
	{"maintenance_work_mem", "64MB", K_STRING, 0, NULL, "Sets the maximum memory to be used for maintenance operations."},
	{"max_identifier_length", "63", K_INT, F_READONLY, NULL, "Shows the maximum identifier length."},
	{"row_security", "on", K_BOOL, 0, NULL, "Enable row security."},
	{"search_path", "\"$user\", public", K_STRING, 0, NULL, "Sets the schema search order for names that are not schema-qualified."},
	{"server_version_num", LG_PG_SERVER_VERSION_NUM_STR, K_INT, F_READONLY, NULL, "Shows the server version as an integer."},
	{"statement_timeout", "0", K_MS, 0, NULL, "Sets the maximum allowed duration of any statement."},
	{"synchronous_commit", "on", K_CHOICE, 0, "local|remote_write|remote_apply|on|off", "Sets the current transaction's synchronization level."},
	{"timezone_abbreviations", "Default", K_STRING, 0, NULL, "Selects a file of time zone abbreviations."},
	{"transaction_isolation", "read committed", K_CHOICE, 0, "serializable|repeatable read|read committed|read uncommitted", "Sets the current transaction's isolation level."},
	{"transaction_read_only", "off", K_BOOL, 0, NULL, "Sets the current transaction's read-only status."},
	{"work_mem", "4MB", K_STRING, 0, NULL, "Sets the maximum memory to be used for query workspaces."},
	{"xmloption", "content", K_CHOICE, 0, "content|document", "Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments."},
};

#define NDEFS ((int)LG_ARRAY_LEN(defs))
#define MAX_CUSTOM 64

typedef struct value {
	char *cur;
	char *saved;      /* value at BEGIN, restored on rollback */
	bool has_saved;
	char *before_local; /* value before SET LOCAL, restored at end */
	bool local;
	char *reported;   /* the value last sent with ParameterStatus */
	char *reset_val;  /* RESET's value: from the startup packet, or NULL */
} value_t;

typedef struct custom {
	char *name;
	value_t v;
} custom_t;

struct lg_settings {
	value_t vals[LG_ARRAY_LEN(defs)];
	custom_t custom[MAX_CUSTOM];
	int ncustom;
	bool in_xact;
};

static int find_def(const char *name)
{
	for (int i = 0; i < NDEFS; i++)
		if (strcasecmp(defs[i].name, name) == 0)
			return i;
	/* Aliases PostgreSQL accepts. */
	if (strcasecmp(name, "timezone") == 0)
		return find_def("TimeZone");
	return -1;
}

lg_settings_t *lg_settings_new(void)
{
	lg_settings_t *s = lg_calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	for (int i = 0; i < NDEFS; i++) {
		s->vals[i].cur = lg_strdup(defs[i].dflt);
		if (!s->vals[i].cur) {
			lg_settings_free(s);
			return NULL;
		}
	}
	return s;
}

static void free_value(value_t *v)
{
	lg_free(v->cur);
	lg_free(v->saved);
	lg_free(v->before_local);
	lg_free(v->reported);
	lg_free(v->reset_val);
	memset(v, 0, sizeof(*v));
}

void lg_settings_free(lg_settings_t *s)
{
	if (!s)
		return;
	for (int i = 0; i < NDEFS; i++)
		free_value(&s->vals[i]);
	for (int i = 0; i < s->ncustom; i++) {
		lg_free(s->custom[i].name);
		free_value(&s->custom[i].v);
	}
	lg_free(s);
}

static bool parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = {"on", "true", "yes", "1", "t", "y"};
	static const char *const no[] = {"off", "false", "no", "0", "f", "n"};
	for (size_t i = 0; i < LG_ARRAY_LEN(yes); i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

/* Parses "500", "5s", "1min", "2h", "1d", "250ms" into milliseconds. */
static bool parse_ms(const char *v, long long *out)
{
	char *end;
	while (isspace((unsigned char)*v))
		v++;
	long long n = strtoll(v, &end, 10);
	if (end == v || n < 0)
		return false;
	while (isspace((unsigned char)*end))
		end++;
	static const struct {
		const char *unit;
		long long ms;
	} units[] = {{"", 1}, {"ms", 1}, {"s", 1000}, {"min", 60000}, {"h", 3600000}, {"d", 86400000}};
	for (size_t i = 0; i < LG_ARRAY_LEN(units); i++) {
		if (strcmp(end, units[i].unit) == 0) {
			if (n > (long long)INT32_MAX * 1000 / units[i].ms)
				return false;
			*out = n * units[i].ms;
			return true;
		}
	}
	return false;
}

/* PostgreSQL shows a duration in the largest unit that divides it. */
static char *format_ms(long long ms)
{
	static const struct {
		const char *unit;
		long long ms;
	} units[] = {{"d", 86400000}, {"h", 3600000}, {"min", 60000}, {"s", 1000}, {"ms", 1}};
	lg_sb_t sb = LG_SB_INIT;
	if (ms == 0) {
		lg_sb_append(&sb, "0");
		return lg_sb_detach(&sb);
	}
	for (size_t i = 0; i < LG_ARRAY_LEN(units); i++) {
		if (ms % units[i].ms == 0) {
			lg_sb_appendf(&sb, "%lld%s", ms / units[i].ms, units[i].unit);
			break;
		}
	}
	return lg_sb_detach(&sb);
}

static bool choice_ok(const char *choices, const char *v, char *canon, size_t canon_len)
{
	const char *p = choices;
	size_t vlen = strlen(v);
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == vlen && strncasecmp(p, v, n) == 0 && n < canon_len) {
			memcpy(canon, p, n);
			canon[n] = '\0';
			return true;
		}
		p += n + (bar ? 1 : 0);
	}
	return false;
}

/* SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE arrives as
 * "INTERVAL '+00:00'" (Sequelize sends it on every connection): true when
 * that interval is zero, the one fixed offset litegres supports. */
static bool zero_interval(const char *v)
{
	if (strncasecmp(v, "INTERVAL '", 10) != 0)
		return false;
	const char *p = v + 10;
	bool digit = false;
	for (; *p && *p != '\''; p++) {
		if (*p == '0')
			digit = true;
		else if (!strchr("+-:. ", *p))
			return false;
	}
	return digit && p[0] == '\'' && p[1] == '\0';
}

static const char *timezone_canonical(const char *v)
{
	static const char *const utc_names[] = {"UTC", "Etc/UTC", "GMT", "Etc/GMT", "UCT", "Etc/UCT",
						 "Universal", "Etc/Universal", "Zulu", "Etc/Zulu",
						 "Z", "GMT0", "Etc/GMT0", "Greenwich"};
	for (size_t i = 0; i < LG_ARRAY_LEN(utc_names); i++)
		if (strcasecmp(v, utc_names[i]) == 0)
			return utc_names[i];
	if (strcmp(v, "0") == 0 || strcmp(v, "+0") == 0 || strcmp(v, "+00") == 0 ||
	    strcmp(v, "00:00") == 0 || strcmp(v, "+00:00") == 0 || strcasecmp(v, "utc0") == 0 ||
	    zero_interval(v))
		return "<+00>-00";
	return NULL;
}

/* Parses a DateStyle value ("ISO", "ISO, DMY", "dmy", "Euro"...): only the
 * ISO output style is supported; the field order (used to read ambiguous
 * input like 01/02/2026) is kept from `cur` unless given. NULL if invalid. */
static const char *datestyle_order(const char *v, const char *cur)
{
	const char *order = strstr(cur, "DMY") ? "DMY" : strstr(cur, "YMD") ? "YMD" : "MDY";
	char copy[64];
	snprintf(copy, sizeof(copy), "%s", v);
	char *save = NULL;
	for (char *tok = strtok_r(copy, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
		if (strcasecmp(tok, "ISO") == 0 || strcasecmp(tok, "default") == 0)
			continue;
		if (strcasecmp(tok, "MDY") == 0 || strcasecmp(tok, "US") == 0 ||
		    strcasecmp(tok, "NonEuropean") == 0)
			order = "MDY";
		else if (strcasecmp(tok, "DMY") == 0 || strcasecmp(tok, "Euro") == 0 ||
			 strcasecmp(tok, "European") == 0)
			order = "DMY";
		else if (strcasecmp(tok, "YMD") == 0)
			order = "YMD";
		else
			return NULL;
	}
	return order;
}

/* Checks `v` for setting `i` (current value `cur`) and returns the
 * normalised value (heap). */
static char *normalise(int i, const char *v, const char *cur, lg_error_t *err)
{
	const setting_def_t *d = &defs[i];
	char buf[64];
	bool b;
	long long n;
	char *end;
	switch (d->kind) {
	case K_STRING:
		return lg_strdup(v);
	case K_BOOL:
		if (!parse_bool(v, &b))
			break;
		return lg_strdup(b ? "on" : "off");
	case K_INT:
		n = strtoll(v, &end, 10);
		if (end == v || *end)
			break;
		snprintf(buf, sizeof(buf), "%lld", n);
		return lg_strdup(buf);
	case K_MS:
		if (!parse_ms(v, &n))
			break;
		return format_ms(n);
	case K_CHOICE:
		if (!choice_ok(d->choices, v, buf, sizeof(buf)))
			goto unsupported;
		return lg_strdup(buf);
	case K_TIMEZONE: {
		const char *tz = timezone_canonical(v);
		if (!tz)
			goto unsupported;
		return lg_strdup(tz);
	}
	case K_DATESTYLE: {
		const char *order = datestyle_order(v, cur ? cur : defs[i].dflt);
		if (!order)
			goto unsupported;
		snprintf(buf, sizeof(buf), "ISO, %s", order);
		return lg_strdup(buf);
	}
	case K_ENCODING:
		if (strcasecmp(v, "UTF8") == 0 || strcasecmp(v, "UTF-8") == 0 ||
		    strcasecmp(v, "unicode") == 0)
			return lg_strdup("UTF8");
		goto unsupported;
	case K_FLOAT_DIGITS:
		n = strtoll(v, &end, 10);
		if (end == v || *end || n < -15 || n > 3)
			break;
		/* 1..3 all mean "shortest exact" since PostgreSQL 12. */
		if (n < 1)
			goto unsupported;
		snprintf(buf, sizeof(buf), "%lld", n);
		return lg_strdup(buf);
	}
	lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
		     "invalid value for parameter \"%s\": \"%s\"", d->name, v);
	return NULL;
unsupported:
	lg_error_set(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
		     "feature not supported: %s = '%s' (litegres supports only '%s')", d->name, v,
		     d->dflt);
	return NULL;
}

static value_t *custom_value(lg_settings_t *s, const char *name, bool create, lg_error_t *err)
{
	for (int i = 0; i < s->ncustom; i++)
		if (strcasecmp(s->custom[i].name, name) == 0)
			return &s->custom[i].v;
	if (!create)
		return NULL;
	if (s->ncustom == MAX_CUSTOM) {
		lg_error_set(err, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			     "too many custom configuration parameters");
		return NULL;
	}
	custom_t *c = &s->custom[s->ncustom];
	c->name = lg_strdup(name);
	if (!c->name) {
		lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return NULL;
	}
	for (char *p = c->name; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	s->ncustom++;
	return &c->v;
}

static int unknown(const char *name, lg_error_t *err)
{
	return lg_error_set(err, LG_SQLSTATE_UNDEFINED_OBJECT,
			    "unrecognized configuration parameter \"%s\"", name);
}

static void assign(lg_settings_t *s, value_t *v, char *nv, bool local)
{
	if (s->in_xact && !v->has_saved) {
		v->saved = v->cur;
		v->has_saved = true;
		v->cur = NULL;
	}
	if (local && s->in_xact && !v->local) {
		v->before_local = v->cur ? lg_strdup(v->cur) : NULL;
		v->local = true;
	}
	if (v->cur != v->saved)
		lg_free(v->cur);
	v->cur = nv;
}

int lg_settings_set(lg_settings_t *s, const char *name, const char *value, bool local,
		    lg_error_t *err)
{
	int i = find_def(name);
	if (i < 0) {
		if (!strchr(name, '.'))
			return unknown(name, err);
		value_t *v = custom_value(s, name, true, err);
		if (!v)
			return -1;
		char *nv = lg_strdup(value ? value : "");
		if (!nv)
			return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		assign(s, v, nv, local);
		return 0;
	}
	if (defs[i].flags & F_READONLY)
		return lg_error_set(err, LG_SQLSTATE_CANT_CHANGE_RUNTIME_PARAM,
				    "parameter \"%s\" cannot be changed", defs[i].name);
	/* SET LOCAL outside a transaction has no effect (PostgreSQL warns). */
	if (local && !s->in_xact)
		return 0;
	const char *reset = s->vals[i].reset_val ? s->vals[i].reset_val : defs[i].dflt;
	char *nv = normalise(i, value ? value : reset, s->vals[i].cur, err);
	if (!nv)
		return -1;
	assign(s, &s->vals[i], nv, local);
	return 0;
}

int lg_settings_reset(lg_settings_t *s, const char *name, lg_error_t *err)
{
	if (name)
		return lg_settings_set(s, name, NULL, false, err);
	for (int i = 0; i < NDEFS; i++)
		if (!(defs[i].flags & F_READONLY) && lg_settings_set(s, defs[i].name, NULL, false, err))
			return -1;
	return 0;
}

int lg_settings_set_startup(lg_settings_t *s, const char *name, const char *value,
			    lg_error_t *err)
{
	if (lg_settings_set(s, name, value, false, err) != 0)
		return -1;
	int i = find_def(name);
	if (i < 0)
		return 0;
	char *copy = lg_strdup(s->vals[i].cur);
	if (!copy)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	lg_free(s->vals[i].reset_val);
	s->vals[i].reset_val = copy;
	return 0;
}

long long lg_settings_timeout_ms(const lg_settings_t *s, const char *name)
{
	const char *v = lg_settings_get(s, name);
	long long ms;
	if (!v || !parse_ms(v, &ms))
		return 0;
	return ms;
}

int lg_settings_force(lg_settings_t *s, const char *name, const char *value)
{
	int i = find_def(name);
	char *nv = i >= 0 ? lg_strdup(value) : NULL;
	if (!nv)
		return -1;
	assign(s, &s->vals[i], nv, false);
	return 0;
}

const char *lg_settings_get(const lg_settings_t *s, const char *name)
{
	int i = find_def(name);
	if (i >= 0)
		return s->vals[i].cur;
	for (int j = 0; j < s->ncustom; j++)
		if (strcasecmp(s->custom[j].name, name) == 0)
			return s->custom[j].v.cur;
	return NULL;
}

const char *lg_settings_show(lg_settings_t *s, const char *name, const char **canonical,
			     lg_error_t *err)
{
	int i = find_def(name);
	if (i >= 0) {
		*canonical = defs[i].name;
		return s->vals[i].cur;
	}
	value_t *v = custom_value(s, name, false, err);
	if (!v || !v->cur) {
		unknown(name, err);
		return NULL;
	}
	*canonical = name;
	return v->cur;
}

void lg_settings_begin(lg_settings_t *s)
{
	s->in_xact = true;
}

static void end_value(value_t *v, bool commit)
{
	if (v->local) {
		lg_free(v->cur);
		v->cur = v->before_local;
		v->before_local = NULL;
		v->local = false;
	}
	if (v->has_saved) {
		if (!commit) {
			if (v->cur != v->saved)
				lg_free(v->cur);
			v->cur = v->saved;
		} else if (v->saved != v->cur) {
			lg_free(v->saved);
		}
		v->saved = NULL;
		v->has_saved = false;
	}
	/* A value never set before the transaction that rolled back: drop. */
	if (!v->cur)
		v->cur = NULL;
}

void lg_settings_end(lg_settings_t *s, bool commit)
{
	for (int i = 0; i < NDEFS; i++) {
		end_value(&s->vals[i], commit);
		if (!s->vals[i].cur)
			s->vals[i].cur = lg_strdup(defs[i].dflt);
	}
	for (int i = 0; i < s->ncustom; i++)
		end_value(&s->custom[i].v, commit);
	s->in_xact = false;
}

bool lg_settings_next_report(lg_settings_t *s, int *pos, bool all, const char **name,
			     const char **value)
{
	while (*pos < NDEFS) {
		int i = (*pos)++;
		value_t *v = &s->vals[i];
		if (!(defs[i].flags & F_REPORT) || !v->cur)
			continue;
		/* Like PostgreSQL: report what differs from what the client saw. */
		if (!all && v->reported && strcmp(v->reported, v->cur) == 0)
			continue;
		char *copy = lg_strdup(v->cur);
		if (!copy)
			continue;
		lg_free(v->reported);
		v->reported = copy;
		*name = defs[i].name;
		*value = v->cur;
		return true;
	}
	return false;
}

bool lg_settings_describe(const lg_settings_t *s, int i, const char **name, const char **value,
			  const char **desc)
{
	if (i < 0 || i >= NDEFS)
		return false;
	*name = defs[i].name;
	*value = s->vals[i].cur;
	*desc = defs[i].desc;
	return true;
}
