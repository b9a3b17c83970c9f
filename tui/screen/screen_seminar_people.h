/* screen_seminar_people.h - an edition's participants on the seminars tab. */
#ifndef KZ_SCREEN_SEMINAR_PEOPLE_H
#define KZ_SCREEN_SEMINAR_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"

/* A view inside the seminars tab: its key handler returns UI_* flags and
 * the SEMV_* requests of screen_seminar_view.h. */
struct sem_people;
struct sem_people *people_open(struct frame_ctx *ctx);
void people_close(struct sem_people *p);
void people_show(struct sem_people *p, const char *edition);
void people_layout(struct sem_people *p, int y, int x, int h, int w);
void people_draw(struct sem_people *p, unsigned flags);
unsigned people_key(struct sem_people *p, int key);
int people_status(struct sem_people *p, WINDOW *w, int width);
unsigned people_keyctx(struct sem_people *p, bool *text);
void people_summary(struct sem_people *p, char *buf, size_t size);

#endif
