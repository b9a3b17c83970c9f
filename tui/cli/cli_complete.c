/* cli_complete.c - bash and zsh completion scripts, written from the command table. */
#include "cli.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

#define MAXOPTS	96

/* What a value is, for completion: "@file" for a file, the values
 * themselves ("table|csv|json") when they are typed as they are, ""
 * when only the user knows. */
static const char *
value_kind(const char *arg)
{
	if (arg == NULL)
		return "";
	if (strstr(arg, "FILE"))
		return "@file";
	for (const char *p = arg; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) &&
		    *p != '-' && *p != '|')
			return "";
	return arg;
}

static void
key_of(const struct cli_cmd *k, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", k->name, k->verb ? " " : "",
	    k->verb ? k->verb : "");
}

/* The commands' names, each once, in the table's order. */
static bool
first_of_name(const struct cli_cmd *k)
{
	for (const struct cli_cmd *j = cli_cmds; j < k; j++)
		if (strcmp(j->name, k->name) == 0)
			return false;
	return true;
}

/* ---- bash ---- */

static void
bash_spec(void)
{
	puts("# _kizuna_spec KEY: the verbs of a command, or the options, the "
	    "options\n# taking a value, and what the operands are of "
	    "\"command verb\".\n_kizuna_spec()\n{\n"
	    "\tverbs= opts= vals= args=\n\tcase $1 in");
	for (const struct cli_cmd *k = cli_cmds; k->name; k++) {
		const struct cli_opt *all[MAXOPTS];
		int n = cli_cmd_options(k, all, MAXOPTS);
		char key[96];

		if (k->verb && first_of_name(k)) {
			printf("\t%s) verbs='", k->name);
			for (const struct cli_cmd *j = k; j->name; j++)
				if (strcmp(j->name, k->name) == 0)
					printf("%s%s", j == k ? "" : " ", j->verb);
			puts("' ;;");
		}
		key_of(k, key, sizeof key);
		printf("\t'%s')\n\t\topts='", key);
		for (int i = 0; i < n; i++) {
			if (all[i]->letter)
				printf("-%c ", all[i]->letter);
			printf("--%s%s", all[i]->name, i + 1 < n ? " " : "");
		}
		printf("'\n\t\tvals='");
		for (int i = 0, sep = 0; i < n; i++) {
			if (all[i]->arg == NULL)
				continue;
			if (all[i]->letter)
				printf("%s-%c", sep++ ? " " : "", all[i]->letter);
			printf("%s--%s", sep++ ? " " : "", all[i]->name);
		}
		printf("'\n\t\targs='");
		for (int j = 0; j < CLI_OPERANDS && k->operands[j].name; j++) {
			const char *v = value_kind(k->operands[j].name);

			printf("%s%s%s", j ? " " : "", *v ? v : "-",
			    k->operands[j].arity == CLI_MANY ? "+" : "");
		}
		puts("' ;;");
	}
	puts("\tesac\n}\n");
}

static void
bash_values(void)
{
	puts("# _kizuna_value KEY OPTION: what the value of an option is.\n"
	    "_kizuna_value()\n{\n\tcase \"$1 $2\" in");
	for (const struct cli_cmd *k = cli_cmds; k->name; k++) {
		const struct cli_opt *all[MAXOPTS];
		int n = cli_cmd_options(k, all, MAXOPTS);
		char key[96];

		key_of(k, key, sizeof key);
		for (int i = 0; i < n; i++) {
			const char *v = value_kind(all[i]->arg);

			if (*v == '\0')
				continue;
			printf("\t'%s --%s'", key, all[i]->name);
			if (all[i]->letter)
				printf("|'%s -%c'", key, all[i]->letter);
			printf(") echo '%s' ;;\n", v);
		}
	}
	puts("\tesac\n}\n");
}

