/* act_support.c - support for Japanese governments' activities, commissioned research and promotion events. */
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

/* ---- support ---- */

static const char *const support_kinds[] = { "visit", "event", "liaison",
	"interpreting", "venue", "briefing", "other", NULL };
static const char *const support_kind_labels[] = { N_("visit"),
	NC_("support", "event"), N_("liaison"), NC_("support", "interpreting"),
	N_("venue"), N_("briefing"), N_("other"), NULL };
const struct kz_enum kz_support_kind_enum = { "kind", support_kinds,
	support_kind_labels };

#define T(m) offsetof(struct kz_support, m)
#define A(m) T(m), sizeof ((struct kz_support *)0)->m
static const struct kz_rfield support_fields[] = {
	ID(struct kz_support),
	{ .name = "start", .column = "start", .csv = "start", .option = "start",
	  .label = N_("first day"), .kind = KZ_RK_DATE, .off = A(start),
	  .flags = KZ_RF_REQUIRED, .hint = DATE_HINT },
	{ .name = "end", .column = "end", .csv = "end", .option = "end",
	  .label = N_("last day"), .kind = KZ_RK_DATE, .off = A(end),
	  .hint = DATE_HINT },
	{ .name = "government", .column = "government", .csv = "government",
	  .option = "government", .label = N_("Japanese government"),
	  .kind = KZ_RK_TEXT, .off = T(government), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("e.g. 京都府, 神戸市") },
	{ .name = "kind", .column = "kind", .csv = "kind", .option = "kind",
	  .label = N_("kind"), .kind = KZ_RK_ENUM, .off = T(kind),
	  .values = &kz_support_kind_enum,
	  .hint = ENUM_HINT },
	{ .name = "place", .column = "place", .csv = "place", .option = "place",
	  .label = N_("place"), .kind = KZ_RK_TEXT, .off = T(place),
	  .max = 200, .hint = N_("City or venue, e.g. 北京市") },
	{ .name = "partner", .column = "partner", .csv = "partner",
	  .option = "partner", .label = N_("partner"), .kind = KZ_RK_TEXT,
	  .off = T(partner), .max = 200,
	  .hint = N_("Who they met or worked with here") },
	{ .name = "what", .column = "what", .csv = "what", .option = "what",
	  .label = N_("what was done"), .kind = KZ_RK_NOTE, .off = T(what),
	  .max = 2000, .hint = N_("e.g. arranged the meeting and "
	  "interpreted") },
	NOTES(struct kz_support),
	KZ_RF_STAMPS(struct kz_support, st., "created", "updated"),
};
#undef T
#undef A

static struct kz_rtype_sql support_sql;
const struct kz_rtype kz_support_type = {
	.name = N_("support case"), .table = KZ_T_SUPPORT,
	.f = support_fields, .n = KZ_NFIELDS(support_fields),
	.sql = &support_sql,
};

static void
support_rules(struct kz_db *db, const void *rec, struct kz_err *err)
{
	const struct kz_support *s = rec;

	(void)db;
	kz_act_check_period(s->start, s->end, "start", "end", err);
}

static void
support_describe(const void *rec, char *out, size_t size)
{
	const struct kz_support *s = rec;

	snprintf(out, size, "%s, %s", s->government ? s->government : "",
	    s->start);
}

static const char *const support_by[] = { "kind", "government", "place",
	NULL };

const struct kz_akind kz_akind_support = {
	.name = "support", .table = "support",
	.one = N_("support case"), .many = N_("support cases"),
	.title = N_("Support"), .kind = KZ_T_SUPPORT,
	.rt = &kz_support_type, .list = &kz_rlist_support,
	.size = sizeof (struct kz_support),
	.stamps = offsetof(struct kz_support, st),
	.date = "start", .by = support_by,
	.rules = support_rules, .describe = support_describe,
};

/* ---- commissioned research ---- */

static const char *const research_status[] = { "requested", "in_progress",
	"delivered", "cancelled", NULL };
static const char *const research_status_labels[] = { N_("requested"),
	N_("in progress"), N_("delivered"), N_("cancelled"), NULL };
const struct kz_enum kz_research_status_enum = { "status", research_status,
	research_status_labels };

