/* screen_specialist_form.h - the specialist form: a new record of the register, or an edit of one. */
#ifndef KZ_SCREEN_SPECIALIST_FORM_H
#define KZ_SCREEN_SPECIALIST_FORM_H

#include <stdbool.h>

#include "draw.h"
#include "specialist.h"

/* What the form saved. */
struct spec_saved {
	char id[KZ_ID_SIZE];
	char name[128];
};

/* The specialist form, full screen: a new record (orig NULL) or an edit
 * of orig. True when saved, with the record's id and name in saved. */
bool specialist_form(struct frame_ctx *ctx, const struct kz_specialist *orig,
    struct spec_saved *saved);

#endif
