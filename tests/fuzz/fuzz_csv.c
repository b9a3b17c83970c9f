/* fuzz_csv.c - libFuzzer harness: the CSV reader, record by record. */
#include "fuzz.h"

#include "csv.h"
#include "err.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_csv r;
	struct kz_csv_row row;
	struct kz_err err = { 0 };
	int rc;

	kz_csv_open(&r, "fuzz.csv", (const char *)data, size);
	while ((rc = kz_csv_next(&r, &row, &err)) == 1)
		kz_csv_row_free(&row);
	/* a malformed record is named, never silent */
	if (rc < 0 && err.n == 0)
		__builtin_trap();
	kz_err_clear(&err);
	return 0;
}
