/* cli_stats.c - `kizuna stats dispatches|...`: the office's figures (core/stats.h) as a table, CSV or JSON. */
#include "cli_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_output.h"
#include "i18n.h"
#include "stats.h"
#include "text.h"
#include "xalloc.h"
#include "year.h"

enum { O_BY = 1, O_YEAR };

const struct cli_opt cli_stats_opts[] = {
	{ .name = "by", .arg = "GROUPING", .key = O_BY,
	  .help = N_("what to count by (as the command's help line lists "
	  "them; the first by default)") },
	{ .name = "year", .arg = "YEAR|FROM..TO", .key = O_YEAR,
	  .help = N_("only this year, or these dates (every year by "
	  "default)") },
	{ 0 },
};

static void
print_json(const struct kz_stat *s)
{
	fputs("{\"figure\": ", stdout);
	out_json_str(stdout, s->m->name);
	fputs(", \"by\": ", stdout);
	out_json_str(stdout, s->by->name);
	if (s->year)
		printf(", \"year\": %d", s->year);
	else
		fputs(", \"year\": null", stdout);
	fputs(", \"from\": ", stdout);
	out_json_str(stdout, s->from[0] ? s->from : NULL);
	fputs(", \"to\": ", stdout);
	out_json_str(stdout, s->to[0] ? s->to : NULL);
	printf(", \"total\": %ld, \"groups\": %zu, \"rows\": [", s->total,
	    s->n);
	for (size_t i = 0; i < s->n; i++) {
		fputs(i ? ", {\"key\": " : "{\"key\": ", stdout);
		out_json_str(stdout, s->rows[i].key);
		printf(", \"value\": %ld", s->rows[i].value);
		if (s->by->parts) {
			fputs(", \"parts\": ", stdout);
			out_json_str(stdout, s->rows[i].parts);
		}
		fputs("}", stdout);
	}
	puts("]}");
}

static void
print_csv(const struct kz_stat *s)
{
	const char *head[] = { s->by->name, "value", "parts" };
	char num[24];

	out_csv_row(stdout, s->by->parts ? 3 : 2, head);
	for (size_t i = 0; i < s->n; i++) {
		const char *v[] = { s->rows[i].key, num, s->rows[i].parts ?
		    s->rows[i].parts : "" };

		snprintf(num, sizeof num, "%ld", s->rows[i].value);
		out_csv_row(stdout, s->by->parts ? 3 : 2, v);
	}
}

/* The heading of a grouping's column: its label, capitalised. */
static char *
heading(const char *label)
{
	return kz_text_capitalise(xstrdup(label));
}

static void
print_table(struct cli *c, const struct kz_stat *s)
{
	char when[128], num[24], *by = heading(_(s->by->label));
	const char *head[] = { by, _("NUMBER"), _("PARTS") };
	struct out_table t;
	int w;

	if (s->from[0] || s->to[0])
		kz_year_range_name(c->cfg, s->from[0] ? s->from : NULL,
		    s->to[0] ? s->to : NULL, when, sizeof when);
	else
		snprintf(when, sizeof when, "%s", _("every year"));
	/* TRANSLATORS: a figure and the days it covers: "Dispatches,
	 * FY2019" */
	printf(_("%s, %s\n"), _(s->m->label), when);
	snprintf(num, sizeof num, "%ld", s->max);
	w = (int)strlen(num);
	out_table_init(&t, s->by->parts ? 3 : 2, head);
	for (size_t i = 0; i < s->n; i++) {
		const char *v[] = { s->rows[i].label, num, s->rows[i].parts ?
		    s->rows[i].parts : "" };

		snprintf(num, sizeof num, "%*ld", w, s->rows[i].value);
		out_table_row(&t, v);
	}
	if (s->n)
		out_table_print(stdout, &t, out_maxw(40));
	else
		printf("%s\n", _("nothing to count"));
	out_table_free(&t);
	/* TRANSLATORS: under a figure's table: its total, and how many
	 * groups ("Total 680; country: 57") */
	printf(_("Total %ld; %s: %zu\n"), s->total, _(s->by->label), s->n);
	free(by);
}

int
cli_stats_measure(struct cli *c, const struct cli_args *a)
{
	const struct kz_stat_measure *m;
	const struct kz_stat_by *by = NULL;
	const char *byv = cli_opt(a, O_BY);
	struct kz_stat s;
	struct kz_err err = { 0 };
	char list[256];

	/* the command's verb is the measure's name */
	if ((m = kz_stat_measure(a->cmd->verb)) == NULL)
		return cli_fail(_("no figure \"%s\""), a->cmd->verb);
	if (byv && (by = kz_stat_by(m, byv)) == NULL) {
		kz_stat_by_list(m, list, sizeof list);
		return cli_fail(_("--by: %s are not counted by \"%s\": use "
		    "%s"), m->name, byv, list);
	}
	if (kz_stat_run(c->db, m, by, cli_opt(a, O_YEAR), &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (c->format == FMT_JSON)
		print_json(&s);
	else if (c->format == FMT_CSV)
		print_csv(&s);
	else
		print_table(c, &s);
	kz_stat_free(&s);
	return 0;
}
