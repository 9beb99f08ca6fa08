/* SQLSTATE constants generated from sqlstate.def. */
#ifndef LG_SQLSTATE_H
#define LG_SQLSTATE_H

typedef enum lg_sqlstate {
#define X(name, code) LG_SQLSTATE_##name,
#include "sqlstate.def"
#undef X
	LG_SQLSTATE__COUNT
} lg_sqlstate_t;

/* The five-character code, e.g. "23505". */
const char *lg_sqlstate_code(lg_sqlstate_t s);
/* The lower-case condition name, e.g. "unique_violation" (for logs). */
const char *lg_sqlstate_name(lg_sqlstate_t s);

#endif
