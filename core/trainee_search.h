/* trainee_search.h - the full-text index of trainee placements: a search typed finds them as the register's does. */
#ifndef KZ_TRAINEE_SEARCH_H
#define KZ_TRAINEE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"

/*
 * trainee_fts holds a row for each placement, at its rowid: its names,
 * governments, post, host, fields, course, year and notes spelled as
 * the register's index spells them (search.h: folded, CJK as bigrams,
 * words matched as prefixes). The table's triggers mark the rowids a
 * write touches in local_trainee_dirty, whoever writes (a form, a
 * command, an undo, a sync import, the sqlite3 shell), a row that a
 * REPLACE takes out or whose rowid changes too (migration 22 -> 23); a
 * search brings the index up to date for them first, so an index is
 * never stale.
 */

/* Index the placements marked since the last time, in one transaction
 * (nothing to do: one lookup). */
int kz_trainee_search_ready(struct kz_db *db, struct kz_err *err);
/* Index every placement again. */
int kz_trainee_search_rebuild(struct kz_db *db, struct kz_err *err);
/* The placements matching what a person typed, as rowids in the
 * trainee list's own order: as kz_search_hits (search.h). */
int kz_trainee_search_hits(struct kz_db *db, const char *typed, size_t max,
    long long **rows, size_t *n, struct kz_err *err);
/* Index what is marked and read the list's order for
 * kz_trainee_search_hits now if it is not read (the Trainees tab does
 * it while no key waits, so the first key typed in a search does
 * not). */
int kz_trainee_search_warm(struct kz_db *db, struct kz_err *err);
/* Has kz_trainee_search_hits found more than max matches for the
 * index's expression expr, the database unchanged since? */
bool kz_trainee_search_many(struct kz_db *db, const char *expr, size_t max);

#endif
