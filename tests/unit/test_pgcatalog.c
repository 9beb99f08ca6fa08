/* Unit tests for catalog/pg_catalog.c and its lookup through catalog/schema.c:
 * the tables resolve like PostgreSQL's (schema pg_catalog, OIDs, columns),
 * and queries over them, translated and encoded as a client sees them, give
 * the rows PostgreSQL 15 printed (psql -At) for the same queries. */
#include "catalog/udf.h"
#include "catalog/codec.h"
#include "catalog/functions.h"
#include "catalog/pg_catalog.h"
#include "catalog/schema.h"
#include "catalog/sequence.h"
#include "catalog/types.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"
#include "rewrite/rewrite.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;
static lg_cat_t *cat;
static lg_cat_session_vars_t vars;

static sqlite3 *open_db(void)
{
	sqlite3 *d;
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_int_eq(sqlite3_open(":memory:", &d), SQLITE_OK);
	vars.database = "app";
	vars.user = "postgres";
	ck_assert_int_eq(lg_cat_register_functions(d, &vars, &err), 0);
	ck_assert_int_eq(lg_cat_register_sequences(d, NULL, &err), 0);
	ck_assert_int_eq(lg_cat_register_pg_catalog(d, &err), 0);
	return d;
}

static void setup(void)
{
	db = open_db();
	cat = lg_cat_new(db);
	ck_assert_ptr_nonnull(cat);
}

static void teardown(void)
{
	lg_cat_free(cat);
	lg_cat_close_connection(db);
}

static void exec(sqlite3 *d, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(d, sql, NULL, NULL, &msg) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, msg);
}

static void append_value(sqlite3_stmt *st, int c, const lg_rw_column_t *col, lg_sb_t *out)
{
	lg_value_t v = {0};
	switch (sqlite3_column_type(st, c)) {
	case SQLITE_NULL: return;
	case SQLITE_INTEGER:
		v.kind = LG_VAL_INT;
		v.i = sqlite3_column_int64(st, c);
		break;
	case SQLITE_FLOAT:
		v.kind = LG_VAL_REAL;
		v.r = sqlite3_column_double(st, c);
		break;
	default:
		v.kind = LG_VAL_TEXT;
		v.s = (const char *)sqlite3_column_text(st, c);
		v.len = (size_t)sqlite3_column_bytes(st, c);
		break;
	}
	lg_error_t err = LG_ERROR_INIT;
	if (lg_codec_encode_text(col->type, col->typmod, &v, out, &err))
		ck_abort_msg("encode: %s", lg_error_message(&err));
}

/* Translates `sql` as PostgreSQL text, runs it and returns its rows as
 * psql -At prints them (fields joined by '|', rows by '\n'), or
 * "ERROR: ..." (static buffer). */
static const char *query(const char *sql)
{
	static char buf[8192];
	lg_rw_opts_t o = {cat, NULL, 0};
	lg_rw_stmt_t *s = NULL;
	lg_error_t err = LG_ERROR_INIT;
	if (lg_rw_translate(&o, sql, strlen(sql), &s, &err)) {
		snprintf(buf, sizeof(buf), "ERROR: %s", lg_error_message(&err));
		lg_error_clear(&err);
		return buf;
	}
	ck_assert_int_eq(s->nsql, 1);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, s->sql[0], -1, &st, NULL) != SQLITE_OK)
		ck_abort_msg("%s: %s", s->sql[0], sqlite3_errmsg(db));
	lg_sb_t out = LG_SB_INIT;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out.len)
			lg_sb_putc(&out, '\n');
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			if (c)
				lg_sb_putc(&out, '|');
			append_value(st, c, &s->cols[c], &out);
		}
	}
	if (rc != SQLITE_DONE)
		ck_abort_msg("%s: %s", s->sql[0], sqlite3_errmsg(db));
	sqlite3_finalize(st);
	lg_rw_stmt_release(s);
	snprintf(buf, sizeof(buf), "%s", out.len ? out.data : "");
	lg_sb_free(&out);
	return buf;
}

/* Before any other test: the first registration builds the process's
 * image, and a failed allocation there is an error, not a crash. */
