/* pg_catalog's tables in an in-memory SQLite database attached to every
 * connection. Rows are computed from the type catalog (types.def, through
 * lg_cat_type_by_oid); what pg_type holds beyond it (alignment, storage,
 * I/O function names, ...) is PostgreSQL 15's pg_type.dat, in type_extras. */
#include "catalog/pg_catalog.h"
#include "catalog/types.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/* Roles that own the built-in objects (no pg_authid yet). */
#define BOOTSTRAP_SUPERUSER 10u /* BOOTSTRAP_SUPERUSERID */
#define PG_DATABASE_OWNER 6171u /* ROLE_PG_DATABASE_OWNER, owner of public */
/* Collations (pg_collation): the database default, and "C" (for name). */
#define DEFAULT_COLLATION 100u
#define C_COLLATION 950u

/* Column types litegres lacks, stood in for (see pg_catalog.h). */
#define PG_NODE_TREE_TYPE LG_OID_TEXT
#define ACLITEM_ARRAY_TYPE LG_OID_TEXT_ARRAY

#define NO_PROC "-" /* how regproc prints InvalidOid */

/* ---- table definitions ---- */

typedef struct col_def {
	const char *name;
	lg_oid_t type;
	bool nullable;
} col_def_t;

typedef struct row {
	sqlite3_stmt *st;
	int col;
	int rc; /* first bind failure */
} row_t;

typedef int (*fill_fn)(sqlite3 *db, row_t *r, lg_error_t *err);

typedef struct cat_table {
	const char *name;
	lg_oid_t oid; /* pg_class.oid in PostgreSQL */
	const col_def_t *cols;
	int ncols;
	const char *keys; /* PostgreSQL's unique indexes, as constraints */
	fill_fn fill;
} cat_table_t;

/* \d pg_type on PostgreSQL 15, in attnum order. */
static const col_def_t type_cols[] = {
	{"oid", LG_OID_OID, false},
	{"typname", LG_OID_NAME, false},
	{"typnamespace", LG_OID_OID, false},
	{"typowner", LG_OID_OID, false},
	{"typlen", LG_OID_INT2, false},
	{"typbyval", LG_OID_BOOL, false},
	{"typtype", LG_OID_CHAR, false},
	{"typcategory", LG_OID_CHAR, false},
	{"typispreferred", LG_OID_BOOL, false},
	{"typisdefined", LG_OID_BOOL, false},
	{"typdelim", LG_OID_CHAR, false},
	{"typrelid", LG_OID_OID, false},
	{"typsubscript", LG_OID_REGPROC, false},
	{"typelem", LG_OID_OID, false},
	{"typarray", LG_OID_OID, false},
	{"typinput", LG_OID_REGPROC, false},
	{"typoutput", LG_OID_REGPROC, false},
	{"typreceive", LG_OID_REGPROC, false},
	{"typsend", LG_OID_REGPROC, false},
	{"typmodin", LG_OID_REGPROC, false},
	{"typmodout", LG_OID_REGPROC, false},
	{"typanalyze", LG_OID_REGPROC, false},
	{"typalign", LG_OID_CHAR, false},
	{"typstorage", LG_OID_CHAR, false},
	{"typnotnull", LG_OID_BOOL, false},
	{"typbasetype", LG_OID_OID, false},
	{"typtypmod", LG_OID_INT4, false},
	{"typndims", LG_OID_INT4, false},
	{"typcollation", LG_OID_OID, false},
	{"typdefaultbin", PG_NODE_TREE_TYPE, true},
	{"typdefault", LG_OID_TEXT, true},
	{"typacl", ACLITEM_ARRAY_TYPE, true},
};

static const col_def_t namespace_cols[] = {
	{"oid", LG_OID_OID, false},
	{"nspname", LG_OID_NAME, false},
	{"nspowner", LG_OID_OID, false},
	{"nspacl", ACLITEM_ARRAY_TYPE, true},
};

/* One column per line, as \d lists them. */
/* clang-format off */
static const col_def_t range_cols[] = {
	{"rngtypid", LG_OID_OID, false},
	{"rngsubtype", LG_OID_OID, false},
	{"rngmultitypid", LG_OID_OID, false},
	{"rngcollation", LG_OID_OID, false},
	{"rngsubopc", LG_OID_OID, false},
	{"rngcanonical", LG_OID_REGPROC, false},
	{"rngsubdiff", LG_OID_REGPROC, false},
};
/* clang-format on */

