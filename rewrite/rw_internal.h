/* Internals shared by the translator's files. Only rewrite/ includes this
 * (and PostgreSQL's node headers). One translation = one rw_ctx_t. */
#ifndef LG_RW_INTERNAL_H
#define LG_RW_INTERNAL_H

/* postgres.h must come first in every file that includes node headers. */
#include "postgres.h"
#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"
#include "nodes/primnodes.h"
#include "nodes/value.h"

#include "catalog/schema.h"
#include "catalog/types.h"
#include "common/error.h"
#include "common/strbuf.h"
#include "rewrite/rewrite.h"

/* The PostgreSQL type of a translated expression. */
typedef struct rw_type {
	lg_oid_t oid; /* LG_OID_UNKNOWN for untyped literals and unresolved $n */
	int32_t typmod;
} rw_type_t;

typedef struct rw_ctx rw_ctx_t;

/* Translates one expression node into SQLite SQL appended to `out` and
 * reports its PostgreSQL type. `want` (may be NULL) is the type the context
 * expects (a column assigned to, the other side of a comparison): untyped
 * literals and parameters take it. Returns 0, or -1 with the ctx error set. */
int rw_expr(rw_ctx_t *ctx, Node *node, const rw_type_t *want, lg_sb_t *out, rw_type_t *type);

/* Records an error at a node's location (a byte offset in the statement,
 * -1 for none); always returns -1. */
int rw_error(rw_ctx_t *ctx, int location, lg_sqlstate_t state, const char *fmt, ...)
	LG_PRINTF(4, 5);
/* 0A000 "feature not supported: <what>" at `location`; returns -1. */
int rw_unsupported(rw_ctx_t *ctx, int location, const char *what);

/* Output of a translation, filled by the statement translators and turned
 * into an lg_rw_stmt_t by rewrite.c (which implements these). */

/* Appends one SQLite statement to the plan (copied); the last one appended
 * is the one whose rows are the result. */
int rw_emit_sql(rw_ctx_t *ctx, const char *sql, size_t len);
/* Sets the CommandComplete tag ("CREATE TABLE", "INSERT", ...). */
void rw_set_tag(rw_ctx_t *ctx, const char *tag, lg_rw_tag_kind_t kind);
/* A NOTICE to send before CommandComplete (e.g. "relation \"t\" already
 * exists, skipping"); formatted into the translation's memory. */
void rw_set_notice(rw_ctx_t *ctx, lg_sqlstate_t state, const char *fmt, ...) LG_PRINTF(3, 4);
/* The DETAIL of that NOTICE (copied). */
void rw_set_notice_detail(rw_ctx_t *ctx, const char *detail);
/* Marks the statement as changing the schema (bumps the generation). */
void rw_set_ddl(rw_ctx_t *ctx);
/* Marks the statement as writing (needs SQLite's write lock). */
void rw_set_writes(rw_ctx_t *ctx);
/* The catalog of the session's database, and the error sink. */
lg_cat_t *rw_cat(rw_ctx_t *ctx);
lg_error_t *rw_err(rw_ctx_t *ctx);

/* DDL translation (rewrite/ddl.c): CREATE/DROP TABLE, INDEX, SEQUENCE.
 * Returns 0 on success, -1 on error, 1 if `stmt` is not a node it handles. */
int rw_ddl(rw_ctx_t *ctx, Node *stmt);

/* ---- Everything below is rewrite.c's and the expression/query
 * translators' shared machinery (owner: translator core). ---- */

#include "common/arena.h"

/* A column visible through a FROM item. */
typedef struct rw_col {
	const char *name; /* PostgreSQL name */
	const char *sql;  /* SQLite expression that yields it ("t"."c") */
	const char *sqlname; /* in a query's output: its unique SQLite column name */
	rw_type_t type;
	lg_oid_t table_oid; /* for RowDescription; 0 unless a table column */
	int16_t attnum;
} rw_col_t;

/* A FROM item (PostgreSQL's namespace item). */
typedef struct rw_rte {
	const char *name;  /* alias or table name; NULL for an alias-less join */
	bool rel_visible;  /* can be named as a qualifier */
	bool cols_visible; /* columns are found unqualified */
	bool is_join;
	int ncols;
	rw_col_t *cols;
	const lg_cat_table_t *table; /* plain table, else NULL */
	int level;                   /* scope depth that owns it */
} rw_rte_t;

/* A column reference seen while translating clauses where grouping rules
 * apply (target list, HAVING, ORDER BY), outside aggregate arguments. */
typedef struct rw_ref {
	const rw_rte_t *rte;
	int col;
	int location;
	bool ok; /* matched a GROUP BY expression */
} rw_ref_t;

