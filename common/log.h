/* Logging to stderr with a level threshold. Proxy code prefixes each line
 * with the connection it concerns; never log passwords or SCRAM material. */
#ifndef LG_LOG_H
#define LG_LOG_H

#include "lg.h"

typedef enum lg_log_level {
	LG_LOG_ERROR = 0,
	LG_LOG_WARN,
	LG_LOG_INFO,
	LG_LOG_DEBUG,
} lg_log_level_t;

void lg_log_set_level(lg_log_level_t level);
lg_log_level_t lg_log_get_level(void);
/* Parses "error", "warn", "info", "debug"; false if unknown. */
bool lg_log_parse_level(const char *s, lg_log_level_t *out);
void lg_log(lg_log_level_t level, const char *fmt, ...) LG_PRINTF(2, 3);

#define lg_log_enabled(level) ((level) <= lg_log_get_level())

#endif
