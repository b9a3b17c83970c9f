/* semrec.h - old name of record.h, kept until tui/seminar_days.c, tui/seminar_people.c and tui/screen_trainees.c include record.h. */
#include "record.h"