/* One query level (SELECT, or the statement level of INSERT/UPDATE/DELETE). */
typedef struct rw_scope {
	struct rw_scope *parent;
	int level;
	rw_rte_t **items;
	int nitems, cap;
	/* grouping checks */
	bool track_refs;   /* record column refs (target list, HAVING, ORDER BY) */
	int agg_depth;     /* > 0 while inside an aggregate's arguments */
	int naggs;         /* aggregates seen at this level */
	const char *agg_forbidden; /* clause name where aggregates are errors */
	rw_ref_t *refs;
	int nrefs, refs_cap;
	const char **group_sql; /* translated GROUP BY expressions */
	int ngroup;
	/* output columns, once translated (for ORDER BY names/ordinals) */
	int nout;
	rw_col_t *out;
	bool is_dml_target; /* scope of UPDATE/DELETE/INSERT RETURNING */
	struct rw_cte *ctes; /* WITH queries defined at this level */
	bool window_ok;      /* window functions allowed (target list, ORDER BY) */
	const char *clause;  /* clause being translated, for messages */
} rw_scope_t;

/* A WITH query: referenced by name in FROM like a table. */
typedef struct rw_cte {
	struct rw_cte *next;
	const char *name;
	int ncols;
	rw_col_t *cols; /* name, sqlname, type */
} rw_cte_t;

struct rw_ctx {
	const lg_rw_opts_t *opts;
	lg_cat_t *cat;
	lg_error_t *err;
	const char *sql; /* the statement, NUL-terminated copy */
	size_t len;
	lg_arena_t arena; /* translation lifetime */
	rw_scope_t *scope;

	/* parameters $1..$n: oid 0 = not determined yet */
	int nparams;
	rw_type_t *params;
	int params_cap;

	/* the plan being built */
	lg_rw_kind_t kind;
	const char *tag;
	lg_rw_tag_kind_t tag_kind;
	int nsql, sql_cap;
	const char **sqls;
	size_t *sql_lens;
	bool returns_rows;
	int ncols;
	const rw_col_t *cols;
	bool ddl, writes;
	const char *name;
	const char *value;
	const char *notice; /* see rw_set_notice */
	lg_sqlstate_t notice_state;
	const char *notice_detail;
	const char *template_db;
	bool missing_ok;
	bool is_local;
	lg_rw_isolation_t isolation;
	int read_only;
	int unique_seq; /* for generated internal names */
	int depth;      /* expression/query nesting, bounded */
};

/* Memory that lives as long as the translation (arena); NULL sets 53200. */
/* PostgreSQL's spelling of a raw expression ("lower(email)"), or NULL. */
const char *rw_deparse_expr(rw_ctx_t *ctx, Node *expr);

void *rw_alloc(rw_ctx_t *ctx, size_t n);
char *rw_strdup(rw_ctx_t *ctx, const char *s);
char *rw_strndup(rw_ctx_t *ctx, const char *s, size_t n);
/* Copies a builder's text into the arena; sets 53200 if the builder failed. */
char *rw_sb_dup(rw_ctx_t *ctx, const lg_sb_t *sb);
int rw_oom(rw_ctx_t *ctx);
/* Gives an error recorded by another module (codec) a position. */
void rw_error_position(rw_ctx_t *ctx, int location);
/* Checks a builder; -1 with 53200 if it failed. */
int rw_sb_check(rw_ctx_t *ctx, const lg_sb_t *sb);
/* Sets the result columns of the plan (returns_rows). */
void rw_set_result(rw_ctx_t *ctx, const rw_col_t *cols, int ncols);
/* Type of parameter $n (1-based), assigning `want` if not known yet. */
int rw_param(rw_ctx_t *ctx, int number, const rw_type_t *want, int location, rw_type_t *type);

#define RW_TYPE(o) ((rw_type_t){(o), -1})
static inline bool rw_type_known(const rw_type_t *t)
{
	return t->oid != 0 && t->oid != LG_OID_UNKNOWN;
}

/* libpg_query 15-4.0.0 orders LimitOption differently from PostgreSQL's
 * installed nodes.h (LIMIT_OPTION_DEFAULT first), the one raw-parse node
 * layout difference between them: the WITH TIES value is measured once by
 * parsing a statement that has it. */
int rw_limit_with_ties(void);

/* ---- scope.c: FROM items and name resolution ---- */
rw_scope_t *rw_scope_push(rw_ctx_t *ctx);
void rw_scope_pop(rw_ctx_t *ctx);
int rw_scope_add(rw_ctx_t *ctx, rw_rte_t *rte);
/* A FROM item for table `rv` (42P01 if missing); `sqlname` receives the
 * qualifier to emit ("t" or the alias). */
