/* act_support.c - support for Japanese governments' activities, commissioned research and promotion events. */
#include "act_records.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "rlist.h"

/* ---- support ---- */

static const char *const support_kinds[] = { "visit", "event", "liaison",
	"interpreting", "venue", "briefing", "other", NULL };
static const char *const support_kind_labels[] = { N_("visit"),
	NC_("support", "event"), N_("liaison"), NC_("support", "interpreting"),
	N_("venue"), N_("briefing"), N_("other"), NULL };
const struct kz_enum kz_support_kind_enum = { "kind", support_kinds,
	support_kind_labels };

#define T struct kz_support
static const struct kz_rfield support_fields[] = {
	KZ_RF_ID(T),
	KZ_RF_PERIOD(T),
	KZ_RF_FIELD(T, government, .label = N_("Japanese government"),
	    .kind = KZ_RK_TEXT, .max = 100, .flags = KZ_RF_REQUIRED,
	    .hint = N_("e.g. 京都府, 神戸市")),
	KZ_RF_ENUM(T, kind, N_("kind"), kz_support_kind_enum),
	KZ_RF_PLACE(T),
	KZ_RF_FIELD(T, partner, .label = N_("partner"), .kind = KZ_RK_TEXT,
	    .max = 200, .hint = N_("Who they met or worked with here")),
	KZ_RF_FIELD(T, what, .label = N_("what was done"), .kind = KZ_RK_NOTE,
	    .max = 2000, .hint = N_("e.g. arranged the meeting and "
	    "interpreted")),
	KZ_RF_NOTES(T),
	KZ_RF_STAMPS(T, st., "created", "updated"),
};
#undef T

KZ_RTYPE(kz_support_type, N_("support case"), KZ_T_SUPPORT,
    support_fields);

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
	.date = "start", .end = "end", .by = support_by,
	.describe = support_describe,
};

/* ---- commissioned research ---- */

static const char *const research_status[] = { "requested", "in_progress",
	"delivered", "cancelled", NULL };
static const char *const research_status_labels[] = { N_("requested"),
	N_("in progress"), N_("delivered"), N_("cancelled"), NULL };
const struct kz_enum kz_research_status_enum = { "status", research_status,
	research_status_labels };

#define T struct kz_research
static const struct kz_rfield research_fields[] = {
	KZ_RF_ID(T),
	KZ_RF_FIELD(T, government, .label = N_("commissioned by"),
	    .kind = KZ_RK_TEXT, .max = 100, .flags = KZ_RF_REQUIRED,
	    .hint = N_("The Japanese government, e.g. 兵庫県")),
	KZ_RF_FIELD(T, topic, .label = N_("topic"), .kind = KZ_RK_TEXT, .max = 300,
	    .flags = KZ_RF_REQUIRED, .hint = N_("What they asked to know")),
	KZ_RF_DATE(T, requested, .label = N_("requested on"),
	    .flags = KZ_RF_REQUIRED, .hint = KZ_RF_DATE_HINT),
	KZ_RF_DATE(T, due, .label = N_("due on"), .hint = KZ_RF_DATE_HINT),
	KZ_RF_ENUM(T, status, N_("status"), kz_research_status_enum),
	KZ_RF_DATE(T, delivered, .label = N_("delivered on"),
	    .hint = N_("Needed once the status is delivered")),
	KZ_RF_NOTES(T),
	KZ_RF_STAMPS(T, st., "created", "updated"),
};
#undef T

KZ_RTYPE(kz_research_type, N_("research project"), KZ_T_RESEARCH,
    research_fields);

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
	if (kz_date_before(r->due, r->requested))
		kz_err_add(err, "due", _("due (%s) before it was requested "
		    "(%s)"), r->due, r->requested);
	if (kz_date_before(r->delivered, r->requested))
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

#define T struct kz_promotion
static const struct kz_rfield promotion_fields[] = {
	KZ_RF_ID(T),
	KZ_RF_ENUM(T, kind, N_("kind"), kz_promotion_kind_enum),
	KZ_RF_FIELD(T, name, .label = NC_("not a person", "name"),
	    .kind = KZ_RK_TEXT, .max = 200,
	    .flags = KZ_RF_REQUIRED,
	    .hint = N_("e.g. 2019北京国际旅游博览（BITE）")),
	KZ_RF_PERIOD(T),
	KZ_RF_FIELD(T, venue, .label = N_("venue"), .kind = KZ_RK_TEXT, .max = 200,
	    .hint = N_("e.g. 北京国家会议中心")),
	KZ_RF_FIELD(T, city, .label = N_("city"), .kind = KZ_RK_TEXT, .max = 100,
	    .hint = N_("e.g. 北京市")),
	KZ_RF_FIELD(T, governments, .label = N_("partner governments"),
	    .kind = KZ_RK_TEXT, .max = 500,
	    .hint = N_("Japanese governments, separated by \"; \"")),
	KZ_RF_FIELD(T, shown, .label = N_("shown or cooked"), .kind = KZ_RK_NOTE,
	    .max = 2000, .hint = N_("What was shown, or the menu")),
	KZ_RF_FIELD(T, attendance, .label = N_("attendance"), .kind = KZ_RK_INT,
	    .min = 0, .max = 10000000, .flags = KZ_RF_ZERO_NULL,
	    .hint = N_("How many came; empty: not known")),
	KZ_RF_NOTES(T),
	KZ_RF_STAMPS(T, st., "created", "updated"),
};
#undef T

KZ_RTYPE(kz_promotion_type, N_("promotion event"), KZ_T_PROMOTION,
    promotion_fields);

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
	.date = "start", .end = "end", .by = promotion_by,
	.describe = promotion_describe,
};
