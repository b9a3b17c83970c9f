/* fuzz_import.c - libFuzzer harness: the CSV importers (specialists, an edition's programme and participants, the records of what an office does). */
#include "fuzz.h"

#include <stdio.h>
#include <string.h>

#include "activity.h"
#include "err.h"
#include "seminar.h"
#include "seminar_transfer.h"
#include "transfer.h"

/* The first byte picks the importer and whether bad rows are skipped;
 * the rest is the file. An import is all or nothing, so what it leaves
 * is checked by its own tests; here it must only never crash or hang. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct kz_db *db;
	static char edition[KZ_ID_SIZE];
	struct kz_import_report rep = { 0 };
	struct kz_err err = { 0 };
	const char *text = (const char *)data + 1;

	if (db == NULL) {
		struct kz_series se;
		struct kz_seminar e;

		db = fuzz_db(kz_sample_beijing);
		memset(&se, 0, sizeof se);
		kz_str_set(&se.code, "fuzz-seminar");
		kz_str_set(&se.name, "Fuzz");
		kz_seminar_init(&e);
		e.year = 2026;
		snprintf(e.start, sizeof e.start, "2026-12-01");
		snprintf(e.end, sizeof e.end, "2026-12-05");
		snprintf(e.country, sizeof e.country, "CN");
		fuzz_ok(kz_series_insert(db, &se, &err), &err);
		memcpy(e.series, se.id, KZ_ID_SIZE);
		fuzz_ok(kz_seminar_insert(db, &e, &err), &err);
		memcpy(edition, e.id, KZ_ID_SIZE);
		kz_series_free(&se);
		kz_seminar_free(&e);
	}
	if (size < 1)
		return 0;
	switch (data[0] % 10) {
	case 0:
		kz_import_specialists(db, "fuzz.csv", text, size - 1,
		    data[0] & 0x10, NULL, NULL, &rep, &err);
		break;
	case 1:
		kz_import_programme(db, edition, "fuzz.csv", text, size - 1,
		    data[0] & 0x10, data[0] & 0x20, &rep, &err);
		break;
	case 2:
		kz_import_participants(db, edition, "fuzz.csv", text, size - 1,
		    data[0] & 0x10, &rep, &err);
		break;
	default:	/* 3..9: the seven kinds of core/activity.h */
		kz_activity_import(db, kz_akinds[data[0] % 10 - 3], "fuzz.csv",
		    text, size - 1, data[0] & 0x10, &rep, &err);
		break;
	}
	kz_import_report_free(&rep);
	kz_err_clear(&err);
	return 0;
}
