/* cli_request.h - `kizuna request ...`: requests from overseas governments. */
#ifndef KZ_CLI_REQUEST_H
#define KZ_CLI_REQUEST_H

#include "cli.h"

int cli_request_add(struct cli *c, const struct cli_args *a);
int cli_request_list(struct cli *c, const struct cli_args *a);
int cli_request_show(struct cli *c, const struct cli_args *a);
int cli_request_edit(struct cli *c, const struct cli_args *a);
int cli_request_state(struct cli *c, const struct cli_args *a);
int cli_request_rm(struct cli *c, const struct cli_args *a);
int cli_request_ask(struct cli *c, const char *id, char *q, size_t size);

/* state (add and edit: cli_request_opts, cli.h; list: cli_list.h) */
extern const struct cli_opt cli_request_state_opts[];

#endif