#define T(m) offsetof(struct kz_research, m)
#define A(m) T(m), sizeof ((struct kz_research *)0)->m
static const struct kz_rfield research_fields[] = {
	ID(struct kz_research),
	{ .name = "government", .column = "government", .csv = "government",
	  .option = "government", .label = N_("commissioned by"),
	  .kind = KZ_RK_TEXT, .off = T(government), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("The Japanese government, e.g. "
	  "兵庫県") },
	{ .name = "topic", .column = "topic", .csv = "topic", .option = "topic",
	  .label = N_("topic"), .kind = KZ_RK_TEXT, .off = T(topic),
	  .max = 300, .flags = KZ_RF_REQUIRED,
	  .hint = N_("What they asked to know") },
	{ .name = "requested", .column = "requested", .csv = "requested",
	  .option = "requested", .label = N_("requested on"),
	  .kind = KZ_RK_DATE, .off = A(requested), .flags = KZ_RF_REQUIRED,
	  .hint = DATE_HINT },
	{ .name = "due", .column = "due", .csv = "due", .option = "due",
	  .label = N_("due on"), .kind = KZ_RK_DATE, .off = A(due),
	  .hint = DATE_HINT },
	{ .name = "status", .column = "status", .csv = "status",
	  .option = "status", .label = N_("status"), .kind = KZ_RK_ENUM,
	  .off = T(status), .values = &kz_research_status_enum,
	  .hint = ENUM_HINT },
	{ .name = "delivered", .column = "delivered", .csv = "delivered",
	  .option = "delivered", .label = N_("delivered on"),
	  .kind = KZ_RK_DATE, .off = A(delivered),
	  .hint = N_("Needed once the status is delivered") },
	NOTES(struct kz_research),
	KZ_RF_STAMPS(struct kz_research, st., "created", "updated"),
};
#undef T
#undef A

static struct kz_rtype_sql research_sql;
const struct kz_rtype kz_research_type = {
	.name = N_("research project"), .table = KZ_T_RESEARCH,
	.f = research_fields, .n = KZ_NFIELDS(research_fields),
	.sql = &research_sql,
};

static void
research_rules(struct kz_db *db, const void *rec, struct kz_err *err)
{
	const struct kz_research *r = rec;

	(void)db;
	if (r->status == KZ_RES_DELIVERED && !r->delivered[0])
		kz_err_add(err, "delivered", _("delivered research needs the "
		    "day it was delivered"));
	else if (r->delivered[0] && r->status != KZ_RES_DELIVERED)
		kz_err_add(err, "status", _("a delivery day is given but the "
		    "status is not delivered"));
	if (kz_date_valid(r->requested) && kz_date_valid(r->due) &&
	    strcmp(r->due, r->requested) < 0)
		kz_err_add(err, "due", _("due (%s) before it was requested "
		    "(%s)"), r->due, r->requested);
	if (kz_date_valid(r->requested) && kz_date_valid(r->delivered) &&
	    strcmp(r->delivered, r->requested) < 0)
		kz_err_add(err, "delivered", _("delivered (%s) before it was "
		    "requested (%s)"), r->delivered, r->requested);
}

static void
research_describe(const void *rec, char *out, size_t size)
{
	const struct kz_research *r = rec;

	snprintf(out, size, "%s, %s", r->government ? r->government : "",
	    r->topic ? r->topic : "");
}

static const char *const research_by[] = { "status", "government", NULL };

const struct kz_akind kz_akind_research = {
	.name = "research", .table = "research",
	.one = N_("research project"), .many = N_("research projects"),
	.title = N_("Research"), .kind = KZ_T_RESEARCH,
	.rt = &kz_research_type, .list = &kz_rlist_research,
	.size = sizeof (struct kz_research),
	.stamps = offsetof(struct kz_research, st),
	.date = "requested", .by = research_by,
	.rules = research_rules, .describe = research_describe,
};

/* ---- promotion events ---- */

static const char *const promotion_kinds[] = { "fair", "cooking", "other",
	NULL };
static const char *const promotion_kind_labels[] = { N_("fair"),
	N_("cooking"), N_("other"), NULL };
