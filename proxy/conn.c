#include "proxy/conn.h"

#include "common/error.h"
#include "common/log.h"
#include "common/mem.h"
#include "proxy/server.h"
#include "proxy/session.h"
#include "proxy/wire.h"

#include <errno.h>
#include <event2/event.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* Stop reading while this much output waits for a slow client. */
#define OUTPUT_HIGH_WATER (4u << 20)
/* Read at least this much room at a time. */
#define READ_CHUNK 65536
/* Buffers larger than this are freed once empty. */
#define RETAIN_BUFFER (1u << 20)

static void process_input(lg_conn_t *c);

static void set_reading(lg_conn_t *c, bool on)
{
	if (on == c->reading)
		return;
	c->reading = on;
	if (on)
		event_add(c->read_ev, NULL);
	else
		event_del(c->read_ev);
}

static void set_writing(lg_conn_t *c, bool on)
{
	if (on == c->writing)
		return;
	c->writing = on;
	if (on)
		event_add(c->write_ev, NULL);
	else
		event_del(c->write_ev);
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
	set_reading(c, false);
	set_writing(c, false);
	lg_server_reap(c->srv, c);
}

void lg_conn_free(lg_conn_t *c)
{
	/* Freeing the session rolls back its transaction (once its statement,
	 * if one is running, has been interrupted and returned). */
	if (c->sess)
		lg_session_release(c->sess);
	if (c->read_ev)
		event_free(c->read_ev);
	if (c->write_ev)
		event_free(c->write_ev);
	if (c->fd >= 0)
		close(c->fd);
	lg_free(c->in.data);
	lg_free(c);
}

/* Writes what the session has produced; what the kernel does not take now
 * waits for the socket to become writable. */
static void flush_output(lg_conn_t *c)
{
	lg_sb_t *out = &c->sess->out;
	while (c->out_sent < out->len) {
		ssize_t n = send(c->fd, out->data + c->out_sent, out->len - c->out_sent, MSG_NOSIGNAL);
		if (n > 0) {
			c->out_sent += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			set_writing(c, true);
			return;
		}
		lg_log(LG_LOG_DEBUG, "[c%u %s] write failed: %s", c->id, c->sess->peer,
		       strerror(errno));
		lg_conn_kill(c);
		return;
	}
	/* Give back the memory of an unusually large reply. */
	if (out->cap > RETAIN_BUFFER)
		lg_sb_free(out);
	else
		lg_sb_reset(out);
	c->out_sent = 0;
	set_writing(c, false);
	if (c->closing)
		lg_conn_kill(c);
}

/* Closes once the output has been written. */
static void close_after_flush(lg_conn_t *c)
{
	c->closing = true;
	set_reading(c, false);
	flush_output(c);
}

static void protocol_violation(lg_conn_t *c, lg_error_t *err)
{
	lg_log(LG_LOG_INFO, "[c%u %s] %s", c->id, c->sess->peer, lg_error_message(err));
	lg_session_fatal(c->sess, err);
	close_after_flush(c);
}

/* Frames and hands over every complete message; returns bytes consumed. */
static size_t handle_messages(lg_conn_t *c, const uint8_t *data, size_t avail)
{
	size_t used = 0;
	while (!c->closing && !c->dead && used < avail) {
		lg_error_t err = LG_ERROR_INIT;
		bool startup = lg_session_in_startup(c->sess);
		uint8_t type = data[used];
		size_t max = startup ? 0 : lg_session_max_len(c->sess, type);
		size_t len = 0;
		if (!startup && max == 0) {
			lg_error_set(&err, LG_SQLSTATE_PROTOCOL_VIOLATION,
				     "invalid frontend message type %d", type);
			protocol_violation(c, &err);
			break;
		}
		lg_frame_status_t fs = lg_wire_frame(data + used, avail - used, startup, max, &type,
						     &len, &err);
		if (fs == LG_FRAME_NEED_MORE)
			break;
		if (fs == LG_FRAME_BAD) {
			protocol_violation(c, &err);
			break;
		}
		/* An Execute right before Sync needs no transaction of its own. */
		c->sess->sync_follows = !startup && used + len < avail && data[used + len] == LG_FE_SYNC;
		lg_handle_result_t r = lg_session_handle(c->sess, data + used, len);
		if (r == LG_HANDLE_PARKED)
			break;
		used += len;
		if (r == LG_HANDLE_CLOSE) {
			close_after_flush(c);
			break;
		}
	}
	return used;
}

