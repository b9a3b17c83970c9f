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
#include "rlist.h"
#include "rtype.h"
#include "specialist.h"
#include "text.h"

static const char *const req_keywords[KZ_REQ_NSTATUS + 1] = {
	"received", "matching", "proposed", "agreed", "closed", "declined",
	"withdrawn", NULL,
};
/* "received" is also a date's label, "withdrawn" a trainee's status:
 * other languages say them differently */
static const char *const req_names[KZ_REQ_NSTATUS + 1] = {
	NC_("request status", "received"), N_("matching"),
	N_("proposed to host"), N_("agreed"), N_("closed"), N_("declined"),
	NC_("request status", "withdrawn"), NULL,
};
/* The statuses once: the record's field and the life cycle share them. */
const struct kz_enum kz_request_status_enum = { "status", req_keywords,
	req_names };

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

static const char *const mode_keywords[] = { "onsite", "online", NULL };
static const char *const mode_labels[] = { N_("on site"), N_("online"),
	NULL };
const struct kz_enum kz_mode_enum = { "mode", mode_keywords, mode_labels };

static const char *const interp_keywords[] = { "none", "host", "office",
	NULL };
static const char *const interp_labels[] = { N_("none"), N_("by the host"),
	N_("by the office"), NULL };
const struct kz_enum kz_interp_enum = { "interpreting", interp_keywords,
	interp_labels };

const char *
kz_mode_keyword(enum kz_mode m)
{
	return kz_enum_keyword(&kz_mode_enum, (int)m);
}

const char *
kz_mode_name(enum kz_mode m)
{
	return kz_enum_label(&kz_mode_enum, (int)m);
}

int
kz_mode_parse(const char *s)
{
	return kz_enum_parse(&kz_mode_enum, s);
}

const char *
kz_interp_keyword(enum kz_interp i)
{
	return kz_enum_keyword(&kz_interp_enum, (int)i);
}

const char *
kz_interp_name(enum kz_interp i)
{
	return kz_enum_label(&kz_interp_enum, (int)i);
}

int
kz_interp_parse(const char *s)
{
	return kz_enum_parse(&kz_interp_enum, s);
}

/* ---- the table of fields ---- */

/* The list of fields through the table's untyped callbacks. Codes or
 * numbers are kept as typed here (the table has no configuration);
 * insert and update store each as its code, validate knows them. */
static int parse_fields(void *r, const char *t, struct kz_err *e)
	{ return kz_request_parse_fields(NULL, r, t, e); }
static char *format_fields(const void *r)
	{ return kz_request_format_fields(r); }

/* "农业 (agriculture)": a line a field, its name in the reader's
 * language and the code where it differs. */
static int
show_fields(const void *rec, const struct kz_config *cfg, struct kz_buf *b)
{
	const struct kz_request *r = rec;

	for (size_t i = 0; i < r->nfields; i++) {
		const struct kz_field *f = cfg ? kz_config_field(cfg,
		    r->fields[i]) : NULL;

		if (f == NULL)
			kz_buf_printf(b, "%s%s (?)", i ? "\n" : "",
			    r->fields[i]);
		else if (strcmp(kz_field_name(cfg, f), f->code) == 0)
			kz_buf_printf(b, "%s%s", i ? "\n" : "", f->code);
		else
			kz_buf_printf(b, "%s%s (%s)", i ? "\n" : "",
			    kz_field_name(cfg, f), f->code);
	}
	return b->oom ? KZ_ERROR : KZ_OK;
}

#define S(m) offsetof(struct kz_request, m)
#define A(m) S(m), sizeof ((struct kz_request *)0)->m

