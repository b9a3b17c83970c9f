/* fuzz_config.c - libFuzzer harness: the YAML configuration parser. */
#include "fuzz.h"

#include "err.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_err err = { 0 };
	struct kz_config *cfg;

	cfg = kz_config_parse("fuzz.yaml", (const char *)data, size, &err);
	/* a configuration parsed is one the program would use: whole */
	if (cfg != NULL && err.n != 0)
		__builtin_trap();
	kz_config_free(cfg);
	kz_err_clear(&err);
	return 0;
}
