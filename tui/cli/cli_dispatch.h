/* cli_dispatch.h - `kizuna dispatch ...`, `kizuna match`, `kizuna timeline`, `kizuna export dispatches`. */
#ifndef KZ_CLI_DISPATCH_H
#define KZ_CLI_DISPATCH_H

#include "cli.h"

int cli_dispatch_add(struct cli *c, const struct cli_args *a);
int cli_dispatch_list(struct cli *c, const struct cli_args *a);
int cli_dispatch_show(struct cli *c, const struct cli_args *a);
int cli_dispatch_edit(struct cli *c, const struct cli_args *a);
int cli_dispatch_state(struct cli *c, const struct cli_args *a);
int cli_dispatch_rm(struct cli *c, const struct cli_args *a);
int cli_dispatch_ask(struct cli *c, const char *id, char *q, size_t size);
int cli_dispatch_cost(struct cli *c, const struct cli_args *a);
/* add and edit; state; cost (the filters of list: cli_list.h) */
/* --confirm beside add and edit's options (cli_dispatch_opts, cli.h) */
extern const struct cli_opt cli_dispatch_confirm_opts[],
    cli_dispatch_state_opts[];
/* tui/cli/cli_match.c */
int cli_match(struct cli *c, const struct cli_args *a);
int cli_timeline(struct cli *c, const struct cli_args *a);
int cli_export_dispatches(struct cli *c, const struct cli_args *a);
extern const struct cli_opt cli_match_opts[], cli_timeline_opts[],
    cli_export_dispatches_opts[];

#endif
