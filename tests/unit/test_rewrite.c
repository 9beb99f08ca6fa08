/* Unit tests for rewrite/: the golden runner over tests/golden/NNN-name.pg.sql
 * (format in tests/golden/README), the translation cache, error positions,
 * and an allocation-failure loop over lg_rw_translate. */
#include "catalog/udf.h"
#include "catalog/codec.h"
#include "catalog/functions.h"
#include "catalog/schema.h"
#include "catalog/sequence.h"
#include "catalog/types.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"
#include "rewrite/rewrite.h"

#include <check.h>
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a database for translating and running statements ---- */

typedef struct env {
	sqlite3 *db;
	lg_cat_t *cat;
	lg_cat_session_vars_t vars;
} env_t;

static void env_open(env_t *e)
{
	memset(e, 0, sizeof(*e));
	ck_assert_int_eq(sqlite3_open(":memory:", &e->db), SQLITE_OK);
	e->vars.database = "app";
	e->vars.user = "postgres";
	e->vars.xact_start_usec = INT64_C(1776938400123456); /* 2026-04-23 10:00:00.123456 */
	e->vars.stmt_start_usec = e->vars.xact_start_usec;
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_int_eq(lg_cat_register_functions(e->db, &e->vars, &err), 0);
	ck_assert_int_eq(lg_cat_register_sequences(e->db, NULL, &err), 0);
	sqlite3_exec(e->db, "PRAGMA foreign_keys=ON; PRAGMA case_sensitive_like=ON", 0, 0, 0);
	e->cat = lg_cat_new(e->db);
	ck_assert_ptr_nonnull(e->cat);
}

static void env_close(env_t *e)
{
	lg_cat_free(e->cat);
	lg_cat_close_connection(e->db);
}

static int translate(env_t *e, const char *sql, const lg_oid_t *types, int ntypes,
		     lg_rw_stmt_t **out, lg_error_t *err)
{
	lg_rw_opts_t o = {e->cat, types, ntypes};
	return lg_rw_translate(&o, sql, strlen(sql), out, err);
}

/* ---- golden files ---- */

static const char *type_name(lg_oid_t oid)
{
	const lg_type_t *t = lg_cat_type_by_oid(oid);
	return t ? t->name : "?";
}

static const char *kind_name(lg_rw_kind_t k)
{
	static const char *const names[] = {
		"SQL", "EMPTY", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
		"ROLLBACK_TO", "SET", "RESET", "SHOW", "SET_TRANSACTION", "CREATE_DATABASE",
		"DROP_DATABASE", "DISCARD_ALL", "DEALLOCATE",
	};
	return (size_t)k < sizeof(names) / sizeof(names[0]) ? names[k] : "?";
}

static void describe(const lg_rw_stmt_t *s, lg_sb_t *out)
{
	for (int i = 0; i < s->nsql; i++)
		lg_sb_appendf(out, "=> %s\n", s->sql[i]);
	if (s->kind != LG_RW_SQL) {
		lg_sb_appendf(out, "   kind: %s", kind_name(s->kind));
		if (s->name)
			lg_sb_appendf(out, " name=%s", s->name);
		if (s->value)
			lg_sb_appendf(out, " value=[%s]", s->value);
		if (s->template_db)
			lg_sb_appendf(out, " template=%s", s->template_db);
		if (s->missing_ok)
			lg_sb_append(out, " missing_ok");
		if (s->is_local)
			lg_sb_append(out, " local");
		if (s->isolation)
			lg_sb_appendf(out, " isolation=%d", (int)s->isolation);
		if (s->read_only >= 0)
			lg_sb_appendf(out, " read_only=%d", s->read_only);
		lg_sb_putc(out, '\n');
	}
	if (s->nparams) {
		lg_sb_append(out, "   params:");
		for (int i = 0; i < s->nparams; i++)
			lg_sb_appendf(out, " %s", type_name(s->param_types[i]));
		lg_sb_putc(out, '\n');
	}
	if (s->returns_rows) {
		lg_sb_append(out, "   columns:");
		for (int i = 0; i < s->ncols; i++) {
			const lg_rw_column_t *c = &s->cols[i];
			lg_sb_appendf(out, "%s %s %s", i ? "," : "", c->name, type_name(c->type));
			if (c->typmod >= 0)
				lg_sb_appendf(out, "(%d)", (int)c->typmod);
			if (c->table_oid)
				lg_sb_appendf(out, " @%d", c->attnum);
		}
		lg_sb_putc(out, '\n');
	}
	lg_sb_appendf(out, "   tag: %s%s%s%s\n", s->tag ? s->tag : "(none)",
		      s->tag_kind == LG_TAG_COUNT ? " <n>" : s->tag_kind == LG_TAG_INSERT ? " 0 <n>" : "",
		      s->ddl ? " [ddl]" : "", s->writes ? " [writes]" : "");
}

