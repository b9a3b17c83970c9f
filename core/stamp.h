/* stamp.h - audit stamps (UTC) shown in the office's own time. */
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

#endif
