/* Ordered aggregates, which SQLite 3.40 lacks: lg_string_agg_ord(distinct,
 * value, sep, flags1, key1, ...) collects the rows, sorts them by the keys
 * (flags: 1 DESC, 2 NULLS FIRST, 4 numeric stored as text) and joins the
 * values as string_agg(value, sep ORDER BY keys) does: each value after
 * the first is preceded by its own row's separator. */
#include "catalog/codec.h"
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/error.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <sqlite3.h>
#include <string.h>

enum { KEY_DESC = 1, KEY_NULLS_FIRST = 2, KEY_NUMERIC = 4 };

typedef struct row {
	char *value, *sep;
	size_t vlen, slen;
	size_t seq;
	sqlite3_value **keys;
} row_t;

typedef struct acc {
	row_t *rows;
	size_t n, cap;
	int nkeys;
	int flags[16];
	bool distinct;
	bool failed;
} acc_t;

static int type_rank(int t)
{
	return t == SQLITE_NULL                           ? 0
	       : t == SQLITE_INTEGER || t == SQLITE_FLOAT ? 1
	       : t == SQLITE_TEXT                         ? 2
							  : 3;
}

static int cmp_value(sqlite3_value *a, sqlite3_value *b, int flags)
{
	int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
	if (ta == SQLITE_NULL || tb == SQLITE_NULL) {
		if (ta == tb)
			return 0;
		/* the translator resolved NULLS FIRST/LAST (DESC defaults to
		 * first); DESC does not flip it again */
		int c = ta == SQLITE_NULL ? 1 : -1;
		return flags & KEY_NULLS_FIRST ? -c : c;
	}
	int c;
	if (flags & KEY_NUMERIC) {
		c = lg_codec_numeric_cmp(
			(const char *)sqlite3_value_text(a), (size_t)sqlite3_value_bytes(a),
			(const char *)sqlite3_value_text(b), (size_t)sqlite3_value_bytes(b));
	} else if (type_rank(ta) != type_rank(tb)) {
		c = type_rank(ta) - type_rank(tb);
	} else if (type_rank(ta) == 1) {
		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
			int64_t x = sqlite3_value_int64(a), y = sqlite3_value_int64(b);
			c = x < y ? -1 : x > y;
		} else {
			double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
			c = x < y ? -1 : x > y;
		}
	} else {
		const void *pa = sqlite3_value_blob(a), *pb = sqlite3_value_blob(b);
		int la = sqlite3_value_bytes(a), lb = sqlite3_value_bytes(b);
		c = memcmp(pa ? pa : "", pb ? pb : "", (size_t)(la < lb ? la : lb));
		if (c == 0)
			c = la < lb ? -1 : la > lb;
	}
	return flags & KEY_DESC ? -c : c;
}

