/* rowset.c - kz_hit(set, rowid), a set of rowids bound as a pointer (rowset.h). */
#include "rowset.h"

#include <stdbool.h>
#include <stdlib.h>

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
kz_rowset_gather(sqlite3_stmt *st, size_t max, struct kz_rowset **out,
    long long *n)
{
	struct kz_rowset *s = NULL, *t;
	size_t cap = 0, k = 0;
	bool keep = true;	/* ascending, and memory for them all */
	int rc = SQLITE_DONE;

	*out = NULL;
	*n = 0;
	while (k <= max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long r = sqlite3_column_int64(st, 0);

		if (keep && k == cap) {
			cap = cap ? cap * 2 : 1024;
			if ((t = realloc(s, sizeof *s + cap *
			    sizeof s->row[0])) == NULL)
				keep = false;
			else
				s = t;
		}
		if (keep && k > 0 && s->row[k - 1] >= r)
			keep = false;
		if (keep)
			s->row[k] = r;
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(s);
		return rc;
	}
	*n = (long long)k;
	if (keep && s != NULL) {
		s->n = k;
		*out = s;
	} else
		free(s);
	return SQLITE_DONE;
}

int
kz_rowset_register(sqlite3 *sql)
{
	return sqlite3_create_function(sql, "kz_hit", 2, SQLITE_UTF8 |
	    SQLITE_INNOCUOUS, NULL, hit_fn, NULL, NULL);
}
