/* cli_programme.c - `kizuna programme ...`, and its import and export. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "cli_seminar.h"
#include "i18n.h"
#include "cli_output.h"
#include "programme.h"
#include "seminar.h"
#include "seminar_transfer.h"
#include "record.h"
#include "specialist.h"	/* kz_str_set */

enum {
	O_DATE = 256, O_START, O_END, O_TZ, O_CITY, O_VENUE, O_KIND, O_TITLE,
	O_NOTES, O_FORCE, O_FORMAT, O_SKIP, O_OUTPUT, O_WIDTH,
};

static const struct option item_opts[] = {
	{ "date", required_argument, NULL, O_DATE },
	{ "start", required_argument, NULL, O_START },
	{ "end", required_argument, NULL, O_END },
	{ "tz", required_argument, NULL, O_TZ },
	{ "city", required_argument, NULL, O_CITY },
	{ "venue", required_argument, NULL, O_VENUE },
	{ "kind", required_argument, NULL, O_KIND },
	{ "title", required_argument, NULL, O_TITLE },
	{ "notes", required_argument, NULL, O_NOTES },
	{ "force", no_argument, NULL, O_FORCE },
	{ "format", required_argument, NULL, O_FORMAT },
	{ NULL, 0, NULL, 0 },
};

static void
time_opt(const char *opt, const char *v, char out[6], struct kz_err *err)
{
	out[0] = '\0';
	if (*v && !kz_time_normalise(v, out))
		kz_err_add(err, opt + 2, _("%s: \"%s\" is not a time HH:MM"), opt,
		    v);
}

/* Options into the item; 0, 1 (reported) or 2 (usage). */
static int
item_parse(struct cli *c, int argc, char **argv, struct kz_item *it,
    unsigned *flags)
{
	struct kz_err err = { 0 };
	int ch, k;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", item_opts, NULL)) != -1) {
		switch (ch) {
		case O_DATE:
			kz_copy_value(it->date, sizeof it->date, optarg, "date",
			    _("date"), &err);
			break;
		case O_START: time_opt("--start", optarg, it->start, &err); break;
		case O_END: time_opt("--end", optarg, it->end, &err); break;
		case O_TZ:
			kz_copy_value(it->tz, sizeof it->tz, optarg, "tz",
			    _("time zone"), &err);
			break;
		case O_CITY: kz_str_set(&it->city, optarg); break;
		case O_VENUE: kz_str_set(&it->venue, optarg); break;
		case O_KIND:
			if ((k = kz_kind_parse(optarg)) < 0)
				kz_err_add(&err, "kind", _("\"%s\" is not a kind "
				    "of item: arrival, lecture, briefing, visit, "
				    "courtesy-call, opinion-exchange, session, "
				    "reception, travel or departure"), optarg);
			else
				it->kind = (enum kz_kind)k;
			break;
		case O_TITLE: kz_str_set(&it->title, optarg); break;
		case O_NOTES: kz_str_set(&it->notes, optarg); break;
		case O_FORCE: *flags |= KZ_ITEM_FORCE; break;
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

static void
item_time(const struct kz_item *it, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", it->start, it->end[0] ? "-" : "",
	    it->end);
}

static void
items_print(struct cli *c, const struct kz_item *l, size_t n)
{
	char when[16], seq[16];

	if (c->format == FMT_CSV) {
		static const char *const head[] = { "id", "date", "start", "end",
		    "timezone", "city", "venue", "kind", "title", "notes" };
		out_csv_row(stdout, 10, head);
		for (size_t i = 0; i < n; i++) {
			const struct kz_item *it = &l[i];
			const char *v[] = { it->id, it->date, it->start, it->end,
			    it->tz, it->city, it->venue, kz_kind_name(it->kind),
			    it->title, it->notes };
			out_csv_row(stdout, 10, v);
		}
	} else if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < n; i++) {
			const struct kz_item *it = &l[i];
			const char *k[] = { "id", "date", "start", "end",
			    "timezone", "city", "venue", "kind", "title",
			    "notes" };
			const char *v[] = { it->id, it->date, it->start, it->end,
			    it->tz, it->city, it->venue, kz_kind_name(it->kind),
			    it->title, it->notes };
			fputs("  {", stdout);
			for (int j = 0; j < 10; j++) {
				printf("%s\"%s\": ", j ? ", " : "", k[j]);
				out_json_str(stdout, v[j] && *v[j] ? v[j] : NULL);
			}
			snprintf(seq, sizeof seq, "%d", it->sequence);
			printf(", \"sequence\": %s}%s\n", seq,
			    i + 1 < n ? "," : "");
		}
		puts("]");
	} else {
		const char *head[] = { _("ID"), _("DATE"), _("TIME"), _("CITY"),
		    _("VENUE"), _("KIND"), _("TITLE") };
		struct out_table t;

		out_table_init(&t, 7, head);
		for (size_t i = 0; i < n; i++) {
			const struct kz_item *it = &l[i];

			item_time(it, when, sizeof when);
			const char *v[] = { it->id, it->date, when, it->city,
			    it->venue, _(kz_kind_label(it->kind)), it->title };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 40);
		out_table_free(&t);
	}
}

