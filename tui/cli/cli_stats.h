/* cli_stats.h - `kizuna stats dispatches|...`: the office's figures as a table, CSV or JSON. */
#ifndef KZ_CLI_STATS_H
#define KZ_CLI_STATS_H

#include "cli.h"

extern const struct cli_opt cli_stats_opts[];
int cli_stats_measure(struct cli *c, const struct cli_args *a);

#endif
