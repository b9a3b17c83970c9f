/* cli_sync.h - `kizuna sync ...`: bundles for head office and back. */
#ifndef KZ_CLI_SYNC_H
#define KZ_CLI_SYNC_H

#include "cli.h"

int cli_sync_export(struct cli *c, const struct cli_args *a);
int cli_sync_import(struct cli *c, const struct cli_args *a);
int cli_sync_status(struct cli *c, const struct cli_args *a);
int cli_sync_conflicts(struct cli *c, const struct cli_args *a);
int cli_sync_clashes(struct cli *c, const struct cli_args *a);
int cli_sync_resolve(struct cli *c, const struct cli_args *a);
int cli_sync_rehome(struct cli *c, const struct cli_args *a);
int cli_sync_key(struct cli *c, const struct cli_args *a);
int cli_sync_keys(struct cli *c, const struct cli_args *a);
int cli_sync_trust(struct cli *c, const struct cli_args *a);
int cli_sync_revoke(struct cli *c, const struct cli_args *a);
extern const struct cli_opt cli_sync_export_opts[], cli_sync_conflicts_opts[],
    cli_sync_resolve_opts[],
    cli_sync_rehome_opts[], cli_sync_key_opts[], cli_sync_trust_opts[];

#endif