static int
bash(void)
{
	puts("# bash completion for kizuna(1), written by `kizuna completion "
	    "bash`.\n");
	bash_spec();
	bash_values();
	puts("# _kizuna_offer KIND: files (@file), the values a|b|c, or "
	    "nothing.\n"
	    "_kizuna_offer()\n{\n"
	    "\tcase $1 in\n"
	    "\t@file)\n"
	    "\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	    "\t\tcompopt -o filenames 2>/dev/null ;;\n"
	    "\t?*) COMPREPLY=($(compgen -W \"${1//|/ }\" -- \"$cur\")) ;;\n"
	    "\tesac\n}\n");
	puts("_kizuna()\n{\n"
	    "\tlocal cur=${COMP_WORDS[COMP_CWORD]} "
	    "prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	    "\tlocal key= verbs= opts= vals= args= w k i=1 j=0 n=0 ends=\n"
	    "\tCOMPREPLY=()\n"
	    "\t# bash breaks --opt=value at the \"=\"\n"
	    "\tif [ \"$cur\" = = ]; then\n\t\tcur=\n"
	    "\telif [ \"$prev\" = = ] && [ \"$COMP_CWORD\" -ge 2 ]; then\n"
	    "\t\tprev=${COMP_WORDS[COMP_CWORD-2]}\n\tfi\n"
	    "\t# the command and its verb, then the operands given so far\n"
	    "\twhile [ \"$i\" -lt \"$COMP_CWORD\" ]; do\n"
	    "\t\tw=${COMP_WORDS[i]}\n"
	    "\t\tif [ -n \"$ends\" ]; then\n\t\t\tn=$((n + 1))\n"
	    "\t\telif [ \"$w\" = -- ] && [ -n \"$key\" ] && [ -z \"$verbs\" ]; "
	    "then\n\t\t\tends=1\n"
	    "\t\telif [ \"$w\" = = ]; then\n\t\t\ti=$((i + 1))\n"
	    "\t\telif [ -z \"$key\" ]; then\n"
	    "\t\t\tcase $w in\n"
	    "\t\t\t-c|--config|-d|--db)\n"
	    "\t\t\t\ti=$((i + 1))\n"
	    "\t\t\t\t[ \"${COMP_WORDS[i]}\" = = ] && i=$((i + 1)) ;;\n"
	    "\t\t\t-*) ;;\n"
	    "\t\t\t*) key=$w; _kizuna_spec \"$key\" ;;\n"
	    "\t\t\tesac\n"
	    "\t\telif [ -n \"$verbs\" ]; then\n"
	    "\t\t\tcase $w in\n\t\t\t-*) ;;\n"
	    "\t\t\t*) key=\"$key $w\"; _kizuna_spec \"$key\" ;;\n"
	    "\t\t\tesac\n"
	    "\t\telse\n"
	    "\t\t\tcase $w in\n"
	    "\t\t\t-*)\n"
	    "\t\t\t\tcase \" $vals \" in *\" ${w%%=*} \"*)\n"
	    "\t\t\t\t\tcase $w in *=*) ;; *)\n"
	    "\t\t\t\t\t\ti=$((i + 1))\n"
	    "\t\t\t\t\t\t[ \"${COMP_WORDS[i]}\" = = ] && i=$((i + 1)) ;;\n"
	    "\t\t\t\t\tesac ;;\n"
	    "\t\t\t\tesac ;;\n"
	    "\t\t\t*) n=$((n + 1)) ;;\n"
	    "\t\t\tesac\n"
	    "\t\tfi\n"
	    "\t\ti=$((i + 1))\n"
	    "\tdone\n"
	    "\tif [ -z \"$key\" ]; then\n"
	    "\t\tcase $prev in\n"
	    "\t\t-c|--config|-d|--db) _kizuna_offer @file; return 0 ;;\n"
	    "\t\tesac\n"
	    "\t\tcase $cur in\n"
	    "\t\t-*) COMPREPLY=($(compgen -W '-c --config -d --db --demo "
	    "-h --help -V --version' -- \"$cur\")) ;;");
	fputs("\t\t*) COMPREPLY=($(compgen -W '", stdout);
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (first_of_name(k))
			printf("%s%s", k == cli_cmds ? "" : " ", k->name);
	puts("' -- \"$cur\")) ;;\n"
	    "\t\tesac\n\t\treturn 0\n\tfi\n"
	    "\tif [ -n \"$verbs\" ]; then\n"
	    "\t\tCOMPREPLY=($(compgen -W \"$verbs\" -- \"$cur\"))\n"
	    "\t\treturn 0\n\tfi\n"
	    "\tif [ -z \"$ends\" ]; then\n"
	    "\t\tcase \" $vals \" in *\" $prev \"*)\n"
	    "\t\t\t_kizuna_offer \"$(_kizuna_value \"$key\" \"$prev\")\"\n"
	    "\t\t\treturn 0 ;;\n\t\tesac\n"
	    "\t\tcase $cur in -*)\n"
	    "\t\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	    "\t\t\treturn 0 ;;\n\t\tesac\n\tfi\n"
	    "\t# the kind of operand n, the last one repeating if it ends in +\n"
	    "\tfor w in $args; do\n"
	    "\t\tk=$w\n\t\t[ \"$j\" -eq \"$n\" ] && break\n"
	    "\t\tj=$((j + 1))\n\tdone\n"
	    "\tcase $k in *+) ;; *) [ \"$j\" -lt \"$n\" ] && k= ;; esac\n"
	    "\tk=${k%+}\n"
	    "\t[ \"$k\" = - ] || _kizuna_offer \"$k\"\n"
	    "\treturn 0\n}\n\n"
	    "complete -F _kizuna kizuna");
	return 0;
}

