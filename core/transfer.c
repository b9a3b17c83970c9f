/* transfer.c - specialists to and from CSV files (RFC 4180, UTF-8). */
#include "transfer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "specialist.h"

enum col { C_ID, C_NAME, C_ROMAN, C_GOV, C_POST, C_STATUS, C_FIELDS, C_LANGS,
	C_OVERSEAS, C_UNAVAIL, C_NOTES, C_EMAIL, C_PHONE, C_ADDRESS, C_CREATED,
	C_UPDATED, NCOLS };

/* Column names as in the header row; contacts are the optional three. */
static const char *const col_names[NCOLS] = {
	"id", "name", "name_roman", "government", "post", "status", "fields",
	"languages", "overseas", "unavailable", "notes", "email", "phone",
	"address", "created", "updated",
};

static bool
is_contact(int c)
{
	return c == C_EMAIL || c == C_PHONE || c == C_ADDRESS;
}

void
kz_import_report_free(struct kz_import_report *rep)
{
	kz_buf_free(&rep->log);
}

static int
map_header(const struct kz_csv_row *h, const char *name, int map[NCOLS],
    struct kz_err *err)
{
	char where[300];
	int rc = KZ_OK;

	snprintf(where, sizeof where, "%s:%ld", name, h->line);
	for (int c = 0; c < NCOLS; c++)
		map[c] = -1;
	for (size_t i = 0; i < h->n; i++) {
		int c;
		for (c = 0; c < NCOLS; c++)
			if (strcmp(h->cell[i], col_names[c]) == 0)
				break;
		if (c == NCOLS)
			rc = kz_err_add(err, where, _("unknown column \"%s\" "
			    "(known: id, name, name_roman, government, post, "
			    "status, fields, languages, overseas, unavailable, "
			    "notes, email, phone, address, created, updated)"),
			    h->cell[i]);
		else if (map[c] >= 0)
			rc = kz_err_add(err, where, _("column \"%s\" appears "
			    "twice"), h->cell[i]);
		else
			map[c] = (int)i;
	}
	for (int c = C_NAME; c <= C_GOV; c++)
		if (map[c] < 0)
			rc = kz_err_add(err, where, _("the header has no "
			    "\"%s\" column"), col_names[c]);
	return rc;
}

static const char *
cell(const struct kz_csv_row *r, const int map[NCOLS], int c)
{
	return map[c] >= 0 && (size_t)map[c] < r->n ? r->cell[map[c]] : NULL;
}

/* Row -> record; problems into err. */
static int
row_record(struct kz_db *db, const struct kz_csv_row *r, const int map[NCOLS],
    struct kz_specialist *s, struct kz_err *err)
{
	const char *st = cell(r, map, C_STATUS);
	int rc = KZ_OK;

	kz_specialist_init(s);
	snprintf(s->id, sizeof s->id, "%s", cell(r, map, C_ID) ?
	    cell(r, map, C_ID) : "");
	kz_str_set(&s->name, cell(r, map, C_NAME));
	kz_str_set(&s->name_roman, cell(r, map, C_ROMAN));
	kz_str_set(&s->government, cell(r, map, C_GOV));
	kz_str_set(&s->post, cell(r, map, C_POST));
	kz_str_set(&s->overseas, cell(r, map, C_OVERSEAS));
	kz_str_set(&s->notes, cell(r, map, C_NOTES));
	kz_str_set(&s->email, cell(r, map, C_EMAIL));
	kz_str_set(&s->phone, cell(r, map, C_PHONE));
	kz_str_set(&s->address, cell(r, map, C_ADDRESS));
	if (st && *st) {
		int v = kz_status_parse(st);
		if (v < 0)
			rc = kz_err_add(err, "status", _("status must be serving "
			    "or retired, not \"%s\""), st);
		else
			s->status = (enum kz_status)v;
	}
	if (cell(r, map, C_CREATED))
		snprintf(s->created, sizeof s->created, "%s",
		    cell(r, map, C_CREATED));
	if (cell(r, map, C_UPDATED))
		snprintf(s->updated, sizeof s->updated, "%s",
		    cell(r, map, C_UPDATED));
	if (kz_specialist_parse_fields(s, cell(r, map, C_FIELDS), err) ||
	    kz_specialist_parse_langs(s, cell(r, map, C_LANGS), err) ||
	    kz_specialist_parse_unavail(s, cell(r, map, C_UNAVAIL), err))
		rc = KZ_ERROR;
	if (kz_specialist_validate(db, s, err))
		rc = KZ_ERROR;
	return rc;
}

