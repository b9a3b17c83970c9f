/* opening.c - opening figures: what a programme had done before kizuna kept its records. */
#include "opening.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "tally.h"

/* "LGOTP officials trained (trainee)", "participants of 海外地方政府干部
 * 交流合作研讨会 (attendance:senior-officials)": the programme as people
 * read it (a series by its name, which takes the database: made when the
 * figure is read or written), then the key typed. */
static int
show_programme(const void *rec, const struct kz_config *cfg,
    struct kz_buf *out)
{
	const struct kz_opening *o = rec;
	char label[128];

	(void)cfg;
	if (o->programme && *o->programme)
		kz_buf_printf(out, "%s (%s)", o->programme_shown ?
		    o->programme_shown : kz_tally_label(o->programme, label,
		    sizeof label), o->programme);
	return out->oom ? KZ_ERROR : KZ_OK;
}

/* o->programme_shown made again for its programme. */
static void
shown_fill(struct kz_db *db, struct kz_opening *o)
{
	char name[200];

	free(o->programme_shown);
	o->programme_shown = o->programme && *o->programme ?
	    strdup(kz_tally_shown(db, o->programme, name, sizeof name)) :
	    NULL;
}

#define O(m) offsetof(struct kz_opening, m)
#define A(m) O(m), sizeof ((struct kz_opening *)0)->m

static const struct kz_rfield opening_fields[] = {
	{ .name = "id", .column = "id", .csv = "id", .label = N_("ID"),
	  .kind = KZ_RK_ID, .off = A(id) },
	{ .name = "programme", .column = "programme", .csv = "programme",
	  .option = "programme", .label = NC_("figure", "programme"),
	  .kind = KZ_RK_TEXT, .off = O(programme), .max = 47,
	  .flags = KZ_RF_REQUIRED, .show = show_programme,
	  .codes = KZ_CODES_PROGRAMME,
	  .hint = N_("dispatch, trainee, edition:SERIES, attendance:SERIES, "
	  "jet:alt, jet:cir, jet:sea, support, research, promotion, "
	  "friendship, rep_office or delegation") },
	{ .name = "since", .column = "since", .csv = "since", .option = "since",
	  .label = N_("since"), .kind = KZ_RK_INT, .off = O(since),
	  .min = 1900, .max = 2199, .flags = KZ_RF_ZERO_NULL,
	  .hint = N_("The programme's first year, e.g. 1996") },
	{ .name = "as_of", .column = "as_of", .csv = "as_of", .option = "as-of",
	  .label = N_("as of"), .kind = KZ_RK_DATE, .off = A(as_of),
	  .flags = KZ_RF_REQUIRED,
	  .hint = N_("The figure counts everything up to this day, "
	  "inclusive") },
	{ .name = "count", .column = "count", .csv = "count", .option = "count",
	  .label = N_("count"), .kind = KZ_RK_INT, .off = O(count), .min = 0,
	  .max = 100000000, .hint = N_("How many up to that day, e.g. 514") },
	{ .name = "note", .column = "note", .csv = "note", .option = "note",
	  .label = N_("note"), .kind = KZ_RK_NOTE, .off = O(note),
	  .max = 1000, .hint = N_("Where the figure comes from") },
	KZ_RF_STAMPS(struct kz_opening, st., "created", "updated"),
};

#undef O
#undef A

static struct kz_rtype_sql opening_sql;
const struct kz_rtype kz_opening_type = {
	.name = N_("opening figure"), .table = KZ_T_OPENING,
	.f = opening_fields, .n = KZ_NFIELDS(opening_fields),
	.sql = &opening_sql,
};

void
kz_opening_init(struct kz_opening *o)
{
	memset(o, 0, sizeof *o);
}

void
kz_opening_free(struct kz_opening *o)
{
	kz_rtype_free(&kz_opening_type, o);
	kz_stamps_free(&o->st);
	free(o->programme_shown);
	kz_opening_init(o);
}

int
kz_opening_validate(struct kz_db *db, const struct kz_opening *o,
    struct kz_err *err)
{
	int before = err->n + err->dropped;
	char keys[400];

	kz_rtype_check(&kz_opening_type, db, o, err);
	if (o->programme && *o->programme && !kz_tally_key_ok(o->programme)) {
		kz_tally_keys(keys, sizeof keys);
		kz_err_add(err, "programme", _("\"%s\" is no programme: %s"),
		    o->programme, keys);
	}
	if (o->since && kz_date_valid(o->as_of) && o->since > atoi(o->as_of))
		kz_err_add(err, "since", _("the programme starts (%d) after "
		    "the day the figure counts to (%s)"), o->since, o->as_of);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

static int
op_write(struct kz_db *db, struct kz_opening *o, bool insert,
    struct kz_err *err)
{
	char seen[sizeof o->st.updated];
	int rc;

	if (kz_opening_validate(db, o, err) != KZ_OK)
		return KZ_ERROR;
	if (insert && kz_record_assign_id(db, KZ_T_OPENING, o->id, err))
		return KZ_ERROR;
	if (!insert && !kz_record_exists(db, KZ_T_OPENING, o->id))
		return kz_err_add(err, "id", _("no opening figure %s"),
		    o->id);
	memcpy(seen, o->st.updated, sizeof seen);
	if (kz_stamps_touch(db, &o->st, insert))
		return kz_err_add(err, "", _("out of memory"));
	if (insert)
		return kz_rtype_insert(db, &kz_opening_type, o, err);
	if ((rc = kz_rtype_update_if(db, &kz_opening_type, o, seen, err)))
		memcpy(o->st.updated, seen, sizeof seen);
	return rc;
}

int
kz_opening_insert(struct kz_db *db, struct kz_opening *o, struct kz_err *err)
{
	int rc;

	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if ((rc = kz_db_end(db, op_write(db, o, true, err), err)) == KZ_OK)
		shown_fill(db, o);
	return rc;
}

int
kz_opening_update(struct kz_db *db, struct kz_opening *o, struct kz_err *err)
{
	int rc;

	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if ((rc = kz_db_end(db, op_write(db, o, false, err), err)) == KZ_OK)
		shown_fill(db, o);
	return rc;
}

int
kz_opening_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE];
	const char *v[] = { id };

	if (kz_record_resolve(db, KZ_T_OPENING, typed, id, err) ||
	    kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, kz_sql_run(db, err, "DELETE FROM opening WHERE "
	    "id = ?", 1, v), err);
}

int
kz_opening_delete_question(struct kz_db *db, const char *typed, char *q,
    size_t size, struct kz_err *err)
{
	struct kz_opening o;

	if (kz_opening_get(db, typed, &o, err) != KZ_OK)
		return KZ_ERROR;
	snprintf(q, size, _("delete the opening figure %s (%s: %d as of %s)?"),
	    o.id, o.programme_shown ? o.programme_shown : "", o.count,
	    o.as_of);
	kz_opening_free(&o);
	return KZ_OK;
}

int
kz_opening_get(struct kz_db *db, const char *typed, struct kz_opening *o,
    struct kz_err *err)
{
	char id[KZ_ID_SIZE];

	kz_opening_init(o);
	if (kz_record_resolve(db, KZ_T_OPENING, typed, id, err))
		return KZ_ERROR;
	if (kz_rtype_read(db, &kz_opening_type, id, o, err) != KZ_OK) {
		kz_opening_free(o);
		return KZ_ERROR;
	}
	shown_fill(db, o);
	return KZ_OK;
}
