/* The extended query protocol: Parse, Bind, Describe, Execute, Close, Sync,
 * Flush. After an error everything up to Sync is discarded; the implicit
 * transaction of the messages before Sync commits at Sync. */
#include "proxy/session.h"

#include "catalog/types.h"
#include "common/mem.h"
#include "proxy/server.h"
#include "proxy/wire.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* ---- prepared statements and portals ----------------------------------------- */

static lg_prepared_t *find_prepared(lg_session_t *s, const char *name)
{
	for (lg_prepared_t *p = s->prepared; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

static void free_prepared(lg_prepared_t *p)
{
	if (p->plan)
		lg_rw_stmt_release(p->plan);
	lg_free(p->name);
	lg_free(p->sql);
	lg_free(p->param_types);
	lg_free(p);
}

bool lg_session_remove_prepared(lg_session_t *s, const char *name)
{
	for (lg_prepared_t **pp = &s->prepared; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			lg_prepared_t *p = *pp;
			*pp = p->next;
			free_prepared(p);
			return true;
		}
	}
	return false;
}

void lg_session_drop_prepared(lg_session_t *s)
{
	while (s->prepared) {
		lg_prepared_t *p = s->prepared;
		s->prepared = p->next;
		free_prepared(p);
	}
}

static lg_portal_t *find_portal(lg_session_t *s, const char *name)
{
	for (lg_portal_t *p = s->portals; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

static void free_portal(lg_session_t *s, lg_portal_t *p)
{
	lg_cursor_exec_close(&p->cur, s->stmts);
	lg_arena_destroy(&p->arena);
	lg_free(p->name);
	lg_free(p);
}

static void remove_portal(lg_session_t *s, const char *name)
{
	for (lg_portal_t **pp = &s->portals; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			lg_portal_t *p = *pp;
			*pp = p->next;
			free_portal(s, p);
			return;
		}
	}
}

void lg_session_drop_portals(lg_session_t *s)
{
	while (s->portals) {
		lg_portal_t *p = s->portals;
		s->portals = p->next;
		free_portal(s, p);
	}
}

void lg_session_drop_unnamed(lg_session_t *s)
{
	remove_portal(s, "");
	lg_session_remove_prepared(s, "");
}

static int oom(lg_session_t *s)
{
	return lg_error_set(&s->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

/* ---- Parse ---------------------------------------------------------------- */

static int handle_parse(lg_session_t *s, const uint8_t *body, size_t len)
{
	lg_fe_parse_t m;
	if (lg_wire_decode_parse(body, len, &s->arena, &m, &s->err) != 0)
		return -1;
	if (m.name[0] && find_prepared(s, m.name))
		return lg_error_set(&s->err, LG_SQLSTATE_DUPLICATE_PREPARED_STATEMENT,
				    "prepared statement \"%s\" already exists", m.name);
	lg_rw_split_t split = {0};
	if (lg_rw_cache_split(s->srv->cache, m.query, &split, &s->err) != 0)
		return -1;
	int n = split.n;
	lg_rw_span_t span = n > 0 ? split.spans[0] : (lg_rw_span_t){0, 0};
	lg_rw_split_free(&split);
	if (n > 1)
		return lg_error_set(&s->err, LG_SQLSTATE_SYNTAX_ERROR,
				    "cannot insert multiple commands into a prepared statement");
	lg_rw_stmt_t *plan = NULL;
	if (lg_session_translate(s, m.query + span.offset, n ? (size_t)span.len : 0, m.param_types,
				 m.nparams, &plan) != 0) {
		if (s->err.position > 0)
			s->err.position += lg_session_chars_before(m.query, (size_t)span.offset);
		return -1;
	}
	if (lg_session_check_allowed(s, plan) != 0 && s->xact == LG_XACT_FAILED) {
		lg_rw_stmt_release(plan);
		return -1;
	}
	lg_error_clear(&s->err);
	lg_prepared_t *p = lg_calloc(1, sizeof(*p));
	if (!p) {
		lg_rw_stmt_release(plan);
		return oom(s);
	}
	p->plan = plan;
	p->name = lg_strdup(m.name);
	p->sql = lg_strdup(m.query);
	p->nparam_types = m.nparams;
	if (m.nparams) {
		p->param_types = lg_malloc(sizeof(lg_oid_t) * (size_t)m.nparams);
		if (p->param_types)
			memcpy(p->param_types, m.param_types, sizeof(lg_oid_t) * (size_t)m.nparams);
	}
	p->schema_key = lg_db_schema_key(s->db);
	if (!p->name || !p->sql || (m.nparams && !p->param_types)) {
		free_prepared(p);
		return oom(s);
	}
	if (!m.name[0])
		lg_session_remove_prepared(s, "");
	p->next = s->prepared;
	s->prepared = p;
	lg_wire_parse_complete(&s->out);
	return 0;
}

/* A prepared statement whose schema changed is translated again, as
 * PostgreSQL re-plans it. */
static int refresh_plan(lg_session_t *s, lg_prepared_t *p)
{
	if (p->schema_key == lg_db_schema_key(s->db))
		return 0;
	lg_rw_split_t split = {0};
	if (lg_rw_cache_split(s->srv->cache, p->sql, &split, &s->err) != 0)
		return -1;
	lg_rw_span_t span = split.n > 0 ? split.spans[0] : (lg_rw_span_t){0, 0};
	lg_rw_split_free(&split);
	lg_rw_stmt_t *plan;
	if (lg_session_translate(s, p->sql + span.offset, (size_t)span.len, p->param_types,
				 p->nparam_types, &plan) != 0)
		return -1;
	lg_rw_stmt_release(p->plan);
	p->plan = plan;
	p->schema_key = lg_db_schema_key(s->db);
	return 0;
}

static lg_prepared_t *lookup_prepared(lg_session_t *s, const char *name)
{
	lg_prepared_t *p = find_prepared(s, name);
	if (!p) {
		if (name[0])
			lg_error_set(&s->err, LG_SQLSTATE_INVALID_SQL_STATEMENT_NAME,
				     "prepared statement \"%s\" does not exist", name);
		else
			lg_error_set(&s->err, LG_SQLSTATE_INVALID_SQL_STATEMENT_NAME,
				     "unnamed prepared statement does not exist");
		return NULL;
	}
	return refresh_plan(s, p) == 0 ? p : NULL;
}

/* ---- Bind ------------------------------------------------------------------- */

/* PostgreSQL's wording for a binary parameter its receive function
 * rejects: too few bytes for a fixed-size type is a protocol error. */
static void binary_param_error(lg_session_t *s, const lg_rw_stmt_t *plan, int i, int32_t len)
{
	lg_oid_t oid = i < plan->nparams ? plan->param_types[i] : 0;
	int16_t typlen = lg_cat_typlen(oid);
	lg_error_clear(&s->err);
	if (typlen > 0 && len < typlen)
		lg_error_set(&s->err, LG_SQLSTATE_PROTOCOL_VIOLATION, "insufficient data left in message");
	else
		lg_error_set(&s->err, LG_SQLSTATE_INVALID_BINARY_REPRESENTATION,
			     "incorrect binary data format in bind parameter %d", i + 1);
}

static int decode_params(lg_session_t *s, lg_portal_t *portal, const lg_fe_bind_t *m)
{
	lg_cursor_exec_t *cur = &portal->cur;
	if (m->nparams == 0)
		return 0;
	cur->params = lg_arena_alloc(&portal->arena, sizeof(lg_value_t) * (size_t)m->nparams);
	if (!cur->params)
		return oom(s);
	cur->nparams = m->nparams;
	for (int i = 0; i < m->nparams; i++) {
		int16_t fmt = lg_wire_bind_param_format(m, i);
		const lg_wire_value_t *v = &m->params[i];
		if (lg_wire_check_format(fmt, &s->err) == 0 &&
		    lg_exec_decode_param(cur->plan, i, fmt, v->data, v->len, &portal->arena,
					 &cur->params[i], &s->err) == 0)
			continue;
		if (fmt == LG_WIRE_FORMAT_BINARY &&
		    s->err.sqlstate == LG_SQLSTATE_INVALID_BINARY_REPRESENTATION)
			binary_param_error(s, cur->plan, i, v->len);
		/* PostgreSQL's context; text values are shown as '...' since
		 * log_parameter_max_length_on_error is 0. */
		const char *shown = fmt == LG_WIRE_FORMAT_TEXT && v->data && s->err.sqlstate !=
			LG_SQLSTATE_INVALID_PARAMETER_VALUE ? " = '...'" : "";
		if (m->portal[0])
			lg_error_field(&s->err, LG_ERRF_WHERE, "portal \"%s\" parameter $%d%s",
				       m->portal, i + 1, shown);
		else
			lg_error_field(&s->err, LG_ERRF_WHERE, "unnamed portal parameter $%d%s", i + 1,
				       shown);
		return -1;
	}
	return 0;
}

static int copy_formats(lg_session_t *s, lg_portal_t *portal, const lg_fe_bind_t *m)
{
	portal->nformats = m->nresult_formats;
	if (!m->nresult_formats)
		return 0;
	portal->formats = lg_arena_alloc(&portal->arena, sizeof(int16_t) * (size_t)m->nresult_formats);
	if (!portal->formats)
		return oom(s);
	/* Codes are checked when rows are sent, as PostgreSQL does. */
	memcpy(portal->formats, m->result_formats, sizeof(int16_t) * (size_t)m->nresult_formats);
	portal->cur.formats = portal->formats;
	portal->cur.nformats = portal->nformats;
	return 0;
}

static int handle_bind(lg_session_t *s, const uint8_t *body, size_t len)
{
	lg_fe_bind_t m;
	if (lg_wire_decode_bind(body, len, &s->arena, &m, &s->err) != 0)
		return -1;
	lg_prepared_t *p = lookup_prepared(s, m.stmt);
	if (!p || lg_session_check_allowed(s, p->plan) != 0)
		return -1;
	if (m.nparams != p->plan->nparams)
		return lg_error_set(&s->err, LG_SQLSTATE_PROTOCOL_VIOLATION,
				    "bind message supplies %d parameters, but prepared statement "
				    "\"%s\" requires %d",
				    m.nparams, m.stmt, p->plan->nparams);
	if (lg_wire_check_result_formats(&m, p->plan->ncols, &s->err) != 0)
		return -1;
	if (m.portal[0] && find_portal(s, m.portal))
		return lg_error_set(&s->err, LG_SQLSTATE_DUPLICATE_CURSOR,
				    "cursor \"%s\" already exists", m.portal);
	if (!m.portal[0])
		remove_portal(s, "");
	lg_portal_t *portal = lg_calloc(1, sizeof(*portal));
	if (!portal)
		return oom(s);
	lg_arena_init(&portal->arena, 1024);
	lg_cursor_exec_init(&portal->cur, p->plan);
	portal->name = lg_strdup(m.portal);
	if (!portal->name || decode_params(s, portal, &m) != 0 || copy_formats(s, portal, &m) != 0) {
		if (!s->err.set)
			oom(s);
		free_portal(s, portal);
		return -1;
	}
	portal->next = s->portals;
	s->portals = portal;
	lg_wire_bind_complete(&s->out);
	return 0;
}

/* ---- Describe, Execute, Close, Sync ------------------------------------------ */

static void describe_plan(lg_session_t *s, const lg_rw_stmt_t *plan, const int16_t *formats,
			  int nformats)
{
	if (plan->kind == LG_RW_SHOW) {
		char tag[16];
		lg_session_utility(s, plan, true, tag, 0);
		return;
	}
	if (plan->returns_rows)
		lg_session_row_description(s, plan, formats, nformats);
	else
		lg_wire_no_data(&s->out);
}

static int handle_describe(lg_session_t *s, const uint8_t *body, size_t len)
{
	lg_fe_describe_t m;
	if (lg_wire_decode_describe(body, len, &m, &s->err) != 0)
		return -1;
	if (m.kind == LG_WIRE_TARGET_STATEMENT) {
		lg_prepared_t *p = lookup_prepared(s, m.name);
		if (!p)
			return -1;
		if (s->xact == LG_XACT_FAILED && lg_session_check_allowed(s, p->plan) != 0)
			return -1;
		lg_wire_parameter_description(&s->out, p->plan->nparams, p->plan->param_types);
		describe_plan(s, p->plan, NULL, 0);
		return s->err.set ? -1 : 0;
	}
	lg_portal_t *portal = find_portal(s, m.name);
	if (!portal)
		return lg_error_set(&s->err, LG_SQLSTATE_INVALID_CURSOR_NAME,
				    "portal \"%s\" does not exist", m.name);
	describe_plan(s, portal->cur.plan, portal->formats, portal->nformats);
	return s->err.set ? -1 : 0;
}

static lg_handle_result_t handle_execute(lg_session_t *s, const uint8_t *body, size_t len)
{
	lg_fe_execute_t m;
	size_t mark = s->out.len;
	if (lg_wire_decode_execute(body, len, &m, &s->err) != 0)
		return LG_HANDLE_OK;
	lg_portal_t *portal = find_portal(s, m.portal);
	if (!portal) {
		lg_error_set(&s->err, LG_SQLSTATE_INVALID_CURSOR_NAME, "portal \"%s\" does not exist",
			     m.portal);
		return LG_HANDLE_OK;
	}
	lg_cursor_exec_t *cur = &portal->cur;
	const lg_rw_stmt_t *plan = cur->plan;
	if (lg_session_check_allowed(s, plan) != 0)
		return LG_HANDLE_OK;
	char tag[64];
	lg_exec_status_t st;
	if (plan->kind == LG_RW_EMPTY) {
		lg_wire_empty_query(&s->out);
		return LG_HANDLE_OK;
	}
	if (plan->kind != LG_RW_SQL) {
		st = lg_session_utility(s, plan, false, tag, sizeof(tag));
	} else {
		/* Writes before Sync form one implicit transaction, as in
		 * PostgreSQL; a lone Execute followed by Sync is that whole
		 * transaction, so SQLite's autocommit serves. */
		if (s->xact == LG_XACT_NONE && plan->writes && !cur->done && !s->sync_follows)
			s->xact = LG_XACT_IMPLICIT;
		st = lg_session_run_sql(s, cur, m.max_rows);
		if (st == LG_EXEC_DONE)
			lg_exec_tag(cur, tag, sizeof(tag));
	}
	st = lg_session_waited(s, st);
	switch (st) {
	case LG_EXEC_BUSY:
		lg_sb_truncate(&s->out, mark);
		s->parked = true;
		lg_server_schedule_retry(s->srv);
		return LG_HANDLE_PARKED;
	case LG_EXEC_PENDING:
	case LG_EXEC_YIELD: /* never returned by lg_session_run_sql */
		lg_sb_truncate(&s->out, mark);
		return LG_HANDLE_PARKED;
	case LG_EXEC_SUSPENDED:
		lg_wire_portal_suspended(&s->out);
		break;
	case LG_EXEC_DONE:
		if (plan->notice)
			lg_session_notice(s, LG_SEV_NOTICE, plan->notice_state, plan->notice,
					  plan->notice_detail);
		lg_wire_command_complete(&s->out, tag);
		break;
	case LG_EXEC_ERROR:
		break;
	}
	return LG_HANDLE_OK;
}

static int handle_close(lg_session_t *s, const uint8_t *body, size_t len)
{
	lg_fe_close_t m;
	if (lg_wire_decode_close(body, len, &m, &s->err) != 0)
		return -1;
	if (m.kind == LG_WIRE_TARGET_STATEMENT)
		lg_session_remove_prepared(s, m.name);
	else
		remove_portal(s, m.name);
	lg_wire_close_complete(&s->out);
	return 0;
}

static lg_handle_result_t handle_sync(lg_session_t *s)
{
	s->skip_until_sync = false;
	if (s->xact == LG_XACT_IMPLICIT) {
		lg_exec_status_t st = lg_session_waited(s, lg_session_end_xact(s, !s->implicit_failed));
		if (st == LG_EXEC_BUSY) {
			s->parked = true;
			lg_server_schedule_retry(s->srv);
			return LG_HANDLE_PARKED;
		}
		if (st == LG_EXEC_ERROR && s->xact != LG_XACT_NONE)
			lg_session_end_xact(s, false); /* gave up waiting to commit */
		if (st == LG_EXEC_ERROR)
			lg_session_send_error(s, NULL, 0);
	} else if (s->xact == LG_XACT_NONE) {
		lg_session_drop_portals(s);
	}
	lg_session_ready(s);
	return LG_HANDLE_OK;
}

lg_handle_result_t lg_session_extended(lg_session_t *s, uint8_t type, const uint8_t *body,
				       size_t len)
{
	s->parked = false;
	if ((type == LG_FE_SYNC || type == LG_FE_FLUSH) &&
	    lg_wire_decode_empty(body, len, &s->err) != 0) {
		s->err.severity = LG_SEV_FATAL;
		lg_session_send_error(s, NULL, 0);
		return LG_HANDLE_CLOSE;
	}
	if (type == LG_FE_SYNC)
		return handle_sync(s);
	if (s->skip_until_sync)
		return LG_HANDLE_OK;
	lg_handle_result_t r = LG_HANDLE_OK;
	switch (type) {
	case LG_FE_PARSE: handle_parse(s, body, len); break;
	case LG_FE_BIND: handle_bind(s, body, len); break;
	case LG_FE_DESCRIBE: handle_describe(s, body, len); break;
	case LG_FE_EXECUTE: r = handle_execute(s, body, len); break;
	case LG_FE_CLOSE: handle_close(s, body, len); break;
	case LG_FE_FLUSH: break;
	default: break;
	}
	if (s->err.set) {
		lg_session_send_error(s, NULL, 0);
		s->skip_until_sync = true;
	}
	return r;
}
