/* seminar_transfer.c - programme items and participants to and from CSV. */
#include "seminar_transfer.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "participant.h"
#include "programme.h"
#include "specialist.h"	/* kz_str_set */

/* What one row came to. */
enum outcome { ROW_IMPORTED, ROW_SKIPPED, ROW_BAD };

struct importer {
	struct kz_db *db;
	const char *seminar;
	const struct kz_rtype *rt;	/* the record type: its table's columns */
	const struct kz_rfield **fmap;	/* cell index -> rt's field */
	char **head;			/* the header's cells: title@ja */
	size_t nfmap;
	bool force;
	/* Read one row and write it: problems into e, warnings into w, the
	 * reason of a skip into why. */
	enum outcome (*row)(struct importer *im, const struct kz_csv_row *r,
	    struct kz_err *e, struct kz_err *w, char *why, size_t size);
};

/* "FILE:LINE: [prefix]where: msg" for each item of e. */
static void
report(struct kz_import_report *rep, const char *name, long line,
    const char *prefix, const struct kz_err *e)
{
	for (int i = 0; i < e->n; i++)
		kz_buf_printf(&rep->log, "%s:%ld: %s%s%s%s\n", name, line, prefix,
		    e->item[i].where, e->item[i].where[0] ? ": " : "",
		    e->item[i].msg);
}

static void
importer_free(struct importer *im)
{
	for (size_t i = 0; im->head && i < im->nfmap; i++)
		free(im->head[i]);
	free(im->head);
	free(im->fmap);
}

static int
run_import(struct importer *im, const char *name, const char *data,
    size_t len, bool skip_bad, struct kz_import_report *rep,
    struct kz_err *err)
{
	struct kz_csv csv;
	struct kz_csv_row row;
	struct kz_err ce = { 0 };	/* the file stopped being CSV */
	long lost = 0;
	int rc;

	memset(rep, 0, sizeof *rep);
	kz_csv_open(&csv, name, data, len);
	if ((rc = kz_csv_next(&csv, &row, err)) <= 0) {
		if (rc == 0)
			kz_err_add(err, name, _("the file is empty: a header "
			    "row is needed"));
		return KZ_ERROR;
	}
	{
		char where[300];

		snprintf(where, sizeof where, "%s:%ld", name, row.line);
		im->nfmap = row.n;
		if ((im->fmap = calloc(row.n + 1, sizeof *im->fmap)) == NULL ||
		    (im->head = calloc(row.n + 1, sizeof *im->head)) == NULL)
			rc = kz_err_add(err, "", _("out of memory"));
		else
			rc = kz_rtype_csv_map(im->rt, row.cell, row.n, im->fmap,
			    where, err);
		for (size_t i = 0; rc == KZ_OK && i < row.n; i++)
			if ((im->head[i] = strdup(row.cell[i])) == NULL)
				rc = kz_err_add(err, "", _("out of memory"));
	}
	kz_csv_row_free(&row);
	if (rc || kz_db_begin(im->db, err))
		return KZ_ERROR;
	while ((rc = kz_csv_next(&csv, &row, &ce)) == 1) {
		struct kz_err e, w;	/* cleared, not zeroed: 21 KB each */
		char why[300] = "";

		kz_err_clear(&e);
		kz_err_clear(&w);
		rep->read++;
		switch (im->row(im, &row, &e, &w, why, sizeof why)) {
		case ROW_IMPORTED:
			rep->imported++;
			break;
		case ROW_SKIPPED:
			rep->skipped++;
			kz_buf_printf(&rep->log, "%s:%ld: %s\n", name, row.line,
			    why);
			break;
		case ROW_BAD:
			rep->bad++;
			report(rep, name, row.line, "", &e);
			break;
		}
		report(rep, name, row.line, _("warning: "), &w);
		/* SQLite dropped the transaction (a full disk): the rows
		 * after would each commit on their own, outside the outbox */
		if (kz_db_lost(im->db))
			lost = row.line;
		kz_csv_row_free(&row);
		if (lost)
			break;
	}
	if (rc < 0 && kz_import_cut(rep, &ce, skip_bad, err) == KZ_OK)
		rc = 0;
	return kz_import_end(im->db, name, rep, rc, lost, false, skip_bad,
	    err);
}

/* ---- programme items ---- */