/* ---- zsh ---- */

/* s inside '...' and, with brackets, inside an _arguments [help]. */
static void
zsh_quoted(const char *s, bool brackets)
{
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			fputs("'\\''", stdout);
		else if (brackets && (*p == '[' || *p == ']' || *p == '\\'))
			printf("\\%c", *p);
		else if (!brackets && *p == ':')
			fputs("\\:", stdout);
		else
			putchar(*p);
	}
}

static void
zsh_action(const char *arg)
{
	const char *v = value_kind(arg);

	if (strcmp(v, "@file") == 0)
		fputs("_files", stdout);
	else if (*v) {
		putchar('(');
		for (const char *p = v; *p; p++)
			putchar(*p == '|' ? ' ' : *p);
		putchar(')');
	} else
		putchar(' ');
}

static void
zsh_option(const struct cli_opt *o, bool letter)
{
	fputs("\t\t\t'", stdout);
	if (o->flags & CLI_OPT_MANY)
		putchar('*');
	if (letter)
		printf("-%c%s", o->letter, o->arg ? "+" : "");
	else
		printf("--%s%s", o->name, o->arg ? "=" : "");
	putchar('[');
	zsh_quoted(o->help ? o->help : "", true);
	putchar(']');
	if (o->arg) {
		putchar(':');
		zsh_quoted(o->arg, false);
		putchar(':');
		zsh_action(o->arg);
	}
	puts("' \\");
}

static void
zsh_command(const struct cli_cmd *k)
{
	const struct cli_opt *all[MAXOPTS];
	int n = cli_cmd_options(k, all, MAXOPTS);
	char key[96];

	key_of(k, key, sizeof key);
	printf("\t('%s')\n\t\t_arguments -s -S \\\n", key);
	for (int i = 0; i < n; i++) {
		if (all[i]->key == CLI_K_HELP)
			continue;
		if (all[i]->letter)
			zsh_option(all[i], true);
		zsh_option(all[i], false);
	}
	for (int j = 0; j < CLI_OPERANDS && k->operands[j].name; j++) {
		const struct cli_operand *op = &k->operands[j];

		fputs("\t\t\t'", stdout);
		if (op->arity == CLI_MANY)
			putchar('*');
		else
			printf("%d", j + 1);
		fputs(op->arity == CLI_OPTIONAL ? "::" : ":", stdout);
		zsh_quoted(op->name, false);
		putchar(':');
		zsh_action(op->name);
		puts("' \\");
	}
	puts("\t\t\t'(- *)'{-h,--help}'[show this help]' ;;");
}

