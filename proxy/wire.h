/* PostgreSQL v3 wire codec: bytes in, structs out; structs in, bytes out.
 * No sockets, no libevent. Frontend messages are framed with lg_wire_frame
 * and decoded by lg_wire_decode_*; backend messages are appended to an lg_sb_t.
 *
 * Memory: decoded structs BORROW from the message bytes (the caller keeps
 * them alive while the struct is used); arrays (formats, param values, type
 * OIDs) come from the caller's arena (query lifetime). Strings borrowed from
 * a message are NUL-terminated in place (the protocol sends the NUL).
 *
 * Errors: decoders record the first error in `err` (severity ERROR unless
 * noted; the session decides whether a protocol violation is FATAL) with
 * PostgreSQL 15's SQLSTATE and wording, and return -1. */
#ifndef LG_PROXY_WIRE_H
#define LG_PROXY_WIRE_H

#include "common/error.h"
#include "common/lg.h"

/* ---- Message type bytes --------------------------------------------------- */

/* Frontend (client -> server). */
#define LG_FE_QUERY 'Q'
#define LG_FE_PARSE 'P'
#define LG_FE_BIND 'B'
#define LG_FE_DESCRIBE 'D'
#define LG_FE_EXECUTE 'E'
#define LG_FE_CLOSE 'C'
#define LG_FE_SYNC 'S'
#define LG_FE_FLUSH 'H'
#define LG_FE_TERMINATE 'X'
#define LG_FE_PASSWORD 'p' /* also SASLInitialResponse, SASLResponse */
#define LG_FE_COPY_DATA 'd'
#define LG_FE_COPY_DONE 'c'
#define LG_FE_COPY_FAIL 'f'
#define LG_FE_FUNCTION_CALL 'F'

/* Backend (server -> client). */
#define LG_BE_AUTH 'R'
#define LG_BE_PARAMETER_STATUS 'S'
#define LG_BE_BACKEND_KEY_DATA 'K'
#define LG_BE_READY_FOR_QUERY 'Z'
#define LG_BE_ROW_DESCRIPTION 'T'
#define LG_BE_DATA_ROW 'D'
#define LG_BE_COMMAND_COMPLETE 'C'
#define LG_BE_EMPTY_QUERY 'I'
#define LG_BE_ERROR 'E'
#define LG_BE_NOTICE 'N'
#define LG_BE_PARSE_COMPLETE '1'
#define LG_BE_BIND_COMPLETE '2'
#define LG_BE_CLOSE_COMPLETE '3'
#define LG_BE_NO_DATA 'n'
#define LG_BE_PARAMETER_DESCRIPTION 't'
#define LG_BE_PORTAL_SUSPENDED 's'
#define LG_BE_NEGOTIATE_PROTOCOL 'v'
#define LG_BE_NOTIFICATION 'A'
#define LG_BE_COPY_IN 'G'
#define LG_BE_COPY_OUT 'H'
#define LG_BE_COPY_DATA 'd'
#define LG_BE_COPY_DONE 'c'

/* Describe / Close targets. */
#define LG_WIRE_TARGET_STATEMENT 'S'
#define LG_WIRE_TARGET_PORTAL 'P'

/* ReadyForQuery transaction status. */
#define LG_WIRE_TX_IDLE 'I'
#define LG_WIRE_TX_BLOCK 'T'
#define LG_WIRE_TX_FAILED 'E'

/* Format codes. */
#define LG_WIRE_FORMAT_TEXT 0
#define LG_WIRE_FORMAT_BINARY 1

/* Single-byte answers to SSLRequest / GSSENCRequest (not framed messages). */
#define LG_WIRE_SSL_ACCEPT 'S'
#define LG_WIRE_SSL_REFUSE 'N'

/* Authentication request codes (int32 after 'R'). */
#define LG_WIRE_AUTH_OK 0
#define LG_WIRE_AUTH_CLEARTEXT 3
#define LG_WIRE_AUTH_MD5 5
#define LG_WIRE_AUTH_SASL 10
#define LG_WIRE_AUTH_SASL_CONTINUE 11
#define LG_WIRE_AUTH_SASL_FINAL 12

