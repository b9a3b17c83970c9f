/* cli_config.h - reporting configuration problems the way compilers do. */
#ifndef KZ_CLI_CONFIG_H
#define KZ_CLI_CONFIG_H

#include "err.h"

/* Print every problem of a failed kz_config_load to stderr:
 * "kizuna: FILE:LINE:COL: message", then the offending line and a caret
 * under the column, indented. */
void cli_config_report(const struct kz_err *err);

#endif
