/* cli_history.h - kizuna history ID: every change of a record, deleted or not. */
#ifndef KZ_CLI_HISTORY_H
#define KZ_CLI_HISTORY_H

#include "cli.h"

int cli_history(struct cli *c, const struct cli_args *a);

#endif
