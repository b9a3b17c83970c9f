/* fuzz.c - what the libFuzzer harnesses share: a database to import into. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

struct kz_db *
fuzz_db(const char *config)
{
	static char dir[] = "/tmp/kz-fuzz-XXXXXX";
	struct kz_err err = { 0 };
	struct kz_config *cfg;
	struct kz_db *db = NULL;
	char path[64];

	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof path, "%s/f.db", dir);
	cfg = kz_config_parse("fuzz.yaml", config, strlen(config), &err);
	if (cfg == NULL || (db = kz_db_open(path, cfg, &err)) == NULL)
		fuzz_ok(KZ_ERROR, &err);
	return db;	/* for the process's life: the OS cleans up */
}

void
fuzz_ok(int rc, const struct kz_err *err)
{
	if (rc == KZ_OK)
		return;
	fprintf(stderr, "fuzz: set-up: %s: %s\n", err->n ?
	    err->item[0].where : "", err->n ? err->item[0].msg : "?");
	abort();
}
