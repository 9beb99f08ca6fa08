#include "sqlstate.h"

static const char *const codes[] = {
#define X(name, code) code,
#include "sqlstate.def"
#undef X
};

static const char *const names[] = {
#define X(name, code) #name,
#include "sqlstate.def"
#undef X
};

const char *lg_sqlstate_code(lg_sqlstate_t s)
{
	if ((unsigned)s >= LG_SQLSTATE__COUNT)
		return "XX000";
	return codes[s];
}

const char *lg_sqlstate_name(lg_sqlstate_t s)
{
	if ((unsigned)s >= LG_SQLSTATE__COUNT)
		return "INTERNAL_ERROR";
	return names[s];
}
