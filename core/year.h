/* year.h - the office's reporting year, and years or ranges as typed. */
#ifndef KZ_YEAR_H
#define KZ_YEAR_H

#include <stddef.h>

#include "config.h"
#include "err.h"

/*
 * An office reports by year: the Japanese fiscal year (April to March)
 * unless office.year_start says another month. A year is named by the
 * calendar year it starts in, as the council names them: 2019 is 1 April
 * 2019 to 31 March 2020. Every list, count and report that takes a year
 * takes it this way, or a range of dates.
 */

/* The month the year starts in, 1-12 (4 without a configuration). */
int kz_year_start(const struct kz_config *cfg);
/* The year a date (YYYY-MM-DD) falls in; 0 when it is not a date. */
int kz_year_of(const struct kz_config *cfg, const char *date);
/* The first and last day of a year, inclusive. */
void kz_year_range(const struct kz_config *cfg, int year, char from[11],
    char to[11]);
/* The year today is in, where the office is. */
int kz_year_current(const struct kz_config *cfg);

/* A year or a range as a person types it, into its first and last day
 * (inclusive; "" for an open end): "2019", "FY2019", "2019年度",
 * "2019년도"; or "FROM..TO" of dates in any form kz_date_parse reads,
 * either end left open ("2019-04-01..", "..2020-03-31"). *year is the
 * year typed, 0 for a range (year may be NULL). A problem goes into err
 * under where. */
int kz_year_parse(const struct kz_config *cfg, const char *typed,
    int *year, char from[11], char to[11], const char *where,
    struct kz_err *err);

/* The year's name in the reader's language: "2019" for calendar years,
 * else "FY2019" ("2019年度"). */
void kz_year_name(const struct kz_config *cfg, int year, char *out,
    size_t size);
/* The same for a range: the year's name when it is one whole year,
 * else "FROM – TO" in the office's date format ("from FROM on", "up to
 * TO" for an open end: "" or NULL). */
void kz_year_range_name(const struct kz_config *cfg, const char *from,
    const char *to, char *out, size_t size);

#endif
