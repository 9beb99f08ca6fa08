/* Server configuration from the command line. Memory: process lifetime. */
#ifndef LG_CONFIG_H
#define LG_CONFIG_H

#include "common/lg.h"

typedef struct lg_config {
	char listen[64];
	int port;
	const char *data_dir; /* NULL: in memory */
	int log_level;        /* lg_log_level_t */
	size_t max_message;   /* largest frontend message accepted, bytes */
} lg_config_t;

typedef enum lg_config_result {
	LG_CONFIG_RUN,
	LG_CONFIG_EXIT_OK,    /* --help, --version */
	LG_CONFIG_EXIT_ERROR,
} lg_config_result_t;

lg_config_result_t lg_config_parse(lg_config_t *c, int argc, char **argv);

#endif
