/* cli_sync.h - `kizuna sync ...`: bundles for head office and back. */
#ifndef KZ_CLI_SYNC_H
#define KZ_CLI_SYNC_H

#include "cli.h"

int cli_sync_export(struct cli *c, int argc, char **argv);
int cli_sync_import(struct cli *c, int argc, char **argv);
int cli_sync_status(struct cli *c, int argc, char **argv);
int cli_sync_conflicts(struct cli *c, int argc, char **argv);
int cli_sync_resolve(struct cli *c, int argc, char **argv);

#endif
