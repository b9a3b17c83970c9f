/* fuzz_changes.c - libFuzzer harness: a bundle's changes, as a forger who gets past its frame would write them, checked and applied at head office. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "sync.h"
#include "sync_apply.h"
#include "sync_check.h"

/* The frame (its signature, its checksum) is what keeps a forger out;
 * behind it, the changes are still checked before anything reads them,
 * and applying them must never crash or hang. Each input is applied in a
 * transaction rolled back after, so every one meets the same database. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct kz_db *db;
	static struct kz_bundle_info in;
	struct kz_sync_result res;
	struct kz_err err = { 0 };

	if (db == NULL) {
		db = fuzz_db(kz_sample_tokyo);
		snprintf(in.office, sizeof in.office, "BJS");
		snprintf(in.role, sizeof in.role, "office");
		snprintf(in.db, sizeof in.db, "0123456789abcdef");
		in.seq = 1;
	}
	if (size > (1 << 20))
		return 0;
	if (kz_sync_check(db, "fuzz.kzb", &in, data, (int)size, &err) ==
	    KZ_OK && kz_db_begin(db, &err) == KZ_OK) {
		memset(&res, 0, sizeof res);
		kz_sync_apply(db, &in, "fuzz.kzb", data, (int)size, &res, &err);
		kz_db_rollback(db);
	}
	if (getenv("FUZZ_SAY") && err.n)	/* why an input went no further */
		fprintf(stderr, "%s: %s\n", err.item[0].where, err.item[0].msg);
	kz_err_clear(&err);
	return 0;
}
