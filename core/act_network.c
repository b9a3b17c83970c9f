/* act_network.c - JET participants by year and placement, friendship-city links and representative offices. */
#include "act_records.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "rlist.h"

#define DATE_HINT N_("A date: 2027-01-31, 2027年1月31日 or 31 Jan 2027")
#define ENUM_HINT N_("Space, or the first letter")
#define NOTES(T) \
	{ .name = "notes", .column = "notes", .csv = "notes", \
	  .option = "notes", .label = N_("notes"), .kind = KZ_RK_NOTE, \
	  .off = offsetof(T, notes), .max = 4000, \
	  .hint = N_("Anything else worth knowing") }
#define ID(T) \
	{ .name = "id", .column = "id", .csv = "id", .label = N_("ID"), \
	  .kind = KZ_RK_ID, .off = offsetof(T, id), \
	  .size = sizeof ((T *)0)->id }

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

#define T(m) offsetof(struct kz_jet, m)
static const struct kz_rfield jet_fields[] = {
	ID(struct kz_jet),
	{ .name = "year", .column = "year", .csv = "year", .option = "year",
	  .label = N_("year"), .kind = KZ_RK_INT, .off = T(year), .min = 1987,
	  .max = 2199, .flags = KZ_RF_REQUIRED,
	  .hint = N_("The fiscal year, e.g. 2019") },
	{ .name = "kind", .column = "kind", .csv = "kind", .option = "kind",
	  .label = N_("kind"), .kind = KZ_RK_ENUM, .off = T(kind),
	  .values = &kz_jet_kind_enum, .hint = ENUM_HINT },
	{ .name = "level", .column = "level", .csv = "level", .option = "level",
	  .label = N_("level"), .kind = KZ_RK_ENUM, .off = T(level),
	  .values = &kz_jet_level_enum, .hint = ENUM_HINT },
	{ .name = "placement", .column = "placement", .csv = "placement",
	  .option = "placement", .label = N_("placement"), .kind = KZ_RK_TEXT,
	  .off = T(placement), .max = 100,
	  .hint = N_("The Japanese government, e.g. 福井県") },
	{ .name = "participants", .column = "participants",
	  .csv = "participants", .option = "participants",
	  .label = N_("participants"), .kind = KZ_RK_INT,
	  .off = T(participants), .min = 0, .max = 100000,
	  .hint = N_("Taking part that year in that placement") },
	{ .name = "joined", .column = "joined", .csv = "joined",
	  .option = "joined", .label = N_("new that year"), .kind = KZ_RK_INT,
	  .off = T(joined), .min = 0, .max = 100000,
	  .hint = N_("Of them, how many joined that year") },
	NOTES(struct kz_jet),
	KZ_RF_STAMPS(struct kz_jet, st., "created", "updated"),
};
#undef T

static struct kz_rtype_sql jet_sql;
const struct kz_rtype kz_jet_type = {
	.name = N_("JET line"), .table = KZ_T_JET,
	.f = jet_fields, .n = KZ_NFIELDS(jet_fields), .sql = &jet_sql,
};

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

#define T(m) offsetof(struct kz_friendship, m)
#define A(m) T(m), sizeof ((struct kz_friendship *)0)->m
static const struct kz_rfield friendship_fields[] = {
	ID(struct kz_friendship),
	{ .name = "japanese", .column = "japanese", .csv = "japanese",
	  .option = "japanese", .label = N_("Japanese government"),
	  .kind = KZ_RK_TEXT, .off = T(japanese), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("e.g. 神戸市") },
	{ .name = "partner", .column = "partner", .csv = "partner",
	  .option = "partner", .label = N_("partner government"),
	  .kind = KZ_RK_TEXT, .off = T(partner), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("e.g. 天津市") },
	{ .name = "country", .column = "country", .csv = "country",
	  .option = "country", .label = N_("country"), .kind = KZ_RK_COUNTRY,
	  .off = A(country),
	  .hint = N_("ISO code, e.g. CN; empty: the office's country") },
	{ .name = "region", .column = "region", .csv = "region",
	  .option = "region", .label = N_("province or state"),
	  .kind = KZ_RK_TEXT, .off = T(region), .max = 100,
	  .codes = KZ_CODES_SUBDIVISION, .hint = N_("e.g. 河南省") },
	{ .name = "signed", .column = "signed", .csv = "signed",
	  .option = "signed", .label = N_("signed on"), .kind = KZ_RK_DATE,
	  .off = A(signed_on), .hint = DATE_HINT },
	NOTES(struct kz_friendship),
	KZ_RF_STAMPS(struct kz_friendship, st., "created", "updated"),
};
#undef T
#undef A

static struct kz_rtype_sql friendship_sql;
const struct kz_rtype kz_friendship_type = {
	.name = N_("friendship link"), .table = KZ_T_FRIENDSHIP,
	.f = friendship_fields, .n = KZ_NFIELDS(friendship_fields),
	.sql = &friendship_sql,
};

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

#define T(m) offsetof(struct kz_rep_office, m)
#define A(m) T(m), sizeof ((struct kz_rep_office *)0)->m
static const struct kz_rfield rep_office_fields[] = {
	ID(struct kz_rep_office),
	{ .name = "government", .column = "government", .csv = "government",
	  .option = "government", .label = N_("Japanese government"),
	  .kind = KZ_RK_TEXT, .off = T(government), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("e.g. 兵庫県") },
	{ .name = "city", .column = "city", .csv = "city", .option = "city",
	  .label = N_("city"), .kind = KZ_RK_TEXT, .off = T(city), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("e.g. 上海") },
	{ .name = "country", .column = "country", .csv = "country",
	  .option = "country", .label = N_("country"), .kind = KZ_RK_COUNTRY,
	  .off = A(country),
	  .hint = N_("ISO code, e.g. CN; empty: the office's country") },
	{ .name = "name", .column = "name", .csv = "name", .option = "name",
	  .label = N_("name"), .kind = KZ_RK_TEXT, .off = T(name), .max = 200,
	  .hint = N_("The office's own name, e.g. 兵庫県上海事務所") },
	{ .name = "opened", .column = "opened", .csv = "opened",
	  .option = "opened", .label = N_("opened on"), .kind = KZ_RK_DATE,
	  .off = A(opened), .hint = DATE_HINT },
	{ .name = "closed", .column = "closed", .csv = "closed",
	  .option = "closed", .label = N_("closed on"), .kind = KZ_RK_DATE,
	  .off = A(closed), .hint = N_("Empty while it is open") },
	NOTES(struct kz_rep_office),
	KZ_RF_STAMPS(struct kz_rep_office, st., "created", "updated"),
};
#undef T
#undef A

static struct kz_rtype_sql rep_office_sql;
const struct kz_rtype kz_rep_office_type = {
	.name = N_("representative office"), .table = KZ_T_REP_OFFICE,
	.f = rep_office_fields, .n = KZ_NFIELDS(rep_office_fields),
	.sql = &rep_office_sql,
};

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
	if (kz_date_valid(r->opened) && kz_date_valid(r->closed) &&
	    strcmp(r->closed, r->opened) < 0)
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