/* The id of a registered person with these names and government, if any. */
static bool
find_same(struct kz_db *db, sqlite3_stmt *st, const struct kz_specialist *s,
    char id[KZ_ID_SIZE])
{
	bool found;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->name_roman, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->government, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		snprintf(id, KZ_ID_SIZE, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return found;
}

static void
log_row(struct kz_import_report *rep, const char *name, long line,
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
kz_import_specialists(struct kz_db *db, const char *name, const char *data,
    size_t len, bool skip_bad, kz_progress_fn progress, void *ctx,
    struct kz_import_report *rep, struct kz_err *err)
{
	struct kz_csv csv;
	struct kz_csv_row row;
	int map[NCOLS], rc;
	sqlite3_stmt *same = NULL;
	size_t total = 0;

	memset(rep, 0, sizeof *rep);
	/* Count lines first so progress can say "of N"; cheap next to SQL. */
	for (size_t i = 0; i < len; i++)
		total += data[i] == '\n';
	kz_csv_open(&csv, name, data, len);
	if ((rc = kz_csv_next(&csv, &row, err)) <= 0) {
		if (rc == 0)
			kz_err_add(err, name, _("the file is empty: a header "
			    "row is needed"));
		return KZ_ERROR;
	}
	rc = map_header(&row, name, map, err);
	kz_csv_row_free(&row);
	if (rc)
		return KZ_ERROR;
	if (sqlite3_prepare_v2(db->sql, "SELECT id FROM specialist WHERE "
	    "name = ? AND name_roman = ? AND government = ?", -1, &same,
	    NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "import");
	if (kz_db_begin(db, err)) {
		sqlite3_finalize(same);
		return KZ_ERROR;
	}
	while ((rc = kz_csv_next(&csv, &row, err)) == 1) {
		struct kz_specialist s;
		struct kz_err e = { 0 };
		char id[KZ_ID_SIZE], msg[200];

		rep->read++;
		if (progress && rep->read % 256 == 0)
			progress(ctx, (size_t)row.line, total);
		if (row_record(db, &row, map, &s, &e) != KZ_OK) {
			rep->bad++;
			log_row(rep, name, row.line, "", &e);
		} else if (s.id[0] && kz_id_normalise(s.id, id) &&
		    kz_specialist_exists(db, id)) {
			rep->skipped++;
			snprintf(msg, sizeof msg, _("skipped: %s is already in "
			    "the register"), id);
			log_row(rep, name, row.line, msg, NULL);
		} else if (!s.id[0] && find_same(db, same, &s, id)) {
			rep->skipped++;
			snprintf(msg, sizeof msg, _("skipped: the same person "
			    "is registered as %s"), id);
			log_row(rep, name, row.line, msg, NULL);
		} else if (kz_specialist_insert(db, &s, &e) != KZ_OK) {
			rep->bad++;
			log_row(rep, name, row.line, "", &e);
		} else
			rep->imported++;
		kz_specialist_free(&s);
		kz_csv_row_free(&row);
	}
	sqlite3_finalize(same);
	if (progress)
		progress(ctx, total, total);
	if (rc < 0 || (rep->bad && !skip_bad)) {
		kz_db_rollback(db);
		if (rc >= 0)
			kz_err_add(err, name, _("%zu of %zu rows are not valid; "
			    "nothing was imported"), rep->bad, rep->read);
		/* every row stays out, the good ones with the bad */
		rep->skipped = rep->read;
		rep->imported = 0;
		return KZ_ERROR;
	}
	rep->skipped += rep->bad;
	return kz_db_commit(db, err);
}

int
kz_export_specialists(struct kz_db *db, bool contacts, struct kz_buf *out,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	int last = NCOLS - 1;

	for (int c = 0; c < NCOLS; c++)
		if (contacts || !is_contact(c))
			kz_csv_cell(out, col_names[c], c == last);
	if (sqlite3_prepare_v2(db->sql, "SELECT id FROM specialist ORDER BY "
	    "name_roman COLLATE NOCASE, id", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "export");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct kz_specialist s;
		if (kz_specialist_get(db, (const char *)sqlite3_column_text(st,
		    0), &s, err) != KZ_OK) {
			sqlite3_finalize(st);
			return KZ_ERROR;
		}
		char *fields = kz_specialist_format_fields(&s);
		char *langs = kz_specialist_format_langs(&s);
		char *unavail = kz_specialist_format_unavail(&s);
		const char *v[NCOLS] = { s.id, s.name, s.name_roman,
		    s.government, s.post, kz_status_name(s.status), fields,
		    langs, s.overseas, unavail, s.notes, s.email, s.phone,
		    s.address, s.created, s.updated };
		for (int c = 0; c < NCOLS; c++)
			if (contacts || !is_contact(c))
				kz_csv_cell(out, v[c], c == last);
		free(fields);
		free(langs);
		free(unavail);
		kz_specialist_free(&s);
	}
	sqlite3_finalize(st);
	if (out->oom)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}