static int fill_type(sqlite3 *db, row_t *r, lg_error_t *err);
static int fill_namespace(sqlite3 *db, row_t *r, lg_error_t *err);

static const cat_table_t tables[] = {
	{"pg_type", 1247, type_cols, (int)LG_ARRAY_LEN(type_cols),
	 "CONSTRAINT \"pg_type_oid_index\" PRIMARY KEY (\"oid\"), "
	 "CONSTRAINT \"pg_type_typname_nsp_index\" UNIQUE (\"typname\", \"typnamespace\")",
	 fill_type},
	{"pg_namespace", 2615, namespace_cols, (int)LG_ARRAY_LEN(namespace_cols),
	 "CONSTRAINT \"pg_namespace_oid_index\" PRIMARY KEY (\"oid\"), "
	 "CONSTRAINT \"pg_namespace_nspname_index\" UNIQUE (\"nspname\")",
	 fill_namespace},
	/* No rows: litegres has no range types. */
	{"pg_range", 3541, range_cols, (int)LG_ARRAY_LEN(range_cols),
	 "CONSTRAINT \"pg_range_rngtypid_index\" PRIMARY KEY (\"rngtypid\"), "
	 "CONSTRAINT \"pg_range_rngmultitypid_index\" UNIQUE (\"rngmultitypid\")",
	 NULL},
};

lg_oid_t lg_cat_pg_catalog_oid(const char *name)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(tables); i++)
		if (strcmp(tables[i].name, name) == 0)
			return tables[i].oid;
	return 0;
}

/* ---- rows ---- */

static void put_int(row_t *r, int64_t v)
{
	int rc = sqlite3_bind_int64(r->st, ++r->col, v);
	if (rc != SQLITE_OK && r->rc == SQLITE_OK)
		r->rc = rc;
}

static void put_text(row_t *r, const char *s)
{
	int rc = s ? sqlite3_bind_text(r->st, ++r->col, s, -1, SQLITE_TRANSIENT)
		   : sqlite3_bind_null(r->st, ++r->col);
	if (rc != SQLITE_OK && r->rc == SQLITE_OK)
		r->rc = rc;
}

/* A "char" value: one byte stored as TEXT. */
static void put_char(row_t *r, char c)
{
	char s[2] = {c, '\0'};
	put_text(r, s);
}

static int sqlite_fail(sqlite3 *db, lg_error_t *err)
{
	if (sqlite3_errcode(db) == SQLITE_NOMEM)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	return lg_error_set(err, LG_SQLSTATE_INTERNAL_ERROR, "pg_catalog: %s", sqlite3_errmsg(db));
}

/* Inserts the bound row and readies the statement for the next. */
static int row_end(sqlite3 *db, row_t *r, lg_error_t *err)
{
	int rc = r->rc == SQLITE_OK ? sqlite3_step(r->st) : r->rc;
	sqlite3_reset(r->st);
	sqlite3_clear_bindings(r->st);
	r->col = 0;
	r->rc = SQLITE_OK;
	if (rc != SQLITE_DONE)
		return rc == SQLITE_NOMEM
			       ? lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory")
			       : sqlite_fail(db, err);
	return 0;
}

/* ---- pg_type ---- */

#define XF_PREFERRED 0x1 /* typispreferred */
#define XF_UNDERSCORE 0x2 /* I/O functions are <name>_in, not <name>in */
#define XF_TYPMOD 0x4 /* takes modifiers: <name>typmodin/typmodout */

/* pg_type columns of a base type that types.def does not carry. */
typedef struct type_extra {
	lg_oid_t oid;
	char align; /* typalign */
	char storage; /* typstorage */
	unsigned flags;
	lg_oid_t collation;
	const char *subscript; /* typsubscript, NULL for none */
	lg_oid_t elem; /* typelem of a non-array (name's is "char") */
} type_extra_t;

