/* cli_seminar.c - `kizuna series|seminar ...`, and what such commands share. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "record.h"
#include "cli_seminar.h"
#include "cli_list.h"
#include "cli_record.h"
#include "country.h"
#include "file.h"
#include "i18n.h"
#include "cli_output.h"
#include "participant.h"
#include "seminar.h"
#include "record.h"
#include "specialist.h"	/* kz_str_set */
#include "text.h"

/* ---- shared ---- */

char *
cli_sem_read(const char *path, size_t *len)
{
	char *buf = kz_file_read(strcmp(path, "-") == 0 ? NULL : path, 0, len);

	if (buf != NULL && memchr(buf, '\0', *len) != NULL) {
		free(buf);
		errno = EILSEQ;		/* a NUL byte: not a text file */
		return NULL;
	}
	return buf;
}

int
cli_sem_import_done(const struct kz_import_report *rep, int rc,
    const struct kz_err *err)
{
	fputs(kz_buf_str(&rep->log), stderr);
	if (rc != KZ_OK)
		cli_fail_err(err);
	fprintf(stderr, _("%zu rows read, %zu imported, %zu skipped\n"),
	    rep->read, rep->imported, rep->skipped);
	return rc == KZ_OK ? 0 : 1;
}

void
cli_sem_warnings(const struct kz_err *warn)
{
	for (int i = 0; i < warn->n; i++)
		fprintf(stderr, _("kizuna: warning: %s%s%s\n"),
		    warn->item[i].where, warn->item[i].where[0] ? ": " : "",
		    warn->item[i].msg);
}

void
cli_sem_period(const char *start, const char *end, char *out, size_t size)
{
	if (!start || !*start)
		snprintf(out, size, "%s", "");
	else if (!end || !*end || strcmp(start, end) == 0)
		snprintf(out, size, "%s", start);
	else
		snprintf(out, size, "%s..%s", start, end);
}

/* ---- series ---- */

enum {
	O_CODE = 1, O_NAME, O_OFFICE, O_NOTES, O_SERIES,
	O_NUMBER, O_YEAR, O_TITLE, O_THEME, O_START, O_END, O_CITY, O_REGION,
	O_COUNTRY, O_ORGANISER, O_COORG, O_SUPPORTERS, O_STATUS, O_ATTENDANCE,
	O_SEARCH,
};

#define MORE		CLI_OPT_MORE
#define NEEDED		(CLI_OPT_MORE | CLI_OPT_NEEDED)

/* Made from the series' table (core/seminar.c) by cli_record_options. */
struct cli_opt cli_series_opts[KZ_CLI_RECORD_OPTS];

/* The options given into s, in their order; 0 or 1 (reported). */
static int
series_apply(const struct cli_args *a, struct kz_series *s)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_series_type, s,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

int
cli_series_add(struct cli *c, const struct cli_args *a)
{
	struct kz_series s;
	struct kz_err err = { 0 };
	int rc;

	memset(&s, 0, sizeof s);
	if ((rc = series_apply(a, &s)) != 0) {
		kz_series_free(&s);
		return rc;
	}
	if (kz_series_insert(c->db, &s, &err) != KZ_OK) {
		kz_series_free(&s);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", s.id);	/* scripts capture the new id */
	else
		cli_record_print(c, &kz_series_type, &s);
	kz_series_free(&s);
	return 0;
}

int
cli_series_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_series);
	return cli_list(c, a, &q, false);
}

int
cli_series_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_series s;
	struct kz_err err = { 0 };
	int rc;

	if (kz_series_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = series_apply(a, &s)) == 0 &&
	    kz_series_update(c->db, &s, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	kz_series_free(&s);
	return rc;
}

int
cli_series_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_series s;
	struct kz_err err = { 0 };

	if (kz_series_get(c->db, id, &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, size, _("delete series %s (%s)?"), s.code, s.name);
	kz_series_free(&s);
	return 0;
}

int
cli_series_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_series_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}

/* ---- editions ---- */

