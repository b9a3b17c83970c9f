/* stamp.c - the office's clock: audit stamps (UTC) in its own time, and its today. */
#include "stamp.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "tz.h"

/* The office's zone, loaded once: a screen formats a stamp per redraw. */
static struct kz_tz *
office_zone(const struct kz_config *cfg)
{
	static struct kz_tz *zone;
	static char name[128];
	struct kz_err err = { 0 };
	const char *want = cfg && cfg->timezone ? cfg->timezone : "UTC";

	if (zone && strcmp(name, want) == 0)
		return zone;
	kz_tz_free(zone);
	zone = kz_tz_load(want, &err);
	snprintf(name, sizeof name, "%s", want);
	return zone;
}

const char *
kz_stamp_format(const struct kz_config *cfg, const char *utc, char *out,
    size_t size)
{
	char local[11], shown[64], abbr[16] = "";
	struct kz_tz *z;
	int64_t t;

	if (size == 0)
		return out;
	snprintf(out, size, "%s", utc ? utc : "");
	if (!kz_date_stamp(utc, &t) || (z = office_zone(cfg)) == NULL)
		return out;
	long sec, days = kz_date_day_of(t + kz_tz_offset(z, t, NULL, abbr),
	    &sec);
	kz_date_from_days(days, local);
	kz_date_format(local, cfg ? cfg->date_format : NULL, shown,
	    sizeof shown);
	snprintf(out, size, "%s %02d:%02d %s", shown, (int)(sec / 3600),
	    (int)(sec % 3600 / 60), abbr[0] ? abbr : "UTC");
	return out;
}

const char *
kz_stamp_date(const struct kz_config *cfg, const char *date, char *out,
    size_t size)
{
	kz_date_format(date, cfg ? cfg->date_format : NULL, out, size);
	return out;
}

void
kz_stamp_today(const struct kz_config *cfg, char out[11])
{
	const char *fixed = getenv("KIZUNA_TODAY");
	int64_t now = kz_date_now();
	struct kz_tz *z;

	if (fixed && kz_date_valid(fixed)) {
		memcpy(out, fixed, 11);
		return;
	}
	if ((z = office_zone(cfg)) != NULL)
		now += kz_tz_offset(z, now, NULL, NULL);
	kz_date_from_days(kz_date_day_of(now, NULL), out);
}
