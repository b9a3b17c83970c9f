/* cli.h - the subcommand table and what every subcommand is handed. */
#ifndef KZ_CLI_H
#define KZ_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "config.h"
#include "db.h"

enum cli_format { FMT_TABLE, FMT_CSV, FMT_JSON };

struct cli {
	const char *config_path;	/* resolved path of the config file */
	const char *db_path;		/* resolved path of the database */
	struct kz_config *cfg;		/* loaded before any handler runs */
	struct kz_db *db;		/* opened by cli_db() on first use */
	enum cli_format format;		/* --format, FMT_TABLE by default */
};

/* Flags of a subcommand. */
#define CLI_DB 0x1		/* opens the database */

struct cli_cmd {
	const char *name;	/* "specialist" */
	const char *verb;	/* "add", or NULL for a one-word command */
	const char *args;	/* usage after the name, e.g. "[--format F] TEXT" */
	const char *help;	/* one line, marked N_() */
	int (*run)(struct cli *c, int argc, char **argv);
	unsigned flags;
};

extern const struct cli_cmd cli_cmds[];

/* Run the subcommand named by argv; argv[0] is the subcommand name.
 * Returns the exit status. */
int cli_dispatch(struct cli *c, int argc, char **argv);
/* Print "kizuna: " and the message to stderr; returns 1 (exit status). */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print every item of err to stderr, prefixed; returns 1. */
int cli_fail_err(const struct kz_err *err);
/* Usage line of a subcommand to stderr; returns 2. */
int cli_usage(const struct cli_cmd *cmd);
/* The same after naming an argument the command does not take. */
int cli_usage_extra(const struct cli_cmd *cmd, const char *arg);

/* --format table|csv|json into c->format; 1 (reported) when unknown. */
int cli_set_format(struct cli *c, const char *v);
/* The table row of a command, for its usage line. */
const struct cli_cmd *cli_find(const char *name, const char *verb);
/* "label  value" with the labels padded to lw display columns; nothing
 * for an empty value; continuation lines line up under the value. */
void cli_show_line(const char *label, const char *value, int lw);
/* "key": value, for JSON objects written a key a line. */
void cli_json_kv(const char *key, const char *value, bool comma);
/* Ask on the terminal; false without one (a script must say --yes) or
 * when the answer is not yes. */
bool cli_ask(const char *question);

/* Handlers, one file each for a concept. */
int cli_specialist_add(struct cli *c, int argc, char **argv);
int cli_specialist_list(struct cli *c, int argc, char **argv);
int cli_specialist_show(struct cli *c, int argc, char **argv);
int cli_specialist_edit(struct cli *c, int argc, char **argv);
int cli_specialist_rm(struct cli *c, int argc, char **argv);
int cli_search(struct cli *c, int argc, char **argv);
int cli_import(struct cli *c, int argc, char **argv);
int cli_export(struct cli *c, int argc, char **argv);
int cli_demo(struct cli *c, int argc, char **argv);
int cli_stats(struct cli *c, int argc, char **argv);
int cli_config_check(struct cli *c, int argc, char **argv);	/* tui/cli_config.c */
int cli_config_show(struct cli *c, int argc, char **argv);	/* tui/cli_config.c */
int cli_config_doc(struct cli *c, int argc, char **argv);	/* tui/cli_config.c */
int cli_keys(struct cli *c, int argc, char **argv);		/* tui/keys.c */

#endif
