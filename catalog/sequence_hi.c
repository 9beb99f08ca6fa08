/* The out-of-transaction record of sequence values; see sequence_hi.h. */
#include "catalog/sequence_hi.h"

#include "catalog/schema.h"
#include "catalog/sequence.h"
#include "common/mem.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

typedef struct hi_entry {
	char name[LG_CAT_NAME_MAX + 1];
	int64_t rowid;
	int64_t value;
	bool is_called;
} hi_entry_t;

struct lg_seq_hi_set {
	char *file; /* NULL for a private set */
	pthread_mutex_t lock;
	hi_entry_t *v;
	int n, cap;
	lg_seq_hi_set_t *next; /* shared sets, in g_sets */
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static lg_seq_hi_set_t *g_sets;

lg_seq_hi_set_t *lg_seq_hi_new(void)
{
	lg_seq_hi_set_t *set = lg_calloc(1, sizeof(*set));
	if (set)
		pthread_mutex_init(&set->lock, NULL);
	return set;
}

void lg_seq_hi_free(lg_seq_hi_set_t *set)
{
	if (!set)
		return;
	pthread_mutex_destroy(&set->lock);
	lg_free(set->v);
	lg_free(set->file);
	lg_free(set);
}

lg_seq_hi_set_t *lg_seq_hi_shared(const char *file)
{
	pthread_mutex_lock(&g_lock);
	lg_seq_hi_set_t *set = g_sets;
	while (set && strcmp(set->file, file) != 0)
		set = set->next;
	if (!set && (set = lg_seq_hi_new()) != NULL) {
		set->file = lg_strdup(file);
		if (set->file) {
			set->next = g_sets;
			g_sets = set;
		} else {
			lg_seq_hi_free(set);
			set = NULL;
		}
	}
	pthread_mutex_unlock(&g_lock);
	return set;
}

void lg_cat_sequence_forget_under(const char *dir)
{
	size_t n = strlen(dir);
	pthread_mutex_lock(&g_lock);
	for (lg_seq_hi_set_t **p = &g_sets; *p;) {
		lg_seq_hi_set_t *set = *p;
		if (strncmp(set->file, dir, n) == 0 && (set->file[n] == '/' || set->file[n] == 0)) {
			*p = set->next;
			lg_seq_hi_free(set);
		} else {
			p = &set->next;
		}
	}
	pthread_mutex_unlock(&g_lock);
}

/* Caller holds set->lock. */
static hi_entry_t *find(lg_seq_hi_set_t *set, const char *name)
{
	for (int i = 0; i < set->n; i++)
		if (strcmp(set->v[i].name, name) == 0)
			return &set->v[i];
	return NULL;
}

bool lg_seq_hi_get(lg_seq_hi_set_t *set, const char *name, int64_t rowid, int64_t *value,
		   bool *is_called)
{
	pthread_mutex_lock(&set->lock);
	const hi_entry_t *e = find(set, name);
	bool found = e && e->rowid == rowid;
	if (found) {
		*value = e->value;
		*is_called = e->is_called;
	}
	pthread_mutex_unlock(&set->lock);
	return found;
}

bool lg_seq_hi_put(lg_seq_hi_set_t *set, const char *name, int64_t rowid, int64_t value,
		   bool is_called)
{
	bool ok = true;
	pthread_mutex_lock(&set->lock);
	hi_entry_t *e = find(set, name);
	if (!e && set->n == set->cap) {
		int cap = set->cap ? set->cap * 2 : 8;
		hi_entry_t *v = lg_realloc(set->v, sizeof(*v) * (size_t)cap);
		if (v) {
			set->v = v;
			set->cap = cap;
		}
	}
	if (!e && set->n < set->cap) {
		e = &set->v[set->n++];
		snprintf(e->name, sizeof(e->name), "%s", name);
	}
	if (e) {
		e->rowid = rowid;
		e->value = value;
		e->is_called = is_called;
	}
	ok = e != NULL;
	pthread_mutex_unlock(&set->lock);
	return ok;
}

void lg_seq_hi_rewind(lg_seq_hi_set_t *set, const char *name, int64_t rowid, int64_t expect,
		      int64_t value, bool is_called)
{
	pthread_mutex_lock(&set->lock);
	hi_entry_t *e = find(set, name);
	if (e && e->rowid == rowid && e->value == expect) {
		e->value = value;
		e->is_called = is_called;
	}
	pthread_mutex_unlock(&set->lock);
}

void lg_seq_hi_forget(lg_seq_hi_set_t *set, const char *name)
{
	pthread_mutex_lock(&set->lock);
	hi_entry_t *e = find(set, name);
	if (e)
		*e = set->v[--set->n];
	pthread_mutex_unlock(&set->lock);
}
