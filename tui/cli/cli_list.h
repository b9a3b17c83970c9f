/* cli_list.h - a declared list (core/rlist.h) printed as a table, CSV or JSON, row by row. */
#ifndef KZ_CLI_LIST_H
#define KZ_CLI_LIST_H

#include "cli.h"
#include "rlist.h"

/* --limit N and --offset N, which every list command takes. */
extern const struct cli_opt cli_list_opts[];

/* The filter options of each list, made from its declaration by
 * cli_list_options (called with cli_record_options, before the command
 * table is read). */
#define CLI_LIST_OPTS 16
extern struct cli_opt cli_specialist_filters[CLI_LIST_OPTS];
extern struct cli_opt cli_request_filters[CLI_LIST_OPTS];
extern struct cli_opt cli_dispatch_filters[CLI_LIST_OPTS];
extern struct cli_opt cli_participant_filters[CLI_LIST_OPTS];
extern struct cli_opt cli_item_filters[CLI_LIST_OPTS];
extern struct cli_opt cli_seminar_filters[CLI_LIST_OPTS];
extern struct cli_opt cli_trainee_filters[CLI_LIST_OPTS];
extern struct cli_opt cli_opening_filters[CLI_LIST_OPTS];

/* kz_akinds[i]'s list's filters (cli_activity.c) */
extern struct cli_opt cli_activity_filters[KZ_CLI_ACTIVITIES][CLI_LIST_OPTS];

void cli_list_options(void);

/* The filters, --limit and --offset given in a, into q; 0, or 1 on a
 * bad --limit or --offset (reported). */
int cli_list_query(const struct cli_args *a, struct kz_rlist_query *q);

/* Print the list q names in c->format: the filters, --limit and
 * --offset given in a are applied to q first. Columns marked personal
 * only with personal. A table sets q->rows. Returns the exit status (a bad filter value is
 * reported naming its option, and nothing is printed). */
int cli_list(struct cli *c, const struct cli_args *a, struct kz_rlist_query *q,
    bool personal);

#endif
