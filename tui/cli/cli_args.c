/* cli_args.c - one parser for every command: options anywhere, as GNU tools take them, operands counted. */
#include "cli.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define MAXOPTS	96

/* The options the table's flags give a command; the values are read in
 * one place (cli.c), so these keys stay out of the files' switches. */
static const struct cli_opt opt_format[] = {
	{ .name = "format", .arg = "table|csv|json", .key = CLI_K_FORMAT,
	  .help = N_("how to print: an aligned table, CSV or JSON") },
	{ 0 },
};
static const struct cli_opt opt_raw_cells[] = {
	{ .name = "raw-cells", .key = CLI_K_RAW_CELLS,
	  .help = N_("in CSV, write a cell that begins with = + - or @ as "
	  "it is, without the ' that keeps a spreadsheet from running it") },
	{ 0 },
};
static const struct cli_opt opt_yes[] = {
	{ .name = "yes", .letter = 'y', .key = CLI_K_YES,
	  .help = N_("delete without asking") },
	{ 0 },
};
static const struct cli_opt opt_if_updated[] = {
	{ .name = "if-updated", .arg = "STAMP", .key = CLI_K_IF_UPDATED,
	  .help = N_("change it only if its updated stamp is still STAMP "
	  "(exit status 3 if not)") },
	{ 0 },
};
static const struct cli_opt opt_help[] = {
	{ .name = "help", .letter = 'h', .key = CLI_K_HELP,
	  .help = N_("show this help") },
	{ 0 },
};

int
cli_cmd_options(const struct cli_cmd *cmd, const struct cli_opt **out,
    int max)
{
	int n = 0;

	for (int s = 0; s < CLI_OPTSETS && cmd->options[s]; s++)
		for (const struct cli_opt *o = cmd->options[s]; o->name &&
		    n < max; o++)
			out[n++] = o;
	if ((cmd->flags & CLI_FORMAT) && n + 1 < max) {
		out[n++] = opt_format;
		out[n++] = opt_raw_cells;
	}
	if ((cmd->flags & CLI_DELETE) && n < max)
		out[n++] = opt_yes;
	if ((cmd->flags & CLI_STAMPED) && n < max)
		out[n++] = opt_if_updated;
	if (n < max)
		out[n++] = opt_help;
	return n;
}

/* The first problem found is the one reported. */
struct problem {
	char msg[512];
};

static void
problem(struct problem *p, const char *fmt, ...)
{
	va_list ap;

	if (p->msg[0])
		return;
	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof p->msg, fmt, ap);
	va_end(ap);
}

/* --name or an unambiguous start of it, as getopt_long allows. */
static const struct cli_opt *
find_long(const struct cli_opt **all, int n, const char *name, size_t len,
    struct problem *p)
{
	const struct cli_opt *hit = NULL;
	char which[256] = "";
	int hits = 0;

	for (int i = 0; i < n; i++)
		if (strlen(all[i]->name) == len &&
		    strncmp(all[i]->name, name, len) == 0)
			return all[i];
	for (int i = 0; i < n; i++) {
		if (len == 0 || strncmp(all[i]->name, name, len) != 0)
			continue;
		hit = all[i];
		hits++;
		snprintf(which + strlen(which), sizeof which - strlen(which),
		    "%s--%s", hits > 1 ? ", " : "", all[i]->name);
	}
	if (hits == 1)
		return hit;
	if (hits > 1)
		problem(p, _("option --%.*s is ambiguous: %s"), (int)len, name,
		    which);
	else
		problem(p, _("unknown option --%.*s"), (int)len, name);
	return NULL;
}

static const struct cli_opt *
find_short(const struct cli_opt **all, int n, char letter)
{
	for (int i = 0; i < n; i++)
		if (all[i]->letter && all[i]->letter == letter)
			return all[i];
	return NULL;
}

static void
given(struct cli_args *a, const struct cli_opt *o, const char *v,
    struct problem *p)
{
	if (o->key == CLI_K_HELP) {
		a->help = true;
		return;
	}
	if ((o->flags & CLI_OPT_MANY) == 0)
		for (int i = 0; i < a->nopt; i++)
			if (a->opt[i].opt == o) {
				problem(p, _("option --%s is given twice"),
				    o->name);
				return;
			}
	a->opt[a->nopt].opt = o;
	a->opt[a->nopt].value = o->arg ? v : NULL;
	a->nopt++;
}

