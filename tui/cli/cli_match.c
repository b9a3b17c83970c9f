/* cli_match.c - `kizuna match`, `kizuna timeline` and `kizuna export dispatches`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_dispatch.h"
#include "cli_casework.h"
#include "date.h"
#include "dsp_export.h"
#include "i18n.h"
#include "ics.h"
#include "match.h"
#include "cli_output.h"
#include "request.h"
#include "stamp.h"
#include "text.h"
#include "timeline.h"
#include "year.h"

/* ---- match ---- */

static void
match_table(struct cli *c, const struct kz_request *r,
    const struct kz_match *m, size_t limit)
{
	char head[1024], buf[1024], a[64], b[64];
	size_t shown = m->nfit < limit ? m->nfit : limit;

	snprintf(head, sizeof head, _("Candidates for %s: %s"), r->id, r->topic);
	puts(head);
	if (m->period_checked)
		printf(_("Wished period %s..%s; %zu can go, %zu cannot.\n"),
		    kz_stamp_date(c->cfg, m->from, a, sizeof a),
		    kz_stamp_date(c->cfg, m->to, b, sizeof b), m->nfit,
		    m->n - m->nfit);
	else
		printf(_("No wished dates: availability not checked; %zu "
		    "candidates.\n"), m->nfit);
	for (size_t i = 0; i < shown; i++) {
		const struct kz_match_cand *k = &m->c[i];

		snprintf(buf, sizeof buf, "%s (%s)", k->name ? k->name : "",
		    k->name_roman);
		printf("\n%3zu %4d  %s  %s  %s\n", i + 1, k->score, buf, k->id,
		    k->government ? k->government : "");
		for (size_t j = 0; j < k->nwhy; j++)
			printf("          %+4d  %s\n", k->why[j].points,
			    k->why[j].text);
	}
	if (m->nfit > shown)
		printf(_("\n... and %zu more (--all shows them)\n"),
		    m->nfit - shown);
	if (m->n > m->nfit) {
		printf("\n%s\n", _("Cannot go:"));
		for (size_t i = m->nfit; i < m->n && (i - m->nfit < limit ||
		    limit == (size_t)-1); i++) {
			const struct kz_match_cand *k = &m->c[i];

			printf("  %s (%s)  %s: %s\n", k->name ? k->name : "",
			    k->name_roman, k->id, k->cannot);
		}
		if (limit != (size_t)-1 && m->n - m->nfit > limit)
			printf(_("  ... and %zu more\n"), m->n - m->nfit - limit);
	}
	(void)c;
}

static void
reasons_text(const struct kz_match_cand *k, char *out, size_t size)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t j = 0; j < k->nwhy && o < size; j++)
		o += (size_t)snprintf(out + o, size - o, "%s%+d %s",
		    j ? "; " : "", k->why[j].points, k->why[j].text);
}

enum {
	O_LIMIT = 1, O_ALL, O_FROM, O_TO, O_ZOOM, O_BY, O_WIDTH, O_CANCELLED,
	O_YEAR,
	O_FORMAT,
};

const struct cli_opt cli_match_opts[] = {
	{ .name = "limit", .arg = "N", .key = O_LIMIT,
	  .help = N_("show the first N (10 in a table)") },
	{ .name = "all", .key = O_ALL,
	  .help = N_("show every candidate") },
	{ 0 },
};

