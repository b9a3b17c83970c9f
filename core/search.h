/* search.h - full-text search that finds CJK terms of any length. */
#ifndef KZ_SEARCH_H
#define KZ_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"

/*
 * FTS5's unicode61 tokenizer makes one token of a whole run of Chinese or
 * Japanese, and trigram's MATCH never finds a term shorter than three
 * characters, such as the two-character word 农业.
 * So the indexed text spells every CJK run as overlapping bigrams plus
 * its last character alone ("设施园艺" -> "设施 施园 园艺 艺"), and a
 * query spells its CJK terms the same way as a phrase. Other scripts
 * pass through to unicode61, which folds case and accents.
 */

/* The indexed spelling of text, appended to a growing buffer. Returns
 * 0, or -1 when out of memory. */
int kz_search_spell(const char *text, char **buf, size_t *len, size_t *cap);
/* An FTS5 MATCH expression for what a person typed: every term must
 * match; Latin terms match as prefixes. NULL if the text has no terms.
 * The caller frees it. */
char *kz_search_expr(const char *typed);
/* Rebuild the index row of one specialist (after a write or a merge). */
int kz_search_refresh(struct kz_db *db, const char *id, struct kz_err *err);
/* An import of many rows: from kz_search_defer(db, true) on, the
 * specialists added (their rowids above the highest there was) are not
 * indexed as they are written, but by kz_search_flush, all at once in
 * one pass at the end. FTS5 writes its pending index at every
 * savepoint, so a refresh a record would write the index row by row.
 * Off, or after a rollback: kz_search_defer(db, false). */
int kz_search_defer(struct kz_db *db, bool on, struct kz_err *err);
int kz_search_flush(struct kz_db *db, struct kz_err *err);
/* A pass that writes many rows into the full-text index table (an
 * import, a rebuild). On: FTS5 holds 8 MiB of terms in memory before it
 * writes a segment (not 1 MiB) and merges no segments as it goes (half
 * the processor time at 100k rows); off: its defaults back. The
 * settings are kept in the table, so off must follow on. */
int kz_fts_bulk(struct kz_db *db, const char *table, bool on);
/* The specialists whose text matches what a person typed, as rowids in
 * the register's own order (its sort key, then id: the specialist
 * list's order), all *n of them in *rows (the caller frees it). Matches
 * are gathered from the index and placed by the register's order, kept
 * from one search to the next while the database is unchanged, so a
 * term typed short costs its matches, never a sort nor a walk of the
 * register. More than max matches (read the list in its order
 * instead): *rows NULL and *n max + 1; more than max by a sample of
 * them, not counted (a term most rows match: max at least 16,384), or
 * nothing searchable: *rows NULL, *n 0. */
int kz_search_hits(struct kz_db *db, const char *typed, size_t max,
    long long **rows, size_t *n, struct kz_err *err);
/* Read the register's order for kz_search_hits now if it is not read
 * (a screen does it while no key waits, so the first key typed in a
 * search does not). */
int kz_search_warm(struct kz_db *db, struct kz_err *err);
/* Has kz_search_hits found more than max matches (at least) for the
 * index's expression expr, counted or by a sample, the database
 * unchanged since? (How to read a window's rows, never a count.) */
bool kz_search_many(struct kz_db *db, const char *expr, size_t max);
/* A full-text index and the list whose order its matches are placed
 * in (its rows the list's table's rowids): what a list's search filter
 * gives kz_search_hits_in. */
struct kz_search_index {
	const char *size;	/* SQL: count(*), max(rowid) of the table */
	const char *order;	/* SQL: its rowids in the list's order */
	const char *match;	/* SQL: the index's rowids MATCH ?1 */
	const char *rows;	/* SQL: the same walked (KZ_ROWSET_ROWS) */
	/* SQL: how many of them are between rowids ?2 and ?3 */
	const char *range;
	size_t at;		/* offsetof (struct kz_db, ...): its order */
};
/* The register's (kz_search_hits). */
extern const struct kz_search_index kz_search_specialists;
/* kz_search_hits, kz_search_many and kz_search_warm over index ix,
 * kept current by its caller. */
int kz_search_hits_in(struct kz_db *db, const struct kz_search_index *ix,
    const char *typed, size_t max, long long **rows, size_t *n,
    struct kz_err *err);
bool kz_search_many_in(struct kz_db *db, const struct kz_search_index *ix,
    const char *expr, size_t max);
int kz_search_warm_in(struct kz_db *db, const struct kz_search_index *ix,
    struct kz_err *err);
/* Rebuild the whole index. */
int kz_search_rebuild(struct kz_db *db, struct kz_err *err);
/* Before a search: an index emptied by a migration (one that changed how
 * it spells) is built again, in one transaction. */
int kz_search_ready(struct kz_db *db, struct kz_err *err);

#endif
