/* Wire codec, backend side: the message builder and one typed sender per
 * backend message. Everything appends to an lg_sb_t whose sticky `failed`
 * flag the caller checks once before writing the buffer out. */
#include "proxy/wire.h"

#include "common/strbuf.h"

#include <stdio.h>
#include <string.h>

static void put_u32_at(lg_sb_t *sb, size_t at, uint32_t v)
{
	uint8_t *p = (uint8_t *)sb->data + at;
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

void lg_msg_begin(lg_msg_t *m, lg_sb_t *sb, uint8_t type)
{
	static const uint8_t placeholder[4];
	m->sb = sb;
	m->start = sb->len;
	lg_sb_appendn(sb, &type, 1);
	lg_sb_appendn(sb, placeholder, sizeof(placeholder));
}

void lg_msg_put_u8(lg_msg_t *m, uint8_t v)
{
	lg_sb_appendn(m->sb, &v, 1);
}

void lg_msg_put_i16(lg_msg_t *m, int16_t v)
{
	uint8_t b[2] = {(uint8_t)((uint16_t)v >> 8), (uint8_t)v};
	lg_sb_appendn(m->sb, b, sizeof(b));
}

void lg_msg_put_i32(lg_msg_t *m, int32_t v)
{
	uint32_t u = (uint32_t)v;
	uint8_t b[4] = {(uint8_t)(u >> 24), (uint8_t)(u >> 16), (uint8_t)(u >> 8), (uint8_t)u};
	lg_sb_appendn(m->sb, b, sizeof(b));
}

void lg_msg_put_bytes(lg_msg_t *m, const void *p, size_t n)
{
	lg_sb_appendn(m->sb, p, n);
}

void lg_msg_put_cstring(lg_msg_t *m, const char *s)
{
	lg_sb_appendn(m->sb, s, strlen(s) + 1);
}

void lg_msg_end(lg_msg_t *m)
{
	lg_sb_t *sb = m->sb;
	if (sb->failed || sb->len < m->start + LG_WIRE_HEADER_LEN)
		return;
	size_t len = sb->len - m->start - 1;
	if (len > INT32_MAX) {
		sb->failed = true;
		return;
	}
	put_u32_at(sb, m->start + 1, (uint32_t)len);
}

/* A message with no body. */
static void empty_message(lg_sb_t *sb, uint8_t type)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, type);
	lg_msg_end(&m);
}

void lg_wire_auth_request(lg_sb_t *sb, int32_t code, const void *data, size_t len)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, LG_BE_AUTH);
	lg_msg_put_i32(&m, code);
	if (len)
		lg_msg_put_bytes(&m, data, len);
	lg_msg_end(&m);
}

void lg_wire_auth_ok(lg_sb_t *sb)
{
	lg_wire_auth_request(sb, LG_WIRE_AUTH_OK, NULL, 0);
}

void lg_wire_parameter_status(lg_sb_t *sb, const char *name, const char *value)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, LG_BE_PARAMETER_STATUS);
	lg_msg_put_cstring(&m, name);
	lg_msg_put_cstring(&m, value);
	lg_msg_end(&m);
}

void lg_wire_backend_key(lg_sb_t *sb, int32_t pid, int32_t key)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, LG_BE_BACKEND_KEY_DATA);
	lg_msg_put_i32(&m, pid);
	lg_msg_put_i32(&m, key);
	lg_msg_end(&m);
}

void lg_wire_ready(lg_sb_t *sb, char status)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, LG_BE_READY_FOR_QUERY);
	lg_msg_put_u8(&m, (uint8_t)status);
	lg_msg_end(&m);
}

void lg_wire_command_complete(lg_sb_t *sb, const char *tag)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, LG_BE_COMMAND_COMPLETE);
	lg_msg_put_cstring(&m, tag);
	lg_msg_end(&m);
}

void lg_wire_empty_query(lg_sb_t *sb)
{
	empty_message(sb, LG_BE_EMPTY_QUERY);
}

void lg_wire_parse_complete(lg_sb_t *sb)
{
	empty_message(sb, LG_BE_PARSE_COMPLETE);
}

void lg_wire_bind_complete(lg_sb_t *sb)
{
	empty_message(sb, LG_BE_BIND_COMPLETE);
}

void lg_wire_close_complete(lg_sb_t *sb)
{
	empty_message(sb, LG_BE_CLOSE_COMPLETE);
}

void lg_wire_no_data(lg_sb_t *sb)
{
	empty_message(sb, LG_BE_NO_DATA);
}

void lg_wire_portal_suspended(lg_sb_t *sb)
{
	empty_message(sb, LG_BE_PORTAL_SUSPENDED);
}

void lg_wire_parameter_description(lg_sb_t *sb, int n, const lg_oid_t *oids)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, LG_BE_PARAMETER_DESCRIPTION);
	lg_msg_put_i16(&m, (int16_t)n);
	for (int i = 0; i < n; i++)
		lg_msg_put_i32(&m, (int32_t)oids[i]);
	lg_msg_end(&m);
}

