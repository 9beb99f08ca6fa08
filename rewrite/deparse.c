/* PostgreSQL's own spelling of an expression, from libpg_query's deparser:
 * what pg_get_indexdef and a unique violation's "Key (...)" show for an
 * expression index key. */
#include "rewrite/rw_internal.h"

#include "pg_query.h"

#include <stdlib.h>
#include <string.h>

/* Exported by libpg_query (pg_query_outfuncs.h) but not in its installed
 * headers: the raw tree as the protobuf its deparser reads. */
PgQueryProtobuf pg_query_nodes_to_protobuf(const void *obj);

const char *rw_deparse_expr(rw_ctx_t *ctx, Node *expr)
{
	/* The deparser takes whole statements: deparse "SELECT <expr>". */
	ResTarget target = {.type = T_ResTarget, .val = expr, .location = -1};
	SelectStmt select = {.type = T_SelectStmt, .targetList = list_make1(&target)};
	RawStmt raw = {.type = T_RawStmt, .stmt = (Node *)&select};
	PgQueryProtobuf pb = pg_query_nodes_to_protobuf(list_make1(&raw));
	PgQueryDeparseResult d = pg_query_deparse_protobuf(pb);
	free(pb.data); /* malloc'd by libpg_query, not palloc'd */
	const char *r = NULL;
	static const char prefix[] = "SELECT ";
	if (!d.error && d.query && strncmp(d.query, prefix, sizeof(prefix) - 1) == 0)
		r = rw_strdup(ctx, d.query + sizeof(prefix) - 1);
	pg_query_free_deparse_result(d);
	return r;
}
