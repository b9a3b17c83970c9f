/* participant.c - the people at a seminar edition, and counts of them. */
#include "participant.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "specialist.h"	/* kz_str_set */
#include "text.h"

static const char *const role_names[KZ_PART_ROLE_COUNT] = {
	N_("participant"), N_("speaker"), N_("interpreter"), N_("staff"),
};

const char *
kz_participant_role_name(enum kz_participant_role r)
{
	return r >= 0 && r < KZ_PART_ROLE_COUNT ? role_names[r] : "?";
}

int
kz_participant_role_parse(const char *s)
{
	for (int i = 0; s && i < KZ_PART_ROLE_COUNT; i++)
		if (strcmp(s, role_names[i]) == 0 || strcmp(s, _(role_names[i]))
		    == 0)
			return i;
	return -1;
}

void
kz_participant_init(struct kz_participant *p)
{
	memset(p, 0, sizeof *p);
}

void
kz_participant_free(struct kz_participant *p)
{
	char **strs[] = { &p->name, &p->name_roman, &p->organisation, &p->post,
	    &p->email, &p->phone, &p->needs, &p->notes };

	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(*strs[i]);
	kz_stamps_free(&p->st);
	kz_participant_init(p);
}

int
kz_participant_validate(struct kz_db *db, const struct kz_participant *p,
    struct kz_err *err)
{
	int before = err->n + err->dropped;

	if (!p->seminar[0] || !kz_record_exists(db, KZ_T_SEMINAR, p->seminar))
		kz_err_add(err, "seminar", _("the participant needs a seminar "
		    "that exists"));
	kz_check_text(err, "name", _("name"), p->name, 100, KZ_TEXT_REQUIRED);
	kz_check_text(err, "name_roman", _("romanised name"), p->name_roman,
	    100, 0);
	if (kz_has_cjk(p->name_roman))
		kz_err_add(err, "name_roman", _("romanised name must be written "
		    "in Latin letters"));
	kz_check_country(err, "country", p->country, true);
	kz_check_text(err, "organisation", _("organisation"), p->organisation,
	    200, 0);
	kz_check_text(err, "post", _("post"), p->post, 200, 0);
	if (p->role < 0 || p->role >= KZ_PART_ROLE_COUNT)
		kz_err_add(err, "role", _("role must be participant, speaker, "
		    "interpreter or staff"));
	kz_check_email(err, "email", p->email);
	kz_check_phone(err, "phone", p->phone);
	kz_check_text(err, "needs", _("needs"), p->needs, 500, 0);
	kz_check_text(err, "notes", _("notes"), p->notes, 4000,
	    KZ_TEXT_MULTILINE);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

static int
part_write(struct kz_db *db, struct kz_participant *p, bool insert,
    struct kz_err *err)
{
	if (kz_participant_validate(db, p, err) != KZ_OK)
		return KZ_ERROR;
	if (insert && kz_record_assign_id(db, KZ_T_PARTICIPANT, p->id, err))
		return KZ_ERROR;
	if (!insert && !kz_record_exists(db, KZ_T_PARTICIPANT, p->id))
		return kz_err_add(err, "id", _("no participant with id %s"),
		    p->id);
	if (kz_stamps_touch(db, &p->st, insert))
		return kz_err_add(err, "", _("out of memory"));
	const char *v[] = { p->seminar, p->name, p->name_roman, p->country,
	    p->organisation, p->post, kz_participant_role_name(p->role), p->email,
	    p->phone, p->needs, p->notes, p->st.created, p->st.updated,
	    p->st.created_by, p->st.updated_by, p->id };
	if (insert)
		return kz_sql_run(db, err, "INSERT INTO participant (seminar, "
		    "name, name_roman, country, organisation, post, role, email, "
		    "phone, needs, notes, created, updated, created_by, "
		    "updated_by, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		    "?, ?, ?, ?)", 16, v);
	return kz_sql_run(db, err, "UPDATE participant SET seminar = ?1, "
	    "name = ?2, name_roman = ?3, country = ?4, organisation = ?5, "
	    "post = ?6, role = ?7, email = ?8, phone = ?9, needs = ?10, "
	    "notes = ?11, updated = ?13, updated_by = ?15 WHERE id = ?16", 16,
	    v);
}

int
kz_participant_insert(struct kz_db *db, struct kz_participant *p,
    struct kz_err *err)
{
	return part_write(db, p, true, err);
}

int
kz_participant_update(struct kz_db *db, struct kz_participant *p,
    struct kz_err *err)
{
	return part_write(db, p, false, err);
}

static int
part_resolve(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	return kz_record_resolve(db, KZ_T_PARTICIPANT, typed, id, err);
}

int
kz_participant_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE];
	const char *v[] = { id };

	if (part_resolve(db, typed, id, err))
		return KZ_ERROR;
	return kz_sql_run(db, err, "DELETE FROM participant WHERE id = ?", 1, v);
}

