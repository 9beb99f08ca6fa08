#include "proxy/worker.h"

#include "common/mem.h"

#include <errno.h>
#include <event2/event.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

#define MAX_THREADS 64

struct lg_workers {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	lg_job_t *queue, *queue_tail; /* waiting to run */
	lg_job_t *finished;           /* run, waiting for `done` */
	bool stopping;
	int nthreads;
	pthread_t threads[MAX_THREADS];
	int efd;                      /* signals the loop that jobs finished */
	struct event *ev;
};

static void *worker_main(void *arg)
{
	lg_workers_t *w = arg;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->queue && !w->stopping)
			pthread_cond_wait(&w->wake, &w->lock);
		if (!w->queue)
			break;
		lg_job_t *job = w->queue;
		w->queue = job->next;
		if (!w->queue)
			w->queue_tail = NULL;
		pthread_mutex_unlock(&w->lock);
		job->run(job);
		pthread_mutex_lock(&w->lock);
		job->next = w->finished;
		w->finished = job;
		uint64_t one = 1;
		while (write(w->efd, &one, sizeof(one)) < 0 && errno == EINTR)
			;
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* Loop thread: calls `done` for every finished job, oldest first. */
static void finished_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)what;
	lg_workers_t *w = arg;
	uint64_t n;
	while (read(fd, &n, sizeof(n)) < 0 && errno == EINTR)
		;
	pthread_mutex_lock(&w->lock);
	lg_job_t *list = w->finished;
	w->finished = NULL;
	pthread_mutex_unlock(&w->lock);
	lg_job_t *ordered = NULL;
	while (list) {
		lg_job_t *next = list->next;
		list->next = ordered;
		ordered = list;
		list = next;
	}
	while (ordered) {
		lg_job_t *next = ordered->next;
		ordered->next = NULL;
		ordered->done(ordered);
		ordered = next;
	}
}

lg_workers_t *lg_workers_new(struct event_base *base, int nthreads)
{
	if (nthreads < 1)
		nthreads = 1;
	if (nthreads > MAX_THREADS)
		nthreads = MAX_THREADS;
	lg_workers_t *w = lg_calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	w->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	w->ev = w->efd >= 0 ? event_new(base, w->efd, EV_READ | EV_PERSIST, finished_cb, w) : NULL;
	if (!w->ev || event_add(w->ev, NULL) != 0) {
		lg_workers_free(w);
		return NULL;
	}
	for (int i = 0; i < nthreads; i++) {
		if (pthread_create(&w->threads[i], NULL, worker_main, w) != 0)
			break;
		w->nthreads++;
	}
	if (w->nthreads == 0) {
		lg_workers_free(w);
		return NULL;
	}
	return w;
}

void lg_workers_free(lg_workers_t *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stopping = true;
	pthread_cond_broadcast(&w->wake);
	pthread_mutex_unlock(&w->lock);
	for (int i = 0; i < w->nthreads; i++)
		pthread_join(w->threads[i], NULL);
	/* Jobs that finished meanwhile still get their `done`. */
	if (w->efd >= 0)
		finished_cb(w->efd, 0, w);
	if (w->ev)
		event_free(w->ev);
	if (w->efd >= 0)
		close(w->efd);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	lg_free(w);
}

void lg_workers_submit(lg_workers_t *w, lg_job_t *job)
{
	job->next = NULL;
	pthread_mutex_lock(&w->lock);
	if (w->queue_tail)
		w->queue_tail->next = job;
	else
		w->queue = job;
	w->queue_tail = job;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
}
