/* cli_specialist.c - `kizuna specialist ...` and `kizuna search`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_record.h"
#include "record.h"
#include "i18n.h"
#include "cli_output.h"
#include "specialist.h"
#include "stamp.h"
#include "text.h"

/* Options shared by add and edit, and the filters of list and search;
 * long options only, so they read the same in scripts. */
enum {
	O_NAME = 256, O_ROMAN, O_GOV, O_POST, O_STATUS, O_FIELDS, O_LANGS,
	O_OVERSEAS, O_EMAIL, O_PHONE, O_ADDRESS, O_UNAVAIL, O_NOTES, O_FORMAT,
	O_FIELD, O_LANG, O_FREE, O_LIMIT, O_YES,
};

static const struct option record_opts[] = {
	{ "name", required_argument, NULL, O_NAME },
	{ "roman", required_argument, NULL, O_ROMAN },
	{ "government", required_argument, NULL, O_GOV },
	{ "post", required_argument, NULL, O_POST },
	{ "status", required_argument, NULL, O_STATUS },
	{ "fields", required_argument, NULL, O_FIELDS },
	{ "langs", required_argument, NULL, O_LANGS },
	{ "overseas", required_argument, NULL, O_OVERSEAS },
	{ "email", required_argument, NULL, O_EMAIL },
	{ "phone", required_argument, NULL, O_PHONE },
	{ "address", required_argument, NULL, O_ADDRESS },
	{ "unavailable", required_argument, NULL, O_UNAVAIL },
	{ "notes", required_argument, NULL, O_NOTES },
	{ "format", required_argument, NULL, O_FORMAT },
	{ NULL, 0, NULL, 0 },
};

static const struct option filter_opts[] = {
	{ "field", required_argument, NULL, O_FIELD },
	{ "lang", required_argument, NULL, O_LANG },
	{ "status", required_argument, NULL, O_STATUS },
	{ "free", required_argument, NULL, O_FREE },
	{ "limit", required_argument, NULL, O_LIMIT },
	{ "format", required_argument, NULL, O_FORMAT },
	{ NULL, 0, NULL, 0 },
};

/* Parse add/edit options into s. Returns 0, 1 (reported), 2 (usage). */
static int
parse_record(struct cli *c, int argc, char **argv, struct kz_specialist *s,
    const struct cli_cmd *cmd)
{
	struct kz_err err = { 0 };
	int ch, idx;

	optind = 0;
	opterr = 1;
	while ((ch = getopt_long(argc, argv, "+", record_opts, &idx)) != -1) {
		if (ch == '?')
			return cli_usage(cmd);
		if (ch == O_FORMAT) {
			if (cli_set_format(c, optarg))
				return 1;
			continue;
		}
		cli_record_option(&kz_specialist_type, s, record_opts[idx].name,
		    optarg, &err);
	}
	if (err.n)
		return cli_fail_err(&err);
	return 0;
}

static void
print_record(struct cli *c, const struct kz_specialist *s)
{
	cli_record_print(c, &kz_specialist_type, s);
}

/* ---- add, show, edit, rm ---- */

int
cli_specialist_add(struct cli *c, int argc, char **argv)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };
	int rc;

	kz_specialist_init(&s);
	if ((rc = parse_record(c, argc, argv, &s, cli_find("specialist", "add")))) {
		kz_specialist_free(&s);
		return rc;
	}
	if (optind != argc) {
		kz_specialist_free(&s);
		return cli_usage_extra(cli_find("specialist", "add"),
		    argv[optind]);
	}
	if (kz_specialist_insert(c->db, &s, &err) != KZ_OK) {
		kz_specialist_free(&s);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", s.id);	/* scripts capture the new id */
	else
		print_record(c, &s);
	kz_specialist_free(&s);
	return 0;
}

