/* Sequences: the _lg_sequence table, PostgreSQL's option rules
 * (init_params) and the SQL text the translator emits. The SQL functions
 * nextval/currval/setval/lastval are in sequence_udf.c. */
#include "catalog/sequence.h"

#include "catalog/schema_int.h"
#include "catalog/types.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define SEQ_COLUMNS                                                                                \
	"name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, "         \
	"last_value, is_called, owner_table, owner_column, identity, rowid"

static const char *type_name(lg_oid_t t)
{
	return t == LG_OID_INT2 ? "smallint" : t == LG_OID_INT4 ? "integer" : "bigint";
}

static void type_range(lg_oid_t t, int64_t *min, int64_t *max)
{
	if (t == LG_OID_INT2) {
		*min = INT16_MIN;
		*max = INT16_MAX;
	} else if (t == LG_OID_INT4) {
		*min = INT32_MIN;
		*max = INT32_MAX;
	} else {
		*min = INT64_MIN;
		*max = INT64_MAX;
	}
}

static void copy_name(char *dst, const unsigned char *src)
{
	snprintf(dst, LG_CAT_NAME_MAX + 1, "%s", src ? (const char *)src : "");
}

static void read_row(sqlite3_stmt *st, bool temp, lg_cat_sequence_t *s)
{
	memset(s, 0, sizeof(*s));
	copy_name(s->name, sqlite3_column_text(st, 0));
	s->type = (lg_oid_t)sqlite3_column_int64(st, 1);
	s->start = sqlite3_column_int64(st, 2);
	s->increment = sqlite3_column_int64(st, 3);
	s->min = sqlite3_column_int64(st, 4);
	s->max = sqlite3_column_int64(st, 5);
	s->cache = sqlite3_column_int64(st, 6);
	s->cycle = sqlite3_column_int(st, 7) != 0;
	s->last_value = sqlite3_column_int64(st, 8);
	s->is_called = sqlite3_column_int(st, 9) != 0;
	copy_name(s->owner_table, sqlite3_column_text(st, 10));
	copy_name(s->owner_column, sqlite3_column_text(st, 11));
	const unsigned char *id = sqlite3_column_text(st, 12);
	s->identity = id ? (char)id[0] : '\0';
	s->temp = temp;
	s->oid = lg_cat_oid(temp ? LG_CAT_SLOT_TEMP_SEQ : LG_CAT_SLOT_SEQ,
			    sqlite3_column_int64(st, 13));
}

/* Runs `where` against one schema's _lg_sequence, storing up to `max` rows. */
static int query(lg_cat_t *cat, bool temp, const char *where, const char *arg,
		 lg_cat_sequence_t *out, int max, lg_error_t *err)
{
	const char *db = temp ? "temp" : "main";
	int has = lg_cat_sqlite_has_table(cat->db, db, "_lg_sequence", err);
	if (has <= 0)
		return has;
	char sql[256];
	snprintf(sql, sizeof(sql), "SELECT " SEQ_COLUMNS " FROM \"%s\"._lg_sequence WHERE %s", db,
		 where);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(cat->db, sql, -1, &st, NULL) != SQLITE_OK)
		return lg_cat_sqlite_error(cat->db, err);
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			read_row(st, temp, &out[n]);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lg_cat_sqlite_error(cat->db, err);
	return n;
}

int lg_cat_sequence(lg_cat_t *cat, const char *schema, const char *name, lg_cat_sequence_t *out,
		    lg_error_t *err)
{
	bool try_temp = !schema || strcmp(schema, "pg_temp") == 0;
	bool try_main = !schema || strcmp(schema, "public") == 0;
	int n = 0;
	if (try_temp && (n = query(cat, true, "name = ?1", name, out, 1, err)) != 0)
		return n < 0 ? -1 : 1;
	if (try_main && (n = query(cat, false, "name = ?1", name, out, 1, err)) != 0)
		return n < 0 ? -1 : 1;
	return 0;
}

int lg_cat_sequences_owned(lg_cat_t *cat, bool temp, const char *table, lg_cat_sequence_t *out,
			   int max, lg_error_t *err)
{
	return query(cat, temp, "owner_table = ?1 ORDER BY rowid", table, out, max, err);
}

static int range_error(lg_error_t *err, const char *what, int64_t v, lg_oid_t type)
{
	return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
			    "%s (%lld) is out of range for sequence data type %s", what,
			    (long long)v, type_name(type));
}