/* From PostgreSQL 15's pg_type.dat (arrays follow their element). */
static const type_extra_t type_extras[] = {
	{LG_OID_BOOL, 'c', 'p', XF_PREFERRED, 0, NULL, 0},
	{LG_OID_BYTEA, 'i', 'x', 0, 0, NULL, 0},
	{LG_OID_CHAR, 'c', 'p', 0, 0, NULL, 0},
	{LG_OID_NAME, 'c', 'p', 0, C_COLLATION, "raw_array_subscript_handler", LG_OID_CHAR},
	{LG_OID_INT8, 'd', 'p', 0, 0, NULL, 0},
	{LG_OID_INT2, 's', 'p', 0, 0, NULL, 0},
	{LG_OID_INT4, 'i', 'p', 0, 0, NULL, 0},
	{LG_OID_REGPROC, 'i', 'p', 0, 0, NULL, 0},
	{LG_OID_TEXT, 'i', 'x', XF_PREFERRED, DEFAULT_COLLATION, NULL, 0},
	{LG_OID_OID, 'i', 'p', XF_PREFERRED, 0, NULL, 0},
	{LG_OID_JSON, 'i', 'x', XF_UNDERSCORE, 0, NULL, 0},
	{LG_OID_FLOAT4, 'i', 'p', 0, 0, NULL, 0},
	{LG_OID_FLOAT8, 'd', 'p', XF_PREFERRED, 0, NULL, 0},
	{LG_OID_UNKNOWN, 'c', 'p', 0, 0, NULL, 0},
	{LG_OID_BPCHAR, 'i', 'x', XF_TYPMOD, DEFAULT_COLLATION, NULL, 0},
	{LG_OID_VARCHAR, 'i', 'x', XF_TYPMOD, DEFAULT_COLLATION, NULL, 0},
	{LG_OID_DATE, 'i', 'p', XF_UNDERSCORE, 0, NULL, 0},
	{LG_OID_TIME, 'd', 'p', XF_UNDERSCORE | XF_TYPMOD, 0, NULL, 0},
	{LG_OID_TIMESTAMP, 'd', 'p', XF_UNDERSCORE | XF_TYPMOD, 0, NULL, 0},
	{LG_OID_TIMESTAMPTZ, 'd', 'p', XF_PREFERRED | XF_UNDERSCORE | XF_TYPMOD, 0, NULL, 0},
	{LG_OID_INTERVAL, 'd', 'p', XF_PREFERRED | XF_UNDERSCORE | XF_TYPMOD, 0, NULL, 0},
	{LG_OID_TIMETZ, 'd', 'p', XF_UNDERSCORE | XF_TYPMOD, 0, NULL, 0},
	{LG_OID_NUMERIC, 'i', 'm', XF_UNDERSCORE | XF_TYPMOD, 0, NULL, 0},
	{LG_OID_REGCLASS, 'i', 'p', 0, 0, NULL, 0},
	{LG_OID_REGTYPE, 'i', 'p', 0, 0, NULL, 0},
	{LG_OID_RECORD, 'd', 'x', XF_UNDERSCORE, 0, NULL, 0},
	{LG_OID_VOID, 'i', 'p', XF_UNDERSCORE, 0, NULL, 0},
	{LG_OID_UUID, 'c', 'p', XF_UNDERSCORE, 0, NULL, 0},
	{LG_OID_JSONB, 'i', 'x', XF_UNDERSCORE, 0, "jsonb_subscript_handler", 0},
};

/* Every type litegres knows, in types.def order. */
static const lg_oid_t type_oids[] = {
#define X(name, oid, typname, len, cat, arr, elem, storage) oid,
#include "types.def"
#undef X
};

/* A base type missing from type_extras gets what its length implies. */
static type_extra_t extra_of(const lg_type_t *t)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(type_extras); i++)
		if (type_extras[i].oid == t->oid)
			return type_extras[i];
	type_extra_t x = {t->oid, 'i', t->typlen < 0 ? 'x' : 'p', 0, 0, NULL, 0};
	if (t->typlen == 1 || t->typlen == -2)
		x.align = 'c';
	else if (t->typlen == 2)
		x.align = 's';
	else if (t->typlen == 8)
		x.align = 'd';
	return x;
}

#define PROC_MAX 64
enum { P_IN, P_OUT, P_RECV, P_SEND, P_MODIN, P_MODOUT, P_ANALYZE, NPROCS };

/* The type's support functions, as regproc prints them. */
static void type_procs(const lg_type_t *t, const type_extra_t *x, char procs[NPROCS][PROC_MAX])
{
	static const char *const io[] = {"in", "out", "recv", "send"};
	const char *base = t->elem_oid ? "array" : t->name;
	const char *sep = t->elem_oid || (x->flags & XF_UNDERSCORE) ? "_" : "";
	for (int i = P_IN; i <= P_SEND; i++)
		snprintf(procs[i], PROC_MAX, "%s%s%s", base, sep, io[i]);
	const lg_type_t *mt = t;
	unsigned mflags = x->flags;
	if (t->elem_oid) { /* an array takes its element's modifiers */
		const lg_type_t *e = lg_cat_type_by_oid(t->elem_oid);
		if (e) {
			type_extra_t ex = extra_of(e);
			mt = e;
			mflags = ex.flags;
		}
	}
	if (mflags & XF_TYPMOD) {
		snprintf(procs[P_MODIN], PROC_MAX, "%stypmodin", mt->name);
		snprintf(procs[P_MODOUT], PROC_MAX, "%stypmodout", mt->name);
	} else {
		snprintf(procs[P_MODIN], PROC_MAX, "%s", NO_PROC);
		snprintf(procs[P_MODOUT], PROC_MAX, "%s", NO_PROC);
	}
	snprintf(procs[P_ANALYZE], PROC_MAX, "%s", t->elem_oid ? "array_typanalyze" : NO_PROC);
}

