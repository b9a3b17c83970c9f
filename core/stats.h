/* stats.h - the office's figures: a measure of its records counted by a grouping, over a year or a range. */
#ifndef KZ_STATS_H
#define KZ_STATS_H

/*
 * A measure is one entry of a table (core/stats.c): what is counted or
 * summed over which records, the day a year counts them by, and the
 * groupings it can be broken down by. Everything in an entry is SQL
 * written here, never made from input; the year typed is bound (the
 * words :from, :to, :year, :yfrom, :yto and :month of core/rlist.h).
 * A new measure (support cases per kind, JET participants per kind) is
 * an entry and a line in kz_stat_measures[].
 *
 * kz_stat_run computes; it never prints. A row keeps its key as stored
 * (a year, a field's code, a country's code) for CSV and JSON, and its
 * label as the reader reads it (FY2019, 农业, 中国) for tables and bars.
 */

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "err.h"
#include "rtype.h"

/* How a grouping's key reads. */
enum kz_stat_show {
	KZ_SK_TEXT,		/* as stored, or the grouping's name SQL */
	KZ_SK_YEAR,		/* a year: kz_year_name (FY2019) */
	KZ_SK_FIELD,		/* a field of expertise: its name */
	KZ_SK_COUNTRY,		/* a country code: its name */
	KZ_SK_PROVINCE,		/* a province as typed: its name where known */
	KZ_SK_ENUM,		/* a keyword of .e: its label */
};

struct kz_stat_by {
	const char *name;	/* "year": what --by takes */
	const char *label;	/* N_(): the grouping as a heading, "year" */
	/* SQL over the measure's FROM (and .join): the group's key. The
	 * word :month is the office's first month (a date's year). */
	const char *key;
	const char *join;	/* more FROM the key needs, or NULL */
	/* SQL of the group's label where the key is not what people read
	 * (an edition's id: "cj-seminar/18"), or NULL */
	const char *name_sql;
	/* SQL of the group's country, for KZ_SK_PROVINCE, or NULL */
	const char *country;
	/* SQL of the group's parts ("日方 61, 中方 117"), or NULL */
	const char *parts;
	/* SQL of the order, over key, n (the value) and the FROM's
	 * aggregates; NULL: the largest first, then by key */
	const char *order;
	enum kz_stat_show show;
	const struct kz_enum *e;	/* KZ_SK_ENUM */
};

struct kz_stat_measure {
	const char *name;	/* "dispatches": the command's word */
	const char *label;	/* N_(): "Dispatches", a chart's title */
	const char *help;	/* N_(): one line for --help and the man page */
	const char *from;	/* "dispatch d JOIN request r ON ..." */
	const char *where;	/* what counts at all, or NULL: SQL constant */
	/* The year condition, in the words of core/rlist.h: "d.start
	 * BETWEEN :from AND :to". */
	const char *year;
	/* The aggregate of a group and of the whole: "count(DISTINCT d.id)"
	 * (a dispatch in two fields counts in each, and once in all),
	 * "sum(e.attendance)". */
	const char *value;
	const struct kz_stat_by *by;	/* the first is the default */
	size_t nby;
};

/* The measures, NULL-ended, in the order the Reports tab shows them. */
extern const struct kz_stat_measure *const kz_stat_measures[];

/* A measure by name, a grouping of it by name (NULL: its first); NULL
 * if none. */
const struct kz_stat_measure *kz_stat_measure(const char *name);
const struct kz_stat_by *kz_stat_by(const struct kz_stat_measure *m,
    const char *name);
/* "year, field, country" for a message; the groupings of m. */
void kz_stat_by_list(const struct kz_stat_measure *m, char *out,
    size_t size);

struct kz_stat_row {
	char *key;		/* as stored: "2019", "agriculture", "CN" */
	char *label;		/* as the reader reads it: "FY2019", "农业" */
	char *parts;		/* the parts, or NULL */
	long value;
};

struct kz_stat {
	const struct kz_stat_measure *m;
	const struct kz_stat_by *by;
	char from[11], to[11];	/* the days counted; "" for an open end */
	int year;		/* the year asked for, 0 for a range or all */
	struct kz_stat_row *rows;
	size_t n;		/* rows: distinct keys (57 countries) */
	long total;		/* over every record once */
	long max;		/* the largest value: what bars are scaled to */
};

/* Measure m grouped by by (NULL: its first), over the year or range
 * typed (kz_year_parse; NULL: every year). A bad year is reported under
 * "--year"; out is then empty. */
int kz_stat_run(struct kz_db *db, const struct kz_stat_measure *m,
    const struct kz_stat_by *by, const char *year, struct kz_stat *out,
    struct kz_err *err);
void kz_stat_free(struct kz_stat *s);

#endif