/* ---- Protocol codes and limits ------------------------------------------- */

#define LG_WIRE_PROTOCOL_3_0 196608u /* (3 << 16) | 0 */
#define LG_WIRE_PROTOCOL_MAJOR(v) ((uint32_t)(v) >> 16)
#define LG_WIRE_PROTOCOL_MINOR(v) ((uint32_t)(v)&0xffffu)
#define LG_WIRE_SSL_REQUEST_CODE 80877103u
#define LG_WIRE_GSSENC_REQUEST_CODE 80877104u
#define LG_WIRE_CANCEL_REQUEST_CODE 80877102u

/* Type byte + int32 length in front of every post-startup message. */
#define LG_WIRE_HEADER_LEN 5
/* Startup packet body (after its length word) limit: PG's MAX_STARTUP_PACKET_LENGTH. */
#define LG_WIRE_STARTUP_MAX 10000
/* Length-word limit before authentication completes: PG's
 * PG_MAX_AUTH_TOKEN_LENGTH for password/SASL messages. */
#define LG_WIRE_PREAUTH_MAX 65535
/* Length-word limit PG uses for small messages (PQ_SMALL_MESSAGE_LIMIT). */
#define LG_WIRE_SMALL_MESSAGE_MAX 10000
/* Default length-word limit for large messages (PQ_LARGE_MESSAGE_LIMIT,
 * MaxAllocSize - 1); the caller may configure a smaller one. */
#define LG_WIRE_DEFAULT_MAX_MESSAGE ((size_t)0x3fffffff - 1)
/* Parameter/format counts are uint16 on the wire. */
#define LG_WIRE_MAX_PARAMS 65535
/* PG's NAMEDATALEN: user and database names are truncated to 63 bytes. */
#define LG_WIRE_NAMEDATALEN 64
/* How many generic name/value pairs (and, separately, _pq_.* options) a
 * startup packet may carry. PG has no such cap; no real client comes close. */
#define LG_WIRE_STARTUP_MAX_PARAMS 64

/* ---- Bounds-checked cursor ------------------------------------------------- */

#if defined(__GNUC__)
#define LG_WIRE_MUST_CHECK __attribute__((warn_unused_result))
#else
#define LG_WIRE_MUST_CHECK
#endif

/* Every byte from the network is read through this. Getters return false
 * (and consume nothing) when the bytes are not there. Integers are network
 * byte order. */
typedef struct lg_cursor {
	const uint8_t *p;
	size_t left;
} lg_cursor_t;

static inline void lg_cur_init(lg_cursor_t *c, const void *p, size_t n)
{
	c->p = (const uint8_t *)p;
	c->left = n;
}

LG_WIRE_MUST_CHECK static inline bool lg_cur_u8(lg_cursor_t *c, uint8_t *out)
{
	if (c->left < 1)
		return false;
	*out = c->p[0];
	c->p++;
	c->left--;
	return true;
}

LG_WIRE_MUST_CHECK static inline bool lg_cur_u16(lg_cursor_t *c, uint16_t *out)
{
	if (c->left < 2)
		return false;
	*out = (uint16_t)((unsigned)c->p[0] << 8 | c->p[1]);
	c->p += 2;
	c->left -= 2;
	return true;
}

LG_WIRE_MUST_CHECK static inline bool lg_cur_i16(lg_cursor_t *c, int16_t *out)
{
	uint16_t u;
	if (!lg_cur_u16(c, &u))
		return false;
	*out = (int16_t)u;
	return true;
}

LG_WIRE_MUST_CHECK static inline bool lg_cur_u32(lg_cursor_t *c, uint32_t *out)
{
	if (c->left < 4)
		return false;
	*out = (uint32_t)c->p[0] << 24 | (uint32_t)c->p[1] << 16 | (uint32_t)c->p[2] << 8 |
	       (uint32_t)c->p[3];
	c->p += 4;
	c->left -= 4;
	return true;
}

