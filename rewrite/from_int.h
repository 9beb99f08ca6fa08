/* FROM-clause internals shared by from.c and from_lateral.c. Only rewrite/
 * includes this. */
#ifndef LG_RW_FROM_INT_H
#define LG_RW_FROM_INT_H

#include "rewrite/rw_internal.h"

/* LATERAL (subquery) alias to the right of other FROM items. SQLite has no
 * LATERAL, so the item emits no FROM text: each of its columns becomes a
 * correlated scalar subquery over the translated subquery. An aggregate
 * without GROUP BY, HAVING, LIMIT or OFFSET yields exactly one row, which
 * is right for any join; `left` (LEFT JOIN LATERAL ... ON true) also
 * accepts other subqueries, where no row reads as NULLs and more than one
 * row is a run-time 0A000. Other cases are 0A000. Does not add the item to
 * the scope. */
int rw_lateral_item(rw_ctx_t *ctx, RangeSubselect *rs, bool left, rw_rte_t **rte);
/* Whether `n` is the constant true (ON true). */
bool rw_is_const_true(const Node *n);

#endif
