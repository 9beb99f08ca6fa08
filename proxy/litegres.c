/* litegres: a PostgreSQL server, as far as any client can tell, that keeps
 * its data in SQLite. */
#include "common/error.h"
#include "common/log.h"
#include "proxy/config.h"
#include "proxy/server.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	lg_config_t config;
	switch (lg_config_parse(&config, argc, argv)) {
	case LG_CONFIG_EXIT_OK: return EXIT_SUCCESS;
	case LG_CONFIG_EXIT_ERROR: return 2;
	case LG_CONFIG_RUN: break;
	}
	lg_log_set_level((lg_log_level_t)config.log_level);
	lg_server_t srv;
	lg_error_t err = LG_ERROR_INIT;
	if (lg_server_init(&srv, &config, &err) != 0) {
		fprintf(stderr, "litegres: %s\n", lg_error_message(&err));
		lg_error_clear(&err);
		lg_server_destroy(&srv);
		return EXIT_FAILURE;
	}
	fprintf(stderr, "litegres %s listening on %s:%d (%s)\n", LG_VERSION, config.listen,
		config.port, config.data_dir ? config.data_dir : "memory");
	int rc = lg_server_run(&srv);
	lg_server_destroy(&srv);
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
