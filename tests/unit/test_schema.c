/* Unit tests for catalog/schema*.c and catalog/sequence*.c against an
 * in-memory SQLite. Expected names, values and messages are what
 * PostgreSQL 15 produced for the same definitions. */
#include "catalog/udf.h"
#include "catalog/schema.h"
#include "catalog/schema_parse.h"
#include "catalog/sequence.h"
#include "catalog/types.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static sqlite3 *db;
static lg_cat_t *cat;

static void setup(void)
{
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(lg_cat_register_sequences(db, NULL, &err), 0);
	cat = lg_cat_new(db);
	ck_assert_ptr_nonnull(cat);
}

static void teardown(void)
{
	lg_cat_free(cat);
	lg_cat_close_connection(db);
}

static void exec(const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, msg);
}

/* Runs a one-value query; returns its text (static buffer) or the error. */
static const char *query1(const char *sql)
{
	static char buf[512];
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(buf, sizeof(buf), "prepare: %s", sqlite3_errmsg(db));
		return buf;
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		snprintf(buf, sizeof(buf), "%s", t ? (const char *)t : "NULL");
	} else if (rc == SQLITE_DONE) {
		snprintf(buf, sizeof(buf), "(none)");
	} else {
		snprintf(buf, sizeof(buf), "%s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return buf;
}

static const lg_cat_table_t *table(const char *name)
{
	lg_error_t err = LG_ERROR_INIT;
	const lg_cat_table_t *t = lg_cat_table(cat, NULL, name, &err);
	ck_assert_msg(!err.set, "%s", lg_error_message(&err));
	return t;
}

static const lg_cat_index_t *index_named(const lg_cat_table_t *t, const char *name)
{
	for (int i = 0; i < t->nindexes; i++)
		if (strcmp(t->indexes[i].name, name) == 0)
			return &t->indexes[i];
	ck_abort_msg("no index %s", name);
	return NULL;
}

/* The SQL rewrite/ddl.c emits for a Drizzle-style users/posts pair. */
static const char users_sql[] =
	"CREATE TABLE \"users\" (\"id\" int4 NOT NULL DEFAULT (nextval('users_id_seq')), "
	"\"email\" varchar(255) NOT NULL, \"price\" numeric TEXT(10,2) COLLATE BINARY, "
	"\"created_at\" timestamptz TEXT DEFAULT ('now'), "
	"CONSTRAINT \"users_pkey\" PRIMARY KEY (\"id\"), "
	"CONSTRAINT \"users_email_key\" UNIQUE (\"email\"), "
	"CONSTRAINT \"users_price_check\" CHECK (price > 0))";
static const char posts_sql[] =
	"CREATE TABLE \"posts\" (\"id\" int8 NOT NULL, \"author_id\" int4, \"title\" text, "
	"\"body\" text, CONSTRAINT \"posts_pkey\" PRIMARY KEY (\"id\"), "
	"CONSTRAINT \"posts_title_body_key\" UNIQUE (\"title\", \"body\"), "
	"CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY (\"author_id\") REFERENCES \"users\" "
	"(\"id\") ON DELETE CASCADE, "
	"CONSTRAINT \"my fk\" FOREIGN KEY (\"title\") REFERENCES \"posts\" (\"title\") "
	"ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED, "
	"CONSTRAINT \"posts_check\" CHECK (length(title) < length(body)))";

START_TEST(table_columns_and_types)
{
	exec(users_sql);
	const lg_cat_table_t *t = table("users");
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->schema, "public");
	ck_assert_int_eq(t->relkind, 'r');
	ck_assert_uint_eq(t->oid, LG_CAT_OID_FIRST + 1);
	ck_assert_int_eq(t->ncols, 4);
	const lg_cat_column_t *c = lg_cat_column(t, "id");
	ck_assert_uint_eq(c->type, LG_OID_INT4);
	ck_assert(c->notnull);
	ck_assert_int_eq(c->pk_index, 1);
	ck_assert_int_eq(c->attnum, 1);
	ck_assert_str_eq(c->default_sql, "nextval('users_id_seq')");
	c = lg_cat_column(t, "email");
	ck_assert_uint_eq(c->type, LG_OID_VARCHAR);
	ck_assert_int_eq(c->typmod, 259);
	ck_assert_ptr_null(c->default_sql);
	ck_assert(!c->has_default);
	c = lg_cat_column(t, "price");
	ck_assert_uint_eq(c->type, LG_OID_NUMERIC);
	ck_assert_int_eq(c->typmod, ((10 << 16) | 2) + 4);
	ck_assert(!c->notnull);
	c = lg_cat_column(t, "created_at");
	ck_assert_uint_eq(c->type, LG_OID_TIMESTAMPTZ);
	ck_assert_str_eq(c->default_sql, "'now'");
	ck_assert_ptr_null(lg_cat_column(t, "ID"));
	/* Cached until invalidated. */
	ck_assert_ptr_eq(table("users"), t);
	lg_cat_invalidate(cat);
	ck_assert_ptr_null(table("nope"));
}
END_TEST

