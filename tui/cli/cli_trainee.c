/* cli_trainee.c - `kizuna trainee ...`: placements of officials in Japan. */
#include <getopt.h>
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
	O_NAME = 256, O_ROMAN, O_HOME, O_REGION, O_COUNTRY, O_POST, O_HOST,
	O_FIELDS, O_YEAR, O_START, O_END, O_PROGRAMME, O_COURSE, O_STATUS,
	O_NOTES, O_FORMAT, O_BY, O_SEARCH,
};

static const struct option tr_opts[] = {
	{ "name", required_argument, NULL, O_NAME },
	{ "roman", required_argument, NULL, O_ROMAN },
	{ "home", required_argument, NULL, O_HOME },
	{ "region", required_argument, NULL, O_REGION },
	{ "country", required_argument, NULL, O_COUNTRY },
	{ "post", required_argument, NULL, O_POST },
	{ "host", required_argument, NULL, O_HOST },
	{ "fields", required_argument, NULL, O_FIELDS },
	{ "year", required_argument, NULL, O_YEAR },
	{ "start", required_argument, NULL, O_START },
	{ "end", required_argument, NULL, O_END },
	{ "programme", required_argument, NULL, O_PROGRAMME },
	{ "course", required_argument, NULL, O_COURSE },
	{ "status", required_argument, NULL, O_STATUS },
	{ "notes", required_argument, NULL, O_NOTES },
	{ "format", required_argument, NULL, O_FORMAT },
	{ NULL, 0, NULL, 0 },
};

/* Options into t; 0, 1 (reported) or 2 (usage). */
static int
tr_parse(struct cli *c, int argc, char **argv, struct kz_trainee *t)
{
	struct kz_err err = { 0 };
	int ch, k;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", tr_opts, NULL)) != -1) {
		switch (ch) {
		case O_NAME: kz_str_set(&t->name, optarg); break;
		case O_ROMAN: kz_str_set(&t->name_roman, optarg); break;
		case O_HOME: kz_str_set(&t->home_government, optarg); break;
		case O_REGION: kz_str_set(&t->home_region, optarg); break;
		case O_COUNTRY:
			kz_copy_value(t->home_country, sizeof t->home_country,
			    optarg, "home_country", _("home country"), &err);
			break;
		case O_POST: kz_str_set(&t->post, optarg); break;
		case O_HOST: kz_str_set(&t->host, optarg); break;
		case O_FIELDS: kz_str_set(&t->fields, optarg); break;
		case O_YEAR:
			if (!cli_dsp_int("--year", optarg, 1900, 2199, &t->year))
				return 1;
			break;
		case O_START:
			kz_copy_value(t->start, sizeof t->start, optarg, "start",
			    _("first day"), &err);
			break;
		case O_END:
			kz_copy_value(t->end, sizeof t->end, optarg, "end",
			    _("last day"), &err);
			break;
		case O_PROGRAMME:
			if ((k = kz_trainee_programme_parse(optarg)) < 0)
				kz_err_add(&err, "programme", _("programme must "
				    "be lgotp, jica or other, not \"%s\""),
				    optarg);
			else
				t->programme = (enum kz_trainee_programme)k;
			break;
		case O_COURSE: kz_str_set(&t->course, optarg); break;
		case O_STATUS:
			if ((k = kz_trainee_status_parse(optarg)) < 0)
				kz_err_add(&err, "status", _("status must be "
				    "planned, ongoing, completed or withdrawn, not "
				    "\"%s\""), optarg);
			else
				t->status = (enum kz_trainee_status)k;
			break;
		case O_NOTES: kz_str_set(&t->notes, optarg); break;
		case O_FORMAT:
			if (cli_set_format(c, optarg))
				return 1;
			break;
		default:
			return 2;
		}
	}
	if (err.n)
		return cli_fail_err(&err);
	return 0;
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
cli_trainee_add(struct cli *c, int argc, char **argv)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };
	int rc;

	kz_trainee_init(&t);
	if ((rc = tr_parse(c, argc, argv, &t)) != 0 || optind != argc) {
		kz_trainee_free(&t);
		return rc == 1 ? 1 : cli_usage(cli_find("trainee", "add"));
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

/* Filters shared by list and count; 0, 1 or 2. */
static int
tr_filters(struct cli *c, int argc, char **argv, struct kz_trainee_query *q,
    int *by)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, O_YEAR },
		{ "host", required_argument, NULL, O_HOST },
		{ "region", required_argument, NULL, O_REGION },
		{ "status", required_argument, NULL, O_STATUS },
		{ "programme", required_argument, NULL, O_PROGRAMME },
		{ "search", required_argument, NULL, O_SEARCH },
		{ "by", required_argument, NULL, O_BY },
		{ "format", required_argument, NULL, O_FORMAT },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	kz_trainee_query_init(q);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (ch) {
		case O_YEAR:
			if (!cli_dsp_int("--year", optarg, 1900, 2199, &q->year))
				return 1;
			break;
		case O_HOST: q->host = optarg; break;
		case O_REGION: q->region = optarg; break;
		case O_SEARCH: q->text = optarg; break;
		case O_STATUS:
			if ((q->status = kz_trainee_status_parse(optarg)) < 0)
				return cli_fail(_("--status: \"%s\" is not "
				    "planned, ongoing, completed or withdrawn"),
				    optarg);
			break;
		case O_PROGRAMME:
			if ((q->programme = kz_trainee_programme_parse(optarg)) < 0)
				return cli_fail(_("--programme: \"%s\" is not "
				    "lgotp, jica or other"), optarg);
			break;
		case O_BY:
			if (by == NULL)
				return 2;
			if ((*by = kz_trainee_by_parse(optarg)) < 0)
				return cli_fail(_("--by: \"%s\" is not year, "
				    "host, region, programme or status"), optarg);
			break;
		case O_FORMAT:
			if (cli_set_format(c, optarg))
				return 1;
			break;
		default:
			return 2;
		}
	}
	return optind == argc ? 0 : 2;
}