/* MAXVALUE and MINVALUE, as init_params sets them. */
static int apply_bounds(lg_cat_sequence_t *s, const lg_cat_seq_opts_t *o, bool is_new,
			bool reset_max, bool reset_min, lg_error_t *err)
{
	int64_t tmin, tmax;
	type_range(s->type, &tmin, &tmax);
	if (o->has_max) {
		s->max = o->max;
	} else if (is_new || o->no_max || reset_max) {
		s->max = s->increment > 0 ? tmax : -1;
	}
	if (s->max < tmin || s->max > tmax)
		return range_error(err, "MAXVALUE", s->max, s->type);
	if (o->has_min) {
		s->min = o->min;
	} else if (is_new || o->no_min || reset_min) {
		s->min = s->increment > 0 ? 1 : tmin;
	}
	if (s->min < tmin || s->min > tmax)
		return range_error(err, "MINVALUE", s->min, s->type);
	if (s->min >= s->max)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "MINVALUE (%lld) must be less than MAXVALUE (%lld)",
				    (long long)s->min, (long long)s->max);
	return 0;
}

static int apply_start(lg_cat_sequence_t *s, const lg_cat_seq_opts_t *o, bool is_new,
		       lg_error_t *err)
{
	if (o->has_start)
		s->start = o->start;
	else if (is_new)
		s->start = s->increment > 0 ? s->min : s->max;
	if (s->start < s->min)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "START value (%lld) cannot be less than MINVALUE (%lld)",
				    (long long)s->start, (long long)s->min);
	if (s->start > s->max)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "START value (%lld) cannot be greater than MAXVALUE (%lld)",
				    (long long)s->start, (long long)s->max);
	if (is_new || o->restart) {
		s->last_value = o->has_restart ? o->restart_with : s->start;
		s->is_called = false;
	}
	if (s->last_value < s->min)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "RESTART value (%lld) cannot be less than MINVALUE (%lld)",
				    (long long)s->last_value, (long long)s->min);
	if (s->last_value > s->max)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "RESTART value (%lld) cannot be greater than MAXVALUE (%lld)",
				    (long long)s->last_value, (long long)s->max);
	return 0;
}

int lg_cat_sequence_apply(lg_cat_sequence_t *s, const lg_cat_seq_opts_t *o, bool is_new,
			  lg_error_t *err)
{
	bool reset_max = false, reset_min = false;
	if (is_new)
		s->type = LG_OID_INT8;
	if (o->has_type) {
		if (o->type != LG_OID_INT2 && o->type != LG_OID_INT4 && o->type != LG_OID_INT8)
			return lg_error_set(
				err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				o->for_identity
					? "identity column type must be smallint, integer, or "
					  "bigint"
					: "sequence type must be smallint, integer, or bigint");
		/* Bounds that were the old type's limits follow the new type. */
		int64_t omin, omax;
		type_range(s->type, &omin, &omax);
		if (!is_new) {
			reset_max = (s->increment > 0 && s->max == omax) ||
				    (s->increment < 0 && s->max == -1);
			reset_min = (s->increment > 0 && s->min == 1) ||
				    (s->increment < 0 && s->min == omin);
		}
		s->type = o->type;
	}
	if (o->has_increment) {
		if (o->increment == 0)
			return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
					    "INCREMENT must not be zero");
		s->increment = o->increment;
	} else if (is_new) {
		s->increment = 1;
	}
	if (o->has_cycle)
		s->cycle = o->cycle;
	if (apply_bounds(s, o, is_new, reset_max, reset_min, err) < 0 ||
	    apply_start(s, o, is_new, err) < 0)
		return -1;
	if (o->has_cache) {
		if (o->cache <= 0)
			return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
					    "CACHE (%lld) must be greater than zero",
					    (long long)o->cache);
		s->cache = o->cache;
	} else if (is_new) {
		s->cache = 1;
	}
	return 0;
}

static const char *db_of(bool temp)
{
	return temp ? "temp" : "main";
}

void lg_cat_sequence_sql_create_table(lg_sb_t *out, bool temp)
{
	lg_sb_appendf(out,
		      "CREATE TABLE IF NOT EXISTS %s._lg_sequence (name TEXT PRIMARY KEY NOT NULL, "
		      "type INTEGER NOT NULL, start_value INTEGER NOT NULL, "
		      "increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, "
		      "max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, "
		      "cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, "
		      "is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, "
		      "identity TEXT)",
		      db_of(temp));
}

