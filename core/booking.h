/* booking.h - who is booked when, across offices, and the clashes head office finds between them. */
#ifndef KZ_BOOKING_H
#define KZ_BOOKING_H

#include <stddef.h>
#include "db.h"

/*
 * A booking is a specialist held for a span of days by a record: a
 * dispatch that is not cancelled, a role at a seminar edition (a
 * participant linked to the register), a place in a delegation that is
 * not cancelled (core/activity.h), or a declared unavailability.
 * Head office holds every office's records and keeps the table `booking`
 * as their summary; it travels from head office to the offices only, so
 * an office learns who is booked when, by which office and under which
 * record id, never the other office's records themselves.
 *
 * Two bookings clash when they hold the same specialist on a common day
 * (first and last days included: a dispatch ending on the 10th and one
 * starting on the 10th clash; one starting on the 11th does not), come
 * from different records, and are not both unavailabilities.
 */
struct kz_booking {
	char id[80];		/* the booking's own key */
	char kind[16];		/* "dispatch", "seminar", "unavailable",
				 * "delegation" */
	char record[64];	/* dispatch, seminar edition, or specialist */
	char office[8];		/* whose record; "" for an unavailability */
	char start[11];		/* first and last day, both included */
	char end[11];
	char detail[24];	/* dispatch state, seminar role, delegation
				 * direction */
};

struct kz_clash {
	char specialist[64];
	char name[256];		/* as the register has it, or "" */
	struct kz_booking a;	/* this office's record first */
	struct kz_booking b;
	char from[11];		/* the days both hold */
	char to[11];
};

struct kz_clash_list {
	struct kz_clash *c;
	size_t n;
};

/* Head office: bring `booking` in line with the records here, inside the
 * caller's transaction if one is open (the changes then travel with it).
 * Elsewhere the table is head office's word, and this does nothing. */
int kz_booking_refresh(struct kz_db *db, struct kz_err *err);

/* The clashes this database knows of: its own records against each
 * other and against the bookings head office sent. An office sees those
 * that involve one of its records; head office sees all. With record,
 * only those that involve it (a dispatch, seminar or specialist id). */
int kz_booking_clashes(struct kz_db *db, const char *record,
    struct kz_clash_list *l, struct kz_err *err);
void kz_clash_list_free(struct kz_clash_list *l);
/* Just how many, for a status line; 0 on error. */
long kz_booking_clash_count(struct kz_db *db);

/* A kind in words of the configured language. */
const char *kz_booking_kind_name(const char *kind);

#endif
