/* Functions over the session's settings and identity: current_setting,
 * set_config, pg_backend_pid. The settings live in the proxy; the session
 * hands callbacks through lg_cat_session_vars_t (read at call time). */
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"

#include <sqlite3.h>

static lg_cat_session_vars_t *vars_of(sqlite3_context *ctx)
{
	return sqlite3_user_data(ctx);
}

static void report(sqlite3_context *ctx, lg_error_t *err)
{
	if (err->set)
		lg_fn_error(ctx, err);
	else
		lg_udf_error(ctx, LG_SQLSTATE_INTERNAL_ERROR, "settings are not available");
}

/* lg_current_setting(name [, missing_ok]): strict, like PostgreSQL. */
static void fn_current_setting(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	lg_cat_session_vars_t *v = vars_of(ctx);
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	bool missing_ok = argc > 1 && sqlite3_value_int(argv[1]) != 0;
	lg_error_t err = LG_ERROR_INIT;
	if (!v || !v->get_setting) {
		report(ctx, &err);
		return;
	}
	const char *val = v->get_setting(v->settings_ctx, (const char *)sqlite3_value_text(argv[0]),
					 missing_ok, &err);
	if (val)
		sqlite3_result_text(ctx, val, -1, SQLITE_TRANSIENT);
	else if (err.set)
		lg_fn_error(ctx, &err);
	else
		sqlite3_result_null(ctx);
}

/* lg_set_config(name, value, is_local): a NULL value resets the setting,
 * a NULL is_local is false; the result is the value SHOW now gives. */
static void fn_set_config(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	lg_cat_session_vars_t *v = vars_of(ctx);
	lg_error_t err = LG_ERROR_INIT;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		lg_udf_error(ctx, LG_SQLSTATE_NULL_VALUE_NOT_ALLOWED,
			     "SET requires parameter name");
		return;
	}
	if (!v || !v->set_setting || !v->get_setting) {
		report(ctx, &err);
		return;
	}
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *value = sqlite3_value_type(argv[1]) == SQLITE_NULL
				    ? NULL
				    : (const char *)sqlite3_value_text(argv[1]);
	bool is_local = sqlite3_value_type(argv[2]) != SQLITE_NULL && sqlite3_value_int(argv[2]);
	if (v->set_setting(v->settings_ctx, name, value, is_local, &err)) {
		report(ctx, &err);
		return;
	}
	const char *now = v->get_setting(v->settings_ctx, name, true, &err);
	if (err.set)
		lg_fn_error(ctx, &err);
	else if (now)
		sqlite3_result_text(ctx, now, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

static void fn_backend_pid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	lg_cat_session_vars_t *v = vars_of(ctx);
	sqlite3_result_int(ctx, v ? v->backend_pid : 0);
}

int lg_fn_register_guc(sqlite3 *db, lg_cat_session_vars_t *vars, lg_error_t *err)
{
	if (lg_fn_register(db, "lg_current_setting", 1, false, vars, fn_current_setting, err) ||
	    lg_fn_register(db, "lg_current_setting", 2, false, vars, fn_current_setting, err) ||
	    lg_fn_register(db, "lg_set_config", 3, false, vars, fn_set_config, err) ||
	    lg_fn_register(db, "lg_backend_pid", 0, false, vars, fn_backend_pid, err))
		return -1;
	return 0;
}
