/* cli.c - the subcommand table, and how a command is found, prepared as its entry says, and run. */
#include "cli.h"
#include "cli_record.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_dispatch.h"
#include "cli_output.h"
#include "cli_request.h"
#include "cli_seminar.h"
#include "cli_sync.h"
#include "i18n.h"
#include "seminar.h"
#include "text.h"

/* Options several commands share; their keys are in cli.h. */
const struct cli_opt cli_opts_skip_bad[] = {
	{ .name = "skip-bad", .key = CLI_K_SKIP_BAD,
	  .help = N_("import the good rows and skip the bad ones") },
	{ 0 },
};
const struct cli_opt cli_opts_output[] = {
	{ .name = "output", .letter = 'o', .arg = "FILE", .key = CLI_K_OUTPUT,
	  .help = N_("write to FILE, whole or not at all (- for standard "
	  "output)") },
	{ 0 },
};
const struct cli_opt cli_opts_mdoc[] = {
	{ .name = "mdoc", .key = CLI_K_MDOC,
	  .help = N_("print mdoc, for the man page") },
	{ 0 },
};

/* An operand naming a record, resolved before the handler runs. */
#define RECORD(n, k)	{ .name = (n), .arity = CLI_ONE, .record = true, \
			  .kind = (k) }
#define ONE(n)		{ .name = (n), .arity = CLI_ONE }