/* One line a field, in the order forms, files and details show them. */
static const struct kz_rfield request_fields[] = {
	KZ_RF_ID(struct kz_request),
	{ .name = "status", .column = "status", .csv = "status",
	  .label = N_("status"), .kind = KZ_RK_ENUM, .off = S(status),
	  .values = &kz_request_status_enum, .flags = KZ_RF_STATE },
	{ .name = "country", .column = "country", .csv = "country",
	  .option = "country", .label = N_("country"), .kind = KZ_RK_COUNTRY,
	  .off = A(country), .flags = KZ_RF_REQUIRED,
	  .hint = N_("ISO 3166-1 code, e.g. CN, TH, ID") },
	{ .name = "province", .column = "province", .csv = "province",
	  .option = "province", .label = N_("province or state"),
	  .kind = KZ_RK_TEXT, .off = S(province), .max = 100,
	  .codes = KZ_CODES_SUBDIVISION,
	  .hint = N_("e.g. 河南省") },
	{ .name = "city", .column = "city", .csv = "city", .option = "city",
	  .label = N_("city"), .kind = KZ_RK_TEXT, .off = S(city), .max = 100,
	  .hint = N_("e.g. 开封市") },
	{ .name = "department", .column = "department", .csv = "department",
	  .option = "department", .label = N_("department"),
	  .kind = KZ_RK_TEXT, .off = S(department), .max = 200,
	  .hint = N_("e.g. 农业农村局") },
	{ .name = "received", .column = "received", .csv = "received",
	  .option = "received", .label = NC_("date", "received"),
	  .kind = KZ_RK_DATE, .off = A(received),
	  .hint = N_("A date: 2027-01-31, 2027年1月31日 or 31 Jan 2027") },
	{ .name = "fields", .csv = "fields", .option = "fields",
	  .label = N_("fields"), .kind = KZ_RK_LIST, .parse = parse_fields,
	  .codes = KZ_CODES_FIELD,
	  .format = format_fields, .show = show_fields,
	  .flags = KZ_RF_REQUIRED,
	  .hint = N_("code or number; ...  e.g. agriculture; 27") },
	{ .name = "topic", .column = "topic", .csv = "topic",
	  .option = "topic", .label = N_("topic"), .kind = KZ_RK_TEXT,
	  .off = S(topic), .max = 300, .flags = KZ_RF_REQUIRED,
	  .hint = N_("e.g. vegetables: damage from continuous cropping") },
	{ .name = "wish_start", .column = "wish_start", .csv = "wish_start",
	  .option = "from", .label = N_("wished from"), .kind = KZ_RK_DATE,
	  .off = A(wish_start),
	  .hint = N_("A date (2027-01-31, 2027年1月31日 or 31 Jan 2027), "
	  "or empty") },
	{ .name = "wish_end", .column = "wish_end", .csv = "wish_end",
	  .option = "to", .label = N_("wished to"), .kind = KZ_RK_DATE,
	  .off = A(wish_end),
	  .hint = N_("A date (2027-01-31, 2027年1月31日 or 31 Jan 2027), "
	  "or empty") },
	{ .name = "wish_days", .column = "wish_days", .csv = "wish_days",
	  .option = "days", .label = N_("wished length in days"),
	  .kind = KZ_RK_INT, .off = S(wish_days), .min = 1, .max = 366,
	  .flags = KZ_RF_ZERO_NULL, .hint = N_("1 to 366, or empty") },
	{ .name = "mode", .column = "mode", .csv = "mode", .option = "mode",
	  .label = N_("mode"), .kind = KZ_RK_ENUM, .off = S(mode),
	  .values = &kz_mode_enum,
	  .hint = N_("Space, or the first letter: on site or online") },
	{ .name = "specialists", .column = "wanted", .csv = "specialists",
	  .option = "specialists", .label = N_("specialists"),
	  .kind = KZ_RK_INT, .off = S(wanted), .min = 1, .max = 20,
	  .hint = N_("How many specialists, 1 to 20") },
	{ .name = "language", .column = "language", .csv = "language",
	  .option = "language", .label = N_("language"), .kind = KZ_RK_TEXT,
	  .off = S(language), .max = 35,
	  .hint = N_("Working language code, e.g. zh") },
	{ .name = "interpreting", .column = "interpreting",
	  .csv = "interpreting", .option = "interpreting",
	  .label = N_("interpreting"), .kind = KZ_RK_ENUM,
	  .off = S(interpreting), .values = &kz_interp_enum,
	  .hint = N_("Who interprets: Space to choose") },
	{ .name = "office", .column = "office", .csv = "office",
	  .option = "office", .label = N_("office"), .kind = KZ_RK_CODE,
	  .off = A(office),
	  .hint = N_("The office handling it, e.g. BJS") },
	{ .name = "notes", .column = "notes", .csv = "notes",
	  .option = "notes", .label = N_("notes"), .kind = KZ_RK_NOTE,
	  .off = S(notes), .max = 4000,
	  .hint = N_("Anything else worth knowing") },
	KZ_RF_STAMPS(struct kz_request, , "created", "updated"),
};