int
cli_trainee_list(struct cli *c, int argc, char **argv)
{
	struct kz_trainee_query q;
	struct kz_trainee *l;
	struct kz_err err = { 0 };
	size_t n;
	int rc;

	if ((rc = tr_filters(c, argc, argv, &q, NULL)) != 0)
		return rc == 1 ? 1 : cli_usage(cli_find("trainee", "list"));
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
cli_trainee_count(struct cli *c, int argc, char **argv)
{
	struct kz_trainee_query q;
	struct kz_counts k;
	struct kz_err err = { 0 };
	int by = KZ_TR_BY_YEAR, rc;
	char num[24];

	if ((rc = tr_filters(c, argc, argv, &q, &by)) != 0)
		return rc == 1 ? 1 : cli_usage(cli_find("trainee", "count"));
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
cli_trainee_show(struct cli *c, int argc, char **argv)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };
	const char *id = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (cli_set_format(c, argv[++i]))
				return 1;
		} else if (id == NULL && argv[i][0] != '-')
			id = argv[i];
		else
			return cli_usage(cli_find("trainee", "show"));
	}
	if (id == NULL)
		return cli_usage(cli_find("trainee", "show"));
	if (kz_trainee_get(c->db, id, &t, &err) != KZ_OK)
		return cli_fail_err(&err);
	tr_print(c, &t, 1, true);
	kz_trainee_free(&t);
	return 0;
}

int
cli_trainee_edit(struct cli *c, int argc, char **argv)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };
	int rc;

	if (argc < 3 || argv[1][0] == '-')
		return cli_usage(cli_find("trainee", "edit"));
	if (kz_trainee_get(c->db, argv[1], &t, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	if ((rc = tr_parse(c, argc - 1, argv + 1, &t)) != 0 ||
	    optind != argc - 1)
		rc = rc == 1 ? 1 : cli_usage(cli_find("trainee", "edit"));
	else if (kz_trainee_update(c->db, &t, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		tr_print(c, &t, 1, true);
	kz_trainee_free(&t);
	return rc;
}

int
cli_trainee_rm(struct cli *c, int argc, char **argv)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };
	const char *id;
	char q[300];
	bool yes;

	if (cli_sem_rm_args(argc, argv, &id, &yes))
		return cli_usage(cli_find("trainee", "rm"));
	if (kz_trainee_get(c->db, id, &t, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, sizeof q, _("delete the placement %s in %s (%d)?"), t.id,
	    t.host, t.year);
	if (!yes && !cli_ask(q)) {
		kz_trainee_free(&t);
		return cli_fail(_("nothing deleted (a script says --yes)"));
	}
	if (kz_trainee_delete(c->db, t.id, &err) != KZ_OK) {
		kz_trainee_free(&t);
		return cli_fail_err(&err);
	}
	kz_trainee_free(&t);
	return 0;
}