static void process_input(lg_conn_t *c)
{
	lg_inbuf_t *in = &c->in;
	size_t used = handle_messages(c, in->data + in->start, in->len - in->start);
	if (c->dead)
		return;
	in->start += used;
	if (in->start == in->len) {
		in->start = in->len = 0;
		if (in->cap > RETAIN_BUFFER) {
			lg_free(in->data);
			in->data = NULL;
			in->cap = 0;
		}
	}
	c->parked = c->sess->parked || lg_session_busy(c->sess);
	if (!c->closing)
		flush_output(c);
	if (c->dead || c->closing)
		return;
	/* A slow reader must not make us buffer without bound. */
	set_reading(c, c->sess->out.len - c->out_sent <= OUTPUT_HIGH_WATER);
}

/* Makes room for READ_CHUNK more bytes, moving unconsumed ones to the front. */
static bool reserve_input(lg_inbuf_t *in)
{
	if (in->start > 0 && in->start == in->len)
		in->start = in->len = 0;
	if (in->cap - in->len >= READ_CHUNK)
		return true;
	if (in->start > 0) {
		memmove(in->data, in->data + in->start, in->len - in->start);
		in->len -= in->start;
		in->start = 0;
		if (in->cap - in->len >= READ_CHUNK)
			return true;
	}
	size_t cap = in->cap ? in->cap : READ_CHUNK;
	while (cap - in->len < READ_CHUNK)
		cap *= 2;
	uint8_t *p = lg_realloc(in->data, cap);
	if (!p)
		return false;
	in->data = p;
	in->cap = cap;
	return true;
}

static void read_cb(evutil_socket_t fd, short what, void *arg)
{
	LG_UNUSED(what);
	lg_conn_t *c = arg;
	if (!reserve_input(&c->in)) {
		lg_log(LG_LOG_ERROR, "[c%u %s] out of memory reading a message", c->id,
		       c->sess->peer);
		lg_conn_kill(c);
		return;
	}
	ssize_t n = recv(fd, c->in.data + c->in.len, c->in.cap - c->in.len, 0);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
		lg_log(LG_LOG_DEBUG, "[c%u %s] connection closed by client", c->id, c->sess->peer);
		lg_conn_kill(c);
		return;
	}
	if (n < 0)
		return;
	c->in.len += (size_t)n;
	if (!c->parked)
		process_input(c);
}

static void write_cb(evutil_socket_t fd, short what, void *arg)
{
	LG_UNUSED(fd);
	LG_UNUSED(what);
	lg_conn_t *c = arg;
	flush_output(c);
	if (c->dead || c->closing || c->writing)
		return;
	set_reading(c, true);
	if (!c->parked && c->in.len > c->in.start)
		process_input(c);
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
		close(fd);
		return NULL;
	}
	c->srv = srv;
	c->fd = fd;
	c->id = ++srv->next_conn_id;
	c->read_ev = event_new(srv->base, fd, EV_READ | EV_PERSIST, read_cb, c);
	c->write_ev = event_new(srv->base, fd, EV_WRITE | EV_PERSIST, write_cb, c);
	c->sess = lg_session_new(srv, c->id, peer);
	if (!c->read_ev || !c->write_ev || !c->sess) {
		lg_conn_free(c);
		return NULL;
	}
	c->sess->owner = c;
	set_reading(c, true);
	c->next = srv->conns;
	srv->conns = c;
	srv->nconns++;
	return c;
}
