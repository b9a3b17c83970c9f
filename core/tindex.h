/* tindex.h - a full-text index over one list's rows, kept current from the rows its triggers mark: the trainee, request, dispatch, seminar and activity searches. */
#ifndef KZ_TINDEX_H
#define KZ_TINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "search.h"

/*
 * An FTS5 table holds a row for each of a list's rows, at its rowid: the
 * text a search looks in, spelled as the register's index spells it
 * (search.h: folded, CJK as bigrams, words matched as prefixes). Triggers
 * mark the rowids a write touches in a table of marks, whoever writes (a
 * form, a command, an undo, a sync import, the sqlite3 shell), a row that
 * a REPLACE takes out or whose rowid changes too, and the rows whose text
 * comes from another's (a dispatch shows its specialist's name); a search
 * brings the index up to date for them first, so it is never stale.
 * One write is not followed: a specialist put in place of another by
 * INSERT OR REPLACE from the sqlite3 shell leaves its dispatches' text
 * as it was (a trigger on every specialist inserted cost an import of
 * 100,000 people 8%; kizuna renames by UPDATE, and a sync settles a
 * conflict by an upsert, both marked). Both tables are derived and
 * never travel (sync_rules.c).
 */
struct kz_tindex {
	const char *fts;	/* the FTS5 table: body */
	/* SQL over it and its marks (KZ_TINDEX_SQL) */
	const char *any, *count, *each, *drop, *put, *clear, *optimize, *all;
	const char *text;	/* SQL: the row's text columns, rowid ?1 */
	int ntext;
	struct kz_search_index ix;	/* its list's order */
};

/* The statements of an index over FTS table F, marks table D, for the
 * rows of table T. */
#define KZ_TINDEX_SQL(F, D, T) \
	.fts = F, \
	.any = "SELECT EXISTS (SELECT 1 FROM " D ")", \
	.count = "SELECT count(*), NOT EXISTS (SELECT 1 FROM " F ") FROM " D, \
	.each = "SELECT n FROM " D " ORDER BY n", \
	.drop = "DELETE FROM " F " WHERE rowid = ?", \
	.put = "INSERT INTO " F " (rowid, body) VALUES (?, ?)", \
	.clear = "DELETE FROM " D, \
	.optimize = "INSERT INTO " F " (" F ") VALUES ('optimize')", \
	.all = "DELETE FROM " F "; INSERT OR IGNORE INTO " D " (n) SELECT " \
	    "rowid FROM " T

/* Index the rows marked since the last time, in one transaction
 * (nothing to do: one lookup). */
int kz_tindex_ready(struct kz_db *db, const struct kz_tindex *ti,
    struct kz_err *err);
/* Index every row again. */
int kz_tindex_rebuild(struct kz_db *db, const struct kz_tindex *ti,
    struct kz_err *err);
/* The rows matching what a person typed, as rowids in the list's own
 * order, the index made current first: as kz_search_hits (search.h). */
int kz_tindex_hits(struct kz_db *db, const struct kz_tindex *ti,
    const char *typed, size_t max, long long **rows, size_t *n,
    struct kz_err *err);
/* Index what is marked and read the list's order now if it is not read
 * (a tab does it while no key waits, so the first key typed in a search
 * does not). */
int kz_tindex_warm(struct kz_db *db, const struct kz_tindex *ti,
    struct kz_err *err);
/* As kz_search_many. */
bool kz_tindex_many(struct kz_db *db, const struct kz_tindex *ti,
    const char *expr, size_t max);

/* The lists' indexes. */
extern const struct kz_tindex kz_tindex_trainees, kz_tindex_requests,
    kz_tindex_dispatches, kz_tindex_seminars;
/* ...the activity lists' */
extern const struct kz_tindex kz_tindex_support, kz_tindex_research,
    kz_tindex_promotion, kz_tindex_jet, kz_tindex_friendship,
    kz_tindex_rep_office, kz_tindex_delegation;
/* All of them, NULL last. */
extern const struct kz_tindex *const kz_tindexes[];

#endif
