#include "proxy/conn.h"

#include "common/error.h"
#include "common/log.h"
#include "common/mem.h"
#include "proxy/server.h"
#include "proxy/session.h"
#include "proxy/wire.h"

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <string.h>

/* Stop reading while this much output waits for a slow client. */
#define OUTPUT_HIGH_WATER (4u << 20)

static void read_cb(struct bufferevent *bev, void *arg);
static void write_cb(struct bufferevent *bev, void *arg);
static void event_cb(struct bufferevent *bev, short what, void *arg);

static void flush_output(lg_conn_t *c)
{
	lg_sb_t *out = &c->sess->out;
	if (out->len) {
		bufferevent_write(c->bev, out->data, out->len);
		lg_sb_reset(out);
	}
}

static void unlink_conn(lg_conn_t *c)
{
	lg_server_t *srv = c->srv;
	for (lg_conn_t **pp = &srv->conns; *pp; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			srv->nconns--;
			return;
		}
	}
}

/* Marks the connection dead; the server frees it after this loop
 * iteration, so no callback ever runs on freed memory. */
void lg_conn_kill(lg_conn_t *c)
{
	if (c->dead)
		return;
	c->dead = true;
	unlink_conn(c);
	bufferevent_disable(c->bev, EV_READ | EV_WRITE);
	bufferevent_setcb(c->bev, NULL, NULL, NULL, NULL);
	lg_server_reap(c->srv, c);
}

void lg_conn_free(lg_conn_t *c)
{
	/* Freeing the session rolls back its transaction (once its statement,
	 * if one is running, has been interrupted and returned). */
	lg_session_release(c->sess);
	bufferevent_free(c->bev);
	lg_free(c);
}

/* Closes once the output buffer has drained. */
static void close_after_flush(lg_conn_t *c)
{
	c->closing = true;
	bufferevent_disable(c->bev, EV_READ);
	if (evbuffer_get_length(bufferevent_get_output(c->bev)) == 0)
		lg_conn_kill(c);
}

static void protocol_violation(lg_conn_t *c, lg_error_t *err)
{
	lg_log(LG_LOG_INFO, "[c%u %s] %s", c->id, c->sess->peer, lg_error_message(err));
	lg_session_fatal(c->sess, err);
	flush_output(c);
	close_after_flush(c);
}

/* Feeds every complete message in the input buffer to the session. */
static void process_input(lg_conn_t *c)
{
	struct evbuffer *in = bufferevent_get_input(c->bev);
	size_t avail = evbuffer_get_length(in);
	size_t used = 0;
	uint8_t *data = avail ? evbuffer_pullup(in, -1) : NULL;
	while (!c->closing && used < avail) {
		lg_error_t err = LG_ERROR_INIT;
		bool startup = lg_session_in_startup(c->sess);
		uint8_t type = data[used];
		size_t max = startup ? 0 : lg_session_max_len(c->sess, type);
		size_t len = 0;
		if (!startup && max == 0) {
			lg_error_set(&err, LG_SQLSTATE_PROTOCOL_VIOLATION,
				     "invalid frontend message type %d", type);
			protocol_violation(c, &err);
			return;
		}
		lg_frame_status_t fs = lg_wire_frame(data + used, avail - used, startup, max, &type,
						     &len, &err);
		if (fs == LG_FRAME_NEED_MORE)
			break;
		if (fs == LG_FRAME_BAD) {
			protocol_violation(c, &err);
			return;
		}
		lg_handle_result_t r = lg_session_handle(c->sess, data + used, len);
		if (r == LG_HANDLE_PARKED) {
			c->parked = true;
			break;
		}
		used += len;
		if (r == LG_HANDLE_CLOSE) {
			flush_output(c);
			close_after_flush(c);
			return;
		}
		if (c->sess->out.len > OUTPUT_HIGH_WATER)
			flush_output(c);
	}
	c->parked = c->sess->parked || lg_session_busy(c->sess);
	evbuffer_drain(in, used);
	flush_output(c);
	if (evbuffer_get_length(bufferevent_get_output(c->bev)) > OUTPUT_HIGH_WATER)
		bufferevent_disable(c->bev, EV_READ);
}

static void read_cb(struct bufferevent *bev, void *arg)
{
	LG_UNUSED(bev);
	lg_conn_t *c = arg;
	if (c->parked)
		return; /* the retry timer resumes us */
	process_input(c);
}

static void write_cb(struct bufferevent *bev, void *arg)
{
	LG_UNUSED(bev);
	lg_conn_t *c = arg;
	if (c->closing) {
		lg_conn_kill(c);
		return;
	}
	bufferevent_enable(c->bev, EV_READ);
	if (!c->parked && evbuffer_get_length(bufferevent_get_input(c->bev)))
		process_input(c);
}

static void event_cb(struct bufferevent *bev, short what, void *arg)
{
	LG_UNUSED(bev);
	lg_conn_t *c = arg;
	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) {
		lg_log(LG_LOG_DEBUG, "[c%u %s] connection closed by client", c->id, c->sess->peer);
		lg_conn_kill(c);
	}
}

void lg_conn_resume(lg_conn_t *c)
{
	if (c->dead || c->closing)
		return;
	c->parked = false;
	c->sess->parked = false;
	process_input(c);
}

lg_conn_t *lg_conn_new(lg_server_t *srv, int fd, const char *peer)
{
	lg_conn_t *c = lg_calloc(1, sizeof(*c));
	if (!c) {
		evutil_closesocket(fd);
		return NULL;
	}
	c->srv = srv;
	c->id = ++srv->next_conn_id;
	c->bev = bufferevent_socket_new(srv->base, fd, BEV_OPT_CLOSE_ON_FREE);
	c->sess = lg_session_new(srv, c->id, peer);
	if (!c->bev || !c->sess) {
		if (c->bev)
			bufferevent_free(c->bev);
		else
			evutil_closesocket(fd);
		lg_session_free(c->sess);
		lg_free(c);
		return NULL;
	}
	c->sess->owner = c;
	bufferevent_setcb(c->bev, read_cb, write_cb, event_cb, c);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	c->next = srv->conns;
	srv->conns = c;
	srv->nconns++;
	return c;
}
