/* sync_hold.h - a bundle's rows that name a record not here: held aside until it is. */
#ifndef KZ_SYNC_HOLD_H
#define KZ_SYNC_HOLD_H

#include "buf.h"
#include "db.h"
#include "sync_change.h"

/*
 * The records the change names in the columns it sets (its table's
 * foreign keys) that this database lacks, as JSON objects appended to
 * missing, comma separated: {"table", "column", "to", "id"} and, when the
 * record is kept aside itself (an open conflict adds it), "conflict".
 * Returns how many, or -1 (said in err) when the database cannot say.
 */
int kz_sync_hold_missing(struct kz_db *db, const struct kz_sync_change *ch,
    struct kz_buf *missing, struct kz_err *err);

/* The open conflict that holds the addition of record to table because
 * it names a record not here, or 0: later changes to the record are
 * held with it. */
long kz_sync_held(struct kz_db *db, const char *table, const char *record);
/* Is any change held so, open? */
bool kz_sync_held_any(struct kz_db *db);

/* Can held conflict n (its change JSON) be applied now: is every record
 * it names here? If not, err says which is missing and what to do. */
int kz_sync_hold_ready(struct kz_db *db, long n, const char *change,
    struct kz_err *err);

/* Free what kz_sync_hold_missing learnt of t. */
void kz_sync_hold_free(struct kz_sync_table *t);

#endif
