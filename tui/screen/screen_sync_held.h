/* screen_sync_held.h - the Sync tab's conflicts: finding them, and taking every held change that is ready. */
#ifndef KZ_SCREEN_SYNC_HELD_H
#define KZ_SCREEN_SYNC_HELD_H

#include <stdbool.h>

#include "draw.h"
#include "record_list.h"
#include "sync.h"

/* Does conflict c match the search term (its number, office, table,
 * record, change or reason in words)? */
bool sync_conflict_matches(const struct kz_conflict *c, const char *term);

/* Ask on the status line whether to take every held change that is
 * ready (its records here now), saying how many; false, said on the
 * status line, when none is (or the count cannot be made). */
bool sync_ready_ask(struct frame_ctx *ctx, struct record_list *rl);
/* Take them (the answer was yes); the status line says what was done. */
void sync_ready_take(struct frame_ctx *ctx);

#endif
