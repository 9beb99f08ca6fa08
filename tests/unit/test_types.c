/* Unit tests for catalog/types.h: the type table, name lookup, typmods,
 * format_type and the declared types written into SQLite's schema.
 * Expected values come from PostgreSQL 15.20 (query above each table). */
#include "catalog/types.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* select oid, typlen, typname from pg_type where oid in (...) */
static const struct {
	lg_oid_t oid;
	int16_t typlen;
	const char *name;
} pg_types[] = {
	{16, 1, "bool"},          {17, -1, "bytea"},
	{18, 1, "char"},          {19, 64, "name"},
	{20, 8, "int8"},          {21, 2, "int2"},
	{23, 4, "int4"},          {24, 4, "regproc"},
	{25, -1, "text"},         {26, 4, "oid"},
	{114, -1, "json"},        {199, -1, "_json"},
	{700, 4, "float4"},       {701, 8, "float8"},
	{705, -2, "unknown"},     {1000, -1, "_bool"},
	{1001, -1, "_bytea"},     {1002, -1, "_char"},
	{1003, -1, "_name"},      {1005, -1, "_int2"},
	{1007, -1, "_int4"},      {1009, -1, "_text"},
	{1014, -1, "_bpchar"},    {1015, -1, "_varchar"},
	{1016, -1, "_int8"},      {1021, -1, "_float4"},
	{1022, -1, "_float8"},    {1028, -1, "_oid"},
	{1042, -1, "bpchar"},     {1043, -1, "varchar"},
	{1082, 4, "date"},        {1083, 8, "time"},
	{1114, 8, "timestamp"},   {1115, -1, "_timestamp"},
	{1182, -1, "_date"},      {1183, -1, "_time"},
	{1184, 8, "timestamptz"}, {1185, -1, "_timestamptz"},
	{1186, 16, "interval"},   {1187, -1, "_interval"},
	{1231, -1, "_numeric"},   {1266, 12, "timetz"},
	{1700, -1, "numeric"},    {2205, 4, "regclass"},
	{2206, 4, "regtype"},     {2249, -1, "record"},
	{2278, 4, "void"},        {2950, 16, "uuid"},
	{2951, -1, "_uuid"},      {3802, -1, "jsonb"},
	{3807, -1, "_jsonb"},
};

START_TEST(table_matches_pg_type)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(pg_types); i++) {
		const lg_type_t *t = lg_cat_type_by_oid(pg_types[i].oid);
		ck_assert_ptr_nonnull(t);
		ck_assert_uint_eq(t->oid, pg_types[i].oid);
		ck_assert_str_eq(t->name, pg_types[i].name);
		ck_assert_int_eq(t->typlen, pg_types[i].typlen);
		ck_assert_int_eq(lg_cat_typlen(pg_types[i].oid), pg_types[i].typlen);
		ck_assert_ptr_eq(lg_cat_type_by_name(t->name), t);
		/* not every array type is in the table (_regclass, _timetz) */
		const lg_type_t *a = lg_cat_type_by_oid(t->array_oid);
		if (a)
			ck_assert_uint_eq(a->elem_oid, t->oid);
	}
	ck_assert_ptr_null(lg_cat_type_by_oid(0));
	ck_assert_ptr_null(lg_cat_type_by_oid(99999));
	ck_assert_int_eq(lg_cat_typlen(99999), -1);
}
END_TEST

/* select n, n::regtype::oid from unnest(array[...]) n */
static const struct {
	const char *name;
	lg_oid_t oid;
} names[] = {
	{"int", 23},
	{"integer", 23},
	{"smallint", 21},
	{"bigint", 20},
	{"boolean", 16},
	{"real", 700},
	{"float", 701},
	{"double precision", 701},
	{"decimal", 1700},
	{"dec", 1700},
	{"character varying", 1043},
	{"char varying", 1043},
	{"character", 1042},
	{"national character", 1042},
	{"nchar", 1042},
	{"timestamp without time zone", 1114},
	{"timestamp with time zone", 1184},
	{"time without time zone", 1083},
	{"time with time zone", 1266},
	{"int4", 23},
	{"varchar", 1043},
	{"timestamptz", 1184},
	{"pg_catalog.int4", 23},
	{"INTEGER", 23},
	{"Double   Precision", 701},
	{"int4[]", 1007},
	{"integer[]", 1007},
	{"character varying[]", 1015},
	{"text[]", 1009},
	{"_int4", 1007},
	/* The tree's quoted "char" arrives as char: the one-byte type. */
	{"char", 18},
};