static void describe_error(const lg_error_t *err, lg_sb_t *out)
{
	lg_sb_appendf(out, "=> ERROR %s %s", lg_sqlstate_code(err->sqlstate), lg_error_message(err));
	if (err->position)
		lg_sb_appendf(out, " (position %d)", err->position);
	lg_sb_putc(out, '\n');
	for (int f = 0; f < LG_ERRF__COUNT; f++)
		if (err->fields[f] && (f == LG_ERRF_DETAIL || f == LG_ERRF_HINT))
			lg_sb_appendf(out, "   %s: %s\n", f == LG_ERRF_DETAIL ? "detail" : "hint",
				      err->fields[f]);
}

static int bind_args(env_t *e, sqlite3_stmt *st, const lg_rw_stmt_t *s, const char *args,
		     lg_arena_t *arena, lg_sb_t *out)
{
	char *copy = strdup(args);
	char *save = NULL;
	int i = 0;
	for (char *a = strtok_r(copy, "|", &save); a && i < s->nparams; a = strtok_r(NULL, "|", &save), i++) {
		while (*a == ' ')
			a++;
		size_t n = strlen(a);
		while (n && a[n - 1] == ' ')
			a[--n] = '\0';
		if (strcmp(a, "\\N") == 0)
			continue;
		lg_value_t v;
		lg_error_t err = LG_ERROR_INIT;
		if (lg_codec_decode_text(s->param_types[i], -1, a, n, arena, &v, &err)) {
			describe_error(&err, out);
			lg_error_clear(&err);
			free(copy);
			return -1;
		}
		if (v.kind == LG_VAL_INT)
			sqlite3_bind_int64(st, i + 1, v.i);
		else if (v.kind == LG_VAL_REAL)
			sqlite3_bind_double(st, i + 1, v.r);
		else if (v.kind == LG_VAL_TEXT)
			sqlite3_bind_text(st, i + 1, v.s, (int)v.len, SQLITE_TRANSIENT);
		else if (v.kind == LG_VAL_BLOB)
			sqlite3_bind_blob(st, i + 1, v.s, (int)v.len, SQLITE_TRANSIENT);
	}
	free(copy);
	(void)e;
	return 0;
}

static void print_row(sqlite3_stmt *st, const lg_rw_stmt_t *s, lg_sb_t *out)
{
	lg_sb_append(out, "   |");
	for (int c = 0; c < sqlite3_column_count(st); c++) {
		lg_value_t v = {0};
		switch (sqlite3_column_type(st, c)) {
		case SQLITE_INTEGER:
			v.kind = LG_VAL_INT, v.i = sqlite3_column_int64(st, c);
			break;
		case SQLITE_FLOAT:
			v.kind = LG_VAL_REAL, v.r = sqlite3_column_double(st, c);
			break;
		case SQLITE_TEXT:
			v.kind = LG_VAL_TEXT, v.s = (const char *)sqlite3_column_text(st, c);
			v.len = (size_t)sqlite3_column_bytes(st, c);
			break;
		case SQLITE_BLOB:
			v.kind = LG_VAL_BLOB, v.s = sqlite3_column_blob(st, c);
			v.len = (size_t)sqlite3_column_bytes(st, c);
			break;
		default:
			lg_sb_append(out, " NULL |");
			continue;
		}
		lg_sb_putc(out, ' ');
		lg_error_t err = LG_ERROR_INIT;
		lg_oid_t t = c < s->ncols ? s->cols[c].type : LG_OID_TEXT;
		int32_t tm = c < s->ncols ? s->cols[c].typmod : -1;
		if (lg_codec_encode_text(t, tm, &v, out, &err)) {
			lg_sb_appendf(out, "<encode error: %s>", lg_error_message(&err));
			lg_error_clear(&err);
		}
		lg_sb_append(out, " |");
	}
	lg_sb_putc(out, '\n');
}

