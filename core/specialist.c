/* specialist.c - the register of specialists: records, rules, storage. */
#include "specialist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "name.h"
#include "record.h"
#include "search.h"
#include "text.h"

/* ---- enumerations ---- */

static const char *const level_keywords[] = {
	"basic", "conversational", "business", "fluent", "native", NULL,
};
static const char *const level_labels[] = {
	N_("basic"), N_("conversational"), N_("business"), N_("fluent"),
	N_("native"), NULL,
};
const struct kz_enum kz_level_enum = { "level", level_keywords,
	level_labels };

static const char *const status_keywords[] = { "serving", "retired", NULL };
static const char *const status_labels[] = { N_("serving"), N_("retired"),
	NULL };
const struct kz_enum kz_specialist_status_enum = { "status", status_keywords,
	status_labels };

const char *
kz_level_name(enum kz_level l)
{
	return kz_enum_keyword(&kz_level_enum, (int)l);
}

int
kz_level_parse(const char *s)
{
	return kz_enum_parse(&kz_level_enum, s);
}

const char *
kz_status_name(enum kz_status st)
{
	return kz_enum_keyword(&kz_specialist_status_enum, (int)st);
}

int
kz_status_parse(const char *s)
{
	return kz_enum_parse(&kz_specialist_status_enum, s);
}

/* ---- the table of fields ---- */

/* The lists through the table's untyped callbacks. */
static int parse_fields(void *r, const char *t, struct kz_err *e)
	{ return kz_specialist_parse_fields(r, t, e); }
static int parse_langs(void *r, const char *t, struct kz_err *e)
	{ return kz_specialist_parse_langs(r, t, e); }
static int parse_unavail(void *r, const char *t, struct kz_err *e)
	{ return kz_specialist_parse_unavail(r, t, e); }
static char *format_fields(const void *r)
	{ return kz_specialist_format_fields(r); }
static char *format_langs(const void *r)
	{ return kz_specialist_format_langs(r); }
static char *format_unavail(const void *r)
	{ return kz_specialist_format_unavail(r); }
static int json_fields(const void *r, struct kz_buf *b)
	{ return kz_specialist_json_fields(r, b); }
static int json_langs(const void *r, struct kz_buf *b)
	{ return kz_specialist_json_langs(r, b); }
static int json_unavail(const void *r, struct kz_buf *b)
	{ return kz_specialist_json_unavail(r, b); }
static int show_fields(const void *r, const struct kz_config *c,
    struct kz_buf *b)
	{ return kz_specialist_show_fields(r, c, b); }
static int show_langs(const void *r, const struct kz_config *c,
    struct kz_buf *b)
	{ return kz_specialist_show_langs(r, c, b); }
static int show_unavail(const void *r, const struct kz_config *c,
    struct kz_buf *b)
	{ return kz_specialist_show_unavail(r, c, b); }

#define S(m) offsetof(struct kz_specialist, m)
#define A(m) S(m), sizeof ((struct kz_specialist *)0)->m

