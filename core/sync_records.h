/* sync_records.h - changes counted as people count them: records, by kind, in their words. */
#ifndef KZ_SYNC_RECORDS_H
#define KZ_SYNC_RECORDS_H

#include <sqlite3.h>
#include <stddef.h>

#include "db.h"
#include "idset.h"
#include "sync.h"

/* The kinds of record a change can be to, in the order they are told:
 * the records of the history (core/history.c) and head office's
 * bookings. */
#define KZ_SYNC_KINDS 18

/* The records changes touch, each once however many of its rows (a
 * specialist's fields are the specialist) and however often; the
 * history's own rows, and what is derived, are no record. Zeroed is
 * empty. */
struct kz_sync_records {
	struct kz_idset seen;	/* "kind id" of each record counted */
	long n[KZ_SYNC_KINDS];
	long total;
	/* kz_sync_records_outbox: the outbox's rows counted so far */
	long long last;		/* up to this n */
	long rows;
};

/* Count the change the iterator is at. */
void kz_sync_records_add(struct kz_sync_records *r,
    sqlite3_changeset_iter *it);
/* The same, of a change to a row of rule's table whose first key column
 * holds id. */
struct kz_sync_rule;
void kz_sync_records_add_id(struct kz_sync_records *r,
    const struct kz_sync_rule *rule, const char *id);
/* Count a changeset's changes; KZ_ERROR if it cannot be read. */
int kz_sync_records_changeset(struct kz_sync_records *r, const void *data,
    int size);
/* The changes waiting in the outbox for the next export: r zeroed, all
 * of them; r counted before, those put there since (a screen's count
 * kept up to date at the cost of the last write's), or all again when
 * an export has taken rows away. */
int kz_sync_records_outbox(struct kz_db *db, struct kz_sync_records *r,
    struct kz_err *err);
/* "specialist 2, request 1": each kind's count in the reader's
 * language, never a table's name. */
void kz_sync_records_str(const struct kz_sync_records *r, char *out,
    size_t size);
void kz_sync_records_free(struct kz_sync_records *r);
/* "3 records (specialist 2, request 1)": n records and the kinds
 * kz_sync_records_str gave them, as the reader says it. */
void kz_sync_records_said(long n, const char *kinds, char *out,
    size_t size);
/* Put r's counts in c, less the records a or b counted (either NULL:
 * none). */
void kz_sync_records_count(const struct kz_sync_records *r,
    const struct kz_sync_records *a, const struct kz_sync_records *b,
    struct kz_sync_count *c);
/* Put r's counts in a bundle's info (records, kinds, kinds_n). */
void kz_sync_records_info(const struct kz_sync_records *r,
    struct kz_bundle_info *in);

#endif
