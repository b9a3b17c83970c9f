/* trainee.c - overseas officials placed as trainees in Japan. */
#include "trainee.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "specialist.h"	/* kz_str_set */

static const char *const programme_names[KZ_TRP_COUNT] = {
	"lgotp", "jica", "other",
};
/* stored and typed in English; shown by names (a request is
 * "withdrawn" too, in other words in other languages) */
static const char *const status_keywords[KZ_TR_STATUS_COUNT] = {
	"planned", "ongoing", "completed", "withdrawn",
};
static const char *const status_names[KZ_TR_STATUS_COUNT] = {
	N_("planned"), N_("ongoing"), N_("completed"),
	NC_("trainee status", "withdrawn"),
};

const char *
kz_trainee_programme_name(enum kz_trainee_programme p)
{
	return p >= 0 && p < KZ_TRP_COUNT ? programme_names[p] : "?";
}

int
kz_trainee_programme_parse(const char *s)
{
	for (int i = 0; s && i < KZ_TRP_COUNT; i++)
		if (strcasecmp(s, programme_names[i]) == 0)
			return i;
	return -1;
}

const char *
kz_trainee_status_keyword(enum kz_trainee_status s)
{
	return s >= 0 && s < KZ_TR_STATUS_COUNT ? status_keywords[s] : "?";
}

const char *
kz_trainee_status_name(enum kz_trainee_status s)
{
	return s >= 0 && s < KZ_TR_STATUS_COUNT ? status_names[s] : "?";
}

int
kz_trainee_status_parse(const char *s)
{
	/* the keyword only: what a command or a CSV file says must not
	 * depend on the office's language */
	for (int i = 0; s && i < KZ_TR_STATUS_COUNT; i++)
		if (strcmp(s, status_keywords[i]) == 0)
			return i;
	return -1;
}

void
kz_trainee_init(struct kz_trainee *t)
{
	memset(t, 0, sizeof *t);
	t->status = KZ_TR_PLANNED;
}

void
kz_trainee_free(struct kz_trainee *t)
{
	char **strs[] = { &t->name, &t->name_roman, &t->home_government,
	    &t->home_region, &t->post, &t->host, &t->fields, &t->course,
	    &t->notes };

	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(*strs[i]);
	kz_stamps_free(&t->st);
	kz_trainee_init(t);
}

int
kz_trainee_validate(struct kz_db *db, const struct kz_trainee *t,
    struct kz_err *err)
{
	int before = err->n + err->dropped;
	int y = t->year;

	(void)db;
	kz_check_text(err, "name", _("name"), t->name, 100, 0);
	kz_check_text(err, "name_roman", _("romanised name"), t->name_roman,
	    100, 0);
	if (kz_has_cjk(t->name_roman))
		kz_err_add(err, "name_roman", _("romanised name must be written "
		    "in Latin letters"));
	kz_check_text(err, "home_government", _("home government"),
	    t->home_government, 100, KZ_TEXT_REQUIRED);
	kz_check_text(err, "home_region", _("home region"), t->home_region,
	    100, 0);
	kz_check_country(err, "home_country", t->home_country, false);
	kz_check_text(err, "post", _("post"), t->post, 200, 0);
	kz_check_text(err, "host", _("host government"), t->host, 100,
	    KZ_TEXT_REQUIRED);
	kz_check_text(err, "fields", _("fields"), t->fields, 500, 0);
	kz_check_date(err, "start", _("first day"), t->start, false);
	kz_check_date(err, "end", _("last day"), t->end, false);
	if (y == 0 && kz_date_valid(t->start))
		y = atoi(t->start);
	if (y < 1900 || y > 2199)
		kz_err_add(err, "year", _("year must be 1900 to 2199, not %d"),
		    y);
	if (t->end[0] && !t->start[0])
		kz_err_add(err, "start", _("a period with a last day needs its "
		    "first day"));
	else if (kz_date_valid(t->start) && kz_date_valid(t->end) &&
	    strcmp(t->end, t->start) < 0)
		kz_err_add(err, "end", _("the placement ends (%s) before it "
		    "starts (%s)"), t->end, t->start);
	if (kz_date_valid(t->start) && y >= 1900 && atoi(t->start) != y &&
	    atoi(t->start) != y + 1)
		kz_err_add(err, "start", _("the period starts in %d, outside "
		    "programme year %d"), atoi(t->start), y);
	if (t->programme < 0 || t->programme >= KZ_TRP_COUNT)
		kz_err_add(err, "programme", _("programme must be lgotp, jica "
		    "or other"));
	kz_check_text(err, "course", _("course"), t->course, 200, 0);
	if (t->status < 0 || t->status >= KZ_TR_STATUS_COUNT)
		kz_err_add(err, "status", _("status must be planned, ongoing, "
		    "completed or withdrawn"));
	kz_check_text(err, "notes", _("notes"), t->notes, 4000,
	    KZ_TEXT_MULTILINE);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

static int
tr_write(struct kz_db *db, struct kz_trainee *t, bool insert,
    struct kz_err *err)
{
	char year[16];
	const struct kz_config *cfg = db->cfg;

