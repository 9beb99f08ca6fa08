/* Wire codec, frontend side: framing and decoding of post-startup messages.
 * Error wording follows PostgreSQL 15's pqformat.c and postgres.c so that a
 * client sees the same text as from a real server. */
#include "proxy/wire.h"

#include "common/arena.h"

#include <string.h>

/* pqformat.c's wording for the ways a message can be malformed. */
#define MSG_SHORT "insufficient data left in message"
#define MSG_BAD_STRING "invalid string in message"
#define MSG_TRAILING "invalid message format"
#define MSG_NO_BYTE "no data left in message"

bool lg_cur_cstring(lg_cursor_t *c, const char **out, size_t *len)
{
	const uint8_t *nul = c->left ? memchr(c->p, '\0', c->left) : NULL;
	if (!nul)
		return false;
	size_t n = (size_t)(nul - c->p);
	*out = (const char *)c->p;
	if (len)
		*len = n;
	c->p += n + 1;
	c->left -= n + 1;
	return true;
}

/* ---- Framing ---- */

static uint32_t peek_u32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

lg_frame_status_t lg_wire_frame(const uint8_t *buf, size_t avail, bool startup, size_t max_len,
				uint8_t *type, size_t *msg_len, lg_error_t *err)
{
	size_t hdr = startup ? 4 : LG_WIRE_HEADER_LEN;
	*msg_len = 0;
	*type = 0;
	if (avail < hdr)
		return LG_FRAME_NEED_MORE;
	if (startup) {
		/* PG: len -= 4; reject len < sizeof(ProtocolVersion) or > MAX. */
		uint32_t len = peek_u32(buf);
		if (len < 8 || len - 4 > LG_WIRE_STARTUP_MAX) {
			lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION,
				     "invalid length of startup packet");
			return LG_FRAME_BAD;
		}
		*msg_len = len;
	} else {
		*type = buf[0];
		int32_t len = (int32_t)peek_u32(buf + 1);
		if (len < 4 || (size_t)len > max_len) {
			lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION, "invalid message length");
			return LG_FRAME_BAD;
		}
		*msg_len = (size_t)len + 1;
	}
	return avail >= *msg_len ? LG_FRAME_OK : LG_FRAME_NEED_MORE;
}

size_t lg_wire_fe_max_len(uint8_t type, size_t large_max)
{
	switch (type) {
	case LG_FE_QUERY:
	case LG_FE_PARSE:
	case LG_FE_BIND:
	case LG_FE_FUNCTION_CALL:
	case LG_FE_COPY_DATA:
		return large_max;
	case LG_FE_CLOSE:
	case LG_FE_DESCRIBE:
	case LG_FE_EXECUTE:
	case LG_FE_FLUSH:
	case LG_FE_SYNC:
	case LG_FE_TERMINATE:
	case LG_FE_COPY_DONE:
	case LG_FE_COPY_FAIL:
		return LG_WIRE_SMALL_MESSAGE_MAX;
	default:
		return 0;
	}
}

/* ---- Shared decoding helpers ---- */

static int short_msg(lg_error_t *err)
{
	return lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION, MSG_SHORT);
}

static int get_string(lg_cursor_t *c, const char **out, size_t *len, lg_error_t *err)
{
	if (!lg_cur_cstring(c, out, len))
		return lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION, MSG_BAD_STRING);
	return 0;
}

static int get_end(const lg_cursor_t *c, lg_error_t *err)
{
	if (c->left)
		return lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION, MSG_TRAILING);
	return 0;
}

static void *arena_array(lg_arena_t *arena, size_t n, size_t size, lg_error_t *err)
{
	/* n <= 65535 and size is small, so this cannot overflow. */
	void *p = lg_arena_alloc(arena, n * size);
	if (!p)
		lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	return p;
}

/* Reads a uint16 count followed by that many int16 format codes. */
static int get_formats(lg_cursor_t *c, lg_arena_t *arena, int *n, int16_t **out, lg_error_t *err)
{
	uint16_t count;
	*n = 0;
	*out = NULL;
	if (!lg_cur_u16(c, &count))
		return short_msg(err);
	if (count == 0)
		return 0;
	if (c->left / 2 < count)
		return short_msg(err);
	int16_t *f = arena_array(arena, count, sizeof(*f), err);
	if (!f)
		return -1;
	for (unsigned i = 0; i < count; i++)
		if (!lg_cur_i16(c, &f[i]))
			return short_msg(err); /* unreachable: checked above */
	*n = count;
	*out = f;
	return 0;
}

