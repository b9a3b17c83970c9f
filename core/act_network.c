/* act_network.c - JET participants by year and placement, friendship-city links and representative offices. */
#include "act_records.h"

#include <stdio.h>

#include "date.h"
#include "i18n.h"
#include "rlist.h"

/* ---- JET ---- */

/* the programme's own abbreviations, the same in every language */
static const char *const jet_kinds[] = { "alt", "cir", "sea", NULL };
static const char *const jet_kind_labels[] = { N_("ALT"), N_("CIR"),
	N_("SEA"), NULL };
const struct kz_enum kz_jet_kind_enum = { "kind", jet_kinds,
	jet_kind_labels };

static const char *const jet_levels[] = { "prefecture", "designated_city",
	"municipality", NULL };
static const char *const jet_level_labels[] = { N_("prefecture"),
	N_("designated city"), N_("municipality"), NULL };
const struct kz_enum kz_jet_level_enum = { "level", jet_levels,
	jet_level_labels };

#define T struct kz_jet
static const struct kz_rfield jet_fields[] = {
	KZ_RF_ID(T),
	KZ_RF_FIELD(T, year, .label = N_("year"), .kind = KZ_RK_INT, .min = 1987,
	    .max = 2199, .flags = KZ_RF_REQUIRED,
	    .hint = N_("The fiscal year, e.g. 2019")),
	KZ_RF_ENUM(T, kind, N_("kind"), kz_jet_kind_enum),
	KZ_RF_ENUM(T, level, N_("level"), kz_jet_level_enum),
	KZ_RF_FIELD(T, placement, .label = N_("placement"), .kind = KZ_RK_TEXT,
	    .max = 100, .hint = N_("The Japanese government, e.g. 福井県")),
	KZ_RF_FIELD(T, participants, .label = N_("participants"), .kind = KZ_RK_INT,
	    .min = 0, .max = 100000,
	    .hint = N_("Taking part that year in that placement")),
	KZ_RF_FIELD(T, joined, .label = N_("new that year"), .kind = KZ_RK_INT,
	    .min = 0, .max = 100000,
	    .hint = N_("Of them, how many joined that year")),
	KZ_RF_NOTES(T),
	KZ_RF_STAMPS(T, st., "created", "updated"),
};
#undef T

KZ_RTYPE(kz_jet_type, N_("JET line"), KZ_T_JET, jet_fields);

static void
jet_rules(struct kz_db *db, const void *rec, struct kz_err *err)
{
	const struct kz_jet *j = rec;

	(void)db;
	if (j->joined > j->participants)
		kz_err_add(err, "joined", _("%d new of %d taking part: the new "
		    "are among them"), j->joined, j->participants);
}

static void
jet_describe(const void *rec, char *out, size_t size)
{
	const struct kz_jet *j = rec;

	snprintf(out, size, "%d, %s, %s", j->year,
	    kz_enum_label(&kz_jet_kind_enum, j->kind),
	    j->placement ? j->placement : "");
}

static const char *const jet_by[] = { "kind", "level", "placement", NULL };

const struct kz_akind kz_akind_jet = {
	.name = "jet", .table = "jet",
	.one = N_("JET line"), .many = N_("JET lines"),
	.title = N_("JET"), .kind = KZ_T_JET,
	.rt = &kz_jet_type, .list = &kz_rlist_jet,
	.size = sizeof (struct kz_jet),
	.stamps = offsetof(struct kz_jet, st),
	.year = "year", .by = jet_by,
	.rules = jet_rules, .describe = jet_describe,
};

/* ---- friendship-city links ---- */

#define T struct kz_friendship
static const struct kz_rfield friendship_fields[] = {
	KZ_RF_ID(T),
	KZ_RF_FIELD(T, japanese, .label = N_("Japanese government"),
	    .kind = KZ_RK_TEXT, .max = 100, .flags = KZ_RF_REQUIRED,
	    .hint = N_("e.g. 神戸市")),
	KZ_RF_FIELD(T, partner, .label = N_("partner government"),
	    .kind = KZ_RK_TEXT, .max = 100, .flags = KZ_RF_REQUIRED,
	    .hint = N_("e.g. 天津市")),
	KZ_RF_COUNTRY(T),
	KZ_RF_FIELD(T, region, .label = N_("province or state"), .kind = KZ_RK_TEXT,
	    .max = 100, .codes = KZ_CODES_SUBDIVISION,
	    .hint = N_("e.g. 河南省")),
	/* "signed" is a C keyword: the member is signed_on */
	{ .name = "signed", .column = "signed", .csv = "signed",
	  .option = "signed", .label = N_("signed on"), .kind = KZ_RK_DATE,
	  .off = offsetof(T, signed_on), .size = sizeof ((T *)0)->signed_on,
	  .hint = KZ_RF_DATE_HINT },
	KZ_RF_NOTES(T),
	KZ_RF_STAMPS(T, st., "created", "updated"),
};
#undef T

