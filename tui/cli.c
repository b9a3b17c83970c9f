/* cli.c - the subcommand table and how a subcommand is found and run. */
#include "cli.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli_sync.h"
#include "i18n.h"
/* headers of dispatch commands */
/* headers of seminar commands */

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
	/* seminar commands */
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
		return cli_fail(_("unknown command \"%s\": see kizuna --help"),
		    argv[0]);
	}
	if (cmd->flags & CLI_DB) {
		struct kz_err err = { 0 };
		c->db = kz_db_open(c->db_path, c->cfg, &err);
		if (c->db == NULL)
			return cli_fail_err(&err);
	}
	/* The handler sees its own name as argv[0], like a program. */
	return cmd->run(c, argc - shift + 1, argv + shift - 1);
}