START_TEST(building_survives_allocation_failures)
{
	for (long n = 0; n < 200; n++) {
		sqlite3 *d;
		lg_error_t err = LG_ERROR_INIT;
		ck_assert_int_eq(sqlite3_open(":memory:", &d), SQLITE_OK);
		lg_mem_fail_after(n);
		int rc = lg_cat_register_pg_catalog(d, &err);
		lg_mem_fail_after(-1);
		sqlite3_close(d);
		if (rc == 0)
			return;
		ck_assert(err.set);
		lg_error_clear(&err);
	}
	ck_abort_msg("never succeeded");
}
END_TEST

START_TEST(tables_resolve_in_schema_pg_catalog)
{
	lg_error_t err = LG_ERROR_INIT;
	const lg_cat_table_t *t = lg_cat_table(cat, "pg_catalog", "pg_type", &err);
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->schema, "pg_catalog");
	ck_assert_uint_eq(t->oid, 1247);
	ck_assert_int_eq(t->relkind, 'r');
	ck_assert(!t->temp);
	/* \d pg_type: 32 columns, PostgreSQL's attnums and types. */
	ck_assert_int_eq(t->ncols, 32);
	struct {
		const char *name;
		int attnum;
		lg_oid_t type;
	} want[] = {
		{"oid", 1, LG_OID_OID},
		{"typname", 2, LG_OID_NAME},
		{"typlen", 5, LG_OID_INT2},
		{"typbyval", 6, LG_OID_BOOL},
		{"typtype", 7, LG_OID_CHAR},
		{"typcategory", 8, LG_OID_CHAR},
		{"typsubscript", 13, LG_OID_REGPROC},
		{"typelem", 14, LG_OID_OID},
		{"typarray", 15, LG_OID_OID},
		{"typinput", 16, LG_OID_REGPROC},
		{"typtypmod", 27, LG_OID_INT4},
		{"typcollation", 29, LG_OID_OID},
		{"typdefault", 31, LG_OID_TEXT},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(want); i++) {
		const lg_cat_column_t *c = lg_cat_column(t, want[i].name);
		ck_assert_msg(c, "%s", want[i].name);
		ck_assert_int_eq(c->attnum, want[i].attnum);
		ck_assert_uint_eq(c->type, want[i].type);
		ck_assert_int_eq(c->typmod, -1);
	}
	ck_assert(lg_cat_column(t, "oid")->notnull);
	ck_assert(!lg_cat_column(t, "typdefault")->notnull);
	ck_assert_str_eq(t->indexes[0].name, "pg_type_oid_index");
	ck_assert(t->indexes[0].primary);

	t = lg_cat_table(cat, "pg_catalog", "pg_namespace", &err);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(t->oid, 2615);
	ck_assert_int_eq(t->ncols, 4);
	t = lg_cat_table(cat, "pg_catalog", "pg_range", &err);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(t->oid, 3541);
	ck_assert_int_eq(t->ncols, 7);
	ck_assert_uint_eq(lg_cat_column(t, "rngcanonical")->type, LG_OID_REGPROC);

	ck_assert_ptr_null(lg_cat_table(cat, "pg_catalog", "pg_nosuch", &err));
	ck_assert_ptr_null(lg_cat_table(cat, "pg_catalog", "sqlite_master", &err));
	ck_assert(!err.set);
}
END_TEST

