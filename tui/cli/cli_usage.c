/* cli_usage.c - usage lines, --help and the man page's command list, all made from the command table. */
#include "cli.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "xalloc.h"
#include "text.h"

#define MAXOPTS		96
#define MAXPIECES	(MAXOPTS + CLI_OPERANDS + 1)
#define WRAP		79	/* columns of a usage line on a terminal */

/* gettext of "" is the catalogue's header: never ask for it. */
static const char *
tr(const char *s)
{
	return s && *s ? _(s) : "";
}

/* ---- the pieces of a usage line ---- */

/* A value as the man page writes it: a word in capitals is a name for
 * what the user gives (Ar, in small letters), one in small letters is
 * typed as it is (Cm); [ ] are optional, | separates choices, and ':'
 * or ".." joined to a word stay joined ("LANG[:LEVEL]"). */
static void
mdoc_value(struct kz_buf *b, const char *s)
{
	char prev = 0;		/* the token just before, if it touches: 'w'
				 * for a word, else its character */

	for (const char *p = s; *p; ) {
		char kind, tok[64];
		size_t n = 0;

		if (*p == ' ') {
			prev = 0;
			p++;
			continue;
		}
		if (isupper((unsigned char)*p)) {
			kind = 'w';
			n = (size_t)snprintf(tok, sizeof tok, "Ar ");
			while ((isupper((unsigned char)*p) ||
			    isdigit((unsigned char)*p) || *p == '_') &&
			    n + 1 < sizeof tok)
				tok[n++] = (char)tolower((unsigned char)*p++);
		} else if (islower((unsigned char)*p) ||
		    isdigit((unsigned char)*p)) {
			kind = 'w';
			n = (size_t)snprintf(tok, sizeof tok, "Cm ");
			while ((islower((unsigned char)*p) ||
			    isdigit((unsigned char)*p) || *p == '-') &&
			    n + 1 < sizeof tok)
				tok[n++] = *p++;
		} else if (*p == '[' || *p == ']' || *p == '|') {
			kind = *p++;
			n = (size_t)snprintf(tok, sizeof tok, "%s", kind == '[' ?
			    "Oo" : kind == ']' ? "Oc" : "|");
		} else {
			/* ':', "..": joined to what is either side */
			kind = 'p';
			while (*p && !isalnum((unsigned char)*p) && *p != ' ' &&
			    *p != '[' && *p != ']' && *p != '|' && n + 1 < sizeof tok)
				tok[n++] = *p++;
		}
		tok[n] = '\0';
		if (prev && kind != ']' && kind != '|' && prev != '|' &&
		    prev != '[')
			kz_buf_puts(b, " Ns");
		kz_buf_printf(b, " %s", tok);
		prev = kind;
	}
}

struct piece {
	char *text;	/* as a terminal shows it */
	char *mdoc;	/* as the man page writes it */
};

static void
add_piece(struct piece *pc, int *n, struct kz_buf *text, struct kz_buf *mdoc)
{
	pc[*n].text = xstrdup(kz_buf_str(text));
	pc[*n].mdoc = xstrdup(kz_buf_str(mdoc) + strspn(kz_buf_str(mdoc), " "));
	(*n)++;
	kz_buf_free(text);
	kz_buf_free(mdoc);
}

static void
opt_piece(struct piece *pc, int *n, const struct cli_opt *o, bool optional)
{
	struct kz_buf t = { 0 }, m = { 0 };

	kz_buf_printf(&t, "%s--%s%s%s%s", optional ? "[" : "", o->name,
	    o->arg ? " " : "", o->arg ? o->arg : "", optional ? "]" : "");
	kz_buf_printf(&m, "%sFl -%s", optional ? "Oo " : "", o->name);
	if (o->arg)
		mdoc_value(&m, o->arg);
	if (optional)
		kz_buf_puts(&m, " Oc");
	add_piece(pc, n, &t, &m);
}

/* Operands first, then the options a record needs, [OPTIONS] for those
 * left to --help, the other options one by one. */
static int
pieces(const struct cli_cmd *cmd, struct piece *pc)
{
	const struct cli_opt *all[MAXOPTS];
	int nall = cli_cmd_options(cmd, all, MAXOPTS), n = 0;
	bool folded = false;

	for (int k = 0; k < CLI_OPERANDS && cmd->operands[k].name; k++) {
		const struct cli_operand *op = &cmd->operands[k];
		struct kz_buf t = { 0 }, m = { 0 };

		kz_buf_printf(&t, op->arity == CLI_OPTIONAL ? "[%s]" :
		    op->arity == CLI_MANY ? "%s..." : "%s", op->name);
		if (op->arity == CLI_OPTIONAL)
			kz_buf_puts(&m, "Oo");
		mdoc_value(&m, op->name);
		if (op->arity == CLI_OPTIONAL)
			kz_buf_puts(&m, " Oc");
		if (op->arity == CLI_MANY)
			kz_buf_puts(&m, " ...");
		add_piece(pc, &n, &t, &m);
	}
	for (int i = 0; i < nall; i++) {
		if ((all[i]->flags & CLI_OPT_NEEDED) && (cmd->flags & CLI_NEW))
			opt_piece(pc, &n, all[i], false);
		else if (all[i]->flags & CLI_OPT_MORE)
			folded = true;
	}
	if (folded) {
		struct kz_buf t = { 0 }, m = { 0 };

		kz_buf_printf(&t, "[%s]", _("OPTIONS"));
		kz_buf_puts(&m, "Oo Ar options Oc");
		add_piece(pc, &n, &t, &m);
	}
	for (int i = 0; i < nall; i++) {
		const struct cli_opt *o = all[i];

		if (o->key == CLI_K_HELP || (o->flags & CLI_OPT_MORE) ||
		    (o->key == CLI_K_FORMAT && folded) ||
		    ((o->flags & CLI_OPT_NEEDED) && (cmd->flags & CLI_NEW)))
			continue;
		opt_piece(pc, &n, o, true);
	}
	return n;
}

