/* db_hold.c - what an open database holds in memory beyond its rows: the lists' orders its searches read, and SQLite's page cache (db.h). */
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
kz_db_order_forget(struct kz_db_order *o)
{
	free(o->row);
	free(o->many);
	free(o->dense);
	for (size_t i = 0; i < sizeof o->recent / sizeof o->recent[0]; i++) {
		free(o->recent[i].expr);
		free(o->recent[i].bits);
	}
	memset(o, 0, sizeof *o);
}

void
kz_db_forget_orders(struct kz_db *db)
{
	struct kz_db_order *o[] = { &db->order, &db->tr_order,
	    &db->req_order, &db->dsp_order, &db->sem_order, &db->sup_order,
	    &db->res_order, &db->pro_order, &db->jet_order, &db->fri_order,
	    &db->rep_order, &db->del_order };

	for (size_t i = 0; i < sizeof o / sizeof o[0]; i++)
		kz_db_order_forget(o[i]);
}

int
kz_db_cache(struct kz_db *db, int kib, struct kz_err *err)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -kib);
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK ?
	    KZ_OK : kz_db_fail(db, err, "cache_size");
}
