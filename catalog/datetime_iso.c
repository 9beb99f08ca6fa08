/* The fast path for the ISO 8601 forms drivers and ORMs send
 * ("2026-04-23", "2026-04-23 10:00:00.123+02", "2026-04-23T10:00:00.000Z",
 * "10:00:00"): parsed in one pass, fields checked. Anything else, and any
 * field out of range, goes to the full parser so errors stay PostgreSQL's. */
#include "catalog/datetime.h"

#include <string.h>

typedef struct scan {
	const char *s;
	size_t i, len;
} scan_t;

static bool digits(scan_t *c, size_t n, int *v)
{
	if (c->len - c->i < n)
		return false;
	int x = 0;
	for (size_t k = 0; k < n; k++) {
		char ch = c->s[c->i + k];
		if (ch < '0' || ch > '9')
			return false;
		x = x * 10 + (ch - '0');
	}
	c->i += n;
	*v = x;
	return true;
}

static bool lit(scan_t *c, char ch)
{
	if (c->i < c->len && c->s[c->i] == ch) {
		c->i++;
		return true;
	}
	return false;
}

/* HH:MM[:SS[.f{1,6}]] */
static bool iso_time(scan_t *c, lg_dt_t *dt)
{
	if (!digits(c, 2, &dt->hour) || !lit(c, ':') || !digits(c, 2, &dt->min))
		return false;
	if (lit(c, ':')) {
		if (!digits(c, 2, &dt->sec))
			return false;
		if (lit(c, '.')) {
			int64_t f = 0;
			size_t n = 0;
			while (c->i < c->len && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
				if (++n > 6)
					return false; /* PostgreSQL rounds via a double */
				f = f * 10 + (c->s[c->i++] - '0');
			}
			if (n == 0)
				return false;
			for (; n < 6; n++)
				f *= 10;
			dt->fsec = f;
		}
	}
	return dt->hour <= 23 && dt->min <= 59 && dt->sec <= 59;
}

/* [ ](Z | +HH[[:]MM]) */
static bool iso_zone(scan_t *c, lg_dt_t *dt)
{
	if (c->i == c->len)
		return true;
	lit(c, ' ');
	if (lit(c, 'Z') || lit(c, 'z')) {
		dt->has_tz = true;
		dt->tz = 0;
		return true;
	}
	bool neg = lit(c, '-');
	if (!neg && !lit(c, '+'))
		return false;
	int h, m = 0;
	if (!digits(c, 2, &h))
		return false;
	if (c->i < c->len) {
		lit(c, ':');
		if (!digits(c, 2, &m))
			return false;
	}
	if (h > 15 || m > 59)
		return false;
	dt->has_tz = true;
	dt->tz = (neg ? -1 : 1) * (h * 3600 + m * 60);
	return true;
}

bool lg_dt_decode_iso(const char *s, size_t len, bool time_only, lg_dt_t *dt)
{
	memset(dt, 0, sizeof(*dt));
	while (len > 0 && s[len - 1] == ' ')
		len--;
	scan_t c = {s, 0, len};
	while (c.i < len && s[c.i] == ' ')
		c.i++;
	if (!time_only) {
		if (!digits(&c, 4, &dt->year) || !lit(&c, '-') || !digits(&c, 2, &dt->mon) ||
		    !lit(&c, '-') || !digits(&c, 2, &dt->mday))
			return false;
		if (dt->year < 1 || dt->mon < 1 || dt->mon > 12 || dt->mday < 1 ||
		    dt->mday > lg_dt_days_in_month(dt->year, dt->mon))
			return false;
		dt->has_date = true;
		if (c.i == len)
			return true;
		if (!lit(&c, ' ') && !lit(&c, 'T') && !lit(&c, 't'))
			return false;
	}
	return iso_time(&c, dt) && iso_zone(&c, dt) && c.i == len;
}