START_TEST(lookup_by_name)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(names); i++) {
		const lg_type_t *t = lg_cat_type_by_name(names[i].name);
		ck_assert_msg(t != NULL, "%s not found", names[i].name);
		ck_assert_msg(t->oid == names[i].oid, "%s: %u", names[i].name, t->oid);
	}
	ck_assert_ptr_null(lg_cat_type_by_name("nosuchtype"));
	ck_assert_ptr_null(lg_cat_type_by_name(""));
	ck_assert_ptr_null(lg_cat_type_by_name(NULL));
	ck_assert_ptr_null(lg_cat_type_by_name("serial"));
}
END_TEST

/* create temp table t(a <type>); select atttypmod from pg_attribute ...
 * (interval modifiers as the grammar passes them: range mask, precision) */
static const struct {
	lg_oid_t oid;
	int n;
	int32_t mods[2];
	int32_t typmod;
	const char *decl;
} typmods[] = {
	{LG_OID_VARCHAR, 1, {255}, 259, "varchar(255)"},
	{LG_OID_BPCHAR, 1, {1}, 5, "bpchar(1)"},
	{LG_OID_NUMERIC, 2, {10, 2}, 655366, "numeric TEXT(10,2)"},
	{LG_OID_NUMERIC, 1, {10}, 655364, "numeric TEXT(10,0)"},
	{LG_OID_NUMERIC, 2, {5, -2}, 329730, "numeric TEXT(5,-2)"},
	{LG_OID_NUMERIC, 2, {2, 5}, 131081, "numeric TEXT(2,5)"},
	{LG_OID_NUMERIC, 2, {1000, 1000}, 65537004, "numeric TEXT(1000,1000)"},
	{LG_OID_NUMERIC, 2, {1, -1000}, 66588, "numeric TEXT(1,-1000)"},
	{LG_OID_TIMESTAMP, 1, {3}, 3, "timestamp TEXT(3)"},
	{LG_OID_TIMESTAMP, 1, {7}, 6, "timestamp TEXT(6)"},
	{LG_OID_TIMESTAMPTZ, 1, {0}, 0, "timestamptz TEXT(0)"},
	{LG_OID_TIME, 1, {6}, 6, "time TEXT(6)"},
	{LG_OID_TIMETZ, 1, {8}, 6, "timetz TEXT(6)"},
	{LG_OID_INTERVAL, 2, {0x7fff, 3}, 2147418115, "interval TEXT(32767,3)"},
	{LG_OID_INTERVAL, 2, {0x1c08, 2}, 470286338, "interval TEXT(7176,2)"},
	{LG_OID_INTERVAL, 1, {4}, 327679, "interval TEXT(4)"},
	{LG_OID_INTERVAL, 1, {0xc00}, 201392127, "interval TEXT(3072)"},
	{LG_OID_INTERVAL, 2, {0x1000, 7}, 268435462, "interval TEXT(4096,6)"},
	{LG_OID_VARCHAR_ARRAY, 1, {10}, 14, "_varchar(10)"},
	{LG_OID_NUMERIC_ARRAY, 2, {10, 2}, 655366, "_numeric TEXT(10,2)"},
};

START_TEST(typmod_values)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(typmods); i++) {
		lg_error_t err = LG_ERROR_INIT;
		int32_t tm = 12345;
		ck_assert_int_eq(
			lg_cat_typmod(typmods[i].oid, typmods[i].mods, typmods[i].n, &tm, &err), 0);
		ck_assert_int_eq(tm, typmods[i].typmod);
	}
	int32_t tm = 5;
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_int_eq(lg_cat_typmod(LG_OID_INT4, NULL, 0, &tm, &err), 0);
	ck_assert_int_eq(tm, -1);
}
END_TEST

