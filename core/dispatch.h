/* dispatch.h - a specialist sent to a requesting government: rules, life cycle. */
#ifndef KZ_DISPATCH_H
#define KZ_DISPATCH_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"
#include "lifecycle.h"
#include "request.h"
#include "rtype.h"

enum kz_dispatch_state {
	KZ_DSP_PROPOSED, KZ_DSP_DRAFTED, KZ_DSP_SIGNED, KZ_DSP_SCHEDULED,
	KZ_DSP_UNDERWAY, KZ_DSP_RETURNED, KZ_DSP_REPORTED, KZ_DSP_CANCELLED,
	KZ_DSP_NSTATES
};

extern const struct kz_lifecycle kz_dispatch_lc;
/* The record's table (core/rtype.h) and its states, once: the life
 * cycle's keywords and names are the enumeration's. */
extern const struct kz_rtype kz_dispatch_type;
extern const struct kz_enum kz_dispatch_state_enum;

/* Problems that a person may overrule after reading them (a declared
 * unavailability) are reported under this `where`; everything else is a
 * refusal. */
#define KZ_DSP_CONFIRM "confirm"

struct kz_dispatch {
	char id[KZ_ID_SIZE];
	char request[KZ_ID_SIZE];
	char specialist[KZ_ID_SIZE];
	char start[11];		/* first and last day, both included */
	char end[11];
	char *places;		/* "开封市; 郑州市" */
	enum kz_mode mode;
	enum kz_dispatch_state state;
	char agreement_date[11];	/* set when signed */
	char *agreement_ref;
	char *cancel_reason;
	char *override_reason;	/* why it may be longer than the maximum */
	char *notes;
	int revision;		/* bumped by every change: iCalendar SEQUENCE */
	char created[32];
	char updated[32];
	char *created_by;
	char *updated_by;
};

/* How a write is made. */
struct kz_dispatch_opts {
	bool confirmed;		/* the person read the warnings and goes on */
	const char *at;		/* time of the history event; NULL: now */
	/* Where warnings go that do not stop the write (more people
	 * proposed than the request asks for); NULL: not reported. */
	struct kz_err *warn;
};

void kz_dispatch_init(struct kz_dispatch *d);
void kz_dispatch_free(struct kz_dispatch *d);

/* Every rule at once: required values, dates, end before start, the
 * longest period without a stated override, the request still open, the
 * same specialist on an overlapping dispatch (naming it), and - unless
 * confirmed - a declared unavailability (under KZ_DSP_CONFIRM). */
int kz_dispatch_check(struct kz_db *db, const struct kz_dispatch *d,
    bool confirmed, struct kz_err *err);
/* True when err holds only warnings a person may confirm. */
bool kz_dispatch_only_warnings(const struct kz_err *err);

/* Insert as proposed with the default cost lines; the request moves to
 * "proposed" when it was received or matching. */
int kz_dispatch_insert(struct kz_db *db, struct kz_dispatch *d,
    const struct kz_dispatch_opts *o, struct kz_err *err);
/* Change dates, places, mode, notes, override (and, while proposed, the
 * specialist or request); the state is changed by kz_dispatch_set_state. */
int kz_dispatch_update(struct kz_db *db, struct kz_dispatch *d,
    const struct kz_dispatch_opts *o, struct kz_err *err);
/* Only a proposed dispatch may be deleted (a mistake); later ones are
 * cancelled, with a reason, and stay as history. */
int kz_dispatch_delete(struct kz_db *db, const char *typed,
    struct kz_err *err);
/* What kz_dispatch_delete would refuse, without deleting. */
int kz_dispatch_delete_check(struct kz_db *db, const char *typed,
    struct kz_err *err);
int kz_dispatch_get(struct kz_db *db, const char *typed,
    struct kz_dispatch *out, struct kz_err *err);
int kz_dispatch_resolve(struct kz_db *db, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err);

