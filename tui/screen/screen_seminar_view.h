/* screen_seminar_view.h - screen pieces the seminars tab and its programme and participants views share. */
#ifndef KZ_SCREEN_SEMINAR_VIEW_H
#define KZ_SCREEN_SEMINAR_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "draw.h"
#include "seminar.h"

/* Beside the UI_* flags, what a view asks of the tab. */
#define SEMV_BACK	0x10000		/* back to the editions */
#define SEMV_DAYS	0x20000		/* switch to the programme */
#define SEMV_PEOPLE	0x40000		/* switch to the participants */
#define SEMV_MASK	(SEMV_BACK | SEMV_DAYS | SEMV_PEOPLE)

/* The edition's name as its office says it: "cj-seminar/18 2019 福州市". */
void semv_edition_line(struct frame_ctx *ctx, const char *edition, char *out,
    size_t size);
/* "2019-12-16" as the office shows a date, with the weekday. */
void semv_day(const struct kz_config *cfg, const char *date, char *out,
    size_t size);
/* A form's preview of a country code: the country's name. */
void semv_country(void *arg, const char *value, char *out, size_t size);
/* Is term in hay, both folded as every search is (fold.h: Latin letters
 * in either case, Japanese and traditional Han as simplified)? An empty
 * term is in everything. */
bool semv_matches(char *hay, const char *term);
/* An edition's dates as the office shows them, "21 Aug 2019 - 23 Aug
 * 2019"; "" when it has none. */
void semv_dates(const struct kz_config *cfg, const struct kz_seminar *s,
    char *out, size_t size);

#endif
