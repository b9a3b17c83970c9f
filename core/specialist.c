/* specialist.c - the register of specialists: records, rules, storage. */
#include "specialist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "record.h"
#include "search.h"
#include "text.h"

static const char *const level_names[KZ_LEVEL_COUNT] = {
	N_("basic"), N_("conversational"), N_("business"), N_("fluent"),
	N_("native"),
};

const char *
kz_level_name(enum kz_level l)
{
	return l >= 0 && l < KZ_LEVEL_COUNT ? level_names[l] : "?";
}

int
kz_level_parse(const char *s)
{
	for (int i = 0; s && i < KZ_LEVEL_COUNT; i++)
		if (strcmp(s, level_names[i]) == 0)
			return i;
	return -1;
}

const char *
kz_status_name(enum kz_status st)
{
	return st == KZ_RETIRED ? N_("retired") : N_("serving");
}

int
kz_status_parse(const char *s)
{
	if (s && strcmp(s, "serving") == 0)
		return KZ_SERVING;
	if (s && strcmp(s, "retired") == 0)
		return KZ_RETIRED;
	return -1;
}

/* ---- owned strings ---- */

int
kz_str_set(char **slot, const char *value)
{
	char *copy = NULL;

	if (value && *value && (copy = strdup(value)) == NULL)
		return KZ_ERROR;
	free(*slot);
	*slot = copy;
	return KZ_OK;
}

void
kz_specialist_init(struct kz_specialist *s)
{
	memset(s, 0, sizeof *s);
}

void
kz_specialist_free(struct kz_specialist *s)
{
	char **strs[] = { &s->name, &s->name_roman, &s->government, &s->post,
	    &s->overseas, &s->email, &s->phone, &s->address, &s->notes,
	    &s->created_by, &s->updated_by };

	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(*strs[i]);
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
	int rc = 0;

	kz_specialist_init(d);
	memcpy(d->id, s->id, sizeof d->id);
	memcpy(d->created, s->created, sizeof d->created);
	memcpy(d->updated, s->updated, sizeof d->updated);
	d->status = s->status;
	rc |= kz_str_set(&d->name, s->name);
	rc |= kz_str_set(&d->name_roman, s->name_roman);
	rc |= kz_str_set(&d->government, s->government);
	rc |= kz_str_set(&d->post, s->post);
	rc |= kz_str_set(&d->overseas, s->overseas);
	rc |= kz_str_set(&d->email, s->email);
	rc |= kz_str_set(&d->phone, s->phone);
	rc |= kz_str_set(&d->address, s->address);
	rc |= kz_str_set(&d->notes, s->notes);
	rc |= kz_str_set(&d->created_by, s->created_by);
	rc |= kz_str_set(&d->updated_by, s->updated_by);
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

	kz_check_text(err, "name", _("name"), s->name, 100, KZ_TEXT_REQUIRED);
	kz_check_text(err, "name_roman", _("romanised name"), s->name_roman, 100,
	    KZ_TEXT_REQUIRED);
	if (s->name_roman && kz_has_cjk(s->name_roman))
		kz_err_add(err, "name_roman", _("romanised name must be written "
		    "in Latin letters"));
	kz_check_text(err, "government", _("home government"), s->government,
	    100, KZ_TEXT_REQUIRED);
	kz_check_text(err, "post", _("post"), s->post, 100, 0);
	if (s->status != KZ_SERVING && s->status != KZ_RETIRED)
		kz_err_add(err, "status", _("status must be serving or retired"));
	kz_check_text(err, "overseas", _("overseas experience"), s->overseas,
	    2000, KZ_TEXT_MULTILINE);
	kz_check_email(err, "email", s->email);
	kz_check_phone(err, "phone", s->phone);
	kz_check_text(err, "address", _("address"), s->address, 300,
	    KZ_TEXT_MULTILINE);
	kz_check_text(err, "notes", _("notes"), s->notes, 4000,
	    KZ_TEXT_MULTILINE);

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
			kz_err_add(err, "langs", _("\"%s\" is not a language "
			    "code such as en, zh or th"), l->lang);
		if (l->level < 0 || l->level >= KZ_LEVEL_COUNT)
			kz_err_add(err, "langs", _("unknown level for "
			    "language \"%s\""), l->lang);
		for (size_t j = 0; j < i; j++)
			if (strcmp(s->langs[j].lang, l->lang) == 0)
				kz_err_add(err, "langs", _("language \"%s\" is "
				    "listed twice"), l->lang);
	}
	for (size_t i = 0; i < s->nunavail; i++) {
		const struct kz_specialist_unavail *u = &s->unavail[i];
		if (!kz_date_valid(u->start) || !kz_date_valid(u->end)) {
			kz_err_add(err, "unavail", _("\"%s..%s\" is not a "
			    "period of two dates YYYY-MM-DD"), u->start,
			    u->end);
			continue;
		}
		if (strcmp(u->end, u->start) < 0)
			kz_err_add(err, "unavail", _("period %s..%s ends "
			    "before it starts"), u->start, u->end);
		kz_check_text(err, "unavail", _("reason"), u->reason, 200, 0);
		for (size_t j = 0; j < i; j++) {
			const struct kz_specialist_unavail *o = &s->unavail[j];
			if (strcmp(o->start, u->end) <= 0 &&
			    strcmp(u->start, o->end) <= 0)
				kz_err_add(err, "unavail", _("periods %s..%s "
				    "and %s..%s overlap"), o->start, o->end,
				    u->start, u->end);
		}
	}
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

