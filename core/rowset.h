/* rowset.h - an FTS5 match's rowids gathered in C, asked row by row in SQL: kz_hit(?, rowid). */
#ifndef KZ_ROWSET_H
#define KZ_ROWSET_H

#include <stddef.h>

#include <sqlite3.h>

/*
 * Rowids in ascending order, bound to a statement as a pointer of type
 * "kz_rowset" (sqlite3_bind_pointer, the statement then owning them)
 * and asked row by row in its SQL as kz_hit(?, rowid): a list filter's
 * matches as its bind gathered them (rlist.h), where SQLite would
 * otherwise build a set of them before the first row.
 */
struct kz_rowset {
	size_t n;
	long long row[];
};

/*
 * The rowids an FTS5 table F gives for expression expr, ascending, each
 * handed to each(arg, rowid) until it returns nonzero. rows is
 * KZ_ROWSET_ROWS(F) prepared (NULL: match alone), match is
 * KZ_ROWSET_MATCH(F). An expression of one phrase (a word typed, a CJK
 * run) is walked by FTS5 itself (kz_rows, its xQueryPhrase), a third of
 * the cost of stepping match through the same rows: 25,000 matches of
 * 100,000 cost 20.6 M instructions stepped, 7.6 M walked. More phrases
 * step match, FTS5 reading each where the others match. SQLITE_DONE, or
 * the error of a step; both statements reset.
 */
#define KZ_ROWSET_MATCH(F) "SELECT rowid FROM " F " WHERE " F " MATCH ?1"
#define KZ_ROWSET_ROWS(F) "SELECT kz_rows(" F ", ?2) FROM " F " WHERE " F \
	" MATCH ?1 LIMIT 1"
int kz_rowset_each(sqlite3_stmt *rows, sqlite3_stmt *match, const char *expr,
    int (*each)(void *arg, long long rowid), void *arg);

/* The rowids of expr (kz_rowset_each), as far as max + 1 of them: into
 * *out (malloc'd; NULL: none, out of order or out of memory), how many
 * in *n. SQLITE_DONE, or the error of a step. */
int kz_rowset_gather(sqlite3_stmt *rows, sqlite3_stmt *match,
    const char *expr, size_t max, struct kz_rowset **out, long long *n);

/* Make kz_hit, and kz_rows where FTS5 is, known to a connection; an
 * SQLite result code. */
int kz_rowset_register(sqlite3 *sql);

#endif
