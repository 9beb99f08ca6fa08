/* Unit tests for proxy/settings.c: SET/SHOW/RESET as PostgreSQL 15 shows them
 * (values checked against a real PostgreSQL 15: `SET statement_timeout =
 * 5000; SHOW statement_timeout` prints 5s, and so on). */
#include "common/error.h"
#include "proxy/settings.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static const char *show(lg_settings_t *s, const char *name)
{
	const char *canonical;
	lg_error_t err = LG_ERROR_INIT;
	const char *v = lg_settings_show(s, name, &canonical, &err);
	lg_error_clear(&err);
	return v;
}

static int set(lg_settings_t *s, const char *name, const char *value, bool local,
	       lg_sqlstate_t *state)
{
	lg_error_t err = LG_ERROR_INIT;
	int rc = lg_settings_set(s, name, value, local, &err);
	if (state)
		*state = err.sqlstate;
	lg_error_clear(&err);
	return rc;
}

START_TEST(durations_print_like_postgres)
{
	lg_settings_t *s = lg_settings_new();
	static const struct {
		const char *in, *out;
	} cases[] = {{"5000", "5s"}, {"1min", "1min"}, {"60000", "1min"}, {"0", "0"},
		     {"1500", "1500ms"}, {"2h", "2h"}, {"86400000", "1d"}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(set(s, "statement_timeout", cases[i].in, false, NULL), 0);
		ck_assert_str_eq(show(s, "statement_timeout"), cases[i].out);
	}
	ck_assert_int_eq(lg_settings_timeout_ms(s, "statement_timeout"), 86400000);
	lg_settings_free(s);
}
END_TEST

START_TEST(names_are_case_insensitive_and_canonical)
{
	lg_settings_t *s = lg_settings_new();
	const char *canonical = NULL;
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_str_eq(lg_settings_show(s, "datestyle", &canonical, &err), "ISO, MDY");
	ck_assert_str_eq(canonical, "DateStyle");
	ck_assert_int_eq(set(s, "DATESTYLE", "dmy", false, NULL), 0);
	ck_assert_str_eq(show(s, "DateStyle"), "ISO, DMY");
	ck_assert_int_eq(set(s, "timezone", "utc", false, NULL), 0);
	ck_assert_str_eq(show(s, "TimeZone"), "UTC");
	/* SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE (Sequelize) */
	ck_assert_int_eq(set(s, "timezone", "INTERVAL '+00:00'", false, NULL), 0);
	ck_assert_str_eq(show(s, "TimeZone"), "<+00>-00");
	ck_assert_int_eq(set(s, "timezone", "INTERVAL '+05:30'", false, NULL), -1);
	ck_assert_int_eq(set(s, "timezone", "INTERVAL ''", false, NULL), -1);
	ck_assert_int_eq(set(s, "timezone", "INTERVAL '0' x", false, NULL), -1);
	lg_error_clear(&err);
	lg_settings_free(s);
}
END_TEST

START_TEST(errors_carry_postgres_sqlstates)
{
	lg_settings_t *s = lg_settings_new();
	lg_sqlstate_t st;
	ck_assert_int_eq(set(s, "no_such_setting", "1", false, &st), -1);
	ck_assert_int_eq(st, LG_SQLSTATE_UNDEFINED_OBJECT);
	ck_assert_int_eq(set(s, "server_version", "1", false, &st), -1);
	ck_assert_int_eq(st, LG_SQLSTATE_CANT_CHANGE_RUNTIME_PARAM);
	ck_assert_int_eq(set(s, "statement_timeout", "soon", false, &st), -1);
	ck_assert_int_eq(st, LG_SQLSTATE_INVALID_PARAMETER_VALUE);
	ck_assert_int_eq(set(s, "TimeZone", "Europe/Paris", false, &st), -1);
	ck_assert_int_eq(st, LG_SQLSTATE_FEATURE_NOT_SUPPORTED);
	/* Custom options with a dot are accepted, as PostgreSQL does. */
	ck_assert_int_eq(set(s, "app.tenant", "42", false, NULL), 0);
	ck_assert_str_eq(show(s, "app.tenant"), "42");
	lg_settings_free(s);
}
END_TEST

START_TEST(rollback_undoes_set_and_local_ends_with_the_transaction)
{
	lg_settings_t *s = lg_settings_new();
	lg_settings_begin(s);
	ck_assert_int_eq(set(s, "application_name", "inside", false, NULL), 0);
	lg_settings_end(s, false);
	ck_assert_str_eq(show(s, "application_name"), "");

	lg_settings_begin(s);
	ck_assert_int_eq(set(s, "application_name", "kept", false, NULL), 0);
	ck_assert_int_eq(set(s, "statement_timeout", "1s", true, NULL), 0);
	ck_assert_str_eq(show(s, "statement_timeout"), "1s");
	lg_settings_end(s, true);
	ck_assert_str_eq(show(s, "application_name"), "kept");
	ck_assert_str_eq(show(s, "statement_timeout"), "0");
	lg_settings_free(s);
}
END_TEST

START_TEST(reset_returns_to_the_startup_value)
{
	lg_settings_t *s = lg_settings_new();
	lg_error_t err = LG_ERROR_INIT;
	ck_assert_int_eq(lg_settings_set_startup(s, "application_name", "psql", &err), 0);
	ck_assert_int_eq(set(s, "application_name", "other", false, NULL), 0);
	ck_assert_int_eq(lg_settings_reset(s, "application_name", &err), 0);
	ck_assert_str_eq(show(s, "application_name"), "psql");
	lg_error_clear(&err);
	lg_settings_free(s);
}
END_TEST

START_TEST(parameter_status_only_for_unseen_values)
{
	lg_settings_t *s = lg_settings_new();
	int pos = 0, n = 0;
	const char *name, *value;
	while (lg_settings_next_report(s, &pos, true, &name, &value))
		n++;
	ck_assert_int_eq(n, 13); /* what PostgreSQL 15 reports at startup */
	pos = 0;
	ck_assert(!lg_settings_next_report(s, &pos, false, &name, &value));
	set(s, "application_name", "x", false, NULL);
	set(s, "application_name", "", false, NULL);
	pos = 0;
	ck_assert(!lg_settings_next_report(s, &pos, false, &name, &value));
	set(s, "application_name", "y", false, NULL);
	pos = 0;
	ck_assert(lg_settings_next_report(s, &pos, false, &name, &value));
	ck_assert_str_eq(name, "application_name");
	ck_assert_str_eq(value, "y");
	lg_settings_free(s);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("settings");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, durations_print_like_postgres);
	tcase_add_test(tc, names_are_case_insensitive_and_canonical);
	tcase_add_test(tc, errors_carry_postgres_sqlstates);
	tcase_add_test(tc, rollback_undoes_set_and_local_ends_with_the_transaction);
	tcase_add_test(tc, reset_returns_to_the_startup_value);
	tcase_add_test(tc, parameter_status_only_for_unseen_values);
	suite_add_tcase(su, tc);
	SRunner *sr = srunner_create(su);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
