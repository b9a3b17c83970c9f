/* cli.c - how a subcommand is found in its table (cli_table.c) and run, and what every one shares. */
#include "cli.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_output.h"
#include "i18n.h"
#include "text.h"

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