LG_WIRE_MUST_CHECK static inline bool lg_cur_i32(lg_cursor_t *c, int32_t *out)
{
	uint32_t u;
	if (!lg_cur_u32(c, &u))
		return false;
	*out = (int32_t)u;
	return true;
}

/* Points *out at the next n bytes. */
LG_WIRE_MUST_CHECK static inline bool lg_cur_bytes(lg_cursor_t *c, size_t n, const uint8_t **out)
{
	if (c->left < n)
		return false;
	*out = c->p;
	c->p += n;
	c->left -= n;
	return true;
}

/* A NUL-terminated string lying wholly within the cursor; *len (may be NULL)
 * gets its length without the NUL. */
LG_WIRE_MUST_CHECK bool lg_cur_cstring(lg_cursor_t *c, const char **out, size_t *len);

/* ---- Framing ---------------------------------------------------------------- */

typedef enum lg_frame_status {
	LG_FRAME_NEED_MORE = 0,
	LG_FRAME_OK,
	LG_FRAME_BAD,
} lg_frame_status_t;

/* Finds the message at the start of buf[0..avail).
 *   OK:        *msg_len = total bytes of the message (type byte, length word
 *              and body); *type = the type byte (0 for startup packets).
 *   NEED_MORE: wait for more bytes. *msg_len = the total size once the
 *              header is complete (lets the caller size its read), else 0.
 *   BAD:       err set to 08P01 "invalid message length" (or, startup,
 *              "invalid length of startup packet"); the length is validated
 *              as soon as the header is there, before the body arrives. PG
 *              logs these (COMMERROR) and closes without replying.
 * startup=false: [type][int32 len incl. itself][body]; 4 <= len <= max_len.
 *   max_len is the caller's limit on the length word: use
 *   lg_wire_fe_max_len(type, configured) after authentication and
 *   LG_WIRE_PREAUTH_MAX before.
 * startup=true: [int32 len incl. itself][body], 4 <= len-4 <= LG_WIRE_STARTUP_MAX
 *   as in PG (max_len is ignored). */
lg_frame_status_t lg_wire_frame(const uint8_t *buf, size_t avail, bool startup, size_t max_len,
				uint8_t *type, size_t *msg_len, lg_error_t *err);

/* PG's per-type limit on the length word once authenticated:
 * LG_WIRE_SMALL_MESSAGE_MAX for C D E H S X c f, `large_max` for Q P B F d;
 * 0 for a type byte that is not a frontend message (the session then answers
 * FATAL 08P01 "invalid frontend message type %d", as PG does). */
size_t lg_wire_fe_max_len(uint8_t type, size_t large_max);

/* ---- Startup packet --------------------------------------------------------- */

typedef enum lg_startup_kind {
	LG_STARTUP_NORMAL = 0,
	LG_STARTUP_SSL,
	LG_STARTUP_GSSENC,
	LG_STARTUP_CANCEL,
} lg_startup_kind_t;

typedef struct lg_wire_param {
	const char *name;
	const char *value;
} lg_wire_param_t;

typedef struct lg_fe_startup {
	lg_startup_kind_t kind;
	/* NORMAL: requested version; minor > 0 is accepted and needs_negotiate
	 * is set (answer with lg_wire_negotiate_protocol, as PG 15 does). */
	uint32_t protocol;
	bool needs_negotiate;
	/* CANCEL. */
	int32_t cancel_pid;
	int32_t cancel_key;
	/* NORMAL: copies, truncated to 63 bytes like PG; database defaults to user. */
	char user[LG_WIRE_NAMEDATALEN];
	char database[LG_WIRE_NAMEDATALEN];
	/* Borrowed from the body; NULL when absent. */
	const char *options;	      /* split with lg_wire_parse_options */
	const char *application_name; /* also present in params[] */
	const char *replication;      /* PG starts a walsender; we reject */
	/* Generic GUC settings in packet order (what PG puts in guc_options):
	 * everything but user, database, options, replication and _pq_.*. */
	int nparams;
	lg_wire_param_t params[LG_WIRE_STARTUP_MAX_PARAMS];
	/* Names of _pq_.* protocol options, none of which we recognize. */
	int npq_options;
	const char *pq_options[LG_WIRE_STARTUP_MAX_PARAMS];
} lg_fe_startup_t;