/* Runs the plan's SQL; rows of the last statement are printed. */

/* A SQLite error as the golden files show it: a UDF's DETAIL/HINT fields
 * (catalog/udf.h) on lines of their own. */
static void append_sqlite_error(lg_sb_t *out, const char *msg)
{
	lg_sb_append(out, "   !! ");
	for (const char *p = msg; *p; p++) {
		if (*p == LG_UDF_FIELD_SEP && p[1]) {
			lg_sb_append(out, p[1] == 'H' ? "\n   !! HINT: " : "\n   !! DETAIL: ");
			p++;
			continue;
		}
		lg_sb_putc(out, *p);
	}
	lg_sb_putc(out, '\n');
}

static void execute(env_t *e, const lg_rw_stmt_t *s, const char *args, lg_sb_t *out)
{
	lg_arena_t arena;
	lg_arena_init(&arena, 1024);
	for (int i = 0; i < s->nsql; i++) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(e->db, s->sql[i], -1, &st, NULL) != SQLITE_OK) {
			lg_sb_appendf(out, "   !! prepare: %s\n", sqlite3_errmsg(e->db));
			break;
		}
		bool last = i == s->nsql - 1;
		if (s->nparams && !args) {
			sqlite3_finalize(st);
			continue; /* prepared only: the SQL is valid */
		}
		if (s->nparams && bind_args(e, st, s, args, &arena, out)) {
			sqlite3_finalize(st);
			break;
		}
		int rc, rows = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (last && s->returns_rows && rows++ < 50)
				print_row(st, s, out);
		if (rc != SQLITE_DONE)
			append_sqlite_error(out, sqlite3_errmsg(e->db));
		else if (last && !s->returns_rows && s->writes && !s->ddl)
			lg_sb_appendf(out, "   changes: %d\n", sqlite3_changes(e->db));
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			break;
	}
	if (s->ddl)
		lg_cat_invalidate(e->cat);
	lg_arena_destroy(&arena);
}

static int parse_types(const char *list, lg_oid_t *types, int max)
{
	int n = 0;
	char *copy = strdup(list), *save = NULL;
	for (char *t = strtok_r(copy, " ,", &save); t && n < max; t = strtok_r(NULL, " ,", &save)) {
		const lg_type_t *ty = strcmp(t, "0") == 0 ? NULL : lg_cat_type_by_name(t);
		types[n++] = ty ? ty->oid : 0;
	}
	free(copy);
	return n;
}

/* One blank-line separated block: directives, comments, one statement. */
static void run_block(env_t *e, char *block, lg_sb_t *out)
{
	lg_sb_t stmt = LG_SB_INIT;
	lg_oid_t types[16];
	int ntypes = 0;
	const char *args = NULL;
	for (char *line = strtok(block, "\n"); line; line = strtok(NULL, "\n")) {
		lg_sb_appendf(out, "%s\n", line);
		if (strncmp(line, "-- sqlite:", 10) == 0) {
			char *msg = NULL;
			if (sqlite3_exec(e->db, line + 10, 0, 0, &msg) != SQLITE_OK)
				lg_sb_appendf(out, "   !! %s\n", msg);
			sqlite3_free(msg);
			lg_cat_invalidate(e->cat);
		} else if (strncmp(line, "-- params:", 10) == 0) {
			ntypes = parse_types(line + 10, types, 16);
		} else if (strncmp(line, "-- args:", 8) == 0) {
			args = line + 8;
		} else if (strncmp(line, "--", 2) != 0) {
			lg_sb_appendf(&stmt, "%s%s", stmt.len ? "\n" : "", line);
		}
	}
	if (!stmt.len) {
		lg_sb_free(&stmt);
		return;
	}
	while (stmt.len && (stmt.data[stmt.len - 1] == ';' || stmt.data[stmt.len - 1] == ' '))
		stmt.data[--stmt.len] = '\0';
	lg_rw_stmt_t *s = NULL;
	lg_error_t err = LG_ERROR_INIT;
	if (translate(e, stmt.data, types, ntypes, &s, &err)) {
		describe_error(&err, out);
		lg_error_clear(&err);
	} else {
		describe(s, out);
		if (s->kind == LG_RW_SQL)
			execute(e, s, args, out);
		lg_rw_stmt_release(s);
	}
	lg_sb_free(&stmt);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	lg_sb_t sb = LG_SB_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		lg_sb_appendn(&sb, buf, n);
	fclose(f);
	char *s = lg_sb_detach(&sb);
	return s;
}

