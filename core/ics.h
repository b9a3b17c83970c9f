/* ics.h - dispatches as an iCalendar file (RFC 5545) for calendar programs. */
#ifndef KZ_ICS_H
#define KZ_ICS_H

#include "buf.h"
#include "db.h"

/*
 * Every dispatch as an all-day event through the shared writer (ical.h):
 * the first day to the last, UID "<dispatch id>@kizuna" (ids are global,
 * so a calendar importing the file again updates its events rather than
 * adding copies), STATUS TENTATIVE before the agreement is signed,
 * CONFIRMED after, CANCELLED for a cancelled one, SEQUENCE the record's
 * revision and LAST-MODIFIED its update stamp.
 */
int kz_ics_dispatches(struct kz_db *db, struct kz_buf *out,
    struct kz_err *err);

#endif