int
cli_match(struct cli *c, const struct cli_args *a)
{
	struct kz_request r;
	struct kz_match m;
	struct kz_err err = { 0 };
	size_t limit = 10;
	bool all = cli_has(a, O_ALL);
	const char *lim = cli_opt(a, O_LIMIT);
	int n;

	if (lim) {
		if (!cli_dsp_int("--limit", lim, 1, 100000, &n))
			return 1;
		limit = (size_t)n;
	}
	if (kz_request_get(c->db, a->arg[0], &r, &err))
		return cli_fail_err(&err);
	if (kz_match_request(c->db, r.id, &m, &err)) {
		kz_request_free(&r);
		return cli_fail_err(&err);
	}
	/* scripts get everyone unless they ask for fewer */
	if (all || (c->format != FMT_TABLE && limit == 10))
		limit = (size_t)-1;
	if (c->format == FMT_CSV) {
		static const char *const head[] = { "rank", "score", "id", "name",
		    "name_roman", "government", "status", "can_go", "reasons",
		    "cannot" };
		out_csv_row(stdout, 10, head);
		for (size_t i = 0; i < m.n; i++) {
			const struct kz_match_cand *k = &m.c[i];
			char rank[24], score[16], why[4096];

			if (i < m.nfit && i >= limit)
				continue;
			snprintf(rank, sizeof rank, "%zu", i + 1);
			snprintf(score, sizeof score, "%d", k->score);
			reasons_text(k, why, sizeof why);
			const char *v[] = { i < m.nfit ? rank : "", score, k->id,
			    k->name, k->name_roman, k->government,
			    kz_status_name(k->status), i < m.nfit ? "yes" : "no",
			    why, k->cannot };
			out_csv_row(stdout, 10, v);
		}
	} else if (c->format == FMT_JSON) {
		printf("{\"request\": \"%s\", \"period_checked\": %s, "
		    "\"candidates\": [\n", r.id, m.period_checked ? "true" :
		    "false");
		bool first = true;
		for (size_t i = 0; i < m.n; i++) {
			const struct kz_match_cand *k = &m.c[i];

			if (i < m.nfit && i >= limit)
				continue;
			printf("%s  {\"rank\": ", first ? "" : ",\n");
			first = false;
			if (i < m.nfit)
				printf("%zu", i + 1);
			else
				fputs("null", stdout);
			printf(", \"score\": %d, \"id\": \"%s\", \"name\": ",
			    k->score, k->id);
			out_json_str(stdout, k->name);
			fputs(", \"name_roman\": ", stdout);
			out_json_str(stdout, k->name_roman);
			fputs(", \"government\": ", stdout);
			out_json_str(stdout, k->government);
			printf(", \"status\": \"%s\", \"can_go\": %s, "
			    "\"cannot\": ", kz_status_name(k->status),
			    i < m.nfit ? "true" : "false");
			out_json_str(stdout, k->cannot);
			fputs(", \"reasons\": [", stdout);
			for (size_t j = 0; j < k->nwhy; j++) {
				printf("%s{\"points\": %d, \"text\": ", j ? ", " :
				    "", k->why[j].points);
				out_json_str(stdout, k->why[j].text);
				fputs("}", stdout);
			}
			fputs("]}", stdout);
		}
		puts("\n]}");
	} else
		match_table(c, &r, &m, limit);
	kz_match_free(&m);
	kz_request_free(&r);
	return 0;
}

/* ---- timeline ---- */

const struct cli_opt cli_timeline_opts[] = {
	{ .name = "from", .arg = "DATE", .key = O_FROM,
	  .help = N_("the first day shown") },
	{ .name = "to", .arg = "DATE", .key = O_TO,
	  .help = N_("the last day shown") },
	{ .name = "year", .arg = "YEAR|FROM..TO", .key = O_YEAR,
	  .help = N_("the days of this year, or these dates (--from and --to "
	  "win)") },
	{ .name = "zoom", .arg = "week|month|year", .key = O_ZOOM,
	  .help = N_("how much a column holds (month by default)") },
	{ .name = "by", .arg = "dispatch|specialist", .key = O_BY,
	  .help = N_("a row per dispatch or per specialist") },
	{ .name = "width", .arg = "N", .key = O_WIDTH,
	  .help = N_("columns to fill (the terminal's by default)") },
	{ .name = "cancelled", .key = O_CANCELLED,
	  .help = N_("show cancelled dispatches too") },
	{ 0 },
};