const struct cli_cmd cli_cmds[] = {
	{ .name = "specialist", .verb = "add",
	  .help = N_("register a specialist"),
	  .options = { cli_specialist_opts },
	  .run = cli_specialist_add, .flags = CLI_DB | CLI_FORMAT | CLI_NEW },
	{ .name = "specialist", .verb = "list",
	  .help = N_("list specialists, filtered"),
	  .options = { cli_specialist_filters },
	  .run = cli_specialist_list, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "specialist", .verb = "show",
	  .help = N_("show one specialist in full"),
	  .operands = { RECORD("ID", KZ_T_SPECIALIST) },
	  .run = cli_specialist_show, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "specialist", .verb = "edit",
	  .help = N_("change a specialist; an empty value clears"),
	  .operands = { RECORD("ID", KZ_T_SPECIALIST) },
	  .options = { cli_specialist_opts },
	  .run = cli_specialist_edit,
	  .flags = CLI_DB | CLI_FORMAT | CLI_CHANGE },
	{ .name = "specialist", .verb = "rm",
	  .help = N_("delete a specialist"),
	  .operands = { RECORD("ID", KZ_T_SPECIALIST) },
	  .run = cli_specialist_rm, .ask = cli_specialist_ask,
	  .flags = CLI_DB | CLI_DELETE },
	{ .name = "search",
	  .help = N_("full-text search (names in both scripts, government, "
	  "fields, notes)"),
	  .operands = { { .name = "TEXT", .arity = CLI_MANY } },
	  .options = { cli_specialist_filters },
	  .run = cli_search, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "import", .verb = "specialists",
	  .help = N_("import specialists from CSV, all or nothing"),
	  .operands = { ONE("FILE") },
	  .options = { cli_opts_skip_bad },
	  .run = cli_import, .flags = CLI_DB },
	{ .name = "export", .verb = "specialists",
	  .help = N_("export specialists as CSV"),
	  .options = { cli_export_opts, cli_opts_output },
	  .run = cli_export, .flags = CLI_DB },
	{ .name = "demo",
	  .help = N_("load the demo data set into an empty database"),
	  .run = cli_demo, .flags = CLI_DB },
	{ .name = "stats", .verb = "fields",
	  .help = N_("count specialists per field of expertise"),
	  .run = cli_stats, .flags = CLI_DB | CLI_FORMAT },
	/* dispatch commands */
	{ .name = "request", .verb = "add",
	  .help = N_("record a request from an overseas government"),
	  .options = { cli_request_opts },
	  .run = cli_request_add, .flags = CLI_DB | CLI_FORMAT | CLI_NEW },
	{ .name = "request", .verb = "list",
	  .help = N_("list requests, newest first"),
	  .options = { cli_request_filters },
	  .run = cli_request_list, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "request", .verb = "show",
	  .help = N_("show a request with its dispatches and history"),
	  .operands = { RECORD("ID", KZ_T_REQUEST) },
	  .run = cli_request_show, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "request", .verb = "edit",
	  .help = N_("change a request; an empty value clears"),
	  .operands = { RECORD("ID", KZ_T_REQUEST) },
	  .options = { cli_request_opts },
	  .run = cli_request_edit,
	  .flags = CLI_DB | CLI_FORMAT | CLI_CHANGE },
	{ .name = "request", .verb = "state",
	  .help = N_("move a request to another status"),
	  .operands = { RECORD("ID", KZ_T_REQUEST), ONE("STATUS") },
	  .options = { cli_request_state_opts },
	  .run = cli_request_state, .flags = CLI_DB },
	{ .name = "request", .verb = "rm",
	  .help = N_("delete a request that has no dispatches"),
	  .operands = { RECORD("ID", KZ_T_REQUEST) },
	  .run = cli_request_rm, .ask = cli_request_ask,
	  .flags = CLI_DB | CLI_DELETE },
	{ .name = "match",
	  .help = N_("rank the candidates for a request, with reasons"),
	  .operands = { RECORD("REQUEST", KZ_T_REQUEST) },
	  .options = { cli_match_opts },
	  .run = cli_match, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "dispatch", .verb = "add",
	  .help = N_("propose a specialist for a request"),
	  .options = { cli_dispatch_opts },
	  .run = cli_dispatch_add, .flags = CLI_DB | CLI_FORMAT | CLI_NEW },
	{ .name = "dispatch", .verb = "list",
	  .help = N_("list dispatches, newest first"),
	  .options = { cli_dispatch_filters },
	  .run = cli_dispatch_list, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "dispatch", .verb = "show",
	  .help = N_("show a dispatch with its costs and history"),
	  .operands = { RECORD("ID", KZ_T_DISPATCH) },
	  .run = cli_dispatch_show, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "dispatch", .verb = "edit",
	  .help = N_("change a dispatch's dates, places, mode or notes"),
	  .operands = { RECORD("ID", KZ_T_DISPATCH) },
	  .options = { cli_dispatch_opts },
	  .run = cli_dispatch_edit,
	  .flags = CLI_DB | CLI_FORMAT | CLI_CHANGE },
	{ .name = "dispatch", .verb = "state",
	  .help = N_("move a dispatch along its life cycle"),
	  .operands = { RECORD("ID", KZ_T_DISPATCH), ONE("STATE") },
	  .options = { cli_dispatch_state_opts },
	  .run = cli_dispatch_state, .flags = CLI_DB },
	{ .name = "dispatch", .verb = "cost",
	  .help = N_("show or change the cost ledger of a dispatch"),
	  .operands = { RECORD("ID", KZ_T_DISPATCH) },
	  .options = { cli_dispatch_cost_opts },
	  .run = cli_dispatch_cost, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "dispatch", .verb = "rm",
	  .help = N_("delete a dispatch that is only proposed"),
	  .operands = { RECORD("ID", KZ_T_DISPATCH) },
	  .run = cli_dispatch_rm, .ask = cli_dispatch_ask,
	  .flags = CLI_DB | CLI_DELETE },
	{ .name = "timeline",
	  .help = N_("draw the dispatches on a calendar, as text"),
	  .options = { cli_timeline_opts },
	  .run = cli_timeline, .flags = CLI_DB },
	{ .name = "export", .verb = "dispatches",
	  .help = N_("export dispatches as CSV or iCalendar"),
	  .options = { cli_export_dispatches_opts, cli_opts_output },
	  .run = cli_export_dispatches, .flags = CLI_DB },
	/* seminar commands */
	{ .name = "series", .verb = "add",
	  .help = N_("add a seminar series (a recurring seminar of an "
	  "office)"),
	  .options = { cli_series_opts },
	  .run = cli_series_add, .flags = CLI_DB | CLI_FORMAT | CLI_NEW },
	{ .name = "series", .verb = "list",
	  .help = N_("list seminar series with their numbers of editions"),
	  .run = cli_series_list, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "series", .verb = "edit",
	  .help = N_("change a seminar series"),
	  .operands = { RECORD("SERIES", KZ_T_SERIES) },
	  .options = { cli_series_opts },
	  .run = cli_series_edit, .flags = CLI_DB | CLI_FORMAT | CLI_CHANGE },
	{ .name = "series", .verb = "rm",
	  .help = N_("delete a seminar series that has no editions"),
	  .operands = { RECORD("SERIES", KZ_T_SERIES) },
	  .run = cli_series_rm, .ask = cli_series_ask,
	  .flags = CLI_DB | CLI_DELETE },
	{ .name = "seminar", .verb = "add",
	  .help = N_("add an edition of a seminar series"),
	  .options = { cli_seminar_opts },
	  .run = cli_seminar_add, .flags = CLI_DB | CLI_FORMAT | CLI_NEW },
	{ .name = "seminar", .verb = "list",
	  .help = N_("list editions: the history of a series"),
	  .options = { cli_seminar_filters },
	  .run = cli_seminar_list, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "seminar", .verb = "show",
	  .help = N_("show an edition with attendance and counts"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .run = cli_seminar_show, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "seminar", .verb = "edit",
	  .help = N_("change an edition; an empty value clears"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .options = { cli_seminar_opts },
	  .run = cli_seminar_edit, .flags = CLI_DB | CLI_FORMAT | CLI_CHANGE },
	{ .name = "seminar", .verb = "rm",
	  .help = N_("delete an edition with its programme and participants"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .run = cli_seminar_rm, .ask = cli_seminar_ask,
	  .flags = CLI_DB | CLI_DELETE },
	{ .name = "programme", .verb = "add",
	  .help = N_("add an item to an edition's programme"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .options = { cli_programme_opts },
	  .run = cli_programme_add, .flags = CLI_DB | CLI_FORMAT | CLI_NEW },
	{ .name = "programme", .verb = "list",
	  .help = N_("list an edition's programme day by day"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .options = { cli_programme_filters },
	  .run = cli_programme_list, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "programme", .verb = "edit",
	  .help = N_("change a programme item"),
	  .operands = { RECORD("ITEM", KZ_T_ITEM) },
	  .options = { cli_programme_opts },
	  .run = cli_programme_edit,
	  .flags = CLI_DB | CLI_FORMAT | CLI_CHANGE },
	{ .name = "programme", .verb = "rm",
	  .help = N_("delete a programme item"),
	  .operands = { RECORD("ITEM", KZ_T_ITEM) },
	  .run = cli_programme_rm, .ask = cli_programme_ask,
	  .flags = CLI_DB | CLI_DELETE },
	{ .name = "participant", .verb = "add",
	  .help = N_("add a participant to an edition"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .options = { cli_participant_opts },
	  .run = cli_participant_add, .flags = CLI_DB | CLI_FORMAT | CLI_NEW },
	{ .name = "participant", .verb = "list",
	  .help = N_("list an edition's participants"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .options = { cli_participant_filters },
	  .run = cli_participant_list, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "participant", .verb = "edit",
	  .help = N_("change a participant"),
	  .operands = { RECORD("ID", KZ_T_PARTICIPANT) },
	  .options = { cli_participant_opts },
	  .run = cli_participant_edit,
	  .flags = CLI_DB | CLI_FORMAT | CLI_CHANGE },
	{ .name = "participant", .verb = "rm",
	  .help = N_("delete a participant"),
	  .operands = { RECORD("ID", KZ_T_PARTICIPANT) },
	  .run = cli_participant_rm, .ask = cli_participant_ask,
	  .flags = CLI_DB | CLI_DELETE },
	{ .name = "participant", .verb = "count",
	  .help = N_("count an edition's participants by country and role"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .options = { cli_participant_count_opts },
	  .run = cli_participant_count, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "import", .verb = "programme",
	  .help = N_("import programme items from CSV, all or nothing"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR), ONE("FILE") },
	  .options = { cli_opts_skip_bad, cli_import_programme_opts },
	  .run = cli_import_programme, .flags = CLI_DB },
	{ .name = "import", .verb = "participants",
	  .help = N_("import participants from CSV, all or nothing"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR), ONE("FILE") },
	  .options = { cli_opts_skip_bad },
	  .run = cli_import_participants, .flags = CLI_DB },
	{ .name = "export", .verb = "programme",
	  .help = N_("export a programme as iCalendar, printable text or CSV"),
	  .operands = { RECORD("EDITION", KZ_T_SEMINAR) },
	  .options = { cli_export_programme_opts, cli_opts_output },
	  .run = cli_export_programme, .flags = CLI_DB },
	{ .name = "trainee", .verb = "add",
	  .help = N_("record a trainee placement in a Japanese local "
	  "government"),
	  .options = { cli_trainee_opts },
	  .run = cli_trainee_add, .flags = CLI_DB | CLI_FORMAT | CLI_NEW },
	{ .name = "trainee", .verb = "list",
	  .help = N_("list trainee placements, latest year first"),
	  .options = { cli_trainee_filters },
	  .run = cli_trainee_list, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "trainee", .verb = "show",
	  .help = N_("show one trainee placement"),
	  .operands = { RECORD("ID", KZ_T_TRAINEE) },
	  .run = cli_trainee_show, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "trainee", .verb = "edit",
	  .help = N_("change a trainee placement; an empty value clears"),
	  .operands = { RECORD("ID", KZ_T_TRAINEE) },
	  .options = { cli_trainee_opts },
	  .run = cli_trainee_edit, .flags = CLI_DB | CLI_FORMAT | CLI_CHANGE },
	{ .name = "trainee", .verb = "rm",
	  .help = N_("delete a trainee placement"),
	  .operands = { RECORD("ID", KZ_T_TRAINEE) },
	  .run = cli_trainee_rm, .ask = cli_trainee_ask,
	  .flags = CLI_DB | CLI_DELETE },
	{ .name = "trainee", .verb = "count",
	  .help = N_("count trainee placements by year, host or home region"),
	  .options = { cli_trainee_count_opts, cli_trainee_filters },
	  .run = cli_trainee_count, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "sync", .verb = "export",
	  .help = N_("write changes since the last export as a bundle"),
	  .options = { cli_sync_export_opts, cli_opts_output },
	  .run = cli_sync_export, .flags = CLI_DB },
	{ .name = "sync", .verb = "import",
	  .help = N_("apply bundles from other offices or head office"),
	  .operands = { { .name = "FILE", .arity = CLI_MANY } },
	  .run = cli_sync_import, .flags = CLI_DB },
	{ .name = "sync", .verb = "status",
	  .help = N_("bundles sent and received, changes waiting"),
	  .run = cli_sync_status, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "sync", .verb = "conflicts",
	  .help = N_("changes kept aside by imports"),
	  .options = { cli_sync_conflicts_opts },
	  .run = cli_sync_conflicts, .flags = CLI_DB | CLI_FORMAT },
	{ .name = "sync", .verb = "resolve",
	  .help = N_("settle a conflict"),
	  .operands = { ONE("N"), ONE("theirs|mine") },
	  .run = cli_sync_resolve, .flags = CLI_DB },
	{ .name = "config", .verb = "check",
	  .help = N_("check a configuration file and report every problem"),
	  .operands = { { .name = "FILE", .arity = CLI_OPTIONAL } },
	  .run = cli_config_check },
	{ .name = "config", .verb = "show",
	  .help = N_("print the effective configuration"),
	  .run = cli_config_show },
	{ .name = "config", .verb = "doc",
	  .help = N_("print the configuration keys as mdoc (for the man "
	  "page)"),
	  .run = cli_config_doc },
	{ .name = "keys",
	  .help = N_("print the key bindings of the screens"),
	  .options = { cli_opts_mdoc },
	  .run = cli_keys },
	{ .name = "commands",
	  .help = N_("print the usage line of every command"),
	  .options = { cli_opts_mdoc },
	  .run = cli_commands, .flags = CLI_EARLY },
	{ .name = "completion",
	  .help = N_("print the completion script for bash or zsh"),
	  .operands = { ONE("bash|zsh") },
	  .run = cli_completion, .flags = CLI_EARLY },
	{ .name = NULL },
};

int
cli_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("kizuna: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int
cli_fail_err(const struct kz_err *err)
{
	for (int i = 0; i < err->n; i++) {
		if (err->item[i].where[0])
			fprintf(stderr, "kizuna: %s: %s\n", err->item[i].where,
			    err->item[i].msg);
		else
			fprintf(stderr, "kizuna: %s\n", err->item[i].msg);
	}
	if (err->dropped)
		fprintf(stderr, _("kizuna: ... and %d more problems\n"),
		    err->dropped);
	if (err->n == 0)
		fputs(_("kizuna: failed\n"), stderr);
	return 1;
}

/* ---- finding and running a command ---- */

const struct cli_cmd *
cli_find(const char *name, const char *verb)
{
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, name) == 0 && (verb == NULL ?
		    k->verb == NULL : k->verb && strcmp(k->verb, verb) == 0))
			return k;
	return NULL;
}

static bool
has_verbs(const char *name)
{
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, name) == 0 && k->verb)
			return true;
	return false;
}

/* The entry argv names, and how many words name it; NULL if none. */
static const struct cli_cmd *
lookup(int argc, char **argv, int *shift)
{
	*shift = 1;
	if (!has_verbs(argv[0]))
		return cli_find(argv[0], NULL);
	*shift = 2;
	return argc > 1 ? cli_find(argv[0], argv[1]) : NULL;
}

bool
cli_early(int argc, char **argv)
{
	int shift;
	const struct cli_cmd *cmd = lookup(argc, argv, &shift);

	return cmd && (cmd->flags & CLI_EARLY);
}

static int
unknown(int argc, char **argv)
{
	bool known = false;

	for (const struct cli_cmd *k = cli_cmds; k->name && !known; k++)
		known = strcmp(k->name, argv[0]) == 0;
	if (!known) {
		cli_fail(_("unknown command \"%s\": see kizuna --help"),
		    argv[0]);
		return 2;	/* wrong arguments, as kizuna(1) says */
	}
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		cli_help_verbs(argv[0]);
		return 0;
	}
	if (argc > 1)
		cli_fail(_("%s has no verb \"%s\""), argv[0], argv[1]);
	fprintf(stderr, _("kizuna %s needs one of:"), argv[0]);
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, argv[0]) == 0 && k->verb)
			fprintf(stderr, " %s", k->verb);
	fputc('\n', stderr);
	return 2;
}