/* One line a field, in the order forms, files and details show them. */
static const struct kz_rfield specialist_fields[] = {
	KZ_RF_ID(struct kz_specialist),
	{ .name = "name", .column = "name", .csv = "name", .option = "name",
	  .label = N_("name"), .kind = KZ_RK_TEXT, .off = S(name), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("The name in its own script, "
	  "e.g. Chinese or Japanese characters") },
	{ .name = "name_roman", .column = "name_roman", .csv = "name_roman",
	  .option = "roman", .label = N_("romanised name"), .kind = KZ_RK_TEXT,
	  .off = S(name_roman), .max = 100, .flags = KZ_RF_REQUIRED,
	  .hint = N_("The name in Latin letters, e.g. Wang Jianguo") },
	{ .name = "government", .column = "government", .csv = "government",
	  .option = "government", .label = N_("home government"),
	  .kind = KZ_RK_TEXT, .off = S(government), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("Home prefecture or "
	  "municipality, e.g. Shimane Prefecture") },
	{ .name = "post", .column = "post", .csv = "post", .option = "post",
	  .label = N_("post"), .kind = KZ_RK_TEXT, .off = S(post), .max = 100,
	  .hint = N_("Post or department, e.g. Agricultural Technology "
	  "Centre") },
	{ .name = "status", .column = "status", .csv = "status",
	  .option = "status", .label = N_("status"), .kind = KZ_RK_ENUM,
	  .off = S(status), .values = &kz_specialist_status_enum,
	  .hint = N_("Space, or the first letter: serving or retired") },
	{ .name = "fields", .csv = "fields", .option = "fields",
	  .label = N_("fields"), .kind = KZ_RK_LIST, .parse = parse_fields,
	  .codes = KZ_CODES_FIELD,
	  .format = format_fields, .json = json_fields, .show = show_fields,
	  .hint = N_("code or number[:sub-speciality[:years]]; ...  e.g. "
	  "agriculture:greenhouse:12; 27") },
	{ .name = "languages", .csv = "languages", .option = "langs",
	  .label = N_("languages"), .kind = KZ_RK_LIST, .parse = parse_langs,
	  .codes = KZ_CODES_LANGUAGE,
	  .format = format_langs, .json = json_langs, .show = show_langs,
	  .hint = N_("code:level, ...  e.g. zh:fluent "
	  "(basic/conversational/business/fluent/native)") },
	{ .name = "overseas", .column = "overseas", .csv = "overseas",
	  .option = "overseas", .label = N_("overseas experience"),
	  .kind = KZ_RK_NOTE, .off = S(overseas), .max = 2000,
	  .hint = N_("e.g. JICA expert in Laos, 2 years") },
	KZ_RF_CONTACT(struct kz_specialist),
	{ .name = "address", .column = "address", .csv = "address",
	  .option = "address", .label = N_("address"), .kind = KZ_RK_NOTE,
	  .off = S(address), .max = 300, .flags = KZ_RF_PERSONAL,
	  .hint = N_("Postal address") },
	{ .name = "unavailable", .csv = "unavailable", .option = "unavailable",
	  .label = N_("unavailable"), .kind = KZ_RK_LIST,
	  .parse = parse_unavail, .format = format_unavail,
	  .json = json_unavail, .show = show_unavail,
	  .hint = N_("YYYY-MM-DD..YYYY-MM-DD reason; ...  e.g. "
	  "2026-12-01..2026-12-20 surgery") },
	{ .name = "notes", .column = "notes", .csv = "notes",
	  .option = "notes", .label = N_("notes"), .kind = KZ_RK_NOTE,
	  .off = S(notes), .max = 4000,
	  .hint = N_("Anything else worth knowing") },
	KZ_RF_STAMPS(struct kz_specialist, , "created", "updated"),
	/* the family name first, folded: what the register sorts by */
	{ .name = "sort_key", .column = "sort_key", .label = N_("sort key"),
	  .kind = KZ_RK_TEXT, .off = S(sort_key), .max = 300,
	  .flags = KZ_RF_DERIVED },
};

#undef S
#undef A

KZ_RTYPE(kz_specialist_type, N_("specialist"), KZ_T_SPECIALIST,
    specialist_fields);

void
kz_specialist_init(struct kz_specialist *s)
{
	memset(s, 0, sizeof *s);
}

void
kz_specialist_free(struct kz_specialist *s)
{
	kz_rtype_free(&kz_specialist_type, s);
	for (size_t i = 0; i < s->nfields; i++) {
		free(s->fields[i].code);
		free(s->fields[i].note);
	}
	for (size_t i = 0; i < s->nlangs; i++)
		free(s->langs[i].lang);
	for (size_t i = 0; i < s->nunavail; i++)
		free(s->unavail[i].reason);
	free(s->fields);
	free(s->langs);
	free(s->unavail);
	kz_specialist_init(s);
}

int
kz_specialist_add_field(struct kz_specialist *s, const char *code,
    const char *note, int years)
{
	struct kz_specialist_field *f = kz_grow(s->fields, s->nfields, sizeof *f);

	if (f == NULL)
		return KZ_ERROR;
	s->fields = f;
	f += s->nfields;
	memset(f, 0, sizeof *f);
	if (kz_str_set(&f->code, code ? code : "") ||
	    kz_str_set(&f->note, note)) {
		free(f->code);
		return KZ_ERROR;
	}
	if (f->code == NULL && (f->code = strdup("")) == NULL)
		return KZ_ERROR;
	f->years = years;
	s->nfields++;
	return KZ_OK;
}

int
kz_specialist_add_lang(struct kz_specialist *s, const char *lang,
    enum kz_level level)
{
	struct kz_specialist_lang *l = kz_grow(s->langs, s->nlangs, sizeof *l);

