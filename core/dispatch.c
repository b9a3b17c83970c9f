/* dispatch.c - a specialist sent to a requesting government: rules, storage, life cycle. */
#include "dispatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cost.h"
#include "date.h"
#include "record.h"
#include "i18n.h"
#include "note.h"
#include "rlist.h"
#include "rtype.h"
#include "specialist.h"
#include "stamp.h"

static const char *const dsp_keywords[KZ_DSP_NSTATES + 1] = {
	"proposed", "drafted", "signed", "scheduled", "underway", "returned",
	"reported", "cancelled", NULL,
};
static const char *const dsp_names[KZ_DSP_NSTATES + 1] = {
	N_("proposed"), N_("agreement drafted"), N_("agreement signed"),
	N_("scheduled"), N_("under way"), N_("returned"), N_("report received"),
	N_("cancelled"), NULL,
};
/* The states once: the record's field and the life cycle share them. */
const struct kz_enum kz_dispatch_state_enum = { "state", dsp_keywords,
	dsp_names };

/*
 * The life cycle. Nobody leaves (under way) before the agreement is
 * signed: "under way" is reachable only from signed or scheduled. A
 * draft may be signed directly from a proposal when the office does not
 * track drafts. A dispatch under way may still be cancelled (cut short).
 */
static const signed char dsp_moves[][2] = {
	{ KZ_DSP_PROPOSED, KZ_DSP_DRAFTED },
	{ KZ_DSP_PROPOSED, KZ_DSP_SIGNED },
	{ KZ_DSP_PROPOSED, KZ_DSP_CANCELLED },
	{ KZ_DSP_DRAFTED, KZ_DSP_SIGNED },
	{ KZ_DSP_DRAFTED, KZ_DSP_PROPOSED },
	{ KZ_DSP_DRAFTED, KZ_DSP_CANCELLED },
	{ KZ_DSP_SIGNED, KZ_DSP_SCHEDULED },
	{ KZ_DSP_SIGNED, KZ_DSP_UNDERWAY },
	{ KZ_DSP_SIGNED, KZ_DSP_CANCELLED },
	{ KZ_DSP_SCHEDULED, KZ_DSP_UNDERWAY },
	{ KZ_DSP_SCHEDULED, KZ_DSP_CANCELLED },
	{ KZ_DSP_UNDERWAY, KZ_DSP_RETURNED },
	{ KZ_DSP_UNDERWAY, KZ_DSP_CANCELLED },
	{ KZ_DSP_RETURNED, KZ_DSP_REPORTED },
	{ -1, -1 },
};

const struct kz_lifecycle kz_dispatch_lc = {
	dsp_keywords, dsp_names, KZ_DSP_NSTATES, dsp_moves,
};

bool
kz_dispatch_state_firm(enum kz_dispatch_state s)
{
	return s >= KZ_DSP_SIGNED && s <= KZ_DSP_REPORTED;
}

/* ---- the table of fields ---- */

#define S(m) offsetof(struct kz_dispatch, m)
#define A(m) S(m), sizeof ((struct kz_dispatch *)0)->m

/* One line a field, in the order forms, files and details show them.
 * The state and the agreement change only through kz_dispatch_set_state:
 * they have no option. */
static const struct kz_rfield dispatch_fields[] = {
	KZ_RF_ID(struct kz_dispatch),
	{ .name = "state", .column = "state", .csv = "state",
	  .label = N_("state"), .kind = KZ_RK_ENUM, .off = S(state),
	  .values = &kz_dispatch_state_enum, .flags = KZ_RF_STATE },
	{ .name = "request", .column = "request", .csv = "request",
	  .option = "request", .label = N_("request"), .kind = KZ_RK_REF,
	  .off = A(request), .ref = KZ_T_REQUEST, .flags = KZ_RF_REQUIRED,
	  .hint = N_("The request's id, or the start of it") },
	{ .name = "specialist", .column = "specialist", .csv = "specialist",
	  .option = "specialist", .label = N_("specialist"),
	  .kind = KZ_RK_REF, .off = A(specialist), .ref = KZ_T_SPECIALIST,
	  .flags = KZ_RF_REQUIRED,
	  .hint = N_("The specialist's id, or the start of it") },
	{ .name = "start", .column = "start", .csv = "start",
	  .option = "from", .label = N_("first day"), .kind = KZ_RK_DATE,
	  .off = A(start), .flags = KZ_RF_REQUIRED,
	  .hint = N_("A date: 2027-01-31, 2027年1月31日 or 31 Jan 2027") },
	{ .name = "end", .column = "end", .csv = "end", .option = "to",
	  .label = N_("last day"), .kind = KZ_RK_DATE, .off = A(end),
	  .flags = KZ_RF_REQUIRED,
	  .hint = N_("The day they are back: 2027-01-31, 2027年1月31日 or "
	  "31 Jan 2027") },
	{ .name = "places", .column = "places", .csv = "places",
	  .option = "places", .label = N_("places"), .kind = KZ_RK_TEXT,
	  .off = S(places), .max = 300,
	  .hint = N_("Where, e.g. 开封市; 郑州市") },
	{ .name = "mode", .column = "mode", .csv = "mode", .option = "mode",
	  .label = N_("mode"), .kind = KZ_RK_ENUM, .off = S(mode),
	  .values = &kz_mode_enum,
	  .hint = N_("Space, or the first letter") },
	{ .name = "agreement_date", .column = "agreement_date",
	  .csv = "agreement_date", .label = N_("agreement"),
	  .kind = KZ_RK_DATE, .off = A(agreement_date) },
	{ .name = "agreement_ref", .column = "agreement_ref",
	  .csv = "agreement_ref", .label = N_("reference"),
	  .kind = KZ_RK_TEXT, .off = S(agreement_ref), .max = 100 },
	{ .name = "cancel_reason", .column = "cancel_reason",
	  .csv = "cancel_reason", .label = N_("reason cancelled"),
	  .kind = KZ_RK_TEXT, .off = S(cancel_reason), .max = 500 },
	{ .name = "override_reason", .column = "override_reason",
	  .csv = "override_reason", .option = "override",
	  .label = N_("override reason"), .kind = KZ_RK_TEXT,
	  .off = S(override_reason), .max = 500,
	  .hint = N_("Only for a dispatch longer than the longest allowed: "
	  "why") },
	{ .name = "notes", .column = "notes", .csv = "notes",
	  .option = "notes", .label = N_("notes"), .kind = KZ_RK_NOTE,
	  .off = S(notes), .max = 4000,
	  .hint = N_("Anything else worth knowing") },
	{ .name = "revision", .column = "revision", .csv = "revision",
	  .label = N_("revision"), .kind = KZ_RK_INT, .off = S(revision),
	  .min = 0, .max = 1000000 },
	KZ_RF_STAMPS(struct kz_dispatch, , "created", "updated"),
};