START_TEST(search_path_and_user_tables)
{
	lg_error_t err = LG_ERROR_INIT;
	const lg_cat_table_t *t = lg_cat_table(cat, NULL, "pg_type", &err);
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->schema, "pg_catalog");
	ck_assert_ptr_null(lg_cat_table(cat, "public", "pg_type", &err));
	ck_assert_ptr_null(lg_cat_table(cat, "pg_temp", "pg_namespace", &err));
	ck_assert_int_eq(lg_cat_relkind(cat, NULL, "pg_type", &err), 'r');
	ck_assert_int_eq(lg_cat_relkind(cat, "pg_catalog", "pg_range", &err), 'r');
	ck_assert_int_eq(lg_cat_relkind(cat, "public", "pg_type", &err), 0);
	ck_assert_int_eq(lg_cat_relkind(cat, "pg_catalog", "users", &err), 0);

	/* Catalogs are not user tables; user tables are not in pg_catalog. */
	exec(db, "CREATE TABLE users (id int8 PRIMARY KEY)");
	lg_cat_invalidate(cat);
	const lg_cat_table_t *const *all;
	int n;
	ck_assert_int_eq(lg_cat_tables(cat, &all, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(all[0]->name, "users");
	ck_assert_ptr_null(lg_cat_table(cat, "pg_catalog", "users", &err));
	const lg_cat_table_t *ix_t;
	ck_assert_ptr_null(lg_cat_index(cat, "pg_catalog", "users_pkey", &ix_t, &err));
	ck_assert_int_eq(lg_cat_constraint_exists(cat, "pg_catalog", "users_pkey", &err), 0);
	ck_assert_int_eq(lg_cat_constraint_exists(cat, NULL, "users_pkey", &err), 1);
	ck_assert(!err.set);
}
END_TEST

/* Without the attached schema (a connection that did not register it),
 * pg_catalog names are simply not found. */
START_TEST(not_registered_is_not_found)
{
	sqlite3 *d;
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_int_eq(sqlite3_open(":memory:", &d), SQLITE_OK);
	lg_cat_t *c = lg_cat_new(d);
	ck_assert_ptr_null(lg_cat_table(c, NULL, "pg_type", &err));
	ck_assert_ptr_null(lg_cat_table(c, "pg_catalog", "pg_type", &err));
	ck_assert_int_eq(lg_cat_relkind(c, NULL, "pg_type", &err), 0);
	ck_assert(!err.set);
	lg_cat_free(c);
	sqlite3_close(d);
}
END_TEST

/* One row per type of types.def, agreeing with lg_cat_type_by_oid. */
START_TEST(a_row_for_every_known_type)
{
	static const lg_oid_t oids[] = {
#define X(name, oid, typname, len, cat, arr, elem, storage) oid,
#include "catalog/types.def"
#undef X
	};
	char sql[256];
	snprintf(sql, sizeof(sql), "select count(*) from pg_type");
	ck_assert_int_eq(atoi(query(sql)), (int)LG_ARRAY_LEN(oids));
	for (size_t i = 0; i < LG_ARRAY_LEN(oids); i++) {
		const lg_type_t *t = lg_cat_type_by_oid(oids[i]);
		/* name is an array of "char" to subscripting, not an array type. */
		lg_oid_t elem = t->oid == LG_OID_NAME ? LG_OID_CHAR : t->elem_oid;
		char want[256];
		snprintf(want, sizeof(want), "%s|%d|%c|%u|%u", t->name, t->typlen, t->category,
			 t->array_oid, elem);
		snprintf(sql, sizeof(sql),
			 "select typname, typlen, typcategory, typarray, typelem "
			 "from pg_type where oid = %u",
			 oids[i]);
		ck_assert_str_eq(query(sql), want);
	}
}
END_TEST

START_TEST(pg_type_rows_as_postgres_prints_them)
{
	ck_assert_str_eq(
		query("select * from pg_type where typname in ('int4', 'name', '_varchar', "
		      "'jsonb', 'numeric', 'timestamptz', 'unknown', 'record', '_timestamp', "
		      "'text', 'uuid', 'char') order by oid"),
		"18|char|11|10|1|t|b|Z|f|t|,|0|-|0|1002|charin|charout|charrecv|charsend|-|-|-|c|p|"
		"f|0|-1|0|0|||\n"
		"19|name|11|10|64|f|b|S|f|t|,|0|raw_array_subscript_handler|18|1003|namein|nameout|"
		"namerecv|namesend|-|-|-|c|p|f|0|-1|0|950|||\n"
		"23|int4|11|10|4|t|b|N|f|t|,|0|-|0|1007|int4in|int4out|int4recv|int4send|-|-|-|i|p|"
		"f|0|-1|0|0|||\n"
		"25|text|11|10|-1|f|b|S|t|t|,|0|-|0|1009|textin|textout|textrecv|textsend|-|-|-|i|"
		"x|f|0|-1|0|100|||\n"
		"705|unknown|11|10|-2|f|p|X|f|t|,|0|-|0|0|unknownin|unknownout|unknownrecv|"
		"unknownsend|-|-|-|c|p|f|0|-1|0|0|||\n"
		"1015|_varchar|11|10|-1|f|b|A|f|t|,|0|array_subscript_handler|1043|0|array_in|"
		"array_out|array_recv|array_send|varchartypmodin|varchartypmodout|array_typanalyze|"
		"i|x|f|0|-1|0|100|||\n"
		"1115|_timestamp|11|10|-1|f|b|A|f|t|,|0|array_subscript_handler|1114|0|array_in|"
		"array_out|array_recv|array_send|timestamptypmodin|timestamptypmodout|"
		"array_typanalyze|d|x|f|0|-1|0|0|||\n"
		"1184|timestamptz|11|10|8|t|b|D|t|t|,|0|-|0|1185|timestamptz_in|timestamptz_out|"
		"timestamptz_recv|timestamptz_send|timestamptztypmodin|timestamptztypmodout|-|d|p|"
		"f|0|-1|0|0|||\n"
		"1700|numeric|11|10|-1|f|b|N|f|t|,|0|-|0|1231|numeric_in|numeric_out|numeric_recv|"
		"numeric_send|numerictypmodin|numerictypmodout|-|i|m|f|0|-1|0|0|||\n"
		"2249|record|11|10|-1|f|p|P|f|t|,|0|-|0|2287|record_in|record_out|record_recv|"
		"record_send|-|-|-|d|x|f|0|-1|0|0|||\n"
		"2950|uuid|11|10|16|f|b|U|f|t|,|0|-|0|2951|uuid_in|uuid_out|uuid_recv|uuid_send|-|"
		"-|-|c|p|f|0|-1|0|0|||\n"
		"3802|jsonb|11|10|-1|f|b|U|f|t|,|0|jsonb_subscript_handler|0|3807|jsonb_in|"
		"jsonb_out|jsonb_recv|jsonb_send|-|-|-|i|x|f|0|-1|0|0|||");
}
END_TEST

/* postgres.js's connect-time query (fetch_types), and lookups as drivers
 * write them. */
START_TEST(driver_queries)
{
	ck_assert_str_eq(
		query("select b.oid, b.typarray from pg_catalog.pg_type a "
		      "left join pg_catalog.pg_type b on b.oid = a.typelem "
		      "where a.typcategory = 'A' group by b.oid, b.typarray order by b.oid"),
		"16|1000\n17|1001\n18|1002\n19|1003\n20|1016\n21|1005\n23|1007\n25|1009\n26|1028\n"
		"114|199\n700|1021\n701|1022\n1042|1014\n1043|1015\n1082|1182\n1083|1183\n"
		"1114|1115\n1184|1185\n1186|1187\n1700|1231\n2950|2951\n3802|3807");
	ck_assert_str_eq(query("select oid, typname from pg_type where typname = 'int4'"),
			 "23|int4");
	ck_assert_str_eq(query("select t.typname, n.nspname from pg_catalog.pg_type t "
			       "join pg_catalog.pg_namespace n on n.oid = t.typnamespace "
			       "where t.oid = 1043"),
			 "varchar|pg_catalog");
	ck_assert_str_eq(query("select oid, nspname, nspowner from pg_namespace order by oid"),
			 "11|pg_catalog|10\n99|pg_toast|10\n2200|public|6171\n"
			 "13207|information_schema|10");
	ck_assert_str_eq(query("select count(*) from pg_range"), "0");
}
END_TEST

/* Each connection has its own copy, usable in write transactions. */
START_TEST(connections_are_independent)
{
	sqlite3 *other = open_db();
	exec(db, "DELETE FROM pg_catalog.pg_namespace WHERE oid = 99");
	exec(other, "BEGIN IMMEDIATE; CREATE TABLE t (a int4); COMMIT");
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(other, "SELECT count(*) FROM pg_catalog.pg_namespace",
					    -1, &st, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 4);
	sqlite3_finalize(st);
	ck_assert_str_eq(query("select count(*) from pg_namespace"), "3");
	sqlite3_close(other);
}
END_TEST

static Suite *pgcatalog_suite(void)
{
	Suite *s = suite_create("pgcatalog");
	TCase *tc = tcase_create("build");
	tcase_add_test(tc, building_survives_allocation_failures);
	suite_add_tcase(s, tc);
	tc = tcase_create("pgcatalog");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, tables_resolve_in_schema_pg_catalog);
	tcase_add_test(tc, search_path_and_user_tables);
	tcase_add_test(tc, not_registered_is_not_found);
	tcase_add_test(tc, a_row_for_every_known_type);
	tcase_add_test(tc, pg_type_rows_as_postgres_prints_them);
	tcase_add_test(tc, driver_queries);
	tcase_add_test(tc, connections_are_independent);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(pgcatalog_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
