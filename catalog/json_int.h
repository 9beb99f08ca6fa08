/* The jsonb builder json.c's parser feeds (jsonb.c). Memory comes from the
 * arena given to lg_jb_new; strings passed in must outlive the builder.
 * Internal to catalog/. */
#ifndef LG_JSON_INT_H
#define LG_JSON_INT_H

#include "catalog/codec.h"

typedef struct lg_jb lg_jb_t;

typedef enum lg_jb_kind {
	LG_JB_STRING,
	LG_JB_NUMBER,
	LG_JB_TRUE,
	LG_JB_FALSE,
	LG_JB_NULL,
} lg_jb_kind_t;

/* NULL on out-of-memory. */
lg_jb_t *lg_jb_new(lg_arena_t *arena);
/* Opens an object or array as the next value; -1 on out-of-memory. */
int lg_jb_open(lg_jb_t *b, bool object);
void lg_jb_close(lg_jb_t *b);
/* The key of the next member of the innermost object (decoded). */
void lg_jb_key(lg_jb_t *b, const char *s, size_t len);
/* Adds a scalar: strings decoded, numbers as JSON wrote them (made
 * canonical here). -1 with err set (out of memory, numeric overflow). */
int lg_jb_scalar(lg_jb_t *b, lg_jb_kind_t kind, const char *s, size_t len, lg_error_t *err);
/* Canonical jsonb text of the finished value, in the arena. */
int lg_jb_finish(lg_jb_t *b, lg_value_t *out, lg_error_t *err);

#endif
