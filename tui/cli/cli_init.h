/* cli_init.h - `kizuna init` and the first run: a sample office's configuration, chosen, never guessed. */
#ifndef KZ_CLI_INIT_H
#define KZ_CLI_INIT_H

#include <stdbool.h>

#include "cli.h"

int cli_init(struct cli *c, const struct cli_args *a);
extern const struct cli_opt cli_init_opts[];

/* No configuration at path: on a terminal ask which sample office this
 * is and write its configuration there; otherwise refuse, saying how to
 * make one. Returns 0 when path has been written, 1 when reported. */
int cli_first_run(const char *path);

#endif
