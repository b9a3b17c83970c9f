/* request.c - requests from overseas governments: rules, storage, status, lists. */
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "country.h"
#include "date.h"
#include "stamp.h"
#include "record.h"
#include "i18n.h"
#include "note.h"
#include "specialist.h"
#include "text.h"

static const char *const req_keywords[KZ_REQ_NSTATUS] = {
	"received", "matching", "proposed", "agreed", "closed", "declined",
	"withdrawn",
};
/* "received" is also a date's label, "withdrawn" a trainee's status:
 * other languages say them differently */
static const char *const req_names[KZ_REQ_NSTATUS] = {
	NC_("request status", "received"), N_("matching"),
	N_("proposed to host"), N_("agreed"), N_("closed"), N_("declined"),
	NC_("request status", "withdrawn"),
};

/*
 * The moves a request may make. A proposal the host turns down goes back
 * to matching; a declined or withdrawn request may be reopened, a closed
 * one may not (its dispatches are done).
 */
static const signed char req_moves[][2] = {
	{ KZ_REQ_RECEIVED, KZ_REQ_MATCHING },
	{ KZ_REQ_RECEIVED, KZ_REQ_PROPOSED },
	{ KZ_REQ_RECEIVED, KZ_REQ_DECLINED },
	{ KZ_REQ_RECEIVED, KZ_REQ_WITHDRAWN },
	{ KZ_REQ_MATCHING, KZ_REQ_PROPOSED },
	{ KZ_REQ_MATCHING, KZ_REQ_DECLINED },
	{ KZ_REQ_MATCHING, KZ_REQ_WITHDRAWN },
	{ KZ_REQ_PROPOSED, KZ_REQ_AGREED },
	{ KZ_REQ_PROPOSED, KZ_REQ_MATCHING },
	{ KZ_REQ_PROPOSED, KZ_REQ_DECLINED },
	{ KZ_REQ_PROPOSED, KZ_REQ_WITHDRAWN },
	{ KZ_REQ_AGREED, KZ_REQ_CLOSED },
	{ KZ_REQ_AGREED, KZ_REQ_WITHDRAWN },
	{ KZ_REQ_DECLINED, KZ_REQ_RECEIVED },
	{ KZ_REQ_WITHDRAWN, KZ_REQ_RECEIVED },
	{ -1, -1 },
};

const struct kz_lifecycle kz_request_lc = {
	req_keywords, req_names, KZ_REQ_NSTATUS, req_moves,
};

static const char *const mode_keywords[] = { "onsite", "online" };
static const char *const mode_names[] = { N_("on site"), N_("online") };
static const char *const interp_keywords[] = { "none", "host", "office" };
static const char *const interp_names[] = { N_("none"), N_("by the host"),
    N_("by the office") };

const char *
kz_mode_keyword(enum kz_mode m)
{
	return mode_keywords[m == KZ_ONLINE];
}

const char *
kz_mode_name(enum kz_mode m)
{
	return _(mode_names[m == KZ_ONLINE]);
}

int
kz_mode_parse(const char *s)
{
	for (int i = 0; s && i < 2; i++)
		if (strcmp(s, mode_keywords[i]) == 0)
			return i;
	return -1;
}

const char *
kz_interp_keyword(enum kz_interp i)
{
	return i >= 0 && i <= KZ_INTERP_OFFICE ? interp_keywords[i] : "?";
}

const char *
kz_interp_name(enum kz_interp i)
{
	return i >= 0 && i <= KZ_INTERP_OFFICE ? _(interp_names[i]) : "?";
}

int
kz_interp_parse(const char *s)
{
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, interp_keywords[i]) == 0)
			return i;
	return -1;
}

/* ---- the record ---- */

void
kz_request_init(struct kz_request *r)
{
	memset(r, 0, sizeof *r);
	r->wanted = 1;
}

static void
clear_fields(struct kz_request *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	free(r->fields);
	r->fields = NULL;
	r->nfields = 0;
}

void
kz_request_free(struct kz_request *r)
{
	clear_fields(r);
	free(r->province);
	free(r->city);
	free(r->department);
	free(r->topic);
	free(r->language);
	free(r->notes);
	free(r->created_by);
	free(r->updated_by);
	kz_request_init(r);
}

static int
add_field(struct kz_request *r, const char *code)
{
	char **p = realloc(r->fields, (r->nfields + 1) * sizeof *p);

	if (p == NULL)
		return KZ_ERROR;
	r->fields = p;
	if ((p[r->nfields] = strdup(code)) == NULL)
		return KZ_ERROR;
	r->nfields++;
	return KZ_OK;
}

