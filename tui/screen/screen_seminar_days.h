/* screen_seminar_days.h - an edition's programme day by day on the seminars tab. */
#ifndef KZ_SCREEN_SEMINAR_DAYS_H
#define KZ_SCREEN_SEMINAR_DAYS_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"

/* A view inside the seminars tab: its key handler returns UI_* flags and
 * the SEMV_* requests of screen_seminar_view.h. */
struct sem_days;
struct sem_days *days_open(struct frame_ctx *ctx);
void days_close(struct sem_days *d);
/* Show the edition with this id (loads it again). */
void days_show(struct sem_days *d, const char *edition);
void days_layout(struct sem_days *d, int y, int x, int h, int w);
void days_draw(struct sem_days *d, unsigned flags);
unsigned days_key(struct sem_days *d, int key);
int days_status(struct sem_days *d, WINDOW *w, int width);
unsigned days_keyctx(struct sem_days *d, bool *text);
void days_summary(struct sem_days *d, char *buf, size_t size);

#endif
