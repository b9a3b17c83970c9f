/* screen_seminar_views.h - the views of the seminars tab: programme, participants. */
#ifndef KZ_SCREEN_SEMINAR_VIEWS_H
#define KZ_SCREEN_SEMINAR_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"

/* Beside the UI_* flags, what a view asks of the tab. */
#define SEMV_BACK	0x10000		/* back to the editions */
#define SEMV_DAYS	0x20000		/* switch to the programme */
#define SEMV_PEOPLE	0x40000		/* switch to the participants */
#define SEMV_MASK	(SEMV_BACK | SEMV_DAYS | SEMV_PEOPLE)

/* The programme of an edition, day by day (tui/seminar_days.c). */
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

/* The participants of an edition (tui/seminar_people.c). */
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

/* Shared by the views (tui/screen_seminars.c). */
/* The edition's name as its office says it: "cj-seminar/18 2019 福州市". */
void semv_edition_line(struct frame_ctx *ctx, const char *edition, char *out,
    size_t size);
/* "2019-12-16" as the office shows a date, with the weekday. */
void semv_day(const struct kz_config *cfg, const char *date, char *out,
    size_t size);
/* A form's preview of a country code: the country's name. */
void semv_country(void *arg, const char *value, char *out, size_t size);
/* Is term in hay, Latin letters in either case and the rest as typed?
 * hay is lowered in place; an empty term is in everything. */
bool semv_matches(char *hay, const char *term);

#endif