#undef S
#undef A

KZ_RTYPE(kz_request_type, N_("request"), KZ_T_REQUEST, request_fields);

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
	kz_rtype_free(&kz_request_type, r);
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
		const struct kz_field *f = NULL;
		const char *code;

		piece = kz_trim(piece);
		if (*piece == '\0')
			continue;
		if (cfg && (f = kz_config_field(cfg, piece)) == NULL) {
			rc = kz_err_add(err, "fields", _("unknown field of "
			    "expertise \"%s\" (see kizuna stats fields for the "
			    "list)"), piece);
			continue;
		}
		code = f ? f->code : piece;
		bool twice = false;
		for (size_t i = 0; i < r->nfields; i++)
			twice |= strcmp(r->fields[i], code) == 0;
		if (twice)
			rc = kz_err_add(err, "fields", _("field \"%s\" is listed "
			    "twice"), code);
		else if (add_field(r, code))
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

	/* copied, not printed: every row of a dispatch list has one */
	if (size == 0)
		return;
	for (int i = 0; i < 3; i++) {
		size_t n;

		if (parts[i] == NULL || *parts[i] == '\0')
			continue;
		if (o > 0 && o + 1 < size)
			out[o++] = ' ';
		n = strlen(parts[i]);
		if (n > size - 1 - o)
			n = size - 1 - o;
		memcpy(out + o, parts[i], n);
		o += n;
	}
	out[o] = '\0';
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

/* Store each field as its code: the table's parse keeps numbers as
 * typed. An unknown one stays for validate to name. */
static int
fields_to_codes(struct kz_db *db, struct kz_request *r, struct kz_err *err)
{
	for (size_t i = 0; db->cfg && i < r->nfields; i++) {
		const struct kz_field *f = kz_config_field(db->cfg,
		    r->fields[i]);

		if (f && strcmp(f->code, r->fields[i]) != 0 &&
		    kz_str_set(&r->fields[i], f->code))
			return kz_err_add(err, "", _("out of memory"));
	}
	return KZ_OK;
}

/* The code a field of the list stands for (a number is one too). */
static const char *
code_of(struct kz_db *db, const char *typed)
{
	const struct kz_field *f = db->cfg ? kz_config_field(db->cfg, typed) :
	    NULL;

	return f ? f->code : typed;
}

int
kz_request_validate(struct kz_db *db, const struct kz_request *r,
    struct kz_err *err)
{
	int before = err->n + err->dropped;

	kz_rtype_check(&kz_request_type, db, r, err);
	/* not required by the table: insert makes it today */
	if (!r->received[0])
		kz_err_add(err, "received", _("%s is required"),
		    C_("date", "received"));
	if (!office_ok(r->office))
		kz_err_add(err, "office", _("office must be 2 to 4 capital "
		    "letters such as BJS, not \"%s\""), r->office);
	if (r->nfields == 0)
		kz_err_add(err, "fields", _("at least one field of expertise "
		    "is required"));
	for (size_t i = 0; i < r->nfields; i++) {
		if (db->cfg && kz_config_field(db->cfg, r->fields[i]) == NULL)
			kz_err_add(err, "fields", _("unknown field of expertise "
			    "\"%s\""), r->fields[i]);
		for (size_t j = 0; j < i; j++)
			if (strcmp(code_of(db, r->fields[i]),
			    code_of(db, r->fields[j])) == 0)
				kz_err_add(err, "fields", _("field \"%s\" is "
				    "listed twice"), code_of(db, r->fields[i]));
	}
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
	if (r->language && *r->language && !kz_lang_ok(r->language))
		kz_err_add(err, "language", _("\"%s\" is not a language code "
		    "such as zh, th or en"), r->language);
	if (r->interpreting == KZ_INTERP_NONE && r->language == NULL)
		kz_err_add(err, "language", _("without interpreting the "
		    "working language must be given"));
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

/* ---- storage ---- */

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
	if (fields_to_codes(db, r, err) || kz_request_validate(db, r, err))
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
	if (kz_rtype_insert(db, &kz_request_type, r, err) ||
	    write_fields(db, r, err) ||
	    kz_event_add(db, &kz_request_lc, "request_event", "request", r->id,
	    -1, r->status, kz_buf_str(&note), r->created, r->received, err))
		kz_db_rollback(db);
	else
		rc = kz_db_commit(db, err);
	kz_buf_free(&note);
	return rc;
}

