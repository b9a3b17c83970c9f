/* cli_trainee.c - `kizuna trainee ...`: placements of officials in Japan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "record.h"
#include "cli_seminar.h"
#include "country.h"
#include "i18n.h"
#include "cli_output.h"
#include "specialist.h"	/* kz_str_set */
#include "text.h"
#include "trainee.h"

enum {
	O_NAME = 1, O_ROMAN, O_HOME, O_REGION, O_COUNTRY, O_POST, O_HOST,
	O_FIELDS, O_YEAR, O_START, O_END, O_PROGRAMME, O_COURSE, O_STATUS,
	O_NOTES, O_BY, O_SEARCH,
};

#define MORE		CLI_OPT_MORE
#define NEEDED		(CLI_OPT_MORE | CLI_OPT_NEEDED)
#define PROGRAMMES	"lgotp|jica|other"
#define STATUSES	"planned|ongoing|completed|withdrawn"

const struct cli_opt cli_trainee_opts[] = {
	{ .name = "host", .arg = "GOVERNMENT", .key = O_HOST, .flags = NEEDED,
	  .help = N_("the Japanese local government hosting the trainee") },
	{ .name = "home", .arg = "GOVERNMENT", .key = O_HOME, .flags = NEEDED,
	  .help = N_("the trainee's home government") },
	{ .name = "region", .arg = "TEXT", .key = O_REGION, .flags = MORE,
	  .help = N_("the home province or state") },
	{ .name = "country", .arg = "CC", .key = O_COUNTRY, .flags = MORE,
	  .help = N_("the home country, ISO 3166-1") },
	{ .name = "name", .arg = "NAME", .key = O_NAME, .flags = MORE,
	  .help = N_("the name in its own script") },
	{ .name = "roman", .arg = "NAME", .key = O_ROMAN, .flags = MORE,
	  .help = N_("the name in Latin letters") },
	{ .name = "post", .arg = "POST", .key = O_POST, .flags = MORE,
	  .help = N_("the post held at home") },
	{ .name = "fields", .arg = "TEXT", .key = O_FIELDS, .flags = MORE,
	  .help = N_("the fields of the training") },
	{ .name = "year", .arg = "YEAR", .key = O_YEAR, .flags = MORE,
	  .help = N_("the programme year (by default the year it starts)") },
	{ .name = "start", .arg = "DATE", .key = O_START, .flags = MORE,
	  .help = N_("the first day") },
	{ .name = "end", .arg = "DATE", .key = O_END, .flags = MORE,
	  .help = N_("the last day") },
	{ .name = "programme", .arg = PROGRAMMES, .key = O_PROGRAMME,
	  .flags = MORE, .help = N_("the training programme") },
	{ .name = "course", .arg = "TEXT", .key = O_COURSE, .flags = MORE,
	  .help = N_("the course") },
	{ .name = "status", .arg = STATUSES, .key = O_STATUS, .flags = MORE,
	  .help = N_("where it stands") },
	{ .name = "notes", .arg = "TEXT", .key = O_NOTES, .flags = MORE,
	  .help = N_("notes") },
	{ 0 },
};

const struct cli_opt cli_trainee_filters[] = {
	{ .name = "year", .arg = "YEAR", .key = O_YEAR,
	  .help = N_("of this programme year") },
	{ .name = "host", .arg = "TEXT", .key = O_HOST,
	  .help = N_("hosted by a government matching this") },
	{ .name = "region", .arg = "TEXT", .key = O_REGION,
	  .help = N_("from a home region matching this") },
	{ .name = "status", .arg = STATUSES, .key = O_STATUS,
	  .help = N_("in this status") },
	{ .name = "programme", .arg = PROGRAMMES, .key = O_PROGRAMME,
	  .help = N_("in this programme") },
	{ .name = "search", .arg = "TEXT", .key = O_SEARCH,
	  .help = N_("with this text in names, governments or fields") },
	{ 0 },
};

const struct cli_opt cli_trainee_count_opts[] = {
	{ .name = "by", .arg = "year|host|region|programme|status",
	  .key = O_BY, .help = N_("what to count by (year by default)") },
	{ 0 },
};

