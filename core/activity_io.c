/* activity_io.c - the records of what an office does to and from CSV: one importer and one exporter for every kind. */
#include "activity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"

/* Row -> record (initialised here); every problem of the row into err,
 * one a cell, then the kind's checks. */
static int
row_record(struct kz_db *db, const struct kz_akind *k,
    const struct kz_csv_row *r, char **head, const struct kz_rfield **map,
    size_t ncols, void *rec, struct kz_err *err)
{
	struct kz_err more;	/* cleared, not zeroed: 21 KB a row */
	int rc = KZ_OK;

	kz_err_clear(&more);
	kz_activity_init(k, rec);
	for (size_t i = 0; i < ncols && i < r->n; i++)
		if (map[i] && kz_rtype_csv_set(k->rt, map[i], head[i], rec,
		    r->cell[i], err))
			rc = KZ_ERROR;
	if (k->prepare)
		k->prepare(db, rec);
	if (kz_activity_validate(db, k, rec, &more))
		rc = KZ_ERROR;
	kz_err_merge(err, &more);
	return rc;
}

/* One row that was read whole and checked: skipped, renumbered or
 * inserted. */
static void
import_row(struct kz_db *db, const struct kz_akind *k, void *rec,
    const char *name, long line, struct kz_import_report *rep)
{
	char *id = rec, old[KZ_ID_SIZE] = "", norm[KZ_ID_SIZE], msg[300];
	struct kz_err e;	/* cleared, not zeroed: 21 KB a row */

	kz_err_clear(&e);
	if (id[0] && kz_id_normalise(id, norm) &&
	    kz_record_exists(db, k->kind, norm)) {
		rep->skipped++;
		snprintf(msg, sizeof msg, _("skipped: %s is here already"),
		    norm);
		kz_import_log(rep, name, line, msg, NULL);
		return;
	}
	if (id[0] && kz_import_foreign(db, id)) {
		snprintf(old, sizeof old, "%s", id);
		id[0] = '\0';
	}
	if (kz_activity_insert(db, k, rec, &e) != KZ_OK) {
		rep->bad++;
		kz_import_log(rep, name, line, "", &e);
		return;
	}
	rep->imported++;
	if (old[0]) {
		rep->renumbered++;
		snprintf(msg, sizeof msg, _("renumbered: %s is another "
		    "office's id; recorded here as %s (a record keeps another "
		    "office's id only when it arrives in that office's "
		    "bundle)"), old, id);
		kz_import_log(rep, name, line, msg, NULL);
	}
}

int
kz_activity_import(struct kz_db *db, const struct kz_akind *k,
    const char *name, const char *data, size_t len, bool skip_bad,
    struct kz_import_report *rep, struct kz_err *err)
{
	struct kz_csv csv;
	struct kz_csv_row head, row;
	const struct kz_rfield **map = NULL;
	struct kz_err ce = { 0 };	/* the file stopped being CSV */
	char where[300];
	void *rec;
	long lost = 0;
	int rc;

	memset(rep, 0, sizeof *rep);
	kz_csv_open(&csv, name, data, len);
	if ((rc = kz_csv_next(&csv, &head, err)) <= 0) {
		if (rc == 0)
			kz_err_add(err, name, _("the file is empty: a header "
			    "row is needed"));
		return KZ_ERROR;
	}
	snprintf(where, sizeof where, "%s:%ld", name, head.line);
	if ((map = calloc(head.n ? head.n : 1, sizeof *map)) == NULL ||
	    (rec = kz_activity_new(k)) == NULL) {
		free(map);
		kz_csv_row_free(&head);
		return kz_err_add(err, "", _("out of memory"));
	}
	if (kz_rtype_csv_map(k->rt, head.cell, head.n, map, where, err) ||
	    kz_db_begin(db, err)) {
		free(map);
		free(rec);
		kz_csv_row_free(&head);
		return KZ_ERROR;
	}
	while ((rc = kz_csv_next(&csv, &row, &ce)) == 1) {
		struct kz_err e;

		kz_err_clear(&e);
		rep->read++;
		if (row_record(db, k, &row, head.cell, map, head.n, rec, &e)) {
			rep->bad++;
			kz_import_log(rep, name, row.line, "", &e);
		} else
			import_row(db, k, rec, name, row.line, rep);
		kz_activity_free(k, rec);
		/* SQLite dropped the transaction (a full disk): the rows
		 * after would each commit on their own, outside the outbox */
		if (kz_db_lost(db))
			lost = row.line;
		kz_csv_row_free(&row);
		if (lost)
			break;
	}
	free(map);
	free(rec);
	kz_csv_row_free(&head);
	if (rc < 0 && kz_import_cut(rep, &ce, skip_bad, err) == KZ_OK)
		rc = 0;
	/* a rolled back import renumbered nothing either */
	if (lost || rc < 0 || (rep->bad && !skip_bad))
		rep->renumbered = 0;
	return kz_import_end(db, name, rep, rc, lost, false, skip_bad, err);
}

int
kz_activity_export(struct kz_db *db, const struct kz_akind *k,
    struct kz_buf *out, struct kz_err *err)
{
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	void *rec;
	int rc;

	if ((rec = kz_activity_new(k)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	kz_rtype_csv_header(k->rt, true, out);
	kz_rlist_query_init(&q, k->list);
	if (kz_rlist_open(db, &q, &c, err) != KZ_OK) {
		free(rec);
		return KZ_ERROR;
	}
	/* each row read whole by its id, with its child rows */
	while ((rc = kz_rlist_next(&c, err)) == 1) {
		if (kz_activity_get(db, k, c.rec, rec, err) != KZ_OK) {
			rc = KZ_ERROR;
			break;
		}
		rc = kz_rtype_csv_row(k->rt, rec, true, out);
		kz_activity_free(k, rec);
		/* a row at a time to the caller's sink, if it has one */
		if (rc || kz_buf_drain(out, false))
			break;
	}
	kz_rlist_close(&c);
	free(rec);
	if (rc < 0)
		return KZ_ERROR;
	return kz_buf_drain_err(out, true, err);
}
