/* lifecycle.h - states, allowed transitions and the history of state changes. */
#ifndef KZ_LIFECYCLE_H
#define KZ_LIFECYCLE_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"

/* A life cycle: states stored as English keywords, shown by translated
 * names, and the table of allowed moves (from, to) ended by -1. */
struct kz_lifecycle {
	const char *const *keyword;	/* as stored */
	const char *const *name;	/* N_() for people */
	int n;
	const signed char (*moves)[2];
};

const char *kz_lifecycle_keyword(const struct kz_lifecycle *lc, int state);
/* Translated name of a state. */
const char *kz_lifecycle_name(const struct kz_lifecycle *lc, int state);
/* A state as a message names it: its name in the reader's language,
 * or its keyword where the name is not translated (English). */
const char *kz_lifecycle_shown(const struct kz_lifecycle *lc, int state);
/* The state of a keyword, or of its name in any language kizuna speaks
 * (any case or width), or -1. */
int kz_lifecycle_parse(const struct kz_lifecycle *lc, const char *keyword);
bool kz_lifecycle_allowed(const struct kz_lifecycle *lc, int from, int to);
/* A state with no way out (cancelled, closed): moving into it is asked
 * for before it is saved. */
bool kz_lifecycle_final(const struct kz_lifecycle *lc, int state);
/* The states reachable from `from`, into out (room for lc->n); count. */
int kz_lifecycle_next(const struct kz_lifecycle *lc, int from, int *out);
/* "proposed, cancelled": the next states as kz_lifecycle_shown names
 * them, for messages. */
void kz_lifecycle_next_text(const struct kz_lifecycle *lc, int from, char *out,
    size_t size);

/* One change of state: when (UTC), who, from what (-1 at creation), to
 * what, and why. Edits that keep the state are events too (from == to).
 * `on` is the day it happened, as the person gave it ("" for events
 * recorded before it was asked). */
struct kz_event {
	char id[KZ_ID_SIZE];
	char at[32];
	char on[11];
	char *user;
	int from;
	int to;
	char *note;
};

struct kz_events {
	struct kz_event *ev;
	size_t n;
};

/* Record an event for the owner row (table is "request_event" or
 * "dispatch_event", owner its column). at NULL: now. on: the day it
 * happened, "YYYY-MM-DD" (NULL or "": not known, stored NULL). */
int kz_event_add(struct kz_db *db, const struct kz_lifecycle *lc,
    const char *table, const char *owner_col, const char *owner, int from,
    int to, const char *note, const char *at, const char *on,
    struct kz_err *err);
/* The day of the latest event of an owner that went to state `to`
 * ("" when there is none or it has no day), into out. */
int kz_event_day(struct kz_db *db, const struct kz_lifecycle *lc,
    const char *table, const char *owner_col, const char *owner, int to,
    char out[11], struct kz_err *err);
/* The events of an owner, oldest first. */
int kz_events_load(struct kz_db *db, const struct kz_lifecycle *lc,
    const char *table, const char *owner_col, const char *owner,
    struct kz_events *out, struct kz_err *err);
void kz_events_free(struct kz_events *e);

#endif
