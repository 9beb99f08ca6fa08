/* Session settings (PostgreSQL's GUCs as a client sees them): SET, SHOW,
 * RESET, transactional rollback of SET, and which changes must be reported
 * with ParameterStatus. One declarative table drives it all.
 * Memory: values are owned by the lg_settings_t (connection lifetime). */
#ifndef LG_SETTINGS_H
#define LG_SETTINGS_H

#include "common/lg.h"

typedef struct lg_settings lg_settings_t;

lg_settings_t *lg_settings_new(void);
void lg_settings_free(lg_settings_t *s);

/* Sets `name` (case-insensitive) to `value`; NULL value = default.
 * `local` values revert at transaction end. Unknown names: 42704
 * `unrecognized configuration parameter "x"` unless they contain a dot
 * (custom options, as PostgreSQL allows). Read-only ones: 55P02.
 * Values litegres cannot honour (a non-UTC TimeZone, ...): 0A000. */
int lg_settings_set(lg_settings_t *s, const char *name, const char *value, bool local,
		    lg_error_t *err);
/* A value from the startup packet: also what RESET returns to. */
int lg_settings_set_startup(lg_settings_t *s, const char *name, const char *value,
			    lg_error_t *err);
/* RESET name; name NULL = RESET ALL. */
int lg_settings_reset(lg_settings_t *s, const char *name, lg_error_t *err);
/* The current value for SHOW; 42704 if unknown. *canonical gets the name as
 * PostgreSQL spells it in SHOW's column header (e.g. "DateStyle"). */
const char *lg_settings_show(lg_settings_t *s, const char *name, const char **canonical,
			     lg_error_t *err);
const char *lg_settings_get(const lg_settings_t *s, const char *name);
/* A duration setting (statement_timeout, lock_timeout, ...) in ms; 0 = off. */
long long lg_settings_timeout_ms(const lg_settings_t *s, const char *name);
/* Sets a value the client cannot SET (session_authorization at startup). */
int lg_settings_force(lg_settings_t *s, const char *name, const char *value);

/* Transaction hooks: SET inside a transaction that rolls back is undone;
 * SET LOCAL is undone at commit too. */
void lg_settings_begin(lg_settings_t *s);
void lg_settings_end(lg_settings_t *s, bool commit);

/* Iterates settings whose changes are reported with ParameterStatus and that
 * changed since the last call (or all of them when `all`). Returns false at
 * the end; *pos starts at 0. */
bool lg_settings_next_report(lg_settings_t *s, int *pos, bool all, const char **name,
			     const char **value);

/* For SHOW ALL: name, value and description by index; false past the end. */
bool lg_settings_describe(const lg_settings_t *s, int i, const char **name, const char **value,
			  const char **desc);

#endif