#define PART_COLS "id, seminar, name, name_roman, country, organisation, " \
	"post, role, email, phone, needs, notes, created, updated, " \
	"created_by, updated_by"

static void
part_row(sqlite3_stmt *st, struct kz_participant *p)
{
	int r;

	kz_participant_init(p);
	kz_col_copy(st, 0, p->id, sizeof p->id);
	kz_col_copy(st, 1, p->seminar, sizeof p->seminar);
	p->name = kz_col_dup(st, 2);
	p->name_roman = kz_col_dup(st, 3);
	kz_col_copy(st, 4, p->country, sizeof p->country);
	p->organisation = kz_col_dup(st, 5);
	p->post = kz_col_dup(st, 6);
	r = kz_participant_role_parse((const char *)sqlite3_column_text(st, 7));
	p->role = r < 0 ? KZ_PART_PARTICIPANT : (enum kz_participant_role)r;
	p->email = kz_col_dup(st, 8);
	p->phone = kz_col_dup(st, 9);
	p->needs = kz_col_dup(st, 10);
	p->notes = kz_col_dup(st, 11);
	kz_col_copy(st, 12, p->st.created, sizeof p->st.created);
	kz_col_copy(st, 13, p->st.updated, sizeof p->st.updated);
	p->st.created_by = kz_col_dup(st, 14);
	p->st.updated_by = kz_col_dup(st, 15);
}

int
kz_participant_get(struct kz_db *db, const char *typed,
    struct kz_participant *p, struct kz_err *err)
{
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE];
	bool found = false;

	kz_participant_init(p);
	if (part_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (sqlite3_prepare_v2(db->sql, "SELECT " PART_COLS " FROM participant "
	    "WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "participant");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		part_row(st, p);
		found = true;
	}
	sqlite3_finalize(st);
	return found ? KZ_OK : kz_err_add(err, "id", _("no participant with id "
	    "%s"), id);
}

int
kz_participant_list(struct kz_db *db, const char *seminar, const char *country,
    int role, struct kz_participant **out, size_t *n, struct kz_err *err)
{
	sqlite3_stmt *st;
	struct kz_participant *l = NULL, *g;

	*out = NULL;
	*n = 0;
	/* the order of a name list at the door: people, speakers, then the
	 * ones who work there */
	if (sqlite3_prepare_v2(db->sql, "SELECT " PART_COLS " FROM participant "
	    "WHERE seminar = ?1 AND (?2 IS NULL OR country = ?2) AND "
	    "(?3 IS NULL OR role = ?3) ORDER BY CASE role WHEN 'participant' "
	    "THEN 0 WHEN 'speaker' THEN 1 WHEN 'interpreter' THEN 2 ELSE 3 "
	    "END, country, coalesce(name_roman, name), name", -1, &st, NULL) !=
	    SQLITE_OK)
		return kz_db_fail(db, err, "participant");
	sqlite3_bind_text(st, 1, seminar, -1, SQLITE_STATIC);
	kz_bind_text(st, 2, country);
	kz_bind_text(st, 3, role >= 0 ? kz_participant_role_name((enum kz_participant_role)
	    role) : NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if ((g = kz_grow(l, *n, sizeof *g)) == NULL) {
			sqlite3_finalize(st);
			kz_participant_list_free(l, *n);
			*n = 0;
			return kz_err_add(err, "", _("out of memory"));
		}
		l = g;
		part_row(st, &l[(*n)++]);
	}
	sqlite3_finalize(st);
	*out = l;
	return KZ_OK;
}

void
kz_participant_list_free(struct kz_participant *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kz_participant_free(&l[i]);
	free(l);
}

int
kz_participant_count_country(struct kz_db *db, const char *seminar,
    struct kz_counts *out, struct kz_err *err)
{
	return kz_counts_query(db, "SELECT country, count(*) FROM participant "
	    "WHERE seminar = ?1 GROUP BY country ORDER BY count(*) DESC, "
	    "country", seminar, out, err);
}

int
kz_participant_count_role(struct kz_db *db, const char *seminar,
    struct kz_counts *out, struct kz_err *err)
{
	return kz_counts_query(db, "SELECT role, count(*) FROM participant "
	    "WHERE seminar = ?1 GROUP BY role ORDER BY count(*) DESC, role",
	    seminar, out, err);
}

bool
kz_participant_find(struct kz_db *db, const struct kz_participant *p,
    char id[KZ_ID_SIZE])
{
	sqlite3_stmt *st;
	bool found = false;

	if (sqlite3_prepare_v2(db->sql, "SELECT id FROM participant WHERE "
	    "seminar = ? AND name = ? AND country = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, p->seminar, -1, SQLITE_STATIC);
	kz_bind_text(st, 2, p->name);
	sqlite3_bind_text(st, 3, p->country, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		kz_col_copy(st, 0, id, KZ_ID_SIZE);
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}
