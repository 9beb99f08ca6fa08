#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static lg_log_level_t threshold = LG_LOG_INFO;

static const char *const level_names[] = {"error", "warn", "info", "debug"};

void lg_log_set_level(lg_log_level_t level)
{
	threshold = level;
}

lg_log_level_t lg_log_get_level(void)
{
	return threshold;
}

bool lg_log_parse_level(const char *s, lg_log_level_t *out)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(level_names); i++) {
		if (strcmp(s, level_names[i]) == 0) {
			*out = (lg_log_level_t)i;
			return true;
		}
	}
	return false;
}

void lg_log(lg_log_level_t level, const char *fmt, ...)
{
	if (level > threshold)
		return;
	char stamp[32];
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &tm);
	char line[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s.%03ld UTC %s: %s\n", stamp, ts.tv_nsec / 1000000L, level_names[level], line);
}
