/* act_records.c - the seven kinds of record of what an office does, in order, and the default they share. */
#include "act_records.h"

#include <stdio.h>

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
kz_act_default_country(struct kz_db *db, char country[3])
{
	if (!country[0] && db->cfg && db->cfg->ncountries == 1)
		snprintf(country, 3, "%s", db->cfg->countries[0]);
}
