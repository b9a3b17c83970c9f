/* trainee_search.c - the full-text index of trainee placements, kept current from the rows its triggers mark (trainee_search.h). */
#include "trainee_search.h"

#include <stdlib.h>

#include "buf.h"
#include "i18n.h"
#include "search.h"

/* What a search looks in: the text `trainee list --search` compared
 * before there was an index. */
#define TEXT_COLS "name, name_roman, home_government, home_region, post, " \
	"host, fields, course, year, notes"
#define NTEXT 10

static const char any_sql[] = "SELECT EXISTS (SELECT 1 FROM "
    "local_trainee_dirty)";
static const char count_sql[] = "SELECT count(*), NOT EXISTS (SELECT 1 FROM "
    "trainee_fts) FROM local_trainee_dirty";
static const char each_sql[] = "SELECT n FROM local_trainee_dirty ORDER BY n";
static const char drop_sql[] = "DELETE FROM trainee_fts WHERE rowid = ?";
static const char row_sql[] = "SELECT " TEXT_COLS " FROM trainee WHERE "
    "rowid = ?";
/* (one row's VALUES: a statement that may write several rows opens a
 * savepoint, and FTS5 writes out what it holds at each) */
static const char put_sql[] = "INSERT INTO trainee_fts (rowid, body) VALUES "
    "(?, ?)";

/* The list's order (core/lists.c, kz_rlist_trainees) and its index. */
static const char size_sql[] = "SELECT count(*), coalesce(max(rowid), 0) "
    "FROM trainee";
static const char order_sql[] = "SELECT t.rowid FROM trainee t ORDER BY "
    "t.year DESC, t.host, t.home_government, t.start, t.rowid";
    /* (trainee_list) */
static const char match_sql[] = "SELECT rowid FROM trainee_fts WHERE "
    "trainee_fts MATCH ?";
static const char range_sql[] = "SELECT count(*) FROM trainee_fts WHERE "
    "trainee_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3";
static const struct kz_search_index placements = {
	.size = size_sql, .order = order_sql, .match = match_sql,
	.range = range_sql,
	.at = offsetof(struct kz_db, tr_order),
};

static int
step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : KZ_ERROR;
}

/* The index's row of placement row: taken out (unless fresh: the index
 * holds none of those marked), and made again if it is there. body is
 * a buffer kept from row to row. */
static int
index_row(struct kz_db *db, sqlite3_int64 row, bool fresh,
    struct kz_buf *body, struct kz_err *err)
{
	sqlite3_stmt *st;
	int rc = 0, found;

	if (!fresh) {
		if ((st = kz_db_stmt(db, drop_sql)) == NULL)
			return kz_db_fail(db, err, "index");
		sqlite3_bind_int64(st, 1, row);
		if (step_done(st) != KZ_OK)
			return kz_db_fail(db, err, "index");
	}
	if ((st = kz_db_stmt(db, row_sql)) == NULL)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_int64(st, 1, row);
	body->len = 0;
	if (body->s)
		body->s[0] = '\0';
	if ((found = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < NTEXT; i++)
			rc |= kz_search_spell((const char *)
			    sqlite3_column_text(st, i), &body->s, &body->len,
			    &body->cap);
	sqlite3_reset(st);
	if (rc)
		return kz_err_add(err, "", _("out of memory"));
	if (found == SQLITE_DONE)
		return KZ_OK;	/* deleted: nothing to index */
	if (found != SQLITE_ROW || (st = kz_db_stmt(db, put_sql)) == NULL)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_text(st, 2, body->s ? body->s : "", -1, SQLITE_STATIC);
	return step_done(st) == KZ_OK ? KZ_OK : kz_db_fail(db, err, "index");
}

/* Every placement marked, in rowid order (the order FTS5 takes rows in
 * best), then the marks gone. */
static int
index_marked(struct kz_db *db, struct kz_err *err)
{
	struct kz_buf body = { 0 };
	sqlite3_stmt *st;
	long long n = 0;
	bool fresh = false;
	int rc = KZ_OK, step;

	if ((st = kz_db_stmt(db, count_sql)) == NULL)
		return kz_db_fail(db, err, "index");
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		fresh = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	if (n == 0)
		return KZ_OK;
	if (sqlite3_prepare_v2(db->sql, each_sql, -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "index");
	if (kz_fts_bulk(db, "trainee_fts", true) != KZ_OK) {
		sqlite3_finalize(st);
		return kz_db_fail(db, err, "index");
	}
	while (rc == KZ_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = index_row(db, sqlite3_column_int64(st, 0), fresh, &body,
		    err);
	if (rc == KZ_OK && step != SQLITE_DONE)
		rc = kz_db_fail(db, err, "index");
	sqlite3_finalize(st);
	if (kz_fts_bulk(db, "trainee_fts", false) != KZ_OK && rc == KZ_OK)
		rc = kz_db_fail(db, err, "index");
	kz_buf_free(&body);
	if (rc == KZ_OK && sqlite3_exec(db->sql, "DELETE FROM "
	    "local_trainee_dirty", NULL, NULL, NULL) != SQLITE_OK)
		rc = kz_db_fail(db, err, "index");
	/* written row by row, a large index is left in many segments, each
	 * looked in by every search: merged into one */
	if (rc == KZ_OK && n >= 1000 && sqlite3_exec(db->sql, "INSERT INTO "
	    "trainee_fts (trainee_fts) VALUES ('optimize')", NULL, NULL,
	    NULL) != SQLITE_OK)
		rc = kz_db_fail(db, err, "index");
	return rc;
}

int
kz_trainee_search_ready(struct kz_db *db, struct kz_err *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, any_sql);
	int any;

	if (st == NULL)
		return kz_db_fail(db, err, "index");
	any = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (!any)
		return KZ_OK;
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, index_marked(db, err), err);
}

int
kz_trainee_search_rebuild(struct kz_db *db, struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (sqlite3_exec(db->sql, "DELETE FROM trainee_fts; INSERT OR IGNORE "
	    "INTO local_trainee_dirty (n) SELECT rowid FROM trainee", NULL,
	    NULL, NULL) != SQLITE_OK)
		return kz_db_end(db, kz_db_fail(db, err, "index"), err);
	return kz_db_end(db, index_marked(db, err), err);
}

int
kz_trainee_search_hits(struct kz_db *db, const char *typed, size_t max,
    long long **rows, size_t *n, struct kz_err *err)
{
	*rows = NULL;
	*n = 0;
	if (kz_trainee_search_ready(db, err) != KZ_OK)
		return KZ_ERROR;
	return kz_search_hits_in(db, &placements, typed, max, rows, n, err);
}

int
kz_trainee_search_warm(struct kz_db *db, struct kz_err *err)
{
	if (kz_trainee_search_ready(db, err) != KZ_OK)
		return KZ_ERROR;
	return kz_search_warm_in(db, &placements, err);
}

bool
kz_trainee_search_many(struct kz_db *db, const char *expr, size_t max)
{
	return kz_search_many_in(db, &placements, expr, max);
}
