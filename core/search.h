/* search.h - full-text search that finds CJK terms of any length. */
#ifndef KZ_SEARCH_H
#define KZ_SEARCH_H

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
/* Rebuild the whole index. */
int kz_search_rebuild(struct kz_db *db, struct kz_err *err);
/* Before a search: an index emptied by a migration (one that changed how
 * it spells) is built again, in one transaction. */
int kz_search_ready(struct kz_db *db, struct kz_err *err);

#endif
