/* cli_record.h - one record printed from its type's table: a table of labels, CSV or JSON. */
#ifndef KZ_CLI_RECORD_H
#define KZ_CLI_RECORD_H

#include "cli.h"
#include "rtype.h"

/* The record in c->format: "label  value" lines (labels in the reader's
 * language, lists a line an item), a CSV header and row, or a JSON
 * object. Contact details are included: the reader asked for this one
 * record. */
void cli_record_print(const struct cli *c, const struct kz_rtype *rt,
    const void *rec);
/* The widest label of rt's fields, for lines printed below a record. */
int cli_record_label_width(const struct kz_rtype *rt);
/* Apply an option of add or edit, named by the table's option column,
 * to rec. KZ_ERROR with the problem in err. */
int cli_record_option(const struct kz_rtype *rt, void *rec, const char *option,
    const char *value, struct kz_err *err);

/* --if-updated STAMP of an edit: the record read is taken to have been
 * read with STAMP, so its update (kz_rtype_update_if) writes only if the
 * row still has it. Nothing when not given. */
int cli_record_if_updated(const struct cli_args *a, const struct kz_rtype *rt,
    void *rec, struct kz_err *err);

/* Fill the command-line options of every record type made from its
 * table (cli_specialist_opts, ...): the table's option column, a value
 * named for its kind, the label as help; required fields are needed by
 * add. Once, before the table is read: main calls it first. */
void cli_record_options(void);
/* After options were refused: the record's own checks too (more), all
 * reported at once, but none about a field whose option was refused
 * (it holds nothing, and its problem is said already). */
void cli_record_merge(struct kz_err *err, const struct kz_err *more);

#endif
