/* A client connection: the socket (libevent bufferevent), framing of
 * incoming bytes into messages for the session, and flushing its replies.
 * Memory: connection lifetime; freed after the current event-loop
 * iteration, never inside its own callback. */
#ifndef LG_CONN_H
#define LG_CONN_H

#include "common/lg.h"

struct bufferevent;
typedef struct lg_server lg_server_t;
typedef struct lg_session lg_session_t;

typedef struct lg_conn {
	lg_server_t *srv;
	struct bufferevent *bev;
	lg_session_t *sess;
	uint32_t id;
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