/* A change of state and what it needs: the day it happened (to sign,
 * the agreement's date) and its reference, a reason to cancel. */
struct kz_dispatch_change {
	enum kz_dispatch_state to;
	/* the day it happened, as people type dates; NULL or "": the day
	 * of `at` when given, else today where the office is */
	const char *date;
	const char *ref;	/* signed: its reference */
	const char *reason;	/* cancelled */
	const char *note;
	const char *at;		/* NULL: now */
	struct kz_err *warn;	/* warnings (the change is made); may be NULL */
};

/*
 * The rules of a change's day, once for every caller. Refused: a day
 * after today (where the office is); an agreement dated after the
 * dispatch's first day; leaving before the agreement's date or outside
 * the dispatch's period (edit its dates first); coming back before
 * leaving; the report before the return; cancelling before the last of
 * those days. Warned (into warn, the change is made): leaving on another
 * day than the first, coming back on another day than the last. Same
 * day is allowed everywhere. `day` is the change's day, valid; "today"
 * is the day of `at` when given (history replayed), else the office's.
 * kz_dispatch_set_state checks with it before writing.
 */
int kz_dispatch_check_day(struct kz_db *db, const struct kz_dispatch *d,
    enum kz_dispatch_state to, const char *day, const char *at,
    struct kz_err *err, struct kz_err *warn);

int kz_dispatch_set_state(struct kz_db *db, const char *typed,
    const struct kz_dispatch_change *c, struct kz_err *err);
/* What kz_dispatch_set_state would refuse, without writing: to ask
 * before a final step only when it can be taken. */
int kz_dispatch_check_state(struct kz_db *db, const char *typed,
    const struct kz_dispatch_change *c, struct kz_err *err);
int kz_dispatch_history(struct kz_db *db, const char *id,
    struct kz_events *out, struct kz_err *err);

/* Firm once the agreement is signed; tentative before; cancelled apart. */
bool kz_dispatch_state_firm(enum kz_dispatch_state s);

/* ---- lists ---- */

struct kz_dispatch_row {
	char id[KZ_ID_SIZE];
	char request[KZ_ID_SIZE];
	char specialist[KZ_ID_SIZE];
	char *name;		/* the specialist's */
	char *name_roman;
	char start[11];
	char end[11];
	char *places;
	enum kz_mode mode;
	enum kz_dispatch_state state;
	char country[3];	/* the host's */
	char *host;		/* province city department */
	char *topic;
	char *fields;		/* of the request, comma separated */
	char updated[32];
};

struct kz_dispatch_rows {
	struct kz_dispatch_row *rows;
	size_t n;
};

struct kz_dispatch_query {
	const char *text;	/* words in names, places, host, topic, id */
	int state;		/* -1 any, -2 not cancelled, or a state */
	const char *specialist;	/* id */
	const char *request;	/* id */
	const char *from;	/* overlapping [from, to] */
	const char *to;
	/* "COLUMN[,-COLUMN]" of `dispatch list` (kz_rlist_order); NULL:
	 * by start date */
	const char *sort;
};

void kz_dispatch_query_init(struct kz_dispatch_query *q);
/* By start date, newest first unless oldest_first; or as q->sort
 * says. */
int kz_dispatch_list(struct kz_db *db, const struct kz_dispatch_query *q,
    bool oldest_first, struct kz_dispatch_rows *out, struct kz_err *err);
void kz_dispatch_rows_free(struct kz_dispatch_rows *l);
/* The same rows one at a time, never held together: step gets each
 * (its strings valid during the call, or taken by step, which then
 * zeroes them) and returns KZ_OK to go on, else KZ_ERROR with its
 * problem in err to stop. */
int kz_dispatch_each(struct kz_db *db, const struct kz_dispatch_query *q,
    bool oldest_first, int (*step)(void *arg, struct kz_dispatch_row *r,
    struct kz_err *err), void *arg, struct kz_err *err);

#endif
