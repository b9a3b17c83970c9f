/* fuzz_csv.c - libFuzzer harness: the CSV reader, record by record, from memory and as a stream. */
#include "fuzz.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "err.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_csv r, s;
	struct kz_csv_row row, srow;
	struct kz_err err = { 0 }, serr = { 0 };
	FILE *fp = size ? fmemopen((void *)data, size, "rb") : NULL;
	int rc, src = 0;

	kz_csv_open(&r, "fuzz.csv", (const char *)data, size);
	if (fp)
		kz_csv_open_file(&s, "fuzz.csv", fp);
	while ((rc = kz_csv_next(&r, &row, &err)) == 1) {
		/* read a piece at a time, the same records */
		if (fp && (src = kz_csv_next(&s, &srow, &serr)) == 1) {
			if (srow.n != row.n || srow.line != row.line)
				__builtin_trap();
			for (size_t i = 0; i < row.n; i++)
				if (strcmp(row.cell[i], srow.cell[i]) != 0)
					__builtin_trap();
			kz_csv_row_free(&srow);
		} else if (fp)
			__builtin_trap();
		kz_csv_row_free(&row);
	}
	if (fp && (src = kz_csv_next(&s, &srow, &serr)) != rc)
		__builtin_trap();
	if (src == 1)
		kz_csv_row_free(&srow);
	/* a malformed record is named, never silent */
	if (rc < 0 && err.n == 0)
		__builtin_trap();
	if (fp) {
		kz_csv_close(&s);
		fclose(fp);
	}
	kz_err_clear(&err);
	kz_err_clear(&serr);
	return 0;
}
