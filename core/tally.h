/* tally.h - each programme's count in a year or range, and since the start. */
#ifndef KZ_TALLY_H
#define KZ_TALLY_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "err.h"

/*
 * A programme is known by a key: "dispatch" (specialists this office
 * sent), "trainee" (LGOTP placements), "edition:CODE" (editions held of
 * the seminar series CODE), "attendance:CODE" (their participants, as
 * their attendance says), "jet:alt", "jet:cir", "jet:sea", and the
 * activities "support", "research", "promotion", "friendship",
 * "rep_office", "delegation".
 *
 * The programmes are one table in tally.c, a line each:
 *
 *   { "dispatch", N_("specialists sent"), SQL },
 *
 * where SQL is a constant that counts the programme's records falling
 * in [:from, :to] (inclusive dates, YYYY-MM-DD), with these named
 * parameters bound when it uses them: :office (this office's id),
 * :month (the month the reporting year starts, for records kept by
 * year: a year's records fall on its first day) and :code (what follows
 * "edition:" in a key, for a line whose key ends in ':'). A line whose
 * SQL is NULL has no records yet: only its opening figures count. A new
 * record type that counts is that line's SQL.
 *
 * The count since the start is the programme's opening figure
 * (core/opening.h) with the latest as_of not after the range's end, plus
 * its records from the day after that as_of to the range's end; without
 * a figure, all its records up to the end. A record is never counted
 * twice, and a figure dated after the range is not used.
 *
 * Without a figure the count since the start is only the records', and
 * first says from when: the day of the first of them.
 *
 * Head office counts every office's records and figures: each office's
 * latest figure, with its own records after it where they keep their
 * office (a dispatch's request), the others after the latest figure.
 *
 * Two lines count since the start in other terms than their year
 * (tally.c says why): "jet:KIND" gives the year's participants, and
 * since the start those who ever joined (the figure plus those who
 * joined after it; without a figure, the first year's participants
 * plus those who joined after that year); "rep_office" gives the
 * offices opened in the year, and since the start those open at the
 * range's end (the figure, plus those opened and less those closed
 * after it).
 */

struct kz_tally {
	char key[48];		/* "edition:cj-seminar" */
	long year;		/* records in the range */
	long total;		/* since the start, up to the range's end */
	bool opening;		/* an opening figure was used: */
	long opening_count;	/*   its count, */
	char as_of[11];		/*   the day it counts to, */
	int since;		/* the programme's first year, as its
				 * figures say (any of them); 0: not known */
	char first[11];		/* no figure used: the day of the first
				 * record counted since the start ("" when
				 * none, or one has no day) */
};

/* True if key names a programme ("edition:" needs a series code of
 * lower-case letters, digits and dashes). */
bool kz_tally_key_ok(const char *key);
/* The programme's label in the reader's language ("LGOTP officials");
 * for "edition:CODE" the label with the code filled in, into out. */
const char *kz_tally_label(const char *key, char *out, size_t size);
/* The same with shown in place of the code ("editions of 中日地方交流
 * 促进研讨会"); as kz_tally_label for a key without one. */
const char *kz_tally_label_as(const char *key, const char *shown, char *out,
    size_t size);
/* The i-th programme of the table: its key ("edition:" for a series'
 * editions, followed by the series code when typed) and, in *label,
 * what a pick list says of it (N_(): translate where shown). NULL past
 * the last. */
const char *kz_tally_key_at(size_t i, const char **label);
/* The label as a reader reads it: a series by its name in the reader's
 * language (core/tr.h: the language, its base, else the original),
 * "editions of 日中地方交流促進セミナー"; by its code when this office
 * has no such series. Problems go in err. */
int kz_tally_name(struct kz_db *db, const char *key, char *out, size_t size,
    struct kz_err *err);
/* The same for what is only shown (a record's line, a question): its
 * label where the series cannot be read; returns out. */
const char *kz_tally_shown(struct kz_db *db, const char *key, char *out,
    size_t size);
/* The keys, for messages and completion: "dispatch, trainee, ...". */
void kz_tally_keys(char *out, size_t size);

/* Whose records the figures count: the office's id, or NULL at head
 * office, which gathers every office's records and figures (bound at
 * :office, a NULL meaning every office). */
const char *kz_tally_office(const struct kz_config *cfg);

/* One programme over [from, to] (either "" for an open end). Problems
 * (an unknown key) go in err under "programme". */
int kz_tally_count(struct kz_db *db, const char *key, const char *from,
    const char *to, struct kz_tally *out, struct kz_err *err);

/* Every programme the office has: those with records or opening figures
 * up to to; editions and attendance for each series of this office
 * (keys "edition:CODE", "attendance:CODE"); in the table's order. The
 * caller frees *out. */
int kz_tally_all(struct kz_db *db, const char *from, const char *to,
    struct kz_tally **out, size_t *n, struct kz_err *err);

#endif
