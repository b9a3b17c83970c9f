/* cli_seminar.h - `kizuna series|seminar|programme|participant|trainee ...`. */
#ifndef KZ_CLI_SEMINAR_H
#define KZ_CLI_SEMINAR_H

#include <stdbool.h>
#include <stddef.h>
#include "cli.h"
#include "db.h"
#include "transfer.h"

/* tui/cli_seminar.c: series and editions */
int cli_series_add(struct cli *c, const struct cli_args *a);
int cli_series_list(struct cli *c, const struct cli_args *a);
int cli_series_edit(struct cli *c, const struct cli_args *a);
int cli_series_rm(struct cli *c, const struct cli_args *a);
int cli_seminar_add(struct cli *c, const struct cli_args *a);
int cli_seminar_list(struct cli *c, const struct cli_args *a);
int cli_seminar_show(struct cli *c, const struct cli_args *a);
int cli_seminar_edit(struct cli *c, const struct cli_args *a);
int cli_seminar_rm(struct cli *c, const struct cli_args *a);
int cli_series_ask(struct cli *c, const char *id, char *q, size_t size);
int cli_seminar_ask(struct cli *c, const char *id, char *q, size_t size);

/* tui/cli_programme.c: programme items, their import and export */
int cli_programme_add(struct cli *c, const struct cli_args *a);
int cli_programme_list(struct cli *c, const struct cli_args *a);
int cli_programme_show(struct cli *c, const struct cli_args *a);
int cli_programme_edit(struct cli *c, const struct cli_args *a);
int cli_programme_rm(struct cli *c, const struct cli_args *a);
int cli_import_programme(struct cli *c, const struct cli_args *a);
int cli_export_programme(struct cli *c, const struct cli_args *a);
int cli_programme_ask(struct cli *c, const char *id, char *q, size_t size);
/* add and edit; the filter of list; import's and export's own */
extern const struct cli_opt cli_programme_force_opts[],
    cli_import_programme_opts[], cli_export_programme_opts[];

/* tui/cli_participant.c */
int cli_participant_add(struct cli *c, const struct cli_args *a);
int cli_participant_list(struct cli *c, const struct cli_args *a);
int cli_participant_edit(struct cli *c, const struct cli_args *a);
int cli_participant_rm(struct cli *c, const struct cli_args *a);
int cli_participant_count(struct cli *c, const struct cli_args *a);
int cli_import_participants(struct cli *c, const struct cli_args *a);
int cli_participant_ask(struct cli *c, const char *id, char *q, size_t size);
extern const struct cli_opt cli_participant_contacts_opts[],
    cli_participant_count_opts[];

/* tui/cli_trainee.c */
int cli_trainee_add(struct cli *c, const struct cli_args *a);
int cli_trainee_list(struct cli *c, const struct cli_args *a);
int cli_trainee_show(struct cli *c, const struct cli_args *a);
int cli_trainee_edit(struct cli *c, const struct cli_args *a);
int cli_trainee_rm(struct cli *c, const struct cli_args *a);
int cli_trainee_count(struct cli *c, const struct cli_args *a);
int cli_trainee_ask(struct cli *c, const char *id, char *q, size_t size);
extern const struct cli_opt cli_trainee_count_opts[];

/* ---- shared by these commands (tui/cli_seminar.c) ---- */

/* A whole text file ("-": standard input) in memory; NULL with errno
 * (EILSEQ: it holds a NUL byte). */
char *cli_sem_read(const char *path, size_t *len);
/* Print an import's report and result; returns the exit status. */
int cli_sem_import_done(const struct kz_import_report *rep, int rc,
    const struct kz_err *err);
/* Warnings of a write that went ahead. */
void cli_sem_warnings(const struct kz_err *warn);

#endif