KZ_RTYPE(kz_friendship_type, N_("friendship link"), KZ_T_FRIENDSHIP,
    friendship_fields);

static void
friendship_prepare(struct kz_db *db, void *rec)
{
	kz_act_default_country(db, ((struct kz_friendship *)rec)->country);
}

static void
friendship_describe(const void *rec, char *out, size_t size)
{
	const struct kz_friendship *f = rec;

	snprintf(out, size, "%s - %s", f->japanese ? f->japanese : "",
	    f->partner ? f->partner : "");
}

static const char *const friendship_by[] = { "region", "country",
	"japanese", NULL };

const struct kz_akind kz_akind_friendship = {
	.name = "friendship", .table = "friendship",
	.one = N_("friendship link"), .many = N_("friendship links"),
	.title = N_("Friendship"), .kind = KZ_T_FRIENDSHIP,
	.rt = &kz_friendship_type, .list = &kz_rlist_friendship,
	.size = sizeof (struct kz_friendship),
	.stamps = offsetof(struct kz_friendship, st),
	.date = "signed", .by = friendship_by,
	.prepare = friendship_prepare, .describe = friendship_describe,
};

/* ---- representative offices ---- */

#define T struct kz_rep_office
static const struct kz_rfield rep_office_fields[] = {
	KZ_RF_ID(T),
	KZ_RF_FIELD(T, government, .label = N_("Japanese government"),
	    .kind = KZ_RK_TEXT, .max = 100, .flags = KZ_RF_REQUIRED,
	    .hint = N_("e.g. 兵庫県")),
	KZ_RF_FIELD(T, city, .label = N_("city"), .kind = KZ_RK_TEXT, .max = 100,
	    .flags = KZ_RF_REQUIRED, .hint = N_("e.g. 上海")),
	KZ_RF_COUNTRY(T),
	KZ_RF_FIELD(T, name, .label = NC_("not a person", "name"),
	    .kind = KZ_RK_TEXT, .max = 200,
	    .hint = N_("The office's own name, e.g. 兵庫県上海事務所")),
	KZ_RF_DATE(T, opened, .label = N_("opened on"),
	    .hint = KZ_RF_DATE_HINT),
	KZ_RF_DATE(T, closed, .label = N_("closed on"),
	    .hint = N_("Empty while it is open")),
	KZ_RF_NOTES(T),
	KZ_RF_STAMPS(T, st., "created", "updated"),
};
#undef T

KZ_RTYPE(kz_rep_office_type, N_("representative office"),
    KZ_T_REP_OFFICE, rep_office_fields);

static void
rep_office_prepare(struct kz_db *db, void *rec)
{
	kz_act_default_country(db, ((struct kz_rep_office *)rec)->country);
}

static void
rep_office_rules(struct kz_db *db, const void *rec, struct kz_err *err)
{
	const struct kz_rep_office *r = rec;

	(void)db;
	if (kz_date_before(r->closed, r->opened))
		kz_err_add(err, "closed", _("closed (%s) before it opened "
		    "(%s)"), r->closed, r->opened);
}

static void
rep_office_describe(const void *rec, char *out, size_t size)
{
	const struct kz_rep_office *r = rec;

	snprintf(out, size, "%s, %s", r->government ? r->government : "",
	    r->city ? r->city : "");
}

static const char *const rep_office_by[] = { "city", "country",
	"government", NULL };

const struct kz_akind kz_akind_rep_office = {
	.name = "repoffice", .table = "rep_office",
	.one = N_("representative office"),
	.many = N_("representative offices"),
	.title = N_("Rep. offices"), .kind = KZ_T_REP_OFFICE,
	.rt = &kz_rep_office_type, .list = &kz_rlist_rep_office,
	.size = sizeof (struct kz_rep_office),
	.stamps = offsetof(struct kz_rep_office, st),
	.date = "opened", .by = rep_office_by,
	.prepare = rep_office_prepare, .rules = rep_office_rules,
	.describe = rep_office_describe,
};
