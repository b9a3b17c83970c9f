/* date.h - calendar dates as stored ("YYYY-MM-DD") and shown. */
#ifndef KZ_DATE_H
#define KZ_DATE_H

#include <stdbool.h>
#include <stddef.h>

/* True if s is exactly a real calendar date "YYYY-MM-DD" (1900..2199). */
bool kz_date_valid(const char *s);
/* Days since 1970-01-01 of a valid date. */
long kz_date_days(const char *s);
/* The date `days` after 1970-01-01 as "YYYY-MM-DD". */
void kz_date_from_days(long days, char out[11]);
/* Today in UTC, or $KIZUNA_TODAY for tests. */
void kz_date_today(char out[11]);
/* Format a valid date with a strftime pattern (the office's date format). */
size_t kz_date_format(const char *date, const char *pattern, char *out,
    size_t size);

#endif