int
cli_programme_add(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("programme", "add");
	struct kz_item it;
	struct kz_err err = { 0 }, warn = { 0 };
	unsigned flags = 0;
	int rc;

	if (argc < 2 || argv[1][0] == '-')
		return cli_usage(cmd);
	kz_programme_item_init(&it);
	if (kz_seminar_resolve(c->db, argv[1], it.seminar, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	if ((rc = item_parse(c, argc - 1, argv + 1, &it, &flags)) != 0 ||
	    optind != argc - 1) {
		kz_programme_item_free(&it);
		return rc == 1 ? 1 : cli_usage(cmd);
	}
	if (kz_programme_item_insert(c->db, &it, flags, &err, &warn) != KZ_OK) {
		kz_programme_item_free(&it);
		cli_fail_err(&err);
		if (kz_err_for(&err, "clash"))
			fputs(_("kizuna: add --force to keep both\n"), stderr);
		return 1;
	}
	cli_sem_warnings(&warn);
	if (c->format == FMT_TABLE)
		printf("%s\n", it.id);
	else
		items_print(c, &it, 1);
	kz_programme_item_free(&it);
	return 0;
}

int
cli_programme_list(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("programme", "list");
	struct kz_item *l, filter;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];
	unsigned flags = 0;
	size_t n, k = 0;
	int rc;

	if (argc < 2 || argv[1][0] == '-')
		return cli_usage(cmd);
	if (kz_seminar_resolve(c->db, argv[1], id, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	kz_programme_item_init(&filter);
	rc = item_parse(c, argc - 1, argv + 1, &filter, &flags);
	/* only --date filters */
	if (rc == 0 && (optind != argc - 1 || filter.title || filter.city ||
	    filter.start[0]))
		rc = 2;
	if (rc) {
		kz_programme_item_free(&filter);
		return rc == 1 ? 1 : cli_usage(cmd);
	}
	if (kz_programme_item_list(c->db, id, &l, &n, &err) != KZ_OK) {
		kz_programme_item_free(&filter);
		return cli_fail_err(&err);
	}
	for (size_t i = 0; i < n; i++) {
		if (filter.date[0] && strcmp(l[i].date, filter.date) != 0) {
			kz_programme_item_free(&l[i]);
			continue;
		}
		l[k++] = l[i];
	}
	if (k == 0 && c->format == FMT_TABLE)
		fputs(_("no programme items\n"), stderr);
	else
		items_print(c, l, k);
	kz_programme_item_list_free(l, k);
	kz_programme_item_free(&filter);
	return 0;
}

int
cli_programme_edit(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("programme", "edit");
	struct kz_item it;
	struct kz_err err = { 0 }, warn = { 0 };
	unsigned flags = 0;
	int rc;

	if (argc < 3 || argv[1][0] == '-')
		return cli_usage(cmd);
	if (kz_programme_item_get(c->db, argv[1], &it, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	if ((rc = item_parse(c, argc - 1, argv + 1, &it, &flags)) != 0 ||
	    optind != argc - 1)
		rc = rc == 1 ? 1 : cli_usage(cmd);
	else if (kz_programme_item_update(c->db, &it, flags, &err, &warn) != KZ_OK) {
		rc = cli_fail_err(&err);
		if (kz_err_for(&err, "clash"))
			fputs(_("kizuna: add --force to keep both\n"), stderr);
	} else {
		cli_sem_warnings(&warn);
		if (c->format != FMT_TABLE)
			items_print(c, &it, 1);
	}
	kz_programme_item_free(&it);
	return rc;
}

int
cli_programme_rm(struct cli *c, int argc, char **argv)
{
	struct kz_item it;
	struct kz_err err = { 0 };
	const char *id;
	char q[400];
	bool yes;

	if (cli_sem_rm_args(argc, argv, &id, &yes))
		return cli_usage(cli_find("programme", "rm"));
	if (kz_programme_item_get(c->db, id, &it, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, sizeof q, _("delete %s %s \"%s\"?"), it.date, it.start,
	    it.title);
	if (!yes && !cli_ask(q)) {
		kz_programme_item_free(&it);
		return cli_fail(_("nothing deleted (a script says --yes)"));
	}
	if (kz_programme_item_delete(c->db, it.id, &err) != KZ_OK) {
		kz_programme_item_free(&it);
		return cli_fail_err(&err);
	}
	kz_programme_item_free(&it);
	return 0;
}

int
cli_import_programme(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "skip-bad", no_argument, NULL, O_SKIP },
		{ "force", no_argument, NULL, O_FORCE },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_cmd *cmd = cli_find("import", "programme");
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];
	bool skip = false, force = false;
	size_t len;
	char *data;
	int ch, rc;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (ch == O_SKIP)
			skip = true;
		else if (ch == O_FORCE)
			force = true;
		else
			return cli_usage(cmd);
	}
	if (optind != argc - 2)
		return cli_usage(cmd);
	if (kz_seminar_resolve(c->db, argv[optind], id, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((data = cli_sem_read(argv[optind + 1], &len)) == NULL)
		return cli_fail("%s: %s", argv[optind + 1], strerror(errno));
	rc = kz_import_programme(c->db, id, argv[optind + 1], data, len, skip,
	    force, &rep, &err);
	free(data);
	rc = cli_sem_import_done(&rep, rc, &err);
	kz_import_report_free(&rep);
	return rc;
}

int
cli_export_programme(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, O_FORMAT },
		{ "output", required_argument, NULL, O_OUTPUT },
		{ "width", required_argument, NULL, O_WIDTH },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_cmd *cmd = cli_find("export", "programme");
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	const char *format = "txt", *path = NULL, *edition = NULL;
	int ch, width = 80, rc;

	optind = 0;
	/* the edition may come before the options or after them */
	if (argc > 1 && argv[1][0] != '-') {
		edition = argv[1];
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	while ((ch = getopt_long(argc, argv, "+o:", opts, NULL)) != -1) {
		switch (ch) {
		case O_FORMAT: format = optarg; break;
		case 'o':
		case O_OUTPUT: path = optarg; break;
		case O_WIDTH:
			if (!cli_dsp_int("--width", optarg, 40, 400, &width))
				return 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (edition == NULL && optind == argc - 1)
		edition = argv[optind++];
	if (edition == NULL || optind != argc)
		return cli_usage(cmd);
	if (strcmp(format, "ics") == 0)
		rc = kz_programme_ics(c->db, edition, &out, &err);
	else if (strcmp(format, "txt") == 0 || strcmp(format, "text") == 0)
		rc = kz_programme_text(c->db, edition, width, &out, &err);
	else if (strcmp(format, "csv") == 0)
		rc = kz_programme_csv(c->db, edition, &out, &err);
	else
		return cli_fail(_("--format: \"%s\" is not ics, txt or csv"),
		    format);
	if (rc != KZ_OK) {
		kz_buf_free(&out);
		return cli_fail_err(&err);
	}
	if (out_write_file(path, kz_buf_str(&out), out.len) != 0) {
		int e = errno;
		kz_buf_free(&out);
		return cli_fail("%s: %s", path ? path : _("standard output"),
		    strerror(e));
	}
	kz_buf_free(&out);
	return 0;
}
