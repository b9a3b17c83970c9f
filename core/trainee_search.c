/* trainee_search.c - the full-text index of trainee placements (trainee_search.h), one of the lists' indexes (tindex.h). */
#include "trainee_search.h"

#include "tindex.h"

int
kz_trainee_search_ready(struct kz_db *db, struct kz_err *err)
{
	return kz_tindex_ready(db, &kz_tindex_trainees, err);
}

int
kz_trainee_search_rebuild(struct kz_db *db, struct kz_err *err)
{
	return kz_tindex_rebuild(db, &kz_tindex_trainees, err);
}

int
kz_trainee_search_hits(struct kz_db *db, const char *typed, size_t max,
    long long **rows, size_t *n, struct kz_err *err)
{
	return kz_tindex_hits(db, &kz_tindex_trainees, typed, max, rows, n,
	    err);
}

int
kz_trainee_search_warm(struct kz_db *db, struct kz_err *err)
{
	return kz_tindex_warm(db, &kz_tindex_trainees, err);
}

bool
kz_trainee_search_many(struct kz_db *db, const char *expr, size_t max)
{
	return kz_tindex_many(db, &kz_tindex_trainees, expr, max);
}
