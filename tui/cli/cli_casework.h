/* cli_casework.h - what the request, dispatch and match commands share. */
#ifndef KZ_CLI_CASEWORK_H
#define KZ_CLI_CASEWORK_H

#include <stdbool.h>
#include "cli.h"
#include "lifecycle.h"

/* The history of a record as lines "at  user  from -> to  note". */
void cli_dsp_history(const struct kz_config *cfg, const struct kz_lifecycle *lc,
    const struct kz_events *ev);
/* A parsed whole number option; false (reported) if it is not one. */
bool cli_dsp_int(const char *opt, const char *v, int min, int max, int *out);

#endif
