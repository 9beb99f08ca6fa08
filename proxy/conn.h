/* A client connection: the socket, framing of incoming bytes into messages
 * for the session, and sending its replies. Replies are written to the
 * socket at once; only what the kernel does not take waits for the socket to
 * become writable, so a query costs one read and one write.
 * Memory: connection lifetime; freed after the current event-loop
 * iteration, never inside its own callback. */
#ifndef LG_CONN_H
#define LG_CONN_H

#include "common/lg.h"

struct event;
typedef struct lg_server lg_server_t;
typedef struct lg_session lg_session_t;

/* Bytes received and not yet consumed: data[start..len). */
typedef struct lg_inbuf {
	uint8_t *data;
	size_t start;
	size_t len;
	size_t cap;
} lg_inbuf_t;

typedef struct lg_conn {
	lg_server_t *srv;
	int fd;
	struct event *read_ev;
	struct event *write_ev;
	lg_inbuf_t in;
	lg_session_t *sess;
	uint32_t id;
	size_t out_sent;  /* bytes of sess->out already written */
	bool reading;     /* read_ev is armed */
	bool writing;     /* write_ev is armed: output is waiting */
	bool closing;     /* close once output is flushed */
	bool dead;        /* freed at the end of the loop iteration */
	bool parked;
	struct lg_conn *next;      /* server's list */
	struct lg_conn *next_dead;
	struct lg_conn *next_parked;
} lg_conn_t;

/* Takes ownership of `fd`. */
lg_conn_t *lg_conn_new(lg_server_t *srv, int fd, const char *peer);
/* Runs queued input again (a parked session may proceed). */
void lg_conn_resume(lg_conn_t *c);
/* Closes the connection; memory is released after this loop iteration. */
void lg_conn_kill(lg_conn_t *c);
/* Releases a killed connection (the server's reaper calls it). */
void lg_conn_free(lg_conn_t *c);

#endif