const struct cli_opt cli_seminar_opts[] = {
	{ .name = "series", .arg = "SERIES", .key = O_SERIES, .flags = NEEDED,
	  .help = N_("the series, by code or id") },
	{ .name = "year", .arg = "YEAR", .key = O_YEAR, .flags = NEEDED,
	  .help = N_("the year it is held") },
	{ .name = "number", .arg = "N", .key = O_NUMBER, .flags = MORE,
	  .help = N_("its number in the series") },
	{ .name = "title", .arg = "TEXT", .key = O_TITLE, .flags = MORE,
	  .help = N_("its title") },
	{ .name = "theme", .arg = "TEXT", .key = O_THEME, .flags = MORE,
	  .help = N_("its theme") },
	{ .name = "start", .arg = "DATE", .key = O_START, .flags = MORE,
	  .help = N_("the first day") },
	{ .name = "end", .arg = "DATE", .key = O_END, .flags = MORE,
	  .help = N_("the last day") },
	{ .name = "city", .arg = "TEXT", .key = O_CITY, .flags = MORE,
	  .help = N_("the city") },
	{ .name = "region", .arg = "TEXT", .key = O_REGION, .flags = MORE,
	  .help = N_("the province or state") },
	{ .name = "country", .arg = "CC", .key = O_COUNTRY, .flags = MORE,
	  .help = N_("the host country, ISO 3166-1") },
	{ .name = "organiser", .arg = "TEXT", .key = O_ORGANISER, .flags = MORE,
	  .help = N_("who organises it") },
	{ .name = "co-organisers", .arg = "TEXT", .key = O_COORG, .flags = MORE,
	  .help = N_("who organises it with them") },
	{ .name = "supporters", .arg = "TEXT", .key = O_SUPPORTERS,
	  .flags = MORE, .help = N_("who supports it") },
	{ .name = "status", .arg = "planned|confirmed|held|cancelled",
	  .key = O_STATUS, .flags = MORE, .help = N_("where it stands") },
	{ .name = "attendance", .arg = "N[: PARTS]", .key = O_ATTENDANCE,
	  .flags = MORE, .help = N_("how many came: \"178: Japanese 61, "
	  "Chinese 117\"") },
	{ .name = "notes", .arg = "TEXT", .key = O_NOTES, .flags = MORE,
	  .help = N_("notes") },
	{ 0 },
};

const struct cli_opt cli_seminar_filters[] = {
	{ .name = "series", .arg = "SERIES", .key = O_SERIES,
	  .help = N_("of this series") },
	{ .name = "year", .arg = "YEAR", .key = O_YEAR,
	  .help = N_("held in this year") },
	{ .name = "status", .arg = "planned|confirmed|held|cancelled",
	  .key = O_STATUS, .help = N_("in this status") },
	{ .name = "search", .arg = "TEXT", .key = O_SEARCH,
	  .help = N_("with this text in the title, theme or place") },
	{ 0 },
};

/* One option into the edition; problems go into err, or are reported
 * (1). */
static int
sem_opt(struct cli *c, struct kz_seminar *s, int ch, const char *v,
    struct kz_err *err)
{
	struct kz_series ser;
	int k;

	switch (ch) {
	case O_SERIES:
		if (kz_series_get(c->db, v, &ser, err) == KZ_OK) {
			memcpy(s->series, ser.id, KZ_ID_SIZE);
			snprintf(s->series_code, sizeof s->series_code, "%s",
			    ser.code);
			kz_series_free(&ser);
		}
		return 0;
	case O_NUMBER:
		if (*v == '\0') {
			s->number = 0;
			return 0;
		}
		return cli_dsp_int("--number", v, 1, 9999, &s->number) ? 0 : 1;
	case O_YEAR:
		return cli_dsp_int("--year", v, 1900, 2199, &s->year) ? 0 : 1;
	case O_TITLE: return kz_str_set(&s->title, v);
	case O_THEME: return kz_str_set(&s->theme, v);
	case O_START:
		kz_copy_value(s->start, sizeof s->start, v, "start",
		    _("first day"), err);
		return 0;
	case O_END:
		kz_copy_value(s->end, sizeof s->end, v, "end", _("last day"),
		    err);
		return 0;
	case O_CITY: return kz_str_set(&s->city, v);
	case O_REGION: return kz_str_set(&s->region, v);
	case O_COUNTRY:
		kz_copy_value(s->country, sizeof s->country, v, "country",
		    _("country"), err);
		return 0;
	case O_ORGANISER: return kz_str_set(&s->organiser, v);
	case O_COORG: return kz_str_set(&s->co_organisers, v);
	case O_SUPPORTERS: return kz_str_set(&s->supporters, v);
	case O_STATUS:
		if ((k = kz_seminar_status_parse(v)) < 0) {
			char list[128];
			kz_enum_list(&kz_seminar_status_enum, list, sizeof list);
			kz_err_add(err, "status", _("%s must be %s, not \"%s\""),
			    _("status"), list, v);
		} else
			s->status = (enum kz_seminar_status)k;
		return 0;
	case O_ATTENDANCE:
		kz_seminar_parse_attendance(s, v, err);
		return 0;
	case O_NOTES: return kz_str_set(&s->notes, v);
	}
	return 0;
}

