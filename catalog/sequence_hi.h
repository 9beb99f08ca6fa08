/* Where each sequence really is, outside transactions. PostgreSQL's nextval
 * never rolls back: a value taken by a statement or transaction that fails
 * is not handed out again. The sequence's row in _lg_sequence is written
 * inside the caller's SQLite transaction and so is rolled back with it; this
 * process-wide record of the last value handed out (per database file and
 * sequence) survives that, and nextval starts from whichever is further on.
 * After a restart the row is the truth again (values of transactions that
 * never committed may then be reused, which no committed row can notice).
 * Internal to catalog/. Thread-safe. */
#ifndef LG_SEQUENCE_HI_H
#define LG_SEQUENCE_HI_H

#include "common/lg.h"

typedef struct lg_seq_hi_set lg_seq_hi_set_t;

/* The set of database file `file` (shared by every connection to it, lives
 * until lg_seq_hi_forget_under removes it), or NULL when out of memory. */
lg_seq_hi_set_t *lg_seq_hi_shared(const char *file);
/* A private set (a connection's temporary sequences). */
lg_seq_hi_set_t *lg_seq_hi_new(void);
void lg_seq_hi_free(lg_seq_hi_set_t *set);

/* The recorded state of sequence (name, rowid): true and *value, *is_called
 * when there is one. */
bool lg_seq_hi_get(lg_seq_hi_set_t *set, const char *name, int64_t rowid, int64_t *value,
		   bool *is_called);
/* Records a state; false when out of memory (the value is then simply not
 * remembered past a rollback). */
bool lg_seq_hi_put(lg_seq_hi_set_t *set, const char *name, int64_t rowid, int64_t value,
		   bool is_called);
/* Puts back `value` (the state before a statement that is being undone) if
 * the record still holds `expect` (nobody took a value since). */
void lg_seq_hi_rewind(lg_seq_hi_set_t *set, const char *name, int64_t rowid, int64_t expect,
		      int64_t value, bool is_called);
/* Forgets one sequence (created, dropped or restarted). */
void lg_seq_hi_forget(lg_seq_hi_set_t *set, const char *name);

#endif