	if (l == NULL)
		return KZ_ERROR;
	s->langs = l;
	l += s->nlangs;
	if ((l->lang = strdup(lang ? lang : "")) == NULL)
		return KZ_ERROR;
	l->level = level;
	s->nlangs++;
	return KZ_OK;
}

int
kz_specialist_add_unavail(struct kz_specialist *s, const char *start,
    const char *end, const char *reason)
{
	struct kz_specialist_unavail *u = kz_grow(s->unavail, s->nunavail, sizeof *u);

	if (u == NULL)
		return KZ_ERROR;
	s->unavail = u;
	u += s->nunavail;
	memset(u, 0, sizeof *u);
	snprintf(u->start, sizeof u->start, "%s", start ? start : "");
	snprintf(u->end, sizeof u->end, "%s", end ? end : "");
	if (kz_str_set(&u->reason, reason))
		return KZ_ERROR;
	s->nunavail++;
	return KZ_OK;
}

int
kz_specialist_copy(struct kz_specialist *d, const struct kz_specialist *s)
{
	int rc;

	kz_specialist_init(d);
	rc = kz_rtype_copy(&kz_specialist_type, d, s);
	for (size_t i = 0; i < s->nfields; i++)
		rc |= kz_specialist_add_field(d, s->fields[i].code,
		    s->fields[i].note, s->fields[i].years);
	for (size_t i = 0; i < s->nlangs; i++)
		rc |= kz_specialist_add_lang(d, s->langs[i].lang,
		    s->langs[i].level);
	for (size_t i = 0; i < s->nunavail; i++)
		rc |= kz_specialist_add_unavail(d, s->unavail[i].start,
		    s->unavail[i].end, s->unavail[i].reason);
	if (rc) {
		kz_specialist_free(d);
		return KZ_ERROR;
	}
	return KZ_OK;
}

/* ---- validation ---- */

int
kz_specialist_validate(struct kz_db *db, const struct kz_specialist *s,
    struct kz_err *err)
{
	int before = err->n + err->dropped;
	char where[48];

	kz_rtype_check(&kz_specialist_type, db, s, err);
	if (s->name_roman && kz_has_cjk(s->name_roman))
		kz_err_add(err, "name_roman", _("romanised name must be written "
		    "in Latin letters"));

	for (size_t i = 0; i < s->nfields; i++) {
		const struct kz_specialist_field *f = &s->fields[i];
		snprintf(where, sizeof where, "fields");
		if (db->cfg && kz_config_field(db->cfg, f->code) == NULL)
			kz_err_add(err, where, _("unknown field of expertise "
			    "\"%s\" (see kizuna stats fields for the list)"),
			    f->code);
		for (size_t j = 0; j < i; j++)
			if (strcmp(s->fields[j].code, f->code) == 0)
				kz_err_add(err, where, _("field \"%s\" is "
				    "listed twice"), f->code);
		if (f->years < 0 || f->years > 60)
			kz_err_add(err, where, _("years of experience in "
			    "\"%s\" must be 0 to 60, not %d"), f->code,
			    f->years);
		kz_check_text(err, where, _("sub-speciality"), f->note, 200,
		    0);
	}
	for (size_t i = 0; i < s->nlangs; i++) {
		const struct kz_specialist_lang *l = &s->langs[i];
		if (!kz_lang_ok(l->lang))
			kz_err_add(err, "languages", _("\"%s\" is not a language "
			    "code such as en, zh or th"), l->lang);
		if (l->level < 0 || l->level >= KZ_LEVEL_COUNT)
			kz_err_add(err, "languages", _("unknown level for "
			    "language \"%s\""), l->lang);
		for (size_t j = 0; j < i; j++)
			if (strcmp(s->langs[j].lang, l->lang) == 0)
				kz_err_add(err, "languages", _("language \"%s\" is "
				    "listed twice"), l->lang);
	}
	for (size_t i = 0; i < s->nunavail; i++) {
		const struct kz_specialist_unavail *u = &s->unavail[i];
		if (!kz_date_valid(u->start) || !kz_date_valid(u->end)) {
			kz_err_add(err, "unavailable", _("\"%s..%s\" is not a "
			    "period of two dates YYYY-MM-DD"), u->start,
			    u->end);
			continue;
		}
		if (strcmp(u->end, u->start) < 0)
			kz_err_add(err, "unavailable", _("period %s..%s ends "
			    "before it starts"), u->start, u->end);
		kz_check_text(err, "unavailable", _("reason"), u->reason, 200, 0);
		for (size_t j = 0; j < i; j++) {
			const struct kz_specialist_unavail *o = &s->unavail[j];
			if (strcmp(o->start, u->end) <= 0 &&
			    strcmp(u->start, o->end) <= 0)
				kz_err_add(err, "unavailable", _("periods %s..%s "
				    "and %s..%s overlap"), o->start, o->end,
				    u->start, u->end);
		}
	}
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

/* ---- storage ---- */

/* Canonical field codes: numbers typed by a person become codes. Did
 * any change? */
static bool
canonical_fields(struct kz_db *db, struct kz_specialist *s)
{
	bool changed = false;

	for (size_t i = 0; db->cfg && i < s->nfields; i++) {
		const struct kz_field *f = kz_config_field(db->cfg,
		    s->fields[i].code);
		if (f && strcmp(f->code, s->fields[i].code) != 0) {
			kz_str_set(&s->fields[i].code, f->code);
			changed = true;
		}
	}
	return changed;
}

/* The child rows of s; fresh: a record just inserted, which has none
 * to replace yet (an import writes thousands: three lookups a row). */
static int
write_children(struct kz_db *db, const struct kz_specialist *s, bool fresh,
    struct kz_err *err)
{
	char num[16], *level;
	const char *v[4] = { s->id };

