/* cli_request.h - `kizuna request ...`: requests from overseas governments. */
#ifndef KZ_CLI_REQUEST_H
#define KZ_CLI_REQUEST_H

#include "cli.h"

int cli_request_add(struct cli *c, int argc, char **argv);
int cli_request_list(struct cli *c, int argc, char **argv);
int cli_request_show(struct cli *c, int argc, char **argv);
int cli_request_edit(struct cli *c, int argc, char **argv);
int cli_request_state(struct cli *c, int argc, char **argv);
int cli_request_rm(struct cli *c, int argc, char **argv);

#endif