/* Decodes a startup-phase packet; body/len are what follows the length word
 * (msg + 4, msg_len - 4 from lg_wire_frame(startup=true)). Errors are FATAL:
 * 08P01 "invalid length of startup packet" (cancel request of wrong size),
 * 0A000 "unsupported frontend protocol %u.%u: server supports 3.0 to 3.0"
 * (send it with lg_wire_error_v2 when out->protocol's major is < 3, as PG),
 * 08P01 "invalid startup packet layout: expected terminator as last byte",
 * 28000 "no PostgreSQL user name specified in startup packet",
 * 54000 when more than LG_WIRE_STARTUP_MAX_PARAMS pairs are sent.
 * SSL/GSSENC: kind only. A second SSLRequest after TLS is up must be treated
 * by the caller as PG does: protocol 1234.5679, i.e. "unsupported frontend
 * protocol 1234.5679: server supports 3.0 to 3.0". Bytes already buffered
 * after an SSLRequest are the caller's to refuse ("received unencrypted data
 * after SSL request"). */
int lg_wire_decode_startup(const uint8_t *body, size_t len, lg_fe_startup_t *out,
			   lg_error_t *err);

/* Splits the startup `options` string as PG's pg_split_opts (whitespace
 * separated, backslash escapes the next character) and reports each GUC
 * setting "-c name=value", "-cname=value" or "--name=value" to `cb`, with
 * '-' in the name turned into '_' (PG's ParseLongOption). name/value point
 * into a temporary buffer valid only during the call. A non-zero return from
 * cb stops and is returned. Errors (FATAL, 42601, PG's wording):
 * "-c %s requires a value", "--%s requires a value", and for anything else
 * (other switches, stray words) "invalid command-line argument for server
 * process: %s" with hint "Try \"postgres --help\" for more information.".
 * Returns 0 or -1 (err set) or cb's non-zero value. */
typedef int (*lg_wire_option_cb)(void *ctx, const char *name, const char *value,
				 lg_error_t *err);
int lg_wire_parse_options(const char *options, lg_wire_option_cb cb, void *ctx,
			  lg_error_t *err);

/* ---- Frontend messages ------------------------------------------------------ */

/* All decoders take the body: what follows the 5-byte header
 * (msg + LG_WIRE_HEADER_LEN, msg_len - LG_WIRE_HEADER_LEN). Errors, all 08P01
 * as PG's pqformat.c: "insufficient data left in message", "invalid string in
 * message", "invalid message format" (trailing bytes); 53200 "out of memory"
 * when the arena fails. Counts are validated against the bytes present before
 * anything is allocated. */

typedef struct lg_fe_query {
	const char *sql;
	size_t sql_len;
} lg_fe_query_t;

typedef struct lg_fe_parse {
	const char *name; /* "" = unnamed statement */
	const char *query;
	size_t query_len;
	int nparams;		  /* 0..65535 */
	lg_oid_t *param_types;	  /* arena; NULL if nparams == 0; 0 = unspecified */
} lg_fe_parse_t;

/* A parameter value; NULL is data == NULL, len == -1. */
typedef struct lg_wire_value {
	const uint8_t *data;
	int32_t len;
} lg_wire_value_t;

typedef struct lg_fe_bind {
	const char *portal;
	const char *stmt;
	int nformats;	      /* 0, 1 or nparams (checked) */
	int16_t *formats;     /* arena; raw codes, NOT validated (see below) */
	int nparams;
	lg_wire_value_t *params; /* arena */
	int nresult_formats;
	int16_t *result_formats; /* arena; raw codes */
} lg_fe_bind_t;