static void append_opt_text(lg_sb_t *out, const char *s)
{
	if (s[0])
		lg_sb_append_literal(out, s, strlen(s));
	else
		lg_sb_append(out, "NULL");
}

/* A value written by DDL, passed through _lg_seq_forget so the sequence's
 * out-of-transaction record (sequence_hi.h) is dropped with it. */
static void append_forget(lg_sb_t *out, bool temp, const char *name, int64_t value)
{
	lg_sb_appendf(out, "_lg_seq_forget('%s', ", db_of(temp));
	lg_sb_append_literal(out, name, strlen(name));
	lg_sb_appendf(out, ", %lld)", (long long)value);
}

void lg_cat_sequence_sql_insert(lg_sb_t *out, const lg_cat_sequence_t *s)
{
	lg_sb_appendf(out,
		      "INSERT INTO %s._lg_sequence (name, type, start_value, increment_by, "
		      "min_value, max_value, cache_size, cycle, last_value, is_called, "
		      "owner_table, owner_column, identity) VALUES (",
		      db_of(s->temp));
	lg_sb_append_literal(out, s->name, strlen(s->name));
	lg_sb_appendf(out, ", %u, %lld, %lld, %lld, %lld, %lld, %d, ", s->type,
		      (long long)s->start, (long long)s->increment, (long long)s->min,
		      (long long)s->max, (long long)s->cache, s->cycle);
	append_forget(out, s->temp, s->name, s->last_value);
	lg_sb_appendf(out, ", %d, ", s->is_called);
	append_opt_text(out, s->owner_table);
	lg_sb_append(out, ", ");
	append_opt_text(out, s->owner_column);
	if (s->identity)
		lg_sb_appendf(out, ", '%c')", s->identity);
	else
		lg_sb_append(out, ", NULL)");
}

void lg_cat_sequence_sql_update(lg_sb_t *out, const lg_cat_sequence_t *s, bool set_state)
{
	lg_sb_appendf(
		out,
		"UPDATE %s._lg_sequence SET type = %u, start_value = %lld, increment_by = %lld, "
		"min_value = %lld, max_value = %lld, cache_size = %lld, cycle = %d",
		db_of(s->temp), s->type, (long long)s->start, (long long)s->increment,
		(long long)s->min, (long long)s->max, (long long)s->cache, s->cycle);
	if (set_state) {
		lg_sb_append(out, ", last_value = ");
		append_forget(out, s->temp, s->name, s->last_value);
		lg_sb_appendf(out, ", is_called = %d", s->is_called);
	}
	lg_sb_append(out, " WHERE name = ");
	lg_sb_append_literal(out, s->name, strlen(s->name));
}

void lg_cat_sequence_sql_delete(lg_sb_t *out, bool temp, const char *name)
{
	lg_sb_appendf(out, "DELETE FROM %s._lg_sequence WHERE name = ", db_of(temp));
	lg_sb_append_literal(out, name, strlen(name));
	lg_sb_append(out, " AND ");
	append_forget(out, temp, name, 1);
}

int lg_cat_regclass_parse(const char *s, char *schema, char *name, lg_error_t *err)
{
	char parts[3][LG_CAT_NAME_MAX + 1];
	int np = 0;
	const char *p = s;
	for (;;) {
		size_t k = 0;
		char *d = parts[np];
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
				if (*p == '"')
					p++;
				if (k < LG_CAT_NAME_MAX)
					d[k++] = *p;
			}
			if (*p != '"' || k == 0)
				goto bad;
			p++;
		} else {
			while (*p && *p != '.' && !isspace((unsigned char)*p)) {
				if (k < LG_CAT_NAME_MAX)
					d[k++] = (char)tolower((unsigned char)*p);
				p++;
			}
			if (k == 0)
				goto bad;
		}
		d[k] = '\0';
		np++;
		if (*p != '.')
			break;
		if (np == 3) {
			return lg_error_set(err, LG_SQLSTATE_SYNTAX_ERROR,
					    "improper qualified name (too many dotted names): %s", s);
		}
		p++;
	}
	if (*p)
		goto bad;
	strcpy(name, parts[np - 1]);
	strcpy(schema, np >= 2 ? parts[np - 2] : "");
	return 0;
bad:
	return lg_error_set(err, LG_SQLSTATE_INVALID_NAME, "invalid name syntax");
}
