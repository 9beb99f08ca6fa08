#include "proxy/server.h"

#include "common/error.h"
#include "common/log.h"
#include "proxy/conn.h"
#include "proxy/session.h"
#include "proxy/worker.h"
#include "rewrite/rewrite.h"

#include <arpa/inet.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <event2/util.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define TRANSLATION_CACHE_ENTRIES 4096
/* Parked sessions retry after this long: short, since locks are held for
 * microseconds unless a client keeps a transaction open. */
#define RETRY_USEC 1000
/* statement_timeout granularity. */
#define JANITOR_USEC 10000

static void accept_cb(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *addr,
		      int socklen, void *arg)
{
	LG_UNUSED(l);
	LG_UNUSED(socklen);
	lg_server_t *srv = arg;
	char peer[64] = "?";
	if (addr->sa_family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)addr;
		char ip[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
		snprintf(peer, sizeof(peer), "%s:%u", ip, ntohs(in->sin_port));
	} else if (addr->sa_family == AF_INET6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)addr;
		char ip[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
		snprintf(peer, sizeof(peer), "[%s]:%u", ip, ntohs(in6->sin6_port));
	}
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	evutil_make_socket_nonblocking(fd);
	if (!lg_conn_new(srv, fd, peer))
		lg_log(LG_LOG_ERROR, "out of memory accepting a connection from %s", peer);
}

static void reaper_cb(evutil_socket_t fd, short what, void *arg)
{
	LG_UNUSED(fd);
	LG_UNUSED(what);
	lg_server_t *srv = arg;
	while (srv->dead) {
		lg_conn_t *c = srv->dead;
		srv->dead = c->next_dead;
		lg_conn_free(c);
	}
}

void lg_server_reap(lg_server_t *srv, lg_conn_t *c)
{
	c->next_dead = srv->dead;
	srv->dead = c;
	event_active(srv->reaper, 0, 0);
}

static void retry_cb(evutil_socket_t fd, short what, void *arg)
{
	LG_UNUSED(fd);
	LG_UNUSED(what);
	lg_server_t *srv = arg;
	bool still_parked = false;
	/* Resuming may kill connections: walk a snapshot of the parked ones. */
	lg_conn_t *parked = NULL;
	for (lg_conn_t *c = srv->conns; c; c = c->next) {
		if (c->parked && !c->dead && c->sess->parked) {
			c->next_parked = parked;
			parked = c;
		}
	}
	for (lg_conn_t *c = parked; c; c = c->next_parked) {
		if (c->dead)
			continue;
		lg_conn_resume(c);
		if (!c->dead && c->parked)
			still_parked = true;
	}
	if (still_parked)
		lg_server_schedule_retry(srv);
}

void lg_server_schedule_retry(lg_server_t *srv)
{
	if (evtimer_pending(srv->retry_timer, NULL))
		return;
	struct timeval tv = {0, RETRY_USEC};
	evtimer_add(srv->retry_timer, &tv);
}

void lg_server_cancel(lg_server_t *srv, int32_t pid, int32_t key)
{
	for (lg_conn_t *c = srv->conns; c; c = c->next) {
		if (!c->dead && c->sess && c->sess->pid == pid && c->sess->key == key) {
			lg_session_cancel(c->sess);
			return;
		}
	}
}

