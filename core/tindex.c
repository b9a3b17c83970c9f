/* tindex.c - a full-text index over one list's rows, kept current from the rows its triggers mark (tindex.h). */
#include "tindex.h"

#include <stdlib.h>

#include "buf.h"
#include "i18n.h"
#include "rowset.h"

static int
step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : KZ_ERROR;
}

/* The index's row of list row `row`: taken out (unless fresh: the index
 * holds none of those marked), and made again if the row is there. body
 * is a buffer kept from row to row. */
static int
index_row(struct kz_db *db, const struct kz_tindex *ti, sqlite3_int64 row,
    bool fresh, struct kz_buf *body, struct kz_err *err)
{
	sqlite3_stmt *st;
	int rc = 0, found;

	if (!fresh) {
		if ((st = kz_db_stmt(db, ti->drop)) == NULL)
			return kz_db_fail(db, err, "index");
		sqlite3_bind_int64(st, 1, row);
		if (step_done(st) != KZ_OK)
			return kz_db_fail(db, err, "index");
	}
	if ((st = kz_db_stmt(db, ti->text)) == NULL)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_int64(st, 1, row);
	body->len = 0;
	if (body->s)
		body->s[0] = '\0';
	if ((found = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < ti->ntext; i++)
			rc |= kz_search_spell((const char *)
			    sqlite3_column_text(st, i), &body->s, &body->len,
			    &body->cap);
	sqlite3_reset(st);
	if (rc)
		return kz_err_add(err, "", _("out of memory"));
	if (found == SQLITE_DONE)
		return KZ_OK;	/* deleted: nothing to index */
	if (found != SQLITE_ROW || (st = kz_db_stmt(db, ti->put)) == NULL)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_text(st, 2, body->s ? body->s : "", -1, SQLITE_STATIC);
	return step_done(st) == KZ_OK ? KZ_OK : kz_db_fail(db, err, "index");
}

/* Every row marked, in rowid order (the order FTS5 takes rows in best),
 * then the marks gone. */
static int
index_marked(struct kz_db *db, const struct kz_tindex *ti,
    struct kz_err *err)
{
	struct kz_buf body = { 0 };
	sqlite3_stmt *st;
	long long n = 0;
	bool fresh = false;
	int rc = KZ_OK, step;

	if ((st = kz_db_stmt(db, ti->count)) == NULL)
		return kz_db_fail(db, err, "index");
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		fresh = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	if (n == 0)
		return KZ_OK;
	if (sqlite3_prepare_v2(db->sql, ti->each, -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "index");
	if (kz_fts_bulk(db, ti->fts, true) != KZ_OK) {
		sqlite3_finalize(st);
		return kz_db_fail(db, err, "index");
	}
	while (rc == KZ_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = index_row(db, ti, sqlite3_column_int64(st, 0), fresh,
		    &body, err);
	if (rc == KZ_OK && step != SQLITE_DONE)
		rc = kz_db_fail(db, err, "index");
	sqlite3_finalize(st);
	if (kz_fts_bulk(db, ti->fts, false) != KZ_OK && rc == KZ_OK)
		rc = kz_db_fail(db, err, "index");
	kz_buf_free(&body);
	if (rc == KZ_OK && sqlite3_exec(db->sql, ti->clear, NULL, NULL,
	    NULL) != SQLITE_OK)
		rc = kz_db_fail(db, err, "index");
	/* written row by row, a large index is left in many segments, each
	 * looked in by every search: merged into one */
	if (rc == KZ_OK && n >= 1000 && sqlite3_exec(db->sql, ti->optimize,
	    NULL, NULL, NULL) != SQLITE_OK)
		rc = kz_db_fail(db, err, "index");
	return rc;
}

int
kz_tindex_ready(struct kz_db *db, const struct kz_tindex *ti,
    struct kz_err *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, ti->any);
	int any;

	if (st == NULL)
		return kz_db_fail(db, err, "index");
	any = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (!any)
		return KZ_OK;
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, index_marked(db, ti, err), err);
}

int
kz_tindex_rebuild(struct kz_db *db, const struct kz_tindex *ti,
    struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (sqlite3_exec(db->sql, ti->all, NULL, NULL, NULL) != SQLITE_OK)
		return kz_db_end(db, kz_db_fail(db, err, "index"), err);
	return kz_db_end(db, index_marked(db, ti, err), err);
}

int
kz_tindex_hits(struct kz_db *db, const struct kz_tindex *ti,
    const char *typed, size_t max, long long **rows, size_t *n,
    struct kz_err *err)
{
	*rows = NULL;
	*n = 0;
	if (kz_tindex_ready(db, ti, err) != KZ_OK)
		return KZ_ERROR;
	return kz_search_hits_in(db, &ti->ix, typed, max, rows, n, err);
}

int
kz_tindex_warm(struct kz_db *db, const struct kz_tindex *ti,
    struct kz_err *err)
{
	if (kz_tindex_ready(db, ti, err) != KZ_OK)
		return KZ_ERROR;
	return kz_search_warm_in(db, &ti->ix, err);
}

bool
kz_tindex_many(struct kz_db *db, const struct kz_tindex *ti,
    const char *expr, size_t max)
{
	return kz_search_many_in(db, &ti->ix, expr, max);
}

/* ---- the lists' indexes ---- */

#define SIZE(T) "SELECT count(*), coalesce(max(rowid), 0) FROM " T
#define MATCH(F) KZ_ROWSET_MATCH(F), .rows = KZ_ROWSET_ROWS(F)
#define RANGE(F) "SELECT count(*) FROM " F " WHERE " F " MATCH ?1 AND " \
	"rowid BETWEEN ?2 AND ?3"

/* A list's index whose text is the columns TEXT (N of them) of its row
 * in table T aliased A, its order that of the list (lists.c), ORDER;
 * FTS table T_fts, marks local_T_dirty (made by core/db.c's migrations). */
#define LIST_INDEX(T, A, TEXT, N, ORDER, AT) { \
	KZ_TINDEX_SQL(T "_fts", "local_" T "_dirty", T), \
	.text = "SELECT " TEXT " FROM " T " " A " WHERE " A ".rowid = ?", \
	.ntext = N, \
	.ix = { \
		.size = SIZE(T), \
		.order = "SELECT " A ".rowid FROM " T " " A " ORDER BY " \
		ORDER, \
		.match = MATCH(T "_fts"), .range = RANGE(T "_fts"), \
		.at = offsetof(struct kz_db, AT), \
	}, \
}

