/* participant.c - the people at a seminar edition, and counts of them. */
#include "participant.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "specialist.h"	/* kz_str_set */
#include "text.h"

/* ---- the role, once ---- */

static const char *const role_keywords[] = {
	"participant", "speaker", "interpreter", "staff", NULL,
};
static const char *const role_labels[] = {
	N_("participant"), N_("speaker"), N_("interpreter"), N_("staff"), NULL,
};
const struct kz_enum kz_participant_role_enum = { "role", role_keywords,
	role_labels };

const char *
kz_participant_role_name(enum kz_participant_role r)
{
	return kz_enum_keyword(&kz_participant_role_enum, (int)r);
}

int
kz_participant_role_parse(const char *s)
{
	return kz_enum_parse(&kz_participant_role_enum, s);
}

/* ---- the table of fields ---- */

#define S(m) offsetof(struct kz_participant, m)
#define A(m) S(m), sizeof ((struct kz_participant *)0)->m

/* One line a field: the order of files (contact details last, so a file
 * without them is the same file cut short), forms and detail panes. */
static const struct kz_rfield participant_fields[] = {
	KZ_RF_ID(struct kz_participant),
	{ .name = "seminar", .column = "seminar", .label = N_("edition"),
	  .kind = KZ_RK_REF, .off = A(seminar), .ref = KZ_T_SEMINAR,
	  .flags = KZ_RF_REQUIRED },
	{ .name = "name", .column = "name", .csv = "name", .option = "name",
	  .label = N_("name"), .kind = KZ_RK_TEXT, .off = S(name), .max = 100,
	  .flags = KZ_RF_REQUIRED, .hint = N_("As the person writes it") },
	{ .name = "name_roman", .column = "name_roman", .csv = "name_roman",
	  .option = "roman", .label = N_("romanised name"), .kind = KZ_RK_TEXT,
	  .off = S(name_roman), .max = 100, .hint = N_("In Latin letters") },
	{ .name = "country", .column = "country", .csv = "country",
	  .option = "country", .label = N_("country"), .kind = KZ_RK_COUNTRY,
	  .off = A(country), .flags = KZ_RF_REQUIRED,
	  .hint = N_("ISO code: KH, IN, ID, LA, MY, MM, PH, LK, TH, CN, JP, "
	  "...") },
	{ .name = "organisation", .column = "organisation",
	  .csv = "organisation", .option = "organisation",
	  .label = N_("organisation"), .kind = KZ_RK_TEXT,
	  .off = S(organisation), .max = 200,
	  .hint = N_("e.g. Ministry of Interior") },
	{ .name = "post", .column = "post", .csv = "post", .option = "post",
	  .label = N_("post"), .kind = KZ_RK_TEXT, .off = S(post), .max = 200,
	  .hint = N_("e.g. Deputy Director") },
	{ .name = "role", .column = "role", .csv = "role", .option = "role",
	  .label = N_("role"), .kind = KZ_RK_ENUM, .off = S(role),
	  .values = &kz_participant_role_enum,
	  .hint = N_("Space, or the first letter") },
	/* No CSV column: files of participants stay as they were. */
	{ .name = "specialist", .column = "specialist", .option = "specialist",
	  .label = N_("specialist"), .kind = KZ_RK_REF, .off = A(specialist),
	  .ref = KZ_T_SPECIALIST,
	  .hint = N_("Register id if a specialist: it books their days") },
	{ .name = "needs", .column = "needs", .csv = "needs",
	  .option = "needs", .label = N_("needs"), .kind = KZ_RK_TEXT,
	  .off = S(needs), .max = 500, .flags = KZ_RF_PERSONAL,
	  .hint = N_("Dietary or access needs, e.g. halal, wheelchair") },
	{ .name = "notes", .column = "notes", .csv = "notes",
	  .option = "notes", .label = N_("notes"), .kind = KZ_RK_NOTE,
	  .off = S(notes), .max = 4000, .flags = KZ_RF_PERSONAL,
	  .hint = N_("Anything else worth knowing") },
	KZ_RF_CONTACT(struct kz_participant),
	KZ_RF_STAMPS(struct kz_participant, st., NULL, NULL),
};

