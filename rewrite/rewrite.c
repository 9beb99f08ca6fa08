/* Entry points of the translator: split a query string into statements,
 * translate one statement into a plan, reference-count plans. The per
 * statement work is in select.c, dml.c, ddl.c and utility.c. */
#include "rewrite/rw_internal.h"
#include "rewrite/ddl_int.h" /* ddl_truncate */

#include "pg_query.h"
#include "parser/scansup.h"
#include "pg_query/pg_query_internal.h"

#include "common/mem.h"

#include <stdarg.h>
#include <string.h>

/* ---- errors ---- */

/* PostgreSQL reports positions in characters, 1-based. */
static int char_position(const rw_ctx_t *ctx, int location)
{
	if (location < 0 || (size_t)location > ctx->len)
		return 0;
	int chars = 0;
	for (int i = 0; i < location; i++)
		if (((unsigned char)ctx->sql[i] & 0xC0) != 0x80)
			chars++;
	return chars + 1;
}

int rw_error(rw_ctx_t *ctx, int location, lg_sqlstate_t state, const char *fmt, ...)
{
	if (ctx->err->set)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	lg_error_vset_(ctx->err, __FILE__, __LINE__, state, fmt, ap);
	va_end(ap);
	ctx->err->position = char_position(ctx, location);
	return -1;
}

void rw_error_position(rw_ctx_t *ctx, int location)
{
	if (ctx->err->set && !ctx->err->position)
		ctx->err->position = char_position(ctx, location);
}

int rw_unsupported(rw_ctx_t *ctx, int location, const char *what)
{
	return rw_error(ctx, location, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			"feature not supported: %s", what);
}

