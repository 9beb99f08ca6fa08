/* Wire codec: the startup packet and its `options` string, decoded the way
 * PostgreSQL 15's ProcessStartupPacket, pg_split_opts and
 * process_postgres_switches do, with their error wording. */
#include "proxy/wire.h"

#include "common/strbuf.h"

#include <string.h>

#define MSG_STARTUP_LEN "invalid length of startup packet"

/* Records a FATAL error (startup errors end the connection in PG). */
static int fatal(lg_error_t *err, lg_sqlstate_t state, const char *fmt, ...) LG_PRINTF(3, 4);

static int fatal(lg_error_t *err, lg_sqlstate_t state, const char *fmt, ...)
{
	if (!err || err->set)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	lg_error_vset_(err, __FILE__, __LINE__, state, fmt, ap);
	va_end(ap);
	err->severity = LG_SEV_FATAL;
	return -1;
}

static void copy_name(char *dst, const char *src)
{
	/* PG truncates over-long user and database names to NAMEDATALEN - 1. */
	size_t n = strnlen(src, LG_WIRE_NAMEDATALEN - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Sorts one name/value pair into `out`, as PG sorts them into Port fields. */
static int take_pair(lg_fe_startup_t *out, const char *name, const char *value,
		     const char **user, const char **database, lg_error_t *err)
{
	if (strcmp(name, "database") == 0) {
		*database = value;
	} else if (strcmp(name, "user") == 0) {
		*user = value;
	} else if (strcmp(name, "options") == 0) {
		out->options = value;
	} else if (strcmp(name, "replication") == 0) {
		out->replication = value;
	} else if (strncmp(name, "_pq_.", 5) == 0) {
		if (out->npq_options == LG_WIRE_STARTUP_MAX_PARAMS)
			return fatal(err, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				     "too many protocol options in startup packet");
		out->pq_options[out->npq_options++] = name;
	} else {
		if (out->nparams == LG_WIRE_STARTUP_MAX_PARAMS)
			return fatal(err, LG_SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				     "too many parameters in startup packet");
		out->params[out->nparams].name = name;
		out->params[out->nparams].value = value;
		out->nparams++;
		if (strcmp(name, "application_name") == 0)
			out->application_name = value;
	}
	return 0;
}

/* The name/value list after the protocol version: pairs of strings ended by
 * an empty name, which must be the last byte of the packet. */
static int decode_pairs(lg_cursor_t *c, lg_fe_startup_t *out, lg_error_t *err)
{
	const char *user = NULL, *database = NULL;
	for (;;) {
		const char *name, *value;
		size_t nlen;
		if (!lg_cur_cstring(c, &name, &nlen))
			goto layout;
		if (nlen == 0)
			break;
		if (!lg_cur_cstring(c, &value, NULL))
			goto layout;
		if (take_pair(out, name, value, &user, &database, err) < 0)
			return -1;
	}
	if (c->left != 0)
		goto layout;
	out->needs_negotiate = LG_WIRE_PROTOCOL_MINOR(out->protocol) > 0 || out->npq_options > 0;
	if (!user || !user[0])
		return fatal(err, LG_SQLSTATE_INVALID_AUTHORIZATION_SPECIFICATION,
			     "no PostgreSQL user name specified in startup packet");
	copy_name(out->user, user);
	copy_name(out->database, database && database[0] ? database : user);
	return 0;
layout:
	return fatal(err, LG_SQLSTATE_PROTOCOL_VIOLATION,
		     "invalid startup packet layout: expected terminator as last byte");
}

int lg_wire_decode_startup(const uint8_t *body, size_t len, lg_fe_startup_t *out,
			   lg_error_t *err)
{
	lg_cursor_t c;
	uint32_t proto;
	memset(out, 0, sizeof(*out));
	lg_cur_init(&c, body, len);
	if (len > LG_WIRE_STARTUP_MAX || !lg_cur_u32(&c, &proto))
		return fatal(err, LG_SQLSTATE_PROTOCOL_VIOLATION, MSG_STARTUP_LEN);
	out->protocol = proto;
	switch (proto) {
	case LG_WIRE_CANCEL_REQUEST_CODE:
		out->kind = LG_STARTUP_CANCEL;
		if (c.left != 8 || !lg_cur_i32(&c, &out->cancel_pid) ||
		    !lg_cur_i32(&c, &out->cancel_key))
			return fatal(err, LG_SQLSTATE_PROTOCOL_VIOLATION, MSG_STARTUP_LEN);
		return 0;
	case LG_WIRE_SSL_REQUEST_CODE:
		/* PG ignores any bytes after the code here. */
		out->kind = LG_STARTUP_SSL;
		return 0;
	case LG_WIRE_GSSENC_REQUEST_CODE:
		out->kind = LG_STARTUP_GSSENC;
		return 0;
	default:
		break;
	}
	out->kind = LG_STARTUP_NORMAL;
	if (LG_WIRE_PROTOCOL_MAJOR(proto) != 3)
		return fatal(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			     "unsupported frontend protocol %u.%u: server supports 3.0 to 3.0",
			     (unsigned)LG_WIRE_PROTOCOL_MAJOR(proto),
			     (unsigned)LG_WIRE_PROTOCOL_MINOR(proto));
	return decode_pairs(&c, out, err);
}

/* ---- options ---- */

static bool is_space(char ch)
{
	/* isspace() in the C locale, without depending on the locale. */
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\v' || ch == '\f' || ch == '\r';
}

/* pg_split_opts: the next whitespace-separated word of *pp, with backslash
 * escaping the following character, into sb. False at the end. */
static bool next_word(const char **pp, lg_sb_t *sb)
{
	const char *p = *pp;
	bool escaped = false;
	lg_sb_reset(sb);
	lg_sb_append(sb, ""); /* makes sb->data non-NULL even for "" */
	while (is_space(*p))
		p++;
	if (!*p) {
		*pp = p;
		return false;
	}
	for (; *p; p++) {
		if (is_space(*p) && !escaped)
			break;
		if (!escaped && *p == '\\') {
			escaped = true;
		} else {
			escaped = false;
			lg_sb_putc(sb, *p);
		}
	}
	*pp = p;
	return true;
}

static int oom(lg_error_t *err)
{
	return fatal(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

static int bad_argument(const char *arg, lg_error_t *err)
{
	bool fresh = err && !err->set;
	fatal(err, LG_SQLSTATE_SYNTAX_ERROR, "invalid command-line argument for server process: %s",
	      arg);
	if (fresh)
		lg_error_field(err, LG_ERRF_HINT, "Try \"postgres --help\" for more information.");
	return -1;
}

/* ParseLongOption: "name=value", '-' in the name becomes '_'. */
static int long_option(const char *optarg, bool dashdash, lg_sb_t *tmp, lg_wire_option_cb cb,
		       void *ctx, lg_error_t *err)
{
	const char *eq = strchr(optarg, '=');
	if (!eq) {
		if (dashdash)
			return fatal(err, LG_SQLSTATE_SYNTAX_ERROR, "--%s requires a value", optarg);
		return fatal(err, LG_SQLSTATE_SYNTAX_ERROR, "-c %s requires a value", optarg);
	}
	size_t nlen = (size_t)(eq - optarg);
	lg_sb_reset(tmp);
	lg_sb_appendn(tmp, optarg, nlen);
	lg_sb_putc(tmp, '\0');
	lg_sb_append(tmp, eq + 1);
	if (tmp->failed)
		return oom(err);
	for (size_t i = 0; i < nlen; i++)
		if (tmp->data[i] == '-')
			tmp->data[i] = '_';
	return cb(ctx, tmp->data, tmp->data + nlen + 1, err);
}

/* Switches PG's backend getopt knows besides -c and --; we set none of them. */
static const char pg_switches[] = "BbCDdEeFfhijklNnOPprSsTtvW";

static int one_switch(const char **pp, lg_sb_t *word, lg_sb_t *tmp, lg_wire_option_cb cb,
		      void *ctx, lg_error_t *err)
{
	const char *arg = word->data;
	if (arg[0] != '-' || arg[1] == '\0')
		return bad_argument(arg, err);
	if (arg[1] == '-') {
		if (arg[2] == '\0') {
			/* "--" ends the switches; PG rejects any word after it. */
			if (next_word(pp, word))
				return word->failed ? oom(err) : bad_argument(word->data, err);
			return 0;
		}
		return long_option(arg + 2, true, tmp, cb, ctx, err);
	}
	if (arg[1] == 'c') {
		if (arg[2] != '\0')
			return long_option(arg + 2, false, tmp, cb, ctx, err);
		if (!next_word(pp, word))
			return bad_argument("-c", err); /* getopt: missing argument */
		if (word->failed)
			return oom(err);
		return long_option(word->data, false, tmp, cb, ctx, err);
	}
	if (strchr(pg_switches, arg[1]))
		return fatal(err, LG_SQLSTATE_FEATURE_NOT_SUPPORTED,
			     "command-line option \"%s\" in the startup options is not supported",
			     arg);
	return bad_argument(arg, err);
}

int lg_wire_parse_options(const char *options, lg_wire_option_cb cb, void *ctx,
			  lg_error_t *err)
{
	lg_sb_t word = LG_SB_INIT, tmp = LG_SB_INIT;
	const char *p = options ? options : "";
	int rc = 0;
	while (rc == 0 && next_word(&p, &word)) {
		if (word.failed) {
			rc = oom(err);
			break;
		}
		rc = one_switch(&p, &word, &tmp, cb, ctx, err);
	}
	if (rc == 0 && word.failed)
		rc = oom(err);
	lg_sb_free(&word);
	lg_sb_free(&tmp);
	return rc;
}
