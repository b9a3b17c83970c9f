/* fuzz.h - what the libFuzzer harnesses share: a database to import into. */
#ifndef KZ_FUZZ_H
#define KZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "db.h"

/* A fresh database under a temporary directory, opened once a process
 * with the sample office's configuration text: head office (Tokyo) or an
 * office (Beijing). Exits on failure: nothing to fuzz without it. */
struct kz_db *fuzz_db(const char *config);

/* Set-up that must work: say why it did not, and stop. */
void fuzz_ok(int rc, const struct kz_err *err);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