START_TEST(constraint_names_from_the_create_text)
{
	exec(users_sql);
	exec(posts_sql);
	exec("CREATE INDEX \"posts_author_id_idx\" ON \"posts\" (\"author_id\")");
	const lg_cat_table_t *t = table("users");
	ck_assert_int_eq(t->nindexes, 2);
	ck_assert_str_eq(t->indexes[0].name, "users_pkey");
	ck_assert(t->indexes[0].primary && t->indexes[0].constraint && t->indexes[0].unique);
	ck_assert_str_eq(t->indexes[0].sqlite_name, "sqlite_autoindex_users_1");
	const lg_cat_index_t *ix = index_named(t, "users_email_key");
	ck_assert(ix->unique && ix->constraint && !ix->primary);
	ck_assert_int_eq(ix->ncols, 1);
	ck_assert_int_eq(ix->attnums[0], 2);
	ck_assert_int_eq(t->nchecks, 1);
	ck_assert_str_eq(t->checks[0].name, "users_price_check");
	ck_assert_str_eq(t->checks[0].expr_sql, "price > 0");

	t = table("posts");
	ck_assert_int_eq(t->nindexes, 3);
	ck_assert_str_eq(t->indexes[0].name, "posts_pkey");
	ix = index_named(t, "posts_title_body_key");
	ck_assert_int_eq(ix->ncols, 2);
	ck_assert_int_eq(ix->attnums[0], 3);
	ck_assert_int_eq(ix->attnums[1], 4);
	ix = index_named(t, "posts_author_id_idx");
	ck_assert(!ix->unique && !ix->constraint);
	ck_assert_ptr_eq(ix->sqlite_name, ix->name);
	ck_assert_int_eq(t->nfkeys, 2);
	const lg_cat_fkey_t *fk = &t->fkeys[0];
	ck_assert_str_eq(fk->name, "posts_author_id_fkey");
	ck_assert_str_eq(fk->ref_table, "users");
	ck_assert_int_eq(fk->ncols, 1);
	ck_assert_int_eq(fk->attnums[0], 2);
	ck_assert_str_eq(fk->ref_cols[0], "id");
	ck_assert_int_eq(fk->on_delete, LG_FK_CASCADE);
	ck_assert_int_eq(fk->on_update, LG_FK_NO_ACTION);
	ck_assert(!fk->deferrable);
	fk = &t->fkeys[1];
	ck_assert_str_eq(fk->name, "my fk");
	ck_assert_int_eq(fk->on_update, LG_FK_SET_NULL);
	ck_assert(fk->deferrable && fk->deferred);
	ck_assert_str_eq(t->checks[0].name, "posts_check");
}
END_TEST

START_TEST(default_names_for_foreign_tables)
{
	/* A table some other SQLite tool made: PostgreSQL's default names. */
	exec("CREATE TABLE x (id INTEGER PRIMARY KEY, e TEXT UNIQUE, p INTEGER REFERENCES x, "
	     "a INT, b INT, CHECK (a > 0), CHECK (b > 0), UNIQUE (a, b))");
	const lg_cat_table_t *t = table("x");
	ck_assert_int_eq(t->nindexes, 3);
	ck_assert_str_eq(t->indexes[0].name, "x_pkey");
	ck_assert(t->indexes[0].primary);
	ck_assert_ptr_null(t->indexes[0].sqlite_name);
	ck_assert_int_eq(t->indexes[0].attnums[0], 1);
	index_named(t, "x_e_key");
	index_named(t, "x_a_b_key");
	ck_assert_int_eq(t->nfkeys, 1);
	ck_assert_str_eq(t->fkeys[0].name, "x_p_fkey");
	ck_assert_str_eq(t->fkeys[0].ref_cols[0], "id");
	ck_assert_uint_eq(lg_cat_column(t, "e")->type, LG_OID_TEXT);
	ck_assert_int_eq(t->nchecks, 2);
	ck_assert_str_eq(t->checks[0].name, "x_check");
	ck_assert_str_eq(t->checks[1].name, "x_check1");
}
END_TEST