	if (t->year == 0 && kz_date_valid(t->start))
		t->year = atoi(t->start);
	if (insert && !t->home_country[0] && cfg && cfg->ncountries == 1)
		snprintf(t->home_country, sizeof t->home_country, "%s",
		    cfg->countries[0]);
	if (kz_trainee_validate(db, t, err) != KZ_OK)
		return KZ_ERROR;
	if (insert && kz_record_assign_id(db, KZ_T_TRAINEE, t->id, err))
		return KZ_ERROR;
	if (!insert && !kz_record_exists(db, KZ_T_TRAINEE, t->id))
		return kz_err_add(err, "id", _("no trainee with id %s"), t->id);
	if (kz_stamps_touch(db, &t->st, insert))
		return kz_err_add(err, "", _("out of memory"));
	snprintf(year, sizeof year, "%d", t->year);
	const char *v[] = { t->name, t->name_roman, t->home_government,
	    t->home_region, t->home_country, t->post, t->host, t->fields, year,
	    t->start, t->end, kz_trainee_programme_name(t->programme), t->course,
	    kz_trainee_status_keyword(t->status), t->notes, t->st.created,
	    t->st.updated, t->st.created_by, t->st.updated_by, t->id };
	if (insert)
		return kz_sql_run(db, err, "INSERT INTO trainee (name, "
		    "name_roman, home_government, home_region, home_country, "
		    "post, host, fields, year, start, end, programme, course, "
		    "status, notes, created, updated, created_by, updated_by, id) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS INTEGER), "
		    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)", 20,
		    v);
	return kz_sql_run(db, err, "UPDATE trainee SET name = ?1, "
	    "name_roman = ?2, home_government = ?3, home_region = ?4, "
	    "home_country = ?5, post = ?6, host = ?7, fields = ?8, "
	    "year = CAST(?9 AS INTEGER), start = ?10, end = ?11, "
	    "programme = ?12, course = ?13, status = ?14, notes = ?15, "
	    "updated = ?17, updated_by = ?19 WHERE id = ?20", 20, v);
}

int
kz_trainee_insert(struct kz_db *db, struct kz_trainee *t, struct kz_err *err)
{
	return tr_write(db, t, true, err);
}

int
kz_trainee_update(struct kz_db *db, struct kz_trainee *t, struct kz_err *err)
{
	return tr_write(db, t, false, err);
}

static int
tr_resolve(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	return kz_record_resolve(db, KZ_T_TRAINEE, typed, id, err);
}

int
kz_trainee_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE];
	const char *v[] = { id };

	if (tr_resolve(db, typed, id, err))
		return KZ_ERROR;
	return kz_sql_run(db, err, "DELETE FROM trainee WHERE id = ?", 1, v);
}

#define TR_COLS "id, name, name_roman, home_government, home_region, " \
	"home_country, post, host, fields, year, start, end, programme, " \
	"course, status, notes, created, updated, created_by, updated_by"

static void
tr_row(sqlite3_stmt *st, struct kz_trainee *t)
{
	int k;

	kz_trainee_init(t);
	kz_col_copy(st, 0, t->id, sizeof t->id);
	t->name = kz_col_dup(st, 1);
	t->name_roman = kz_col_dup(st, 2);
	t->home_government = kz_col_dup(st, 3);
	t->home_region = kz_col_dup(st, 4);
	kz_col_copy(st, 5, t->home_country, sizeof t->home_country);
	t->post = kz_col_dup(st, 6);
	t->host = kz_col_dup(st, 7);
	t->fields = kz_col_dup(st, 8);
	t->year = sqlite3_column_int(st, 9);
	kz_col_copy(st, 10, t->start, sizeof t->start);
	kz_col_copy(st, 11, t->end, sizeof t->end);
	k = kz_trainee_programme_parse((const char *)sqlite3_column_text(st, 12));
	t->programme = k < 0 ? KZ_TRP_OTHER : (enum kz_trainee_programme)k;
	t->course = kz_col_dup(st, 13);
	k = kz_trainee_status_parse((const char *)sqlite3_column_text(st, 14));
	t->status = k < 0 ? KZ_TR_PLANNED : (enum kz_trainee_status)k;
	t->notes = kz_col_dup(st, 15);
	kz_col_copy(st, 16, t->st.created, sizeof t->st.created);
	kz_col_copy(st, 17, t->st.updated, sizeof t->st.updated);
	t->st.created_by = kz_col_dup(st, 18);
	t->st.updated_by = kz_col_dup(st, 19);
}