/* ---- storage ---- */

/* Canonical field codes: numbers typed by a person become codes. */
static void
canonical_fields(struct kz_db *db, struct kz_specialist *s)
{
	for (size_t i = 0; db->cfg && i < s->nfields; i++) {
		const struct kz_field *f = kz_config_field(db->cfg,
		    s->fields[i].code);
		if (f && strcmp(f->code, s->fields[i].code) != 0)
			kz_str_set(&s->fields[i].code, f->code);
	}
}

static int
write_children(struct kz_db *db, const struct kz_specialist *s,
    struct kz_err *err)
{
	char num[16], *level;
	const char *v[4] = { s->id };

	if (kz_sql_run(db, err, "DELETE FROM specialist_field WHERE specialist = ?",
	    1, v) || kz_sql_run(db, err, "DELETE FROM specialist_lang WHERE "
	    "specialist = ?", 1, v) || kz_sql_run(db, err, "DELETE FROM "
	    "specialist_unavail WHERE specialist = ?", 1, v))
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

bool
kz_specialist_exists(struct kz_db *db, const char *id)
{
	return kz_record_exists(db, KZ_T_SPECIALIST, id);
}

static int
write_main(struct kz_db *db, const struct kz_specialist *s, bool insert,
    struct kz_err *err)
{
	const char *v[] = { s->name, s->name_roman, s->government, s->post,
	    kz_status_name(s->status), s->overseas, s->email, s->phone,
	    s->address, s->notes, s->created, s->updated, s->created_by,
	    s->updated_by, s->id };

	if (insert)
		return kz_sql_run(db, err, "INSERT INTO specialist (name, "
		    "name_roman, government, post, status, overseas, email, phone, address, "
		    "notes, created, updated, created_by, updated_by, id) VALUES "
		    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 15, v);
	/* creation stamps stay as they were */
	return kz_sql_run(db, err, "UPDATE specialist SET name = ?1, "
	    "name_roman = ?2, government = ?3, post = ?4, status = ?5, overseas = ?6, "
	    "email = ?7, phone = ?8, address = ?9, notes = ?10, updated = ?12, "
	    "updated_by = ?14 WHERE id = ?15", 15, v);
}

int
kz_specialist_insert(struct kz_db *db, struct kz_specialist *s,
    struct kz_err *err)
{
	canonical_fields(db, s);
	if (kz_specialist_validate(db, s, err) != KZ_OK)
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
	if (write_main(db, s, true, err) || write_children(db, s, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

int
kz_specialist_update(struct kz_db *db, struct kz_specialist *s,
    struct kz_err *err)
{
	canonical_fields(db, s);
	if (kz_specialist_validate(db, s, err) != KZ_OK)
		return KZ_ERROR;
	if (!kz_specialist_exists(db, s->id))
		return kz_err_add(err, "id", _("no specialist with id %s"),
		    s->id);
	kz_now_utc(s->updated);
	if (kz_str_set(&s->updated_by, kz_record_user(db)))
		return kz_err_add(err, "", _("out of memory"));
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (write_main(db, s, false, err) || write_children(db, s, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
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
	int rc;

	kz_specialist_init(s);
	if (kz_record_resolve(db, KZ_T_SPECIALIST, typed, id, err))
		return KZ_ERROR;
	if (sqlite3_prepare_v2(db->sql, "SELECT id, name, name_roman, "
	    "government, post, status, overseas, email, phone, address, notes, "
	    "created, updated, created_by, updated_by FROM specialist WHERE "
	    "id = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "specialist");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return kz_err_add(err, "id", _("no specialist with id %s"), id);
	}
	snprintf(s->id, sizeof s->id, "%s", sqlite3_column_text(st, 0));
	s->name = kz_col_dup(st, 1);
	s->name_roman = kz_col_dup(st, 2);
	s->government = kz_col_dup(st, 3);
	s->post = kz_col_dup(st, 4);
	s->status = kz_status_parse((const char *)sqlite3_column_text(st, 5))
	    == KZ_RETIRED ? KZ_RETIRED : KZ_SERVING;
	s->overseas = kz_col_dup(st, 6);
	s->email = kz_col_dup(st, 7);
	s->phone = kz_col_dup(st, 8);
	s->address = kz_col_dup(st, 9);
	s->notes = kz_col_dup(st, 10);
	snprintf(s->created, sizeof s->created, "%s",
	    sqlite3_column_text(st, 11));
	snprintf(s->updated, sizeof s->updated, "%s",
	    sqlite3_column_text(st, 12));
	s->created_by = kz_col_dup(st, 13);
	s->updated_by = kz_col_dup(st, 14);
	sqlite3_finalize(st);

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
