/* PostgreSQL text -> translation plan. Pure: options in, plan or error out.
 * No PostgreSQL node type crosses this header.
 *
 * Memory: a plan (lg_rw_stmt_t) is one immutable, reference-counted object of
 * process lifetime; the translation cache and every prepared statement that
 * uses it hold a reference. */
#ifndef LG_REWRITE_H
#define LG_REWRITE_H

#include "common/lg.h"

typedef struct lg_cat lg_cat_t;

typedef enum lg_rw_kind {
	LG_RW_SQL,             /* run sql[0..nsql) on SQLite; the last yields the rows */
	LG_RW_EMPTY,           /* nothing but comments/whitespace: EmptyQueryResponse */
	LG_RW_BEGIN,           /* isolation, read_only */
	LG_RW_COMMIT,
	LG_RW_ROLLBACK,
	LG_RW_SAVEPOINT,       /* name */
	LG_RW_RELEASE,         /* name */
	LG_RW_ROLLBACK_TO,     /* name */
	LG_RW_SET,             /* name, value (NULL = DEFAULT), is_local */
	LG_RW_RESET,           /* name (NULL = RESET ALL) */
	LG_RW_SHOW,            /* name ("all" for SHOW ALL) */
	LG_RW_SET_TRANSACTION, /* isolation, read_only for the current transaction */
	LG_RW_CREATE_DATABASE, /* name, template_db */
	LG_RW_DROP_DATABASE,   /* name, missing_ok */
	LG_RW_DISCARD_ALL,
	LG_RW_DEALLOCATE,      /* name (NULL = ALL) */
} lg_rw_kind_t;

/* How the CommandComplete tag is formed from `tag` and the row count. */
typedef enum lg_rw_tag_kind {
	LG_TAG_PLAIN,  /* "CREATE TABLE", "BEGIN" */
	LG_TAG_COUNT,  /* "SELECT 20", "UPDATE 3", "DELETE 0" */
	LG_TAG_INSERT, /* "INSERT 0 1" */
} lg_rw_tag_kind_t;

typedef enum lg_rw_isolation {
	LG_ISO_DEFAULT = 0,
	LG_ISO_READ_UNCOMMITTED,
	LG_ISO_READ_COMMITTED,
	LG_ISO_REPEATABLE_READ,
	LG_ISO_SERIALIZABLE,
} lg_rw_isolation_t;

typedef struct lg_rw_column {
	const char *name;
	lg_oid_t type;      /* never 0: unknown-typed results are text (25) */
	int32_t typmod;     /* -1 when none */
	lg_oid_t table_oid; /* 0 unless the column is a plain table column */
	int16_t attnum;     /* 0 unless the column is a plain table column */
} lg_rw_column_t;

typedef struct lg_rw_stmt {
	int refcount;
	lg_rw_kind_t kind;
	const char *tag;
	lg_rw_tag_kind_t tag_kind;

	int nsql;
	const char *const *sql; /* SQLite SQL, parameters as ?1..?N */

	int nparams;
	const lg_oid_t *param_types; /* inferred; LG_OID_UNKNOWN is never left: text */

	bool returns_rows; /* false: Describe answers NoData */
	int ncols;
	const lg_rw_column_t *cols;

	const char *notice; /* NOTICE sent before CommandComplete, or NULL
			     * ("table \"x\" does not exist, skipping") */
	int notice_state;   /* its SQLSTATE (lg_sqlstate_t) */
	const char *notice_detail; /* its DETAIL, or NULL */

	bool ddl;    /* changes the schema: bump the database's generation */
	bool writes; /* needs SQLite's write lock */

	/* Arguments of utility statements (see lg_rw_kind_t). */
	const char *name;
	const char *value;
	const char *template_db;
	bool missing_ok;
	bool is_local;
	lg_rw_isolation_t isolation;
	int read_only; /* -1 unspecified, 0 READ WRITE, 1 READ ONLY */
} lg_rw_stmt_t;

typedef struct lg_rw_opts {
	lg_cat_t *cat;               /* tables of the session's database */
	const lg_oid_t *param_types; /* from Parse; 0 entries are to be inferred */
	int nparam_types;
} lg_rw_opts_t;

/* Where the statements of a query string start and end (bytes). */
typedef struct lg_rw_span {
	int offset;
	int len;
} lg_rw_span_t;

typedef struct lg_rw_split {
	int n;
	lg_rw_span_t *spans; /* owned; lg_rw_split_free */
} lg_rw_split_t;

/* Parses `sql` (NUL-terminated) once and reports its statements.
 * A syntax error is 42601 with the position set; n == 0 means empty. */
int lg_rw_split(const char *sql, lg_rw_split_t *out, lg_error_t *err);
void lg_rw_split_free(lg_rw_split_t *s);

/* Translates exactly one statement (sql[0..len), need not be NUL-terminated).
 * On success *out holds a new reference. Positions in errors are 1-based
 * within sql[0..len). Constructs not handled yet fail with 0A000
 * "feature not supported: <construct>". */
int lg_rw_translate(const lg_rw_opts_t *opts, const char *sql, size_t len, lg_rw_stmt_t **out,
		    lg_error_t *err);

void lg_rw_stmt_retain(lg_rw_stmt_t *s);
void lg_rw_stmt_release(lg_rw_stmt_t *s);

/* Translation cache: process lifetime, keyed by exact statement text, the
 * Parse parameter types, and `schema_key` (identifies the database and its
 * schema generation; DDL changes it, which is how entries go stale). */
typedef struct lg_rw_cache lg_rw_cache_t;

lg_rw_cache_t *lg_rw_cache_new(size_t max_entries);
void lg_rw_cache_free(lg_rw_cache_t *c);
/* lg_rw_split, remembered by exact query text: a repeated query string is
 * not parsed again just to find its statements. *out is the caller's. */
int lg_rw_cache_split(lg_rw_cache_t *c, const char *sql, lg_rw_split_t *out, lg_error_t *err);
/* Looks up, or translates and inserts. *out is a new reference. */
int lg_rw_cache_translate(lg_rw_cache_t *c, uint64_t schema_key, const lg_rw_opts_t *opts,
			  const char *sql, size_t len, lg_rw_stmt_t **out, lg_error_t *err);

#endif