int
kz_trainee_get(struct kz_db *db, const char *typed, struct kz_trainee *t,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE];
	bool found = false;

	kz_trainee_init(t);
	if (tr_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (sqlite3_prepare_v2(db->sql, "SELECT " TR_COLS " FROM trainee WHERE "
	    "id = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "trainee");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		tr_row(st, t);
		found = true;
	}
	sqlite3_finalize(st);
	return found ? KZ_OK : kz_err_add(err, "id", _("no trainee with id %s"),
	    id);
}

void
kz_trainee_query_init(struct kz_trainee_query *q)
{
	memset(q, 0, sizeof *q);
	q->status = -1;
	q->programme = -1;
}

/* The filter every list and count shares; parameters ?1 to ?6. */
#define TR_WHERE "(?1 = 0 OR year = ?1) AND (?2 IS NULL OR instr(host, ?2) " \
	"> 0) AND (?3 IS NULL OR instr(coalesce(home_region, '') || ' ' || " \
	"home_government, ?3) > 0) AND (?4 IS NULL OR status = ?4) AND " \
	"(?5 IS NULL OR programme = ?5) AND (?6 IS NULL OR instr(lower(" \
	"coalesce(name, '') || ' ' || coalesce(name_roman, '') || ' ' || " \
	"home_government || ' ' || coalesce(home_region, '') || ' ' || " \
	"coalesce(post, '') || ' ' || host || ' ' || coalesce(fields, '') || " \
	"' ' || coalesce(course, '') || ' ' || year || ' ' || " \
	"coalesce(notes, '')), lower(?6)) > 0)"

static void
tr_bind(sqlite3_stmt *st, const struct kz_trainee_query *q)
{
	struct kz_trainee_query none;

	if (q == NULL) {
		kz_trainee_query_init(&none);
		q = &none;
	}
	sqlite3_bind_int(st, 1, q->year);
	kz_bind_text(st, 2, q->host);
	kz_bind_text(st, 3, q->region);
	kz_bind_text(st, 4, q->status >= 0 ?
	    kz_trainee_status_keyword((enum kz_trainee_status)q->status) : NULL);
	kz_bind_text(st, 5, q->programme >= 0 ?
	    kz_trainee_programme_name((enum kz_trainee_programme)q->programme) : NULL);
	kz_bind_text(st, 6, q->text);
}

int
kz_trainee_list(struct kz_db *db, const struct kz_trainee_query *q,
    struct kz_trainee **out, size_t *n, struct kz_err *err)
{
	sqlite3_stmt *st;
	struct kz_trainee *l = NULL, *g;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db->sql, "SELECT " TR_COLS " FROM trainee WHERE "
	    TR_WHERE " ORDER BY year DESC, host, home_government, start", -1,
	    &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "trainee");
	tr_bind(st, q);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if ((g = kz_grow(l, *n, sizeof *g)) == NULL) {
			sqlite3_finalize(st);
			kz_trainee_list_free(l, *n);
			*n = 0;
			return kz_err_add(err, "", _("out of memory"));
		}
		l = g;
		tr_row(st, &l[(*n)++]);
	}
	sqlite3_finalize(st);
	*out = l;
	return KZ_OK;
}

void
kz_trainee_list_free(struct kz_trainee *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kz_trainee_free(&l[i]);
	free(l);
}

static const struct {
	const char *name;
	const char *expr;	/* SQL, a constant: never from input */
	const char *order;
} by_keys[KZ_TR_BY_COUNT] = {
	{ "year", "year", "key" },
	{ "host", "host", "n DESC, key" },
	{ "region", "coalesce(home_region, home_government)", "n DESC, key" },
	{ "programme", "programme", "n DESC, key" },
	{ "status", "status", "n DESC, key" },
};

int
kz_trainee_by_parse(const char *s)
{
	for (int i = 0; s && i < KZ_TR_BY_COUNT; i++)
		if (strcmp(s, by_keys[i].name) == 0)
			return i;
	return -1;
}

int
kz_trainee_count(struct kz_db *db, const struct kz_trainee_query *q,
    enum kz_trainee_by by, struct kz_counts *out, struct kz_err *err)
{
	sqlite3_stmt *st;
	char sql[1600];

	memset(out, 0, sizeof *out);
	if (by < 0 || by >= KZ_TR_BY_COUNT)
		return kz_err_add(err, "by", _("count by year, host, region, "
		    "programme or status"));
	snprintf(sql, sizeof sql, "SELECT %s AS key, count(*) AS n FROM "
	    "trainee WHERE " TR_WHERE " GROUP BY key ORDER BY %s",
	    by_keys[by].expr, by_keys[by].order);
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "trainee");
	tr_bind(st, q);
	return kz_counts_read(st, out, err);
}