/* create temp table t(a <type>) errors, VERBOSITY verbose */
static const struct {
	lg_oid_t oid;
	int n;
	int32_t mods[3];
	const char *state, *msg, *pg;
} typmod_errors[] = {
	{LG_OID_VARCHAR,
	 1,
	 {0},
	 "22023",
	 "length for type varchar must be at least 1",
	 "varchar(0)"},
	{LG_OID_VARCHAR,
	 1,
	 {-1},
	 "22023",
	 "length for type varchar must be at least 1",
	 "pg_catalog.varchar(-1)"},
	{LG_OID_BPCHAR, 1, {0}, "22023", "length for type char must be at least 1", "char(0)"},
	{LG_OID_VARCHAR,
	 1,
	 {10485761},
	 "22023",
	 "length for type varchar cannot exceed 10485760",
	 "varchar(10485761)"},
	{LG_OID_BPCHAR, 2, {1, 2}, "22023", "invalid type modifier", "bpchar(1,2)"},
	{LG_OID_NUMERIC,
	 1,
	 {0},
	 "22023",
	 "NUMERIC precision 0 must be between 1 and 1000",
	 "numeric(0)"},
	{LG_OID_NUMERIC,
	 1,
	 {1001},
	 "22023",
	 "NUMERIC precision 1001 must be between 1 and 1000",
	 "numeric(1001)"},
	{LG_OID_NUMERIC,
	 2,
	 {5, 1001},
	 "22023",
	 "NUMERIC scale 1001 must be between -1000 and 1000",
	 "numeric(5,1001)"},
	{LG_OID_NUMERIC,
	 2,
	 {5, -1001},
	 "22023",
	 "NUMERIC scale -1001 must be between -1000 and 1000",
	 "numeric(5,-1001)"},
	{LG_OID_NUMERIC, 3, {1, 2, 3}, "22023", "invalid NUMERIC type modifier", "numeric(1,2,3)"},
	{LG_OID_TIMESTAMPTZ,
	 1,
	 {-1},
	 "22023",
	 "TIMESTAMP(-1) WITH TIME ZONE precision must not be negative",
	 "timestamptz(-1)"},
	{LG_OID_TIMESTAMP,
	 1,
	 {-1},
	 "22023",
	 "TIMESTAMP(-1) precision must not be negative",
	 "pg_catalog.timestamp(-1)"},
	{LG_OID_TIME,
	 1,
	 {-1},
	 "22023",
	 "TIME(-1) precision must not be negative",
	 "pg_catalog.time(-1)"},
	{LG_OID_TIMETZ,
	 1,
	 {-2},
	 "22023",
	 "TIME(-2) WITH TIME ZONE precision must not be negative",
	 "pg_catalog.timetz(-2)"},
	{LG_OID_TIMESTAMPTZ, 2, {1, 2}, "22023", "invalid type modifier", "timestamptz(1,2)"},
	{LG_OID_INTERVAL,
	 1,
	 {5},
	 "22023",
	 "invalid INTERVAL type modifier",
	 "pg_catalog.interval(5)"},
	{LG_OID_TEXT, 1, {3}, "42601", "type modifier is not allowed for type \"text\"", "text(3)"},
	{LG_OID_UUID, 1, {3}, "42601", "type modifier is not allowed for type \"uuid\"", "uuid(3)"},
	{LG_OID_JSONB,
	 1,
	 {1},
	 "42601",
	 "type modifier is not allowed for type \"jsonb\"",
	 "jsonb(1)"},
};

START_TEST(typmod_errors_as_pg)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(typmod_errors); i++) {
		lg_error_t err = LG_ERROR_INIT;
		int32_t tm;
		ck_assert_int_eq(lg_cat_typmod(typmod_errors[i].oid, typmod_errors[i].mods,
					       typmod_errors[i].n, &tm, &err),
				 -1);
		ck_assert_msg(strcmp(lg_sqlstate_code(err.sqlstate), typmod_errors[i].state) == 0,
			      "%s: %s", typmod_errors[i].pg, lg_sqlstate_code(err.sqlstate));
		ck_assert_str_eq(lg_error_message(&err), typmod_errors[i].msg);
		lg_error_clear(&err);
	}
}
END_TEST