/* ---- Frontend messages ---- */

int lg_wire_decode_empty(const uint8_t *body, size_t len, lg_error_t *err)
{
	lg_cursor_t c;
	lg_cur_init(&c, body, len);
	return get_end(&c, err);
}

int lg_wire_decode_query(const uint8_t *body, size_t len, lg_fe_query_t *out, lg_error_t *err)
{
	lg_cursor_t c;
	lg_cur_init(&c, body, len);
	if (get_string(&c, &out->sql, &out->sql_len, err) < 0)
		return -1;
	return get_end(&c, err);
}

int lg_wire_decode_parse(const uint8_t *body, size_t len, lg_arena_t *arena, lg_fe_parse_t *out,
			 lg_error_t *err)
{
	lg_cursor_t c;
	uint16_t n;
	lg_cur_init(&c, body, len);
	memset(out, 0, sizeof(*out));
	if (get_string(&c, &out->name, NULL, err) < 0 ||
	    get_string(&c, &out->query, &out->query_len, err) < 0)
		return -1;
	if (!lg_cur_u16(&c, &n))
		return short_msg(err);
	if (n > 0) {
		if (c.left / 4 < n)
			return short_msg(err);
		out->param_types = arena_array(arena, n, sizeof(lg_oid_t), err);
		if (!out->param_types)
			return -1;
		for (unsigned i = 0; i < n; i++) {
			uint32_t oid;
			if (!lg_cur_u32(&c, &oid))
				return short_msg(err);
			out->param_types[i] = oid;
		}
	}
	out->nparams = n;
	return get_end(&c, err);
}

/* Walks n parameter values: into v when non-NULL, else only to validate. Returns
 * the index of the first malformed value, or n. */
static unsigned walk_values(lg_cursor_t *c, unsigned n, lg_wire_value_t *v)
{
	for (unsigned i = 0; i < n; i++) {
		int32_t vlen;
		const uint8_t *data = NULL;
		if (!lg_cur_i32(c, &vlen))
			return i;
		/* pq_getmsgbytes: negative lengths other than -1 are "short". */
		if (vlen != -1 && (vlen < 0 || !lg_cur_bytes(c, (size_t)vlen, &data)))
			return i;
		if (v) {
			v[i].len = vlen;
			v[i].data = data;
		}
	}
	return n;
}

/* Bind's parameter values. Validated before the array is allocated; a short
 * value gets PG's error context naming the portal and parameter. */
static int get_values(lg_cursor_t *c, const char *portal, lg_arena_t *arena, unsigned n,
		      lg_wire_value_t **out, lg_error_t *err)
{
	lg_cursor_t probe = *c;
	unsigned bad = walk_values(&probe, n, NULL);
	*out = NULL;
	if (bad < n) {
		bool fresh = err && !err->set;
		short_msg(err);
		if (fresh && portal[0])
			lg_error_field(err, LG_ERRF_WHERE, "portal \"%s\" parameter $%u", portal,
				       bad + 1);
		else if (fresh)
			lg_error_field(err, LG_ERRF_WHERE, "unnamed portal parameter $%u", bad + 1);
		return -1;
	}
	if (n == 0)
		return 0;
	*out = arena_array(arena, n, sizeof(**out), err);
	if (!*out)
		return -1;
	walk_values(c, n, *out);
	return 0;
}

int lg_wire_decode_bind(const uint8_t *body, size_t len, lg_arena_t *arena, lg_fe_bind_t *out,
			lg_error_t *err)
{
	lg_cursor_t c;
	uint16_t n;
	lg_cur_init(&c, body, len);
	memset(out, 0, sizeof(*out));
	if (get_string(&c, &out->portal, NULL, err) < 0 ||
	    get_string(&c, &out->stmt, NULL, err) < 0)
		return -1;
	if (get_formats(&c, arena, &out->nformats, &out->formats, err) < 0)
		return -1;
	if (!lg_cur_u16(&c, &n))
		return short_msg(err);
	/* PG checks this right after reading the count, before the values. */
	if (out->nformats > 1 && out->nformats != n)
		return lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION,
				    "bind message has %d parameter formats but %d parameters",
				    out->nformats, (int)n);
	if (get_values(&c, out->portal, arena, n, &out->params, err) < 0)
		return -1;
	out->nparams = n;
	if (get_formats(&c, arena, &out->nresult_formats, &out->result_formats, err) < 0)
		return -1;
	return get_end(&c, err);
}