const struct kz_enum kz_promotion_kind_enum = { "kind", promotion_kinds,
	promotion_kind_labels };

#define T(m) offsetof(struct kz_promotion, m)
#define A(m) T(m), sizeof ((struct kz_promotion *)0)->m
static const struct kz_rfield promotion_fields[] = {
	ID(struct kz_promotion),
	{ .name = "kind", .column = "kind", .csv = "kind", .option = "kind",
	  .label = N_("kind"), .kind = KZ_RK_ENUM, .off = T(kind),
	  .values = &kz_promotion_kind_enum,
	  .hint = ENUM_HINT },
	{ .name = "name", .column = "name", .csv = "name", .option = "name",
	  .label = N_("name"), .kind = KZ_RK_TEXT, .off = T(name), .max = 200,
	  .flags = KZ_RF_REQUIRED,
	  .hint = N_("e.g. 2019北京国际旅游博览（BITE）") },
	{ .name = "start", .column = "start", .csv = "start", .option = "start",
	  .label = N_("first day"), .kind = KZ_RK_DATE, .off = A(start),
	  .flags = KZ_RF_REQUIRED, .hint = DATE_HINT },
	{ .name = "end", .column = "end", .csv = "end", .option = "end",
	  .label = N_("last day"), .kind = KZ_RK_DATE, .off = A(end),
	  .hint = DATE_HINT },
	{ .name = "venue", .column = "venue", .csv = "venue", .option = "venue",
	  .label = N_("venue"), .kind = KZ_RK_TEXT, .off = T(venue),
	  .max = 200, .hint = N_("e.g. 北京国家会议中心") },
	{ .name = "city", .column = "city", .csv = "city", .option = "city",
	  .label = N_("city"), .kind = KZ_RK_TEXT, .off = T(city), .max = 100,
	  .hint = N_("e.g. 北京市") },
	{ .name = "governments", .column = "governments", .csv = "governments",
	  .option = "governments", .label = N_("partner governments"),
	  .kind = KZ_RK_TEXT, .off = T(governments), .max = 500,
	  .hint = N_("Japanese governments, separated by \"; \"") },
	{ .name = "shown", .column = "shown", .csv = "shown", .option = "shown",
	  .label = N_("shown or cooked"), .kind = KZ_RK_NOTE, .off = T(shown),
	  .max = 2000, .hint = N_("What was shown, or the menu") },
	{ .name = "attendance", .column = "attendance", .csv = "attendance",
	  .option = "attendance", .label = N_("attendance"), .kind = KZ_RK_INT,
	  .off = T(attendance), .min = 0, .max = 10000000,
	  .flags = KZ_RF_ZERO_NULL, .hint = N_("How many came; empty: not "
	  "known") },
	NOTES(struct kz_promotion),
	KZ_RF_STAMPS(struct kz_promotion, st., "created", "updated"),
};
#undef T
#undef A

static struct kz_rtype_sql promotion_sql;
const struct kz_rtype kz_promotion_type = {
	.name = N_("promotion event"), .table = KZ_T_PROMOTION,
	.f = promotion_fields, .n = KZ_NFIELDS(promotion_fields),
	.sql = &promotion_sql,
};

static void
promotion_rules(struct kz_db *db, const void *rec, struct kz_err *err)
{
	const struct kz_promotion *p = rec;

	(void)db;
	kz_act_check_period(p->start, p->end, "start", "end", err);
}

static void
promotion_describe(const void *rec, char *out, size_t size)
{
	const struct kz_promotion *p = rec;

	snprintf(out, size, "%s, %s", p->name ? p->name : "", p->start);
}

static const char *const promotion_by[] = { "kind", "city", NULL };

const struct kz_akind kz_akind_promotion = {
	.name = "promotion", .table = "promotion",
	.one = N_("promotion event"), .many = N_("promotion events"),
	.title = N_("Promotion"), .kind = KZ_T_PROMOTION,
	.rt = &kz_promotion_type, .list = &kz_rlist_promotion,
	.size = sizeof (struct kz_promotion),
	.stamps = offsetof(struct kz_promotion, st),
	.date = "start", .by = promotion_by,
	.rules = promotion_rules, .describe = promotion_describe,
};
