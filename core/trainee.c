/* trainee.c - overseas officials placed as trainees in Japan. */
#include "trainee.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "rlist.h"
#include "text.h"

/* ---- enumerations ---- */

static const char *const programme_keywords[] = {
	"lgotp", "jica", "other", NULL,
};
static const char *const programme_labels[] = {
	N_("LGOTP"), N_("JICA"), N_("other"), NULL,
};
const struct kz_enum kz_trainee_programme_enum = { "programme",
	programme_keywords, programme_labels };

/* stored and typed in English; shown by labels (a request is
 * "withdrawn" too, in other words in other languages) */
static const char *const status_keywords[] = {
	"planned", "ongoing", "completed", "withdrawn", NULL,
};
static const char *const status_labels[] = {
	N_("planned"), N_("ongoing"), N_("completed"),
	NC_("trainee status", "withdrawn"), NULL,
};
const struct kz_enum kz_trainee_status_enum = { "status", status_keywords,
	status_labels };

/* ---- the table of fields ---- */

#define T(m) offsetof(struct kz_trainee, m)
#define A(m) T(m), sizeof ((struct kz_trainee *)0)->m

/* One line a field, in the order forms and details show them. The host
 * comes first: a placement is known by where it is. */
static const struct kz_rfield trainee_fields[] = {
	{ .name = "id", .column = "id", .csv = "id", .label = N_("ID"),
	  .kind = KZ_RK_ID, .off = A(id) },
	{ .name = "host", .column = "host", .csv = "host", .option = "host",
	  .label = N_("host government"), .kind = KZ_RK_TEXT, .off = T(host),
	  .max = 100, .flags = KZ_RF_REQUIRED,
	  .hint = N_("In Japan, e.g. 岐阜県高山市") },
	{ .name = "home_government", .column = "home_government",
	  .csv = "home_government", .option = "home",
	  .label = N_("home government"), .kind = KZ_RK_TEXT,
	  .off = T(home_government), .max = 100, .flags = KZ_RF_REQUIRED,
	  .hint = N_("e.g. 云南省丽江市") },
	{ .name = "home_region", .column = "home_region", .csv = "home_region",
	  .option = "region", .label = N_("home region"), .kind = KZ_RK_TEXT,
	  .off = T(home_region), .max = 100,
	  .hint = N_("Province or state, e.g. 云南省") },
	{ .name = "home_country", .column = "home_country",
	  .csv = "home_country", .option = "country",
	  .label = N_("home country"), .kind = KZ_RK_COUNTRY,
	  .off = A(home_country),
	  .hint = N_("ISO code, e.g. CN; empty: the office's country") },
	{ .name = "name", .column = "name", .csv = "name", .option = "name",
	  .label = N_("name"), .kind = KZ_RK_TEXT, .off = T(name), .max = 100,
	  .hint = N_("May wait until the trainee is chosen") },
	{ .name = "name_roman", .column = "name_roman", .csv = "name_roman",
	  .option = "roman", .label = N_("romanised name"), .kind = KZ_RK_TEXT,
	  .off = T(name_roman), .max = 100, .hint = N_("In Latin letters") },
	{ .name = "post", .column = "post", .csv = "post", .option = "post",
	  .label = N_("post"), .kind = KZ_RK_TEXT, .off = T(post), .max = 200,
	  .hint = N_("At home, e.g. 外事办公室 科员") },
	{ .name = "fields", .column = "fields", .csv = "fields",
	  .option = "fields", .label = N_("fields"), .kind = KZ_RK_TEXT,
	  .off = T(fields), .max = 500,
	  .hint = N_("What the placement covers, e.g. 观光、国际交流") },
	{ .name = "year", .column = "year", .csv = "year", .option = "year",
	  .label = N_("year"), .kind = KZ_RK_INT, .off = T(year), .min = 1900,
	  .max = 2199, .hint = N_("Programme (fiscal) year, e.g. 2019; empty: "
	  "the year the period starts") },
	{ .name = "start", .column = "start", .csv = "start", .option = "start",
	  .label = N_("first day"), .kind = KZ_RK_DATE, .off = A(start),
	  .hint = N_("A date: 2027-01-31, 2027年1月31日 or 31 Jan 2027") },
	{ .name = "end", .column = "end", .csv = "end", .option = "end",
	  .label = N_("last day"), .kind = KZ_RK_DATE, .off = A(end),
	  .hint = N_("A date: 2027-01-31, 2027年1月31日 or 31 Jan 2027") },
	/* a training programme, not a seminar's day-by-day one */
	{ .name = "programme", .column = "programme", .csv = "programme",
	  .option = "programme", .label = NC_("training", "programme"),
	  .kind = KZ_RK_ENUM, .off = T(programme),
	  .values = &kz_trainee_programme_enum,
	  .hint = N_("Space, or the first letter") },
	{ .name = "course", .column = "course", .csv = "course",
	  .option = "course", .label = N_("course"), .kind = KZ_RK_TEXT,
	  .off = T(course), .max = 200,
	  .hint = N_("e.g. the JICA course's name") },
	{ .name = "status", .column = "status", .csv = "status",
	  .option = "status", .label = N_("status"), .kind = KZ_RK_ENUM,
	  .off = T(status), .values = &kz_trainee_status_enum,
	  .hint = N_("Space, or the first letter") },
	{ .name = "notes", .column = "notes", .csv = "notes", .option = "notes",
	  .label = N_("notes"), .kind = KZ_RK_NOTE, .off = T(notes),
	  .max = 4000, .hint = N_("Anything else worth knowing") },
	KZ_RF_STAMPS(struct kz_trainee, st., "created", "updated"),
};