/* -abc, -oFILE, -o FILE; returns how many words of argv it used. */
static int
short_opts(const struct cli_opt **all, int n, int argc, char **argv, int i,
    struct cli_args *a, struct problem *p)
{
	for (const char *c = argv[i] + 1; *c; c++) {
		const struct cli_opt *o = (unsigned char)*c < 0x80 ?
		    find_short(all, n, *c) : NULL;

		if (o == NULL) {
			if ((unsigned char)*c < 0x80)
				problem(p, _("unknown option -%c"), *c);
			else
				problem(p, _("unknown option %s"), argv[i]);
			return 1;
		}
		if (o->arg == NULL) {
			given(a, o, NULL, p);
			continue;
		}
		if (c[1])
			given(a, o, c + 1, p);
		else if (i + 1 < argc) {
			given(a, o, argv[i + 1], p);
			return 2;
		} else
			problem(p, _("option -%c needs a value (%s)"), *c, o->arg);
		return 1;
	}
	return 1;
}

static void
count_operands(const struct cli_cmd *cmd, struct cli_args *a,
    struct problem *p)
{
	int min = 0, max = 0, k;

	for (k = 0; k < CLI_OPERANDS && cmd->operands[k].name; k++) {
		if (cmd->operands[k].arity != CLI_OPTIONAL)
			min++;
		max = cmd->operands[k].arity == CLI_MANY ? INT_MAX : max + 1;
	}
	if (a->narg < min)
		problem(p, _("missing %s"), cmd->operands[a->narg <
		    CLI_OPERANDS ? a->narg : CLI_OPERANDS - 1].name);
	else if (a->narg > max)
		problem(p, _("unexpected argument \"%s\""), a->arg[max]);
	else if ((cmd->flags & CLI_CHANGE) && a->nopt ==
	    (cli_has(a, CLI_K_IF_UPDATED) ? 1 : 0))
		problem(p, "%s", _("nothing to change: give the values to "
		    "change as options"));
}

int
cli_parse(const struct cli_cmd *cmd, int argc, char **argv,
    struct cli_args *a)
{
	const struct cli_opt *all[MAXOPTS];
	int n = cli_cmd_options(cmd, all, MAXOPTS);
	struct problem p = { "" };
	bool operands_only = false;

	memset(a, 0, sizeof *a);
	a->cmd = cmd;
	a->opt = xcalloc((size_t)argc + 1, sizeof *a->opt);
	a->arg = xcalloc((size_t)argc + 1, sizeof *a->arg);
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i], *name, *eq;
		const struct cli_opt *o;
		size_t len;

		/* "-" is an operand: standard input, where a file is read */
		if (operands_only || w[0] != '-' || w[1] == '\0') {
			a->arg[a->narg++] = w;
			continue;
		}
		if (strcmp(w, "--") == 0) {
			operands_only = true;
			continue;
		}
		if (w[1] != '-') {
			i += short_opts(all, n, argc, argv, i, a, &p) - 1;
			continue;
		}
		name = w + 2;
		eq = strchr(name, '=');
		len = eq ? (size_t)(eq - name) : strlen(name);
		if ((o = find_long(all, n, name, len, &p)) == NULL)
			continue;
		if (o->arg == NULL && eq)
			problem(&p, _("option --%s takes no value"), o->name);
		else if (o->arg == NULL || eq)
			given(a, o, eq ? eq + 1 : NULL, &p);
		else if (i + 1 < argc)
			given(a, o, argv[++i], &p);
		else
			problem(&p, _("option --%s needs a value (%s)"), o->name,
			    o->arg);
	}
	count_operands(cmd, a, &p);
	if (a->help || p.msg[0] == '\0')
		return 0;
	cli_args_free(a);
	return cli_usage_fail(cmd, "%s", p.msg);
}

void
cli_args_free(struct cli_args *a)
{
	free(a->opt);
	free(a->arg);
	a->opt = NULL;
	a->arg = NULL;
	a->nopt = a->narg = 0;
}

const char *
cli_opt(const struct cli_args *a, int key)
{
	const char *v = NULL;

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key == key)
			v = a->opt[i].value ? a->opt[i].value : "";
	return v;
}

bool
cli_has(const struct cli_args *a, int key)
{
	return cli_opt(a, key) != NULL;
}
