/* libFuzzer target for the translator: the input is a query string. It is
 * split and every statement translated against a small schema (tables of
 * each column type, made through the translator itself); the SQLite SQL of
 * each plan is prepared, never run, so SQLite must accept everything the
 * translator emits. Linked with replay.c it replays a corpus instead. */
#include "catalog/functions.h"
#include "catalog/pg_catalog.h"
#include "catalog/schema.h"
#include "catalog/sequence.h"
#include "common/error.h"
#include "common/mem.h"
#include "rewrite/rewrite.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *db;
static lg_cat_t *cat;
static lg_cat_session_vars_t vars = {.database = "postgres", .user = "postgres"};

static const char *const schema[] = {
	"create table users (id serial primary key, email varchar(255) not null unique, "
	"name text, age int2 check (age >= 0), score numeric(10,2) default 0, "
	"active boolean default true, created_at timestamptz default now())",
	"create table posts (id bigserial primary key, author_id int references users (id) "
	"on delete cascade, title char(20), body text, data jsonb, meta json, "
	"uid uuid, day date, at time, ts timestamp, ratio real, weight double precision, "
	"blob bytea, tags text[])",
	"create index posts_author on posts (author_id, day desc)",
};

/* Translates one statement and, for SQL plans, prepares what it emits;
 * `run` executes it too (only for the schema above). */
static void translate(const char *sql, size_t len, bool run)
{
	lg_rw_opts_t opts = {.cat = cat};
	lg_rw_stmt_t *plan = NULL;
	lg_error_t err = LG_ERROR_INIT;
	if (lg_rw_translate(&opts, sql, len, &plan, &err) == 0) {
		for (int i = 0; plan->kind == LG_RW_SQL && i < plan->nsql; i++) {
			sqlite3_stmt *st = NULL;
			if (sqlite3_prepare_v2(db, plan->sql[i], -1, &st, NULL) == SQLITE_OK && run)
				while (sqlite3_step(st) == SQLITE_ROW)
					;
			sqlite3_finalize(st);
		}
		if (plan->ddl)
			lg_cat_invalidate(cat);
		lg_rw_stmt_release(plan);
	}
	lg_error_clear(&err);
}

static void setup(void)
{
	lg_error_t err = LG_ERROR_INIT;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    lg_cat_register_functions(db, &vars, &err) != 0 ||
	    lg_cat_register_sequences(db, NULL, &err) != 0 || lg_cat_register_pg_catalog(db, &err) != 0) {
		fprintf(stderr, "fuzz_rewrite setup: %s\n", err.message ? err.message : "sqlite");
		abort();
	}
	cat = lg_cat_new(db);
	for (size_t i = 0; i < sizeof(schema) / sizeof(schema[0]); i++)
		translate(schema[i], strlen(schema[i]), true);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	char *sql = malloc(size + 1);
	if (!sql)
		return 0;
	memcpy(sql, data, size);
	sql[size] = '\0';
	lg_rw_split_t split = {0};
	lg_error_t err = LG_ERROR_INIT;
	if (strlen(sql) == size && lg_rw_split(sql, &split, &err) == 0) {
		for (int i = 0; i < split.n; i++)
			translate(sql + split.spans[i].offset, (size_t)split.spans[i].len, false);
		lg_rw_split_free(&split);
	}
	lg_error_clear(&err);
	free(sql);
	return 0;
}
