/* Growable string/byte builder with a sticky failure flag: append freely,
 * check `failed` once at the end. The buffer is always NUL-terminated when
 * not failed. Memory: owned by the builder until lg_sb_free/lg_sb_detach. */
#ifndef LG_STRBUF_H
#define LG_STRBUF_H

#include "lg.h"

#include <stdarg.h>

struct lg_sb {
	char *data;
	size_t len;
	size_t cap;
	bool failed;
};

#define LG_SB_INIT {NULL, 0, 0, false}

void lg_sb_init(lg_sb_t *sb);
void lg_sb_free(lg_sb_t *sb);
/* Keeps the allocation, empties the contents and clears `failed`. */
void lg_sb_reset(lg_sb_t *sb);
/* Makes room for `n` more bytes; false (and failed set) on OOM. */
bool lg_sb_reserve(lg_sb_t *sb, size_t n);
void lg_sb_append(lg_sb_t *sb, const char *s);
void lg_sb_appendn(lg_sb_t *sb, const void *p, size_t n);
void lg_sb_putc(lg_sb_t *sb, char c);
void lg_sb_appendf(lg_sb_t *sb, const char *fmt, ...) LG_PRINTF(2, 3);
void lg_sb_vappendf(lg_sb_t *sb, const char *fmt, va_list ap) LG_PRINTF(2, 0);
/* Appends `s` as a double-quoted SQL identifier ("a""b"). */
void lg_sb_append_ident(lg_sb_t *sb, const char *s);
/* Appends `s` as a single-quoted SQL string literal ('it''s'). */
void lg_sb_append_literal(lg_sb_t *sb, const char *s, size_t n);
/* Drops bytes after `len` (len <= sb->len). */
void lg_sb_truncate(lg_sb_t *sb, size_t len);
/* Returns the heap string and leaves the builder empty; NULL if failed. */
char *lg_sb_detach(lg_sb_t *sb);

#endif