/* An item with the same date, start and title in the edition. */
static bool
same_item(struct kz_db *db, const struct kz_item *it, char id[KZ_ID_SIZE])
{
	sqlite3_stmt *st;
	bool found = false;

	if (sqlite3_prepare_v2(db->sql, "SELECT id FROM programme_item WHERE "
	    "seminar = ? AND date = ? AND start IS ? AND title = ?", -1, &st,
	    NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, it->seminar, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, it->date, -1, SQLITE_STATIC);
	kz_bind_text(st, 3, it->start);
	kz_bind_text(st, 4, it->title);
	if (sqlite3_step(st) == SQLITE_ROW) {
		kz_col_copy(st, 0, id, KZ_ID_SIZE);
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

static enum outcome
prog_row(struct importer *im, const struct kz_csv_row *r, struct kz_err *e,
    struct kz_err *w, char *why, size_t size)
{
	struct kz_item it;
	char id[KZ_ID_SIZE], norm[KZ_ID_SIZE];
	enum outcome out = ROW_BAD;

	kz_programme_item_init(&it);
	snprintf(it.seminar, sizeof it.seminar, "%s", im->seminar);
	for (size_t i = 0; i < r->n && i < im->nfmap; i++)
		if (im->fmap[i])
			kz_rtype_csv_set(im->rt, im->fmap[i], im->head[i], &it,
			    r->cell[i], e);
	if (e->n > 0) {
		struct kz_err more = { 0 };

		/* the rest of the row's problems too, one a cell */
		kz_programme_item_validate(im->db, &it, im->force ? KZ_ITEM_FORCE : 0,
		    &more, NULL);
		kz_err_merge(e, &more);
	} else if (it.id[0] && kz_id_normalise(it.id, norm) &&
	    kz_record_exists(im->db, KZ_T_ITEM, norm)) {
		snprintf(why, size, _("skipped: %s is already in the "
		    "programme"), norm);
		out = ROW_SKIPPED;
	} else if (!it.id[0] && same_item(im->db, &it, id)) {
		snprintf(why, size, _("skipped: the same item is in the "
		    "programme as %s"), id);
		out = ROW_SKIPPED;
	} else if (kz_programme_item_insert(im->db, &it, im->force ? KZ_ITEM_FORCE : 0, e,
	    w) == KZ_OK)
		out = ROW_IMPORTED;
	kz_programme_item_free(&it);
	return out;
}

int
kz_import_programme(struct kz_db *db, const char *seminar, const char *name,
    const char *data, size_t len, bool skip_bad, bool force,
    struct kz_import_report *rep, struct kz_err *err)
{
	struct importer im = { .db = db, .seminar = seminar,
	    .rt = &kz_programme_item_type, .force = force, .row = prog_row };
	int rc = run_import(&im, name, data, len, skip_bad, rep, err);

	importer_free(&im);
	return rc;
}

/* ---- participants ---- */

static enum outcome
part_row(struct importer *im, const struct kz_csv_row *r, struct kz_err *e,
    struct kz_err *w, char *why, size_t size)
{
	struct kz_participant p;
	char id[KZ_ID_SIZE], norm[KZ_ID_SIZE];
	enum outcome out = ROW_BAD;

	(void)w;
	kz_participant_init(&p);
	snprintf(p.seminar, sizeof p.seminar, "%s", im->seminar);
	for (size_t i = 0; i < r->n && i < im->nfmap; i++)
		if (im->fmap[i])
			kz_rtype_csv_set(im->rt, im->fmap[i], im->head[i], &p,
			    r->cell[i], e);
	if (e->n > 0) {
		struct kz_err more = { 0 };

		kz_participant_validate(im->db, &p, &more);
		kz_err_merge(e, &more);
	} else if (p.id[0] && kz_id_normalise(p.id, norm) &&
	    kz_record_exists(im->db, KZ_T_PARTICIPANT, norm)) {
		snprintf(why, size, _("skipped: %s is already a participant"),
		    norm);
		out = ROW_SKIPPED;
	} else if (!p.id[0] && p.name && kz_participant_find(im->db, &p, id)) {
		snprintf(why, size, _("skipped: the same person takes part as "
		    "%s"), id);
		out = ROW_SKIPPED;
	} else if (kz_participant_insert(im->db, &p, e) == KZ_OK)
		out = ROW_IMPORTED;
	kz_participant_free(&p);
	return out;
}

int
kz_import_participants(struct kz_db *db, const char *seminar, const char *name,
    const char *data, size_t len, bool skip_bad, struct kz_import_report *rep,
    struct kz_err *err)
{
	struct importer im = { .db = db, .seminar = seminar,
	    .rt = &kz_participant_type, .row = part_row };
	int rc = run_import(&im, name, data, len, skip_bad, rep, err);

	importer_free(&im);
	return rc;
}

int
kz_export_participants(struct kz_db *db, const char *seminar, bool contacts,
    struct kz_buf *out, struct kz_err *err)
{
	struct kz_participant *l;
	size_t n;

	if (kz_participant_list(db, seminar, NULL, -1, &l, &n, err))
		return KZ_ERROR;
	kz_rtype_csv_header(&kz_participant_type, contacts, out);
	for (size_t i = 0; i < n; i++)
		kz_rtype_csv_row(&kz_participant_type, &l[i], contacts, out);
	kz_participant_list_free(l, n);
	return out->oom ? kz_err_add(err, "", _("out of memory")) : KZ_OK;
}