/* select format_type(o, m) from (values ...) v(o, m) */
static const struct {
	lg_oid_t oid;
	int32_t typmod;
	const char *text;
} formats[] = {
	{16, -1, "boolean"},
	{17, -1, "bytea"},
	{18, -1, "\"char\""},
	{18, 2, "\"char\"(2)"},
	{19, -1, "name"},
	{20, -1, "bigint"},
	{21, -1, "smallint"},
	{23, -1, "integer"},
	{23, 4, "integer"},
	{24, -1, "regproc"},
	{25, -1, "text"},
	{25, 7, "text(7)"},
	{26, -1, "oid"},
	{114, -1, "json"},
	{199, -1, "json[]"},
	{700, -1, "real"},
	{701, -1, "double precision"},
	{705, -1, "unknown"},
	{1000, -1, "boolean[]"},
	{1001, -1, "bytea[]"},
	{1002, -1, "\"char\"[]"},
	{1003, -1, "name[]"},
	{1005, -1, "smallint[]"},
	{1007, -1, "integer[]"},
	{1009, -1, "text[]"},
	{1014, -1, "bpchar[]"},
	{1014, 9, "character(5)[]"},
	{1015, -1, "character varying[]"},
	{1015, 14, "character varying(10)[]"},
	{1016, -1, "bigint[]"},
	{1021, -1, "real[]"},
	{1022, -1, "double precision[]"},
	{1028, -1, "oid[]"},
	{1042, -1, "bpchar"},
	{1042, 5, "character(1)"},
	{1042, 259, "character(255)"},
	{1043, -1, "character varying"},
	{1043, 5, "character varying(1)"},
	{1043, 259, "character varying(255)"},
	{1082, -1, "date"},
	{1082, 5, "date(5)"},
	{1083, -1, "time without time zone"},
	{1083, 0, "time(0) without time zone"},
	{1083, 3, "time(3) without time zone"},
	{1114, -1, "timestamp without time zone"},
	{1114, 3, "timestamp(3) without time zone"},
	{1114, 6, "timestamp(6) without time zone"},
	{1115, -1, "timestamp without time zone[]"},
	{1115, 3, "timestamp(3) without time zone[]"},
	{1182, -1, "date[]"},
	{1183, -1, "time without time zone[]"},
	{1184, -1, "timestamp with time zone"},
	{1184, 0, "timestamp(0) with time zone"},
	{1185, -1, "timestamp with time zone[]"},
	{1185, 2, "timestamp(2) with time zone[]"},
	{1186, -1, "interval"},
	{1186, 196607, "interval month"},
	{1186, 327679, "interval year"},
	{1186, 458751, "interval year to month"},
	{1186, 201392127, "interval hour to minute"},
	{1186, 470286338, "interval day to second(2)"},
	{1186, 2147418115, "interval(3)"},
	{1186, 268435462, "interval second(6)"},
	{1187, -1, "interval[]"},
	{1231, -1, "numeric[]"},
	{1231, 655366, "numeric(10,2)[]"},
	{1266, -1, "time with time zone"},
	{1266, 2, "time(2) with time zone"},
	{1700, -1, "numeric"},
	{1700, 131081, "numeric(2,5)"},
	{1700, 329730, "numeric(5,-2)"},
	{1700, 655366, "numeric(10,2)"},
	{1700, 65536004, "numeric(1000,0)"},
	{1700, 66588, "numeric(1,-1000)"},
	{2205, -1, "regclass"},
	{2206, -1, "regtype"},
	{2249, -1, "record"},
	{2278, -1, "void"},
	{2950, -1, "uuid"},
	{2951, -1, "uuid[]"},
	{3802, -1, "jsonb"},
	{3807, -1, "jsonb[]"},
	/* select format_type(99999,-1), format_type(1700, 3),
	 * format_type(1043, 2), format_type(1042, 0), format_type(0, -1) */
	{99999, -1, "???"},
	{1700, 3, "numeric"},
	{1043, 2, "character varying"},
	{1042, 0, "character"},
	{0, -1, "-"},
};

START_TEST(format_type_as_pg)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(formats); i++) {
		lg_sb_t sb = LG_SB_INIT;
		lg_cat_format_type(&sb, formats[i].oid, formats[i].typmod);
		ck_assert_msg(strcmp(sb.data, formats[i].text) == 0, "%u,%d: [%s] want [%s]",
			      formats[i].oid, formats[i].typmod, sb.data, formats[i].text);
		lg_sb_free(&sb);
	}
}
END_TEST

/* Declared types: litegres's own spelling round-trips every type and
 * typmod; the spelling keeps SQLite's affinity right for the storage. */
