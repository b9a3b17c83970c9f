/* rowset.c - kz_hit(set, rowid), a set of rowids bound as a pointer (rowset.h). */
#include "rowset.h"

/* kz_hit(P, rowid): is rowid in the set bound at P? */
static void
hit_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct kz_rowset *s = sqlite3_value_pointer(argv[0],
	    "kz_rowset");
	long long r = sqlite3_value_int64(argv[1]);
	size_t lo = 0, hi = s ? s->n : 0;

	(void)argc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->row[mid] < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	sqlite3_result_int(ctx, s != NULL && lo < s->n && s->row[lo] == r);
}

int
kz_rowset_register(sqlite3 *sql)
{
	return sqlite3_create_function(sql, "kz_hit", 2, SQLITE_UTF8 |
	    SQLITE_INNOCUOUS, NULL, hit_fn, NULL, NULL);
}
