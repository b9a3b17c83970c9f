/* cli.h - the subcommand table, the declarations its entries are made of, and what a handler is handed. */
#ifndef KZ_CLI_H
#define KZ_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "buf.h"
#include "config.h"
#include "db.h"
#include "id.h"
#include "record.h"

enum cli_format { FMT_TABLE, FMT_CSV, FMT_JSON };

struct cli {
	const char *config_path;	/* resolved path of the config file */
	const char *db_path;		/* resolved path of the database */
	struct kz_config *cfg;		/* loaded before any handler runs */
	struct kz_db *db;		/* opened by cli_db() on first use */
	enum cli_format format;		/* --format, FMT_TABLE by default */
};

/* ---- what a command declares ---- */

/* An option. A command's options come from up to CLI_OPTSETS arrays,
 * each ended by an entry without a name, so one array (the options of a
 * record type, the filters of its lists) serves several commands and can
 * be built at run time. */
struct cli_opt {
	const char *name;	/* the long name: "format" for --format */
	char letter;		/* the short form, 'o' for -o; 0 for none */
	/* The value as usage shows it: "FILE", "LANG[:LEVEL]", or values in
	 * small letters, "table|csv|json", which completion offers. NULL:
	 * the option takes no value. */
	const char *arg;
	const char *help;	/* one line, N_() */
	int key;		/* what the handler tells options apart by */
	unsigned flags;		/* CLI_OPT_* */
	enum kz_table kind;	/* with CLI_OPT_RECORD: the record it names */
};