#undef S
#undef A

KZ_RTYPE(kz_participant_type, N_("participant"), KZ_T_PARTICIPANT,
    participant_fields);

void
kz_participant_init(struct kz_participant *p)
{
	memset(p, 0, sizeof *p);
}

void
kz_participant_free(struct kz_participant *p)
{
	kz_rtype_free(&kz_participant_type, p);
	kz_participant_init(p);
}

int
kz_participant_validate(struct kz_db *db, const struct kz_participant *p,
    struct kz_err *err)
{
	int before = err->n + err->dropped;

	kz_rtype_check(&kz_participant_type, db, p, err);
	if (kz_has_cjk(p->name_roman))
		kz_err_add(err, "name_roman", _("romanised name must be written "
		    "in Latin letters"));
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

static int
part_write(struct kz_db *db, struct kz_participant *p, bool insert,
    struct kz_err *err)
{
	char seen[sizeof p->st.updated];
	int rc;

	if (kz_participant_validate(db, p, err) != KZ_OK)
		return KZ_ERROR;
	if (insert && kz_record_assign_id(db, KZ_T_PARTICIPANT, p->id, err))
		return KZ_ERROR;
	if (!insert && !kz_record_exists(db, KZ_T_PARTICIPANT, p->id))
		return kz_err_add(err, "id", _("no participant %s"),
		    p->id);
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, p->st.updated, sizeof seen);
	if (kz_stamps_touch(db, &p->st, insert))
		return kz_err_add(err, "", _("out of memory"));
	if (insert)
		return kz_rtype_insert(db, &kz_participant_type, p, err);
	if ((rc = kz_rtype_update_if(db, &kz_participant_type, p, seen, err)))
		memcpy(p->st.updated, seen, sizeof seen);
	return rc;
}

int
kz_participant_insert(struct kz_db *db, struct kz_participant *p,
    struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, part_write(db, p, true, err), err);
}

int
kz_participant_update(struct kz_db *db, struct kz_participant *p,
    struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, part_write(db, p, false, err), err);
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

	if (part_resolve(db, typed, id, err) || kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, kz_sql_run(db, err, "DELETE FROM participant "
	    "WHERE id = ?", 1, v), err);
}

int
kz_participant_get(struct kz_db *db, const char *typed,
    struct kz_participant *p, struct kz_err *err)
{
	char id[KZ_ID_SIZE];

	kz_participant_init(p);
	if (part_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (kz_rtype_read(db, &kz_participant_type, id, p, err)) {
		kz_participant_free(p);
		return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_participant_list(struct kz_db *db, const char *seminar, const char *country,
    int role, struct kz_participant **out, size_t *n, struct kz_err *err)
{
	sqlite3_stmt *st;
	struct kz_participant *l = NULL, *g;
	const char *cols = kz_rtype_columns(&kz_participant_type);
	char *q;
	int rc;

	*out = NULL;
	*n = 0;
	if (cols == NULL)
		return kz_err_add(err, "", _("out of memory"));
	/* the order of a name list at the door: people, speakers, then the
	 * ones who work there */
	q = sqlite3_mprintf("SELECT %s FROM participant WHERE seminar = ?1 "
	    "AND (?2 IS NULL OR country = ?2) AND (?3 IS NULL OR role = ?3) "
	    "ORDER BY CASE role WHEN 'participant' THEN 0 WHEN 'speaker' THEN "
	    "1 WHEN 'interpreter' THEN 2 ELSE 3 END, country, "
	    "coalesce(name_roman, name), name", cols);
	if (q == NULL)
		return kz_err_add(err, "", _("out of memory"));
	rc = sqlite3_prepare_v2(db->sql, q, -1, &st, NULL);
	sqlite3_free(q);
	if (rc != SQLITE_OK)
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
		kz_participant_init(&l[*n]);
		if (kz_rtype_row(&kz_participant_type, st, 0, &l[(*n)++])) {
			sqlite3_finalize(st);
			kz_participant_list_free(l, *n);
			*n = 0;
			return kz_err_add(err, "", _("out of memory"));
		}
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