/* The options given into s, in their order; 0 or 1 (reported). */
static int
sem_apply(struct cli *c, const struct cli_args *a, struct kz_seminar *s)
{
	struct kz_err err = { 0 };
	int rc;

	for (int i = 0; i < a->nopt; i++)
		if ((rc = sem_opt(c, s, a->opt[i].opt->key, a->opt[i].value,
		    &err)) != 0)
			return 1;
	if (err.n)
		return cli_fail_err(&err);
	return 0;
}

static void
sem_place(const struct kz_seminar *s, char *out, size_t size)
{
	kz_seminar_place(s, out, size);
}

static void
sem_json(const struct kz_seminar *s, const char *indent)
{
	char ref[96];
	char *att = kz_seminar_format_attendance(s);

	kz_seminar_label(s, ref, sizeof ref);
	printf("%s{\"id\": ", indent);
	out_json_str(stdout, s->id);
	fputs(", \"ref\": ", stdout);
	out_json_str(stdout, ref);
	fputs(", \"series\": ", stdout);
	out_json_str(stdout, s->series_code);
	if (s->number > 0)
		printf(", \"number\": %d", s->number);
	else
		fputs(", \"number\": null", stdout);
	printf(", \"year\": %d, \"title\": ", s->year);
	out_json_str(stdout, s->title);
	fputs(", \"theme\": ", stdout);
	out_json_str(stdout, s->theme);
	fputs(", \"start\": ", stdout);
	out_json_str(stdout, s->start[0] ? s->start : NULL);
	fputs(", \"end\": ", stdout);
	out_json_str(stdout, s->end[0] ? s->end : NULL);
	fputs(", \"city\": ", stdout);
	out_json_str(stdout, s->city);
	fputs(", \"region\": ", stdout);
	out_json_str(stdout, s->region);
	fputs(", \"country\": ", stdout);
	out_json_str(stdout, s->country[0] ? s->country : NULL);
	fputs(", \"organiser\": ", stdout);
	out_json_str(stdout, s->organiser);
	fputs(", \"co_organisers\": ", stdout);
	out_json_str(stdout, s->co_organisers);
	fputs(", \"supporters\": ", stdout);
	out_json_str(stdout, s->supporters);
	printf(", \"status\": \"%s\", \"attendance\": ",
	    kz_seminar_status_name(s->status));
	if (s->attendance >= 0)
		printf("%ld", s->attendance);
	else
		fputs("null", stdout);
	fputs(", \"attendance_by\": [", stdout);
	for (size_t i = 0; i < s->nparts; i++) {
		printf("%s{\"label\": ", i ? ", " : "");
		out_json_str(stdout, s->parts[i].label);
		printf(", \"count\": %ld}", s->parts[i].count);
	}
	printf("], \"items\": %ld, \"participants\": %ld, \"notes\": ",
	    s->items, s->participants);
	out_json_str(stdout, s->notes);
	fputs("}", stdout);
	free(att);
}

