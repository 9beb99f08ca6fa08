#include "proxy/session.h"

#include "catalog/pg_catalog.h"
#include "catalog/schema.h"
#include "catalog/sequence.h"
#include "catalog/types.h"
#include "catalog/udf.h"
#include "common/log.h"
#include "common/mem.h"
#include "proxy/conn.h"
#include "proxy/database.h"
#include "proxy/server.h"
#include "proxy/settings.h"
#include "proxy/wire.h"

#include <openssl/rand.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

int64_t lg_session_now_usec(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

static int64_t now_usec(void)
{
	return lg_session_now_usec();
}

lg_session_t *lg_session_new(lg_server_t *srv, uint32_t id, const char *peer)
{
	lg_session_t *s = lg_calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->srv = srv;
	s->id = id;
	s->state = LG_SESS_STARTUP;
	snprintf(s->peer, sizeof(s->peer), "%s", peer);
	s->pid = (int32_t)id;
	if (RAND_bytes((unsigned char *)&s->key, sizeof(s->key)) != 1)
		s->key = (int32_t)(now_usec() ^ id);
	lg_arena_init(&s->arena, 8192);
	lg_sb_init(&s->out);
	return s;
}

static void free_savepoints(lg_session_t *s)
{
	for (int i = 0; i < s->nsavepoints; i++)
		lg_free(s->savepoints[i]);
	lg_free(s->savepoints);
	s->savepoints = NULL;
	s->nsavepoints = 0;
	s->nsavepoints_open = 0;
}

static void end_query(lg_session_t *s)
{
	if (s->q.cur_started)
		lg_cursor_exec_close(&s->q.cur, s->stmts);
	lg_rw_split_free(&s->q.split);
	memset(&s->q, 0, sizeof(s->q));
}

void lg_session_free(lg_session_t *s)
{
	if (!s)
		return;
	end_query(s);
	lg_session_drop_portals(s);
	lg_session_drop_prepared(s);
	if (s->sqlite && s->sqlite_open)
		sqlite3_exec(s->sqlite, "ROLLBACK", NULL, NULL, NULL);
	free_savepoints(s);
	lg_stmt_cache_free(s->stmts);
	lg_cat_free(s->cat);
	lg_cat_close_connection(s->sqlite);
	if (s->db)
		lg_db_detach(&s->srv->dbs, s->db);
	lg_settings_free(s->settings);
	lg_arena_destroy(&s->arena);
	lg_sb_free(&s->out);
	lg_sb_free(&s->job.out);
	lg_error_clear(&s->job.err);
	lg_error_clear(&s->err);
	lg_free(s);
}

bool lg_session_in_startup(const lg_session_t *s)
{
	return s->state == LG_SESS_STARTUP;
}

size_t lg_session_max_len(const lg_session_t *s, uint8_t type)
{
	return lg_wire_fe_max_len(type, s->srv->config->max_message);
}

/* ---- errors and ReadyForQuery ------------------------------------------- */

/* Characters (not bytes) before byte offset `byte_pos` of `sql`. */
int lg_session_chars_before(const char *sql, size_t byte_pos)
{
	int chars = 0;
	for (size_t i = 0; i < byte_pos && sql[i]; i++)
		if (((unsigned char)sql[i] & 0xc0) != 0x80)
			chars++;
	return chars;
}

void lg_session_send_error(lg_session_t *s, const char *sql, int stmt_offset)
{
	lg_error_t *err = &s->err;
	if (!err->set)
		lg_error_set(err, LG_SQLSTATE_INTERNAL_ERROR, "unknown error");
	/* The translator counts characters within the statement; PostgreSQL
	 * counts them within the whole query string. */
	if (err->position > 0 && sql)
		err->position += lg_session_chars_before(sql, (size_t)stmt_offset);
	lg_log(LG_LOG_DEBUG, "[c%u %s@%s %s] %s: %s", s->id, s->user, s->dbname, s->peer,
	       lg_sqlstate_code(err->sqlstate), lg_error_message(err));
	lg_wire_error(&s->out, err);
	if (err->severity == LG_SEV_FATAL)
		s->state = LG_SESS_CLOSED;
	lg_error_clear(err);
	if (s->xact == LG_XACT_EXPLICIT)
		s->xact = LG_XACT_FAILED;
	else if (s->xact == LG_XACT_IMPLICIT)
		s->implicit_failed = true;
}

/* client_min_messages: is a message of this severity sent? */
static bool client_wants(lg_session_t *s, lg_severity_t sev)
{
	const char *min = s->settings ? lg_settings_get(s->settings, "client_min_messages") : NULL;
	if (!min)
		return true;
	if (strcmp(min, "error") == 0)
		return false;
	if (strcmp(min, "warning") == 0)
		return sev == LG_SEV_WARNING;
	return true;
}

void lg_session_notice(lg_session_t *s, lg_severity_t sev, int state, const char *message,
		       const char *detail)
{
	if (!client_wants(s, sev))
		return;
	lg_error_t n = LG_ERROR_INIT;
	lg_error_set(&n, (lg_sqlstate_t)state, "%s", message);
	if (detail)
		lg_error_field(&n, LG_ERRF_DETAIL, "%s", detail);
	n.severity = sev;
	n.file = NULL;
	lg_wire_notice(&s->out, &n);
	lg_error_clear(&n);
}

void lg_session_fatal(lg_session_t *s, lg_error_t *err)
{
	lg_error_move(&s->err, err);
	s->err.severity = LG_SEV_FATAL;
	lg_session_send_error(s, NULL, 0);
	s->state = LG_SESS_CLOSED;
}

bool lg_session_send_parameter_status(lg_session_t *s, bool all)
{
	int pos = 0;
	const char *name, *value;
	bool any = false;
	while (lg_settings_next_report(s->settings, &pos, all, &name, &value)) {
		lg_wire_parameter_status(&s->out, name, value);
		any = true;
	}
	return any;
}

static char xact_status(const lg_session_t *s)
{
	switch (s->xact) {
	case LG_XACT_EXPLICIT: return LG_WIRE_TX_BLOCK;
	case LG_XACT_FAILED: return LG_WIRE_TX_FAILED;
	default: return LG_WIRE_TX_IDLE;
	}
}

void lg_session_ready(lg_session_t *s)
{
	lg_session_send_parameter_status(s, false);
	lg_wire_ready(&s->out, xact_status(s));
	lg_arena_reset(&s->arena);
}

/* ---- transactions ---------------------------------------------------------- */

/* Creates in SQLite the savepoints declared before its transaction began. */
static lg_exec_status_t open_savepoints(lg_session_t *s)
{
	while (s->nsavepoints_open < s->nsavepoints) {
		lg_sb_t sql = LG_SB_INIT;
		lg_sb_append(&sql, "SAVEPOINT ");
		lg_sb_append_ident(&sql, s->savepoints[s->nsavepoints_open]);
		lg_exec_status_t st = sql.failed ? LG_EXEC_ERROR
						 : lg_exec_simple(s->sqlite, sql.data, &s->err);
		lg_sb_free(&sql);
		if (st != LG_EXEC_DONE) {
			if (!s->err.set)
				lg_error_set(&s->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
			return LG_EXEC_ERROR;
		}
		s->nsavepoints_open++;
	}
	return LG_EXEC_DONE;
}

/* PostgreSQL's transactions on SQLite's:
 * - READ COMMITTED (the default): statements that only read run without a
 *   SQLite transaction, so each sees the latest commits; the first write
 *   takes the write lock (BEGIN IMMEDIATE, parking while it is taken) and
 *   keeps it to the end, so nothing can invalidate what it reads after.
 * - REPEATABLE READ / SERIALIZABLE: one snapshot from the first statement
 *   (BEGIN); a later write upgrades it, and fails with 40001 if another
 *   session committed meanwhile, as PostgreSQL may.
 * - implicit blocks (several statements in one Query, writes before Sync)
 *   are one SQLite transaction from their first statement; a read-only
 *   start is upgraded by the first write (40001 if that is impossible). */
lg_exec_status_t lg_session_begin_sqlite(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	bool writes = plan && (plan->writes || plan->ddl);
	if (s->xact == LG_XACT_NONE)
		return LG_EXEC_DONE;
	if (s->sqlite_open) {
		if (writes)
			s->sqlite_writes = true; /* upgraded in place by the statement */
		return LG_EXEC_DONE;
	}
	if (s->xact == LG_XACT_EXPLICIT && !s->xact_snapshot && !writes)
		return LG_EXEC_DONE;
	/* Reads never wait for the write lock; a write takes it at once. */
	bool immediate = writes;
	lg_exec_status_t st = lg_exec_simple(s->sqlite, immediate ? "BEGIN IMMEDIATE" : "BEGIN",
					     &s->err);
	if (st != LG_EXEC_DONE)
		return st;
	s->sqlite_open = true;
	s->sqlite_writes = immediate;
	if (s->xact == LG_XACT_IMPLICIT)
		s->vars.xact_start_usec = now_usec();
	return open_savepoints(s);
}

lg_exec_status_t lg_session_end_xact(lg_session_t *s, bool commit)
{
	if (s->sqlite_open) {
		lg_exec_status_t st = lg_exec_simple(s->sqlite, commit ? "COMMIT" : "ROLLBACK",
						     &s->err);
		if (st == LG_EXEC_BUSY)
			return st;
		if (st == LG_EXEC_ERROR) {
			/* A failed COMMIT leaves nothing committed: roll back. */
			sqlite3_exec(s->sqlite, "ROLLBACK", NULL, NULL, NULL);
			commit = false;
		}
		s->sqlite_open = false;
		s->sqlite_writes = false;
	}
	if (s->settings)
		lg_settings_end(s->settings, commit);
	if (s->xact_ddl && s->db) {
		s->db->generation++;
		s->xact_ddl = false;
	}
	s->xact = LG_XACT_NONE;
	s->xact_read_only = false;
	s->xact_snapshot = false;
	s->implicit_failed = false;
	free_savepoints(s);
	lg_session_drop_portals(s);
	return s->err.set ? LG_EXEC_ERROR : LG_EXEC_DONE;
}

static bool is_xact_exit(const lg_rw_stmt_t *plan)
{
	return plan->kind == LG_RW_COMMIT || plan->kind == LG_RW_ROLLBACK ||
	       plan->kind == LG_RW_ROLLBACK_TO;
}

int lg_session_check_allowed(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	if (s->xact == LG_XACT_FAILED && !is_xact_exit(plan))
		return lg_error_set(&s->err, LG_SQLSTATE_IN_FAILED_SQL_TRANSACTION,
				    "current transaction is aborted, commands ignored until end of "
				    "transaction block");
	bool read_only = s->xact == LG_XACT_EXPLICIT
		? s->xact_read_only
		: strcmp(lg_settings_get(s->settings, "default_transaction_read_only"), "on") == 0;
	if (read_only && (plan->writes || plan->ddl) && plan->kind == LG_RW_SQL)
		return lg_error_set(&s->err, LG_SQLSTATE_READ_ONLY_SQL_TRANSACTION,
				    "cannot execute %s in a read-only transaction", plan->tag);
	return 0;
}

void lg_session_after_statement(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	if (!plan->ddl)
		return;
	s->db->generation++;
	if (s->sqlite_open)
		s->xact_ddl = true;
	lg_cat_invalidate(s->cat);
	s->cat_generation = s->db->generation;
}

int lg_session_translate(lg_session_t *s, const char *sql, size_t len, const lg_oid_t *ptypes,
			 int nptypes, lg_rw_stmt_t **out)
{
	if (s->cat_generation != s->db->generation) {
		lg_cat_invalidate(s->cat);
		s->cat_generation = s->db->generation;
	}
	lg_rw_opts_t opts = {.cat = s->cat, .param_types = ptypes, .nparam_types = nptypes};
	return lg_rw_cache_translate(s->srv->cache, lg_db_schema_key(s->db), &opts, sql, len, out,
				     &s->err);
}

void lg_session_row_description(lg_session_t *s, const lg_rw_stmt_t *plan,
				const int16_t *formats, int nformats)
{
	lg_wire_field_t *fields = lg_arena_alloc(&s->arena, sizeof(*fields) * (size_t)(plan->ncols + 1));
	if (!fields) {
		s->out.failed = true;
		return;
	}
	for (int i = 0; i < plan->ncols; i++) {
		const lg_rw_column_t *c = &plan->cols[i];
		fields[i] = (lg_wire_field_t){
			.name = c->name,
			.table_oid = c->table_oid,
			.attnum = c->attnum,
			.type_oid = c->type,
			.typlen = lg_cat_typlen(c->type),
			.typmod = c->typmod,
			.format = nformats == 0 ? 0 : nformats == 1 ? formats[0] : formats[i],
		};
	}
	lg_wire_row_description(&s->out, plan->ncols, fields);
}

/* ---- startup ---------------------------------------------------------------- */

static int apply_option(void *ctx, const char *name, const char *value, lg_error_t *err)
{
	lg_session_t *s = ctx;
	return lg_settings_set_startup(s->settings, name, value, err);
}

/* current_setting / set_config (catalog/functions_guc.c) on this session's
 * settings. */
static const char *get_setting(void *ctx, const char *name, bool missing_ok, lg_error_t *err)
{
	lg_error_t miss = LG_ERROR_INIT;
	const char *canonical;
	const char *v = lg_settings_show(ctx, name, &canonical, missing_ok ? &miss : err);
	lg_error_clear(&miss);
	return v;
}

static int set_setting(void *ctx, const char *name, const char *value, bool is_local,
		       lg_error_t *err)
{
	return lg_settings_set(ctx, name, value, is_local, err);
}

static int open_database(lg_session_t *s)
{
	s->db = lg_db_find(&s->srv->dbs, s->dbname);
	if (!s->db)
		return lg_error_set(&s->err, LG_SQLSTATE_UNDEFINED_DATABASE,
				    "database \"%s\" does not exist", s->dbname);
	lg_db_attach(s->db);
	if (lg_db_connect(&s->srv->dbs, s->db, &s->sqlite, &s->err) != 0)
		return -1;
	s->vars.database = s->dbname;
	s->vars.user = s->user;
	s->vars.xact_start_usec = now_usec();
	s->vars.stmt_start_usec = s->vars.xact_start_usec;
	s->vars.backend_pid = s->pid;
	s->vars.get_setting = get_setting;
	s->vars.set_setting = set_setting;
	s->vars.settings_ctx = s->settings;
	lg_cat_seq_session_t *seqs;
	if (lg_cat_register_functions(s->sqlite, &s->vars, &s->err) != 0 ||
	    lg_cat_register_sequences(s->sqlite, &seqs, &s->err) != 0 ||
	    lg_cat_register_pg_catalog(s->sqlite, &s->err) != 0)
		return -1;
	lg_session_install_progress(s);
	s->cat = lg_cat_new(s->sqlite);
	s->stmts = lg_stmt_cache_new(s->sqlite);
	if (!s->cat || !s->stmts)
		return lg_error_set(&s->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	lg_cat_set_sequences(s->cat, seqs);
	s->cat_generation = s->db->generation;
	return 0;
}

static int apply_startup(lg_session_t *s, const lg_fe_startup_t *st)
{
	snprintf(s->user, sizeof(s->user), "%s", st->user);
	snprintf(s->dbname, sizeof(s->dbname), "%s", st->database);
	if (st->replication && strcmp(st->replication, "false") != 0 &&
	    strcmp(st->replication, "0") != 0 && strcmp(st->replication, "off") != 0)
		return lg_error_set(&s->err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
				    "feature not supported: replication connections");
	s->settings = lg_settings_new();
	if (!s->settings)
		return lg_error_set(&s->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	lg_settings_force(s->settings, "session_authorization", s->user);
	for (int i = 0; i < st->nparams; i++)
		if (lg_settings_set_startup(s->settings, st->params[i].name, st->params[i].value,
					    &s->err) != 0)
			return -1;
	if (st->options && lg_wire_parse_options(st->options, apply_option, s, &s->err) != 0)
		return -1;
	return open_database(s);
}

static lg_handle_result_t handle_startup(lg_session_t *s, const uint8_t *msg, size_t len)
{
	lg_fe_startup_t st;
	if (lg_wire_decode_startup(msg + 4, len - 4, &st, &s->err) != 0) {
		s->err.severity = LG_SEV_FATAL;
		if (st.kind == LG_STARTUP_NORMAL && LG_WIRE_PROTOCOL_MAJOR(st.protocol) < 3) {
			/* An old client reads errors in the protocol 2 format. */
			lg_wire_error_v2(&s->out, &s->err);
			lg_error_clear(&s->err);
			s->state = LG_SESS_CLOSED;
		} else {
			lg_session_send_error(s, NULL, 0);
		}
		return LG_HANDLE_CLOSE;
	}
	switch (st.kind) {
	case LG_STARTUP_SSL:
	case LG_STARTUP_GSSENC:
		/* TLS arrives in a later issue: refuse, the client goes on in clear. */
		lg_sb_putc(&s->out, LG_WIRE_SSL_REFUSE);
		return LG_HANDLE_OK;
	case LG_STARTUP_CANCEL:
		lg_server_cancel(s->srv, st.cancel_pid, st.cancel_key);
		s->state = LG_SESS_CLOSED;
		return LG_HANDLE_CLOSE;
	case LG_STARTUP_NORMAL:
		break;
	}
	if (st.needs_negotiate)
		lg_wire_negotiate_protocol(&s->out, LG_WIRE_PROTOCOL_3_0, st.npq_options,
					   st.pq_options);
	/* Trust authentication succeeds first; like PostgreSQL, the database
	 * and the settings are checked after AuthenticationOk. */
	lg_wire_auth_ok(&s->out);
	if (apply_startup(s, &st) != 0) {
		s->err.severity = LG_SEV_FATAL;
		lg_session_send_error(s, NULL, 0);
		return LG_HANDLE_CLOSE;
	}
	lg_session_send_parameter_status(s, true);
	lg_wire_backend_key(&s->out, s->pid, s->key);
	s->state = LG_SESS_READY;
	lg_log(LG_LOG_DEBUG, "[c%u %s@%s %s] connection authorized", s->id, s->user, s->dbname,
	       s->peer);
	lg_session_ready(s);
	return LG_HANDLE_OK;
}

/* ---- simple query ------------------------------------------------------- */

static void finish_statement(lg_session_t *s)
{
	if (s->q.cur_started)
		lg_cursor_exec_close(&s->q.cur, s->stmts);
	s->q.cur_started = false;
}

static lg_handle_result_t park(lg_session_t *s, size_t mark)
{
	lg_sb_truncate(&s->out, mark);
	s->parked = true;
	lg_server_schedule_retry(s->srv);
	return LG_HANDLE_PARKED;
}

/* Runs one translated statement of a simple query: RowDescription, rows,
 * CommandComplete. Returns PARKED, or OK with s->err set on failure. */
static lg_handle_result_t run_plan_simple(lg_session_t *s, lg_cursor_exec_t *cur)
{
	const lg_rw_stmt_t *plan = cur->plan;
	size_t mark = s->out.len;
	char tag[64];
	lg_exec_status_t st;
	if (lg_session_check_allowed(s, plan) != 0)
		return LG_HANDLE_OK;
	if (plan->kind == LG_RW_EMPTY) {
		lg_wire_empty_query(&s->out);
		return LG_HANDLE_OK;
	}
	if (plan->kind != LG_RW_SQL) {
		st = lg_session_utility(s, plan, true, tag, sizeof(tag));
	} else {
		if (plan->returns_rows)
			lg_session_row_description(s, plan, NULL, 0);
		st = lg_session_run_sql(s, cur, 0);
		if (st == LG_EXEC_DONE)
			lg_exec_tag(cur, tag, sizeof(tag));
		/* PostgreSQL evaluates constant expressions while planning, so a
		 * data exception before the first row comes without RowDescription;
		 * errors while executing (cancel, timeout) follow it. */
		if (st == LG_EXEC_ERROR && cur->rows == 0 &&
		    lg_sqlstate_code(s->err.sqlstate)[0] == '2' &&
		    lg_sqlstate_code(s->err.sqlstate)[1] == '2')
			lg_sb_truncate(&s->out, mark);
	}
	st = lg_session_waited(s, st);
	if (st == LG_EXEC_DONE && plan->notice)
		lg_session_notice(s, LG_SEV_NOTICE, plan->notice_state, plan->notice,
				  plan->notice_detail);
	if (st == LG_EXEC_BUSY)
		return park(s, mark);
	if (st == LG_EXEC_PENDING) {
		lg_sb_truncate(&s->out, mark);
		return LG_HANDLE_PARKED;
	}
	if (st == LG_EXEC_DONE)
		lg_wire_command_complete(&s->out, tag);
	return LG_HANDLE_OK;
}

static void report_query_error(lg_session_t *s, const char *sql, int offset, bool analysed)
{
	if (!analysed && s->xact == LG_XACT_FAILED &&
	    s->err.sqlstate != LG_SQLSTATE_IN_FAILED_SQL_TRANSACTION) {
		/* PostgreSQL does not analyse statements in a failed block. */
		lg_error_clear(&s->err);
		lg_error_set(&s->err, LG_SQLSTATE_IN_FAILED_SQL_TRANSACTION,
			     "current transaction is aborted, commands ignored until end of "
			     "transaction block");
	}
	lg_session_send_error(s, sql, offset);
}

static lg_handle_result_t finish_query(lg_session_t *s)
{
	if (s->xact == LG_XACT_IMPLICIT) {
		lg_exec_status_t st = lg_session_waited(s, lg_session_end_xact(s, !s->implicit_failed));
		if (st == LG_EXEC_BUSY)
			return park(s, s->out.len);
		if (st == LG_EXEC_ERROR && s->xact != LG_XACT_NONE)
			lg_session_end_xact(s, false); /* gave up waiting to commit */
		if (st == LG_EXEC_ERROR)
			lg_session_send_error(s, NULL, 0);
	}
	end_query(s);
	lg_session_ready(s);
	return LG_HANDLE_OK;
}

static lg_handle_result_t handle_query(lg_session_t *s, const uint8_t *body, size_t len)
{
	lg_fe_query_t q;
	if (!s->q.active) {
		if (lg_wire_decode_query(body, len, &q, &s->err) != 0) {
			/* The framing is intact: an ERROR, as PostgreSQL does. */
			lg_session_send_error(s, NULL, 0);
			lg_session_ready(s);
			return LG_HANDLE_OK;
		}
		s->q.active = true;
		/* A simple Query destroys the unnamed statement and portal. */
		lg_session_drop_unnamed(s);
		if (lg_rw_cache_split(s->srv->cache, q.sql, &s->q.split, &s->err) != 0) {
			report_query_error(s, q.sql, 0, false);
			return finish_query(s);
		}
		if (s->q.split.n == 0) {
			lg_wire_empty_query(&s->out);
			return finish_query(s);
		}
		s->q.multi = s->q.split.n > 1;
		if (s->q.multi && s->xact == LG_XACT_NONE)
			s->xact = LG_XACT_IMPLICIT;
	} else {
		q.sql = (const char *)body;
	}
	s->parked = false;
	while (s->q.next < s->q.split.n) {
		const lg_rw_span_t *sp = &s->q.split.spans[s->q.next];
		if (!s->q.cur_started) {
			lg_rw_stmt_t *plan;
			if (lg_session_translate(s, q.sql + sp->offset, (size_t)sp->len, NULL, 0,
						 &plan) != 0) {
				report_query_error(s, q.sql, sp->offset, false);
				break;
			}
			lg_cursor_exec_init(&s->q.cur, plan);
			lg_rw_stmt_release(plan);
			s->q.cur_started = true;
		}
		if (run_plan_simple(s, &s->q.cur) == LG_HANDLE_PARKED)
			return LG_HANDLE_PARKED;
		finish_statement(s);
		if (s->err.set) {
			report_query_error(s, q.sql, sp->offset, true);
			break;
		}
		s->q.next++;
		/* After COMMIT/ROLLBACK the rest runs in a new implicit block. */
		if (s->q.multi && s->xact == LG_XACT_NONE && s->q.next < s->q.split.n)
			s->xact = LG_XACT_IMPLICIT;
	}
	return finish_query(s);
}

/* ---- dispatch --------------------------------------------------------------- */

lg_handle_result_t lg_session_handle(lg_session_t *s, const uint8_t *msg, size_t len)
{
	if (s->state == LG_SESS_STARTUP)
		return handle_startup(s, msg, len);
	if (s->state == LG_SESS_CLOSED)
		return LG_HANDLE_CLOSE;
	uint8_t type = msg[0];
	const uint8_t *body = msg + LG_WIRE_HEADER_LEN;
	size_t blen = len - LG_WIRE_HEADER_LEN;
	lg_handle_result_t r;
	switch (type) {
	case LG_FE_QUERY:
		r = handle_query(s, body, blen);
		break;
	case LG_FE_PARSE:
	case LG_FE_BIND:
	case LG_FE_DESCRIBE:
	case LG_FE_EXECUTE:
	case LG_FE_CLOSE:
	case LG_FE_SYNC:
	case LG_FE_FLUSH:
		r = lg_session_extended(s, type, body, blen);
		break;
	case LG_FE_TERMINATE:
		s->state = LG_SESS_CLOSED;
		return LG_HANDLE_CLOSE;
	case LG_FE_COPY_DATA:
	case LG_FE_COPY_DONE:
	case LG_FE_COPY_FAIL:
		/* Outside COPY these are ignored, as PostgreSQL does. */
		return LG_HANDLE_OK;
	case LG_FE_FUNCTION_CALL:
		lg_error_set(&s->err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			     "feature not supported: fastpath function calls");
		lg_session_send_error(s, NULL, 0);
		lg_session_ready(s);
		return LG_HANDLE_OK;
	default:
		lg_error_set(&s->err, LG_SQLSTATE_PROTOCOL_VIOLATION,
			     "invalid frontend message type %d", type);
		s->err.severity = LG_SEV_FATAL;
		lg_session_send_error(s, NULL, 0);
		return LG_HANDLE_CLOSE;
	}
	if (s->out.failed) {
		/* Could not build the reply: say so if we can, then give up. */
		lg_sb_reset(&s->out);
		lg_error_set(&s->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		s->err.severity = LG_SEV_FATAL;
		lg_session_send_error(s, NULL, 0);
		return LG_HANDLE_CLOSE;
	}
	if (s->state == LG_SESS_CLOSED)
		return LG_HANDLE_CLOSE;
	return r;
}

void lg_session_cancel(lg_session_t *s)
{
	if (s->sqlite && s->job.state == LG_JOB_RUNNING)
		sqlite3_interrupt(s->sqlite);
	else if (s->parked)
		s->cancel_pending = true; /* seen by the next retry */
}