int
cli_specialist_show(struct cli *c, int argc, char **argv)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", record_opts, NULL)) != -1) {
		if (ch != O_FORMAT)
			return cli_usage(cli_find("specialist", "show"));
		if (cli_set_format(c, optarg))
			return 1;
	}
	if (optind != argc - 1)
		return cli_usage(cli_find("specialist", "show"));
	if (kz_specialist_get(c->db, argv[optind], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	print_record(c, &s);
	kz_specialist_free(&s);
	return 0;
}

int
cli_specialist_edit(struct cli *c, int argc, char **argv)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };
	const struct cli_cmd *cmd = cli_find("specialist", "edit");
	int rc;

	/* ID first, then the changes */
	if (argc < 3 || argv[1][0] == '-')
		return cli_usage(cmd);
	if (kz_specialist_get(c->db, argv[1], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	if ((rc = parse_record(c, argc - 1, argv + 1, &s, cmd)) == 0) {
		if (optind != argc - 1)
			rc = cli_usage(cmd);
		else if (kz_specialist_update(c->db, &s, &err) != KZ_OK)
			rc = cli_fail_err(&err);
		else if (c->format != FMT_TABLE)
			print_record(c, &s);
	}
	kz_specialist_free(&s);
	return rc;
}

int
cli_specialist_rm(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, O_YES },
		{ NULL, 0, NULL, 0 },
	};
	struct kz_specialist s;
	struct kz_err err = { 0 };
	bool yes = false;
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+y", opts, NULL)) != -1) {
		if (ch != O_YES && ch != 'y')
			return cli_usage(cli_find("specialist", "rm"));
		yes = true;
	}
	if (optind != argc - 1)
		return cli_usage(cli_find("specialist", "rm"));
	if (kz_specialist_get(c->db, argv[optind], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (!yes) {
		/* a script must say --yes; a person is asked */
		char q[400];
		bool tty = isatty(STDIN_FILENO);

		snprintf(q, sizeof q, _("delete %s %s (%s)?"), s.id, s.name,
		    s.name_roman);
		if (!tty || !cli_ask(q)) {
			if (tty)
				fputs(_("kizuna: nothing deleted\n"), stderr);
			else
				cli_fail(_("not deleting %s without --yes"),
				    s.id);
			kz_specialist_free(&s);
			return 1;
		}
	}
	if (kz_specialist_delete(c->db, s.id, &err) != KZ_OK) {
		kz_specialist_free(&s);
		return cli_fail_err(&err);
	}
	kz_specialist_free(&s);
	return 0;
}

/* ---- list and search ---- */

static void
print_list(struct cli *c, const struct kz_specialist_rows *l)
{
	if (c->format == FMT_CSV) {
		static const char *const head[] = { "id", "name", "name_roman",
		    "government", "post", "status", "fields", "languages" };
		out_csv_row(stdout, 8, head);
		for (size_t i = 0; i < l->n; i++) {
			const struct kz_specialist_row *r = &l->rows[i];
			const char *v[] = { r->id, r->name, r->name_roman,
			    r->government, r->post, kz_status_name(r->status),
			    r->fields, r->langs };
			out_csv_row(stdout, 8, v);
		}
	} else if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < l->n; i++) {
			const struct kz_specialist_row *r = &l->rows[i];
			fputs("  {\"id\": ", stdout);
			out_json_str(stdout, r->id);
			fputs(", \"name\": ", stdout);
			out_json_str(stdout, r->name);
			fputs(", \"name_roman\": ", stdout);
			out_json_str(stdout, r->name_roman);
			fputs(", \"government\": ", stdout);
			out_json_str(stdout, r->government);
			fputs(", \"post\": ", stdout);
			out_json_str(stdout, *r->post ? r->post : NULL);
			printf(", \"status\": \"%s\", \"fields\": ",
			    kz_status_name(r->status));
			out_json_str(stdout, r->fields);
			fputs(", \"languages\": ", stdout);
			out_json_str(stdout, r->langs);
			puts(i + 1 < l->n ? "}," : "}");
		}
		puts("]");
	} else {
		const char *head[] = { _("ID"), _("NAME"), _("ROMANISED"),
		    _("GOVERNMENT"), _("STATUS"), _("FIELDS") };
		struct out_table t;
		out_table_init(&t, 6, head);
		for (size_t i = 0; i < l->n; i++) {
			const struct kz_specialist_row *r = &l->rows[i];
			const char *v[] = { r->id, r->name, r->name_roman,
			    r->government, _(kz_status_name(r->status)),
			    r->fields };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 30);
		out_table_free(&t);
	}
}

/* Filters shared by list and search; returns 0, 1 or 2 like parse_record. */
static int
parse_filters(struct cli *c, int argc, char **argv, struct kz_specialist_query *q,
    char *lang, size_t langsz, char *from, char *to,
    const struct cli_cmd *cmd)
{
	int ch, v;
	char *colon, *dots;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", filter_opts, NULL)) != -1) {
		switch (ch) {
		case O_FIELD: q->field = optarg; break;
		case O_LANG:
			snprintf(lang, langsz, "%s", optarg);
			if ((colon = strchr(lang, ':')) != NULL) {
				*colon = '\0';
				if ((v = kz_level_parse(colon + 1)) < 0)
					return cli_fail(_("--lang: \"%s\" is not "
					    "a level: use basic, conversational, "
					    "business, fluent or native"),
					    colon + 1);
				q->min_level = v;
			}
			q->lang = lang;
			break;
		case O_STATUS:
			if ((q->status = kz_status_parse(optarg)) < 0)
				return cli_fail(_("--status: \"%s\" is not "
				    "serving or retired"), optarg);
			break;
		case O_FREE:
			if ((dots = strstr(optarg, "..")) != NULL) {
				snprintf(from, 16, "%.*s", (int)(dots - optarg),
				    optarg);
				snprintf(to, 16, "%s", dots + 2);
			} else {
				snprintf(from, 16, "%s", optarg);
				snprintf(to, 16, "%s", optarg);
			}
			q->free_from = from;
			q->free_to = to;
			break;
		case O_LIMIT:
			q->limit = (size_t)strtoul(optarg, NULL, 10);
			break;
		case O_FORMAT:
			if (cli_set_format(c, optarg))
				return 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	return 0;
}

static int
list_or_search(struct cli *c, int argc, char **argv, bool search)
{
	const struct cli_cmd *cmd = search ? cli_find("search", NULL) :
	    cli_find("specialist", "list");
	struct kz_specialist_query q;
	struct kz_specialist_rows l;
	struct kz_err err = { 0 };
	char lang[32], from[16], to[16], text[1024] = "";
	int rc;

	kz_specialist_query_init(&q);
	if ((rc = parse_filters(c, argc, argv, &q, lang, sizeof lang, from, to,
	    cmd)))
		return rc;
	if (search) {
		if (optind >= argc)
			return cli_usage(cmd);
		for (int i = optind; i < argc; i++) {
			strncat(text, " ", sizeof text - strlen(text) - 1);
			strncat(text, argv[i], sizeof text - strlen(text) - 1);
		}
		q.text = text;
	} else if (optind != argc)
		return cli_usage_extra(cmd, argv[optind]);
	if (kz_specialist_search(c->db, &q, &l, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (l.n == 0 && c->format == FMT_TABLE)
		fputs(_("no specialists found\n"), stderr);
	else
		print_list(c, &l);
	kz_specialist_rows_free(&l);
	return 0;
}

int
cli_specialist_list(struct cli *c, int argc, char **argv)
{
	return list_or_search(c, argc, argv, false);
}

int
cli_search(struct cli *c, int argc, char **argv)
{
	return list_or_search(c, argc, argv, true);
}
