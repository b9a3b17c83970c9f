/* cli_dsp.c - what the request, dispatch and match commands share. */
#include "cli_dsp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "note.h"
#include "output.h"
#include "text.h"

int
cli_dsp_format(struct cli *c, const char *v)
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
cli_dsp_self(const char *name, const char *verb)
{
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, name) == 0 && (verb == NULL ?
		    k->verb == NULL : k->verb && strcmp(k->verb, verb) == 0))
			return k;
	return cli_cmds;
}

void
cli_dsp_line(const char *label, const char *value, int lw)
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
cli_dsp_json(const char *key, const char *value, bool comma)
{
	printf("  \"%s\": ", key);
	out_json_str(stdout, value && *value ? value : NULL);
	fputs(comma ? ",\n" : "\n", stdout);
}

bool
cli_dsp_ask(const char *question)
{
	char answer[16];

	if (!isatty(STDIN_FILENO))
		return false;
	fprintf(stderr, "%s [y/N] ", question);
	return fgets(answer, sizeof answer, stdin) != NULL &&
	    (answer[0] == 'y' || answer[0] == 'Y');
}

void
cli_dsp_history(const struct kz_lifecycle *lc, const struct kz_events *ev)
{
	const char *head[] = { _("WHEN (UTC)"), _("WHO"), _("CHANGE"),
	    _("NOTE") };
	struct out_table t;
	char change[160];

	out_table_init(&t, 4, head);
	for (size_t i = 0; i < ev->n; i++) {
		const struct kz_event *e = &ev->ev[i];

		if (e->from < 0)
			snprintf(change, sizeof change, "-> %s",
			    kz_lc_keyword(lc, e->to));
		else if (e->from == e->to)
			snprintf(change, sizeof change, "%s (%s)",
			    kz_lc_keyword(lc, e->to), _("edited"));
		else
			snprintf(change, sizeof change, "%s -> %s",
			    kz_lc_keyword(lc, e->from), kz_lc_keyword(lc, e->to));
		struct kz_buf note = { 0 };
		/* the note is stored in English where the program wrote it */
		const char *v[] = { e->at, e->user ? e->user : "", change,
		    kz_note_text(e->note, &note) };
		out_table_row(&t, v);
		kz_buf_free(&note);
	}
	out_table_print(stdout, &t, 60);
	out_table_free(&t);
}

bool
cli_dsp_int(const char *opt, const char *v, int min, int max, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < min || n > max) {
		cli_fail(_("%s: \"%s\" is not a whole number from %d to %d"),
		    opt, v, min, max);
		return false;
	}
	*out = (int)n;
	return true;
}