/* An array's alignment and collation come from its element. */
static type_extra_t array_extra(const lg_type_t *t)
{
	type_extra_t x = {t->oid, 'i', 'x', 0, 0, "array_subscript_handler", 0};
	const lg_type_t *e = lg_cat_type_by_oid(t->elem_oid);
	if (e) {
		type_extra_t ex = extra_of(e);
		x.align = ex.align == 'd' ? 'd' : 'i';
		x.collation = ex.collation;
	}
	return x;
}

static int type_row(sqlite3 *db, row_t *r, const lg_type_t *t, lg_error_t *err)
{
	type_extra_t x = t->elem_oid ? array_extra(t) : extra_of(t);
	char procs[NPROCS][PROC_MAX];
	type_procs(t, &x, procs);
	bool pseudo = t->category == 'P' || t->category == 'X';
	put_int(r, t->oid);
	put_text(r, t->name);
	put_int(r, LG_NSP_PG_CATALOG);
	put_int(r, BOOTSTRAP_SUPERUSER);
	put_int(r, t->typlen);
	put_int(r, t->typlen == 1 || t->typlen == 2 || t->typlen == 4 || t->typlen == 8);
	put_char(r, pseudo ? 'p' : 'b'); /* typtype */
	put_char(r, t->category);
	put_int(r, (x.flags & XF_PREFERRED) != 0);
	put_int(r, 1); /* typisdefined */
	put_char(r, ',');
	put_int(r, 0); /* typrelid */
	put_text(r, x.subscript ? x.subscript : NO_PROC);
	put_int(r, t->elem_oid ? t->elem_oid : x.elem);
	put_int(r, t->array_oid);
	for (int i = 0; i < NPROCS; i++) /* typinput .. typanalyze */
		put_text(r, procs[i]);
	put_char(r, x.align);
	put_char(r, x.storage);
	put_int(r, 0); /* typnotnull */
	put_int(r, 0); /* typbasetype */
	put_int(r, -1); /* typtypmod */
	put_int(r, 0); /* typndims */
	put_int(r, x.collation);
	put_text(r, NULL); /* typdefaultbin */
	put_text(r, NULL); /* typdefault */
	put_text(r, NULL); /* typacl */
	return row_end(db, r, err);
}

