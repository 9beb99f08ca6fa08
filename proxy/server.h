/* The process-wide server: event loop, listener, databases, translation
 * cache, the registry of sessions (for CancelRequest) and parked sessions.
 * Memory: process lifetime. */
#ifndef LG_SERVER_H
#define LG_SERVER_H

#include "common/lg.h"
#include "proxy/config.h"
#include "proxy/database.h"

struct event_base;
typedef struct lg_rw_cache lg_rw_cache_t;
typedef struct lg_conn lg_conn_t;
typedef struct lg_server lg_server_t;

struct lg_server {
	struct event_base *base;
	const lg_config_t *config;
	lg_dbs_t dbs;
	lg_rw_cache_t *cache;
	lg_conn_t *conns;   /* every live connection (for cancel and shutdown) */
	int nconns;
	uint32_t next_conn_id;
	struct event *retry_timer; /* resumes parked sessions */
	struct event *reaper;      /* frees dead connections */
	struct event *janitor;     /* periodic: statement timeouts */
	struct lg_workers *workers;
	lg_conn_t *dead;
	struct evconnlistener *listener;
	struct event *sigint_ev, *sigterm_ev;
	bool shutting_down;
};

int lg_server_init(lg_server_t *srv, const lg_config_t *config, lg_error_t *err);
/* Runs the loop until SIGINT/SIGTERM. */
int lg_server_run(lg_server_t *srv);
void lg_server_destroy(lg_server_t *srv);

/* Cancels the running statement of the session with this key pair, if any. */
void lg_server_cancel(lg_server_t *srv, int32_t pid, int32_t key);
/* Frees `c` after the current loop iteration. */
void lg_server_reap(lg_server_t *srv, lg_conn_t *c);
/* Arms the timer that resumes parked sessions. */
void lg_server_schedule_retry(lg_server_t *srv);

#endif
