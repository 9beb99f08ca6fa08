#include "proxy/config.h"

#include "common/log.h"
#include "proxy/wire.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("litegres " LG_VERSION " - a PostgreSQL server that stores its data in SQLite\n\n"
	      "Usage: litegres [OPTION]...\n\n"
	      "  --listen ADDR        address to listen on (default 127.0.0.1)\n"
	      "  --port N             TCP port (default 5432)\n"
	      "  --memory             keep databases in memory, gone at exit (default)\n"
	      "  --data-dir DIR       keep databases as SQLite files under DIR\n"
	      "  --log-level LEVEL    error, warn, info (default) or debug\n"
	      "  --help               show this help and exit\n"
	      "  --version            show the version and exit\n",
	      f);
}

lg_config_result_t lg_config_parse(lg_config_t *c, int argc, char **argv)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->listen, sizeof(c->listen), "127.0.0.1");
	c->port = 5432;
	c->log_level = LG_LOG_INFO;
	c->max_message = LG_WIRE_DEFAULT_MAX_MESSAGE;
	static const struct option opts[] = {
		{"listen", required_argument, NULL, 'l'},
		{"port", required_argument, NULL, 'p'},
		{"memory", no_argument, NULL, 'm'},
		{"data-dir", required_argument, NULL, 'D'},
		{"log-level", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	char *end;
	lg_log_level_t level;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			if (strlen(optarg) >= sizeof(c->listen)) {
				fprintf(stderr, "litegres: --listen address too long\n");
				return LG_CONFIG_EXIT_ERROR;
			}
			snprintf(c->listen, sizeof(c->listen), "%s", optarg);
			break;
		case 'p': {
			long p = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end || p < 0 || p > 65535) {
				fprintf(stderr, "litegres: invalid --port \"%s\"\n", optarg);
				return LG_CONFIG_EXIT_ERROR;
			}
			c->port = (int)p;
			break;
		}
		case 'm':
			c->data_dir = NULL;
			break;
		case 'D':
			c->data_dir = optarg;
			break;
		case 'L':
			if (!lg_log_parse_level(optarg, &level)) {
				fprintf(stderr, "litegres: invalid --log-level \"%s\"\n", optarg);
				return LG_CONFIG_EXIT_ERROR;
			}
			c->log_level = (int)level;
			break;
		case 'h':
			usage(stdout);
			return LG_CONFIG_EXIT_OK;
		case 'V':
			puts("litegres " LG_VERSION " (PostgreSQL " LG_PG_SERVER_VERSION " compatible)");
			return LG_CONFIG_EXIT_OK;
		default:
			usage(stderr);
			return LG_CONFIG_EXIT_ERROR;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "litegres: unexpected argument \"%s\"\n", argv[optind]);
		usage(stderr);
		return LG_CONFIG_EXIT_ERROR;
	}
	return LG_CONFIG_RUN;
}