#define CLI_OPT_MANY	0x1	/* may be given more than once */
#define CLI_OPT_MORE	0x2	/* usage folds it into [OPTIONS] */
#define CLI_OPT_NEEDED	0x4	/* usage shows it as needed by a CLI_NEW
				 * command (the record's rules say so) */
#define CLI_OPT_RECORD	0x8	/* the value is resolved to a stored id */

/* Keys of the options every command may share, declared here; a file's
 * own keys are positive. */
enum {
	CLI_K_HELP = -100, CLI_K_FORMAT, CLI_K_YES, CLI_K_SKIP_BAD,
	CLI_K_OUTPUT, CLI_K_MDOC, CLI_K_IF_UPDATED, CLI_K_RAW_CELLS,
};

extern const struct cli_opt cli_opts_skip_bad[];	/* --skip-bad */
extern const struct cli_opt cli_opts_output[];		/* -o, --output FILE */
extern const struct cli_opt cli_opts_mdoc[];		/* --mdoc */
extern const struct cli_opt cli_opts_raw_cells[];	/* --raw-cells */

enum cli_arity { CLI_NONE, CLI_ONE, CLI_OPTIONAL, CLI_MANY };

/* An operand. Only the last may be CLI_OPTIONAL or CLI_MANY. One that
 * names a record (record) is resolved to the stored id, once, before the
 * handler runs; the handler sees the id in its place. */
struct cli_operand {
	const char *name;	/* as usage shows it: "ID", "FILE", "theirs|mine" */
	enum cli_arity arity;
	bool record;
	enum kz_table kind;
};

#define CLI_OPTSETS	4
#define CLI_OPERANDS	3

struct cli_args;

struct cli_cmd {
	const char *name;	/* "specialist" */
	const char *verb;	/* "add", or NULL for a one-word command */
	const char *help;	/* one line, marked N_() */
	const struct cli_opt *options[CLI_OPTSETS];
	struct cli_operand operands[CLI_OPERANDS];
	int (*run)(struct cli *c, const struct cli_args *a);
	/* With CLI_DELETE: the question naming the record (operand 0, an
	 * id), asked on the terminal without --yes. Returns 0, or the exit
	 * status after reporting why there is no record to ask about. */
	int (*ask)(struct cli *c, const char *id, char *q, size_t size);
	unsigned flags;
};

/* Flags of a command. */
#define CLI_DB		0x01	/* opens the database */
#define CLI_FORMAT	0x02	/* takes --format table|csv|json */
#define CLI_DELETE	0x04	/* takes --yes; asks without it */
#define CLI_NEW		0x08	/* creates a record: CLI_OPT_NEEDED shows */
#define CLI_CHANGE	0x10	/* changes a record: needs an option */
#define CLI_EARLY	0x20	/* runs before the configuration is read */
#define CLI_STAMPED	0x40	/* takes --if-updated STAMP: changes the
				 * record only if its "updated" stamp is
				 * still STAMP (cli_record_if_updated) */
#define CLI_ANYHOME	0x80	/* opens a database of any office (rehome) */

extern const struct cli_cmd cli_cmds[];

/* ---- what a handler is handed ---- */

/* An option as given, in command-line order. */
struct cli_given {
	const struct cli_opt *opt;
	const char *value;	/* NULL for an option without a value; the
				 * stored id for a CLI_OPT_RECORD one */
	char id[KZ_ID_SIZE];
};

struct cli_args {
	const struct cli_cmd *cmd;
	struct cli_given *opt;	/* the options given, in order */
	int nopt;
	const char **arg;	/* the operands; stored ids for records */
	int narg;
	bool help;		/* -h or --help was given */
	char id[CLI_OPERANDS][KZ_ID_SIZE];
};

/* The last value given for an option (NULL if it was not given, "" for
 * one that takes no value), and whether it was given at all. */
const char *cli_opt(const struct cli_args *a, int key);
bool cli_has(const struct cli_args *a, int key);

/* tui/cli/cli_args.c: the words after "name [verb]" into a; 0, or 2
 * after a "kizuna: ..." message naming the problem and the usage line.
 * With -h or --help anywhere, 0 and a->help, whatever else is wrong. */
int cli_parse(const struct cli_cmd *cmd, int argc, char **argv,
    struct cli_args *a);
void cli_args_free(struct cli_args *a);
/* Every option a command takes, its own then the shared ones, into out
 * (at most max); returns how many. */
int cli_cmd_options(const struct cli_cmd *cmd, const struct cli_opt **out,
    int max);

/* ---- running ---- */

/* Run the subcommand named by argv; argv[0] is the subcommand name.
 * Returns the exit status. */
int cli_dispatch(struct cli *c, int argc, char **argv);
/* The entry of a command, or NULL: verb NULL finds a one-word command. */
const struct cli_cmd *cli_find(const char *name, const char *verb);
/* The command argv names runs before the configuration is read. */
bool cli_early(int argc, char **argv);

/* Open c->db_path under c->cfg (kz_home_open: a database of another
 * office is refused unless any_office; a copy is told on stderr that it
 * has a new database id). Returns 0, or 1 when reported. */
int cli_open_db(struct cli *c, bool any_office);

/* Print "kizuna: " and the message to stderr; returns 1 (exit status). */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print every item of err to stderr, prefixed; returns 1. */
int cli_fail_err(const struct kz_err *err);

/* tui/cli/cli_usage.c: the usage line of a command to stderr; returns 2. */
int cli_usage(const struct cli_cmd *cmd);
/* The same after "kizuna: " and a message naming the problem. */
int cli_usage_fail(const struct cli_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The usage line, the help line and every option with its help, to
 * stdout (--help). */
void cli_help(const struct cli_cmd *cmd);
/* The usage lines of a command's verbs (kizuna CMD --help). */
void cli_help_verbs(const char *name);
/* A command's usage after "kizuna ", as one line; mdoc: as the .It line
 * of the man page's command list. */
void cli_usage_text(const struct cli_cmd *cmd, bool mdoc, char *out,
    size_t size);

/* --format table|csv|json into c->format; 1 (reported) when unknown. */
int cli_set_format(struct cli *c, const char *v);
/* "label  value" with the labels padded to lw display columns; nothing
 * for an empty value; continuation lines line up under the value. */
void cli_show_line(const char *label, const char *value, int lw);
/* "key": value, for JSON objects written a key a line. */
void cli_json_kv(const char *key, const char *value, bool comma);
/* Ask on the terminal; false without one (a script must say --yes) or
 * when the answer is not yes. */
bool cli_ask(const char *question);

/* Handlers, one file each for a concept. */
int cli_specialist_add(struct cli *c, const struct cli_args *a);
int cli_specialist_list(struct cli *c, const struct cli_args *a);
int cli_specialist_show(struct cli *c, const struct cli_args *a);
int cli_specialist_edit(struct cli *c, const struct cli_args *a);
int cli_specialist_rm(struct cli *c, const struct cli_args *a);
int cli_specialist_ask(struct cli *c, const char *id, char *q, size_t size);
int cli_search(struct cli *c, const struct cli_args *a);
/* Room for a record type's add and edit options (one a field). */
#define KZ_CLI_RECORD_OPTS 40
extern struct cli_opt cli_specialist_opts[KZ_CLI_RECORD_OPTS];
extern const struct cli_opt cli_specialist_add_opts[];	/* --force */
extern const struct cli_opt cli_specialist_edit_opts[];
extern struct cli_opt cli_participant_opts[KZ_CLI_RECORD_OPTS];
extern struct cli_opt cli_series_opts[KZ_CLI_RECORD_OPTS];
extern struct cli_opt cli_trainee_opts[KZ_CLI_RECORD_OPTS];
extern struct cli_opt cli_opening_opts[KZ_CLI_RECORD_OPTS];
/* The add and edit options of the record types made from tables, filled
 * by cli_record_options (declared here, not in their commands' headers,
 * so cli_record.c needs no command module). */
extern struct cli_opt cli_request_opts[KZ_CLI_RECORD_OPTS];
extern struct cli_opt cli_dispatch_opts[KZ_CLI_RECORD_OPTS];
/* dispatch cost: the options that set a line's fields take their value
 * name and help from kz_cost_type where the line leaves them out. */
extern struct cli_opt cli_dispatch_cost_opts[];
extern struct cli_opt cli_programme_item_opts[KZ_CLI_RECORD_OPTS];
extern struct cli_opt cli_seminar_opts[KZ_CLI_RECORD_OPTS];
/* The records of what an office does (core/activity.h), one handler
 * for every kind (tui/cli/cli_activity.c), which it finds by the
 * command's name; options a kind, as kz_akinds[] orders them. */
#define KZ_CLI_ACTIVITIES 7
extern struct cli_opt cli_activity_opts[KZ_CLI_ACTIVITIES][KZ_CLI_RECORD_OPTS];
extern struct cli_opt cli_activity_count_opts[KZ_CLI_ACTIVITIES][3];
void cli_activity_options(void);
int cli_activity_add(struct cli *c, const struct cli_args *a);
int cli_activity_list(struct cli *c, const struct cli_args *a);
int cli_activity_show(struct cli *c, const struct cli_args *a);
int cli_activity_edit(struct cli *c, const struct cli_args *a);
int cli_activity_rm(struct cli *c, const struct cli_args *a);
int cli_activity_ask(struct cli *c, const char *id, char *q, size_t size);
int cli_activity_count(struct cli *c, const struct cli_args *a);
int cli_activity_import(struct cli *c, const struct cli_args *a);
int cli_activity_export(struct cli *c, const struct cli_args *a);
int cli_import(struct cli *c, const struct cli_args *a);
int cli_export(struct cli *c, const struct cli_args *a);
extern const struct cli_opt cli_export_opts[];
int cli_demo(struct cli *c, const struct cli_args *a);
int cli_stats(struct cli *c, const struct cli_args *a);
int cli_config_check(struct cli *c, const struct cli_args *a);	/* cli_config.c */
int cli_config_show(struct cli *c, const struct cli_args *a);	/* cli_config.c */
int cli_config_doc(struct cli *c, const struct cli_args *a);	/* cli_config.c */
int cli_keys(struct cli *c, const struct cli_args *a);		/* widget/keys.c */
int cli_commands(struct cli *c, const struct cli_args *a);	/* cli_usage.c */
int cli_completion(struct cli *c, const struct cli_args *a);	/* cli_complete.c */

/* The end of every export command: the problems of a core call that
 * failed (rc not KZ_OK), or out written to path with out_write_file
 * (whole or not at all; "-" or NULL is standard output). Frees out;
 * returns the exit status. */
int cli_export_done(const char *path, struct kz_buf *out, int rc,
    const struct kz_err *err);

/* An export of any length, written as core makes it (the core call
 * drains out into its sink a row at a time): cli_stream_open makes out
 * pass its text on to path, whole or not at all (a temp file renamed
 * at the end; "-" or NULL: standard output as it comes), false when
 * path cannot be made (said); cli_stream_done ends it, as
 * cli_export_done: the problems of a failed call or write, the temp
 * file removed, or the file put in place. */
#include "file.h"
struct cli_stream {
	struct kz_file_out f;
	const char *path;
	int error;		/* errno of a failed write, else 0 */
};
bool cli_stream_open(struct cli_stream *s, const char *path,
    struct kz_buf *out);
int cli_stream_done(struct cli_stream *s, struct kz_buf *out, int rc,
    const struct kz_err *err);

#endif