/* Splits on blank lines; output blocks are separated the same way. */
static void run_golden(const char *text, lg_sb_t *out)
{
	env_t e;
	env_open(&e);
	char *copy = strdup(text);
	char *p = copy;
	while (*p) {
		char *end = strstr(p, "\n\n");
		if (end)
			*end = '\0';
		if (*p) {
			run_block(&e, p, out);
			lg_sb_putc(out, '\n');
		}
		if (!end)
			break;
		p = end + 2;
		while (*p == '\n')
			p++;
	}
	free(copy);
	env_close(&e);
}

static int first_diff_line(const char *a, const char *b)
{
	int line = 1;
	for (; *a && *a == *b; a++, b++)
		if (*a == '\n')
			line++;
	return line;
}

START_TEST(golden_files)
{
	const char *root = getenv("LG_SOURCE_ROOT");
	ck_assert_msg(root != NULL, "LG_SOURCE_ROOT not set");
	bool update = getenv("LG_GOLDEN_UPDATE") && strcmp(getenv("LG_GOLDEN_UPDATE"), "1") == 0;
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/tests/golden", root);
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	ck_assert_int_ge(n, 0);
	int files = 0, failures = 0;
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t len = strlen(name);
		/* LG_GOLDEN_ONLY=010 restricts the run (and updates) to files
		 * whose names start with it. */
		const char *only = getenv("LG_GOLDEN_ONLY");
		if (len > 7 && strcmp(name + len - 7, ".pg.sql") == 0 &&
		    (!only || strncmp(name, only, strlen(only)) == 0)) {
			char in[2048], exp[2048];
			snprintf(in, sizeof(in), "%s/%s", dir, name);
			snprintf(exp, sizeof(exp), "%s/%.*s.sqlite.sql", dir, (int)(len - 7), name);
			char *text = slurp(in);
			ck_assert_ptr_nonnull(text);
			lg_sb_t out = LG_SB_INIT;
			run_golden(text, &out);
			ck_assert(!out.failed);
			char *want = slurp(exp);
			if (update) {
				FILE *f = fopen(exp, "wb");
				ck_assert_ptr_nonnull(f);
				fwrite(out.data, 1, out.len, f);
				fclose(f);
			} else if (!want || strcmp(want, out.data) != 0) {
				fprintf(stderr, "golden mismatch: %s (line %d); LG_GOLDEN_UPDATE=1 rewrites\n",
					exp, want ? first_diff_line(want, out.data) : 0);
				failures++;
			}
			lg_free(want);
			lg_free(text);
			lg_sb_free(&out);
			files++;
		}
		free(names[i]);
	}
	free(names);
	ck_assert_int_gt(files, 0);
	ck_assert_int_eq(failures, 0);
}
END_TEST

/* ---- split ---- */

START_TEST(split_statements)
{
	lg_rw_split_t sp;
	lg_error_t err = LG_ERROR_INIT;
	const char *q = "select 1; select ';' ;\n  insert into t values (1);  ";
	ck_assert_int_eq(lg_rw_split(q, &sp, &err), 0);
	ck_assert_int_eq(sp.n, 3);
	ck_assert_int_eq(strncmp(q + sp.spans[0].offset, "select 1", (size_t)sp.spans[0].len), 0);
	ck_assert_int_eq(sp.spans[0].len, 8);
	ck_assert_int_eq(strncmp(q + sp.spans[1].offset, "select ';'", (size_t)sp.spans[1].len), 0);
	ck_assert_int_eq(sp.spans[1].len, 10);
	ck_assert_int_eq(strncmp(q + sp.spans[2].offset, "insert into t values (1)",
				 (size_t)sp.spans[2].len), 0);
	lg_rw_split_free(&sp);

	ck_assert_int_eq(lg_rw_split(" -- nothing\n ; ", &sp, &err), 0);
	ck_assert_int_eq(sp.n, 0);
	lg_rw_split_free(&sp);

	ck_assert_int_eq(lg_rw_split("select 1; selec 2", &sp, &err), -1);
	ck_assert_int_eq(err.sqlstate, LG_SQLSTATE_SYNTAX_ERROR);
	ck_assert_str_eq(lg_error_message(&err), "syntax error at or near \"selec\"");
	ck_assert_int_eq(err.position, 11);
	lg_error_clear(&err);

	ck_assert_int_eq(lg_rw_split("select (1", &sp, &err), -1);
	ck_assert_str_eq(lg_error_message(&err), "syntax error at end of input");
	ck_assert_int_eq(err.position, 10);
	lg_error_clear(&err);
}
END_TEST

