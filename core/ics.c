/* ics.c - dispatches as an iCalendar file (RFC 5545) for calendar programs. */
#include "ics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "i18n.h"
#include "ical.h"

int
kz_ics_dispatches(struct kz_db *db, struct kz_buf *out, struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	struct kz_ical cal;
	sqlite3_stmt *st;
	char name[160];
	int rc = KZ_OK;

	if (sqlite3_prepare_v2(db->sql, "SELECT d.id, d.start, d.end, d.state, "
	    "d.places, d.mode, d.agreement_date, d.agreement_ref, "
	    "d.cancel_reason, d.revision, d.updated, s.name, s.name_roman, "
	    "r.id, r.country, r.province, r.city, r.topic, (SELECT field FROM "
	    "request_field f WHERE f.request = r.id ORDER BY pos LIMIT 1) FROM "
	    "dispatch d JOIN specialist s ON s.id = d.specialist JOIN request "
	    "r ON r.id = d.request ORDER BY d.start, d.id", -1, &st, NULL) !=
	    SQLITE_OK)
		return kz_db_fail(db, err, "dispatch");
	snprintf(name, sizeof name, _("%s: dispatches"), cfg &&
	    cfg->office_name ? cfg->office_name : "kizuna");
	kz_ical_init(&cal, name);
	/* the events are days, in no zone: the head first, then each event
	 * passed on as it is made (out's sink, if it has one) */
	rc = kz_ical_head(&cal, out, err);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
#define COL(i) ((const char *)sqlite3_column_text(st, (i)))
		int s = kz_lifecycle_parse(&kz_dispatch_lc, COL(3));
		char place[512], uid[64], summary[512], location[640];
		struct kz_buf desc = { 0 };
		struct kz_ical_event ev;

		kz_request_place(COL(15), COL(16), NULL, place, sizeof place);
		snprintf(uid, sizeof uid, "%s@kizuna", COL(0));
		snprintf(summary, sizeof summary, _("Dispatch: %s (%s) to %s %s"),
		    COL(11) ? COL(11) : "", COL(12) ? COL(12) : "", COL(14),
		    place);
		snprintf(location, sizeof location, "%s%s%s, %s",
		    COL(4) ? COL(4) : "", COL(4) ? ", " : "", place, COL(14));
		kz_buf_printf(&desc, "%s\n", COL(17) ? COL(17) : "");
		kz_buf_printf(&desc, _("State: %s\n"), s >= 0 ?
		    kz_lifecycle_name(&kz_dispatch_lc, s) : COL(3));
		if (COL(7))
			kz_buf_printf(&desc, _("Agreement: %s of %s\n"), COL(7),
			    COL(6) ? COL(6) : "");
		if (COL(8))
			kz_buf_printf(&desc, _("Cancelled: %s\n"), COL(8));
		kz_buf_printf(&desc, _("Mode: %s\n"), kz_mode_name(
		    kz_mode_parse(COL(5)) == KZ_ONLINE ? KZ_ONLINE : KZ_ONSITE));
		kz_buf_printf(&desc, _("Request %s, dispatch %s"), COL(13),
		    COL(0));
		memset(&ev, 0, sizeof ev);
		ev.uid = uid;
		ev.summary = summary;
		ev.location = location;
		ev.description = kz_buf_str(&desc);
		ev.categories = COL(18);
		ev.date = COL(1);
		ev.end_date = COL(2);
		ev.last_modified = COL(10);
		ev.sequence = sqlite3_column_int(st, 9);
		ev.status = s == KZ_DSP_CANCELLED ? "CANCELLED" :
		    kz_dispatch_state_firm((enum kz_dispatch_state)s) ? "CONFIRMED" :
		    "TENTATIVE";
		if ((rc = kz_ical_add(&cal, &ev, err)) == KZ_OK &&
		    (rc = kz_ical_take(&cal, 0, out, err)) == KZ_OK)
			rc = kz_buf_drain_err(out, false, err);
		kz_buf_free(&desc);
#undef COL
	}
	sqlite3_finalize(st);
	if (rc == KZ_OK && (rc = kz_ical_end(out, err)) == KZ_OK)
		rc = kz_buf_drain_err(out, true, err);
	kz_ical_free(&cal);
	return rc;
}