#undef S
#undef A

KZ_RTYPE(kz_dispatch_type, N_("dispatch"), KZ_T_DISPATCH, dispatch_fields);

void
kz_dispatch_init(struct kz_dispatch *d)
{
	memset(d, 0, sizeof *d);
}

void
kz_dispatch_free(struct kz_dispatch *d)
{
	kz_rtype_free(&kz_dispatch_type, d);
	kz_dispatch_init(d);
}

int
kz_dispatch_resolve(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	return kz_record_resolve(db, KZ_T_DISPATCH, typed, id, err);
}

/* ---- rules ---- */

static long
length_days(const struct kz_dispatch *d)
{
	return kz_date_days(d->end) - kz_date_days(d->start) + 1;
}

/* The request must exist and still want people. */
static void
check_request(struct kz_db *db, const struct kz_dispatch *d,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	const char *status;

	if (sqlite3_prepare_v2(db->sql, "SELECT status FROM request WHERE "
	    "id = ?", -1, &st, NULL) != SQLITE_OK) {
		kz_db_fail(db, err, "request");
		return;
	}
	sqlite3_bind_text(st, 1, d->request, -1, SQLITE_STATIC);
	/* a missing one is the table's check */
	if (sqlite3_step(st) == SQLITE_ROW && (status = (const char *)sqlite3_column_text(st, 0)) &&
	    (strcmp(status, "closed") == 0 || strcmp(status, "declined") == 0 ||
	    strcmp(status, "withdrawn") == 0))
		kz_err_add(err, "request", _("request %s is %s: reopen it "
		    "before proposing a specialist"), d->request, status);
	sqlite3_finalize(st);
}

/* Another dispatch of the same specialist over any of the same days. */
static void
check_overlap(struct kz_db *db, const struct kz_dispatch *d,
    struct kz_err *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->sql, "SELECT d.id, d.start, d.end, d.state, "
	    "r.country, ifnull(r.province, ''), ifnull(r.city, '') FROM "
	    "dispatch d JOIN request r ON r.id = d.request WHERE "
	    "d.specialist = ?1 AND d.id <> ?2 AND d.state <> 'cancelled' AND "
	    "d.start <= ?4 AND d.end >= ?3 ORDER BY d.start", -1, &st, NULL) !=
	    SQLITE_OK) {
		kz_db_fail(db, err, "dispatch");
		return;
	}
	sqlite3_bind_text(st, 1, d->specialist, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->end, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char place[256];

		kz_request_place((const char *)sqlite3_column_text(st, 5),
		    (const char *)sqlite3_column_text(st, 6), NULL, place,
		    sizeof place);
		kz_err_add(err, "dates", _("specialist %s is on dispatch %s "
		    "(%s..%s, %s %s, %s) over the same days"), d->specialist,
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
		    sqlite3_column_text(st, 2), sqlite3_column_text(st, 4), place,
		    kz_enum_label(&kz_dispatch_state_enum, kz_enum_parse(
		    &kz_dispatch_state_enum, (const char *)sqlite3_column_text(
		    st, 3))));
	}
	sqlite3_finalize(st);
}

/* A declared unavailability: a warning the person must confirm, or with
 * note, a part of the history note saying it was confirmed. */
static void
check_unavail(struct kz_db *db, const struct kz_dispatch *d,
    struct kz_err *err, struct kz_buf *note)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->sql, "SELECT start, end, ifnull(reason, '') "
	    "FROM specialist_unavail WHERE specialist = ?1 AND start <= ?3 AND "
	    "end >= ?2 ORDER BY start", -1, &st, NULL) != SQLITE_OK) {
		kz_db_fail(db, err, "specialist");
		return;
	}
	sqlite3_bind_text(st, 1, d->specialist, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->end, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *from = (const char *)sqlite3_column_text(st, 0);
		const char *to = (const char *)sqlite3_column_text(st, 1);
		const char *why = (const char *)sqlite3_column_text(st, 2);

		if (note && *why)
			kz_note_add(note, KZ_NOTE_UNAVAIL_WHY, from, to, why);
		else if (note)
			kz_note_add(note, KZ_NOTE_UNAVAIL, from, to);
		else if (*why)
			kz_err_add(err, KZ_DSP_CONFIRM, _("specialist %s "
			    "declared themselves unavailable %s..%s (%s): "
			    "confirm to go on"), d->specialist, from, to, why);
		else
			kz_err_add(err, KZ_DSP_CONFIRM, _("specialist %s "
			    "declared themselves unavailable %s..%s: confirm "
			    "to go on"), d->specialist, from, to);
	}
	sqlite3_finalize(st);
}