int
kz_request_update(struct kz_db *db, struct kz_request *r, struct kz_err *err)
{
	char id[KZ_ID_SIZE], seen[sizeof r->updated];
	int rc;

	if (fields_to_codes(db, r, err) || kz_request_validate(db, r, err))
		return KZ_ERROR;
	if (kz_request_resolve(db, r->id, id, err))
		return KZ_ERROR;
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, r->updated, sizeof seen);
	kz_stamp_next(r->updated);
	if (kz_str_set(&r->updated_by, kz_record_user(db)))
		return kz_err_add(err, "", _("out of memory"));
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if ((rc = kz_rtype_update_if(db, &kz_request_type, r, seen, err)) ||
	    (rc = write_fields(db, r, err))) {
		kz_db_rollback(db);
		memcpy(r->updated, seen, sizeof seen);
		return rc;
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

/* Resolve typed into id and refuse a request with dispatches. */
static int
delete_check(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	int n;

	if (kz_request_resolve(db, typed, id, err))
		return KZ_ERROR;
	if ((n = count_dispatches(db, id, false)) > 0)
		return kz_err_add(err, "id", ngettext("request %s has %d "
		    "dispatch, which is kept as history: withdraw the request "
		    "instead", "request %s has %d dispatches, which are kept as "
		    "history: withdraw the request instead", (unsigned long)n),
		    id, n);
	return KZ_OK;
}

int
kz_request_delete_check(struct kz_db *db, const char *typed,
    struct kz_err *err)
{
	char id[KZ_ID_SIZE];

	return delete_check(db, typed, id, err);
}

int
kz_request_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE];
	const char *v[] = { id };

	/* checked in the transaction that deletes: no dispatch comes in
	 * between */
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (delete_check(db, typed, id, err) ||
	    kz_sql_run(db, err, "DELETE FROM request WHERE id = ?", 1, v)) {
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
	if (kz_rtype_read(db, &kz_request_type, id, r, err)) {
		kz_request_free(r);
		return KZ_ERROR;
	}
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

void
kz_request_warn(struct kz_db *db, const struct kz_request *r,
    struct kz_err *warn)
{
	const struct kz_config *cfg = db->cfg;
	const char *name;
	bool ours = false;

	if (cfg == NULL || cfg->role == KZ_ROLE_HEAD || cfg->ncountries == 0 ||
	    r->country[0] == '\0')
		return;
	for (size_t i = 0; i < cfg->ncountries; i++)
		ours |= strcmp(cfg->countries[i], r->country) == 0;
	if (ours)
		return;
	name = kz_country_name(r->country);
	kz_err_add(warn, "country", _("%s %s is not one of the countries "
	    "this office covers (office.countries)"), r->country,
	    name ? _(name) : "");
}

/* The dispatches of a request still under way somewhere in their life
 * (not reported, not cancelled): "BJS-D-0003 (under way), ...", count. */
static int
live_dispatches(struct kz_db *db, const char *id, struct kz_buf *out)
{
	sqlite3_stmt *st;
	int n = 0;

	if (sqlite3_prepare_v2(db->sql, "SELECT id, state FROM dispatch WHERE "
	    "request = ? AND state NOT IN ('reported', 'cancelled') ORDER BY "
	    "start, id", -1, &st, NULL) != SQLITE_OK)
		return -1;	/* the rule is not skipped: the caller fails */
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	/* the states as keywords, as the life cycle's messages name them
	 * (their labels are dispatch.c's, which includes this module) */
	while (sqlite3_step(st) == SQLITE_ROW)
		kz_buf_printf(out, "%s%s %s", n++ ? ", " : "",
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return n;
}

int
kz_request_set_status(struct kz_db *db, const char *typed,
    enum kz_request_status to, const char *note, const char *at,
    struct kz_err *err)
{
	return kz_request_set_status_on(db, typed, to, note, at, NULL, NULL,
	    err);
}

/* Everything a change of status refuses, before anything is written:
 * the day it happened, live dispatches, the life cycle, the note. day
 * is the day it happened. */
static int
check_status(struct kz_db *db, const struct kz_request *r,
    enum kz_request_status to, const char *note, const char *at,
    const char *when, char day[11], struct kz_err *err)
{
	struct kz_buf live = { 0 };
	char next[200], recorded[11];
	int n;

	/* the day it is recorded (at's, or today where the office is) and
	 * the day it happened */
	kz_rfield_day(db->cfg, NULL, at, recorded, err);
	if (kz_rfield_day(db->cfg, when, at, day, err))
		return KZ_ERROR;

	if (strcmp(day, recorded) > 0 || (kz_date_valid(r->received) &&
	    strcmp(day, r->received) < 0)) {
		if (strcmp(day, recorded) > 0)
			kz_err_add(err, "date", _("%s is after today (%s): a "
			    "change is recorded once it has happened"), day,
			    recorded);
		else
			kz_err_add(err, "date", _("request %s was received on "
			    "%s: it cannot change on %s, before that"), r->id,
			    r->received, day);
		return KZ_ERROR;
	}
	if ((to == KZ_REQ_CLOSED || to == KZ_REQ_DECLINED ||
	    to == KZ_REQ_WITHDRAWN) && kz_lifecycle_allowed(&kz_request_lc,
	    (int)r->status, (int)to) &&
	    (n = live_dispatches(db, r->id, &live)) != 0) {
		if (n < 0 || live.oom) {
			kz_buf_free(&live);
			return kz_db_fail(db, err, "dispatch");
		}
		kz_err_add(err, "status", ngettext("request %s cannot become "
		    "%s while its dispatch %s is live: finish it (reported) "
		    "or cancel it first", "request %s cannot become %s while "
		    "its dispatches %s are live: finish them (reported) or "
		    "cancel them first", (unsigned long)n), r->id,
		    kz_lifecycle_keyword(&kz_request_lc, (int)to),
		    kz_buf_str(&live));
		kz_buf_free(&live);
		return KZ_ERROR;
	}
	kz_buf_free(&live);
	if (to < 0 || to >= KZ_REQ_NSTATUS)
		return kz_err_add(err, "status", _("unknown status"));

	if (!kz_lifecycle_allowed(&kz_request_lc, (int)r->status, (int)to)) {
		kz_lifecycle_next_text(&kz_request_lc, (int)r->status, next,
		    sizeof next);
		kz_err_add(err, "status", _("request %s is %s and cannot become "
		    "%s (from %s it can go to: %s)"), r->id,
		    kz_lifecycle_shown(&kz_request_lc, (int)r->status),
		    kz_lifecycle_shown(&kz_request_lc, (int)to),
		    kz_lifecycle_shown(&kz_request_lc, (int)r->status), next);
		return KZ_ERROR;
	}
	if (!kz_check_text(err, "note", _("note"), note, 1000,
	    KZ_TEXT_MULTILINE))
		return KZ_ERROR;

	return KZ_OK;
}

int
kz_request_check_status(struct kz_db *db, const char *typed,
    enum kz_request_status to, const char *note, const char *at,
    const char *when, struct kz_err *err)
{
	struct kz_request r;
	char day[11];
	int rc;

	if (kz_request_get(db, typed, &r, err))
		return KZ_ERROR;
	rc = check_status(db, &r, to, note, at, when, day, err);
	kz_request_free(&r);
	return rc;
}

int
kz_request_set_status_on(struct kz_db *db, const char *typed,
    enum kz_request_status to, const char *note, const char *at,
    const char *when, struct kz_err *warn, struct kz_err *err)
{
	struct kz_request r;
	char now[32], day[11];
	const char *v[4];
	int rc;

	(void)warn;
	/* read and checked in the transaction that writes: another program
	 * (a sync import, a second screen) cannot move it in between */
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (kz_request_get(db, typed, &r, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	kz_now_utc(now);
	v[0] = kz_lifecycle_keyword(&kz_request_lc, (int)to);
	v[1] = now;
	v[2] = kz_record_user(db);
	v[3] = r.id;
	if (check_status(db, &r, to, note, at, when, day, err) ||
	    kz_sql_run(db, err, "UPDATE request SET status = ?, "
	    "updated = ?, updated_by = ? WHERE id = ?", 4, v) ||
	    kz_event_add(db, &kz_request_lc, "request_event", "request",
	    r.id, (int)r.status, (int)to, note, at, day, err)) {
		kz_db_rollback(db);
		rc = KZ_ERROR;
	} else
		rc = kz_db_commit(db, err);
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
