/* lg_upsert_row(0, rowid, condition): DO UPDATE's condition for one
 * conflicting row. The rows let through are remembered for the run of the
 * statement (auxiliary data of the constant first argument, dropped when
 * the statement is reset); meeting one again is PostgreSQL's 21000. */
#include "catalog/functions_int.h"
#include "catalog/udf.h"
#include "common/mem.h"

#include <sqlite3.h>
#include <string.h>

typedef struct rowset {
	int64_t *slots; /* open addressing; 0 marks a free slot, rowid 0 is kept aside */
	size_t cap, n;
	bool has_zero;
} rowset_t;

static void rowset_free(void *p)
{
	rowset_t *s = p;
	if (s) {
		lg_free(s->slots);
		lg_free(s);
	}
}

static size_t slot_of(const rowset_t *s, int64_t v)
{
	uint64_t h = (uint64_t)v * 0x9E3779B97F4A7C15ull;
	size_t i = (size_t)(h >> 20) & (s->cap - 1);
	while (s->slots[i] && s->slots[i] != v)
		i = (i + 1) & (s->cap - 1);
	return i;
}

static bool contains(const rowset_t *s, int64_t v)
{
	return v == 0 ? s->has_zero : s->cap && s->slots[slot_of(s, v)] == v;
}

static bool add(rowset_t *s, int64_t v)
{
	if (v == 0) {
		s->has_zero = true;
		return true;
	}
	if ((s->n + 1) * 2 > s->cap) {
		rowset_t bigger = {lg_calloc(s->cap ? s->cap * 2 : 64, sizeof(int64_t)),
				   s->cap ? s->cap * 2 : 64, 0, s->has_zero};
		if (!bigger.slots)
			return false;
		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i]) {
				bigger.slots[slot_of(&bigger, s->slots[i])] = s->slots[i];
				bigger.n++;
			}
		lg_free(s->slots);
		*s = bigger;
	}
	s->slots[slot_of(s, v)] = v;
	s->n++;
	return true;
}

static void fn_upsert_row(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	rowset_t *s = sqlite3_get_auxdata(ctx, 0);
	if (!s) {
		s = lg_calloc(1, sizeof(*s));
		if (!s) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		sqlite3_set_auxdata(ctx, 0, s, rowset_free);
		s = sqlite3_get_auxdata(ctx, 0);
		if (!s) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	int64_t rowid = sqlite3_value_int64(argv[1]);
	if (contains(s, rowid)) {
		lg_udf_error_full(ctx, LG_SQLSTATE_CARDINALITY_VIOLATION, NULL,
				  "Ensure that no rows proposed for insertion within the same "
				  "command have duplicate constrained values.",
				  "ON CONFLICT DO UPDATE command cannot affect row a second time");
		return;
	}
	bool go = sqlite3_value_type(argv[2]) != SQLITE_NULL && sqlite3_value_int(argv[2]) != 0;
	if (go && !add(s, rowid)) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_int(ctx, go);
}

int lg_fn_register_upsert(sqlite3 *db, lg_error_t *err)
{
	return lg_fn_register(db, "lg_upsert_row", 3, false, NULL, fn_upsert_row, err);
}
