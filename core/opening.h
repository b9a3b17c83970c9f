/* opening.h - opening figures: what a programme had done before kizuna kept its records. */
#ifndef KZ_OPENING_H
#define KZ_OPENING_H

#include "db.h"
#include "id.h"
#include "record.h"
#include "rtype.h"

/*
 * Programmes began before kizuna: an office records how much a programme
 * had done up to a day ("514 officials trained since 1996, up to
 * 2019-03-31"), so that every "since the start" total is right. The
 * figure counts everything up to and including as_of; the tally
 * (core/tally.h) adds the records after it, never one twice. A figure
 * belongs to the office that starts its id.
 */
struct kz_opening {
	char id[KZ_ID_SIZE];
	char *programme;	/* a tally key: "trainee", "edition:cj-seminar" */
	int since;		/* the programme's first year, 0: not known */
	char as_of[11];		/* YYYY-MM-DD, required */
	int count;		/* >= 0 */
	char *note;
	struct kz_stamps st;
	/* the programme as people read it (kz_tally_name: a series by its
	 * name in their language), made by get, insert and update, never
	 * stored; NULL: its label is shown */
	char *programme_shown;
};

extern const struct kz_rtype kz_opening_type;

void kz_opening_init(struct kz_opening *o);
void kz_opening_free(struct kz_opening *o);

/* The table's checks, a programme the tally knows (kz_tally_key_ok),
 * a first year not after the day it counts to. */
int kz_opening_validate(struct kz_db *db, const struct kz_opening *o,
    struct kz_err *err);
int kz_opening_insert(struct kz_db *db, struct kz_opening *o,
    struct kz_err *err);
int kz_opening_update(struct kz_db *db, struct kz_opening *o,
    struct kz_err *err);
int kz_opening_delete(struct kz_db *db, const char *typed,
    struct kz_err *err);
int kz_opening_get(struct kz_db *db, const char *typed,
    struct kz_opening *out, struct kz_err *err);
/* "delete the opening figure ID (LGOTP officials trained: 514 as of
 * 2019-03-31)?" of the figure typed, into q, for the commands and the
 * screens alike. */
int kz_opening_delete_question(struct kz_db *db, const char *typed,
    char *q, size_t size, struct kz_err *err);

#endif
