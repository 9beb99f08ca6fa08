/* Date and time arithmetic: date +- integer, date - date, date + time,
 * timestamp/date +- interval, timestamp - timestamp (catalog's lg_date_add,
 * lg_date_diff, lg_ts_add, lg_ts_diff). */
#include "rewrite/op_int.h"

static bool is_int(lg_oid_t o)
{
	return o == LG_OID_INT2 || o == LG_OID_INT4 || o == LG_OID_INT8;
}

static bool is_ts(lg_oid_t o)
{
	return o == LG_OID_TIMESTAMP || o == LG_OID_TIMESTAMPTZ;
}

/* timestamp ± interval, date ± interval (a timestamp), timestamp -
 * timestamp (an interval). 1: not such an operator. */
static int interval_arith(rw_ctx_t *ctx, const char *op, operand_t *a, operand_t *b, lg_sb_t *out,
			  rw_type_t *type)
{
	lg_oid_t x = a->t.oid, y = b->t.oid;
	bool pm = op[0] == '+' || op[0] == '-';
	if ((is_ts(x) || x == LG_OID_DATE) && y == LG_OID_INTERVAL && pm) {
		*type = RW_TYPE(x == LG_OID_DATE ? LG_OID_TIMESTAMP : x);
		lg_sb_appendf(out, "lg_ts_add(%s, %s, %d)", a->sb.data, b->sb.data,
			      op[0] == '-' ? -1 : 1);
		return rw_sb_check(ctx, out);
	}
	if (x == LG_OID_INTERVAL && (is_ts(y) || y == LG_OID_DATE) && op[0] == '+') {
		*type = RW_TYPE(y == LG_OID_DATE ? LG_OID_TIMESTAMP : y);
		lg_sb_appendf(out, "lg_ts_add(%s, %s, 1)", b->sb.data, a->sb.data);
		return rw_sb_check(ctx, out);
	}
	if (is_ts(x) && is_ts(y) && op[0] == '-') {
		*type = RW_TYPE(LG_OID_INTERVAL);
		lg_sb_appendf(out, "lg_ts_diff(%s, %s)", a->sb.data, b->sb.data);
		return rw_sb_check(ctx, out);
	}
	return 1;
}

int rw_op_datetime(rw_ctx_t *ctx, const char *op, operand_t *a, operand_t *b, lg_sb_t *out,
		   rw_type_t *type)
{
	lg_oid_t x = a->t.oid, y = b->t.oid;
	if (x == LG_OID_DATE && is_int(y) && (op[0] == '+' || op[0] == '-')) {
		*type = RW_TYPE(LG_OID_DATE);
		lg_sb_appendf(out, "lg_date_add(%s, %s%s)", a->sb.data, op[0] == '-' ? "-" : "",
			      b->sb.data);
		return rw_sb_check(ctx, out);
	}
	if (is_int(x) && y == LG_OID_DATE && op[0] == '+') {
		*type = RW_TYPE(LG_OID_DATE);
		lg_sb_appendf(out, "lg_date_add(%s, %s)", b->sb.data, a->sb.data);
		return rw_sb_check(ctx, out);
	}
	if (x == LG_OID_DATE && y == LG_OID_DATE && op[0] == '-') {
		*type = RW_TYPE(LG_OID_INT4);
		lg_sb_appendf(out, "lg_date_diff(%s, %s)", a->sb.data, b->sb.data);
		return rw_sb_check(ctx, out);
	}
	if (op[0] == '+' &&
	    ((x == LG_OID_DATE && y == LG_OID_TIME) || (x == LG_OID_TIME && y == LG_OID_DATE))) {
		/* date + time is a timestamp: the time as an interval from midnight */
		const operand_t *d = x == LG_OID_DATE ? a : b, *t = x == LG_OID_DATE ? b : a;
		*type = RW_TYPE(LG_OID_TIMESTAMP);
		lg_sb_appendf(out, "lg_ts_add(%s, lg_cast(%s, %u, %u, -1), 1)", d->sb.data,
			      t->sb.data, LG_OID_TIME, LG_OID_INTERVAL);
		return rw_sb_check(ctx, out);
	}
	return interval_arith(ctx, op, a, b, out, type);
}