int rw_table_rte(rw_ctx_t *ctx, RangeVar *rv, rw_rte_t **out);
/* Resolves a column reference (not ending in *). */
int rw_column_ref(rw_ctx_t *ctx, ColumnRef *cr, const rw_col_t **col);
/* Columns for `*` (qualifier NULL) or `t.*`: appended to `out`. */
int rw_star(rw_ctx_t *ctx, ColumnRef *cr, rw_col_t **cols, int *ncols);
/* Shared by scope.c and from.c: "rel"."col"; 42712 for a name used twice
 * at one level; AS x(a, b) column aliases; columns named `name` in an item
 * (count, first index in *found). */
const char *rw_qualified(rw_ctx_t *ctx, const char *rel, const char *col);
int rw_check_duplicate_name(rw_ctx_t *ctx, const char *name, int location);
int rw_apply_colnames(rw_ctx_t *ctx, rw_rte_t *rte, Alias *alias, int location);
int rw_find_in_rte(const rw_rte_t *rte, const char *name, int *found);
/* from.c: translates a FROM list (comma-separated items, joins), adds the items
 * to the current scope and appends SQLite FROM text (without "FROM"). */
int rw_from_list(rw_ctx_t *ctx, List *from, lg_sb_t *out);
/* The name PostgreSQL gives an output column for expression `node`. */
const char *rw_column_name(Node *node);
/* Canonical identifier text of a String node list ("a.b"). */
const char *rw_name_list(rw_ctx_t *ctx, List *names);

/* ---- expr.c ---- */
/* Translates `node` and converts it to exactly `to` under PostgreSQL's
 * assignment rules (errors 42804 "column ... is of type ..." are the
 * caller's: `what` names the target for the message, NULL = generic). */
int rw_expr_assign(rw_ctx_t *ctx, Node *node, const rw_type_t *to, const char *colname,
		   lg_sb_t *out);
/* Translates a condition (WHERE, ON, HAVING): must be boolean. */
int rw_expr_bool(rw_ctx_t *ctx, Node *node, const char *clause, lg_sb_t *out);
/* Converts the SQLite expression text in `expr` from type `from` to `to`.
 * ctx_kind: 'e' explicit cast, 'a' assignment, 'i' implicit. */
int rw_coerce(rw_ctx_t *ctx, lg_sb_t *expr, const rw_type_t *from, const rw_type_t *to,
	      char ctx_kind, int location);
/* Appends a folded literal of type `t` from its text form (22P02 etc. at
 * location). */
int rw_literal(rw_ctx_t *ctx, const char *text, size_t len, const rw_type_t *t, int location,
	       lg_sb_t *out);
/* PostgreSQL's name of a type for messages ("integer", "text"). */
const char *rw_type_name(rw_ctx_t *ctx, const rw_type_t *t);
/* The type a TypeName denotes (42704 if unknown). */
int rw_typename(rw_ctx_t *ctx, TypeName *tn, rw_type_t *out);
/* Common type of a set of branches (CASE, COALESCE, UNION): PostgreSQL's
 * select_common_type; `what` is "CASE", "UNION", ... for 42804. */
int rw_common_type(rw_ctx_t *ctx, const rw_type_t *types, const int *locations, int n,
		   const char *what, rw_type_t *out);
/* Appends `text` wrapped in parentheses unless it is one token/call. */
void rw_append_operand(lg_sb_t *out, const char *text, size_t len);
bool rw_is_numeric_type(lg_oid_t oid);
/* Whether a cast exists in context kind ('i', 'a', 'e'). */
bool rw_can_coerce(lg_oid_t from, lg_oid_t to, char kind);

/* ---- op.c: operators (A_Expr) ---- */
int rw_op_expr(rw_ctx_t *ctx, A_Expr *e, const rw_type_t *want, lg_sb_t *out, rw_type_t *type);
/* op_json.c: json/jsonb operators, ~~* and !~~*; 1 if `op` is not one. */
int rw_op_more(rw_ctx_t *ctx, const char *op, A_Expr *e, lg_sb_t *out, rw_type_t *type);
/* Resolves the operand types of a comparison `l op r` and appends it. */
int rw_compare(rw_ctx_t *ctx, const char *op, Node *l, Node *r, int location, lg_sb_t *out);

/* ---- func.c ---- */
int rw_func_call(rw_ctx_t *ctx, FuncCall *fc, const rw_type_t *want, lg_sb_t *out,
		 rw_type_t *type);
int rw_sql_value_function(rw_ctx_t *ctx, SQLValueFunction *f, lg_sb_t *out, rw_type_t *type);