/* One periodic timer for all timeouts, rather than one per connection. */
static void janitor_cb(evutil_socket_t fd, short what, void *arg)
{
	LG_UNUSED(fd);
	LG_UNUSED(what);
	lg_server_t *srv = arg;
	struct timeval tv;
	gettimeofday(&tv, NULL);
	int64_t now = (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
	for (lg_conn_t *c = srv->conns; c; c = c->next)
		if (!c->dead && lg_session_busy(c->sess))
			lg_session_check_timeout(c->sess, now);
}

static void signal_cb(evutil_socket_t sig, short what, void *arg)
{
	LG_UNUSED(what);
	lg_server_t *srv = arg;
	lg_log(LG_LOG_INFO, "received %s, shutting down", sig == SIGINT ? "SIGINT" : "SIGTERM");
	srv->shutting_down = true;
	event_base_loopbreak(srv->base);
}

static int listen_on(lg_server_t *srv, lg_error_t *err)
{
	const lg_config_t *cfg = srv->config;
	struct sockaddr_storage ss;
	int sslen = sizeof(ss);
	char spec[128];
	snprintf(spec, sizeof(spec), strchr(cfg->listen, ':') ? "[%s]:%d" : "%s:%d", cfg->listen,
		 cfg->port);
	memset(&ss, 0, sizeof(ss));
	if (evutil_parse_sockaddr_port(spec, (struct sockaddr *)&ss, &sslen) != 0)
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "invalid listen address \"%s\"", cfg->listen);
	srv->listener = evconnlistener_new_bind(srv->base, accept_cb, srv,
						LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, 128,
						(struct sockaddr *)&ss, sslen);
	if (!srv->listener)
		return lg_error_set(err, LG_SQLSTATE_IO_ERROR, "could not listen on %s: %s", spec,
				    evutil_socket_error_to_string(EVUTIL_SOCKET_ERROR()));
	return 0;
}

int lg_server_init(lg_server_t *srv, const lg_config_t *config, lg_error_t *err)
{
	memset(srv, 0, sizeof(*srv));
	srv->config = config;
	signal(SIGPIPE, SIG_IGN);
	srv->base = event_base_new();
	srv->cache = lg_rw_cache_new(TRANSLATION_CACHE_ENTRIES);
	if (!srv->base || !srv->cache)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	srv->retry_timer = evtimer_new(srv->base, retry_cb, srv);
	srv->janitor = event_new(srv->base, -1, EV_PERSIST, janitor_cb, srv);
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	srv->workers = lg_workers_new(srv->base, ncpu > 0 ? (int)ncpu * 2 : 4);
	srv->reaper = event_new(srv->base, -1, 0, reaper_cb, srv);
	srv->sigint_ev = evsignal_new(srv->base, SIGINT, signal_cb, srv);
	srv->sigterm_ev = evsignal_new(srv->base, SIGTERM, signal_cb, srv);
	if (!srv->retry_timer || !srv->reaper || !srv->sigint_ev || !srv->sigterm_ev ||
	    !srv->janitor || !srv->workers)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	struct timeval janitor_period = {0, JANITOR_USEC};
	event_add(srv->janitor, &janitor_period);
	evsignal_add(srv->sigint_ev, NULL);
	evsignal_add(srv->sigterm_ev, NULL);
	if (lg_dbs_open(&srv->dbs, config->data_dir, err) != 0)
		return -1;
	return listen_on(srv, err);
}

int lg_server_run(lg_server_t *srv)
{
	return event_base_dispatch(srv->base) < 0 ? -1 : 0;
}

void lg_server_destroy(lg_server_t *srv)
{
	while (srv->conns)
		lg_conn_kill(srv->conns);
	if (srv->reaper)
		reaper_cb(-1, 0, srv);
	/* Interrupted statements finish; their orphaned sessions are freed. */
	lg_workers_free(srv->workers);
	if (srv->janitor)
		event_free(srv->janitor);
	if (srv->listener)
		evconnlistener_free(srv->listener);
	if (srv->retry_timer)
		event_free(srv->retry_timer);
	if (srv->reaper)
		event_free(srv->reaper);
	if (srv->sigint_ev)
		event_free(srv->sigint_ev);
	if (srv->sigterm_ev)
		event_free(srv->sigterm_ev);
	lg_dbs_close(&srv->dbs);
	lg_rw_cache_free(srv->cache);
	if (srv->base)
		event_base_free(srv->base);
	memset(srv, 0, sizeof(*srv));
}
