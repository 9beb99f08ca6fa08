/* A small pool of threads that run SQLite work off the event loop, so a
 * long statement never stalls other sessions' I/O and can be interrupted by
 * CancelRequest or statement_timeout. A job runs `run` on a worker; when it
 * is done the loop thread calls `done`. A session has at most one job in
 * flight and nothing else touches its SQLite connection meanwhile.
 * Memory: the pool is process lifetime; jobs belong to their submitter. */
#ifndef LG_WORKER_H
#define LG_WORKER_H

#include "common/lg.h"

struct event_base;

typedef struct lg_job {
	void (*run)(struct lg_job *job);  /* on a worker thread */
	void (*done)(struct lg_job *job); /* on the loop thread */
	struct lg_job *next;
} lg_job_t;

typedef struct lg_workers lg_workers_t;

lg_workers_t *lg_workers_new(struct event_base *base, int nthreads);
/* Waits for running and queued jobs, stops the threads, then calls `done`
 * for every finished job. */
void lg_workers_free(lg_workers_t *w);
void lg_workers_submit(lg_workers_t *w, lg_job_t *job);

#endif