/* ---- window.c ---- */
bool rw_is_window_function(const char *name);
/* Appends " OVER (...)". */
int rw_over(rw_ctx_t *ctx, WindowDef *w, lg_sb_t *out);
/* 42P20-style error unless window functions are allowed here. */
int rw_window_check(rw_ctx_t *ctx, FuncCall *fc);
int rw_window_func(rw_ctx_t *ctx, FuncCall *fc, const char *name, lg_sb_t *out,
		   rw_type_t *type);

/* ---- select.c ---- */
typedef struct rw_query {
	int ncols;
	rw_col_t *cols; /* name, sql (expression text), type */
} rw_query_t;
/* Translates a SELECT (leaf, VALUES or set operation) into `out`.
 * `want` (may be NULL) gives target types per column (INSERT ... SELECT):
 * unknown-typed outputs take them. */
int rw_select(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant, lg_sb_t *out,
	      rw_query_t *q);
int rw_select_stmt(rw_ctx_t *ctx, SelectStmt *s);
/* Unique SQLite names for a query's output columns. */
int rw_name_outputs(rw_ctx_t *ctx, rw_query_t *q);
/* " LIMIT ... OFFSET ..." */
int rw_limit_offset(rw_ctx_t *ctx, SelectStmt *s, lg_sb_t *out);
/* setop.c: UNION/INTERSECT/EXCEPT and VALUES. */
int rw_set_operation(rw_ctx_t *ctx, SelectStmt *s, lg_sb_t *out, rw_query_t *q);
int rw_values_select(rw_ctx_t *ctx, SelectStmt *s, const rw_type_t *want, int nwant,
		     lg_sb_t *out, rw_query_t *q);
/* Converts a translated query's columns to `types` (wrapping it). */
int rw_convert_query(rw_ctx_t *ctx, lg_sb_t *sql, rw_query_t *q, const rw_type_t *types,
		     bool wrap_always, char kind);
/* After translating an expression into sql[0..len): if it equals a GROUP BY
 * expression, the column references recorded since first_ref are grouped. */
void rw_group_match(rw_ctx_t *ctx, const char *sql, size_t len, int first_ref);
/* Subquery expressions (EXISTS, IN, scalar). */
int rw_sublink(rw_ctx_t *ctx, SubLink *sl, lg_sb_t *out, rw_type_t *type);
/* Target list translation shared with RETURNING. */
int rw_target_list(rw_ctx_t *ctx, List *targets, const rw_type_t *want, int nwant,
		   lg_sb_t *out, rw_query_t *q);
/* ORDER BY list (select or set operation) appended with " ORDER BY ...". */
int rw_order_by(rw_ctx_t *ctx, List *sort, const rw_query_t *q, bool setop, lg_sb_t *out);

/* ---- cte.c ---- */
/* Translates a WITH clause into "WITH ... " appended to `out` and makes
 * its queries visible to the current scope (push one first). */
int rw_with(rw_ctx_t *ctx, WithClause *w, lg_sb_t *out);
/* The WITH query a table name refers to, or NULL. */
const rw_cte_t *rw_find_cte(rw_ctx_t *ctx, const char *name);

/* ---- dml.c / utility.c ---- */
int rw_insert(rw_ctx_t *ctx, InsertStmt *s);
int rw_update(rw_ctx_t *ctx, UpdateStmt *s);
int rw_delete(rw_ctx_t *ctx, DeleteStmt *s);
/* upsert.c: ON CONFLICT DO UPDATE affecting a row twice is 21000. The
 * guard (a statement ahead of the INSERT, when proposed rows could meet
 * rows the command inserts) and DO UPDATE's WHERE (`where` may be NULL). */
int rw_upsert_guard(rw_ctx_t *ctx, const lg_cat_table_t *tab, const lg_cat_index_t *arbiter,
		    const int16_t *keys, int nkeys, const lg_cat_column_t *const *cols, int ncols,
		    SelectStmt *src);
int rw_upsert_condition(rw_ctx_t *ctx, const char *target, Node *where, lg_sb_t *out);
/* dml_from.c: RETURNING that sees the FROM / USING items too. */
int rw_update_from_returning(rw_ctx_t *ctx, UpdateStmt *s);
int rw_delete_using_returning(rw_ctx_t *ctx, DeleteStmt *s);
/* Returns 1 if `stmt` is not a utility statement handled here. */
int rw_utility(rw_ctx_t *ctx, Node *stmt);
/* "CREATE FUNCTION", ... for 0A000 messages about whole statements. */
const char *rw_stmt_name(Node *stmt);

#endif