typedef struct lg_fe_describe {
	char kind; /* LG_WIRE_TARGET_STATEMENT or LG_WIRE_TARGET_PORTAL */
	const char *name;
} lg_fe_describe_t;

typedef struct lg_fe_execute {
	const char *portal;
	int32_t max_rows; /* as sent; <= 0 means all rows */
} lg_fe_execute_t;

typedef lg_fe_describe_t lg_fe_close_t;

typedef struct lg_fe_password {
	const char *password; /* cleartext or "md5..." */
	size_t len;
} lg_fe_password_t;

typedef struct lg_fe_sasl_initial {
	const char *mechanism;
	const uint8_t *data; /* NULL when the client sent length -1 */
	int32_t len;
} lg_fe_sasl_initial_t;

/* Sync and Flush carry no body; PG answers one with 08P01 "invalid message format". */
int lg_wire_decode_empty(const uint8_t *body, size_t len, lg_error_t *err);
int lg_wire_decode_query(const uint8_t *body, size_t len, lg_fe_query_t *out, lg_error_t *err);
int lg_wire_decode_parse(const uint8_t *body, size_t len, lg_arena_t *arena, lg_fe_parse_t *out,
			 lg_error_t *err);
/* Also 08P01 "bind message has %d parameter formats but %d parameters".
 * The statement's own parameter count is the session's check ("bind message
 * supplies %d parameters, but prepared statement \"%s\" requires %d"). */
int lg_wire_decode_bind(const uint8_t *body, size_t len, lg_arena_t *arena, lg_fe_bind_t *out,
			lg_error_t *err);
/* Also 08P01 "no data left in message" (empty body) and "invalid DESCRIBE
 * message subtype %d" (after the end check, as PG). */
int lg_wire_decode_describe(const uint8_t *body, size_t len, lg_fe_describe_t *out,
			    lg_error_t *err);
int lg_wire_decode_execute(const uint8_t *body, size_t len, lg_fe_execute_t *out,
			   lg_error_t *err);
/* Also 08P01 "invalid CLOSE message subtype %d". */
int lg_wire_decode_close(const uint8_t *body, size_t len, lg_fe_close_t *out, lg_error_t *err);
/* PasswordMessage: exactly one string; else 08P01 "invalid password packet size". */
int lg_wire_decode_password(const uint8_t *body, size_t len, lg_fe_password_t *out,
			    lg_error_t *err);
/* SASLInitialResponse (the first 'p' of a SASL exchange). A SASLResponse is
 * the raw body and needs no decoding. */
int lg_wire_decode_sasl_initial(const uint8_t *body, size_t len, lg_fe_sasl_initial_t *out,
				lg_error_t *err);
/* CopyFail: the error message string. */
int lg_wire_decode_copy_fail(const uint8_t *body, size_t len, const char **message,
			     lg_error_t *err);

/* Format codes are checked where PG checks them, not by the decoder:
 * a parameter's when it is converted (even a NULL's), a result column's when
 * rows are sent. Both give 22023 "unsupported format code: %d". */
/* The effective format of parameter i (0-based) of a decoded Bind. */
int16_t lg_wire_bind_param_format(const lg_fe_bind_t *b, int i);
/* The effective format of result column i of a decoded Bind. */
int16_t lg_wire_bind_result_format(const lg_fe_bind_t *b, int i);
/* 0 for text or binary, else -1 with 22023 "unsupported format code: %d". */
int lg_wire_check_format(int16_t format, lg_error_t *err);
/* PortalSetResultFormat's check: 08P01 "bind message has %d result formats
 * but query has %d columns" when more than one code and not one per column. */
int lg_wire_check_result_formats(const lg_fe_bind_t *b, int ncols, lg_error_t *err);

/* ---- Backend messages ------------------------------------------------------- */

/* Generic builder: begin(type) / put_* / end() appended to sb; the length
 * word is patched at end. Errors are the builder's sticky `failed` flag
 * (also set when a message would exceed INT32_MAX bytes). Messages must not
 * nest within one sb. */