int
kz_request_parse_fields(const struct kz_config *cfg, struct kz_request *r,
    const char *text, struct kz_err *err)
{
	char *copy, *p, *piece;
	int rc = KZ_OK;

	clear_fields(r);
	if (text == NULL)
		return KZ_OK;
	if ((copy = strdup(text)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	for (p = copy; (piece = strsep(&p, ";,")) != NULL;) {
		const struct kz_field *f;

		piece = kz_trim(piece);
		if (*piece == '\0')
			continue;
		if ((f = kz_config_field(cfg, piece)) == NULL) {
			rc = kz_err_add(err, "fields", _("unknown field of "
			    "expertise \"%s\" (see kizuna stats fields for the "
			    "list)"), piece);
			continue;
		}
		bool twice = false;
		for (size_t i = 0; i < r->nfields; i++)
			twice |= strcmp(r->fields[i], f->code) == 0;
		if (twice)
			rc = kz_err_add(err, "fields", _("field \"%s\" is listed "
			    "twice"), f->code);
		else if (add_field(r, f->code))
			rc = kz_err_add(err, "", _("out of memory"));
	}
	free(copy);
	return rc;
}

char *
kz_request_format_fields(const struct kz_request *r)
{
	struct kz_buf b = { 0 };

	for (size_t i = 0; i < r->nfields; i++)
		kz_buf_printf(&b, "%s%s", i ? "; " : "", r->fields[i]);
	return b.s ? b.s : strdup("");
}

void
kz_request_place(const char *province, const char *city,
    const char *department, char *out, size_t size)
{
	const char *parts[] = { province, city, department };
	size_t o = 0;

	out[0] = '\0';
	for (int i = 0; i < 3 && o < size; i++)
		if (parts[i] && *parts[i])
			o += (size_t)snprintf(out + o, size - o, "%s%s",
			    o ? " " : "", parts[i]);
}

/* ---- rules ---- */

static bool
office_ok(const char *o)
{
	size_t n = strlen(o);

	if (n < 2 || n > 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (o[i] < 'A' || o[i] > 'Z')
			return false;
	return true;
}

int
kz_request_validate(struct kz_db *db, const struct kz_request *r,
    struct kz_err *err)
{
	int before = err->n + err->dropped;

	if (!r->country[0])
		kz_err_add(err, "country", _("country is required"));
	else if (kz_country_name(r->country) == NULL)
		kz_err_add(err, "country", _("\"%s\" is not an ISO 3166-1 "
		    "country code such as CN, TH or ID"), r->country);
	kz_check_text(err, "province", _("province or state"),
	    r->province, 100, 0);
	kz_check_text(err, "city", _("city"), r->city, 100, 0);
	kz_check_text(err, "department", _("department"), r->department,
	    200, 0);
	if (!office_ok(r->office))
		kz_err_add(err, "office", _("office must be 2 to 4 capital "
		    "letters such as BJS, not \"%s\""), r->office);
	if (!kz_date_valid(r->received))
		kz_err_add(err, "received", _("date received must be a date "
		    "YYYY-MM-DD, not \"%s\""), r->received);
	if (r->nfields == 0)
		kz_err_add(err, "fields", _("at least one field of expertise "
		    "is required"));
	for (size_t i = 0; i < r->nfields; i++)
		if (db->cfg && kz_config_field(db->cfg, r->fields[i]) == NULL)
			kz_err_add(err, "fields", _("unknown field of expertise "
			    "\"%s\""), r->fields[i]);
	kz_check_text(err, "topic", _("topic"), r->topic, 300,
	    KZ_TEXT_REQUIRED);
	if (r->wish_start[0] || r->wish_end[0]) {
		bool s = kz_date_valid(r->wish_start), e = kz_date_valid(
		    r->wish_end);

		if (!s || !e)
			kz_err_add(err, s ? "wish_end" : "wish_start",
			    _("the wished period needs two dates YYYY-MM-DD, "
			    "from and to"));
		else if (strcmp(r->wish_end, r->wish_start) < 0)
			kz_err_add(err, "wish_end", _("the wished period ends "
			    "(%s) before it starts (%s)"), r->wish_end,
			    r->wish_start);
		else if (r->wish_days > 0 && r->wish_days >
		    kz_date_days(r->wish_end) - kz_date_days(r->wish_start) + 1)
			kz_err_add(err, "wish_days", _("a length of %d days "
			    "does not fit in the wished period %s..%s"),
			    r->wish_days, r->wish_start, r->wish_end);
	}
	if (r->wish_days < 0 || r->wish_days > 366)
		kz_err_add(err, "wish_days", _("the wished length must be 1 to "
		    "366 days, not %d"), r->wish_days);
	if (r->mode != KZ_ONSITE && r->mode != KZ_ONLINE)
		kz_err_add(err, "mode", _("mode must be onsite or online"));
	if (r->wanted < 1 || r->wanted > 20)
		kz_err_add(err, "wanted", _("the number of specialists must be "
		    "1 to 20, not %d"), r->wanted);
	if (r->language && *r->language && !kz_lang_ok(r->language))
		kz_err_add(err, "language", _("\"%s\" is not a language code "
		    "such as zh, th or en"), r->language);
	if (r->interpreting < KZ_INTERP_NONE ||
	    r->interpreting > KZ_INTERP_OFFICE)
		kz_err_add(err, "interpreting", _("interpreting must be none, "
		    "host or office"));
	if (r->interpreting == KZ_INTERP_NONE && r->language == NULL)
		kz_err_add(err, "language", _("without interpreting the "
		    "working language must be given"));
	if (r->status < 0 || r->status >= KZ_REQ_NSTATUS)
		kz_err_add(err, "status", _("unknown status"));
	kz_check_text(err, "notes", _("notes"), r->notes, 4000,
	    KZ_TEXT_MULTILINE);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

/* ---- storage ---- */

static int
write_main(struct kz_db *db, const struct kz_request *r, bool insert,
    struct kz_err *err)
{
	char days[16], wanted[16];
	const char *v[21];

	snprintf(days, sizeof days, "%d", r->wish_days);
	snprintf(wanted, sizeof wanted, "%d", r->wanted);
	v[0] = r->country;
	v[1] = r->province;
	v[2] = r->city;
	v[3] = r->department;
	v[4] = r->office;
	v[5] = r->received;
	v[6] = r->topic;
	v[7] = r->wish_start;
	v[8] = r->wish_end;
	v[9] = r->wish_days > 0 ? days : NULL;
	v[10] = kz_mode_keyword(r->mode);
	v[11] = wanted;
	v[12] = r->language;
	v[13] = kz_interp_keyword(r->interpreting);
	v[14] = kz_lifecycle_keyword(&kz_request_lc, r->status);
	v[15] = r->notes;
	v[16] = r->created;
	v[17] = r->updated;
	v[18] = r->created_by;
	v[19] = r->updated_by;
	v[20] = r->id;
	if (insert)
		return kz_sql_run(db, err, "INSERT INTO request (country, "
		    "province, city, department, office, received, topic, "
		    "wish_start, wish_end, wish_days, mode, wanted, language, "
		    "interpreting, status, notes, created, updated, created_by, "
		    "updated_by, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
		    "CAST(? AS INTEGER), ?, CAST(? AS INTEGER), ?, ?, ?, ?, ?, ?, "
		    "?, ?, ?)", 21, v);
	return kz_sql_run(db, err, "UPDATE request SET country = ?1, "
	    "province = ?2, city = ?3, department = ?4, office = ?5, "
	    "received = ?6, topic = ?7, wish_start = ?8, wish_end = ?9, "
	    "wish_days = CAST(?10 AS INTEGER), mode = ?11, "
	    "wanted = CAST(?12 AS INTEGER), language = ?13, interpreting = ?14, "
	    "notes = ?16, updated = ?18, updated_by = ?20 WHERE id = ?21", 21,
	    v);
}

static int
write_fields(struct kz_db *db, const struct kz_request *r, struct kz_err *err)
{
	char pos[24];
	const char *v[3] = { r->id };

	if (kz_sql_run(db, err, "DELETE FROM request_field WHERE request = ?",
	    1, v))
		return KZ_ERROR;
	for (size_t i = 0; i < r->nfields; i++) {
		snprintf(pos, sizeof pos, "%zu", i);
		v[1] = r->fields[i];
		v[2] = pos;
		if (kz_sql_run(db, err, "INSERT INTO request_field (request, "
		    "field, pos) VALUES (?, ?, CAST(? AS INTEGER))", 3, v))
			return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_request_insert(struct kz_db *db, struct kz_request *r, struct kz_err *err)
{
	struct kz_buf note = { 0 };
	int rc = KZ_ERROR;

	if (!r->office[0] && db->cfg && db->cfg->office_id)
		snprintf(r->office, sizeof r->office, "%s", db->cfg->office_id);
	if (!r->received[0])
		kz_stamp_today(db->cfg, r->received);
	if (kz_request_validate(db, r, err))
		return KZ_ERROR;
	if (kz_record_assign_id(db, KZ_T_REQUEST, r->id, err))
		return KZ_ERROR;
	if (!r->created[0])
		kz_now_utc(r->created);
	if (!r->updated[0])
		memcpy(r->updated, r->created, sizeof r->updated);
	if (!r->created_by && kz_str_set(&r->created_by, kz_record_user(db)))
		return kz_err_add(err, "", _("out of memory"));
	if (!r->updated_by && kz_str_set(&r->updated_by, r->created_by))
		return kz_err_add(err, "", _("out of memory"));
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	kz_note_add(&note, KZ_NOTE_RECORDED);
	if (write_main(db, r, true, err) || write_fields(db, r, err) ||
	    kz_event_add(db, &kz_request_lc, "request_event", "request", r->id,
	    -1, r->status, kz_buf_str(&note), r->created, err))
		kz_db_rollback(db);
	else
		rc = kz_db_commit(db, err);
	kz_buf_free(&note);
	return rc;
}

int
kz_request_update(struct kz_db *db, struct kz_request *r, struct kz_err *err)
{
	char id[KZ_ID_SIZE];

	if (kz_request_validate(db, r, err))
		return KZ_ERROR;
	if (kz_request_resolve(db, r->id, id, err))
		return KZ_ERROR;
	kz_now_utc(r->updated);
	if (kz_str_set(&r->updated_by, kz_record_user(db)))
		return kz_err_add(err, "", _("out of memory"));
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (write_main(db, r, false, err) || write_fields(db, r, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

int
kz_request_resolve(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	return kz_record_resolve(db, KZ_T_REQUEST, typed, id, err);
}

static int
count_dispatches(struct kz_db *db, const char *id, bool active)
{
	sqlite3_stmt *st;
	int n = 0;

	if (sqlite3_prepare_v2(db->sql, active ? "SELECT count(*) FROM "
	    "dispatch WHERE request = ? AND state <> 'cancelled'" :
	    "SELECT count(*) FROM dispatch WHERE request = ?", -1, &st,
	    NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
kz_request_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE];
	const char *v[] = { id };
	int n;

	if (kz_request_resolve(db, typed, id, err))
		return KZ_ERROR;
	if ((n = count_dispatches(db, id, false)) > 0)
		return kz_err_add(err, "id", ngettext("request %s has %d "
		    "dispatch, which is kept as history: withdraw the request "
		    "instead", "request %s has %d dispatches, which are kept as "
		    "history: withdraw the request instead", (unsigned long)n),
		    id, n);
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (kz_sql_run(db, err, "DELETE FROM request WHERE id = ?", 1, v)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

int
kz_request_get(struct kz_db *db, const char *typed, struct kz_request *r,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE];

	kz_request_init(r);
	if (kz_request_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (sqlite3_prepare_v2(db->sql, "SELECT id, country, province, city, "
	    "department, office, received, topic, wish_start, wish_end, "
	    "wish_days, mode, wanted, language, interpreting, status, notes, "
	    "created, updated, created_by, updated_by FROM request WHERE "
	    "id = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "request");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return kz_err_add(err, "id", _("no request with id %s"), id);
	}
	kz_col_copy(st, 0, r->id, sizeof r->id);
	kz_col_copy(st, 1, r->country, sizeof r->country);
	r->province = kz_col_dup(st, 2);
	r->city = kz_col_dup(st, 3);
	r->department = kz_col_dup(st, 4);
	kz_col_copy(st, 5, r->office, sizeof r->office);
	kz_col_copy(st, 6, r->received, sizeof r->received);
	r->topic = kz_col_dup(st, 7);
	kz_col_copy(st, 8, r->wish_start, sizeof r->wish_start);
	kz_col_copy(st, 9, r->wish_end, sizeof r->wish_end);
	r->wish_days = sqlite3_column_int(st, 10);
	r->mode = kz_mode_parse((const char *)sqlite3_column_text(st, 11)) ==
	    KZ_ONLINE ? KZ_ONLINE : KZ_ONSITE;
	r->wanted = sqlite3_column_int(st, 12);
	r->language = kz_col_dup(st, 13);
	int i = kz_interp_parse((const char *)sqlite3_column_text(st, 14));
	r->interpreting = i < 0 ? KZ_INTERP_HOST : (enum kz_interp)i;
	i = kz_lifecycle_parse(&kz_request_lc, (const char *)sqlite3_column_text(st,
	    15));
	r->status = i < 0 ? KZ_REQ_RECEIVED : (enum kz_request_status)i;
	r->notes = kz_col_dup(st, 16);
	kz_col_copy(st, 17, r->created, sizeof r->created);
	kz_col_copy(st, 18, r->updated, sizeof r->updated);
	r->created_by = kz_col_dup(st, 19);
	r->updated_by = kz_col_dup(st, 20);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db->sql, "SELECT field FROM request_field "
	    "WHERE request = ? ORDER BY pos", -1, &st, NULL) != SQLITE_OK) {
		kz_request_free(r);
		return kz_db_fail(db, err, "request");
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		add_field(r, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return KZ_OK;
}

int
kz_request_set_status(struct kz_db *db, const char *typed,
    enum kz_request_status to, const char *note, const char *at,
    struct kz_err *err)
{
	struct kz_request r;
	char now[32], next[200];
	const char *v[4];
	int rc;

	if (kz_request_get(db, typed, &r, err))
		return KZ_ERROR;
	if (to < 0 || to >= KZ_REQ_NSTATUS) {
		kz_request_free(&r);
		return kz_err_add(err, "status", _("unknown status"));
	}
	if (!kz_lifecycle_allowed(&kz_request_lc, (int)r.status, (int)to)) {
		kz_lifecycle_next_text(&kz_request_lc, (int)r.status, next,
		    sizeof next);
		kz_err_add(err, "status", _("request %s is %s and cannot become "
		    "%s (from %s it can go to: %s)"), r.id,
		    kz_lifecycle_keyword(&kz_request_lc, (int)r.status),
		    kz_lifecycle_keyword(&kz_request_lc, (int)to),
		    kz_lifecycle_keyword(&kz_request_lc, (int)r.status), next);
		kz_request_free(&r);
		return KZ_ERROR;
	}
	if (!kz_check_text(err, "note", _("note"), note, 1000,
	    KZ_TEXT_MULTILINE)) {
		kz_request_free(&r);
		return KZ_ERROR;
	}
	kz_now_utc(now);
	v[0] = kz_lifecycle_keyword(&kz_request_lc, (int)to);
	v[1] = now;
	v[2] = kz_record_user(db);
	v[3] = r.id;
	rc = KZ_ERROR;
	if (kz_db_begin(db, err) == KZ_OK) {
		if (kz_sql_run(db, err, "UPDATE request SET status = ?, "
		    "updated = ?, updated_by = ? WHERE id = ?", 4, v) ||
		    kz_event_add(db, &kz_request_lc, "request_event", "request",
		    r.id, (int)r.status, (int)to, note, at, err))
			kz_db_rollback(db);
		else
			rc = kz_db_commit(db, err);
	}
	kz_request_free(&r);
	return rc;
}

int
kz_request_history(struct kz_db *db, const char *id, struct kz_events *out,
    struct kz_err *err)
{
	return kz_events_load(db, &kz_request_lc, "request_event", "request",
	    id, out, err);
}

/* ---- lists ---- */

void
kz_request_query_init(struct kz_request_query *q)
{
	memset(q, 0, sizeof *q);
	q->status = -1;
}

void
kz_request_rows_free(struct kz_request_rows *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->rows[i].place);
		free(l->rows[i].topic);
		free(l->rows[i].fields);
	}
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

#define MAX_WORDS 8

int
kz_request_list(struct kz_db *db, const struct kz_request_query *q,
    struct kz_request_rows *out, struct kz_err *err)
{
	struct kz_buf sql = { 0 };
	const char *binds[MAX_WORDS + 4];
	char words[MAX_WORDS][128];
	const struct kz_field *field = NULL;
	int nb = 0, nw = 0, rc;
	sqlite3_stmt *st;
	size_t cap = 0;

	out->rows = NULL;
	out->n = 0;
	if (q->field && *q->field && (field = kz_config_field(db->cfg,
	    q->field)) == NULL)
		return kz_err_add(err, "field", _("unknown field of expertise "
		    "\"%s\""), q->field);
	kz_buf_puts(&sql, "SELECT r.id, r.country, r.province, r.city, "
	    "r.department, r.topic, (SELECT group_concat(field, ',') FROM "
	    "(SELECT field FROM request_field f WHERE f.request = r.id ORDER BY "
	    "pos)), r.received, r.wish_start, r.wish_end, r.wish_days, r.mode, "
	    "r.status, r.wanted, (SELECT count(*) FROM dispatch d WHERE "
	    "d.request = r.id AND d.state <> 'cancelled') FROM request r "
	    "WHERE 1");
	if (q->status >= 0 && q->status < KZ_REQ_NSTATUS) {
		kz_buf_puts(&sql, " AND r.status = ?");
		binds[nb++] = kz_lifecycle_keyword(&kz_request_lc, q->status);
	} else if (q->status == -2)
		kz_buf_puts(&sql, " AND r.status NOT IN ('closed', 'declined', "
		    "'withdrawn')");
	if (field) {
		kz_buf_puts(&sql, " AND EXISTS (SELECT 1 FROM request_field f "
		    "WHERE f.request = r.id AND f.field = ?)");
		binds[nb++] = field->code;
	}
	if (q->country && *q->country) {
		kz_buf_puts(&sql, " AND r.country = upper(?)");
		binds[nb++] = q->country;
	}
	/* Words anywhere in the text columns; instr, not LIKE, so CJK
	 * terms of any length work and nothing is a wildcard. */
	for (const char *p = q->text; p && *p && nw < MAX_WORDS;) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n == 0)
			break;
		snprintf(words[nw], sizeof words[nw], "%.*s", (int)n, p);
		kz_buf_puts(&sql, " AND instr(lower(r.id || ' ' || r.topic || "
		    "' ' || ifnull(r.province, '') || ' ' || ifnull(r.city, '') "
		    "|| ' ' || ifnull(r.department, '') || ' ' || r.country || "
		    "' ' || ifnull(r.notes, '') || ' ' || r.status), lower(?)) > 0");
		binds[nb++] = words[nw++];
		p += n;
	}
	kz_buf_puts(&sql, " ORDER BY r.received DESC, r.id");
	if (sql.oom) {
		kz_buf_free(&sql);
		return kz_err_add(err, "", _("out of memory"));
	}
	if (sqlite3_prepare_v2(db->sql, sql.s, -1, &st, NULL) != SQLITE_OK) {
		kz_buf_free(&sql);
		return kz_db_fail(db, err, "request list");
	}
	kz_buf_free(&sql);
	for (int i = 0; i < nb; i++)
		sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char place[512];

		if (out->n == cap) {
			struct kz_request_row *p;

			cap = cap ? cap * 2 : 32;
			if ((p = realloc(out->rows, cap * sizeof *p)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			out->rows = p;
		}
		struct kz_request_row *r = &out->rows[out->n++];
		memset(r, 0, sizeof *r);
		kz_col_copy(st, 0, r->id, sizeof r->id);
		kz_col_copy(st, 1, r->country, sizeof r->country);
		kz_request_place((const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 4), place,
		    sizeof place);
		r->place = strdup(place);
		r->topic = strdup((const char *)sqlite3_column_text(st, 5));
		r->fields = strdup(sqlite3_column_text(st, 6) ?
		    (const char *)sqlite3_column_text(st, 6) : "");
		kz_col_copy(st, 7, r->received, sizeof r->received);
		kz_col_copy(st, 8, r->wish_start, sizeof r->wish_start);
		kz_col_copy(st, 9, r->wish_end, sizeof r->wish_end);
		r->wish_days = sqlite3_column_int(st, 10);
		r->mode = kz_mode_parse((const char *)sqlite3_column_text(st,
		    11)) == KZ_ONLINE ? KZ_ONLINE : KZ_ONSITE;
		int s = kz_lifecycle_parse(&kz_request_lc,
		    (const char *)sqlite3_column_text(st, 12));
		r->status = s < 0 ? KZ_REQ_RECEIVED : (enum kz_request_status)s;
		r->wanted = sqlite3_column_int(st, 13);
		r->dispatches = sqlite3_column_int(st, 14);
		if (!r->place || !r->topic || !r->fields) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		kz_request_rows_free(out);
		return rc == SQLITE_NOMEM ? kz_err_add(err, "", _("out of "
		    "memory")) : kz_db_fail(db, err, "request list");
	}
	return KZ_OK;
}
