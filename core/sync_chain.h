/* sync_chain.h - changes the merge of the outbox would net away, sent as they were made (for sync_export.c). */
#ifndef KZ_SYNC_CHAIN_H
#define KZ_SYNC_CHAIN_H

#include "db.h"

/*
 * An export merges the outbox into one changeset, and the merge nets a
 * row's changes: a field set a to b then back to a leaves nothing, a to b
 * to c leaves a to c, a row inserted and deleted again leaves nothing,
 * deleted and inserted again an update or nothing. But the values in
 * between may be held elsewhere: head office took b in from an office
 * and passed it on, a settlement put a row in or took it away. Netted, an
 * office holding b would never hear of a (the two sides would differ for
 * good) and would see c as a clash with its b; an office that proposed a
 * row head office then deleted would keep it; an office that never had a
 * row taken away and put back would never get it.
 *
 * So such a row's changes (up to outbox entry upto) go as they were made,
 * in order, in place of what the merge left in *data: sync_apply.c
 * applies deletions, then insertions, then updates, a table's in the
 * bundle's order, so a database holding any of the values takes the
 * last. sync_chain.c says which rows and from which change on. Rows the
 * merge states rightly stay as merged.
 *
 * The outbox is read once into a scratch file (open), then given back
 * a batch of rows at a time (next: about a megabyte of changes, each
 * row's all in one batch, merged and chained; *size 0 at the end), so
 * an export holds one batch, whatever the outbox holds.
 */
struct kz_sync_chain;
int kz_sync_chain_open(struct kz_db *db, long upto,
    struct kz_sync_chain **ch, struct kz_err *err);
int kz_sync_chain_next(struct kz_sync_chain *ch, void **data, int *size,
    struct kz_err *err);
void kz_sync_chain_close(struct kz_sync_chain *ch);

#endif
