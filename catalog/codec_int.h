/* Internals shared by the codec files (codec.c dispatches on the OID to the
 * per-family functions below). Not for use outside catalog/.
 *
 * Conventions for every family:
 *   _in   text form -> storage value (typinput), memory from the arena
 *   _out  storage value -> text form appended to `out` (typoutput)
 *   _recv binary form -> storage value (typreceive)
 *   _send storage value -> binary form appended to `out` (typsend)
 * Inputs are not NUL-terminated; `s`/`len` have already been checked to be
 * valid UTF-8 by the text entry point. */
#ifndef LG_CODEC_INT_H
#define LG_CODEC_INT_H

#include "catalog/codec.h"
#include "catalog/types.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/strbuf.h"

#define LG_VARHDRSZ 4

typedef int (*lg_codec_in_fn)(lg_oid_t oid, int32_t typmod, const char *s, size_t len,
			      lg_arena_t *arena, lg_value_t *out, lg_error_t *err);
typedef int (*lg_codec_out_fn)(lg_oid_t oid, int32_t typmod, const lg_value_t *v, lg_sb_t *out,
			       lg_error_t *err);
typedef int (*lg_codec_recv_fn)(lg_oid_t oid, int32_t typmod, const uint8_t *p, size_t len,
				lg_arena_t *arena, lg_value_t *out, lg_error_t *err);

/* ---- helpers (codec.c) ---- */

/* 22P02 invalid input syntax for type <type>: "<s>" */
int lg_codec_err_syntax(lg_error_t *err, const char *type, const char *s, size_t len);
/* 22P03 for malformed binary input. */
int lg_codec_err_binary(lg_error_t *err);
int lg_codec_err_oom(lg_error_t *err);
/* Copies into the arena and makes `out` a TEXT (or BLOB) value. */
int lg_codec_set_text(lg_arena_t *arena, lg_value_t *out, const char *s, size_t len,
		      lg_error_t *err);
int lg_codec_set_blob(lg_arena_t *arena, lg_value_t *out, const void *p, size_t len,
		      lg_error_t *err);
/* Index of the first byte that is not valid UTF-8 (len if none). */
size_t lg_codec_utf8_check(const char *s, size_t len);
/* Number of characters in valid UTF-8. */
size_t lg_codec_utf8_chars(const char *s, size_t len);
/* 22021 for the bad sequence at s[at]. */
int lg_codec_err_encoding(lg_error_t *err, const char *s, size_t len, size_t at);
/* Writes the decimal digits of `v` (at most 20 bytes, no NUL). */
size_t lg_codec_fmt_int(char *buf, int64_t v);
/* Appends a stored value as plain text: the bytes of TEXT/BLOB, digits of
 * INT, float8 text of REAL. */
void lg_codec_append_raw(const lg_value_t *v, lg_sb_t *out);
bool lg_codec_is_space(char c);
/* Trims C isspace() characters from both ends. */
void lg_codec_trim(const char **s, size_t *len);
/* Big-endian stores and loads. */
void lg_codec_put_be(lg_sb_t *out, uint64_t v, int bytes);
uint64_t lg_codec_get_be(const uint8_t *p, int bytes);

/* ---- scalars (codec_scalar.c) ---- */
int lg_codec_bool_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		     lg_error_t *);
int lg_codec_bool_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_bool_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_bool_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
		       lg_error_t *);
int lg_codec_int_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		    lg_error_t *);
int lg_codec_int_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_int_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_int_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
		      lg_error_t *);
int lg_codec_float_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		      lg_error_t *);
int lg_codec_float_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_float_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_float_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
			lg_error_t *);
/* Appends float8out / float4out of `d` (shortest round-trip digits). */
void lg_codec_format_float8(lg_sb_t *out, double d);
void lg_codec_format_float4(lg_sb_t *out, float f);
/* Parses an integer with PostgreSQL's rules (blanks, sign); false if it
 * is not one or overflows int64. */
bool lg_codec_parse_int64(const char *s, size_t len, int64_t *v);

/* ---- character types, bytea, uuid (codec_text.c) ---- */
int lg_codec_str_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		    lg_error_t *);
int lg_codec_str_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_str_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_str_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
		      lg_error_t *);
int lg_codec_bytea_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		      lg_error_t *);
int lg_codec_bytea_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_bytea_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_bytea_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
			lg_error_t *);
int lg_codec_uuid_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		     lg_error_t *);
int lg_codec_uuid_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_uuid_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_uuid_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
		       lg_error_t *);

/* ---- numeric (numeric.c) ---- */
int lg_codec_numeric_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
			lg_error_t *);
int lg_codec_numeric_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_numeric_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_numeric_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
			  lg_error_t *);

/* ---- date/time (codec_dt.c; parsing in datetime.c) ---- */
int lg_codec_dt_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		   lg_error_t *);
int lg_codec_dt_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_dt_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_dt_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
		     lg_error_t *);

/* ---- arrays (codec_array.c) ---- */
int lg_codec_array_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		      lg_error_t *);
int lg_codec_array_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_array_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_array_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
			lg_error_t *);

/* ---- json/jsonb (json.c) ---- */
int lg_codec_json_in(lg_oid_t, int32_t, const char *, size_t, lg_arena_t *, lg_value_t *,
		     lg_error_t *);
int lg_codec_json_out(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_json_send(lg_oid_t, int32_t, const lg_value_t *, lg_sb_t *, lg_error_t *);
int lg_codec_json_recv(lg_oid_t, int32_t, const uint8_t *, size_t, lg_arena_t *, lg_value_t *,
		       lg_error_t *);

#endif