	if (!fresh && (kz_sql_run(db, err, "DELETE FROM specialist_field "
	    "WHERE specialist = ?", 1, v) || kz_sql_run(db, err, "DELETE FROM "
	    "specialist_lang WHERE specialist = ?", 1, v) || kz_sql_run(db, err,
	    "DELETE FROM specialist_unavail WHERE specialist = ?", 1, v)))
		return KZ_ERROR;
	for (size_t i = 0; i < s->nfields; i++) {
		snprintf(num, sizeof num, "%d", s->fields[i].years);
		v[1] = s->fields[i].code;
		v[2] = s->fields[i].note;
		v[3] = num;
		if (kz_sql_run(db, err, "INSERT INTO specialist_field (specialist, "
		    "field, note, years) VALUES (?, ?, ?, CAST(? AS INTEGER))",
		    4, v))
			return KZ_ERROR;
	}
	for (size_t i = 0; i < s->nlangs; i++) {
		level = (char *)kz_level_name(s->langs[i].level);
		v[1] = s->langs[i].lang;
		v[2] = level;
		if (kz_sql_run(db, err, "INSERT INTO specialist_lang (specialist, lang, "
		    "level) VALUES (?, ?, ?)", 3, v))
			return KZ_ERROR;
	}
	for (size_t i = 0; i < s->nunavail; i++) {
		v[1] = s->unavail[i].start;
		v[2] = s->unavail[i].end;
		v[3] = s->unavail[i].reason;
		if (kz_sql_run(db, err, "INSERT INTO specialist_unavail (specialist, "
		    "start, end, reason) VALUES (?, ?, ?, ?)", 4, v))
			return KZ_ERROR;
	}
	return kz_search_refresh(db, s->id, err);
}

int
kz_specialist_derive(struct kz_db *db, const char *id, struct kz_err *err)
{
	static const char sql[] = "UPDATE specialist SET sort_key = "
	    "kz_name_key(name, name_roman) WHERE id = ? AND sort_key IS NOT "
	    "kz_name_key(name, name_roman)";
	sqlite3_stmt *st = kz_db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return kz_db_fail(db, err, "sort key");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "sort key");
}

bool
kz_specialist_exists(struct kz_db *db, const char *id)
{
	return kz_record_exists(db, KZ_T_SPECIALIST, id);
}

static const char same_sql[] = "SELECT id FROM specialist WHERE "
    "name_roman = ? AND name = ? AND government = ? AND id IS NOT ? "
    "LIMIT 1";

