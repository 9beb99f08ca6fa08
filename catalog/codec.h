/* Text and binary codecs between PostgreSQL's wire formats and the SQLite
 * storage described in types.h. Pure functions: no SQLite handles, no I/O.
 *
 * Decoding (a Bind parameter or a literal the translator folds) turns wire
 * bytes into the value to bind in SQLite; encoding turns a stored value into
 * the bytes of a DataRow field. Errors are PostgreSQL's, e.g. 22P02
 * `invalid input syntax for type integer: "abc"`, 22003
 * `value "99999" is out of range for type smallint`, 22001
 * `value too long for type character varying(5)`, 22008/22007 for dates. */
#ifndef LG_CODEC_H
#define LG_CODEC_H

#include "common/lg.h"

typedef enum lg_val_kind {
	LG_VAL_NULL,
	LG_VAL_INT,
	LG_VAL_REAL,
	LG_VAL_TEXT,
	LG_VAL_BLOB,
} lg_val_kind_t;

/* A value as SQLite holds it. `s`/`len` serve both TEXT (not necessarily
 * NUL-terminated) and BLOB. The bytes are borrowed: from SQLite for encoding,
 * from the arena passed to the decoder for decoding. */
typedef struct lg_value {
	lg_val_kind_t kind;
	int64_t i;
	double r;
	const char *s;
	size_t len;
} lg_value_t;

/* Session settings that change how values look. Only what PostgreSQL
 * clients can observe; TimeZone is fixed to UTC for now. */
typedef struct lg_codec_opts {
	bool integer_datetimes; /* always true in PG 15; here for clarity */
} lg_codec_opts_t;

/* Appends the PostgreSQL text form of `v` as type (oid, typmod). A stored
 * value of an unexpected kind (SQLite is dynamically typed) is rendered as
 * sensibly as PostgreSQL would render the same number or string.
 * Returns 0, or -1 with err set (out of memory, corrupt stored data). */
int lg_codec_encode_text(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			 lg_error_t *err);
/* Appends the binary (typsend) form. -1 with 0A000 for types without one. */
int lg_codec_encode_binary(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			   lg_error_t *err);

/* Parses the text form (typinput) of a value of type (oid, typmod) into its
 * storage form. Memory for out->s comes from `arena`. oid 0 or unknown
 * means text. */
int lg_codec_decode_text(lg_oid_t oid, int32_t typmod, const char *s, size_t len,
			 lg_arena_t *arena, lg_value_t *out, lg_error_t *err);
/* Parses the binary form (typreceive). 22P03 on malformed input. */
int lg_codec_decode_binary(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
			   lg_arena_t *arena, lg_value_t *out, lg_error_t *err);

/* Compares two canonical numeric strings exactly (the "lg_numeric"
 * collation): <0, 0, >0. Non-numeric text sorts after numbers, NaN last. */
int lg_codec_numeric_cmp(const char *a, size_t alen, const char *b, size_t blen);

#endif