START_TEST(decltype_round_trip)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(pg_types); i++) {
		lg_sb_t sb = LG_SB_INIT;
		lg_cat_decltype(&sb, pg_types[i].oid, -1);
		lg_oid_t oid;
		int32_t tm;
		lg_cat_parse_decltype(sb.data, &oid, &tm);
		ck_assert_msg(oid == pg_types[i].oid && tm == -1, "%s -> %u/%d", sb.data, oid, tm);
		lg_sb_free(&sb);
	}
	for (size_t i = 0; i < LG_ARRAY_LEN(typmods); i++) {
		lg_sb_t sb = LG_SB_INIT;
		lg_cat_decltype(&sb, typmods[i].oid, typmods[i].typmod);
		ck_assert_str_eq(sb.data, typmods[i].decl);
		lg_oid_t oid;
		int32_t tm;
		lg_cat_parse_decltype(sb.data, &oid, &tm);
		ck_assert_msg(oid == typmods[i].oid && tm == typmods[i].typmod, "%s -> %u/%d",
			      sb.data, oid, tm);
		lg_sb_free(&sb);
	}
	static const struct {
		lg_oid_t oid;
		const char *decl;
	} spelled[] = {
		{LG_OID_INT4, "int4"},        {LG_OID_TEXT, "text"},
		{LG_OID_BOOL, "bool"},        {LG_OID_FLOAT8, "float8 BLOB"},
		{LG_OID_UUID, "uuid TEXT"},   {LG_OID_DATE, "date TEXT"},
		{LG_OID_JSONB, "jsonb TEXT"}, {LG_OID_INT4_ARRAY, "_int4 TEXT"},
		{LG_OID_TEXT_ARRAY, "_text"}, {LG_OID_BYTEA, "bytea"},
		{LG_OID_NAME, "name TEXT"},   {LG_OID_CHAR, "char"},
		{LG_OID_VARCHAR, "varchar"},  {LG_OID_TIMESTAMPTZ, "timestamptz TEXT"},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(spelled); i++) {
		lg_sb_t sb = LG_SB_INIT;
		lg_cat_decltype(&sb, spelled[i].oid, -1);
		ck_assert_str_eq(sb.data, spelled[i].decl);
		lg_sb_free(&sb);
	}
}
END_TEST

/* Tables made by other SQLite tools: SQLite's affinity rules, with
 * INTEGER and REAL as the 64-bit types they are in SQLite. */
START_TEST(decltype_foreign)
{
	static const struct {
		const char *decl;
		lg_oid_t oid;
		int32_t typmod;
	} foreign[] = {
		{"INTEGER", LG_OID_INT8, -1},
		{"integer", LG_OID_INT8, -1},
		{"INT", LG_OID_INT8, -1},
		{"BIGINT", LG_OID_INT8, -1},
		{"SMALLINT", LG_OID_INT2, -1},
		{"UNSIGNED BIG INT", LG_OID_INT8, -1},
		{"TINYINT", LG_OID_INT8, -1},
		{"REAL", LG_OID_FLOAT8, -1},
		{"DOUBLE", LG_OID_FLOAT8, -1},
		{"DOUBLE PRECISION", LG_OID_FLOAT8, -1},
		{"FLOAT", LG_OID_FLOAT8, -1},
		{"TEXT", LG_OID_TEXT, -1},
		{"CLOB", LG_OID_TEXT, -1},
		{"NVARCHAR(100)", LG_OID_TEXT, -1},
		{"VARCHAR(255)", LG_OID_VARCHAR, 259},
		{"varchar ( 10 )", LG_OID_VARCHAR, 14},
		{"CHARACTER(20)", LG_OID_BPCHAR, 24},
		{"CHAR(3)", LG_OID_BPCHAR, 7},
		{"BLOB", LG_OID_BYTEA, -1},
		{"", LG_OID_BYTEA, -1},
		{NULL, LG_OID_BYTEA, -1},
		{"NUMERIC", LG_OID_NUMERIC, -1},
		{"DECIMAL(10,5)", LG_OID_NUMERIC, (10 << 16 | 5) + 4},
		{"BOOLEAN", LG_OID_BOOL, -1},
		{"DATE", LG_OID_DATE, -1},
		{"DATETIME", LG_OID_TIMESTAMP, -1},
		{"TIMESTAMP", LG_OID_TIMESTAMP, -1},
		{"STRING", LG_OID_TEXT, -1},
		{"something odd", LG_OID_NUMERIC, -1},
		{"VARCHAR(0)", LG_OID_VARCHAR, -1},
		{"VARCHAR(abc)", LG_OID_VARCHAR, -1},
		{"  Numeric   Text ( 12 , 4 )", LG_OID_NUMERIC, (12 << 16 | 4) + 4},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(foreign); i++) {
		lg_oid_t oid;
		int32_t tm;
		lg_cat_parse_decltype(foreign[i].decl, &oid, &tm);
		ck_assert_msg(oid == foreign[i].oid && tm == foreign[i].typmod, "%s -> %u/%d",
			      foreign[i].decl ? foreign[i].decl : "(null)", oid, tm);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("types");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, table_matches_pg_type);
	tcase_add_test(tc, lookup_by_name);
	tcase_add_test(tc, typmod_values);
	tcase_add_test(tc, typmod_errors_as_pg);
	tcase_add_test(tc, format_type_as_pg);
	tcase_add_test(tc, decltype_round_trip);
	tcase_add_test(tc, decltype_foreign);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
