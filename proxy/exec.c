#include "proxy/exec.h"

#include "catalog/codec.h"
#include "catalog/types.h"
#include "common/error.h"
#include "common/strbuf.h"
#include "proxy/wire.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

sqlite3_stmt *lg_stmt_cache_get(lg_stmt_cache_t *c, const char *sql, bool *owned, int *rc);
void lg_stmt_cache_put(lg_stmt_cache_t *c, sqlite3_stmt *st, bool owned);

void lg_cursor_exec_init(lg_cursor_exec_t *c, lg_rw_stmt_t *plan)
{
	memset(c, 0, sizeof(*c));
	c->plan = plan;
	lg_rw_stmt_retain(plan);
}

void lg_cursor_exec_close(lg_cursor_exec_t *c, lg_stmt_cache_t *cache)
{
	if (c->st)
		lg_stmt_cache_put(cache, c->st, c->owns_st);
	c->st = NULL;
	if (c->plan)
		lg_rw_stmt_release(c->plan);
	c->plan = NULL;
}

static int bind_params(sqlite3_stmt *st, const lg_value_t *params, int nparams)
{
	int n = sqlite3_bind_parameter_count(st);
	if (n > nparams)
		n = nparams;
	for (int i = 0; i < n; i++) {
		const lg_value_t *v = &params[i];
		int rc = SQLITE_OK;
		switch (v->kind) {
		case LG_VAL_NULL: rc = sqlite3_bind_null(st, i + 1); break;
		case LG_VAL_INT: rc = sqlite3_bind_int64(st, i + 1, v->i); break;
		case LG_VAL_REAL: rc = sqlite3_bind_double(st, i + 1, v->r); break;
		case LG_VAL_TEXT:
			rc = sqlite3_bind_text64(st, i + 1, v->s, v->len, SQLITE_STATIC, SQLITE_UTF8);
			break;
		case LG_VAL_BLOB: rc = sqlite3_bind_blob64(st, i + 1, v->s, v->len, SQLITE_STATIC); break;
		}
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static void column_value(sqlite3_stmt *st, int i, lg_value_t *v)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		v->kind = LG_VAL_INT;
		v->i = sqlite3_column_int64(st, i);
		break;
	case SQLITE_FLOAT:
		v->kind = LG_VAL_REAL;
		v->r = sqlite3_column_double(st, i);
		break;
	case SQLITE_TEXT:
		v->kind = LG_VAL_TEXT;
		v->s = (const char *)sqlite3_column_text(st, i);
		v->len = (size_t)sqlite3_column_bytes(st, i);
		break;
	case SQLITE_BLOB:
		v->kind = LG_VAL_BLOB;
		v->s = sqlite3_column_blob(st, i);
		v->len = (size_t)sqlite3_column_bytes(st, i);
		break;
	default:
		v->kind = LG_VAL_NULL;
		break;
	}
}

static int16_t result_format(const lg_cursor_exec_t *c, int i)
{
	if (c->nformats == 0)
		return LG_WIRE_FORMAT_TEXT;
	if (c->nformats == 1)
		return c->formats[0];
	return i < c->nformats ? c->formats[i] : LG_WIRE_FORMAT_TEXT;
}

/* Appends the current row of `st` as a DataRow. */
static int send_row(const lg_cursor_exec_t *c, sqlite3_stmt *st, lg_sb_t *out, lg_error_t *err)
{
	const lg_rw_stmt_t *plan = c->plan;
	int ncols = plan->ncols;
	lg_msg_t m;
	lg_wire_datarow_begin(&m, out, ncols);
	for (int i = 0; i < ncols; i++) {
		lg_value_t v;
		column_value(st, i, &v);
		if (v.kind == LG_VAL_NULL) {
			lg_wire_datarow_null(&m);
			continue;
		}
		const lg_rw_column_t *col = &plan->cols[i];
		int16_t format = result_format(c, i);
		if (lg_wire_check_format(format, err) != 0)
			return -1;
		size_t mark = lg_wire_field_begin(&m);
		int rc = format == LG_WIRE_FORMAT_BINARY
			? lg_codec_encode_binary(col->type, col->typmod, &v, out, err)
			: lg_codec_encode_text(col->type, col->typmod, &v, out, err);
		if (rc != 0)
			return -1;
		lg_wire_field_end(&m, mark);
	}
	lg_msg_end(&m);
	if (out->failed)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	return 0;
}

