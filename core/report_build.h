/* report_build.h - what the report's sections are built with, shared by
 * report.c and report_act.c (the sections of the activity records);
 * internal to the report, not an API. */
#ifndef KZ_REPORT_BUILD_H
#define KZ_REPORT_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"

/* the report's own types (report.h), by name only: report.c includes
 * this file, so this one cannot include it back */
struct kz_rblock;
struct kz_report;
struct kz_rsection;

struct kz_rctx {
	struct kz_db *db;
	const struct kz_config *cfg;
	struct kz_report *r;
	const char *from, *to;	/* never NULL; "" for an open end */
	long found;		/* records falling in the range */
	bool oom;
};

/* A copy kept by the report (NULL and c->oom when out of memory). */
char *kz_rb_dupf(struct kz_rctx *c, const char *fmt, ...)
    __attribute__((format(__printf__, 2, 3)));
/* A new block of the section, a paragraph, a table with its n column
 * titles, a row of it, a bar of a chart. */
struct kz_rblock *kz_rb_block(struct kz_rctx *c, struct kz_rsection *s,
    int kind, const char *caption);
void kz_rb_para(struct kz_rctx *c, struct kz_rsection *s, const char *text);
struct kz_rblock *kz_rb_table(struct kz_rctx *c, struct kz_rsection *s,
    const char *caption, size_t n, const char *const *head);
void kz_rb_row(struct kz_rctx *c, struct kz_rblock *b,
    const char *const *cells);
void kz_rb_bar(struct kz_rctx *c, struct kz_rblock *b, const char *label,
    long value);
/* A statement of the range: :from, :to, :office, :month and :code
 * bound where sql names them; kz_rb_done finalizes it, a step's error
 * reported. */
sqlite3_stmt *kz_rb_query(struct kz_rctx *c, const char *sql,
    const char *code, struct kz_err *err);
int kz_rb_done(struct kz_rctx *c, sqlite3_stmt *st, int rc,
    struct kz_err *err);
/* Column i of a row as text, "" for NULL. */
const char *kz_rb_col(sqlite3_stmt *st, int i);
/* A date, and a period, as the office writes them. */
const char *kz_rb_date(struct kz_rctx *c, const char *d, char *out,
    size_t size);
void kz_rb_period(struct kz_rctx *c, const char *from, const char *to,
    char *out, size_t size);

/* The sections of the activity records (report_act.c). */
int kz_rb_sec_fairs(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err);
int kz_rb_sec_cooking(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err);
int kz_rb_sec_jet(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err);
int kz_rb_sec_support(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err);
int kz_rb_sec_research(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err);
int kz_rb_sec_friendship(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err);
int kz_rb_sec_rep_offices(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err);

#endif
