/* fuzz_date.c - libFuzzer harness: dates as people type them, in every order. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[11];

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (int o = KZ_DATE_YMD; o <= KZ_DATE_MDY; o++) {
		struct kz_err err = { 0 };

		/* a date read is a real stored date; a refusal is named */
		if (kz_date_parse(s, (enum kz_date_order)o, out, "date",
		    &err) == KZ_OK) {
			if (!kz_date_valid(out) || err.n != 0)
				__builtin_trap();
		} else if (err.n != 1 || out[0] != '\0')
			__builtin_trap();
	}
	free(s);
	return 0;
}
