/* Edits of a stored CREATE TABLE text that leave the table's on-disk format
 * unchanged (SQLite documents these as safe to make by rewriting
 * sqlite_schema): dropping a foreign key or a column's DEFAULT. The clause
 * is located with the tokenizer of schema_parse.c, never by pattern. */
#include "catalog/schema_int.h"
#include "catalog/schema_parse.h"
#include "common/error.h"
#include "common/strbuf.h"

#include <string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends sql without the clause of constraint c: a table element with the
 * comma before it, or a column constraint with the blanks before it. */
static void cut(const char *sql, const lg_con_t *c, lg_sb_t *out)
{
	int from = c->table_level ? c->elem_start : c->start;
	int to = c->table_level ? c->elem_end : c->end;
	while (from > 0 && is_space(sql[from - 1]))
		from--;
	if (c->table_level && from > 0 && sql[from - 1] == ',')
		from--;
	else if (c->table_level && sql[to] == ',')
		to++; /* the first element: take the comma after it */
	lg_sb_appendn(out, sql, (size_t)from);
	lg_sb_append(out, sql + to);
}

static int edit(const char *sql, bool (*match)(const lg_con_t *, const void *), const void *arg,
		lg_sb_t *out, lg_error_t *err)
{
	lg_arena_t a;
	lg_con_t *cons;
	lg_arena_init(&a, 4096);
	int n = lg_cat_parse_constraints(sql, &a, &cons), rc = 0;
	if (n < 0)
		rc = lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	for (int i = 0; i < n && rc == 0; i++) {
		if (match(&cons[i], arg)) {
			cut(sql, &cons[i], out);
			rc = 1;
		}
	}
	lg_arena_destroy(&a);
	if (rc == 1 && out->failed)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	return rc;
}

typedef struct fk_match {
	const lg_cat_table_t *t;
	const lg_cat_fkey_t *fk;
} fk_match_t;

static bool match_fkey(const lg_con_t *c, const void *arg)
{
	const fk_match_t *m = arg;
	if (c->kind != LG_CON_FOREIGN)
		return false;
	if (c->name)
		return strcmp(c->name, m->fk->name) == 0;
	if (c->ncols != m->fk->ncols || !c->ref_table ||
	    sqlite3_stricmp(c->ref_table, m->fk->ref_table) != 0)
		return false;
	for (int i = 0; i < c->ncols; i++) {
		int att = m->fk->attnums[i];
		if (att < 1 || att > m->t->ncols ||
		    sqlite3_stricmp(c->cols[i], m->t->cols[att - 1].name) != 0)
			return false;
	}
	return true;
}

int lg_cat_sql_drop_fkey(const lg_cat_table_t *t, const char *sql, const lg_cat_fkey_t *fk,
			 lg_sb_t *out, lg_error_t *err)
{
	fk_match_t m = {t, fk};
	return edit(sql, match_fkey, &m, out, err);
}

static bool match_default(const lg_con_t *c, const void *arg)
{
	return c->kind == LG_CON_DEFAULT && c->ncols == 1 && sqlite3_stricmp(c->cols[0], arg) == 0;
}

int lg_cat_sql_drop_default(const char *sql, const char *column, lg_sb_t *out, lg_error_t *err)
{
	return edit(sql, match_default, column, out, err);
}
