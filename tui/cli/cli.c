/* cli.c - the subcommand table and how a subcommand is found and run. */
#include "cli.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_sync.h"
#include "i18n.h"
#include "text.h"
#include "cli_output.h"
/* headers of dispatch commands */
#include "cli_dispatch.h"
#include "cli_request.h"
/* headers of seminar commands */
#include "cli_seminar.h"

const struct cli_cmd cli_cmds[] = {
	{ "specialist", "add", N_("--name N --roman R --government G [OPTIONS]"),
	  N_("register a specialist"), cli_specialist_add, CLI_DB },
	{ "specialist", "list", N_("[--field F] [--lang L[:LEVEL]] [--status S] "
	  "[--free FROM[..TO]] [--format F]"),
	  N_("list specialists, filtered"), cli_specialist_list, CLI_DB },
	{ "specialist", "show", N_("[--format F] ID"),
	  N_("show one specialist in full"), cli_specialist_show, CLI_DB },
	{ "specialist", "edit", N_("ID [OPTIONS]"),
	  N_("change a specialist; an empty value clears"), cli_specialist_edit,
	  CLI_DB },
	{ "specialist", "rm", N_("[--yes] ID"),
	  N_("delete a specialist"), cli_specialist_rm, CLI_DB },
	{ "search", NULL, N_("[FILTERS] [--format F] TEXT..."),
	  N_("full-text search (names in both scripts, government, fields, "
	  "notes)"), cli_search, CLI_DB },
	{ "import", "specialists", N_("[--skip-bad] FILE.csv"),
	  N_("import specialists from CSV, all or nothing"), cli_import,
	  CLI_DB },
	{ "export", "specialists", N_("[--contacts] [-o FILE]"),
	  N_("export specialists as CSV"), cli_export, CLI_DB },
	{ "demo", NULL, "",
	  N_("load the demo data set into an empty database"), cli_demo,
	  CLI_DB },
	{ "stats", "fields", N_("[--format F]"),
	  N_("count specialists per field of expertise"), cli_stats, CLI_DB },
	/* dispatch commands */
	{ "request", "add", N_("--country C --fields F --topic T [OPTIONS]"),
	  N_("record a request from an overseas government"), cli_request_add,
	  CLI_DB },
	{ "request", "list", N_("[--status S|open] [--field F] [--country C] "
	  "[--text T] [--format F]"),
	  N_("list requests, newest first"), cli_request_list, CLI_DB },
	{ "request", "show", N_("[--format F] ID"),
	  N_("show a request with its dispatches and history"),
	  cli_request_show, CLI_DB },
	{ "request", "edit", N_("ID [OPTIONS]"),
	  N_("change a request; an empty value clears"), cli_request_edit,
	  CLI_DB },
	{ "request", "state", N_("ID STATUS [--note TEXT]"),
	  N_("move a request to another status"), cli_request_state, CLI_DB },
	{ "request", "rm", N_("[--yes] ID"),
	  N_("delete a request that has no dispatches"), cli_request_rm,
	  CLI_DB },
	{ "match", NULL, N_("[--limit N] [--all] [--format F] REQUEST"),
	  N_("rank the candidates for a request, with reasons"), cli_match,
	  CLI_DB },
	{ "dispatch", "add", N_("--request R --specialist S --from D --to D "
	  "[OPTIONS]"),
	  N_("propose a specialist for a request"), cli_dispatch_add, CLI_DB },
	{ "dispatch", "list", N_("[--state S|active] [--specialist S] "
	  "[--request R] [--from D] [--to D] [--text T] [--format F]"),
	  N_("list dispatches, newest first"), cli_dispatch_list, CLI_DB },
	{ "dispatch", "show", N_("[--format F] ID"),
	  N_("show a dispatch with its costs and history"), cli_dispatch_show,
	  CLI_DB },
	{ "dispatch", "edit", N_("ID [OPTIONS]"),
	  N_("change a dispatch's dates, places, mode or notes"),
	  cli_dispatch_edit, CLI_DB },
	{ "dispatch", "state", N_("ID STATE [--date D --ref R] [--reason R] "
	  "[--note N]"),
	  N_("move a dispatch along its life cycle"), cli_dispatch_state,
	  CLI_DB },
	{ "dispatch", "cost", N_("ID [--category C [--payer P] [--currency C] "
	  "[--estimate A] [--actual A] [--note N] | --remove C]"),
	  N_("show or change the cost ledger of a dispatch"),
	  cli_dispatch_cost, CLI_DB },
	{ "dispatch", "rm", N_("[--yes] ID"),
	  N_("delete a dispatch that is only proposed"), cli_dispatch_rm,
	  CLI_DB },
	{ "timeline", NULL, N_("[--from D] [--to D] [--zoom Z] [--by B] "
	  "[--width N]"),
	  N_("draw the dispatches on a calendar, as text"), cli_timeline,
	  CLI_DB },
	{ "export", "dispatches", N_("[--format csv|ics] [-o FILE]"),
	  N_("export dispatches as CSV or iCalendar"), cli_export_dispatches,
	  CLI_DB },
	/* seminar commands */
	{ "series", "add", N_("--code C --name N [--office O] [--notes T]"),
	  N_("add a seminar series (a recurring seminar of an office)"),
	  cli_series_add, CLI_DB },
	{ "series", "list", N_("[--format F]"),
	  N_("list seminar series with their numbers of editions"),
	  cli_series_list, CLI_DB },
	{ "series", "edit", N_("SERIES [OPTIONS]"),
	  N_("change a seminar series"), cli_series_edit, CLI_DB },
	{ "series", "rm", N_("[--yes] SERIES"),
	  N_("delete a seminar series that has no editions"), cli_series_rm,
	  CLI_DB },
	{ "seminar", "add", N_("--series S --year Y [--number N] [OPTIONS]"),
	  N_("add an edition of a seminar series"), cli_seminar_add, CLI_DB },
	{ "seminar", "list", N_("[--series S] [--year Y] [--status S] "
	  "[--search T] [--format F]"),
	  N_("list editions: the history of a series"), cli_seminar_list,
	  CLI_DB },
	{ "seminar", "show", N_("[--format F] EDITION"),
	  N_("show an edition with attendance and counts"), cli_seminar_show,
	  CLI_DB },
	{ "seminar", "edit", N_("EDITION [OPTIONS]"),
	  N_("change an edition; an empty value clears"), cli_seminar_edit,
	  CLI_DB },
	{ "seminar", "rm", N_("[--yes] EDITION"),
	  N_("delete an edition with its programme and participants"),
	  cli_seminar_rm, CLI_DB },
	{ "programme", "add", N_("EDITION --date D --kind K --title T "
	  "[OPTIONS]"),
	  N_("add an item to an edition's programme"), cli_programme_add,
	  CLI_DB },
	{ "programme", "list", N_("EDITION [--date D] [--format F]"),
	  N_("list an edition's programme day by day"), cli_programme_list,
	  CLI_DB },
	{ "programme", "edit", N_("ITEM [OPTIONS]"),
	  N_("change a programme item"), cli_programme_edit, CLI_DB },
	{ "programme", "rm", N_("[--yes] ITEM"),
	  N_("delete a programme item"), cli_programme_rm, CLI_DB },
	{ "participant", "add", N_("EDITION --name N --country C [OPTIONS]"),
	  N_("add a participant to an edition"), cli_participant_add, CLI_DB },
	{ "participant", "list", N_("EDITION [--country C] [--role R] "
	  "[--contacts] [--format F]"),
	  N_("list an edition's participants"), cli_participant_list, CLI_DB },
	{ "participant", "edit", N_("ID [OPTIONS]"),
	  N_("change a participant"), cli_participant_edit, CLI_DB },
	{ "participant", "rm", N_("[--yes] ID"),
	  N_("delete a participant"), cli_participant_rm, CLI_DB },
	{ "participant", "count", N_("EDITION [--by country|role] "
	  "[--format F]"),
	  N_("count an edition's participants by country and role"),
	  cli_participant_count, CLI_DB },
	{ "import", "programme", N_("[--skip-bad] [--force] EDITION FILE.csv"),
	  N_("import programme items from CSV, all or nothing"),
	  cli_import_programme, CLI_DB },
	{ "import", "participants", N_("[--skip-bad] EDITION FILE.csv"),
	  N_("import participants from CSV, all or nothing"),
	  cli_import_participants, CLI_DB },
	{ "export", "programme", N_("EDITION [--format ics|txt|csv] "
	  "[--width N] [-o FILE]"),
	  N_("export a programme as iCalendar, printable text or CSV"),
	  cli_export_programme, CLI_DB },
	{ "trainee", "add", N_("--host H --home G [--year Y] [OPTIONS]"),
	  N_("record a trainee placement in a Japanese local government"),
	  cli_trainee_add, CLI_DB },
	{ "trainee", "list", N_("[--year Y] [--host H] [--region R] "
	  "[--status S] [--programme P] [--search T] [--format F]"),
	  N_("list trainee placements, latest year first"), cli_trainee_list,
	  CLI_DB },
	{ "trainee", "show", N_("[--format F] ID"),
	  N_("show one trainee placement"), cli_trainee_show, CLI_DB },
	{ "trainee", "edit", N_("ID [OPTIONS]"),
	  N_("change a trainee placement; an empty value clears"),
	  cli_trainee_edit, CLI_DB },
	{ "trainee", "rm", N_("[--yes] ID"),
	  N_("delete a trainee placement"), cli_trainee_rm, CLI_DB },
	{ "trainee", "count", N_("[--by year|host|region|programme|status] "
	  "[FILTERS] [--format F]"),
	  N_("count trainee placements by year, host or home region"),
	  cli_trainee_count, CLI_DB },
	{ "sync", "export", N_("[--all] [-o FILE]"),
	  N_("write changes since the last export as a bundle"),
	  cli_sync_export, CLI_DB },
	{ "sync", "import", N_("FILE..."),
	  N_("apply bundles from other offices or head office"),
	  cli_sync_import, CLI_DB },
	{ "sync", "status", N_("[--format F]"),
	  N_("bundles sent and received, changes waiting"), cli_sync_status,
	  CLI_DB },
	{ "sync", "conflicts", N_("[--all] [--format F]"),
	  N_("changes kept aside by imports"), cli_sync_conflicts, CLI_DB },
	{ "sync", "resolve", N_("N theirs|mine"),
	  N_("settle a conflict"), cli_sync_resolve, CLI_DB },
	{ "config", "check", N_("[FILE]"),
	  N_("check a configuration file and report every problem"),
	  cli_config_check, 0 },
	{ "config", "show", "",
	  N_("print the effective configuration"), cli_config_show, 0 },
	{ "config", "doc", "",
	  N_("print the configuration keys as mdoc (for the man page)"),
	  cli_config_doc, 0 },
	{ "keys", NULL, N_("[--mdoc]"),
	  N_("print the key bindings of the screens"), cli_keys, 0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
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

int
cli_usage(const struct cli_cmd *cmd)
{
	fprintf(stderr, _("usage: kizuna %s%s%s %s\n"), cmd->name,
	    cmd->verb ? " " : "", cmd->verb ? cmd->verb : "", _(cmd->args));
	return 2;
}

int
cli_usage_extra(const struct cli_cmd *cmd, const char *arg)
{
	cli_fail(_("unexpected argument \"%s\""), arg);
	return cli_usage(cmd);
}

static void
list_verbs(const char *name)
{
	fprintf(stderr, _("kizuna %s needs one of:"), name);
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, name) == 0 && k->verb)
			fprintf(stderr, " %s", k->verb);
	fputc('\n', stderr);
}