int
cli_timeline(struct cli *c, const struct cli_args *a)
{
	const char *from = NULL, *to = NULL, *year = NULL;
	const char *cols = getenv("COLUMNS");
	enum kz_timeline_zoom zoom = KZ_TL_MONTH;
	bool by_spec = false, cancelled = false;
	struct kz_tl tl;
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	char today[11], fromd[11], tod[11], yfrom[11], yto[11];
	int width = 80;
	long f, t;

	if (cols && atoi(cols) >= 40 && atoi(cols) <= 1000)
		width = atoi(cols);
	for (int i = 0; i < a->nopt; i++) {
		const char *val = a->opt[i].value;

		switch (a->opt[i].opt->key) {
		case O_FROM: from = val; break;
		case O_TO: to = val; break;
		case O_YEAR: year = val; break;
		case O_ZOOM:
			if (strcmp(val, "week") == 0)
				zoom = KZ_TL_WEEK;
			else if (strcmp(val, "month") == 0)
				zoom = KZ_TL_MONTH;
			else if (strcmp(val, "year") == 0)
				zoom = KZ_TL_YEAR;
			else
				return cli_fail(_("--zoom: \"%s\" is not week, "
				    "month or year"), val);
			break;
		case O_BY:
			if (strcmp(val, "specialist") == 0)
				by_spec = true;
			else if (strcmp(val, "dispatch") == 0)
				by_spec = false;
			else
				return cli_fail(_("--by: \"%s\" is not dispatch "
				    "or specialist"), val);
			break;
		case O_WIDTH:
			if (!cli_dsp_int("--width", val, 40, 1000, &width))
				return 1;
			break;
		case O_CANCELLED: cancelled = true; break;
		}
	}
	/* dates as people type them, in the office's order */
	if ((from && kz_date_parse(from, kz_date_get_order(), fromd, "--from",
	    &err)) || (to && kz_date_parse(to, kz_date_get_order(), tod,
	    "--to", &err)))
		return cli_fail_err(&err);
	from = from ? fromd : NULL;
	to = to ? tod : NULL;
	/* a year (core/year.h): its ends where --from and --to are not */
	if (year) {
		if (kz_year_parse(c->cfg, year, NULL, yfrom, yto, "--year",
		    &err) != KZ_OK)
			return cli_fail_err(&err);
		if (!from && yfrom[0])
			from = yfrom;
		if (!to && yto[0])
			to = yto;
	}
	kz_stamp_today(c->cfg, today);
	/* Without dates: the zoom's span, a little of the past first. */
	int lw = width / 3 > 24 ? 24 : width / 3;
	long span = (long)(width - lw - 1) * kz_timeline_days_per_col(zoom);
	f = from ? kz_date_days(from) : to ? kz_date_days(to) - span + 1 :
	    kz_date_days(today) - span / 6;
	t = to ? kz_date_days(to) : f + span - 1;
	if (t < f)
		return cli_fail(_("the period ends (%s) before it starts (%s)"),
		    to, from ? from : "");
	/* only the rows of the days the chart shows, each whole */
	char d1[16], d2[16];
	kz_date_from_days(f, d1);
	kz_date_from_days(kz_timeline_text_last(f, t, width), d2);
	if (kz_timeline_load_range(c->db, by_spec, cancelled, d1, d2, &tl,
	    &err))
		return cli_fail_err(&err);
	kz_timeline_text(&tl, f, t, width, kz_date_days(today), &out);
	fputs(kz_buf_str(&out), stdout);
	kz_buf_free(&out);
	kz_timeline_free(&tl);
	return 0;
}

/* ---- export ---- */

const struct cli_opt cli_export_dispatches_opts[] = {
	{ .name = "format", .arg = "csv|ics", .key = O_FORMAT,
	  .help = N_("CSV (the default) or iCalendar") },
	{ 0 },
};

int
cli_export_dispatches(struct cli *c, const struct cli_args *a)
{
	const char *path = cli_opt(a, CLI_K_OUTPUT), *f = cli_opt(a, O_FORMAT);
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	struct cli_stream s;
	bool ics = false;
	int rc;

	if (f && strcmp(f, "ics") == 0)
		ics = true;
	else if (f && strcmp(f, "csv") != 0)
		return cli_fail(_("--format: \"%s\" is not csv or ics"), f);
	/* a dispatch at a time to the file, however many */
	if (!cli_stream_open(&s, path, &out))
		return 1;
	rc = ics ? kz_ics_dispatches(c->db, &out, &err) :
	    kz_export_dispatches_csv(c->db, &out, &err);
	return cli_stream_done(&s, &out, rc, &err);
}
