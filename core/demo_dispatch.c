/* demo_dispatch.c - demo requests and dispatches (to be written). */
#include "demo.h"

int
kz_demo_dispatches(struct kz_db *db, struct kz_err *err)
{
	(void)db;
	(void)err;
	return KZ_OK;
}