/* An id as a person typed it to the stored one; a series goes by its
 * code too, an edition by SERIES/NUMBER or SERIES/YEAR, which only
 * their own lookups know. */
static int
resolve(struct cli *c, enum kz_table t, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_series s;

	switch (t) {
	case KZ_T_SEMINAR:
		return kz_seminar_resolve(c->db, typed, id, err);
	case KZ_T_SERIES:
		if (kz_series_get(c->db, typed, &s, err) != KZ_OK)
			return KZ_ERROR;
		memcpy(id, s.id, KZ_ID_SIZE);
		kz_series_free(&s);
		return KZ_OK;
	default:
		return kz_record_resolve(c->db, t, typed, id, err);
	}
}

/* A delete without --yes: a person is asked, a script refused. */
static int
confirm(struct cli *c, const struct cli_args *a)
{
	char q[512];
	int rc;

	if (cli_has(a, CLI_K_YES))
		return 0;
	if ((rc = a->cmd->ask(c, a->arg[0], q, sizeof q)) != 0)
		return rc;
	if (!isatty(STDIN_FILENO))
		return cli_fail(_("not deleting %s without --yes"), a->arg[0]);
	if (!cli_ask(q)) {
		fputs(_("kizuna: nothing deleted\n"), stderr);
		return 1;
	}
	return 0;
}

