/* seminar_transfer.h - programme items and participants to and from CSV. */
#ifndef KZ_SEMINAR_TRANSFER_H
#define KZ_SEMINAR_TRANSFER_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "db.h"
#include "transfer.h"	/* struct kz_import_report */

/*
 * Imports read a CSV file held in memory (name for messages) into one
 * edition (its id), with a header row naming the columns in any order.
 * All or nothing, as kz_import_specialists: any bad row means nothing is
 * written, unless skip_bad. A row whose id is stored already, or that
 * repeats a stored one (programme: same date, start and title;
 * participants: same name and country), is skipped, so importing a file
 * twice adds nothing. The report names every row not imported.
 */

/* Columns: id, date, start, end, timezone, city, venue, kind, title,
 * notes; date, kind and title are required. A clash between items is a
 * bad row, or with force a warning in the report. */
int kz_import_programme(struct kz_db *db, const char *seminar,
    const char *name, const char *data, size_t len, bool skip_bad,
    bool force, struct kz_import_report *rep, struct kz_err *err);

/* Columns: the CSV headers of the participant's table
 * (kz_participant_type); its required ones are required. */
int kz_import_participants(struct kz_db *db, const char *seminar,
    const char *name, const char *data, size_t len, bool skip_bad,
    struct kz_import_report *rep, struct kz_err *err);

/* An edition's participants as CSV in the form import reads; e-mail and
 * phone only with contacts: they are personal data. */
int kz_export_participants(struct kz_db *db, const char *seminar,
    bool contacts, struct kz_buf *out, struct kz_err *err);

#endif