/* One option into t; problems go into err, or are reported (1). */
static int
tr_opt(struct kz_trainee *t, int key, const char *v, struct kz_err *err)
{
	int k;

	switch (key) {
	case O_NAME: kz_str_set(&t->name, v); break;
	case O_ROMAN: kz_str_set(&t->name_roman, v); break;
	case O_HOME: kz_str_set(&t->home_government, v); break;
	case O_REGION: kz_str_set(&t->home_region, v); break;
	case O_COUNTRY:
		kz_copy_value(t->home_country, sizeof t->home_country, v,
		    "home_country", _("home country"), err);
		break;
	case O_POST: kz_str_set(&t->post, v); break;
	case O_HOST: kz_str_set(&t->host, v); break;
	case O_FIELDS: kz_str_set(&t->fields, v); break;
	case O_YEAR:
		if (!cli_dsp_int("--year", v, 1900, 2199, &t->year))
			return 1;
		break;
	case O_START:
		kz_copy_value(t->start, sizeof t->start, v, "start",
		    _("first day"), err);
		break;
	case O_END:
		kz_copy_value(t->end, sizeof t->end, v, "end", _("last day"),
		    err);
		break;
	case O_PROGRAMME:
		if ((k = kz_trainee_programme_parse(v)) < 0)
			kz_err_add(err, "programme", _("programme must be "
			    "lgotp, jica or other, not \"%s\""), v);
		else
			t->programme = (enum kz_trainee_programme)k;
		break;
	case O_COURSE: kz_str_set(&t->course, v); break;
	case O_STATUS:
		if ((k = kz_trainee_status_parse(v)) < 0)
			kz_err_add(err, "status", _("status must be planned, "
			    "ongoing, completed or withdrawn, not \"%s\""), v);
		else
			t->status = (enum kz_trainee_status)k;
		break;
	case O_NOTES: kz_str_set(&t->notes, v); break;
	}
	return 0;
}

/* The options given into t, in their order; 0 or 1 (reported). */
static int
tr_apply(const struct cli_args *a, struct kz_trainee *t)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (tr_opt(t, a->opt[i].opt->key, a->opt[i].value, &err))
			return 1;
	return err.n ? cli_fail_err(&err) : 0;
}

static const char *
shown_name(const struct kz_trainee *t)
{
	return t->name ? t->name : t->name_roman ? t->name_roman : "";
}

