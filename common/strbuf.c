#include "strbuf.h"

#include "mem.h"

#include <stdio.h>
#include <string.h>

void lg_sb_init(lg_sb_t *sb)
{
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->failed = false;
}

void lg_sb_free(lg_sb_t *sb)
{
	lg_free(sb->data);
	lg_sb_init(sb);
}

void lg_sb_reset(lg_sb_t *sb)
{
	sb->len = 0;
	sb->failed = false;
	if (sb->data)
		sb->data[0] = '\0';
}

bool lg_sb_reserve(lg_sb_t *sb, size_t n)
{
	if (sb->failed)
		return false;
	if (n >= SIZE_MAX / 2 - sb->len) {
		sb->failed = true;
		return false;
	}
	size_t need = sb->len + n + 1;
	if (need <= sb->cap)
		return true;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = lg_realloc(sb->data, cap);
	if (!p) {
		sb->failed = true;
		return false;
	}
	sb->data = p;
	sb->cap = cap;
	return true;
}

void lg_sb_appendn(lg_sb_t *sb, const void *p, size_t n)
{
	if (!lg_sb_reserve(sb, n))
		return;
	if (n)
		memcpy(sb->data + sb->len, p, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void lg_sb_append(lg_sb_t *sb, const char *s)
{
	lg_sb_appendn(sb, s, strlen(s));
}

void lg_sb_putc(lg_sb_t *sb, char c)
{
	lg_sb_appendn(sb, &c, 1);
}

void lg_sb_vappendf(lg_sb_t *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	if (n < 0) {
		sb->failed = true;
	} else if ((size_t)n < sizeof(tmp)) {
		lg_sb_appendn(sb, tmp, (size_t)n);
	} else if (lg_sb_reserve(sb, (size_t)n)) {
		vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap2);
		sb->len += (size_t)n;
	}
	va_end(ap2);
}

void lg_sb_appendf(lg_sb_t *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lg_sb_vappendf(sb, fmt, ap);
	va_end(ap);
}

static void append_quoted(lg_sb_t *sb, const char *s, size_t n, char q)
{
	lg_sb_putc(sb, q);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == q)
			lg_sb_putc(sb, q);
		lg_sb_putc(sb, s[i]);
	}
	lg_sb_putc(sb, q);
}

void lg_sb_append_ident(lg_sb_t *sb, const char *s)
{
	append_quoted(sb, s, strlen(s), '"');
}

void lg_sb_append_literal(lg_sb_t *sb, const char *s, size_t n)
{
	append_quoted(sb, s, n, '\'');
}

void lg_sb_truncate(lg_sb_t *sb, size_t len)
{
	if (len < sb->len) {
		sb->len = len;
		sb->data[len] = '\0';
	}
}

char *lg_sb_detach(lg_sb_t *sb)
{
	if (sb->failed) {
		lg_sb_free(sb);
		return NULL;
	}
	if (!sb->data && !lg_sb_reserve(sb, 0))
		return NULL;
	char *p = sb->data;
	lg_sb_init(sb);
	return p;
}