static int cmp_rows(const acc_t *acc, const row_t *a, const row_t *b)
{
	for (int k = 0; k < acc->nkeys; k++) {
		int c = cmp_value(a->keys[k], b->keys[k], acc->flags[k]);
		if (c)
			return c;
	}
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Merge sort (qsort has no context argument, and sessions run on several
 * threads). */
static void sort_rows(const acc_t *acc, row_t *rows, row_t *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	sort_rows(acc, rows, tmp, h);
	sort_rows(acc, rows + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = cmp_rows(acc, &rows[j], &rows[i]) < 0 ? rows[j++] : rows[i++];
	while (i < h)
		tmp[k++] = rows[i++];
	while (j < n)
		tmp[k++] = rows[j++];
	memcpy(rows, tmp, n * sizeof(*rows));
}

/* A copy of the value's text (a NULL separator is empty). */
static char *dup_text(sqlite3_value *v, size_t *len)
{
	const char *s = (const char *)sqlite3_value_text(v);
	*len = s ? (size_t)sqlite3_value_bytes(v) : 0;
	char *d = lg_malloc(*len + 1);
	if (d) {
		memcpy(d, s ? s : "", *len);
		d[*len] = '\0';
	}
	return d;
}

static bool add_row(acc_t *a, int argc, sqlite3_value **argv)
{
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		row_t *rows = lg_realloc(a->rows, cap * sizeof(*rows));
		if (!rows)
			return false;
		a->rows = rows;
		a->cap = cap;
	}
	row_t *r = &a->rows[a->n];
	memset(r, 0, sizeof(*r));
	r->seq = a->n;
	r->value = dup_text(argv[1], &r->vlen);
	r->sep = dup_text(argv[2], &r->slen);
	r->keys = lg_calloc((size_t)a->nkeys + 1, sizeof(*r->keys));
	a->n++;
	if (!r->value || !r->sep || !r->keys)
		return false;
	for (int k = 0; k < a->nkeys; k++) {
		a->flags[k] = sqlite3_value_int(argv[3 + 2 * k]);
		r->keys[k] = sqlite3_value_dup(argv[4 + 2 * k]);
		if (!r->keys[k])
			return false;
	}
	(void)argc;
	return true;
}

static void step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	acc_t **pa = sqlite3_aggregate_context(ctx, sizeof(acc_t *));
	if (!pa) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	int nkeys = (argc - 3) / 2;
	if (argc < 3 || (argc - 3) % 2 || nkeys > 16) {
		lg_udf_error(ctx, LG_SQLSTATE_INTERNAL_ERROR, "lg_string_agg_ord: bad arguments");
		return;
	}
	if (!*pa) {
		*pa = lg_calloc(1, sizeof(acc_t));
		if (!*pa) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		(*pa)->nkeys = nkeys;
		(*pa)->distinct = sqlite3_value_int(argv[0]) != 0;
	}
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL || (*pa)->failed)
		return;
	if (!add_row(*pa, argc, argv))
		(*pa)->failed = true;
}

static void free_acc(acc_t *a)
{
	for (size_t i = 0; i < a->n; i++) {
		row_t *r = &a->rows[i];
		lg_free(r->value);
		lg_free(r->sep);
		for (int k = 0; r->keys && k < a->nkeys; k++)
			sqlite3_value_free(r->keys[k]);
		lg_free(r->keys);
	}
	lg_free(a->rows);
	lg_free(a);
}

static bool same_row(const row_t *a, const row_t *b)
{
	return a->vlen == b->vlen && a->slen == b->slen &&
	       memcmp(a->value, b->value, a->vlen) == 0 && memcmp(a->sep, b->sep, a->slen) == 0;
}

static void final(sqlite3_context *ctx)
{
	acc_t **pa = sqlite3_aggregate_context(ctx, 0);
	acc_t *a = pa ? *pa : NULL;
	if (!a || a->failed || a->n == 0) {
		if (a && a->failed)
			sqlite3_result_error_nomem(ctx);
		else
			sqlite3_result_null(ctx);
		if (a)
			free_acc(a);
		return;
	}
	row_t *tmp = lg_malloc(a->n * sizeof(row_t));
	if (!tmp) {
		sqlite3_result_error_nomem(ctx);
		free_acc(a);
		return;
	}
	sort_rows(a, a->rows, tmp, a->n);
	lg_free(tmp);
	lg_sb_t sb = LG_SB_INIT;
	for (size_t i = 0; i < a->n; i++) {
		const row_t *r = &a->rows[i];
		if (a->distinct && i > 0 && same_row(r, &a->rows[i - 1]))
			continue;
		if (i > 0)
			lg_sb_appendn(&sb, r->sep, r->slen);
		lg_sb_appendn(&sb, r->value, r->vlen);
	}
	lg_fn_result_sb(ctx, &sb);
	free_acc(a);
}

int lg_fn_register_agg(sqlite3 *db, lg_error_t *err)
{
	if (sqlite3_create_function_v2(db, "lg_string_agg_ord", -1, SQLITE_UTF8, NULL, NULL, step,
				       final, NULL) != SQLITE_OK)
		return lg_error_set(err, LG_SQLSTATE_INTERNAL_ERROR,
				    "could not register function lg_string_agg_ord: %s",
				    sqlite3_errmsg(db));
	return 0;
}