static int fill_type(sqlite3 *db, row_t *r, lg_error_t *err)
{
	for (size_t i = 0; i < LG_ARRAY_LEN(type_oids); i++) {
		const lg_type_t *t = lg_cat_type_by_oid(type_oids[i]);
		if (t && type_row(db, r, t, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- pg_namespace ---- */

static int fill_namespace(sqlite3 *db, row_t *r, lg_error_t *err)
{
	/* In PostgreSQL's physical order (what an unordered scan returns). */
	static const struct {
		lg_oid_t oid;
		const char *name;
		lg_oid_t owner;
	} v[] = {
		{LG_NSP_PG_TOAST, "pg_toast", BOOTSTRAP_SUPERUSER},
		{LG_NSP_PG_CATALOG, "pg_catalog", BOOTSTRAP_SUPERUSER},
		{LG_NSP_PUBLIC, "public", PG_DATABASE_OWNER},
		{LG_NSP_INFORMATION_SCHEMA, "information_schema", BOOTSTRAP_SUPERUSER},
	};
	for (size_t i = 0; i < LG_ARRAY_LEN(v); i++) {
		put_int(r, v[i].oid);
		put_text(r, v[i].name);
		put_int(r, v[i].owner);
		put_text(r, NULL); /* nspacl */
		if (row_end(db, r, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- attaching ---- */

/* The tables are built once per process in a template database; every
 * connection attaches a copy of its serialized image (~40 KB). Building
 * the tables per connection would cost ~1 ms, attaching the image ~50 us. */
typedef struct image {
	unsigned char *data;
	sqlite3_int64 size;
} image_t;

static _Atomic(image_t *) shared_image;

static void create_sql(lg_sb_t *sb, const cat_table_t *t)
{
	lg_sb_append(sb, "CREATE TABLE ");
	lg_sb_append_ident(sb, t->name);
	lg_sb_append(sb, " (");
	for (int i = 0; i < t->ncols; i++) {
		lg_sb_append_ident(sb, t->cols[i].name);
		lg_sb_putc(sb, ' ');
		lg_cat_decltype(sb, t->cols[i].type, -1);
		if (!t->cols[i].nullable)
			lg_sb_append(sb, " NOT NULL");
		lg_sb_append(sb, ", ");
	}
	lg_sb_append(sb, t->keys);
	lg_sb_append(sb, ");\n");
}

static int exec(sqlite3 *db, const char *sql, lg_error_t *err)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return sqlite_fail(db, err);
	return 0;
}

static int fill_table(sqlite3 *db, const cat_table_t *t, lg_sb_t *sb, lg_error_t *err)
{
	lg_sb_reset(sb);
	lg_sb_append(sb, "INSERT INTO ");
	lg_sb_append_ident(sb, t->name);
	lg_sb_append(sb, " VALUES (");
	for (int i = 0; i < t->ncols; i++)
		lg_sb_append(sb, i ? ", ?" : "?");
	lg_sb_putc(sb, ')');
	if (sb->failed)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	row_t r = {NULL, 0, SQLITE_OK};
	if (sqlite3_prepare_v2(db, sb->data, (int)sb->len, &r.st, NULL) != SQLITE_OK)
		return sqlite_fail(db, err);
	int rc = t->fill(db, &r, err);
	sqlite3_finalize(r.st);
	return rc;
}

/* Creates and fills the tables in `db`'s main database. */
static int create_tables(sqlite3 *db, lg_error_t *err)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_append(&sb, "BEGIN;\n");
	for (size_t i = 0; i < LG_ARRAY_LEN(tables); i++)
		create_sql(&sb, &tables[i]);
	int rc = sb.failed ? lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory")
			   : exec(db, sb.data, err);
	for (size_t i = 0; rc == 0 && i < LG_ARRAY_LEN(tables); i++)
		if (tables[i].fill)
			rc = fill_table(db, &tables[i], &sb, err);
	lg_sb_free(&sb);
	if (rc == 0)
		return exec(db, "COMMIT", err);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static image_t *build_image(lg_error_t *err)
{
	sqlite3 *db = NULL;
	image_t *img = lg_malloc(sizeof(*img));
	if (!img || sqlite3_open(":memory:", &db) != SQLITE_OK) {
		lg_free(img);
		sqlite3_close(db);
		lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return NULL;
	}
	img->data = NULL;
	if (create_tables(db, err) == 0) {
		img->data = sqlite3_serialize(db, "main", &img->size, 0);
		if (!img->data)
			lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	}
	sqlite3_close(db);
	if (!img->data) {
		lg_free(img);
		return NULL;
	}
	return img;
}

/* The process's image, built by the first caller (racing threads each
 * build one; the first published wins, the others are freed). */
static const image_t *get_image(lg_error_t *err)
{
	image_t *img = atomic_load(&shared_image);
	if (img)
		return img;
	image_t *mine = build_image(err);
	if (!mine)
		return NULL;
	if (atomic_compare_exchange_strong(&shared_image, &img, mine))
		return mine;
	sqlite3_free(mine->data);
	lg_free(mine);
	return img;
}

int lg_cat_register_pg_catalog(sqlite3 *db, lg_error_t *err)
{
	const image_t *img = get_image(err);
	if (!img)
		return -1;
	/* A copy per connection, writable: a read-only database would make
	 * BEGIN IMMEDIATE fail ("attempt to write a readonly database"). */
	unsigned char *copy = sqlite3_malloc64((sqlite3_uint64)img->size);
	if (!copy)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	memcpy(copy, img->data, (size_t)img->size);
	if (exec(db, "ATTACH ':memory:' AS " LG_CAT_PG_CATALOG, err) < 0) {
		sqlite3_free(copy);
		return -1;
	}
	/* SQLite owns `copy` from here on, even when this fails. */
	if (sqlite3_deserialize(db, LG_CAT_PG_CATALOG, copy, img->size, img->size,
				SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) !=
	    SQLITE_OK) {
		sqlite_fail(db, err);
		sqlite3_exec(db, "DETACH " LG_CAT_PG_CATALOG, NULL, NULL, NULL);
		return -1;
	}
	return 0;
}
