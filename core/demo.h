/* demo.h - a demo data set shaped like the published register. */
#ifndef KZ_DEMO_H
#define KZ_DEMO_H

#include "db.h"

/* Published figures the demo reproduces (March 2022). */
#define KZ_DEMO_PEOPLE 1168
#define KZ_DEMO_REGISTRATIONS 1492

/* Load the demo specialists into an empty register, in one transaction.
 * The same data every time (a fixed pseudo-random sequence), ids aside. */
int kz_demo_load(struct kz_db *db, struct kz_err *err);

/* The parts of the demo beyond the register, each in its module's demo
 * file; called by kz_demo_load inside its transaction, after the
 * specialists are in. */
int kz_demo_dispatches(struct kz_db *db, struct kz_err *err);
int kz_demo_seminars(struct kz_db *db, struct kz_err *err);

#endif
