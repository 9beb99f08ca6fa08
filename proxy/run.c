/* Running one statement: first on the event-loop thread with a small time
 * budget, so the common short statement costs no thread switch; a statement
 * that outlives the budget moves to a worker, where CancelRequest and
 * statement_timeout can interrupt it and other sessions' I/O goes on.
 * - Before its first row, the statement is interrupted (SQLite undoes it)
 *   and started again on a worker.
 * - Between rows, the half-run statement itself continues on the worker.
 * Writes of durable databases always run on a worker: their COMMIT waits
 * for fsync. */
#include "proxy/session.h"

#include "proxy/conn.h"
#include "proxy/database.h"
#include "proxy/server.h"
#include "proxy/settings.h"

#include "catalog/sequence.h"

#include <sqlite3.h>
#include <string.h>

/* How long a statement may run on the loop thread. */
#define INLINE_BUDGET_USEC 2000
/* SQLite virtual-machine steps between budget checks. */
#define PROGRESS_STEPS 2000

/* Ends the transaction wrapped around a multi-statement plan in
 * autocommit mode (any thread). */
static lg_exec_status_t end_own_txn(lg_session_t *s, lg_exec_status_t st, lg_error_t *err)
{
	bool commit = st == LG_EXEC_DONE;
	if (sqlite3_exec(s->sqlite, commit ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK &&
	    commit) {
		lg_exec_sqlite_error(s->sqlite, sqlite3_errcode(s->sqlite), s->cat, err);
		sqlite3_exec(s->sqlite, "ROLLBACK", NULL, NULL, NULL);
		st = LG_EXEC_ERROR;
	}
	return st;
}

/* Worker thread. */
static void run_job(lg_job_t *j)
{
	lg_exec_job_t *job = (lg_exec_job_t *)j;
	lg_session_t *s = job->s;
	job->status = lg_exec_run(job->cur, s->sqlite, s->stmts, s->cat, job->max_rows, 0,
				  &job->out, &job->err);
	if (job->own_txn && job->status != LG_EXEC_SUSPENDED)
		job->status = end_own_txn(s, job->status, &job->err);
}

/* Loop thread: the job is finished; resume the message that started it. */
static void job_done(lg_job_t *j)
{
	lg_exec_job_t *job = (lg_exec_job_t *)j;
	lg_session_t *s = job->s;
	job->state = LG_JOB_DONE;
	if (s->orphaned) {
		lg_session_free(s);
		return;
	}
	if (s->owner)
		lg_conn_resume(s->owner);
}

/* An interrupted write (cancel, timeout) makes SQLite roll back the whole
 * transaction: the session must not believe it is still open. */
static void check_rolled_back(lg_session_t *s, lg_exec_status_t st)
{
	if (st == LG_EXEC_ERROR && s->sqlite_open && sqlite3_get_autocommit(s->sqlite)) {
		s->sqlite_open = false;
		s->sqlite_writes = false;
		s->nsavepoints_open = 0;
	}
}

/* Takes a finished job's result into the session. */
static lg_exec_status_t collect_job(lg_session_t *s, const lg_rw_stmt_t *plan)
{
	lg_exec_job_t *job = &s->job;
	job->state = LG_JOB_IDLE;
	lg_sb_appendn(&s->out, job->out.data ? job->out.data : "", job->out.len);
	lg_sb_reset(&job->out);
	if (job->err.set) {
		lg_error_move(&s->err, &job->err);
		if (job->timed_out && s->err.sqlstate == LG_SQLSTATE_QUERY_CANCELED) {
			lg_error_clear(&s->err);
			lg_error_set(&s->err, LG_SQLSTATE_QUERY_CANCELED,
				     "canceling statement due to statement timeout");
		}
	}
	check_rolled_back(s, job->status);
	if (job->status == LG_EXEC_DONE)
		lg_session_after_statement(s, plan);
	return job->status;
}

/* SQLite's progress handler: stops an inline statement that has used its
 * budget before producing a row (it is then run again on a worker). */
static int progress(void *arg)
{
	lg_session_t *s = arg;
	if (!s->inline_deadline || s->inline_cur->rows_run > 0)
		return 0;
	/* SQLite rolls back the whole transaction when it interrupts a write
	 * inside one: only reads and autocommit writes may be restarted. */
	sqlite3_stmt *st = s->inline_cur->st;
	if (st && !sqlite3_stmt_readonly(st) && !sqlite3_get_autocommit(s->sqlite))
		return 0;
	if (lg_session_now_usec() < s->inline_deadline)
		return 0;
	s->inline_expired = true;
	return 1;
}

void lg_session_install_progress(lg_session_t *s)
{
	sqlite3_progress_handler(s->sqlite, PROGRESS_STEPS, progress, s);
}

/* Runs on the loop thread within the budget. LG_EXEC_YIELD: the rest
 * belongs on a worker (cursor state says where to go on). */
static lg_exec_status_t run_inline(lg_session_t *s, lg_cursor_exec_t *cur, int64_t max_rows,
				   int64_t now)
{
	s->inline_deadline = now + INLINE_BUDGET_USEC;
	s->inline_cur = cur;
	s->inline_expired = false;
	lg_exec_status_t st = lg_exec_run(cur, s->sqlite, s->stmts, s->cat, max_rows,
					  s->inline_deadline, &s->out, &s->err);
	s->inline_deadline = 0;
	if (st == LG_EXEC_ERROR && s->inline_expired) {
		/* Interrupted before its first row: SQLite has undone it, and the
		 * worker will run it again from the start. */
		lg_error_clear(&s->err);
		lg_cat_sequence_rewind(lg_cat_sequences(s->cat));
		st = LG_EXEC_YIELD;
	}
	return st;
}

static void submit(lg_session_t *s, lg_cursor_exec_t *cur, int64_t max_rows, bool own_txn,
		   int64_t now)
{
	lg_exec_job_t *job = &s->job;
	job->s = s;
	job->job.run = run_job;
	/* job->out may already hold rows produced on the loop thread. */
	job->job.done = job_done;
	job->cur = cur;
	job->max_rows = max_rows;
	job->own_txn = own_txn;
	job->timed_out = false;
	job->status = LG_EXEC_ERROR;
	long long timeout_ms = lg_settings_timeout_ms(s->settings, "statement_timeout");
	job->deadline_usec = timeout_ms > 0 ? now + timeout_ms * 1000 : 0;
	job->state = LG_JOB_RUNNING;
	lg_workers_submit(s->srv->workers, &job->job);
}

lg_exec_status_t lg_session_run_sql(lg_session_t *s, lg_cursor_exec_t *cur, int64_t max_rows)
{
	const lg_rw_stmt_t *plan = cur->plan;
	if (s->job.state == LG_JOB_RUNNING)
		return LG_EXEC_PENDING;
	if (s->job.state == LG_JOB_DONE)
		return collect_job(s, plan);
	/* Several SQLite statements for one PostgreSQL statement must be atomic
	 * even in autocommit mode. */
	bool own_txn = !s->sqlite_open && s->xact == LG_XACT_NONE && plan->nsql > 1;
	lg_exec_status_t st = own_txn ? lg_exec_simple(s->sqlite, "BEGIN IMMEDIATE", &s->err)
				      : lg_session_begin_sqlite(s, plan);
	if (st != LG_EXEC_DONE)
		return st;
	int64_t now = lg_session_now_usec();
	cur->rows_run = 0;
	lg_cat_sequence_statement(lg_cat_sequences(s->cat));
	s->vars.stmt_start_usec = now;
	if (s->xact == LG_XACT_NONE)
		s->vars.xact_start_usec = now;
	bool durable_write = (plan->writes || plan->ddl) && !s->srv->dbs.temporary;
	if (!durable_write) {
		size_t mark = s->out.len;
		st = run_inline(s, cur, max_rows, now);
		if (st != LG_EXEC_YIELD) {
			if (own_txn && st != LG_EXEC_SUSPENDED)
				st = end_own_txn(s, st, &s->err);
			check_rolled_back(s, st);
			if (st == LG_EXEC_DONE)
				lg_session_after_statement(s, plan);
			return st;
		}
		/* Rows sent so far travel with the job: the message is handled
		 * again when it ends, and its reply is rebuilt then. */
		lg_sb_reset(&s->job.out);
		lg_sb_appendn(&s->job.out, s->out.data ? s->out.data + mark : "", s->out.len - mark);
		lg_sb_truncate(&s->out, mark);
	}
	submit(s, cur, max_rows, own_txn, now);
	return LG_EXEC_PENDING;
}

bool lg_session_busy(const lg_session_t *s)
{
	return s->job.state == LG_JOB_RUNNING;
}

lg_exec_status_t lg_session_waited(lg_session_t *s, lg_exec_status_t st)
{
	if (st != LG_EXEC_BUSY) {
		s->wait_start_usec = 0;
		s->cancel_pending = false;
		return st;
	}
	int64_t now = lg_session_now_usec();
	if (!s->wait_start_usec)
		s->wait_start_usec = now;
	int64_t waited_ms = (now - s->wait_start_usec) / 1000;
	long long lock_ms = lg_settings_timeout_ms(s->settings, "lock_timeout");
	long long stmt_ms = lg_settings_timeout_ms(s->settings, "statement_timeout");
	if (s->cancel_pending)
		lg_error_set(&s->err, LG_SQLSTATE_QUERY_CANCELED,
			     "canceling statement due to user request");
	else if (lock_ms > 0 && waited_ms >= lock_ms)
		lg_error_set(&s->err, LG_SQLSTATE_LOCK_NOT_AVAILABLE,
			     "canceling statement due to lock timeout");
	else if (stmt_ms > 0 && waited_ms >= stmt_ms)
		lg_error_set(&s->err, LG_SQLSTATE_QUERY_CANCELED,
			     "canceling statement due to statement timeout");
	else
		return LG_EXEC_BUSY;
	s->wait_start_usec = 0;
	s->cancel_pending = false;
	return LG_EXEC_ERROR;
}

void lg_session_check_timeout(lg_session_t *s, int64_t now)
{
	lg_exec_job_t *job = &s->job;
	if (job->state == LG_JOB_RUNNING && job->deadline_usec && now >= job->deadline_usec &&
	    !job->timed_out) {
		job->timed_out = true;
		sqlite3_interrupt(s->sqlite);
	}
}

void lg_session_release(lg_session_t *s)
{
	if (s->job.state == LG_JOB_RUNNING) {
		s->orphaned = true;
		s->owner = NULL;
		sqlite3_interrupt(s->sqlite);
		return;
	}
	lg_session_free(s);
}
