/* report.h - the office's annual report as a document: sections of figures, tables, charts, text. */
#ifndef KZ_REPORT_H
#define KZ_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "db.h"
#include "err.h"

/*
 * `kizuna report` builds the report once, as this model, in the
 * reader's language; kz_report_text and kz_report_html write it. Core
 * makes the words; the renderers only lay them out.
 *
 * The sections are a table in report.c, a function each, in the order
 * the report gives them; a section that finds nothing for the year adds
 * no blocks and is left out. The activity records (fairs, cooking
 * events, JET by kind, support, research, friendship links,
 * representative offices) each have a section there, from their
 * records and the tally (tally.h).
 */

/* A programme's line of figures: the year's count and since the start. */
struct kz_rfigure {
	char *label;
	long year;
	long total;
	int since;		/* first year, 0: not known */
	bool records;		/* no opening figure: only the records
				 * kept are counted, since the year of
				 * the first (since) */
};

/* A bar of a chart: a label (a year) and its value. */
struct kz_rbar {
	char *label;
	long value;
};

enum kz_rblock_kind {
	KZ_RB_PARA,		/* text */
	KZ_RB_FIGURES,		/* figs: year, since the start */
	KZ_RB_TABLE,		/* head[ncols], cells[nrows * ncols] */
	KZ_RB_BARS,		/* bars, with text as the chart's title */
};

struct kz_rblock {
	enum kz_rblock_kind kind;
	char *text;		/* PARA: the paragraph; TABLE, BARS: a caption
				 * (or NULL) */
	struct kz_rfigure *figs;
	size_t nfigs;
	char **head;
	size_t ncols;
	char **cells;		/* row-major; NULL cells are empty */
	size_t nrows;
	struct kz_rbar *bars;
	size_t nbars;
};

struct kz_rsection {
	const char *key;	/* "figures", "dispatches": an HTML id */
	char *heading;
	struct kz_rblock *b;
	size_t nb;
};

struct kz_report {
	char *title;		/* "北京事务所 2019年度 年度报告" */
	char *subtitle;		/* the dates it covers */
	char lang[16];		/* BCP 47 of the office's language: "zh-CN" */
	int year;		/* 0 for a range */
	char from[11], to[11];	/* inclusive; "" for an open end */
	bool empty;		/* no record falls in the range */
	struct kz_rsection *s;
	size_t ns;
};

/* The report of [from, to] (a year's range, kz_year_range; year names
 * it, 0 for another range). KZ_ERROR with err on a database problem or
 * out of memory; a year with nothing still makes a report that says
 * so (empty set). */
int kz_report_build(struct kz_db *db, int year, const char *from,
    const char *to, struct kz_report *out, struct kz_err *err);
void kz_report_free(struct kz_report *r);

/* Aligned text, width columns wide (display width, CJK counted double):
 * for the terminal and for printing. out->oom says it ran short. */
void kz_report_text(const struct kz_report *r, int width, struct kz_buf *out);
/* One self-contained HTML file: inline CSS with print styles, a page
 * break before each section, charts as inline SVG, every text escaped,
 * no external resource. */
void kz_report_html(const struct kz_report *r, struct kz_buf *out);

#endif