START_TEST(editing_the_create_text)
{
	lg_error_t err = LG_ERROR_INIT;
	exec(users_sql);
	exec(posts_sql);
	exec("CREATE TABLE x (id INTEGER PRIMARY KEY, p INTEGER REFERENCES x, d TEXT DEFAULT 'a', "
	     "n INT DEFAULT -1 NOT NULL)");
	const lg_cat_table_t *t = table("posts");
	lg_sb_t out = LG_SB_INIT;
	ck_assert_int_eq(lg_cat_sql_drop_fkey(t, t->sql, &t->fkeys[0], &out, &err), 1);
	ck_assert_str_eq(
		out.data,
		"CREATE TABLE \"posts\" (\"id\" int8 NOT NULL, \"author_id\" int4, \"title\" text, "
		"\"body\" text, CONSTRAINT \"posts_pkey\" PRIMARY KEY (\"id\"), "
		"CONSTRAINT \"posts_title_body_key\" UNIQUE (\"title\", \"body\"), "
		"CONSTRAINT \"my fk\" FOREIGN KEY (\"title\") REFERENCES \"posts\" (\"title\") "
		"ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED, "
		"CONSTRAINT \"posts_check\" CHECK (length(title) < length(body)))");
	lg_sb_t out2 = LG_SB_INIT;
	ck_assert_int_eq(lg_cat_sql_drop_fkey(t, out.data, &t->fkeys[1], &out2, &err), 1);
	ck_assert_ptr_null(strstr(out2.data, "FOREIGN KEY"));
	ck_assert_ptr_nonnull(
		strstr(out2.data, "(\"title\", \"body\"), CONSTRAINT \"posts_check\""));
	lg_sb_reset(&out);
	ck_assert_int_eq(lg_cat_sql_drop_fkey(t, out2.data, &t->fkeys[1], &out, &err), 0);
	lg_sb_reset(&out);
	t = table("users");
	ck_assert_int_eq(lg_cat_sql_drop_default(t->sql, "id", &out, &err), 1);
	ck_assert_ptr_nonnull(strstr(out.data, "(\"id\" int4 NOT NULL, \"email\""));
	lg_sb_reset(&out);
	ck_assert_int_eq(lg_cat_sql_drop_default(t->sql, "email", &out, &err), 0);
	/* Column constraints of a table another tool made. */
	t = table("x");
	lg_sb_reset(&out);
	ck_assert_int_eq(lg_cat_sql_drop_fkey(t, t->sql, &t->fkeys[0], &out, &err), 1);
	ck_assert_str_eq(out.data,
			 "CREATE TABLE x (id INTEGER PRIMARY KEY, p INTEGER, d TEXT DEFAULT "
			 "'a', n INT DEFAULT -1 NOT NULL)");
	lg_sb_reset(&out2);
	ck_assert_int_eq(lg_cat_sql_drop_default(out.data, "n", &out2, &err), 1);
	lg_sb_reset(&out);
	ck_assert_int_eq(lg_cat_sql_drop_default(out2.data, "D", &out, &err), 1);
	ck_assert_str_eq(
		out.data,
		"CREATE TABLE x (id INTEGER PRIMARY KEY, p INTEGER, d TEXT, n INT NOT NULL)");
	lg_sb_free(&out);
	lg_sb_free(&out2);
	ck_assert(!err.set);
}
END_TEST

START_TEST(parser_survives_truncation)
{
	/* Every prefix of a stored text, and some odd quoting, parse without
	 * reading past the end (run under ASan). */
	static const char *const texts[] = {
		posts_sql,
		"CREATE TABLE [a b] (`x` int CONSTRAINT \"q\"\"r\" CHECK (x > ')'), /* c */ y -- "
		"z\n)",
		"CREATE TABLE t (a int REFERENCES",
		"CREATE TABLE t (a int DEFAULT -",
	};
	for (size_t k = 0; k < LG_ARRAY_LEN(texts); k++) {
		size_t len = strlen(texts[k]);
		for (size_t i = 0; i <= len; i++) {
			char *prefix = strndup(texts[k], i);
			lg_arena_t a;
			lg_con_t *cons;
			lg_arena_init(&a, 256);
			ck_assert_int_ge(lg_cat_parse_constraints(prefix, &a, &cons), 0);
			lg_arena_destroy(&a);
			free(prefix);
		}
	}
	lg_arena_t a;
	lg_con_t *cons;
	lg_arena_init(&a, 256);
	int n = lg_cat_parse_constraints(texts[1], &a, &cons);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(cons[0].name, "q\"r");
	ck_assert_str_eq(cons[0].expr, "x > ')'");
	ck_assert_str_eq(cons[0].cols[0], "x");
	lg_arena_destroy(&a);
}
END_TEST