static void
pieces_free(struct piece *pc, int n)
{
	for (int i = 0; i < n; i++) {
		free(pc[i].text);
		free(pc[i].mdoc);
	}
}

static void
head(const struct cli_cmd *cmd, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", cmd->name, cmd->verb ? " " : "",
	    cmd->verb ? cmd->verb : "");
}

void
cli_usage_text(const struct cli_cmd *cmd, bool mdoc, char *out, size_t size)
{
	struct piece pc[MAXPIECES];
	int n = pieces(cmd, pc);
	size_t o;

	head(cmd, out, size);
	if (mdoc) {
		char name[64];

		snprintf(name, sizeof name, "%s", out);
		snprintf(out, size, ".It Ic %s", name);
	}
	for (int i = 0; i < n; i++) {
		o = strlen(out);
		snprintf(out + o, size - o, " %s", mdoc ? pc[i].mdoc :
		    pc[i].text);
	}
	pieces_free(pc, n);
}

/* "first" and the pieces of the usage line, wrapped at WRAP columns
 * under the first piece. */
static void
print_wrapped(FILE *fp, const char *first, const struct cli_cmd *cmd)
{
	struct piece pc[MAXPIECES];
	int n = pieces(cmd, pc), indent = kz_text_width(first) + 1;
	int col = indent - 1;

	if (indent > WRAP / 2)
		indent = 8;
	fputs(first, fp);
	for (int i = 0; i < n; i++) {
		int w = kz_text_width(pc[i].text);

		if (col + 1 + w > WRAP && col > indent) {
			fprintf(fp, "\n%*s", indent, "");
			col = indent;
		} else {
			fputc(' ', fp);
			col++;
		}
		fputs(pc[i].text, fp);
		col += w;
	}
	fputc('\n', fp);
	pieces_free(pc, n);
}

static void
print_usage(FILE *fp, const struct cli_cmd *cmd)
{
	char name[64], first[256];

	head(cmd, name, sizeof name);
	snprintf(first, sizeof first, _("usage: kizuna %s"), name);
	print_wrapped(fp, first, cmd);
}

int
cli_usage(const struct cli_cmd *cmd)
{
	print_usage(stderr, cmd);
	return 2;
}

int
cli_usage_fail(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("kizuna: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return cli_usage(cmd);
}

/* ---- --help ---- */

void
cli_help(const struct cli_cmd *cmd)
{
	const struct cli_opt *all[MAXOPTS];
	int n = cli_cmd_options(cmd, all, MAXOPTS), w = 0;
	char h[MAXOPTS][96];

	print_usage(stdout, cmd);
	printf("%s\n\n%s\n", tr(cmd->help), _("Options:"));
	for (int i = 0; i < n; i++) {
		const struct cli_opt *o = all[i];

		if (o->letter)
			snprintf(h[i], sizeof h[i], "-%c, --%s%s%s", o->letter,
			    o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(h[i], sizeof h[i], "    --%s%s%s", o->name,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		if ((int)strlen(h[i]) > w)
			w = (int)strlen(h[i]);
	}
	if (w > 30)
		w = 30;
	for (int i = 0; i < n; i++) {
		if ((int)strlen(h[i]) > w)
			printf("  %s\n  %*s  %s\n", h[i], w, "", tr(all[i]->help));
		else
			printf("  %-*s  %s\n", w, h[i], tr(all[i]->help));
	}
}

void
cli_help_verbs(const char *name)
{
	for (const struct cli_cmd *k = cli_cmds; k->name; k++) {
		char verb[64], first[96];

		if (strcmp(k->name, name) != 0)
			continue;
		head(k, verb, sizeof verb);
		snprintf(first, sizeof first, "kizuna %s", verb);
		print_wrapped(stdout, first, k);
		printf("    %s\n", tr(k->help));
	}
	printf(_("\nkizuna %s VERB --help shows the options of a verb.\n"),
	    name);
}

/* ---- kizuna commands ---- */

int
cli_commands(struct cli *c, const struct cli_args *a)
{
	bool mdoc = cli_has(a, CLI_K_MDOC);
	char line[2048];

	(void)c;
	for (const struct cli_cmd *k = cli_cmds; k->name; k++) {
		cli_usage_text(k, mdoc, line, sizeof line);
		puts(line);
	}
	return 0;
}
