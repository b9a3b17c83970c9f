/* transfer.h - specialists to and from CSV files (RFC 4180, UTF-8). */
#ifndef KZ_TRANSFER_H
#define KZ_TRANSFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "buf.h"
#include "db.h"

struct kz_import_report {
	size_t read;		/* data rows read */
	size_t imported;
	size_t skipped;		/* duplicates, and bad rows with skip_bad */
	size_t bad;		/* rows that broke a rule */
	size_t renumbered;	/* rows with another office's id, given ours */
	struct kz_buf log;	/* "FILE:LINE: reason\n" for each row not imported */
};

/* The file stopped being CSV (ce: a quoted value never closed, which
 * swallows the rest): with skip_bad the rows read before it stay good
 * and the rest is reported skipped in rep's log, KZ_OK; without, ce goes
 * into err, KZ_ERROR. For every importer of CSV rows. */
int kz_import_cut(struct kz_import_report *rep, const struct kz_err *ce,
    bool skip_bad, struct kz_err *err);

/* The end of an import of CSV rows, all or nothing unless skip_bad: rc
 * what reading ended with (below 0: the file was not CSV), lost the line
 * where SQLite dropped the transaction (0: it did not), broke whether a
 * batch could not be written. Rolls back (every row then counts as
 * skipped, KZ_ERROR, saying why in err under name) or commits. */
int kz_import_end(struct kz_db *db, const char *name,
    struct kz_import_report *rep, int rc, long lost, bool broke,
    bool skip_bad, struct kz_err *err);

/* An id with another office's prefix (the id is checked already): an
 * import gives the row a new id of this office. */
bool kz_import_foreign(struct kz_db *db, const char *id);
/* "NAME:LINE: WHAT" in rep's log, or a line for each of e's problems,
 * "NAME:LINE: WHATfield: problem". */
void kz_import_log(struct kz_import_report *rep, const char *name, long line,
    const char *what, const struct kz_err *e);

typedef void (*kz_progress_fn)(void *ctx, size_t done, size_t total);

/*
 * Import a CSV file held in memory (name for messages). The header row
 * names the columns, in any order (see kz_export_specialists). All or
 * nothing: any bad row means nothing is written and KZ_ERROR, unless
 * skip_bad, when bad rows are skipped with their reasons. A row whose id
 * is in the register already, or whose names and home government match a
 * registered person's, is skipped as a duplicate, so importing a file
 * twice adds nothing. An id of another office that is not here is not
 * kept: ids keep their owner, and a record keeps another office's id only
 * when it arrives in that office's bundle; the row gets a new id of this
 * office, said in the log ("renumbered"). progress, if set, is called now
 * and then.
 */
int kz_import_specialists(struct kz_db *db, const char *name,
    const char *data, size_t len, bool skip_bad, kz_progress_fn progress,
    void *ctx, struct kz_import_report *rep, struct kz_err *err);
/* The same from an open file, read a piece at a time: memory stays
 * flat however large the file (fp stays open). */
int kz_import_specialists_file(struct kz_db *db, const char *name, FILE *fp,
    bool skip_bad, kz_progress_fn progress, void *ctx,
    struct kz_import_report *rep, struct kz_err *err);
void kz_import_report_free(struct kz_import_report *rep);

/* Every specialist as CSV with a header row; contact details (e-mail,
 * phone, address) only when contacts is set: they are personal data. */
int kz_export_specialists(struct kz_db *db, bool contacts, struct kz_buf *out,
    struct kz_err *err);

#endif
