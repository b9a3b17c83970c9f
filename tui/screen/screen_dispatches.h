/* screen_dispatches.h - the dispatch tab: list, record, life cycle, costs. */
#ifndef KZ_SCREEN_DISPATCHES_H
#define KZ_SCREEN_DISPATCHES_H

#include <stdbool.h>
#include "dispatch.h"
#include "draw.h"

extern const struct frame_screen screen_dispatches;

/* The dispatch form: a new one (orig NULL) starting from prefill, or an
 * edit of orig. A declared unavailability is asked about before saving.
 * True when saved, with the id in saved and what the saving warned of
 * (more people than the request asks for) in warn. */
bool dispatch_form(struct frame_ctx *ctx, const struct kz_dispatch *orig,
    const struct kz_dispatch *prefill, char saved[KZ_ID_SIZE],
    struct kz_err *warn);

#endif