/* Describe and Close share a layout: kind byte, name. PG checks the end of
 * the message before the kind. */
static int decode_target(const uint8_t *body, size_t len, lg_fe_describe_t *out,
			 const char *what, lg_error_t *err)
{
	lg_cursor_t c;
	uint8_t kind;
	lg_cur_init(&c, body, len);
	memset(out, 0, sizeof(*out));
	if (!lg_cur_u8(&c, &kind))
		return lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION, MSG_NO_BYTE);
	if (get_string(&c, &out->name, NULL, err) < 0 || get_end(&c, err) < 0)
		return -1;
	if (kind != LG_WIRE_TARGET_STATEMENT && kind != LG_WIRE_TARGET_PORTAL)
		return lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION,
				    "invalid %s message subtype %d", what, (int)kind);
	out->kind = (char)kind;
	return 0;
}

int lg_wire_decode_describe(const uint8_t *body, size_t len, lg_fe_describe_t *out,
			    lg_error_t *err)
{
	return decode_target(body, len, out, "DESCRIBE", err);
}

int lg_wire_decode_close(const uint8_t *body, size_t len, lg_fe_close_t *out, lg_error_t *err)
{
	return decode_target(body, len, out, "CLOSE", err);
}

int lg_wire_decode_execute(const uint8_t *body, size_t len, lg_fe_execute_t *out,
			   lg_error_t *err)
{
	lg_cursor_t c;
	lg_cur_init(&c, body, len);
	memset(out, 0, sizeof(*out));
	if (get_string(&c, &out->portal, NULL, err) < 0)
		return -1;
	if (!lg_cur_i32(&c, &out->max_rows))
		return short_msg(err);
	return get_end(&c, err);
}

int lg_wire_decode_password(const uint8_t *body, size_t len, lg_fe_password_t *out,
			    lg_error_t *err)
{
	/* PG: strlen(data) + 1 must equal the body length. */
	const uint8_t *nul = len ? memchr(body, '\0', len) : NULL;
	if (!nul || (size_t)(nul - body) + 1 != len)
		return lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION,
				    "invalid password packet size");
	out->password = (const char *)body;
	out->len = len - 1;
	return 0;
}

int lg_wire_decode_sasl_initial(const uint8_t *body, size_t len, lg_fe_sasl_initial_t *out,
				lg_error_t *err)
{
	lg_cursor_t c;
	lg_cur_init(&c, body, len);
	memset(out, 0, sizeof(*out));
	if (get_string(&c, &out->mechanism, NULL, err) < 0)
		return -1;
	if (!lg_cur_i32(&c, &out->len))
		return short_msg(err);
	if (out->len != -1) {
		if (out->len < 0 || !lg_cur_bytes(&c, (size_t)out->len, &out->data))
			return short_msg(err);
	}
	return get_end(&c, err);
}

int lg_wire_decode_copy_fail(const uint8_t *body, size_t len, const char **message,
			     lg_error_t *err)
{
	/* PG reads the string and ignores anything after it. */
	lg_cursor_t c;
	lg_cur_init(&c, body, len);
	return get_string(&c, message, NULL, err);
}

/* ---- Format codes ---- */

int16_t lg_wire_bind_param_format(const lg_fe_bind_t *b, int i)
{
	if (b->nformats > 1 && i >= 0 && i < b->nformats)
		return b->formats[i];
	if (b->nformats == 1)
		return b->formats[0];
	return LG_WIRE_FORMAT_TEXT;
}

int16_t lg_wire_bind_result_format(const lg_fe_bind_t *b, int i)
{
	if (b->nresult_formats > 1 && i >= 0 && i < b->nresult_formats)
		return b->result_formats[i];
	if (b->nresult_formats == 1)
		return b->result_formats[0];
	return LG_WIRE_FORMAT_TEXT;
}

int lg_wire_check_format(int16_t format, lg_error_t *err)
{
	if (format == LG_WIRE_FORMAT_TEXT || format == LG_WIRE_FORMAT_BINARY)
		return 0;
	return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE, "unsupported format code: %d",
			    (int)format);
}

int lg_wire_check_result_formats(const lg_fe_bind_t *b, int ncols, lg_error_t *err)
{
	if (b->nresult_formats > 1 && b->nresult_formats != ncols)
		return lg_error_set(err, LG_SQLSTATE_PROTOCOL_VIOLATION,
				    "bind message has %d result formats but query has %d columns",
				    b->nresult_formats, ncols);
	return 0;
}