typedef struct lg_msg {
	lg_sb_t *sb;
	size_t start; /* offset of the type byte in sb */
} lg_msg_t;

void lg_msg_begin(lg_msg_t *m, lg_sb_t *sb, uint8_t type);
void lg_msg_put_u8(lg_msg_t *m, uint8_t v);
void lg_msg_put_i16(lg_msg_t *m, int16_t v);
void lg_msg_put_i32(lg_msg_t *m, int32_t v);
void lg_msg_put_bytes(lg_msg_t *m, const void *p, size_t n);
/* Appends s and its NUL. */
void lg_msg_put_cstring(lg_msg_t *m, const char *s);
void lg_msg_end(lg_msg_t *m);

/* Typed senders: each appends one complete message. */
void lg_wire_auth_ok(lg_sb_t *sb);
/* AuthenticationXXX with `code` (LG_WIRE_AUTH_*) and extra data (md5 salt,
 * SASL mechanism list "SCRAM-SHA-256\0\0", SASL server data). */
void lg_wire_auth_request(lg_sb_t *sb, int32_t code, const void *data, size_t len);
void lg_wire_parameter_status(lg_sb_t *sb, const char *name, const char *value);
void lg_wire_backend_key(lg_sb_t *sb, int32_t pid, int32_t key);
void lg_wire_ready(lg_sb_t *sb, char status);
void lg_wire_command_complete(lg_sb_t *sb, const char *tag);
void lg_wire_empty_query(lg_sb_t *sb);
void lg_wire_parse_complete(lg_sb_t *sb);
void lg_wire_bind_complete(lg_sb_t *sb);
void lg_wire_close_complete(lg_sb_t *sb);
void lg_wire_no_data(lg_sb_t *sb);
void lg_wire_portal_suspended(lg_sb_t *sb);
void lg_wire_parameter_description(lg_sb_t *sb, int n, const lg_oid_t *oids);
/* NegotiateProtocolVersion: PG 15 sends its full latest version (196608)
 * and the unrecognized _pq_.* option names. */
void lg_wire_negotiate_protocol(lg_sb_t *sb, uint32_t version, int n, const char *const *names);

typedef struct lg_wire_field {
	const char *name;
	lg_oid_t table_oid; /* 0 if not a table column */
	int16_t attnum;	    /* 0 if not a table column */
	lg_oid_t type_oid;
	int16_t typlen;
	int32_t typmod;
	int16_t format;
} lg_wire_field_t;

void lg_wire_row_description(lg_sb_t *sb, int n, const lg_wire_field_t *fields);

/* ErrorResponse / NoticeResponse with the fields PG sends, in PG's order:
 * S V C M D H P W s t c d n F L (R is omitted; F is our source file's
 * basename, L its line, both only when err->file is set). The severity is
 * err->severity (the caller sets FATAL before sending a fatal error). */
void lg_wire_error(lg_sb_t *sb, const lg_error_t *err);
void lg_wire_notice(lg_sb_t *sb, const lg_error_t *err);
/* The protocol-2 error PG sends when a startup packet asks for major < 3:
 * 'E', "FATAL:  <message>\n", NUL (no length word). */
void lg_wire_error_v2(lg_sb_t *sb, const lg_error_t *err);

/* DataRow: begin, then exactly ncols of null/value/field_begin+field_end,
 * then lg_msg_end(m). */
void lg_wire_datarow_begin(lg_msg_t *m, lg_sb_t *sb, int ncols);
void lg_wire_datarow_null(lg_msg_t *m);
void lg_wire_datarow_value(lg_msg_t *m, const void *bytes, size_t len);
/* Encode a value straight into the output: mark = field_begin(m) reserves
 * the length word; append the value to m->sb with any builder function;
 * field_end(m, mark) patches the length. */
size_t lg_wire_field_begin(lg_msg_t *m);
void lg_wire_field_end(lg_msg_t *m, size_t mark);

#endif
