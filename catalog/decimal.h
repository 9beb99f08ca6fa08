/* Exact decimal arithmetic on digit strings (numeric's stored text form),
 * shared by the numeric SQL functions. Internal to catalog/. Magnitudes
 * are little-endian decimal digits; memory is lg_malloc'd (lg_dec_free). */
#ifndef LG_DECIMAL_H
#define LG_DECIMAL_H

#include "common/lg.h"
#include "common/strbuf.h"

enum { LG_DEC_FINITE, LG_DEC_NAN, LG_DEC_PINF, LG_DEC_NINF };

/* value = sign * mag * 10^-scale; mag little-endian decimal digits. */
struct lg_dec {
	int special;
	int sign;
	int scale;
	int n;
	uint8_t *mag;
};
typedef struct lg_dec lg_dec_t;

typedef enum lg_dec_rmode {
	LG_DEC_ROUND,
	LG_DEC_TRUNC,
	LG_DEC_CEIL,
	LG_DEC_FLOOR,
	LG_DEC_ABS
} lg_dec_rmode_t;

void lg_dec_free(lg_dec_t *d);
int lg_dec_alloc(lg_dec_t *d, int n, lg_error_t *err);
/* Drops leading zero digits (zero is positive). */
void lg_dec_trim(lg_dec_t *d);
int lg_dec_parse(const char *s, size_t len, lg_dec_t *d, lg_error_t *err);
void lg_dec_format(const lg_dec_t *d, lg_sb_t *out);
int lg_dec_mag_cmp(const lg_dec_t *a, const lg_dec_t *b);
/* Multiplies the magnitude by 10^k (k >= 0), in place. */
int lg_dec_shift(lg_dec_t *d, int k, lg_error_t *err);
int lg_dec_mag_add(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err);
/* |a| - |b| with |a| >= |b|. */
int lg_dec_mag_sub(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err);
int lg_dec_mag_mul(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *r, lg_error_t *err);
/* Truncated |a| / |b| (b non-zero) and optionally the remainder. */
int lg_dec_mag_divmod(const lg_dec_t *a, const lg_dec_t *b, lg_dec_t *q, lg_dec_t *rem,
		      lg_error_t *err);
int lg_dec_add(lg_dec_t *a, lg_dec_t *b, bool negate_b, lg_dec_t *r, lg_error_t *err);
/* PostgreSQL's weight (base 10000) and first base-10000 digit of |d|. */
void lg_dec_nbase_lead(const lg_dec_t *d, int *weight, int *first);
/* Result scale of a / b as PostgreSQL's select_div_scale chooses it. */
int lg_dec_div_scale(const lg_dec_t *a, const lg_dec_t *b);
/* Rounds half away from zero (or truncates) to `scale` digits. */
int lg_dec_round_to(lg_dec_t *d, int scale, bool truncate, lg_error_t *err);
int lg_dec_div(lg_dec_t *a, lg_dec_t *b, int rscale, lg_dec_t *r, lg_error_t *err);
int lg_dec_mod(lg_dec_t *a, lg_dec_t *b, lg_dec_t *r, lg_error_t *err);
/* round/trunc to `scale` (negative: tens, hundreds), ceil, floor, abs. */
int lg_dec_unary(lg_dec_t *d, lg_dec_rmode_t mode, int scale, lg_error_t *err);

#endif
