/* fuzz_bundle.c - libFuzzer harness: a sync bundle read, checked and imported at head office. */
#include "fuzz.h"

#include "err.h"
#include "sync.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct kz_db *db;
	struct kz_sync_result res;
	struct kz_err err = { 0 };

	if (db == NULL)
		db = fuzz_db(kz_sample_tokyo);
	kz_sync_import_mem(db, "fuzz.kzb", data, size, &res, &err);
	kz_err_clear(&err);
	return 0;
}