/* ---- positions ---- */

START_TEST(error_positions_count_characters)
{
	env_t e;
	env_open(&e);
	sqlite3_exec(e.db, "CREATE TABLE t(id int4)", 0, 0, 0);
	lg_rw_stmt_t *s;
	lg_error_t err = LG_ERROR_INIT;
	/* 'é' is two bytes but one character. */
	ck_assert_int_eq(translate(&e, "select 'é', nope from t", NULL, 0, &s, &err), -1);
	ck_assert_int_eq(err.sqlstate, LG_SQLSTATE_UNDEFINED_COLUMN);
	ck_assert_int_eq(err.position, 13);
	lg_error_clear(&err);
	ck_assert_int_eq(translate(&e, "select 1; select 2", NULL, 0, &s, &err), -1);
	ck_assert_int_eq(err.sqlstate, LG_SQLSTATE_SYNTAX_ERROR);
	lg_error_clear(&err);
	ck_assert_int_eq(translate(&e, "  ", NULL, 0, &s, &err), 0);
	ck_assert_int_eq(s->kind, LG_RW_EMPTY);
	lg_rw_stmt_release(s);
	env_close(&e);
}
END_TEST

/* ---- cache ---- */

START_TEST(cache_hits_and_evicts)
{
	env_t e;
	env_open(&e);
	lg_rw_cache_t *c = lg_rw_cache_new(2);
	ck_assert_ptr_nonnull(c);
	lg_rw_opts_t o = {e.cat, NULL, 0};
	lg_error_t err = LG_ERROR_INIT;
	lg_rw_stmt_t *a, *b, *x;
	const char *q1 = "select 1", *q2 = "select 2", *q3 = "select 3";
	ck_assert_int_eq(lg_rw_cache_translate(c, 1, &o, q1, strlen(q1), &a, &err), 0);
	ck_assert_int_eq(lg_rw_cache_translate(c, 1, &o, q1, strlen(q1), &b, &err), 0);
	ck_assert_ptr_eq(a, b); /* hit */
	ck_assert_int_eq(a->refcount, 3);
	lg_rw_stmt_release(b);
	/* another schema key is another entry */
	ck_assert_int_eq(lg_rw_cache_translate(c, 2, &o, q1, strlen(q1), &b, &err), 0);
	ck_assert_ptr_ne(a, b);
	lg_rw_stmt_release(b);
	/* parameter types are part of the key */
	lg_oid_t t[1] = {LG_OID_INT8};
	lg_rw_opts_t o2 = {e.cat, t, 1};
	const char *qp = "select $1";
	ck_assert_int_eq(lg_rw_cache_translate(c, 1, &o, qp, strlen(qp), &b, &err), 0);
	ck_assert_int_eq(lg_rw_cache_translate(c, 1, &o2, qp, strlen(qp), &x, &err), 0);
	ck_assert_ptr_ne(x, b);
	ck_assert_uint_eq(b->param_types[0], LG_OID_TEXT);
	ck_assert_uint_eq(x->param_types[0], LG_OID_INT8);
	lg_rw_stmt_release(b);
	lg_rw_stmt_release(x);
	/* q1 was evicted (capacity 2); our reference keeps it alive */
	ck_assert_int_eq(lg_rw_cache_translate(c, 1, &o, q2, strlen(q2), &b, &err), 0);
	ck_assert_int_eq(lg_rw_cache_translate(c, 1, &o, q3, strlen(q3), &x, &err), 0);
	ck_assert_int_eq(a->refcount, 1);
	lg_rw_stmt_release(a);
	lg_rw_stmt_release(b);
	lg_rw_stmt_release(x);
	/* errors are not cached */
	const char *bad = "select nope";
	ck_assert_int_eq(lg_rw_cache_translate(c, 1, &o, bad, strlen(bad), &a, &err), -1);
	lg_error_clear(&err);
	lg_rw_cache_free(c);
	env_close(&e);
}
END_TEST

