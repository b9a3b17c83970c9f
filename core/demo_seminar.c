/* demo_seminar.c - demo seminars and trainee placements (to be written). */
#include "demo.h"

int
kz_demo_seminars(struct kz_db *db, struct kz_err *err)
{
	(void)db;
	(void)err;
	return KZ_OK;
}