static void
tr_print(struct cli *c, const struct kz_trainee *l, size_t n, bool full)
{
	char year[16], period[32];

	if (c->format == FMT_CSV || c->format == FMT_JSON) {
		static const char *const k[] = { "id", "year", "host",
		    "home_government", "home_region", "home_country", "name",
		    "name_roman", "post", "fields", "start", "end", "programme",
		    "course", "status", "notes" };
		if (c->format == FMT_CSV)
			out_csv_row(stdout, 16, k);
		else
			puts(full ? "" : "[");
		for (size_t i = 0; i < n; i++) {
			const struct kz_trainee *t = &l[i];
			snprintf(year, sizeof year, "%d", t->year);
			const char *v[] = { t->id, year, t->host,
			    t->home_government, t->home_region, t->home_country,
			    t->name, t->name_roman, t->post, t->fields, t->start,
			    t->end, kz_trainee_programme_name(t->programme), t->course,
			    kz_trainee_status_keyword(t->status), t->notes };
			if (c->format == FMT_CSV) {
				out_csv_row(stdout, 16, v);
				continue;
			}
			fputs(full ? "{" : "  {", stdout);
			for (int j = 0; j < 16; j++) {
				printf("%s\"%s\": ", j ? ", " : "", k[j]);
				if (j == 1)
					fputs(year, stdout);
				else
					out_json_str(stdout, v[j] && *v[j] ? v[j] :
					    NULL);
			}
			puts(full ? "}" : i + 1 < n ? "}," : "}");
		}
		if (c->format == FMT_JSON && !full)
			puts("]");
		return;
	}
	if (full) {
		const struct kz_trainee *t = l;
		const char *labels[] = { _("id"), _("name"), _("romanised"),
		    _("home government"), _("home region"), _("home country"),
		    _("post"), C_("trainee", "host"), _("fields"), _("year"),
		    _("period"), C_("training", "programme"), _("course"),
		    _("status"), _("notes"),
		    _("created"), _("updated") };
		char line[300];
		int lw = 0;

		for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
			if (kz_text_width(labels[i]) > lw)
				lw = kz_text_width(labels[i]);
		snprintf(year, sizeof year, "%d", t->year);
		cli_sem_period(t->start, t->end, period, sizeof period);
		cli_show_line(labels[0], t->id, lw);
		cli_show_line(labels[1], t->name, lw);
		cli_show_line(labels[2], t->name_roman, lw);
		cli_show_line(labels[3], t->home_government, lw);
		cli_show_line(labels[4], t->home_region, lw);
		if (t->home_country[0]) {
			const char *cn = kz_country_name(t->home_country);
			snprintf(line, sizeof line, "%s %s", t->home_country,
			    cn ? _(cn) : "");
			cli_show_line(labels[5], line, lw);
		}
		cli_show_line(labels[6], t->post, lw);
		cli_show_line(labels[7], t->host, lw);
		cli_show_line(labels[8], t->fields, lw);
		cli_show_line(labels[9], year, lw);
		cli_show_line(labels[10], period, lw);
		cli_show_line(labels[11], kz_trainee_programme_name(t->programme), lw);
		cli_show_line(labels[12], t->course, lw);
		cli_show_line(labels[13], _(kz_trainee_status_name(t->status)), lw);
		cli_show_line(labels[14], t->notes, lw);
		snprintf(line, sizeof line, "%s  %s", t->st.created,
		    t->st.created_by ? t->st.created_by : "");
		cli_show_line(labels[15], line, lw);
		snprintf(line, sizeof line, "%s  %s", t->st.updated,
		    t->st.updated_by ? t->st.updated_by : "");
		cli_show_line(labels[16], line, lw);
		return;
	}
	/* the host is a Japanese government, not a dispatch's host abroad */
	const char *head[] = { _("ID"), _("YEAR"), C_("trainee", "HOST"),
	    _("HOME"), _("FIELDS"), _("PERIOD"), _("STATUS"), _("NAME") };
	struct out_table t;

	out_table_init(&t, 8, head);
	for (size_t i = 0; i < n; i++) {
		snprintf(year, sizeof year, "%d", l[i].year);
		cli_sem_period(l[i].start, l[i].end, period, sizeof period);
		const char *v[] = { l[i].id, year, l[i].host,
		    l[i].home_government, l[i].fields, period,
		    _(kz_trainee_status_name(l[i].status)), shown_name(&l[i]) };
		out_table_row(&t, v);
	}
	out_table_print(stdout, &t, 30);
	out_table_free(&t);
}

int
cli_trainee_add(struct cli *c, const struct cli_args *a)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };

	kz_trainee_init(&t);
	if (tr_apply(a, &t) != 0) {
		kz_trainee_free(&t);
		return 1;
	}
	if (kz_trainee_insert(c->db, &t, &err) != KZ_OK) {
		kz_trainee_free(&t);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", t.id);
	else
		tr_print(c, &t, 1, true);
	kz_trainee_free(&t);
	return 0;
}

/* Filters shared by list and count; 0 or 1 (reported). */
static int
tr_filters(const struct cli_args *a, struct kz_trainee_query *q, int *by)
{
	kz_trainee_query_init(q);
	for (int i = 0; i < a->nopt; i++) {
		const char *val = a->opt[i].value;

		switch (a->opt[i].opt->key) {
		case O_YEAR:
			if (!cli_dsp_int("--year", val, 1900, 2199, &q->year))
				return 1;
			break;
		case O_HOST: q->host = val; break;
		case O_REGION: q->region = val; break;
		case O_SEARCH: q->text = val; break;
		case O_STATUS:
			if ((q->status = kz_trainee_status_parse(val)) < 0)
				return cli_fail(_("--status: \"%s\" is not "
				    "planned, ongoing, completed or withdrawn"),
				    val);
			break;
		case O_PROGRAMME:
			if ((q->programme = kz_trainee_programme_parse(val)) < 0)
				return cli_fail(_("--programme: \"%s\" is not "
				    "lgotp, jica or other"), val);
			break;
		case O_BY:
			if ((*by = kz_trainee_by_parse(val)) < 0)
				return cli_fail(_("--by: \"%s\" is not year, "
				    "host, region, programme or status"), val);
			break;
		}
	}
	return 0;
}