static void
sem_print_list(struct cli *c, const struct kz_seminar *l, size_t n)
{
	char ref[96], num[16], year[16], place[300], period[32], items[24];

	if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < n; i++) {
			sem_json(&l[i], "  ");
			puts(i + 1 < n ? "," : "");
		}
		puts("]");
		return;
	}
	if (c->format == FMT_CSV) {
		static const char *const head[] = { "id", "series", "number",
		    "year", "title", "theme", "start", "end", "city", "region",
		    "country", "organiser", "co_organisers", "supporters",
		    "status", "attendance", "items", "participants" };
		out_csv_row(stdout, 18, head);
		for (size_t i = 0; i < n; i++) {
			const struct kz_seminar *s = &l[i];
			char *att = kz_seminar_format_attendance(s);
			char parts[24];

			snprintf(num, sizeof num, "%d", s->number);
			snprintf(year, sizeof year, "%d", s->year);
			snprintf(items, sizeof items, "%ld", s->items);
			snprintf(parts, sizeof parts, "%ld", s->participants);
			const char *v[] = { s->id, s->series_code, s->number ?
			    num : "", year, s->title, s->theme, s->start, s->end,
			    s->city, s->region, s->country, s->organiser,
			    s->co_organisers, s->supporters,
			    kz_seminar_status_name(s->status), att, items, parts };
			out_csv_row(stdout, 18, v);
			free(att);
		}
		return;
	}
	/* the history table of seed 001: edition, year, place, theme */
	const char *head[] = { _("EDITION"), _("NO"), _("YEAR"), _("DATES"),
	    _("PLACE"), _("STATUS"), _("THEME") };
	struct out_table t;

	out_table_init(&t, 7, head);
	for (size_t i = 0; i < n; i++) {
		const struct kz_seminar *s = &l[i];

		kz_seminar_label(s, ref, sizeof ref);
		snprintf(num, sizeof num, "%d", s->number);
		snprintf(year, sizeof year, "%d", s->year);
		sem_place(s, place, sizeof place);
		cli_sem_period(s->start, s->end, period, sizeof period);
		const char *v[] = { ref, s->number ? num : "", year, period,
		    place, kz_enum_label(&kz_seminar_status_enum, (int)s->status),
		    s->theme ? s->theme : s->title };
		out_table_row(&t, v);
	}
	out_table_print(stdout, &t, 44);
	out_table_free(&t);
}

static void
sem_print_full(struct cli *c, const struct kz_seminar *s)
{
	const char *labels[] = { _("edition"), _("id"), _("series"),
	    _("number"), _("year"), _("title"), _("theme"), _("dates"),
	    _("place"), _("country"), _("organiser"), _("co-organisers"),
	    _("supporters"), _("status"), _("attendance"), _("programme"),
	    _("participants"), _("notes"), _("created"), _("updated") };
	char ref[96], num[16], year[16], place[300], period[32], line[400];
	char *att = kz_seminar_format_attendance(s);
	struct kz_counts bc = { 0 }, br = { 0 };
	struct kz_err err = { 0 };
	int lw = 0;

	if (c->format == FMT_JSON) {
		sem_json(s, "");
		putchar('\n');
		free(att);
		return;
	}
	if (c->format == FMT_CSV) {
		sem_print_list(c, s, 1);
		free(att);
		return;
	}
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (kz_text_width(labels[i]) > lw)
			lw = kz_text_width(labels[i]);
	kz_seminar_label(s, ref, sizeof ref);
	snprintf(num, sizeof num, "%d", s->number);
	snprintf(year, sizeof year, "%d", s->year);
	sem_place(s, place, sizeof place);
	cli_sem_period(s->start, s->end, period, sizeof period);
	cli_show_line(labels[0], ref, lw);
	cli_show_line(labels[1], s->id, lw);
	cli_show_line(labels[2], s->series_code, lw);
	cli_show_line(labels[3], s->number ? num : "", lw);
	cli_show_line(labels[4], year, lw);
	cli_show_line(labels[5], s->title, lw);
	cli_show_line(labels[6], s->theme, lw);
	cli_show_line(labels[7], period, lw);
	cli_show_line(labels[8], place, lw);
	if (s->country[0]) {
		snprintf(line, sizeof line, "%s %s", s->country,
		    kz_country_name(s->country) ?
		    _(kz_country_name(s->country)) : "");
		cli_show_line(labels[9], line, lw);
	}
	cli_show_line(labels[10], s->organiser, lw);
	cli_show_line(labels[11], s->co_organisers, lw);
	cli_show_line(labels[12], s->supporters, lw);
	cli_show_line(labels[13], kz_enum_label(&kz_seminar_status_enum, (int)s->status), lw);
	cli_show_line(labels[14], att, lw);
	snprintf(line, sizeof line, ngettext("%ld item", "%ld items",
	    (unsigned long)s->items), s->items);
	cli_show_line(labels[15], line, lw);
	snprintf(line, sizeof line, "%ld", s->participants);
	if (s->participants > 0 &&
	    kz_participant_count_country(c->db, s->id, &bc, &err) == KZ_OK &&
	    kz_participant_count_role(c->db, s->id, &br, &err) == KZ_OK) {
		size_t o = strlen(line);
		for (size_t i = 0; i < bc.n && o < sizeof line; i++)
			o += (size_t)snprintf(line + o, sizeof line - o, "%s%s %ld",
			    i ? ", " : ": ", bc.c[i].key, bc.c[i].n);
		for (size_t i = 0; i < br.n && o < sizeof line; i++)
			o += (size_t)snprintf(line + o, sizeof line - o, "%s%s %ld",
			    i ? ", " : "; ", _(br.c[i].key), br.c[i].n);
	}
	kz_counts_free(&bc);
	kz_counts_free(&br);
	cli_show_line(labels[16], line, lw);
	cli_show_line(labels[17], s->notes, lw);
	snprintf(line, sizeof line, "%s  %s", s->st.created,
	    s->st.created_by ? s->st.created_by : "");
	cli_show_line(labels[18], line, lw);
	snprintf(line, sizeof line, "%s  %s", s->st.updated,
	    s->st.updated_by ? s->st.updated_by : "");
	cli_show_line(labels[19], line, lw);
	free(att);
}

