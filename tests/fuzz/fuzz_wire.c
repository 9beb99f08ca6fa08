/* libFuzzer target for the wire codec. The input is a client byte stream:
 * an optional startup packet followed by regular messages; each framed
 * message is copied into an exactly-sized buffer (so ASan catches any
 * over-read) and handed to its decoder, and decoded values are re-encoded.
 *
 * Build with libFuzzer: clang -fsanitize=fuzzer,address,undefined.
 * Linked with replay.c it replays the files and directories named on its
 * command line instead (the seed corpus runs in meson test). */
#include "common/arena.h"
#include "common/error.h"
#include "common/strbuf.h"
#include "proxy/wire.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_option(void *ctx, const char *name, const char *value, lg_error_t *err)
{
	LG_UNUSED(err);
	lg_sb_appendf(ctx, "%s=%s;", name, value);
	return 0;
}

static void fuzz_startup(const uint8_t *body, size_t len, lg_sb_t *out)
{
	lg_fe_startup_t st;
	lg_error_t err = LG_ERROR_INIT;
	if (lg_wire_decode_startup(body, len, &st, &err) == 0 && st.kind == LG_STARTUP_NORMAL) {
		lg_wire_parse_options(st.options, count_option, out, &err);
		for (int i = 0; i < st.nparams; i++)
			lg_wire_parameter_status(out, st.params[i].name, st.params[i].value);
		if (st.needs_negotiate)
			lg_wire_negotiate_protocol(out, LG_WIRE_PROTOCOL_3_0, st.npq_options,
						   st.pq_options);
	}
	if (err.set) {
		lg_wire_error(out, &err);
		lg_wire_error_v2(out, &err);
	}
	lg_error_clear(&err);
}

static void fuzz_bind(const uint8_t *body, size_t len, lg_arena_t *arena, lg_sb_t *out,
		      lg_error_t *err)
{
	lg_fe_bind_t b;
	if (lg_wire_decode_bind(body, len, arena, &b, err) < 0)
		return;
	lg_msg_t m;
	lg_wire_datarow_begin(&m, out, b.nparams);
	for (int i = 0; i < b.nparams; i++) {
		if (lg_wire_check_format(lg_wire_bind_param_format(&b, i), err) < 0)
			lg_error_clear(err);
		if (b.params[i].len < 0)
			lg_wire_datarow_null(&m);
		else
			lg_wire_datarow_value(&m, b.params[i].data, (size_t)b.params[i].len);
	}
	lg_msg_end(&m);
	if (lg_wire_check_result_formats(&b, b.nparams, err) == 0)
		(void)lg_wire_check_format(lg_wire_bind_result_format(&b, 0), err);
}

static void fuzz_message(uint8_t type, const uint8_t *body, size_t len, lg_arena_t *arena,
			 lg_sb_t *out)
{
	lg_error_t err = LG_ERROR_INIT;
	union {
		lg_fe_query_t q;
		lg_fe_parse_t p;
		lg_fe_describe_t d;
		lg_fe_execute_t e;
		lg_fe_password_t pw;
		lg_fe_sasl_initial_t sasl;
	} u;
	const char *s;
	switch (type) {
	case LG_FE_QUERY:
		if (lg_wire_decode_query(body, len, &u.q, &err) == 0)
			lg_wire_command_complete(out, u.q.sql);
		break;
	case LG_FE_PARSE:
		if (lg_wire_decode_parse(body, len, arena, &u.p, &err) == 0)
			lg_wire_parameter_description(out, u.p.nparams, u.p.param_types);
		break;
	case LG_FE_BIND:
		fuzz_bind(body, len, arena, out, &err);
		break;
	case LG_FE_DESCRIBE:
		(void)lg_wire_decode_describe(body, len, &u.d, &err);
		break;
	case LG_FE_CLOSE:
		(void)lg_wire_decode_close(body, len, &u.d, &err);
		break;
	case LG_FE_EXECUTE:
		(void)lg_wire_decode_execute(body, len, &u.e, &err);
		break;
	case LG_FE_PASSWORD:
		(void)lg_wire_decode_password(body, len, &u.pw, &err);
		lg_error_clear(&err);
		(void)lg_wire_decode_sasl_initial(body, len, &u.sasl, &err);
		break;
	case LG_FE_SYNC:
	case LG_FE_FLUSH:
		(void)lg_wire_decode_empty(body, len, &err);
		break;
	case LG_FE_COPY_FAIL:
		(void)lg_wire_decode_copy_fail(body, len, &s, &err);
		break;
	default:
		break;
	}
	if (err.set)
		lg_wire_error(out, &err);
	lg_error_clear(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lg_arena_t arena;
	lg_sb_t out = LG_SB_INIT;
	lg_error_t err = LG_ERROR_INIT;
	size_t off = 0, mlen;
	uint8_t type;
	lg_arena_init(&arena, 4096);

	if (lg_wire_frame(data, size, true, 0, &type, &mlen, &err) == LG_FRAME_OK) {
		uint8_t *copy = malloc(mlen - 4);
		if (copy) {
			memcpy(copy, data + 4, mlen - 4);
			fuzz_startup(copy, mlen - 4, &out);
			free(copy);
		}
		off = mlen;
	}
	lg_error_clear(&err);

	for (;;) {
		size_t left = size - off;
		size_t max = left ? lg_wire_fe_max_len(data[off], LG_WIRE_DEFAULT_MAX_MESSAGE) : 0;
		if (max == 0)
			max = LG_WIRE_PREAUTH_MAX; /* e.g. 'p' before authentication */
		if (lg_wire_frame(data + off, left, false, max, &type, &mlen, &err) != LG_FRAME_OK)
			break;
		size_t blen = mlen - LG_WIRE_HEADER_LEN;
		uint8_t *body = malloc(blen ? blen : 1);
		if (!body)
			break;
		memcpy(body, data + off + LG_WIRE_HEADER_LEN, blen);
		fuzz_message(type, body, blen, &arena, &out);
		free(body);
		lg_arena_reset(&arena);
		off += mlen;
	}
	lg_wire_ready(&out, LG_WIRE_TX_IDLE);
	lg_error_clear(&err);
	lg_sb_free(&out);
	lg_arena_destroy(&arena);
	return 0;
}