int
cli_trainee_list(struct cli *c, const struct cli_args *a)
{
	struct kz_trainee_query q;
	struct kz_trainee *l;
	struct kz_err err = { 0 };
	size_t n;
	int by;

	if (tr_filters(a, &q, &by) != 0)
		return 1;
	if (kz_trainee_list(c->db, &q, &l, &n, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (n == 0 && c->format == FMT_TABLE)
		fputs(_("no trainee placements found\n"), stderr);
	else
		tr_print(c, l, n, false);
	kz_trainee_list_free(l, n);
	return 0;
}

int
cli_trainee_count(struct cli *c, const struct cli_args *a)
{
	struct kz_trainee_query q;
	struct kz_counts k;
	struct kz_err err = { 0 };
	int by = KZ_TR_BY_YEAR;
	char num[24];

	if (tr_filters(a, &q, &by) != 0)
		return 1;
	if (kz_trainee_count(c->db, &q, (enum kz_trainee_by)by, &k, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (c->format == FMT_CSV) {
		const char *head[] = { "key", "count" };
		out_csv_row(stdout, 2, head);
		for (size_t i = 0; i < k.n; i++) {
			snprintf(num, sizeof num, "%ld", k.c[i].n);
			const char *v[] = { k.c[i].key, num };
			out_csv_row(stdout, 2, v);
		}
	} else if (c->format == FMT_JSON) {
		printf("{\"total\": %ld, \"counts\": [", k.total);
		for (size_t i = 0; i < k.n; i++) {
			fputs(i ? ", {\"key\": " : "{\"key\": ", stdout);
			out_json_str(stdout, k.c[i].key);
			printf(", \"count\": %ld}", k.c[i].n);
		}
		puts("]}");
	} else {
		const char *names[KZ_TR_BY_COUNT] = { _("YEAR"),
		    C_("trainee", "HOST"), _("REGION"), _("PROGRAMME"),
		    _("STATUS") };
		const char *head[] = { names[by], _("COUNT") };
		struct out_table t;

		out_table_init(&t, 2, head);
		for (size_t i = 0; i < k.n; i++) {
			snprintf(num, sizeof num, "%5ld", k.c[i].n);
			const char *v[] = { by == KZ_TR_BY_STATUS ?
			    _(k.c[i].key) : k.c[i].key, num };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 40);
		out_table_free(&t);
		printf(ngettext("%ld placement\n", "%ld placements\n",
		    (unsigned long)k.total), k.total);
	}
	kz_counts_free(&k);
	return 0;
}

int
cli_trainee_show(struct cli *c, const struct cli_args *a)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };

	if (kz_trainee_get(c->db, a->arg[0], &t, &err) != KZ_OK)
		return cli_fail_err(&err);
	tr_print(c, &t, 1, true);
	kz_trainee_free(&t);
	return 0;
}

int
cli_trainee_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };
	int rc;

	if (kz_trainee_get(c->db, a->arg[0], &t, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = tr_apply(a, &t)) != 0)
		;
	else if (kz_trainee_update(c->db, &t, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		tr_print(c, &t, 1, true);
	kz_trainee_free(&t);
	return rc;
}

int
cli_trainee_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };

	if (kz_trainee_get(c->db, id, &t, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, size, _("delete the placement %s in %s (%d)?"), t.id,
	    t.host, t.year);
	kz_trainee_free(&t);
	return 0;
}

int
cli_trainee_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_trainee_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}