START_TEST(object_names_follow_postgres)
{
	char name[LG_CAT_NAME_MAX + 1], add[2 * (LG_CAT_NAME_MAX + 1)];
	char a62[63], b45[46];
	memset(a62, 'a', 62);
	a62[62] = '\0';
	memset(b45, 'b', 45);
	b45[45] = '\0';
	lg_cat_object_name(name, a62, b45, "key");
	ck_assert_str_eq(name, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbb_key");
	lg_cat_object_name(name, a62, "c", "fkey");
	ck_assert_str_eq(name, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_c_fkey");
	lg_cat_object_name(name, "t", NULL, "pkey");
	ck_assert_str_eq(name, "t_pkey");
	const char *cols[] = {"title", "body"};
	lg_cat_name_addition(add, cols, 2);
	ck_assert_str_eq(add, "title_body");
	lg_cat_object_name(name, "posts", add, "key");
	ck_assert_str_eq(name, "posts_title_body_key");
	/* Truncation never splits a UTF-8 character. */
	char u[80] = "x";
	for (int i = 0; i < 31; i++)
		strcat(u, "\xc3\xa9");
	lg_cat_object_name(name, u, NULL, "pkey");
	ck_assert_uint_eq(strlen(name), 57 + 5);
}
END_TEST

START_TEST(names_in_pg_class_and_constraints)
{
	lg_error_t err = LG_ERROR_INIT;
	exec(users_sql);
	exec(posts_sql);
	exec("CREATE INDEX \"users_email_idx\" ON \"users\" (\"email\")");
	lg_sb_t sb = LG_SB_INIT;
	lg_cat_sequence_sql_create_table(&sb, false);
	exec(sb.data);
	lg_sb_free(&sb);
	exec("INSERT INTO main._lg_sequence VALUES ('users_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, "
	     "1, 0, 'users', 'id', NULL)");
	ck_assert_int_eq(lg_cat_relkind(cat, NULL, "users", &err), 'r');
	ck_assert_int_eq(lg_cat_relkind(cat, "public", "users", &err), 'r');
	ck_assert_int_eq(lg_cat_relkind(cat, "other", "users", &err), 0);
	ck_assert_int_eq(lg_cat_relkind(cat, NULL, "users_pkey", &err), 'i');
	ck_assert_int_eq(lg_cat_relkind(cat, NULL, "users_email_idx", &err), 'i');
	ck_assert_int_eq(lg_cat_relkind(cat, NULL, "users_id_seq", &err), 'S');
	ck_assert_int_eq(lg_cat_relkind(cat, NULL, "nope", &err), 0);
	ck_assert_int_eq(lg_cat_relkind(cat, NULL, "_lg_sequence", &err), 0);
	ck_assert_int_eq(lg_cat_constraint_exists(cat, NULL, "posts_check", &err), 1);
	ck_assert_int_eq(lg_cat_constraint_exists(cat, NULL, "users_email_key", &err), 1);
	ck_assert_int_eq(lg_cat_constraint_exists(cat, NULL, "posts_author_id_fkey", &err), 1);
	ck_assert_int_eq(lg_cat_constraint_exists(cat, NULL, "users_email_idx", &err), 0);
	ck_assert(!err.set);
	const lg_cat_table_t *t;
	const lg_cat_index_t *ix = lg_cat_index(cat, NULL, "users_email_key", &t, &err);
	ck_assert_ptr_nonnull(ix);
	ck_assert_str_eq(t->name, "users");
	const lg_cat_table_t *const *all;
	int n;
	ck_assert_int_eq(lg_cat_tables(cat, &all, &n, &err), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(all[0]->name, "users");
	ck_assert_str_eq(all[1]->name, "posts");
	ck_assert_ptr_null(table("_lg_sequence"));
	ck_assert_ptr_null(table("sqlite_master"));
}
END_TEST

START_TEST(temp_tables_shadow_main)
{
	exec("CREATE TABLE t (a int4)");
	exec("CREATE TEMP TABLE t (b text, CONSTRAINT \"t_pkey\" PRIMARY KEY (\"b\"))");
	const lg_cat_table_t *t = table("t");
	ck_assert(t->temp);
	ck_assert_str_eq(t->schema, "pg_temp");
	ck_assert_str_eq(t->cols[0].name, "b");
	ck_assert_uint_eq(t->oid, lg_cat_oid(LG_CAT_SLOT_TEMP, 1));
	lg_error_t err = LG_ERROR_INIT;
	t = lg_cat_table(cat, "public", "t", &err);
	ck_assert(!t->temp);
	ck_assert_str_eq(t->cols[0].name, "a");
}
END_TEST

/* ---- sequences ---- */

static void make_seq(const char *name, lg_oid_t type, const lg_cat_seq_opts_t *o)
{
	lg_error_t err = LG_ERROR_INIT;
	lg_cat_sequence_t s;
	memset(&s, 0, sizeof(s));
	snprintf(s.name, sizeof(s.name), "%s", name);
	lg_cat_seq_opts_t opts = o ? *o : (lg_cat_seq_opts_t){0};
	if (type) {
		opts.has_type = true;
		opts.type = type;
	}
	ck_assert_int_eq(lg_cat_sequence_apply(&s, &opts, true, &err), 0);
	lg_sb_t sb = LG_SB_INIT;
	lg_cat_sequence_sql_create_table(&sb, false);
	exec(sb.data);
	lg_sb_reset(&sb);
	lg_cat_sequence_sql_insert(&sb, &s);
	exec(sb.data);
	lg_sb_free(&sb);
}

START_TEST(restrict_is_a_marked_no_action)
{
	lg_error_t err = LG_ERROR_INIT;
	exec("CREATE TABLE rp (id int PRIMARY KEY)");
	exec("CREATE TABLE rc (a int, b int, CONSTRAINT rc_a_fkey FOREIGN KEY (a) REFERENCES rp (id) "
	     "ON DELETE " LG_FK_RESTRICT_SQL " ON UPDATE " LG_FK_RESTRICT_SQL ", "
	     "CONSTRAINT rc_b_fkey FOREIGN KEY (b) REFERENCES rp (id) ON DELETE " LG_FK_RESTRICT_SQL
	     ")");
	const lg_cat_table_t *t = lg_cat_table(cat, NULL, "rc", &err);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->nfkeys, 2);
	ck_assert_int_eq(t->fkeys[0].on_delete, LG_FK_RESTRICT);
	ck_assert_int_eq(t->fkeys[0].on_update, LG_FK_RESTRICT);
	ck_assert_int_eq(t->fkeys[1].on_delete, LG_FK_RESTRICT);
	ck_assert_int_eq(t->fkeys[1].on_update, LG_FK_NO_ACTION);
}
END_TEST

START_TEST(index_keys_from_the_create_text)
{
	static const char sql[] =
		"CREATE UNIQUE INDEX \"i\" ON \"t\" (\"a\", (lower(\"e\")) /*lg:25 lower(e)*/ DESC, "
		"(\"x\" + 1) /*lg:23 (x + 1)*/, \"b\" COLLATE \"C\", (f(',', ')'))) WHERE a > 0";
	lg_arena_t a;
	lg_cat_index_key_t *keys;
	lg_arena_init(&a, 256);
	ck_assert_int_eq(lg_cat_parse_index_keys(sql, &a, &keys), 5);
	ck_assert_str_eq(keys[0].sql, "\"a\"");
	ck_assert_ptr_null(keys[0].pg);
	ck_assert_str_eq(keys[1].sql, "(lower(\"e\"))");
	ck_assert_str_eq(keys[1].pg, "lower(e)");
	ck_assert_uint_eq(keys[1].type, 25);
	ck_assert_str_eq(keys[2].pg, "(x + 1)");
	ck_assert_uint_eq(keys[2].type, 23);
	ck_assert_str_eq(keys[3].sql, "\"b\"");
	ck_assert_str_eq(keys[4].sql, "(f(',', ')'))");
	ck_assert_ptr_null(keys[4].pg);
	/* Every prefix parses without reading past the end (ASan). */
	for (size_t i = 0; i <= strlen(sql); i++) {
		char *prefix = strndup(sql, i);
		ck_assert_int_ge(lg_cat_parse_index_keys(prefix, &a, &keys), 0);
		free(prefix);
	}
	lg_arena_destroy(&a);
}
END_TEST

START_TEST(nextval_currval_lastval_setval)
{
	make_seq("s", 0, NULL);
	ck_assert_str_eq(
		query1("SELECT currval('s')"),
		"SQLSTATE 55000: currval of sequence \"s\" is not yet defined in this session");
	ck_assert_str_eq(query1("SELECT lastval()"),
			 "SQLSTATE 55000: lastval is not yet defined in this session");
	ck_assert_str_eq(query1("SELECT nextval('s')"), "1");
	ck_assert_str_eq(query1("SELECT nextval('S')"), "2");
	ck_assert_str_eq(query1("SELECT nextval('public.s')"), "3");
	ck_assert_str_eq(query1("SELECT currval('s') || ',' || lastval()"), "3,3");
	ck_assert_str_eq(
		query1("SELECT setval('s', 10) || ',' || currval('s') || ',' || lastval()"),
		"10,10,10");
	ck_assert_str_eq(query1("SELECT nextval('s')"), "11");
	make_seq("s2", 0, NULL);
	ck_assert_str_eq(query1("SELECT setval('s2', 100, false) || ',' || lastval()"), "100,11");
	ck_assert_str_eq(
		query1("SELECT currval('s2')"),
		"SQLSTATE 55000: currval of sequence \"s2\" is not yet defined in this session");
	ck_assert_str_eq(query1("SELECT nextval('s2') || ',' || lastval()"), "100,100");
	ck_assert_str_eq(query1("SELECT setval('s2', 0)"),
			 "SQLSTATE 22003: setval: value 0 is out of bounds for sequence \"s2\" "
			 "(1..9223372036854775807)");
	ck_assert_str_eq(query1("SELECT nextval('nope')"),
			 "SQLSTATE 42P01: relation \"nope\" does not exist");
	ck_assert_str_eq(query1("SELECT nextval('\"S\"')"),
			 "SQLSTATE 42P01: relation \"S\" does not exist");
	ck_assert_str_eq(query1("SELECT nextval('other.s')"),
			 "SQLSTATE 3F000: schema \"other\" does not exist");
	exec("CREATE TABLE tab (a int4)");
	ck_assert_str_eq(query1("SELECT nextval('tab')"),
			 "SQLSTATE 42809: \"tab\" is not a sequence");
	ck_assert_str_eq(query1("SELECT nextval(NULL)"), "NULL");
	/* By OID. */
	ck_assert_str_eq(query1("SELECT nextval(16384 + (2 << 24) + 1)"), "12");
	/* lastval forgets a dropped sequence. */
	exec("DELETE FROM main._lg_sequence WHERE name = 's'");
	ck_assert_str_eq(query1("SELECT lastval()"),
			 "SQLSTATE 55000: lastval is not yet defined in this session");
}
END_TEST

/* Two connections to one database file, as two sessions of a server. */
static const char *query_on(sqlite3 *d, const char *sql)
{
	sqlite3 *keep = db;
	db = d;
	const char *r = query1(sql);
	db = keep;
	return r;
}

START_TEST(nextval_is_not_rolled_back)
{
	char path[] = "/tmp/lg-test-seq-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	sqlite3 *a, *b;
	lg_cat_seq_session_t *sa;
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_int_eq(sqlite3_open(path, &a), SQLITE_OK);
	ck_assert_int_eq(sqlite3_open(path, &b), SQLITE_OK);
	ck_assert_int_eq(lg_cat_register_sequences(a, &sa, &err), 0);
	ck_assert_int_eq(lg_cat_register_sequences(b, NULL, &err), 0);
	sqlite3 *keep = db;
	db = a;
	make_seq("s", 0, NULL);
	db = keep;
	ck_assert_str_eq(query_on(a, "SELECT nextval('s')"), "1");
	sqlite3_exec(a, "BEGIN", NULL, NULL, NULL);
	ck_assert_str_eq(query_on(a, "SELECT nextval('s')"), "2");
	sqlite3_exec(a, "ROLLBACK", NULL, NULL, NULL);
	/* The other connection sees the row say 1, and still gets 3. */
	ck_assert_str_eq(query_on(b, "SELECT last_value FROM _lg_sequence"), "1");
	ck_assert_str_eq(query_on(b, "SELECT nextval('s')"), "3");
	/* A statement undone and moved to a worker runs again with its values. */
	lg_cat_sequence_statement(sa);
	sqlite3_exec(a, "BEGIN", NULL, NULL, NULL);
	ck_assert_str_eq(query_on(a, "SELECT nextval('s')"), "4");
	sqlite3_exec(a, "ROLLBACK", NULL, NULL, NULL);
	lg_cat_sequence_rewind(sa);
	ck_assert_str_eq(query_on(a, "SELECT nextval('s')"), "4");
	/* A replay (constraint detail) repeats the statement's values. */
	lg_cat_sequence_statement(sa);
	ck_assert_str_eq(query_on(a, "SELECT nextval('s') || ',' || nextval('s')"), "5,6");
	lg_cat_sequence_replay(sa, true);
	ck_assert_str_eq(query_on(a, "SELECT nextval('s') || ',' || nextval('s')"), "5,6");
	lg_cat_sequence_replay(sa, false);
	ck_assert_str_eq(query_on(b, "SELECT nextval('s')"), "7");
	/* Dropping and creating it again starts afresh. */
	sqlite3_exec(a, "BEGIN", NULL, NULL, NULL);
	ck_assert_str_eq(query_on(a, "SELECT nextval('s')"), "8");
	sqlite3_exec(a, "ROLLBACK", NULL, NULL, NULL);
	lg_sb_t sb = LG_SB_INIT;
	lg_cat_sequence_sql_delete(&sb, false, "s");
	ck_assert_int_eq(sqlite3_exec(a, sb.data, NULL, NULL, NULL), SQLITE_OK);
	lg_sb_free(&sb);
	db = a;
	make_seq("s", 0, NULL);
	db = keep;
	ck_assert_str_eq(query_on(b, "SELECT nextval('s')"), "1");
	lg_cat_close_connection(a);
	lg_cat_close_connection(b);
	lg_cat_sequence_forget_under("/tmp");
	unlink(path);
}
END_TEST

START_TEST(sequence_limits_and_cycle)
{
	make_seq("s3", LG_OID_INT2, NULL);
	ck_assert_str_eq(query1("SELECT setval('s3', 32767)"), "32767");
	ck_assert_str_eq(
		query1("SELECT nextval('s3')"),
		"SQLSTATE 2200H: nextval: reached maximum value of sequence \"s3\" (32767)");
	lg_cat_seq_opts_t o = {0};
	o.has_increment = true;
	o.increment = 2;
	o.has_max = true;
	o.max = 5;
	o.has_min = true;
	o.min = 2;
	o.has_cycle = o.cycle = true;
	make_seq("a10", 0, &o);
	ck_assert_str_eq(query1("SELECT nextval('a10') || nextval('a10') || nextval('a10')"),
			 "242");
	o = (lg_cat_seq_opts_t){0};
	o.has_increment = true;
	o.increment = -2;
	o.has_min = true;
	o.min = -5;
	o.has_max = true;
	o.max = -1;
	make_seq("a12", 0, &o);
	ck_assert_str_eq(query1("SELECT nextval('a12') || nextval('a12') || nextval('a12')"),
			 "-1-3-5");
	ck_assert_str_eq(query1("SELECT nextval('a12')"),
			 "SQLSTATE 2200H: nextval: reached minimum value of sequence \"a12\" (-5)");
	/* Sequence state is part of the transaction (documented difference). */
	exec("BEGIN");
	make_seq("r", 0, NULL);
	ck_assert_str_eq(query1("SELECT nextval('r')"), "1");
	exec("ROLLBACK");
}
END_TEST

static const char *apply_error(const lg_cat_seq_opts_t *o, lg_cat_sequence_t *s, bool is_new)
{
	static char buf[256];
	lg_error_t err = LG_ERROR_INIT;
	if (lg_cat_sequence_apply(s, o, is_new, &err) == 0)
		return "ok";
	snprintf(buf, sizeof(buf), "%s %s", lg_sqlstate_code(err.sqlstate), lg_error_message(&err));
	lg_error_clear(&err);
	return buf;
}

START_TEST(sequence_options_like_init_params)
{
	lg_cat_sequence_t s;
	lg_cat_seq_opts_t o = {0};
	memset(&s, 0, sizeof(s));
	o.has_min = true;
	o.min = -5;
	ck_assert_str_eq(apply_error(&o, &s, true), "ok");
	ck_assert_int_eq(s.start, -5);
	ck_assert_int_eq(s.max, INT64_MAX);
	ck_assert_uint_eq(s.type, LG_OID_INT8);
	o = (lg_cat_seq_opts_t){
		.has_type = true, .type = LG_OID_INT4, .has_max = true, .max = 3000000000LL};
	ck_assert_str_eq(
		apply_error(&o, &s, true),
		"22023 MAXVALUE (3000000000) is out of range for sequence data type integer");
	o = (lg_cat_seq_opts_t){.has_type = true,
				.type = LG_OID_INT2,
				.has_start = true,
				.start = 5,
				.has_increment = true,
				.increment = -1};
	ck_assert_str_eq(apply_error(&o, &s, true),
			 "22023 START value (5) cannot be greater than MAXVALUE (-1)");
	o = (lg_cat_seq_opts_t){.has_start = true, .start = 5, .has_min = true, .min = 10};
	ck_assert_str_eq(apply_error(&o, &s, true),
			 "22023 START value (5) cannot be less than MINVALUE (10)");
	o = (lg_cat_seq_opts_t){.has_cache = true, .cache = 0};
	ck_assert_str_eq(apply_error(&o, &s, true), "22023 CACHE (0) must be greater than zero");
	o = (lg_cat_seq_opts_t){.has_increment = true, .increment = 0};
	ck_assert_str_eq(apply_error(&o, &s, true), "22023 INCREMENT must not be zero");
	o = (lg_cat_seq_opts_t){.has_min = true, .min = 10, .has_max = true, .max = 5};
	ck_assert_str_eq(apply_error(&o, &s, true),
			 "22023 MINVALUE (10) must be less than MAXVALUE (5)");
	o = (lg_cat_seq_opts_t){.has_type = true, .type = LG_OID_TEXT};
	ck_assert_str_eq(apply_error(&o, &s, true),
			 "22023 sequence type must be smallint, integer, or bigint");
	/* ALTER: integer -> smallint moves the type's own bound. */
	memset(&s, 0, sizeof(s));
	o = (lg_cat_seq_opts_t){.has_type = true, .type = LG_OID_INT4};
	ck_assert_str_eq(apply_error(&o, &s, true), "ok");
	o = (lg_cat_seq_opts_t){.has_type = true, .type = LG_OID_INT2};
	ck_assert_str_eq(apply_error(&o, &s, false), "ok");
	ck_assert_int_eq(s.max, 32767);
	ck_assert_int_eq(s.min, 1);
	o = (lg_cat_seq_opts_t){.restart = true, .has_restart = true, .restart_with = 0};
	ck_assert_str_eq(apply_error(&o, &s, false),
			 "22023 RESTART value (0) cannot be less than MINVALUE (1)");
	memset(&s, 0, sizeof(s));
	ck_assert_str_eq(apply_error(&(lg_cat_seq_opts_t){0}, &s, true), "ok");
	o = (lg_cat_seq_opts_t){.has_min = true, .min = 100};
	ck_assert_str_eq(apply_error(&o, &s, false),
			 "22023 START value (1) cannot be less than MINVALUE (100)");
}
END_TEST

START_TEST(identity_and_owned_sequences)
{
	lg_error_t err = LG_ERROR_INIT;
	exec("CREATE TABLE s1 (\"id\" int4 NOT NULL DEFAULT (nextval('s1_id_seq')), "
	     "\"x\" int4 NOT NULL DEFAULT (nextval('s1_x_seq')))");
	make_seq("other", 0, NULL);
	exec("INSERT INTO main._lg_sequence VALUES ('s1_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, "
	     "0, "
	     "'s1', 'id', 'a'), ('s1_x_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, 0, 's1', 'x', 'd')");
	const lg_cat_table_t *t = table("s1");
	ck_assert_int_eq(lg_cat_column(t, "id")->identity, 'a');
	ck_assert_int_eq(lg_cat_column(t, "x")->identity, 'd');
	exec("INSERT INTO s1 DEFAULT VALUES");
	exec("INSERT INTO s1 DEFAULT VALUES");
	ck_assert_str_eq(query1("SELECT group_concat(id || ':' || x) FROM s1"), "1:1,2:2");
	lg_cat_sequence_t v[4];
	ck_assert_int_eq(lg_cat_sequences_owned(cat, false, "s1", v, 4, &err), 2);
	ck_assert_str_eq(v[0].name, "s1_id_seq");
	ck_assert_str_eq(v[1].owner_column, "x");
	ck_assert_int_eq(v[1].identity, 'd');
	ck_assert_int_eq(v[1].last_value, 2);
	ck_assert(v[1].is_called);
	lg_cat_sequence_t s;
	ck_assert_int_eq(lg_cat_sequence(cat, NULL, "other", &s, &err), 1);
	ck_assert_uint_eq(s.oid, lg_cat_oid(LG_CAT_SLOT_SEQ, 1));
	ck_assert_str_eq(s.owner_table, "");
	ck_assert_int_eq(lg_cat_sequence(cat, "public", "nope", &s, &err), 0);
	ck_assert_int_eq(lg_cat_sequence(cat, "other", "other", &s, &err), 0);
	ck_assert(!err.set);
}
END_TEST

START_TEST(catalog_survives_allocation_failures)
{
	exec(users_sql);
	exec(posts_sql);
	for (long n = 0; n < 200; n++) {
		lg_error_t err = LG_ERROR_INIT;
		lg_cat_invalidate(cat);
		lg_mem_fail_after(n);
		const lg_cat_table_t *t = lg_cat_table(cat, NULL, "posts", &err);
		lg_mem_fail_after(-1);
		if (t) {
			ck_assert_str_eq(t->fkeys[0].name, "posts_author_id_fkey");
			break;
		}
		ck_assert(err.set);
		lg_error_clear(&err);
	}
}
END_TEST

static Suite *schema_suite(void)
{
	Suite *s = suite_create("schema");
	TCase *tc = tcase_create("schema");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, table_columns_and_types);
	tcase_add_test(tc, constraint_names_from_the_create_text);
	tcase_add_test(tc, default_names_for_foreign_tables);
	tcase_add_test(tc, editing_the_create_text);
	tcase_add_test(tc, parser_survives_truncation);
	tcase_add_test(tc, index_keys_from_the_create_text);
	tcase_add_test(tc, restrict_is_a_marked_no_action);
	tcase_add_test(tc, object_names_follow_postgres);
	tcase_add_test(tc, names_in_pg_class_and_constraints);
	tcase_add_test(tc, temp_tables_shadow_main);
	tcase_add_test(tc, catalog_survives_allocation_failures);
	suite_add_tcase(s, tc);
	tc = tcase_create("sequence");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, nextval_currval_lastval_setval);
	tcase_add_test(tc, nextval_is_not_rolled_back);
	tcase_add_test(tc, sequence_limits_and_cycle);
	tcase_add_test(tc, sequence_options_like_init_params);
	tcase_add_test(tc, identity_and_owned_sequences);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(schema_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