/* What the table's flags promise, before the handler runs: the format,
 * the database, the ids, the question of a delete. */
static int
prepare(struct cli *c, struct cli_args *a)
{
	const struct cli_cmd *cmd = a->cmd;
	struct kz_err err = { 0 };
	const char *f = cli_opt(a, CLI_K_FORMAT);

	if (f && cli_set_format(c, f))
		return 1;
	if ((cmd->flags & CLI_DB) && c->db == NULL &&
	    (c->db = kz_db_open(c->db_path, c->cfg, &err)) == NULL)
		return cli_fail_err(&err);
	for (int k = 0; k < a->narg && k < CLI_OPERANDS; k++) {
		const struct cli_operand *op = &cmd->operands[k];

		if (op->name == NULL || !op->record)
			continue;
		if (resolve(c, op->kind, a->arg[k], a->id[k], &err))
			return cli_fail_err(&err);
		a->arg[k] = a->id[k];
	}
	for (int i = 0; i < a->nopt; i++) {
		struct cli_given *g = &a->opt[i];

		if ((g->opt->flags & CLI_OPT_RECORD) == 0)
			continue;
		if (resolve(c, g->opt->kind, g->value, g->id, &err))
			return cli_fail_err(&err);
		g->value = g->id;
	}
	return cmd->flags & CLI_DELETE ? confirm(c, a) : 0;
}

