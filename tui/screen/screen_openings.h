/* screen_openings.h - opening figures on the Reports tab: list, form, delete and undo. */
#ifndef KZ_SCREEN_OPENINGS_H
#define KZ_SCREEN_OPENINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"

/* A view inside the Reports tab (its key o): the opening figures
 * (core/opening.h), each row with its programme's count since the
 * start up to to, the end of the range the tab shows (name: "FY2019").
 * Esc sets done: the tab closes the view and counts its figures again. */
struct openings;
struct openings *openings_open(struct frame_ctx *ctx, const char *from,
    const char *to, const char *name);
void openings_close(struct openings *v);
/* Count the totals up to another range's end. */
void openings_range(struct openings *v, const char *from, const char *to,
    const char *name);
/* Read the figures and count the totals again (other tabs may have
 * changed the records they count). */
void openings_reload(struct openings *v);
bool openings_done(const struct openings *v);
void openings_layout(struct openings *v, int y, int x, int h, int w);
void openings_draw(struct openings *v, unsigned flags);
unsigned openings_key(struct openings *v, int key);
int openings_status(struct openings *v, WINDOW *w, int width);
unsigned openings_keyctx(struct openings *v, bool *text);
void openings_summary(struct openings *v, char *buf, size_t size);

#endif