/* ---- allocation failures ---- */

static const char *const oom_statements[] = {
	"select id, name, count(*) from t where id = $1 and name like 'a%' group by id, name "
	"order by 2 desc limit 10",
	"insert into t (id, name) values ($1, 'x'), (2, $2) on conflict (id) do update set name = "
	"excluded.name returning *",
	"update t set name = upper(name) || 'y' from u where u.tid = t.id returning t.id",
	"delete from t using u where u.tid = t.id",
	"select * from t join u on u.tid = t.id union all select 1, 'a', 2, 3 order by 1",
	"select (select max(id) from u), exists (select 1 from u), 1.5 + 2, now()",
	"begin isolation level serializable",
	"set search_path to a, b",
	"select nope from t",
};

/* A remembered split is the same as a fresh one; errors are not remembered. */
START_TEST(split_cache_matches_split)
{
	lg_rw_cache_t *c = lg_rw_cache_new(8);
	static const char *const texts[] = {"select 1; select 'a;b' ;  ", "select 2", "",
					    "insert into t values (1);select $$;$$"};
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
			lg_rw_split_t want = {0}, got = {0};
			lg_error_t err = LG_ERROR_INIT;
			ck_assert_int_eq(lg_rw_split(texts[i], &want, &err), 0);
			ck_assert_int_eq(lg_rw_cache_split(c, texts[i], &got, &err), 0);
			ck_assert_int_eq(got.n, want.n);
			for (int k = 0; k < want.n; k++) {
				ck_assert_int_eq(got.spans[k].offset, want.spans[k].offset);
				ck_assert_int_eq(got.spans[k].len, want.spans[k].len);
			}
			lg_rw_split_free(&want);
			lg_rw_split_free(&got);
		}
	}
	for (int round = 0; round < 2; round++) {
		lg_rw_split_t got = {0};
		lg_error_t err = LG_ERROR_INIT;
		ck_assert_int_eq(lg_rw_cache_split(c, "selec 1", &got, &err), -1);
		ck_assert_str_eq(lg_sqlstate_code(err.sqlstate), "42601");
		lg_error_clear(&err);
	}
	lg_rw_cache_free(c);
}
END_TEST

START_TEST(alloc_failure_loop)
{
	env_t e;
	env_open(&e);
	sqlite3_exec(e.db,
		     "CREATE TABLE t(id int4 PRIMARY KEY, name text);"
		     "CREATE TABLE u(tid int4, v \"numeric TEXT\")",
		     0, 0, 0);
	/* Load the catalog's tables once so they do not count. */
	for (size_t i = 0; i < sizeof(oom_statements) / sizeof(oom_statements[0]); i++) {
		lg_rw_stmt_t *s;
		lg_error_t err = LG_ERROR_INIT;
		if (translate(&e, oom_statements[i], NULL, 0, &s, &err) == 0)
			lg_rw_stmt_release(s);
		lg_error_clear(&err);
	}
	for (size_t i = 0; i < sizeof(oom_statements) / sizeof(oom_statements[0]); i++) {
		for (long n = 0;; n++) {
			lg_rw_stmt_t *s = NULL;
			lg_error_t err = LG_ERROR_INIT;
			lg_mem_fail_after(n);
			long before = lg_mem_injected_failures();
			int rc = translate(&e, oom_statements[i], NULL, 0, &s, &err);
			bool injected = lg_mem_injected_failures() != before;
			lg_mem_fail_after(-1);
			if (rc == 0) {
				ck_assert_ptr_nonnull(s);
				lg_rw_stmt_release(s);
			} else {
				ck_assert(err.set);
			}
			lg_error_clear(&err);
			if (!injected)
				break;
			ck_assert_int_lt(n, 100000);
		}
	}
	env_close(&e);
}
END_TEST

static Suite *rewrite_suite(void)
{
	Suite *s = suite_create("rewrite");
	TCase *tc = tcase_create("rewrite");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, split_statements);
	tcase_add_test(tc, error_positions_count_characters);
	tcase_add_test(tc, cache_hits_and_evicts);
	tcase_add_test(tc, split_cache_matches_split);
	tcase_add_test(tc, alloc_failure_loop);
	tcase_add_test(tc, golden_files);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rewrite_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