int
cli_dispatch(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd;
	struct cli_args a;
	int shift, rc;

	cli_record_options();
	if ((cmd = lookup(argc, argv, &shift)) == NULL)
		return unknown(argc, argv);
	if ((rc = cli_parse(cmd, argc - shift, argv + shift, &a)) != 0)
		return rc;
	if (a.help)
		cli_help(cmd);
	else if ((rc = prepare(c, &a)) == 0)
		rc = cmd->run(c, &a);
	cli_args_free(&a);
	return rc;
}

/* ---- what every command shares ---- */

int
cli_set_format(struct cli *c, const char *v)
{
	if (strcmp(v, "table") == 0)
		c->format = FMT_TABLE;
	else if (strcmp(v, "csv") == 0)
		c->format = FMT_CSV;
	else if (strcmp(v, "json") == 0)
		c->format = FMT_JSON;
	else
		return cli_fail(_("--format: \"%s\" is not table, csv or json"),
		    v);
	return 0;
}

void
cli_show_line(const char *label, const char *value, int lw)
{
	char pad[256];

	if (value == NULL || *value == '\0')
		return;
	kz_text_fit(pad, sizeof pad, label, lw, true);
	printf("%s  ", pad);
	for (const char *p = value; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			printf("%*s", lw + 2, "");
	}
	putchar('\n');
}

void
cli_json_kv(const char *key, const char *value, bool comma)
{
	printf("  \"%s\": ", key);
	out_json_str(stdout, value && *value ? value : NULL);
	fputs(comma ? ",\n" : "\n", stdout);
}

bool
cli_ask(const char *question)
{
	char answer[16];

	if (!isatty(STDIN_FILENO))
		return false;
	fprintf(stderr, "%s [y/N] ", question);
	return fgets(answer, sizeof answer, stdin) != NULL &&
	    (answer[0] == 'y' || answer[0] == 'Y');
}
