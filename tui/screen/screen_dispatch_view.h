/* screen_dispatch_view.h - screen pieces the request, dispatch and timeline tabs share. */
#ifndef KZ_SCREEN_DISPATCH_VIEW_H
#define KZ_SCREEN_DISPATCH_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "booking.h"
#include "config.h"
#include "db.h"
#include "draw.h"
#include "lifecycle.h"

/* A yes/no question on the bottom line of the terminal, over whatever is
 * there (a form), followed by the keys that answer it; true for yes. */
bool dispatch_view_yesno(const char *question);

/* A clash of bookings seen from record (a dispatch or specialist id):
 * the common days and who else books the specialist then. */
void dispatch_view_clash_line(const struct kz_config *cfg,
    const struct kz_clash *c, const char *record, char *out, size_t size);

/* "2019-09-16" in the office's date format. */
void dispatch_view_date(const struct kz_config *cfg, const char *date, char *out,
    size_t size);
/* A period "16 Sep 2019 - 23 Sep 2019 (8 days)". */
/* A date's width in the office's date format (its widest, the 28th of
 * September), for a list's column. */
int dispatch_view_date_width(const struct kz_config *cfg);
/* A person's two names in width columns, "Ken'ichi Sato 佐藤 健一";
 * when both do not fit, the one the reader reads whole (the written name
 * in Chinese, Japanese and Korean, else the romanised), never one cut. */
void dispatch_view_person(const struct kz_config *cfg, const char *name,
    const char *roman, int width, char *out, size_t size);
void dispatch_view_period(const struct kz_config *cfg, const char *start,
    const char *end, char *out, size_t size);

/* The dispatches of a specialist as lines for their record, newest
 * first: "2019-09-16..2019-09-23 report received, CN 河南省 开封市".
 * The caller frees each line and the array. */
char **dispatch_view_spec_lines(struct kz_db *db, const struct kz_config *cfg,
    const char *specialist, size_t *n);
void dispatch_view_free_lines(char **lines, size_t n);

/* History events as lines "2019-09-01 10:00 user: a -> b, note". */
void dispatch_view_event_line(const struct kz_config *cfg,
    const struct kz_lifecycle *lc,
    const struct kz_event *e, char *out, size_t size);

/* The widest name of a state, in columns, for a list's state column. */
int dispatch_view_state_width(const struct kz_lifecycle *lc);

/* The next states as a NULL-terminated array of N_() names for a form's
 * choice field, with their numbers in next[]; count. */
int dispatch_view_next_choices(const struct kz_lifecycle *lc, int from,
    const char **names, int *next, int room);

#endif
