#include "error.h"

#include "mem.h"
#include "strbuf.h"

#include <string.h>

static const char fallback_oom[] = "out of memory";

static char *vformat(const char *fmt, va_list ap)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_vappendf(&sb, fmt, ap);
	return lg_sb_detach(&sb);
}

int lg_error_vset_(lg_error_t *err, const char *file, int line, lg_sqlstate_t state,
		   const char *fmt, va_list ap)
{
	if (!err || err->set)
		return -1;
	err->set = true;
	err->severity = LG_SEV_ERROR;
	err->sqlstate = state;
	err->file = file;
	err->line = line;
	err->position = 0;
	err->message = vformat(fmt, ap);
	if (!err->message)
		err->sqlstate = LG_SQLSTATE_OUT_OF_MEMORY;
	return -1;
}

int lg_error_set_(lg_error_t *err, const char *file, int line, lg_sqlstate_t state,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lg_error_vset_(err, file, line, state, fmt, ap);
	va_end(ap);
	return -1;
}

void lg_error_field(lg_error_t *err, lg_error_field_t f, const char *fmt, ...)
{
	if (!err || !err->set || (unsigned)f >= LG_ERRF__COUNT)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(fmt, ap);
	va_end(ap);
	lg_free(err->fields[f]);
	err->fields[f] = s;
}

const char *lg_error_get(const lg_error_t *err, lg_error_field_t f)
{
	if ((unsigned)f >= LG_ERRF__COUNT)
		return NULL;
	return err->fields[f];
}

void lg_error_clear(lg_error_t *err)
{
	lg_free(err->message);
	for (int i = 0; i < LG_ERRF__COUNT; i++)
		lg_free(err->fields[i]);
	memset(err, 0, sizeof(*err));
}

void lg_error_move(lg_error_t *dst, lg_error_t *src)
{
	lg_error_clear(dst);
	*dst = *src;
	memset(src, 0, sizeof(*src));
}

const char *lg_severity_name(lg_severity_t s)
{
	switch (s) {
	case LG_SEV_ERROR: return "ERROR";
	case LG_SEV_FATAL: return "FATAL";
	case LG_SEV_PANIC: return "PANIC";
	case LG_SEV_WARNING: return "WARNING";
	case LG_SEV_NOTICE: return "NOTICE";
	case LG_SEV_DEBUG: return "DEBUG";
	case LG_SEV_INFO: return "INFO";
	case LG_SEV_LOG: return "LOG";
	}
	return "ERROR";
}

const char *lg_error_message(const lg_error_t *err)
{
	return err->message ? err->message : fallback_oom;
}
