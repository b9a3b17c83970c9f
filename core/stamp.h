/* stamp.h - the office's clock: audit stamps (UTC) in its own time, and its today. */
#ifndef KZ_STAMP_H
#define KZ_STAMP_H

#include <stddef.h>
#include "config.h"

/* "2026-11-21T23:54:00Z" as the office sees it: the date in its date
 * format, the time of day in its time zone, and the zone's abbreviation
 * ("2026年11月22日 07:54 CST"). A stamp that is not of that form is
 * copied as it is. Returns out. */
const char *kz_stamp_format(const struct kz_config *cfg, const char *utc,
    char *out, size_t size);

/* A stored date "YYYY-MM-DD" in the office's date format (cfg NULL:
 * as stored); anything else copied as it is. Returns out. */
const char *kz_stamp_date(const struct kz_config *cfg, const char *date,
    char *out, size_t size);

/* Today's date where the office is (office.timezone; UTC without a
 * configuration or when the zone will not load), "YYYY-MM-DD": after
 * 15:00 UTC it is already tomorrow in Tokyo. $KIZUNA_TODAY pins it for
 * tests. */
void kz_stamp_today(const struct kz_config *cfg, char out[11]);

#endif