static int
zsh(void)
{
	puts("#compdef kizuna\n"
	    "# zsh completion for kizuna(1), written by `kizuna completion "
	    "zsh`.\n\n"
	    "# _kizuna_command KEY: the options and operands of "
	    "\"command verb\".\n"
	    "_kizuna_command()\n{\n\tcase $1 in");
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		zsh_command(k);
	puts("\tesac\n}\n\n"
	    "_kizuna()\n{\n"
	    "\tlocal curcontext=$curcontext state line\n"
	    "\tlocal -a commands verbs\n"
	    "\t_arguments -C -s \\\n"
	    "\t\t'(-c --config)'{-c+,--config=}'[the office configuration]:"
	    "FILE:_files' \\\n"
	    "\t\t'(-d --db)'{-d+,--db=}'[the database]:FILE:_files' \\\n"
	    "\t\t'--demo[use the demo database]' \\\n"
	    "\t\t'(- *)'{-h,--help}'[show the help]' \\\n"
	    "\t\t'(- *)'{-V,--version}'[show the version]' \\\n"
	    "\t\t'1:command:->command' \\\n"
	    "\t\t'*::argument:->argument' && return\n"
	    "\tcase $state in\n"
	    "\t(command)\n\t\tcommands=(");
	for (const struct cli_cmd *k = cli_cmds; k->name; k++) {
		if (!first_of_name(k))
			continue;
		fputs("\t\t\t'", stdout);
		zsh_quoted(k->name, false);
		putchar(':');
		if (k->verb) {
			for (const struct cli_cmd *j = k; j->name; j++)
				if (strcmp(j->name, k->name) == 0)
					printf("%s%s", j == k ? "" : ", ", j->verb);
		} else
			zsh_quoted(k->help, false);
		puts("'");
	}
	puts("\t\t)\n\t\t_describe -t commands command commands ;;\n"
	    "\t(argument)\n\t\tcase $words[1] in");
	for (const struct cli_cmd *k = cli_cmds; k->name; k++) {
		if (!first_of_name(k))
			continue;
		if (!k->verb) {
			printf("\t\t(%s) _kizuna_command %s ;;\n", k->name,
			    k->name);
			continue;
		}
		printf("\t\t(%s)\n\t\t\tif (( CURRENT == 2 )); then\n"
		    "\t\t\t\tverbs=(\n", k->name);
		for (const struct cli_cmd *j = k; j->name; j++) {
			if (strcmp(j->name, k->name) != 0)
				continue;
			printf("\t\t\t\t\t'%s:", j->verb);
			zsh_quoted(j->help, false);
			puts("'");
		}
		printf("\t\t\t\t)\n"
		    "\t\t\t\t_describe -t verbs verb verbs\n"
		    "\t\t\telse\n"
		    "\t\t\t\tshift words\n"
		    "\t\t\t\t(( CURRENT-- ))\n"
		    "\t\t\t\t_kizuna_command \"%s $words[1]\"\n"
		    "\t\t\tfi ;;\n", k->name);
	}
	puts("\t\tesac ;;\n\tesac\n}\n\n"
	    "# autoloaded from fpath, or sourced after compinit\n"
	    "if [ \"$funcstack[1]\" = _kizuna ]; then\n"
	    "\t_kizuna \"$@\"\nelse\n\tcompdef _kizuna kizuna\nfi");
	return 0;
}

int
cli_completion(struct cli *c, const struct cli_args *a)
{
	(void)c;
	if (strcmp(a->arg[0], "bash") == 0)
		return bash();
	if (strcmp(a->arg[0], "zsh") == 0)
		return zsh();
	return cli_usage_fail(a->cmd, _("no completion for \"%s\": bash or "
	    "zsh"), a->arg[0]);
}