bool
kz_specialist_same(struct kz_db *db, const struct kz_specialist *s,
    char id[KZ_ID_SIZE])
{
	sqlite3_stmt *st;
	bool found;

	if (!s->name || !s->name_roman || !s->government ||
	    (st = kz_db_stmt(db, same_sql)) == NULL)
		return false;
	sqlite3_bind_text(st, 1, s->name_roman, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->government, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->id, -1, SQLITE_STATIC);
	if ((found = sqlite3_step(st) == SQLITE_ROW))
		snprintf(id, KZ_ID_SIZE, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return found;
}

static int
write_main(struct kz_db *db, struct kz_specialist *s, bool insert,
    const char *seen, struct kz_err *err)
{
	char *key = kz_name_sort_key(s->name, s->name_roman);

	if (key == NULL)
		return kz_err_add(err, "", _("out of memory"));
	free(s->sort_key);
	s->sort_key = key;
	return insert ? kz_rtype_insert(db, &kz_specialist_type, s, err) :
	    kz_rtype_update_if(db, &kz_specialist_type, s, seen, err);
}

static int
insert(struct kz_db *db, struct kz_specialist *s, bool valid,
    struct kz_err *err)
{
	if ((canonical_fields(db, s) || !valid) &&
	    kz_specialist_validate(db, s, err) != KZ_OK)
		return KZ_ERROR;
	if (kz_record_assign_id(db, KZ_T_SPECIALIST, s->id, err))
		return KZ_ERROR;
	if (!s->created[0])
		kz_now_utc(s->created);
	if (!s->updated[0])
		memcpy(s->updated, s->created, sizeof s->updated);
	if (!s->created_by && kz_str_set(&s->created_by, kz_record_user(db)))
		return kz_err_add(err, "", _("out of memory"));
	if (!s->updated_by && kz_str_set(&s->updated_by, s->created_by))
		return kz_err_add(err, "", _("out of memory"));
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (write_main(db, s, true, NULL, err) ||
	    write_children(db, s, true, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

int
kz_specialist_insert(struct kz_db *db, struct kz_specialist *s,
    struct kz_err *err)
{
	return insert(db, s, false, err);
}

int
kz_specialist_insert_valid(struct kz_db *db, struct kz_specialist *s,
    struct kz_err *err)
{
	return insert(db, s, true, err);
}

int
kz_specialist_update(struct kz_db *db, struct kz_specialist *s,
    struct kz_err *err)
{
	char seen[sizeof s->updated];
	int rc;

	canonical_fields(db, s);
	if (kz_specialist_validate(db, s, err) != KZ_OK)
		return KZ_ERROR;
	if (!kz_specialist_exists(db, s->id))
		return kz_err_add(err, "id", _("no specialist %s"),
		    s->id);
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, s->updated, sizeof seen);
	kz_stamp_next(s->updated);
	if (kz_str_set(&s->updated_by, kz_record_user(db)))
		return kz_err_add(err, "", _("out of memory"));
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if ((rc = write_main(db, s, false, seen, err)) ||
	    (rc = write_children(db, s, false, err))) {
		kz_db_rollback(db);
		memcpy(s->updated, seen, sizeof seen);
		return rc;
	}
	return kz_db_commit(db, err);
}

int
kz_specialist_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE];
	const char *v[] = { id };

	if (kz_record_resolve(db, KZ_T_SPECIALIST, typed, id, err))
		return KZ_ERROR;
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	/* children go with ON DELETE CASCADE */
	if (kz_sql_run(db, err, "DELETE FROM specialist WHERE id = ?", 1, v) ||
	    kz_search_refresh(db, id, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

int
kz_specialist_get(struct kz_db *db, const char *typed,
    struct kz_specialist *s, struct kz_err *err)
{
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE];

	kz_specialist_init(s);
	if (kz_record_resolve(db, KZ_T_SPECIALIST, typed, id, err))
		return KZ_ERROR;
	if (kz_rtype_read(db, &kz_specialist_type, id, s, err)) {
		kz_specialist_free(s);
		return KZ_ERROR;
	}

	/* Children in the order a person reads them. */
	if (sqlite3_prepare_v2(db->sql, "SELECT field, note, years FROM "
	    "specialist_field WHERE specialist = ? ORDER BY years DESC, field",
	    -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		kz_specialist_add_field(s,
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int(st, 2));
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db->sql, "SELECT lang, level FROM "
	    "specialist_lang WHERE specialist = ? ORDER BY lang", -1, &st,
	    NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int l = kz_level_parse((const char *)sqlite3_column_text(st, 1));
		kz_specialist_add_lang(s, (const char *)sqlite3_column_text(st,
		    0), l < 0 ? KZ_LEVEL_BASIC : (enum kz_level)l);
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db->sql, "SELECT start, end, reason FROM "
	    "specialist_unavail WHERE specialist = ? ORDER BY start", -1, &st,
	    NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		kz_specialist_add_unavail(s,
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	return KZ_OK;
fail:
	kz_db_fail(db, err, "specialist");
	kz_specialist_free(s);
	return KZ_ERROR;
}