/* Prepares and binds SQLite statement `idx` of the plan. */
static int start_statement(lg_cursor_exec_t *c, sqlite3 *db, lg_stmt_cache_t *cache, int idx,
			   lg_cat_t *cat, lg_error_t *err)
{
	int rc;
	bool owned;
	sqlite3_stmt *st = lg_stmt_cache_get(cache, c->plan->sql[idx], &owned, &rc);
	if (!st) {
		lg_exec_sqlite_error(db, rc, cat, err);
		return -1;
	}
	rc = bind_params(st, c->params, c->nparams);
	if (rc != SQLITE_OK) {
		lg_exec_sqlite_error(db, rc, cat, err);
		lg_stmt_cache_put(cache, st, owned);
		return -1;
	}
	c->st = st;
	c->owns_st = owned;
	return 0;
}

static void finish_statement(lg_cursor_exec_t *c, lg_stmt_cache_t *cache)
{
	lg_stmt_cache_put(cache, c->st, c->owns_st);
	c->st = NULL;
}

static int64_t now_usec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

lg_exec_status_t lg_exec_run(lg_cursor_exec_t *c, sqlite3 *db, lg_stmt_cache_t *cache,
			     lg_cat_t *cat, int64_t max_rows, int64_t deadline, lg_sb_t *out,
			     lg_error_t *err)
{
	const lg_rw_stmt_t *plan = c->plan;
	if (c->done)
		return LG_EXEC_DONE;
	while (c->next_sql < plan->nsql) {
		bool last = c->next_sql == plan->nsql - 1;
		if (!c->st && start_statement(c, db, cache, c->next_sql, cat, err) != 0)
			return LG_EXEC_ERROR;
		for (;;) {
			if (last && max_rows > 0 && c->rows_run == (uint64_t)max_rows)
				return LG_EXEC_SUSPENDED;
			int rc = sqlite3_step(c->st);
			if (rc == SQLITE_ROW) {
				if (!last || !plan->returns_rows)
					continue;
				if (send_row(c, c->st, out, err) != 0)
					return LG_EXEC_ERROR;
				c->rows++;
				c->rows_run++;
				if (deadline && (c->rows_run & 63) == 0 && now_usec() > deadline)
					return LG_EXEC_YIELD;
				continue;
			}
			if (rc == SQLITE_DONE)
				break;
			if ((rc & 0xff) == SQLITE_BUSY && c->rows == 0 &&
			    sqlite3_extended_errcode(db) != SQLITE_BUSY_SNAPSHOT) {
				/* Nothing of this statement happened: retry it later. */
				sqlite3_reset(c->st);
				return LG_EXEC_BUSY;
			}
			lg_exec_sqlite_error(db, rc, cat, err);
			if ((rc & 0xff) == SQLITE_CONSTRAINT)
				lg_exec_constraint_detail(db, c->st, cat, err);
			finish_statement(c, cache);
			return LG_EXEC_ERROR;
		}
		if (last)
			c->changes = sqlite3_changes64(db);
		finish_statement(c, cache);
		c->next_sql++;
	}
	c->done = true;
	return LG_EXEC_DONE;
}

lg_exec_status_t lg_exec_simple(sqlite3 *db, const char *sql, lg_error_t *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	sqlite3_free(msg);
	if (rc == SQLITE_OK)
		return LG_EXEC_DONE;
	if ((rc & 0xff) == SQLITE_BUSY)
		return LG_EXEC_BUSY;
	lg_exec_sqlite_error(db, rc, NULL, err);
	return LG_EXEC_ERROR;
}

void lg_exec_tag(const lg_cursor_exec_t *c, char *buf, size_t len)
{
	const lg_rw_stmt_t *plan = c->plan;
	switch (plan->tag_kind) {
	case LG_TAG_PLAIN:
		snprintf(buf, len, "%s", plan->tag);
		break;
	case LG_TAG_COUNT:
		snprintf(buf, len, "%s %llu", plan->tag,
			 (unsigned long long)(plan->returns_rows && strcmp(plan->tag, "SELECT") == 0
						      ? c->rows_run
						      : (uint64_t)c->changes));
		break;
	case LG_TAG_INSERT:
		snprintf(buf, len, "%s 0 %lld", plan->tag, (long long)c->changes);
		break;
	}
}

int lg_exec_decode_param(const lg_rw_stmt_t *plan, int i, int16_t format, const uint8_t *data,
			 int32_t len, lg_arena_t *arena, lg_value_t *out, lg_error_t *err)
{
	if (!data || len < 0) {
		out->kind = LG_VAL_NULL;
		return 0;
	}
	lg_oid_t oid = i < plan->nparams ? plan->param_types[i] : LG_OID_TEXT;
	if (format == LG_WIRE_FORMAT_BINARY)
		return lg_codec_decode_binary(oid, -1, data, (size_t)len, arena, out, err);
	return lg_codec_decode_text(oid, -1, (const char *)data, (size_t)len, arena, out, err);
}
