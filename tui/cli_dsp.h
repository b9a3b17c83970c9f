/* cli_dsp.h - what the request, dispatch and match commands share. */
#ifndef KZ_CLI_DSP_H
#define KZ_CLI_DSP_H

#include <stdbool.h>
#include "cli.h"
#include "lifecycle.h"

/* --format table|csv|json into c->format; 1 (reported) when unknown. */
int cli_dsp_format(struct cli *c, const char *v);
/* The table row of a command, for its usage line. */
const struct cli_cmd *cli_dsp_self(const char *name, const char *verb);
/* "label  value" with the labels padded to lw display columns; nothing
 * for an empty value. */
void cli_dsp_line(const char *label, const char *value, int lw);
/* "key": value, for JSON objects written a key a line. */
void cli_dsp_json(const char *key, const char *value, bool comma);
/* Ask on the terminal before deleting; false without one (a script must
 * say --yes) or when the answer is not yes. */
bool cli_dsp_ask(const char *question);
/* The history of a record as lines "at  user  from -> to  note". */
void cli_dsp_history(const struct kz_lifecycle *lc,
    const struct kz_events *ev);
/* A parsed whole number option; false (reported) if it is not one. */
bool cli_dsp_int(const char *opt, const char *v, int min, int max, int *out);

#endif