int rw_oom(rw_ctx_t *ctx)
{
	return lg_error_set(ctx->err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

/* ---- translation-lifetime memory ---- */

void *rw_alloc(rw_ctx_t *ctx, size_t n)
{
	void *p = lg_arena_calloc(&ctx->arena, n ? n : 1);
	if (!p)
		rw_oom(ctx);
	return p;
}

char *rw_strndup(rw_ctx_t *ctx, const char *s, size_t n)
{
	char *p = lg_arena_strndup(&ctx->arena, s, n);
	if (!p)
		rw_oom(ctx);
	return p;
}

char *rw_strdup(rw_ctx_t *ctx, const char *s)
{
	return rw_strndup(ctx, s, strlen(s));
}

int rw_sb_check(rw_ctx_t *ctx, const lg_sb_t *sb)
{
	return sb->failed ? rw_oom(ctx) : 0;
}

char *rw_sb_dup(rw_ctx_t *ctx, const lg_sb_t *sb)
{
	if (sb->failed) {
		rw_oom(ctx);
		return NULL;
	}
	return rw_strndup(ctx, sb->data ? sb->data : "", sb->len);
}

/* ---- plan output ---- */

int rw_emit_sql(rw_ctx_t *ctx, const char *sql, size_t len)
{
	if (ctx->nsql == ctx->sql_cap) {
		int cap = ctx->sql_cap ? ctx->sql_cap * 2 : 4;
		const char **s = rw_alloc(ctx, sizeof(*s) * (size_t)cap);
		size_t *l = rw_alloc(ctx, sizeof(*l) * (size_t)cap);
		if (!s || !l)
			return -1;
		if (ctx->nsql) {
			memcpy(s, ctx->sqls, sizeof(*s) * (size_t)ctx->nsql);
			memcpy(l, ctx->sql_lens, sizeof(*l) * (size_t)ctx->nsql);
		}
		ctx->sqls = s;
		ctx->sql_lens = l;
		ctx->sql_cap = cap;
	}
	char *copy = rw_strndup(ctx, sql, len);
	if (!copy)
		return -1;
	ctx->sqls[ctx->nsql] = copy;
	ctx->sql_lens[ctx->nsql] = len;
	ctx->nsql++;
	return 0;
}

void rw_set_notice(rw_ctx_t *ctx, lg_sqlstate_t state, const char *fmt, ...)
{
	ctx->notice_state = state;
	lg_sb_t sb = LG_SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	lg_sb_vappendf(&sb, fmt, ap);
	va_end(ap);
	if (!sb.failed && sb.data)
		ctx->notice = lg_arena_strdup(&ctx->arena, sb.data);
	lg_sb_free(&sb);
}

void rw_set_notice_detail(rw_ctx_t *ctx, const char *detail)
{
	ctx->notice_detail = lg_arena_strdup(&ctx->arena, detail);
}

void rw_set_tag(rw_ctx_t *ctx, const char *tag, lg_rw_tag_kind_t kind)
{
	ctx->tag = tag;
	ctx->tag_kind = kind;
}

void rw_set_ddl(rw_ctx_t *ctx)
{
	ctx->ddl = true;
	ctx->writes = true;
}

void rw_set_writes(rw_ctx_t *ctx)
{
	ctx->writes = true;
}

lg_cat_t *rw_cat(rw_ctx_t *ctx)
{
	return ctx->cat;
}

lg_error_t *rw_err(rw_ctx_t *ctx)
{
	return ctx->err;
}

void rw_set_result(rw_ctx_t *ctx, const rw_col_t *cols, int ncols)
{
	ctx->returns_rows = true;
	ctx->cols = cols;
	ctx->ncols = ncols;
}

/* PostgreSQL allows up to 65535 parameters (the Bind message's Int16). */
#define RW_MAX_PARAMS 65535

int rw_param(rw_ctx_t *ctx, int number, const rw_type_t *want, int location, rw_type_t *type)
{
	if (number < 1 || number > RW_MAX_PARAMS)
		return rw_error(ctx, location, LG_SQLSTATE_UNDEFINED_PARAMETER,
				"there is no parameter $%d", number);
	if (number > ctx->params_cap) {
		int cap = ctx->params_cap ? ctx->params_cap : 8;
		while (cap < number)
			cap *= 2;
		rw_type_t *p = rw_alloc(ctx, sizeof(*p) * (size_t)cap);
		if (!p)
			return -1;
		for (int i = 0; i < cap; i++)
			p[i] = RW_TYPE(0);
		if (ctx->nparams)
			memcpy(p, ctx->params, sizeof(*p) * (size_t)ctx->nparams);
		/* Types given by Parse are fixed from the start. */
		for (int i = 0; i < ctx->opts->nparam_types && i < cap; i++)
			if (ctx->opts->param_types && ctx->opts->param_types[i] &&
			    !p[i].oid)
				p[i] = RW_TYPE(ctx->opts->param_types[i]);
		ctx->params = p;
		ctx->params_cap = cap;
	}
	if (number > ctx->nparams)
		ctx->nparams = number;
	rw_type_t *p = &ctx->params[number - 1];
	if (!p->oid && want && rw_type_known(want))
		*p = (rw_type_t){want->oid, -1};
	*type = p->oid ? *p : RW_TYPE(LG_OID_UNKNOWN);
	return 0;
}

/* ---- the plan: one allocation ---- */

static size_t align_up(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

static size_t opt_len(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

static char *put_str(char **pool, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = *pool;
	memcpy(d, s, n);
	*pool += n;
	return d;
}

static lg_rw_stmt_t *build_plan(rw_ctx_t *ctx)
{
	/* Parameters never seen in the text but typed by Parse still count. */
	int nparams = ctx->nparams;
	if (ctx->opts->nparam_types > nparams)
		nparams = ctx->opts->nparam_types;
	size_t strs = opt_len(ctx->tag) + opt_len(ctx->name) + opt_len(ctx->value) +
		      opt_len(ctx->notice) + opt_len(ctx->notice_detail) +
		      opt_len(ctx->template_db);
	for (int i = 0; i < ctx->nsql; i++)
		strs += ctx->sql_lens[i] + 1;
	for (int i = 0; i < ctx->ncols; i++)
		strs += strlen(ctx->cols[i].name) + 1;
	size_t off_sql = align_up(sizeof(lg_rw_stmt_t));
	size_t off_cols = align_up(off_sql + sizeof(char *) * (size_t)ctx->nsql);
	size_t off_params = align_up(off_cols + sizeof(lg_rw_column_t) * (size_t)ctx->ncols);
	size_t off_strs = align_up(off_params + sizeof(lg_oid_t) * (size_t)nparams);
	char *mem = lg_calloc(1, off_strs + strs);
	if (!mem) {
		rw_oom(ctx);
		return NULL;
	}
	lg_rw_stmt_t *s = (lg_rw_stmt_t *)mem;
	const char **sql = (const char **)(mem + off_sql);
	lg_rw_column_t *cols = (lg_rw_column_t *)(mem + off_cols);
	lg_oid_t *params = (lg_oid_t *)(mem + off_params);
	char *pool = mem + off_strs;

	s->refcount = 1;
	s->kind = ctx->kind;
	s->tag = put_str(&pool, ctx->tag);
	s->tag_kind = ctx->tag_kind;
	for (int i = 0; i < ctx->nsql; i++) {
		memcpy(pool, ctx->sqls[i], ctx->sql_lens[i] + 1);
		sql[i] = pool;
		pool += ctx->sql_lens[i] + 1;
	}
	s->nsql = ctx->nsql;
	s->sql = ctx->nsql ? sql : NULL;
	for (int i = 0; i < nparams; i++) {
		lg_oid_t t = i < ctx->nparams ? ctx->params[i].oid : 0;
		if (!t && i < ctx->opts->nparam_types && ctx->opts->param_types)
			t = ctx->opts->param_types[i];
		params[i] = (t && t != LG_OID_UNKNOWN) ? t : LG_OID_TEXT;
	}
	s->nparams = nparams;
	s->param_types = nparams ? params : NULL;
	for (int i = 0; i < ctx->ncols; i++) {
		const rw_col_t *c = &ctx->cols[i];
		cols[i].name = put_str(&pool, c->name);
		cols[i].type = rw_type_known(&c->type) ? c->type.oid : LG_OID_TEXT;
		cols[i].typmod = rw_type_known(&c->type) ? c->type.typmod : -1;
		cols[i].table_oid = c->table_oid;
		cols[i].attnum = c->attnum;
	}
	s->returns_rows = ctx->returns_rows;
	s->ncols = ctx->ncols;
	s->cols = ctx->ncols ? cols : NULL;
	s->ddl = ctx->ddl;
	s->writes = ctx->writes;
	s->name = put_str(&pool, ctx->name);
	s->notice = put_str(&pool, ctx->notice);
	s->notice_state = ctx->notice_state;
	s->notice_detail = put_str(&pool, ctx->notice_detail);
	s->value = put_str(&pool, ctx->value);
	s->template_db = put_str(&pool, ctx->template_db);
	s->missing_ok = ctx->missing_ok;
	s->is_local = ctx->is_local;
	s->isolation = ctx->isolation;
	s->read_only = ctx->read_only;
	return s;
}

void lg_rw_stmt_retain(lg_rw_stmt_t *s)
{
	if (s)
		s->refcount++;
}

void lg_rw_stmt_release(lg_rw_stmt_t *s)
{
	if (s && --s->refcount == 0)
		lg_free(s);
}

/* ---- parsing ---- */

/* libpg_query's errors carry no SQLSTATE; the raw parser's are syntax
 * errors (42601) with PostgreSQL's message and cursor position. */
static int parse_error(PgQueryError *pe, lg_error_t *err)
{
	lg_error_set(err, LG_SQLSTATE_SYNTAX_ERROR, "%s",
		     pe->message ? pe->message : "syntax error");
	err->position = pe->cursorpos > 0 ? pe->cursorpos : 0;
	pg_query_free_error(pe);
	return -1;
}

int lg_rw_split(const char *sql, lg_rw_split_t *out, lg_error_t *err)
{
	out->n = 0;
	out->spans = NULL;
	MemoryContext mctx = pg_query_enter_memory_context();
	PgQueryInternalParsetreeAndError r = pg_query_raw_parse(sql);
	int rc = 0;
	if (r.error) {
		rc = parse_error(r.error, err);
		goto done;
	}
	int n = list_length(r.tree);
	if (n == 0)
		goto done;
	out->spans = lg_calloc((size_t)n, sizeof(*out->spans));
	if (!out->spans) {
		rc = lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		goto done;
	}
	int total = (int)strlen(sql);
	ListCell *lc;
	foreach (lc, r.tree) {
		RawStmt *rs = lfirst_node(RawStmt, lc);
		int off = rs->stmt_location > 0 ? rs->stmt_location : 0;
		int len = rs->stmt_len > 0 ? rs->stmt_len : total - off;
		/* Statements after the first start right after the ';'. */
		while (len > 0 && scanner_isspace(sql[off])) {
			off++;
			len--;
		}
		while (len > 0 && scanner_isspace(sql[off + len - 1]))
			len--;
		out->spans[out->n].offset = off;
		out->spans[out->n].len = len;
		out->n++;
	}
done:
	if (r.stderr_buffer)
		free(r.stderr_buffer);
	pg_query_exit_memory_context(mctx);
	return rc;
}

void lg_rw_split_free(lg_rw_split_t *s)
{
	lg_free(s->spans);
	s->spans = NULL;
	s->n = 0;
}

int rw_limit_with_ties(void)
{
	static int value = -1;
	if (value >= 0)
		return value;
	/* Called while a translation holds the parser's memory context. */
	PgQueryInternalParsetreeAndError r =
		pg_query_raw_parse("SELECT 1 ORDER BY 1 FETCH FIRST 1 ROWS WITH TIES");
	if (r.error) {
		pg_query_free_error(r.error);
		value = LIMIT_OPTION_WITH_TIES;
	} else {
		RawStmt *rs = linitial_node(RawStmt, r.tree);
		value = (int)((SelectStmt *)rs->stmt)->limitOption;
	}
	if (r.stderr_buffer)
		free(r.stderr_buffer);
	return value;
}

/* ---- dispatch ---- */

static int translate_node(rw_ctx_t *ctx, Node *stmt)
{
	switch (nodeTag(stmt)) {
	case T_SelectStmt:
		return rw_select_stmt(ctx, (SelectStmt *)stmt);
	case T_InsertStmt:
		return rw_insert(ctx, (InsertStmt *)stmt);
	case T_UpdateStmt:
		return rw_update(ctx, (UpdateStmt *)stmt);
	case T_DeleteStmt:
		return rw_delete(ctx, (DeleteStmt *)stmt);
	case T_TruncateStmt:
		return ddl_truncate(ctx, (TruncateStmt *)stmt);
	default:
		break;
	}
	int rc = rw_utility(ctx, stmt);
	if (rc != 1)
		return rc;
	rc = rw_ddl(ctx, stmt);
	if (rc != 1)
		return rc;
	return rw_unsupported(ctx, -1, rw_stmt_name(stmt));
}

static int translate_tree(rw_ctx_t *ctx, List *tree)
{
	int n = list_length(tree);
	if (n == 0) {
		ctx->kind = LG_RW_EMPTY;
		return 0;
	}
	if (n > 1)
		return rw_error(ctx, -1, LG_SQLSTATE_SYNTAX_ERROR,
				"cannot insert multiple commands into a prepared statement");
	RawStmt *rs = linitial_node(RawStmt, tree);
	return translate_node(ctx, rs->stmt);
}

int lg_rw_translate(const lg_rw_opts_t *opts, const char *sql, size_t len, lg_rw_stmt_t **out,
		    lg_error_t *err)
{
	*out = NULL;
	char *text = lg_strndup(sql, len);
	if (!text)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	rw_ctx_t ctx = {
		.opts = opts,
		.cat = opts->cat,
		.err = err,
		.sql = text,
		.len = len,
		.kind = LG_RW_SQL,
		.read_only = -1,
	};
	lg_arena_init(&ctx.arena, 8192);

	MemoryContext mctx = pg_query_enter_memory_context();
	PgQueryInternalParsetreeAndError r = pg_query_raw_parse(text);
	int rc;
	if (r.error)
		rc = parse_error(r.error, err);
	else
		rc = translate_tree(&ctx, r.tree);
	if (r.stderr_buffer)
		free(r.stderr_buffer);

	if (rc == 0 && err->set)
		rc = -1; /* an error recorded without being returned */
	for (int i = 0; rc == 0 && i < ctx.nparams; i++)
		if (!ctx.params[i].oid)
			rc = rw_error(&ctx, -1, LG_SQLSTATE_INDETERMINATE_DATATYPE,
				      "could not determine data type of parameter $%d", i + 1);
	/* Names in the plan may still point into the parse tree's memory. */
	if (rc == 0) {
		*out = build_plan(&ctx);
		if (!*out)
			rc = -1;
	}
	pg_query_exit_memory_context(mctx);
	lg_arena_destroy(&ctx.arena);
	lg_free(text);
	return rc;
}