/*
 * Longer than the office's rule allows without an override? The rule is
 * in calendar months (a dispatch of 3 months ends before the same day 3
 * months after it starts, the last day of a shorter month when there is
 * no such day: 1 May to 31 July, 31 January to 29 April), or in days
 * when dispatch.max_days says so. The rule is said into rule.
 */
static bool
too_long(const struct kz_db *db, const struct kz_dispatch *d, char *rule,
    size_t size)
{
	int days = db->cfg ? db->cfg->dispatch_max_days : 0;
	int months = db->cfg && db->cfg->dispatch_max_months > 0 ?
	    db->cfg->dispatch_max_months : 3;
	long y;
	int m, dd;

	if (days > 0) {
		snprintf(rule, size, _("%d days (dispatch.max_days)"), days);
		return length_days(d) > days;
	}
	snprintf(rule, size, _("%d months (dispatch.max_months)"), months);
	kz_date_split(kz_date_days(d->start), &y, &m, &dd);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	if (dd > kz_date_month_days(y, m))
		dd = kz_date_month_days(y, m);
	return kz_date_days(d->end) >= kz_date_civil(y, m, dd);
}

int
kz_dispatch_check(struct kz_db *db, const struct kz_dispatch *d,
    bool confirmed, struct kz_err *err)
{
	int before = err->n + err->dropped;
	bool dates = true;
	char rule[80];

	kz_rtype_check(&kz_dispatch_type, db, d, err);
	if (d->request[0])
		check_request(db, d, err);
	dates = kz_date_valid(d->start) && kz_date_valid(d->end);
	if (dates && strcmp(d->end, d->start) < 0) {
		kz_err_add(err, "end", _("the dispatch ends (%s) before it "
		    "starts (%s)"), d->end, d->start);
		dates = false;
	}
	if (dates && too_long(db, d, rule, sizeof rule) &&
	    (d->override_reason == NULL || *d->override_reason == '\0'))
		kz_err_add(err, "override", _("%s..%s (%ld days) is longer than "
		    "the longest dispatch of %s: state a reason to override"),
		    d->start, d->end, length_days(d), rule);
	if (dates && d->specialist[0] && d->state != KZ_DSP_CANCELLED) {
		check_overlap(db, d, err);
		if (!confirmed)
			check_unavail(db, d, err, NULL);
	}
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

bool
kz_dispatch_only_warnings(const struct kz_err *err)
{
	if (err->n == 0 || err->dropped)
		return false;
	for (int i = 0; i < err->n; i++)
		if (strcmp(err->item[i].where, KZ_DSP_CONFIRM) != 0)
			return false;
	return true;
}

/* ---- storage ---- */

/* The row; a change of state also writes the state, which an edit
 * leaves alone (KZ_RF_STATE). */
static int
write_main(struct kz_db *db, const struct kz_dispatch *d, bool insert,
    bool state, const char *seen, struct kz_err *err)
{
	const char *v[2] = { kz_enum_keyword(&kz_dispatch_state_enum,
	    (int)d->state), d->id };
	int rc;

	if (insert)
		return kz_rtype_insert(db, &kz_dispatch_type, d, err);
	if ((rc = kz_rtype_update_if(db, &kz_dispatch_type, d, seen, err)))
		return rc;
	return state ? kz_sql_run(db, err, "UPDATE dispatch SET state = ? "
	    "WHERE id = ?", 2, v) : KZ_OK;
}

static int
stamp(struct kz_db *db, struct kz_dispatch *d, bool insert, struct kz_err *err)
{
	if (insert) {
		if (!d->created[0])
			kz_now_utc(d->created);
		if (!d->updated[0])
			memcpy(d->updated, d->created, sizeof d->updated);
		if (!d->created_by && kz_str_set(&d->created_by,
		    kz_record_user(db)))
			return kz_err_add(err, "", _("out of memory"));
		if (!d->updated_by && kz_str_set(&d->updated_by, d->created_by))
			return kz_err_add(err, "", _("out of memory"));
		return KZ_OK;
	}
	kz_stamp_next(d->updated);
	d->revision++;
	if (kz_str_set(&d->updated_by, kz_record_user(db)))
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

/* The unavailabilities a person confirmed, for the history. */
static void
confirmed_note(struct kz_db *db, const struct kz_dispatch *d,
    struct kz_buf *note)
{
	struct kz_err ignore = { 0 };

	check_unavail(db, d, &ignore, note);
}

static int
request_country(struct kz_db *db, const char *request, char out[3])
{
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db->sql, "SELECT country FROM request WHERE "
	    "id = ?", -1, &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, request, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		kz_col_copy(st, 0, out, 3);
	sqlite3_finalize(st);
	return KZ_OK;
}

static int
request_status(struct kz_db *db, const char *request)
{
	sqlite3_stmt *st;
	int s = -1;

	if (sqlite3_prepare_v2(db->sql, "SELECT status FROM request WHERE "
	    "id = ?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, request, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		s = kz_lifecycle_parse(&kz_request_lc,
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

/* Move the request along when one of its dispatches does. */
static int
advance_request(struct kz_db *db, const char *request, int from, int to,
    const char *dispatch, const char *at, const char *day,
    struct kz_err *err)
{
	struct kz_buf note = { 0 };
	int rc;

	if (request_status(db, request) != from &&
	    !(from == KZ_REQ_RECEIVED && request_status(db, request) ==
	    KZ_REQ_MATCHING))
		return KZ_OK;
	kz_note_add(&note, to == KZ_REQ_PROPOSED ? KZ_NOTE_DSP_PROPOSED :
	    KZ_NOTE_DSP_SIGNED, dispatch);
	rc = kz_request_set_status_on(db, request, (enum kz_request_status)to,
	    kz_buf_str(&note), at, day, NULL, err);
	kz_buf_free(&note);
	return rc;
}

/* The day a change is recorded: `at`'s when the caller gives it (the
 * demo replaying history), else today where the office is. */
static void
recorded_day(struct kz_db *db, const char *at, char out[11])
{
	struct kz_err none = { 0 };

	kz_rfield_day(db->cfg, NULL, at, out, &none);
}

/* More people proposed (not cancelled) than the request asks for. */
static void
warn_wanted(struct kz_db *db, const struct kz_dispatch *d,
    struct kz_err *warn)
{
	sqlite3_stmt *st;
	int wanted = 0, n = 0;

	if (sqlite3_prepare_v2(db->sql, "SELECT r.wanted, (SELECT count(*) "
	    "FROM dispatch x WHERE x.request = r.id AND x.state <> "
	    "'cancelled') FROM request r WHERE r.id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, d->request, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		wanted = sqlite3_column_int(st, 0);
		n = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (wanted > 0 && n > wanted)
		kz_err_add(warn, "request", ngettext("request %s asks for %d "
		    "specialist and now has %d dispatches", "request %s asks "
		    "for %d specialists and now has %d dispatches",
		    (unsigned long)wanted), d->request, wanted, n);
}

static void
canonical_ids(struct kz_db *db, struct kz_dispatch *d)
{
	char id[KZ_ID_SIZE];
	struct kz_err ignore = { 0 };

	/* what a person typed becomes the stored id; a wrong one is
	 * reported by the check */
	if (d->request[0] && kz_request_resolve(db, d->request, id,
	    &ignore) == KZ_OK)
		memcpy(d->request, id, sizeof id);
	if (d->specialist[0] && kz_record_resolve(db, KZ_T_SPECIALIST,
	    d->specialist, id, &ignore) == KZ_OK)
		memcpy(d->specialist, id, sizeof id);
}

int
kz_dispatch_insert(struct kz_db *db, struct kz_dispatch *d,
    const struct kz_dispatch_opts *o, struct kz_err *err)
{
	struct kz_dispatch_opts none = { 0 };
	struct kz_buf note = { 0 };
	char country[3], rule[80], day[11];
	int rc = KZ_ERROR;

	if (o == NULL)
		o = &none;
	canonical_ids(db, d);
	if (kz_dispatch_check(db, d, o->confirmed, err))
		return KZ_ERROR;
	if (kz_record_assign_id(db, KZ_T_DISPATCH, d->id, err))
		return KZ_ERROR;
	if (stamp(db, d, true, err))
		return KZ_ERROR;
	kz_note_add(&note, KZ_NOTE_PROPOSED);
	if (d->override_reason && too_long(db, d, rule, sizeof rule))
		kz_note_add(&note, KZ_NOTE_LONGER, d->override_reason);
	if (o->confirmed)
		confirmed_note(db, d, &note);
	request_country(db, d->request, country);
	recorded_day(db, o->at, day);
	if (kz_db_begin(db, err) == KZ_OK) {
		if (write_main(db, d, true, false, NULL, err) ||
		    kz_event_add(db, &kz_dispatch_lc, "dispatch_event",
		    "dispatch", d->id, -1, d->state, kz_buf_str(&note),
		    o->at ? o->at : d->created, day, err) ||
		    kz_cost_seed(db, d->id, country, err) ||
		    (d->state != KZ_DSP_CANCELLED && advance_request(db,
		    d->request, KZ_REQ_RECEIVED, KZ_REQ_PROPOSED, d->id, o->at,
		    day, err)))
			kz_db_rollback(db);
		else
			rc = kz_db_commit(db, err);
	}
	if (rc == KZ_OK && o->warn && d->state != KZ_DSP_CANCELLED)
		warn_wanted(db, d, o->warn);
	kz_buf_free(&note);
	return rc;
}

int
kz_dispatch_update(struct kz_db *db, struct kz_dispatch *d,
    const struct kz_dispatch_opts *o, struct kz_err *err)
{
	struct kz_dispatch_opts none = { 0 };
	struct kz_dispatch old;
	struct kz_buf note = { 0 };
	char seen[sizeof d->updated];
	int rc = KZ_ERROR;
	bool moved;

	if (o == NULL)
		o = &none;
	if (kz_dispatch_get(db, d->id, &old, err))
		return KZ_ERROR;
	canonical_ids(db, d);
	/* State and agreement change only through set_state. */
	d->state = old.state;
	memcpy(d->agreement_date, old.agreement_date, sizeof d->agreement_date);
	kz_str_set(&d->agreement_ref, old.agreement_ref);
	kz_str_set(&d->cancel_reason, old.cancel_reason);
	d->revision = old.revision;
	if (old.state != KZ_DSP_PROPOSED && (strcmp(old.specialist,
	    d->specialist) != 0 || strcmp(old.request, d->request) != 0)) {
		kz_err_add(err, "specialist", _("dispatch %s is %s: its "
		    "specialist and request can change only while it is "
		    "proposed (cancel it and propose another)"), d->id,
		    kz_lifecycle_name(&kz_dispatch_lc, old.state));
		kz_dispatch_free(&old);
		return KZ_ERROR;
	}
	if (old.state == KZ_DSP_CANCELLED || old.state == KZ_DSP_REPORTED) {
		kz_err_add(err, "id", _("dispatch %s is %s: it is history "
		    "and no longer changes"), d->id,
		    kz_lifecycle_name(&kz_dispatch_lc, old.state));
		kz_dispatch_free(&old);
		return KZ_ERROR;
	}
	moved = strcmp(old.start, d->start) != 0 ||
	    strcmp(old.end, d->end) != 0 ||
	    strcmp(old.specialist, d->specialist) != 0;
	/* Confirmation is asked again only when the days or the person
	 * changed. */
	if (kz_dispatch_check(db, d, o->confirmed || !moved, err)) {
		kz_dispatch_free(&old);
		return KZ_ERROR;
	}
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, d->updated, sizeof seen);
	if (stamp(db, d, false, err)) {
		kz_dispatch_free(&old);
		return KZ_ERROR;
	}
	if (strcmp(old.start, d->start) != 0 || strcmp(old.end, d->end) != 0)
		kz_note_add(&note, KZ_NOTE_DATES, old.start, old.end,
		    d->start, d->end);
	if (strcmp(old.specialist, d->specialist) != 0)
		kz_note_add(&note, KZ_NOTE_SPECIALIST);
	if (d->override_reason && (old.override_reason == NULL ||
	    strcmp(old.override_reason, d->override_reason) != 0))
		kz_note_add(&note, KZ_NOTE_OVERRIDE, d->override_reason);
	if (o->confirmed && moved)
		confirmed_note(db, d, &note);
	if (kz_db_begin(db, err) == KZ_OK) {
		if ((rc = write_main(db, d, false, false, seen, err)) ||
		    (note.len > 0 && kz_event_add(db, &kz_dispatch_lc,
		    "dispatch_event", "dispatch", d->id, d->state, d->state,
		    kz_buf_str(&note), o->at, NULL, err))) {
			kz_db_rollback(db);
			memcpy(d->updated, seen, sizeof seen);
			if (rc != KZ_STALE)
				rc = KZ_ERROR;
		} else
			rc = kz_db_commit(db, err);
	}
	kz_buf_free(&note);
	kz_dispatch_free(&old);
	return rc;
}

/* Only a proposed dispatch goes; d is read either way. */
static int
delete_check(struct kz_db *db, const char *typed, struct kz_dispatch *d,
    struct kz_err *err)
{
	if (kz_dispatch_get(db, typed, d, err))
		return KZ_ERROR;
	if (d->state != KZ_DSP_PROPOSED) {
		kz_err_add(err, "id", _("dispatch %s is %s: only a proposed "
		    "dispatch can be deleted; cancel it with a reason instead"),
		    d->id, kz_lifecycle_name(&kz_dispatch_lc, d->state));
		kz_dispatch_free(d);
		return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_dispatch_delete_check(struct kz_db *db, const char *typed,
    struct kz_err *err)
{
	struct kz_dispatch d;

	if (delete_check(db, typed, &d, err))
		return KZ_ERROR;
	kz_dispatch_free(&d);
	return KZ_OK;
}

int
kz_dispatch_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	struct kz_dispatch d;
	const char *v[1];

	/* checked in the transaction that deletes */
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (delete_check(db, typed, &d, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	v[0] = d.id;
	if (kz_sql_run(db, err, "DELETE FROM dispatch WHERE id = ?", 1, v)) {
		kz_db_rollback(db);
		kz_dispatch_free(&d);
		return KZ_ERROR;
	}
	kz_dispatch_free(&d);
	return kz_db_commit(db, err);
}

int
kz_dispatch_get(struct kz_db *db, const char *typed, struct kz_dispatch *d,
    struct kz_err *err)
{
	char id[KZ_ID_SIZE];

	kz_dispatch_init(d);
	if (kz_dispatch_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (kz_rtype_read(db, &kz_dispatch_type, id, d, err)) {
		kz_dispatch_free(d);
		return KZ_ERROR;
	}
	return KZ_OK;
}

/* What a move needs besides the table's permission. */
static int
check_change(const struct kz_dispatch *d, const struct kz_dispatch_change *c,
    struct kz_err *err)
{
	int before = err->n + err->dropped;
	char next[200];

	if (c->to < 0 || c->to >= KZ_DSP_NSTATES)
		return kz_err_add(err, "state", _("unknown state"));
	if (c->to == KZ_DSP_UNDERWAY && (d->state == KZ_DSP_PROPOSED ||
	    d->state == KZ_DSP_DRAFTED))
		return kz_err_add(err, "state", _("dispatch %s cannot leave "
		    "before its agreement is signed (it is %s): sign it first"),
		    d->id, kz_lifecycle_name(&kz_dispatch_lc, d->state));
	if (!kz_lifecycle_allowed(&kz_dispatch_lc, d->state, c->to)) {
		kz_lifecycle_next_text(&kz_dispatch_lc, d->state, next, sizeof next);
		return kz_err_add(err, "state", _("dispatch %s is %s and cannot "
		    "become %s (from %s it can go to: %s)"), d->id,
		    kz_lifecycle_shown(&kz_dispatch_lc, d->state),
		    kz_lifecycle_shown(&kz_dispatch_lc, c->to),
		    kz_lifecycle_shown(&kz_dispatch_lc, d->state), next);
	}
	if (c->to == KZ_DSP_SIGNED) {
		if (c->ref == NULL || *c->ref == '\0')
			kz_err_add(err, "ref", _("signing needs the agreement's "
			    "reference"));
		else
			kz_check_text(err, "ref", _("reference"), c->ref,
			    100, KZ_TEXT_REQUIRED);
	}
	if (c->to == KZ_DSP_CANCELLED &&
	    kz_check_text(err, "reason", _("reason"), c->reason, 500,
	    KZ_TEXT_REQUIRED) && c->reason == NULL)
		kz_err_add(err, "reason", _("cancelling needs a reason"));
	kz_check_text(err, "note", _("note"), c->note, 1000, KZ_TEXT_MULTILINE);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

/* The latest day the dispatch went to a state, "" if none is known. */
static void
state_day(struct kz_db *db, const char *id, enum kz_dispatch_state s,
    char out[11])
{
	struct kz_err ignore = { 0 };

	if (kz_event_day(db, &kz_dispatch_lc, "dispatch_event", "dispatch",
	    id, (int)s, out, &ignore) || !kz_date_valid(out))
		out[0] = '\0';
}

static int
check_day_at(struct kz_db *db, const struct kz_dispatch *d,
    enum kz_dispatch_state to, const char *day, const char *recorded,
    struct kz_err *err, struct kz_err *warn)
{
	int before = err->n + err->dropped;
	char left[11], back[11], last[11] = "";
	struct kz_err none = { 0 };

	if (warn == NULL)
		warn = &none;
	if (strcmp(day, recorded) > 0)
		kz_err_add(err, "date", _("%s is after today (%s): a change "
		    "is recorded once it has happened"), day, recorded);
	state_day(db, d->id, KZ_DSP_UNDERWAY, left);
	state_day(db, d->id, KZ_DSP_RETURNED, back);
	switch (to) {
	case KZ_DSP_SIGNED:
		if (strcmp(day, d->start) > 0)
			kz_err_add(err, "date", _("the agreement of dispatch "
			    "%s is dated %s, after the dispatch starts (%s): "
			    "nobody leaves before the agreement is signed"),
			    d->id, day, d->start);
		break;
	case KZ_DSP_UNDERWAY:
		if (kz_date_valid(d->agreement_date) &&
		    strcmp(day, d->agreement_date) < 0)
			kz_err_add(err, "date", _("dispatch %s cannot leave on "
			    "%s, before its agreement is dated (%s)"), d->id,
			    day, d->agreement_date);
		else if (strcmp(day, d->start) < 0 || strcmp(day, d->end) > 0)
			kz_err_add(err, "date", _("dispatch %s is planned for "
			    "%s..%s: it cannot leave on %s (edit its dates "
			    "first if they changed)"), d->id, d->start, d->end,
			    day);
		else if (strcmp(day, d->start) != 0)
			kz_err_add(warn, "date", _("dispatch %s left on %s, not "
			    "on its first day %s"), d->id, day, d->start);
		break;
	case KZ_DSP_RETURNED:
		if (left[0] && strcmp(day, left) < 0)
			kz_err_add(err, "date", _("dispatch %s cannot come back "
			    "on %s, before it left (%s)"), d->id, day, left);
		else if (strcmp(day, d->end) != 0)
			kz_err_add(warn, "date", _("dispatch %s came back on %s, "
			    "not on its last day %s"), d->id, day, d->end);
		break;
	case KZ_DSP_REPORTED:
		if (back[0] && strcmp(day, back) < 0)
			kz_err_add(err, "date", _("the report of dispatch %s "
			    "cannot be received on %s, before the specialist "
			    "came back (%s)"), d->id, day, back);
		break;
	case KZ_DSP_CANCELLED:
		/* the last of the days it has: signed, left, came back */
		if (kz_date_valid(d->agreement_date))
			memcpy(last, d->agreement_date, sizeof last);
		if (left[0] && strcmp(left, last) > 0)
			memcpy(last, left, sizeof last);
		if (back[0] && strcmp(back, last) > 0)
			memcpy(last, back, sizeof last);
		if (last[0] && strcmp(day, last) < 0)
			kz_err_add(err, "date", _("dispatch %s cannot be "
			    "cancelled on %s, before the last day it changed "
			    "(%s)"), d->id, day, last);
		break;
	default:
		break;
	}
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

int
kz_dispatch_check_day(struct kz_db *db, const struct kz_dispatch *d,
    enum kz_dispatch_state to, const char *day, const char *at,
    struct kz_err *err, struct kz_err *warn)
{
	char recorded[11];

	recorded_day(db, at, recorded);
	return check_day_at(db, d, to, day, recorded, err, warn);
}

int
kz_dispatch_check_state(struct kz_db *db, const char *typed,
    const struct kz_dispatch_change *c, struct kz_err *err)
{
	struct kz_dispatch d;
	struct kz_err warn = { 0 };
	char day[11];
	int rc;

	if (kz_dispatch_get(db, typed, &d, err))
		return KZ_ERROR;
	/* what kz_dispatch_set_state refuses, its day's rules too, so that
	 * nobody is asked about a step that cannot be taken */
	rc = kz_rfield_day(db->cfg, c->date, c->at, day, err) ||
	    check_change(&d, c, err) ||
	    kz_dispatch_check_day(db, &d, c->to, day, c->at, err, &warn) ?
	    KZ_ERROR : KZ_OK;
	kz_dispatch_free(&d);
	return rc;
}

int
kz_dispatch_set_state(struct kz_db *db, const char *typed,
    const struct kz_dispatch_change *asked, struct kz_err *err)
{
	struct kz_dispatch_change cc = *asked;
	const struct kz_dispatch_change *c = &cc;
	struct kz_dispatch d;
	struct kz_buf note = { 0 };
	struct kz_err warn = { 0 };
	int from, rc = KZ_ERROR;
	char day[11];

	/* read and checked in the transaction that writes: another program
	 * (a sync import, a second screen) cannot move it in between */
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (kz_dispatch_get(db, typed, &d, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	if (kz_rfield_day(db->cfg, c->date, c->at, day, err) ||
	    check_change(&d, c, err) ||
	    kz_dispatch_check_day(db, &d, c->to, day, c->at, err, &warn))
		goto fail;
	from = d.state;
	d.state = c->to;
	if (c->to == KZ_DSP_SIGNED) {
		snprintf(d.agreement_date, sizeof d.agreement_date, "%s", day);
		kz_str_set(&d.agreement_ref, c->ref);
		kz_note_add(&note, KZ_NOTE_AGREEMENT, day, c->ref);
	}
	if (c->to == KZ_DSP_CANCELLED) {
		kz_str_set(&d.cancel_reason, c->reason);
		kz_note_add_text(&note, c->reason);
	}
	kz_note_add_text(&note, c->note);
	if (stamp(db, &d, false, err) ||
	    write_main(db, &d, false, true, NULL, err) ||
	    kz_event_add(db, &kz_dispatch_lc, "dispatch_event", "dispatch",
	    d.id, from, c->to, kz_buf_str(&note), c->at, day, err) ||
	    (c->to == KZ_DSP_SIGNED && advance_request(db, d.request,
	    KZ_REQ_PROPOSED, KZ_REQ_AGREED, d.id, c->at, day, err)))
		goto fail;
	rc = kz_db_commit(db, err);
	goto out;
fail:
	kz_db_rollback(db);
out:
	/* told only once the change is made */
	for (int i = 0; rc == KZ_OK && c->warn && i < warn.n; i++)
		kz_err_add(c->warn, warn.item[i].where, "%s",
		    warn.item[i].msg);
	kz_buf_free(&note);
	kz_dispatch_free(&d);
	return rc;
}

int
kz_dispatch_history(struct kz_db *db, const char *id, struct kz_events *out,
    struct kz_err *err)
{
	return kz_events_load(db, &kz_dispatch_lc, "dispatch_event",
	    "dispatch", id, out, err);
}

/* ---- lists ---- */

void
kz_dispatch_query_init(struct kz_dispatch_query *q)
{
	memset(q, 0, sizeof *q);
	q->state = -1;
}

/* What a row holds, let go of. */
static void
row_free(struct kz_dispatch_row *r)
{
	free(r->name);
	free(r->name_roman);
	free(r->places);
	free(r->host);
	free(r->topic);
	free(r->fields);
	memset(r, 0, sizeof *r);
}

void
kz_dispatch_rows_free(struct kz_dispatch_rows *l)
{
	for (size_t i = 0; i < l->n; i++)
		row_free(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

#define MAX_WORDS 8

/* kz_dispatch_list's step: the row taken into the list. */
static int
list_step(void *arg, struct kz_dispatch_row *r, struct kz_err *err)
{
	struct kz_dispatch_rows *out = arg;
	struct kz_dispatch_row *p;

	/* room for 64, then doubled at each power of two */
	if (out->n == 0 || (out->n >= 64 && (out->n & (out->n - 1)) == 0)) {
		if ((p = realloc(out->rows, (out->n ? out->n * 2 : 64) *
		    sizeof *p)) == NULL)
			return kz_err_add(err, "", _("out of memory"));
		out->rows = p;
	}
	out->rows[out->n++] = *r;
	memset(r, 0, sizeof *r);
	return KZ_OK;
}

int
kz_dispatch_list(struct kz_db *db, const struct kz_dispatch_query *q,
    bool oldest_first, struct kz_dispatch_rows *out, struct kz_err *err)
{
	out->rows = NULL;
	out->n = 0;
	if (kz_dispatch_each(db, q, oldest_first, list_step, out, err) ==
	    KZ_OK)
		return KZ_OK;
	kz_dispatch_rows_free(out);
	return KZ_ERROR;
}

int
kz_dispatch_each(struct kz_db *db, const struct kz_dispatch_query *q,
    bool oldest_first, int (*step)(void *arg, struct kz_dispatch_row *r,
    struct kz_err *err), void *arg, struct kz_err *err)
{
	struct kz_buf sql = { 0 };
	const char *binds[MAX_WORDS + 12];
	char words[MAX_WORDS][128];
	int nb = 0, nw = 0, rc, stop = KZ_OK;
	sqlite3_stmt *st;

	kz_buf_puts(&sql, "SELECT d.id, d.request, d.specialist, s.name, "
	    "s.name_roman, d.start, d.end, d.places, d.mode, d.state, r.country, "
	    "r.province, r.city, r.department, r.topic, (SELECT "
	    "group_concat(field, ',') FROM (SELECT field FROM request_field f "
	    "WHERE f.request = r.id ORDER BY pos)), d.updated FROM dispatch d "
	    "JOIN specialist s ON s.id = d.specialist JOIN request r ON "
	    "r.id = d.request WHERE 1");
	if (q->state >= 0 && q->state < KZ_DSP_NSTATES) {
		kz_buf_puts(&sql, " AND d.state = ?");
		binds[nb++] = kz_lifecycle_keyword(&kz_dispatch_lc, q->state);
	} else if (q->state == -2)
		kz_buf_puts(&sql, " AND d.state <> 'cancelled'");
	if (q->specialist && *q->specialist) {
		kz_buf_puts(&sql, " AND d.specialist = ?");
		binds[nb++] = q->specialist;
	}
	if (q->request && *q->request) {
		kz_buf_puts(&sql, " AND d.request = ?");
		binds[nb++] = q->request;
	}
	if (q->to && *q->to) {
		kz_buf_puts(&sql, " AND d.start <= ?");
		binds[nb++] = q->to;
	}
	if (q->from && *q->from) {
		kz_buf_puts(&sql, " AND d.end >= ?");
		binds[nb++] = q->from;
	}
	for (const char *p = q->text; p && *p && nw < MAX_WORDS;) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n == 0)
			break;
		snprintf(words[nw], sizeof words[nw], "%.*s", (int)n, p);
		kz_buf_puts(&sql, " AND instr(kz_fold(d.id || ' ' || s.name || ' ' "
		    "|| s.name_roman || ' ' || ifnull(d.places, '') || ' ' || "
		    "r.country || ' ' || ifnull(r.province, '') || ' ' || "
		    "ifnull(r.city, '') || ' ' || r.topic || ' ' || d.state || ' ' "
		    "|| d.start), kz_fold(?)) > 0");
		binds[nb++] = words[nw++];
		p += n;
	}
	if (q->sort && *q->sort) {
		kz_buf_puts(&sql, " ORDER BY ");
		if (kz_rlist_order(&kz_rlist_dispatches, q->sort, &sql, err)) {
			kz_buf_free(&sql);
			return KZ_ERROR;
		}
	} else
		kz_buf_puts(&sql, oldest_first ? " ORDER BY d.start, d.end, "
		    "d.id" : " ORDER BY d.start DESC, d.end DESC, d.id");
	if (sql.oom) {
		kz_buf_free(&sql);
		return kz_err_add(err, "", _("out of memory"));
	}
	if (sqlite3_prepare_v2(db->sql, sql.s, -1, &st, NULL) != SQLITE_OK) {
		kz_buf_free(&sql);
		return kz_db_fail(db, err, "dispatch list");
	}
	kz_buf_free(&sql);
	for (int i = 0; i < nb; i++)
		sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_dispatch_row row, *r = &row;
		char host[512];
		int s;

		memset(r, 0, sizeof *r);
		kz_col_copy(st, 0, r->id, sizeof r->id);
		kz_col_copy(st, 1, r->request, sizeof r->request);
		kz_col_copy(st, 2, r->specialist, sizeof r->specialist);
		r->name = kz_col_dup(st, 3);
		r->name_roman = kz_col_dup(st, 4);
		kz_col_copy(st, 5, r->start, sizeof r->start);
		kz_col_copy(st, 6, r->end, sizeof r->end);
		r->places = kz_col_dup(st, 7);
		r->mode = kz_mode_parse((const char *)sqlite3_column_text(st,
		    8)) == KZ_ONLINE ? KZ_ONLINE : KZ_ONSITE;
		s = kz_lifecycle_parse(&kz_dispatch_lc,
		    (const char *)sqlite3_column_text(st, 9));
		r->state = s < 0 ? KZ_DSP_PROPOSED : (enum kz_dispatch_state)s;
		kz_col_copy(st, 10, r->country, sizeof r->country);
		kz_request_place((const char *)sqlite3_column_text(st, 11),
		    (const char *)sqlite3_column_text(st, 12),
		    (const char *)sqlite3_column_text(st, 13), host,
		    sizeof host);
		r->host = strdup(host);
		r->topic = kz_col_dup(st, 14);
		r->fields = kz_col_dup(st, 15);
		kz_col_copy(st, 16, r->updated, sizeof r->updated);
		if (r->host == NULL) {
			row_free(r);
			rc = SQLITE_NOMEM;
			break;
		}
		/* a row at a time: the list held is the step's to keep */
		stop = step(arg, r, err);
		row_free(r);
		if (stop != KZ_OK)
			break;
	}
	sqlite3_finalize(st);
	if (stop != KZ_OK)
		return KZ_ERROR;
	if (rc != SQLITE_DONE)
		return rc == SQLITE_NOMEM ? kz_err_add(err, "", _("out of "
		    "memory")) : kz_db_fail(db, err, "dispatch list");
	return KZ_OK;
}
