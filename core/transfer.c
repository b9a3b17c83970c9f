/* transfer.c - specialists to and from CSV files (RFC 4180, UTF-8). */
#include "transfer.h"
#include "record.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "i18n.h"
#include "search.h"
#include "specialist.h"

/* Columns come from the register's table (core/specialist.c): headers,
 * order, and which are contact details. */
static const struct kz_rtype *const rt = &kz_specialist_type;

void
kz_import_report_free(struct kz_import_report *rep)
{
	kz_buf_free(&rep->log);
}

static int
map_header(const struct kz_csv_row *h, const char *name,
    const struct kz_rfield ***map, struct kz_err *err)
{
	char where[300];

	snprintf(where, sizeof where, "%s:%ld", name, h->line);
	if ((*map = calloc(h->n ? h->n : 1, sizeof **map)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	return kz_rtype_csv_map(rt, h->cell, h->n, *map, where, err);
}

/* Row -> record; problems into err. Cells beyond the header are
 * ignored, as before. */
static int
row_record(struct kz_db *db, const struct kz_csv_row *r,
    const struct kz_rfield **map, size_t ncols, struct kz_specialist *s,
    struct kz_err *err)
{
	struct kz_err more;	/* cleared, not zeroed: 21 KB a row */
	int rc = KZ_OK;

	kz_err_clear(&more);
	kz_specialist_init(s);
	for (size_t i = 0; i < ncols && i < r->n; i++)
		if (map[i] && kz_rfield_set(map[i], s, r->cell[i], err))
			rc = KZ_ERROR;
	/* every problem of the row, but one a cell */
	if (kz_specialist_validate(db, s, &more))
		rc = KZ_ERROR;
	kz_err_merge(err, &more);
	return rc;
}

bool
kz_import_foreign(struct kz_db *db, const char *id)
{
	const char *office = db->cfg && db->cfg->office_id ?
	    db->cfg->office_id : "KZ";
	size_t n = strlen(office);

	return strncasecmp(id, office, n) != 0 || id[n] != '-';
}

/* A new id of this office for a row that came with another's. */
static int
renumber(struct kz_db *db, struct kz_specialist *s, const char *name,
    long line, struct kz_import_report *rep, struct kz_err *err)
{
	char old[KZ_ID_SIZE], msg[200];

	snprintf(old, sizeof old, "%s", s->id);
	s->id[0] = '\0';
	if (kz_record_assign_id(db, KZ_T_SPECIALIST, s->id, err) != KZ_OK)
		return KZ_ERROR;
	rep->renumbered++;
	snprintf(msg, sizeof msg, _("renumbered: %s is another office's id; "
	    "registered here as %s (a record keeps another office's id only "
	    "when it arrives in that office's bundle)"), old, s->id);
	kz_import_log(rep, name, line, msg, NULL);
	return KZ_OK;
}

void
kz_import_log(struct kz_import_report *rep, const char *name, long line,
    const char *what, const struct kz_err *e)
{
	if (e == NULL) {
		kz_buf_printf(&rep->log, "%s:%ld: %s\n", name, line, what);
		return;
	}
	for (int i = 0; i < e->n; i++)
		kz_buf_printf(&rep->log, "%s:%ld: %s%s%s%s\n", name, line, what,
		    e->item[i].where[0] ? e->item[i].where : "",
		    e->item[i].where[0] ? ": " : "", e->item[i].msg);
}

int
kz_import_cut(struct kz_import_report *rep, const struct kz_err *ce,
    bool skip_bad, struct kz_err *err)
{
	for (int i = 0; i < ce->n; i++) {
		if (!skip_bad)
			kz_err_add(err, ce->item[i].where, "%s", ce->item[i].msg);
		else
			kz_buf_printf(&rep->log, _("%s%s%s; the rest of the file "
			    "was skipped\n"), ce->item[i].where,
			    ce->item[i].where[0] ? ": " : "", ce->item[i].msg);
	}
	if (skip_bad)
		rep->bad++;
	return skip_bad ? KZ_OK : KZ_ERROR;
}

int
kz_import_end(struct kz_db *db, const char *name,
    struct kz_import_report *rep, int rc, long lost, bool broke,
    bool skip_bad, struct kz_err *err)
{
	if (lost || broke || rc < 0 || (rep->bad && !skip_bad)) {
		if (lost)
			kz_db_stopped(db, name, lost, err);
		kz_db_rollback(db);
		if (broke && !lost)
			kz_err_add(err, name, _("nothing was imported"));
		else if (rc >= 0 && !lost)
			kz_err_add(err, name, _("%zu of %zu rows are not valid; "
			    "nothing was imported"), rep->bad, rep->read);
		/* every row stays out, the good ones with the bad */
		rep->skipped = rep->read;
		rep->imported = 0;
		return KZ_ERROR;
	}
	rep->skipped += rep->bad;
	if (kz_db_commit(db, err) != KZ_OK) {
		kz_err_add(err, name, _("nothing was imported"));
		rep->skipped = rep->read;
		rep->imported = 0;
		return KZ_ERROR;
	}
	return KZ_OK;
}

/* Rows written between two flushes of the capture for sync: memory
 * stays that of a batch. */
#define BATCH 1000

/* The end of a batch: its changes and their history in the outbox; at
 * the end of the file (last), first every row added indexed for search,
 * in one pass (kz_search_defer). Fails only when the database does. */
static int
batch_done(struct kz_db *db, bool last, struct kz_err *err)
{
	if ((last && kz_search_flush(db, err)) || kz_db_capture_flush(db, err))
		return KZ_ERROR;
	return KZ_OK;
}

/*
 * Indexes an import of many rows takes down at its start and makes again
 * at its end, inside its transaction: made again, an index sorts its
 * rows once; kept, it takes each row at a page of its own (a name's
 * place in the alphabet). Not specialist_same: the import looks up the
 * same person by it, the rows of the file before included. Their SQL is
 * the schema's own, read back from sqlite_schema.
 */
static const struct {
	const char *name, *drop;
} aside[] = {
	{ "specialist_roman", "DROP INDEX specialist_roman" },
	{ "specialist_sort", "DROP INDEX specialist_sort" },
	{ "specialist_field_code", "DROP INDEX specialist_field_code" },
	{ "record_history_record", "DROP INDEX record_history_record" },
};
#define NASIDE (sizeof aside / sizeof aside[0])
/* Large: at least this many rows, and as many as the register has. */
#define ASIDE_ROWS 1000

struct set_aside {
	char *sql[NASIDE];	/* NULL: not taken down */
};

static long long
count_of(struct kz_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Take the indexes down for an import of about rows rows, if it is
 * large beside the register. */
static int
indexes_aside(struct kz_db *db, size_t rows, struct set_aside *a,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	long long have;

	memset(a, 0, sizeof *a);
	if (rows < ASIDE_ROWS || (have = count_of(db, "SELECT count(*) FROM "
	    "specialist")) < 0 || (long long)rows < have)
		return KZ_OK;
	if (sqlite3_prepare_v2(db->sql, "SELECT sql FROM sqlite_schema WHERE "
	    "type = 'index' AND name = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "import");
	for (size_t i = 0; i < NASIDE; i++) {
		const char *sql;

		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, aside[i].name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW ||
		    (sql = (const char *)sqlite3_column_text(st, 0)) == NULL)
			continue;	/* not in this schema */
		if ((a->sql[i] = strdup(sql)) == NULL) {
			sqlite3_finalize(st);
			return kz_err_add(err, "", _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < NASIDE; i++)
		if (a->sql[i] && sqlite3_exec(db->sql, aside[i].drop, NULL,
		    NULL, NULL) != SQLITE_OK)
			return kz_db_fail(db, err, "import");
	return KZ_OK;
}

/* Make them again (when put is true) and forget them. */
static int
indexes_back(struct kz_db *db, struct set_aside *a, bool put,
    struct kz_err *err)
{
	int rc = KZ_OK;

	for (size_t i = 0; i < NASIDE; i++) {
		if (put && rc == KZ_OK && a->sql[i] &&
		    sqlite3_exec(db->sql, a->sql[i], NULL, NULL, NULL) !=
		    SQLITE_OK)
			rc = kz_db_fail(db, err, "import");
		free(a->sql[i]);
		a->sql[i] = NULL;
	}
	return rc;
}

/* The connection's page cache setting (PRAGMA cache_size). */
static int
cache_size(struct kz_db *db)
{
	sqlite3_stmt *st;
	int n = 0;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA cache_size", -1, &st, NULL) !=
	    SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
import_csv(struct kz_db *db, const char *name, struct kz_csv *csv,
    size_t total, bool skip_bad, kz_progress_fn progress, void *ctx,
    struct kz_import_report *rep, struct kz_err *err)
{
	struct kz_csv_row row;
	const struct kz_rfield **map = NULL;
	size_t ncols;
	int rc;
	long lost = 0;
	bool broke = false;	/* a batch's flush failed */
	bool big_cache;
	struct kz_err ce = { 0 };	/* the file stopped being CSV */
	struct set_aside set = { 0 };

	if ((rc = kz_csv_next(csv, &row, err)) <= 0) {
		if (rc == 0)
			kz_err_add(err, name, _("the file is empty: a header "
			    "row is needed"));
		return KZ_ERROR;
	}
	ncols = row.n;
	rc = map_header(&row, name, &map, err);
	kz_csv_row_free(&row);
	if (rc) {
		free(map);
		return KZ_ERROR;
	}
	if (kz_db_begin(db, err)) {
		free(map);
		return KZ_ERROR;
	}
	/* all or nothing: no savepoint a row (kz_db_bulk) */
	kz_db_bulk(db, !skip_bad);
	if (kz_search_defer(db, true, err) ||
	    indexes_aside(db, total, &set, err)) {
		indexes_back(db, &set, false, NULL);
		kz_search_defer(db, false, NULL);
		kz_db_rollback(db);
		free(map);
		return KZ_ERROR;
	}
	/* a bigger page cache while the rows go in: the transaction's
	 * pages spill to the log less often (12 MiB; memory stays flat).
	 * Only over SQLite's default, the one kz_db_open leaves: a cache
	 * made small on purpose (a test's, to spill) stays. */
	if ((big_cache = cache_size(db) == -2000))
		sqlite3_exec(db->sql, "PRAGMA cache_size = -12288", NULL, NULL,
		    NULL);
	while ((rc = kz_csv_next(csv, &row, &ce)) == 1) {
		struct kz_specialist s;
		struct kz_err e;
		char id[KZ_ID_SIZE], msg[200];

		kz_err_clear(&e);
		rep->read++;
		if (progress && rep->read % 256 == 0)
			progress(ctx, (size_t)row.line, total);
		if (row_record(db, &row, map, ncols, &s, &e) != KZ_OK) {
			rep->bad++;
			kz_import_log(rep, name, row.line, "", &e);
		} else if (db->spoilt) {
			/* a row before failed to be written (all or
			 * nothing, no savepoint: kz_db_bulk): nothing will
			 * be kept, and what it half wrote is no register
			 * to compare this row with; it is only checked */
		} else if (s.id[0] && kz_id_normalise(s.id, id) &&
		    kz_specialist_exists(db, id)) {
			rep->skipped++;
			snprintf(msg, sizeof msg, _("skipped: %s is already in "
			    "the register"), id);
			kz_import_log(rep, name, row.line, msg, NULL);
		} else if (s.id[0] && kz_import_foreign(db, s.id) &&
		    kz_specialist_same(db, &s, id)) {
			rep->skipped++;
			snprintf(msg, sizeof msg, _("skipped: the same person "
			    "is registered as %s"), id);
			kz_import_log(rep, name, row.line, msg, NULL);
		} else if (s.id[0] && kz_import_foreign(db, s.id) &&
		    renumber(db, &s, name, row.line, rep, &e) != KZ_OK) {
			rep->bad++;
			kz_import_log(rep, name, row.line, "", &e);
		} else if (!s.id[0] && kz_specialist_same(db, &s, id)) {
			rep->skipped++;
			snprintf(msg, sizeof msg, _("skipped: the same person "
			    "is registered as %s"), id);
			kz_import_log(rep, name, row.line, msg, NULL);
		} else if (kz_specialist_insert_valid(db, &s, &e) != KZ_OK) {
			rep->bad++;
			kz_import_log(rep, name, row.line, "", &e);
		} else
			rep->imported++;
		kz_specialist_free(&s);
		/* a bad row's writes are gone with its savepoint; a good
		 * batch goes to the index and the outbox */
		if (!kz_db_lost(db) && rep->read % BATCH == 0 &&
		    batch_done(db, false, err))
			broke = true;
		/* SQLite dropped the transaction (a full disk): the rows
		 * after would each commit on their own, outside the outbox */
		if (kz_db_lost(db))
			lost = row.line;
		kz_csv_row_free(&row);
		if (lost || broke)
			break;
	}
	free(map);
	if (progress)
		progress(ctx, total, total);
	if (rc < 0 && kz_import_cut(rep, &ce, skip_bad, err) == KZ_OK)
		rc = 0;
	if (!lost && !broke && rc >= 0 && (!rep->bad || skip_bad)) {
		/* the cache back to its size first: the search index
		 * holds its terms in memory of its own (kz_fts_bulk), and
		 * the indexes made again sort in as much as it holds */
		if (big_cache)
			sqlite3_exec(db->sql, "PRAGMA cache_size = -2000",
			    NULL, NULL, NULL);
		big_cache = false;
		if (batch_done(db, true, err))
			broke = true;
		if (!broke && indexes_back(db, &set, true, err))
			broke = true;
		if (kz_db_lost(db))
			lost = csv->line;
	}
	indexes_back(db, &set, false, NULL);
	kz_search_defer(db, false, NULL);
	if (big_cache)
		sqlite3_exec(db->sql, "PRAGMA cache_size = -2000", NULL, NULL,
		    NULL);
	return kz_import_end(db, name, rep, rc, lost, broke, skip_bad, err);
}

int
kz_import_specialists(struct kz_db *db, const char *name, const char *data,
    size_t len, bool skip_bad, kz_progress_fn progress, void *ctx,
    struct kz_import_report *rep, struct kz_err *err)
{
	struct kz_csv csv;
	size_t total = 0;

	memset(rep, 0, sizeof *rep);
	/* Count lines first so progress can say "of N"; cheap next to SQL. */
	for (size_t i = 0; i < len; i++)
		total += data[i] == '\n';
	kz_csv_open(&csv, name, data, len);
	return import_csv(db, name, &csv, total, skip_bad, progress, ctx, rep,
	    err);
}

int
kz_import_specialists_file(struct kz_db *db, const char *name, FILE *fp,
    bool skip_bad, kz_progress_fn progress, void *ctx,
    struct kz_import_report *rep, struct kz_err *err)
{
	struct kz_csv csv;
	size_t total = 0;
	int rc;

	memset(rep, 0, sizeof *rep);
	/* "line N of M" needs M, and a large import sets indexes aside
	 * (indexes_aside): a file that can be read twice is counted first,
	 * a piece at a time */
	{
		long at = ftell(fp);
		char piece[65536];
		size_t got;

		if (at >= 0) {
			while ((got = fread(piece, 1, sizeof piece, fp)) > 0)
				for (size_t i = 0; i < got; i++)
					total += piece[i] == '\n';
			if (fseek(fp, at, SEEK_SET) != 0)
				return kz_err_add(err, name, _("cannot read the "
				    "file: %s"), strerror(errno));
		}
	}
	kz_csv_open_file(&csv, name, fp);
	rc = import_csv(db, name, &csv, total, skip_bad, progress, ctx, rep,
	    err);
	kz_csv_close(&csv);
	return rc;
}

int
kz_export_specialists(struct kz_db *db, bool contacts, struct kz_buf *out,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	int step, rc = 0;

	kz_rtype_csv_header(rt, contacts, out);
	if (sqlite3_prepare_v2(db->sql, "SELECT id FROM specialist ORDER BY "
	    "name_roman COLLATE NOCASE, id", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "export");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_specialist s;

		if (kz_specialist_get(db, (const char *)sqlite3_column_text(st,
		    0), &s, err) != KZ_OK) {
			sqlite3_finalize(st);
			return KZ_ERROR;
		}
		rc = kz_rtype_csv_row(rt, &s, contacts, out);
		kz_specialist_free(&s);
		/* a row at a time to the caller's sink, if it has one */
		if (rc || kz_buf_drain(out, false))
			break;
	}
	/* a file cut short is no export: the caller keeps the old one */
	if (rc != 0) {
		sqlite3_finalize(st);
		return kz_err_add(err, "", "%s", _("out of memory"));
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		kz_db_fail(db, err, "export");
		sqlite3_finalize(st);
		return KZ_ERROR;
	}
	sqlite3_finalize(st);
	return kz_buf_drain_err(out, true, err);
}
