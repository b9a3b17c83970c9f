/* rowset.h - rowids gathered in C and asked of row by row in SQL: kz_hit(?, rowid). */
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

/* The rowids statement st gives (its first column, ascending, as FTS5
 * gives a match's), stepped as far as max + 1 of them, then reset:
 * into *out (malloc'd; NULL: none, out of order or out of memory), how
 * many in *n. SQLITE_DONE, or the error of a step. */
int kz_rowset_gather(sqlite3_stmt *st, size_t max, struct kz_rowset **out,
    long long *n);

/* Make kz_hit known to a connection; an SQLite result code. */
int kz_rowset_register(sqlite3 *sql);

#endif