void lg_wire_negotiate_protocol(lg_sb_t *sb, uint32_t version, int n, const char *const *names)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, LG_BE_NEGOTIATE_PROTOCOL);
	lg_msg_put_i32(&m, (int32_t)version);
	lg_msg_put_i32(&m, n);
	for (int i = 0; i < n; i++)
		lg_msg_put_cstring(&m, names[i]);
	lg_msg_end(&m);
}

void lg_wire_row_description(lg_sb_t *sb, int n, const lg_wire_field_t *fields)
{
	lg_msg_t m;
	lg_msg_begin(&m, sb, LG_BE_ROW_DESCRIPTION);
	lg_msg_put_i16(&m, (int16_t)n);
	for (int i = 0; i < n; i++) {
		const lg_wire_field_t *f = &fields[i];
		lg_msg_put_cstring(&m, f->name);
		lg_msg_put_i32(&m, (int32_t)f->table_oid);
		lg_msg_put_i16(&m, f->attnum);
		lg_msg_put_i32(&m, (int32_t)f->type_oid);
		lg_msg_put_i16(&m, f->typlen);
		lg_msg_put_i32(&m, f->typmod);
		lg_msg_put_i16(&m, f->format);
	}
	lg_msg_end(&m);
}

/* ---- ErrorResponse / NoticeResponse ---- */

static void put_field(lg_msg_t *m, char code, const char *value)
{
	if (!value)
		return;
	lg_msg_put_u8(m, (uint8_t)code);
	lg_msg_put_cstring(m, value);
}

static const char *basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* PG's send_message_to_frontend order: S V C M D H W s t c d n P F L R. */
static void diag_message(lg_sb_t *sb, uint8_t type, const lg_error_t *err)
{
	lg_msg_t m;
	char num[16];
	const char *sev = lg_severity_name(err->severity);
	lg_msg_begin(&m, sb, type);
	put_field(&m, 'S', sev); /* we do not localize */
	put_field(&m, 'V', sev);
	put_field(&m, 'C', lg_sqlstate_code(err->sqlstate));
	put_field(&m, 'M', lg_error_message(err));
	put_field(&m, 'D', err->fields[LG_ERRF_DETAIL]);
	put_field(&m, 'H', err->fields[LG_ERRF_HINT]);
	put_field(&m, 'W', err->fields[LG_ERRF_WHERE]);
	put_field(&m, 's', err->fields[LG_ERRF_SCHEMA]);
	put_field(&m, 't', err->fields[LG_ERRF_TABLE]);
	put_field(&m, 'c', err->fields[LG_ERRF_COLUMN]);
	put_field(&m, 'd', err->fields[LG_ERRF_DATATYPE]);
	put_field(&m, 'n', err->fields[LG_ERRF_CONSTRAINT]);
	if (err->position > 0) {
		snprintf(num, sizeof(num), "%d", err->position);
		put_field(&m, 'P', num);
	}
	if (err->file) {
		put_field(&m, 'F', basename_of(err->file));
		if (err->line > 0) {
			snprintf(num, sizeof(num), "%d", err->line);
			put_field(&m, 'L', num);
		}
	}
	lg_msg_put_u8(&m, 0);
	lg_msg_end(&m);
}

void lg_wire_error(lg_sb_t *sb, const lg_error_t *err)
{
	diag_message(sb, LG_BE_ERROR, err);
}

void lg_wire_notice(lg_sb_t *sb, const lg_error_t *err)
{
	diag_message(sb, LG_BE_NOTICE, err);
}

void lg_wire_error_v2(lg_sb_t *sb, const lg_error_t *err)
{
	lg_sb_putc(sb, LG_BE_ERROR);
	lg_sb_appendf(sb, "%s:  %s\n", lg_severity_name(err->severity), lg_error_message(err));
	lg_sb_appendn(sb, "", 1);
}

/* ---- DataRow ---- */

void lg_wire_datarow_begin(lg_msg_t *m, lg_sb_t *sb, int ncols)
{
	lg_msg_begin(m, sb, LG_BE_DATA_ROW);
	lg_msg_put_i16(m, (int16_t)ncols);
}

void lg_wire_datarow_null(lg_msg_t *m)
{
	lg_msg_put_i32(m, -1);
}

void lg_wire_datarow_value(lg_msg_t *m, const void *bytes, size_t len)
{
	size_t mark = lg_wire_field_begin(m);
	lg_msg_put_bytes(m, bytes, len);
	lg_wire_field_end(m, mark);
}

size_t lg_wire_field_begin(lg_msg_t *m)
{
	size_t mark = m->sb->len;
	lg_msg_put_i32(m, 0);
	return mark;
}

void lg_wire_field_end(lg_msg_t *m, size_t mark)
{
	lg_sb_t *sb = m->sb;
	if (sb->failed || sb->len < mark + 4)
		return;
	size_t len = sb->len - mark - 4;
	if (len > INT32_MAX) {
		sb->failed = true;
		return;
	}
	put_u32_at(sb, mark, (uint32_t)len);
}