int
cli_dispatch(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = NULL;
	bool known_name = false;
	int shift = 1;

	for (const struct cli_cmd *k = cli_cmds; k->name; k++) {
		if (strcmp(k->name, argv[0]) != 0)
			continue;
		known_name = true;
		if (k->verb == NULL) {
			cmd = k;
			break;
		}
		if (argc > 1 && strcmp(k->verb, argv[1]) == 0) {
			cmd = k;
			shift = 2;
			break;
		}
	}
	if (cmd == NULL) {
		if (known_name) {
			list_verbs(argv[0]);
			return 2;
		}
		cli_fail(_("unknown command \"%s\": see kizuna --help"),
		    argv[0]);
		return 2;	/* wrong arguments, as kizuna(1) says */
	}
	if ((cmd->flags & CLI_DB) && c->db == NULL) {
		struct kz_err err = { 0 };
		c->db = kz_db_open(c->db_path, c->cfg, &err);
		if (c->db == NULL)
			return cli_fail_err(&err);
	}
	/* The handler sees its own name as argv[0], like a program. */
	return cmd->run(c, argc - shift + 1, argv + shift - 1);
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

const struct cli_cmd *
cli_find(const char *name, const char *verb)
{
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, name) == 0 && (verb == NULL ?
		    k->verb == NULL : k->verb && strcmp(k->verb, verb) == 0))
			return k;
	return cli_cmds;
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