/* Trainee placements: the text `trainee list --search` compared before
 * there was an index. */
const struct kz_tindex kz_tindex_trainees = LIST_INDEX("trainee", "t",
    "name, name_roman, home_government, home_region, post, host, fields, "
    "course, year, notes", 10, "t.year DESC, t.host, t.home_government, "
    "t.start, t.rowid", tr_order);

/* Requests: their id, topic, place, department, country, notes and
 * status, as `request list --text` compared them before. */
const struct kz_tindex kz_tindex_requests = LIST_INDEX("request", "r",
    "id, topic, province, city, department, country, notes, status", 8,
    "r.received DESC, r.id", req_order);

/* Dispatches: their id, places, state, start and notes, their
 * specialist's names and their request's place and topic (the marks
 * follow those too: migration 23 -> 24). */
const struct kz_tindex kz_tindex_dispatches = {
	KZ_TINDEX_SQL("dispatch_fts", "local_dispatch_dirty", "dispatch"),
	.text = "SELECT d.id, s.name, s.name_roman, d.places, r.country, "
	"r.province, r.city, r.topic, d.state, d.start, d.notes FROM dispatch "
	"d JOIN specialist s ON s.id = d.specialist JOIN request r ON r.id = "
	"d.request WHERE d.rowid = ?",
	.ntext = 11,
	.ix = {
		.size = SIZE("dispatch"),
		.order = "SELECT d.rowid FROM dispatch d ORDER BY d.start "
		"DESC, d.end DESC, d.id",
		.match = MATCH("dispatch_fts"), .range = RANGE("dispatch_fts"),
		.at = offsetof(struct kz_db, dsp_order),
	},
};

/* Seminar editions: the text `seminar list --search` compared before,
 * with every translation of the edition's (text_tr; its writes mark
 * the edition too). */
const struct kz_tindex kz_tindex_seminars = LIST_INDEX("seminar", "e",
    "title, theme, city, region, organiser, co_organisers, supporters, "
    "year, notes, (SELECT group_concat(t.text, ' ') FROM text_tr t WHERE "
    "t.record = e.id)", 10, "(SELECT code FROM seminar_series g WHERE "
    "g.id = e.series), e.year, e.number, e.start, e.id", sem_order);

/* The activity lists: the text each one's --search compared before. */
const struct kz_tindex kz_tindex_support = LIST_INDEX("support", "a",
    "government, place, partner, what, notes", 5,
    "a.start DESC, a.government, a.id", sup_order);
const struct kz_tindex kz_tindex_research = LIST_INDEX("research", "r",
    "government, topic, notes", 3,
    "r.requested DESC, r.government, r.id", res_order);
const struct kz_tindex kz_tindex_promotion = LIST_INDEX("promotion", "p",
    "name, venue, city, governments, shown, notes", 6,
    "p.start DESC, p.name, p.id", pro_order);
const struct kz_tindex kz_tindex_jet = LIST_INDEX("jet", "j",
    "placement, notes", 2,
    "j.year DESC, j.kind, j.level, j.placement, j.id", jet_order);
const struct kz_tindex kz_tindex_friendship = LIST_INDEX("friendship", "f",
    "japanese, partner, region, notes", 4,
    "f.signed DESC, f.japanese, f.partner, f.id", fri_order);
const struct kz_tindex kz_tindex_rep_office = LIST_INDEX("rep_office", "o",
    "government, city, name, notes", 4,
    "o.opened DESC, o.city, o.government, o.id", rep_order);
const struct kz_tindex kz_tindex_delegation = LIST_INDEX("delegation", "d",
    "who, place, government, purpose, notes", 5,
    "d.start DESC, d.who, d.id", del_order);

const struct kz_tindex *const kz_tindexes[] = {
	&kz_tindex_trainees, &kz_tindex_requests, &kz_tindex_dispatches,
	&kz_tindex_seminars, &kz_tindex_support, &kz_tindex_research,
	&kz_tindex_promotion, &kz_tindex_jet, &kz_tindex_friendship,
	&kz_tindex_rep_office, &kz_tindex_delegation, NULL,
};
