/* cli_dispatch.h - `kizuna dispatch ...`, `kizuna match`, `kizuna timeline`, `kizuna export dispatches`. */
#ifndef KZ_CLI_DISPATCH_H
#define KZ_CLI_DISPATCH_H

#include "cli.h"

int cli_dispatch_add(struct cli *c, int argc, char **argv);
int cli_dispatch_list(struct cli *c, int argc, char **argv);
int cli_dispatch_show(struct cli *c, int argc, char **argv);
int cli_dispatch_edit(struct cli *c, int argc, char **argv);
int cli_dispatch_state(struct cli *c, int argc, char **argv);
int cli_dispatch_rm(struct cli *c, int argc, char **argv);
int cli_dispatch_cost(struct cli *c, int argc, char **argv);
/* tui/cli_match.c */
int cli_match(struct cli *c, int argc, char **argv);
int cli_timeline(struct cli *c, int argc, char **argv);
int cli_export_dispatches(struct cli *c, int argc, char **argv);

#endif