int
cli_seminar_add(struct cli *c, const struct cli_args *a)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };
	int rc;

	kz_seminar_init(&s);
	if ((rc = sem_apply(c, a, &s)) != 0) {
		kz_seminar_free(&s);
		return rc;
	}
	if (!s.series[0]) {
		kz_seminar_free(&s);
		return cli_fail(_("--series is required (see kizuna series "
		    "list)"));
	}
	if (kz_seminar_insert(c->db, &s, &err) != KZ_OK) {
		kz_seminar_free(&s);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", s.id);
	else {
		struct kz_seminar got;
		if (kz_seminar_get(c->db, s.id, &got, &err) == KZ_OK) {
			sem_print_full(c, &got);
			kz_seminar_free(&got);
		}
	}
	kz_seminar_free(&s);
	return 0;
}

int
cli_seminar_list(struct cli *c, const struct cli_args *a)
{
	struct kz_seminar_query q = { NULL, 0, -1, NULL };
	struct kz_seminar *l;
	struct kz_err err = { 0 };
	size_t n;

	for (int i = 0; i < a->nopt; i++) {
		const char *val = a->opt[i].value;

		switch (a->opt[i].opt->key) {
		case O_SERIES: q.series = val; break;
		case O_YEAR:
			if (!cli_dsp_int("--year", val, 1900, 2199, &q.year))
				return 1;
			break;
		case O_STATUS:
			if ((q.status = kz_seminar_status_parse(val)) < 0) {
				char list[128];
				kz_enum_list(&kz_seminar_status_enum, list,
				    sizeof list);
				return cli_fail(_("--status: \"%s\" is not %s"),
				    val, list);
			}
			break;
		case O_SEARCH: q.text = val; break;
		}
	}
	if (kz_seminar_list(c->db, &q, &l, &n, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (n == 0 && c->format == FMT_TABLE)
		fputs(_("no seminars found\n"), stderr);
	else
		sem_print_list(c, l, n);
	kz_seminar_list_free(l, n);
	return 0;
}

int
cli_seminar_show(struct cli *c, const struct cli_args *a)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };

	if (kz_seminar_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	sem_print_full(c, &s);
	kz_seminar_free(&s);
	return 0;
}

int
cli_seminar_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };
	int rc;

	if (kz_seminar_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = sem_apply(c, a, &s)) != 0)
		;
	else if (kz_seminar_update(c->db, &s, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		sem_print_full(c, &s);
	kz_seminar_free(&s);
	return rc;
}

int
cli_seminar_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };
	char ref[96];

	if (kz_seminar_get(c->db, id, &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	kz_seminar_label(&s, ref, sizeof ref);
	snprintf(q, size, _("delete %s with its %ld programme items and %ld "
	    "participants?"), ref, s.items, s.participants);
	kz_seminar_free(&s);
	return 0;
}

int
cli_seminar_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_seminar_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}