#undef T
#undef A

static struct kz_rtype_sql trainee_sql;
const struct kz_rtype kz_trainee_type = {
	.name = N_("trainee"), .table = KZ_T_TRAINEE,
	.f = trainee_fields, .n = KZ_NFIELDS(trainee_fields),
	.sql = &trainee_sql,
};

void
kz_trainee_init(struct kz_trainee *t)
{
	memset(t, 0, sizeof *t);
	t->status = KZ_TR_PLANNED;
}

void
kz_trainee_free(struct kz_trainee *t)
{
	kz_rtype_free(&kz_trainee_type, t);
	kz_stamps_free(&t->st);
	kz_trainee_init(t);
}

int
kz_trainee_validate(struct kz_db *db, const struct kz_trainee *t,
    struct kz_err *err)
{
	int before = err->n + err->dropped;
	/* the table's checks see the year the placement will be stored
	 * with: without one, the year its period starts */
	struct kz_trainee c = *t;
	int y;

	if (c.year == 0 && kz_date_valid(c.start))
		c.year = atoi(c.start);
	y = c.year;
	kz_rtype_check(&kz_trainee_type, db, &c, err);
	if (kz_has_cjk(t->name_roman))
		kz_err_add(err, "name_roman", _("romanised name must be written "
		    "in Latin letters"));
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
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

static int
tr_write(struct kz_db *db, struct kz_trainee *t, bool insert,
    struct kz_err *err)
{
	char seen[sizeof t->st.updated];
	int rc;

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
		return kz_err_add(err, "id", _("no trainee %s"), t->id);
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, t->st.updated, sizeof seen);
	if (kz_stamps_touch(db, &t->st, insert))
		return kz_err_add(err, "", _("out of memory"));
	if (insert)
		return kz_rtype_insert(db, &kz_trainee_type, t, err);
	if ((rc = kz_rtype_update_if(db, &kz_trainee_type, t, seen, err)))
		memcpy(t->st.updated, seen, sizeof seen);
	return rc;
}

int
kz_trainee_insert(struct kz_db *db, struct kz_trainee *t, struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, tr_write(db, t, true, err), err);
}

int
kz_trainee_update(struct kz_db *db, struct kz_trainee *t, struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, tr_write(db, t, false, err), err);
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

	if (tr_resolve(db, typed, id, err) || kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, kz_sql_run(db, err, "DELETE FROM trainee WHERE "
	    "id = ?", 1, v), err);
}

int
kz_trainee_get(struct kz_db *db, const char *typed, struct kz_trainee *t,
    struct kz_err *err)
{
	char id[KZ_ID_SIZE];

	kz_trainee_init(t);
	if (tr_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (kz_rtype_read(db, &kz_trainee_type, id, t, err) != KZ_OK) {
		kz_trainee_free(t);
		return KZ_ERROR;
	}
	return KZ_OK;
}

void
kz_trainee_query_init(struct kz_trainee_query *q)
{
	memset(q, 0, sizeof *q);
	q->status = -1;
	q->programme = -1;
}

int
kz_trainee_list(struct kz_db *db, const struct kz_trainee_query *q,
    struct kz_trainee **out, size_t *n, struct kz_err *err)
{
	struct kz_rlist_query rq;
	struct kz_rlist_cursor c;
	struct kz_trainee *l = NULL, *g;
	char year[16];
	int rc;

	*out = NULL;
	*n = 0;
	kz_rlist_query_init(&rq, &kz_rlist_trainees);
	if (q && q->year) {
		snprintf(year, sizeof year, "%d", q->year);
		kz_rlist_set(&rq, "year", year);
	}
	if (q && q->host)
		kz_rlist_set(&rq, "host", q->host);
	if (q && q->region)
		kz_rlist_set(&rq, "region", q->region);
	if (q && q->status >= 0)
		kz_rlist_set(&rq, "status", kz_enum_keyword(
		    &kz_trainee_status_enum, q->status));
	if (q && q->programme >= 0)
		kz_rlist_set(&rq, "programme", kz_enum_keyword(
		    &kz_trainee_programme_enum, q->programme));
	if (q && q->text)
		kz_rlist_set(&rq, "search", q->text);
	rq.sort = q ? q->sort : NULL;
	if (kz_rlist_open(db, &rq, &c, err) != KZ_OK)
		return KZ_ERROR;
	/* each row's record is taken over, and the cursor's left empty */
	while ((rc = kz_rlist_next(&c, err)) == 1) {
		if ((g = kz_grow(l, *n, sizeof *g)) == NULL) {
			rc = kz_err_add(err, "", _("out of memory"));
			break;
		}
		l = g;
		memcpy(&l[(*n)++], c.rec, sizeof *l);
		memset(c.rec, 0, sizeof *l);
	}
	kz_rlist_close(&c);
	if (rc != 0) {
		kz_trainee_list_free(l, *n);
		*n = 0;
		return KZ_ERROR;
	}
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
kz_trainee_count(struct kz_db *db, const struct kz_rlist_query *q,
    enum kz_trainee_by by, struct kz_counts *out, struct kz_err *err)
{
	memset(out, 0, sizeof *out);
	if (by < 0 || by >= KZ_TR_BY_COUNT)
		return kz_err_add(err, "by", _("count by year, host, region, "
		    "programme or status"));
	return kz_rlist_count(db, q, by_keys[by].expr, by_keys[by].order, out,
	    err);
}
