/* Shared by the operator files (op.c, op_dt.c). Only rewrite/. */
#ifndef LG_RW_OP_INT_H
#define LG_RW_OP_INT_H

#include "rewrite/rw_internal.h"

/* An operand being translated: its SQLite text, type and node. */
typedef struct operand {
	lg_sb_t sb;
	rw_type_t t;
	Node *node;
} operand_t;

/* Date/time arithmetic (op_dt.c): 1 if `op` over these types is not one. */
int rw_op_datetime(rw_ctx_t *ctx, const char *op, operand_t *a, operand_t *b, lg_sb_t *out,
		   rw_type_t *type);

#endif
