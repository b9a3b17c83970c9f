/* rwin.h - a window over a declared list: the rows near those shown, read a page at a time, and their count, capped. */
#ifndef KZ_RWIN_H
#define KZ_RWIN_H

/*
 * A screen's list is a window over its query (core/rlist.h), never the
 * whole list: rows are asked for by index and read a page at a time
 * around it (LIMIT and OFFSET over the list's ORDER BY, made in SQL), so
 * the first screen, a search typed and a tab opened cost a page however
 * long the list. The count is counted only as far as a cap ("1000+")
 * and further when the rows shown come near it. A search filter that
 * can say which rows it selects, in the list's order (a term typed,
 * core/search.h), gives the window those rows: a page is read by its
 * rowids and the count is exact at once.
 */

#include <stdbool.h>
#include <stddef.h>

#include "rlist.h"

#define KZ_RWIN_PAGE	64	/* rows read at a time */
#define KZ_RWIN_CAP	1000	/* rows counted at first */

/* A row: the record's id, and each column of the list as stored
 * (kz_rlist_text); what a person reads is made by the tab for the rows
 * it shows. */
struct kz_rwin_row {
	char *id;
	char **text;
	/* From a window opened with kz_rwin_open_shown: the columns the
	 * table shows (KZ_RC_TABLE) as people read them (kz_rlist_shown:
	 * an enumeration's label, a date in the office's format), NULL at
	 * the others; else NULL. */
	char **shown;
};

struct kz_rwin {
	struct kz_db *db;
	struct kz_rlist_query q;	/* its strings the window's own */
	long long base;			/* the index of rows[0] */
	size_t n;			/* rows held */
	struct kz_rwin_row *rows;
	long long count;		/* rows known to be there */
	bool exact;			/* ...and no more */
	long long cap;			/* counted this far */
	bool shown;			/* rows kept as people read them too */
	/* The rows a filter's hits chose (kz_rlist_filter.hits), in the
	 * list's order: pages are read by their rowids. NULL: by LIMIT
	 * and OFFSET over the query. */
	long long *hits;
	size_t nhits;
};

/* Open a window over q (copied, its values with it): its first page,
 * and as count the rows of that page (exact when it is short). A bad
 * filter value is reported as kz_rlist_open reports it; nothing is then
 * open. */
int kz_rwin_open(struct kz_db *db, const struct kz_rlist_query *q,
    struct kz_rwin *w, struct kz_err *err);
/* The same, each row's table columns also kept as people read them
 * (kz_rwin_row's shown), for a tab that shows a list's cells as they
 * are, whatever the list. */
int kz_rwin_open_shown(struct kz_db *db, const struct kz_rlist_query *q,
    struct kz_rwin *w, struct kz_err *err);
void kz_rwin_close(struct kz_rwin *w);
/* Row i, reading its page when it is not held; NULL past the end (the
 * count then made exact) or on an error (in err). */
const struct kz_rwin_row *kz_rwin_row(struct kz_rwin *w, long long i,
    struct kz_err *err);
/* Rows known to be there, and whether that is all. */
long long kz_rwin_count(const struct kz_rwin *w);
bool kz_rwin_exact(const struct kz_rwin *w);
/* Count on, KZ_RWIN_CAP rows at first, then eight times as far each
 * time (upto: at least past that index). */
int kz_rwin_more(struct kz_rwin *w, long long upto, struct kz_err *err);
/* Count them all (End goes to the last row). */
int kz_rwin_all(struct kz_rwin *w, struct kz_err *err);
/* The count is n, known otherwise (all the rows of a list that is not
 * filtered, counted by whoever opened it). */
void kz_rwin_known(struct kz_rwin *w, long long n);
/* Where record id is (its index), or -1 when the list has it not. */
long long kz_rwin_find(struct kz_rwin *w, const char *id,
    struct kz_err *err);

#endif
