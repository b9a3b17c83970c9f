/* act_records.c - the seven kinds of record of what an office does, in order, and the rules they share. */
#include "act_records.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"

const struct kz_akind *const kz_akinds[] = {
	&kz_akind_support,
	&kz_akind_research,
	&kz_akind_promotion,
	&kz_akind_jet,
	&kz_akind_friendship,
	&kz_akind_rep_office,
	&kz_akind_delegation,
	NULL,
};

void
kz_act_check_period(const char *start, const char *end,
    const char *start_name, const char *end_name, struct kz_err *err)
{
	if (end[0] && !start[0])
		kz_err_add(err, start_name, _("a last day needs its first "
		    "day"));
	else if (kz_date_valid(start) && kz_date_valid(end) &&
	    strcmp(end, start) < 0)
		kz_err_add(err, end_name, _("the last day (%s) is before the "
		    "first (%s)"), end, start);
}

void
kz_act_default_country(struct kz_db *db, char country[3])
{
	if (!country[0] && db->cfg && db->cfg->ncountries == 1)
		snprintf(country, 3, "%s", db->cfg->countries[0]);
}
