/* The PostgreSQL type catalog: OIDs, names, lengths, typmods, how each type
 * is stored in SQLite, and how a column's type is written in SQLite's own
 * schema (the declared type, which is the source of truth for a column's PG
 * type). All data here is static; nothing allocates except into a builder.
 *
 * Storage in SQLite (the contract with catalog/codec.h and rewrite/):
 *   bool            INTEGER 0/1
 *   int2/int4/int8  INTEGER
 *   float4/float8   REAL (declared "float8 BLOB": no affinity, so -0.0 stays)
 *   numeric         TEXT, exact canonical digits as PostgreSQL prints them
 *                   (scale of the typmod applied), compared with collation
 *                   "lg_numeric"
 *   text/varchar    TEXT; bpchar TEXT blank-padded to its length
 *   bytea           BLOB
 *   date            TEXT 'YYYY-MM-DD'
 *   time            TEXT 'HH:MM:SS[.ffffff]' (trailing zeros dropped)
 *   timestamp       TEXT 'YYYY-MM-DD HH:MM:SS[.ffffff]'
 *   timestamptz     TEXT, UTC, same shape as timestamp (no offset stored)
 *   uuid            TEXT, lowercase 8-4-4-4-12
 *   json            TEXT as given; jsonb TEXT normalised as PostgreSQL prints
 *   arrays          TEXT in PostgreSQL's array literal form ('{a,b}')
 * Normalised text of every type sorts like the type, so SQLite comparisons
 * and indexes on it are correct. */
#ifndef LG_TYPES_H
#define LG_TYPES_H

#include "common/lg.h"

enum {
#define X(name, oid, typname, len, cat, arr, elem, storage) LG_OID_##name = oid,
#include "types.def"
#undef X
};

typedef enum lg_storage {
	LG_STORE_INT,
	LG_STORE_REAL,
	LG_STORE_TEXT,
	LG_STORE_BLOB,
} lg_storage_t;

typedef struct lg_type {
	lg_oid_t oid;
	const char *name; /* typname, e.g. "int4" */
	int16_t typlen;   /* -1 varlena, -2 cstring */
	char category;    /* pg_type.typcategory */
	lg_oid_t array_oid;
	lg_oid_t elem_oid; /* for arrays, the element type */
	lg_storage_t storage;
} lg_type_t;

/* NULL when the OID is not a type litegres knows. */
const lg_type_t *lg_cat_type_by_oid(lg_oid_t oid);
/* Looks up a typname ("int4", "varchar", "timestamptz") or one of the
 * aliases PostgreSQL's grammar leaves unresolved ("int", "integer",
 * "bigint", "smallint", "boolean", "double precision" is already float8 in
 * the tree, "decimal", "character varying", "timestamp with time zone").
 * Case-insensitive. NULL if unknown. serial types are not types: see rewrite. */
const lg_type_t *lg_cat_type_by_name(const char *name);

/* Computes the typmod PostgreSQL stores for `oid` with type modifiers
 * `mods` (varchar(n) -> n+4, numeric(p,s) -> (p<<16|s)+4, timestamp(p) -> p).
 * nmods == 0 gives -1. Returns -1 with err set (22023/42601 as PostgreSQL)
 * for invalid modifiers; on success *typmod is set and 0 returned. */
int lg_cat_typmod(lg_oid_t oid, const int32_t *mods, int nmods, int32_t *typmod, lg_error_t *err);

/* Appends the type as format_type(oid, typmod) prints it:
 * "integer", "character varying(255)", "numeric(10,2)",
 * "timestamp(3) with time zone", "text[]". */
void lg_cat_format_type(lg_sb_t *out, lg_oid_t oid, int32_t typmod);

/* Appends the declared type litegres writes into SQLite's CREATE TABLE for a
 * column of this type: the typname, followed by " TEXT" when the typname
 * alone would give SQLite a numeric affinity for a text-stored type, and the
 * modifiers: "int4", "varchar(255)", "numeric TEXT(10,2)",
 * "timestamptz TEXT(3)", "_int4 TEXT". */
void lg_cat_decltype(lg_sb_t *out, lg_oid_t oid, int32_t typmod);
/* Parses a declared type back. Declared types litegres did not write
 * (tables made by other SQLite tools) map by SQLite's affinity rules:
 * INTEGER-ish -> int8, TEXT-ish -> text, REAL-ish -> float8, BLOB or empty
 * -> bytea, otherwise numeric. Never fails. */
void lg_cat_parse_decltype(const char *decl, lg_oid_t *oid, int32_t *typmod);

/* Length of a value for RowDescription's typlen. */
int16_t lg_cat_typlen(lg_oid_t oid);

#endif
