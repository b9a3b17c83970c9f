/* cli_report.h - `kizuna opening ...` and `kizuna report`. */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include "cli.h"

/* tui/cli/cli_opening.c */
int cli_opening_add(struct cli *c, const struct cli_args *a);
int cli_opening_list(struct cli *c, const struct cli_args *a);
int cli_opening_show(struct cli *c, const struct cli_args *a);
int cli_opening_edit(struct cli *c, const struct cli_args *a);
int cli_opening_rm(struct cli *c, const struct cli_args *a);
int cli_opening_ask(struct cli *c, const char *id, char *q, size_t size);

/* tui/cli/cli_report.c */
extern const struct cli_opt cli_report_opts[];
int cli_report(struct cli *c, const struct cli_args *a);

#endif
