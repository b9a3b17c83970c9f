/* cli_programme.c - `kizuna programme ...`, and its import and export. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "record.h"
#include "cli_seminar.h"
#include "i18n.h"
#include "cli_output.h"
#include "programme.h"
#include "seminar.h"
#include "seminar_transfer.h"
#include "record.h"
#include "specialist.h"	/* kz_str_set */

enum {
	O_DATE = 1, O_START, O_END, O_TZ, O_CITY, O_VENUE, O_KIND, O_TITLE,
	O_NOTES, O_FORCE, O_FORMAT, O_WIDTH,
};

#define MORE		CLI_OPT_MORE
#define NEEDED		(CLI_OPT_MORE | CLI_OPT_NEEDED)

const struct cli_opt cli_programme_opts[] = {
	{ .name = "date", .arg = "DATE", .key = O_DATE, .flags = NEEDED,
	  .help = N_("the day") },
	{ .name = "start", .arg = "HH:MM", .key = O_START, .flags = MORE,
	  .help = N_("when it starts, at the venue (none: all day)") },
	{ .name = "end", .arg = "HH:MM", .key = O_END, .flags = MORE,
	  .help = N_("when it ends") },
	{ .name = "tz", .arg = "ZONE", .key = O_TZ, .flags = MORE,
	  .help = N_("the venue's time zone (by default from the city)") },
	{ .name = "city", .arg = "TEXT", .key = O_CITY, .flags = MORE,
	  .help = N_("the city") },
	{ .name = "venue", .arg = "TEXT", .key = O_VENUE, .flags = MORE,
	  .help = N_("the venue") },
	{ .name = "kind", .arg = "KIND", .key = O_KIND, .flags = NEEDED,
	  .help = N_("arrival, lecture, briefing, visit, session, ...") },
	{ .name = "title", .arg = "TEXT", .key = O_TITLE, .flags = NEEDED,
	  .help = N_("its title") },
	{ .name = "notes", .arg = "TEXT", .key = O_NOTES, .flags = MORE,
	  .help = N_("notes") },
	{ .name = "force", .key = O_FORCE, .flags = MORE,
	  .help = N_("keep it even when it clashes with another item") },
	{ 0 },
};

const struct cli_opt cli_programme_filters[] = {
	{ .name = "date", .arg = "DATE", .key = O_DATE,
	  .help = N_("only this day") },
	{ 0 },
};

const struct cli_opt cli_import_programme_opts[] = {
	{ .name = "force", .key = O_FORCE,
	  .help = N_("keep items that clash, with a warning") },
	{ 0 },
};

const struct cli_opt cli_export_programme_opts[] = {
	{ .name = "format", .arg = "ics|txt|csv", .key = O_FORMAT,
	  .help = N_("iCalendar, printable text (the default) or CSV") },
	{ .name = "width", .arg = "N", .key = O_WIDTH,
	  .help = N_("columns of the text (80)") },
	{ 0 },
};

static void
time_opt(const char *opt, const char *v, char out[6], struct kz_err *err)
{
	out[0] = '\0';
	if (*v && !kz_time_normalise(v, out))
		kz_err_add(err, opt + 2, _("%s: \"%s\" is not a time HH:MM"), opt,
		    v);
}

/* One option into the item; problems go into err. */
static void
item_opt(struct kz_item *it, unsigned *flags, int key, const char *v,
    struct kz_err *err)
{
	int k;

	switch (key) {
	case O_DATE:
		kz_copy_value(it->date, sizeof it->date, v, "date", _("date"),
		    err);
		break;
	case O_START: time_opt("--start", v, it->start, err); break;
	case O_END: time_opt("--end", v, it->end, err); break;
	case O_TZ:
		kz_copy_value(it->tz, sizeof it->tz, v, "tz", _("time zone"),
		    err);
		break;
	case O_CITY: kz_str_set(&it->city, v); break;
	case O_VENUE: kz_str_set(&it->venue, v); break;
	case O_KIND:
		if ((k = kz_kind_parse(v)) < 0) {
			char list[200];
			kz_enum_list(&kz_item_kind_enum, list, sizeof list);
			kz_err_add(err, "kind", _("\"%s\" is not a kind "
			    "of item: %s"), v, list);
		} else
			it->kind = (enum kz_kind)k;
		break;
	case O_TITLE: kz_str_set(&it->title, v); break;
	case O_NOTES: kz_str_set(&it->notes, v); break;
	case O_FORCE: *flags |= KZ_ITEM_FORCE; break;
	}
}

/* The options given into the item, in their order; 0 or 1 (reported). */
static int
item_apply(const struct cli_args *a, struct kz_item *it, unsigned *flags)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		item_opt(it, flags, a->opt[i].opt->key, a->opt[i].value, &err);
	return err.n ? cli_fail_err(&err) : 0;
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
cli_programme_add(struct cli *c, const struct cli_args *a)
{
	struct kz_item it;
	struct kz_err err = { 0 }, warn = { 0 };
	unsigned flags = 0;

	kz_programme_item_init(&it);
	snprintf(it.seminar, sizeof it.seminar, "%s", a->arg[0]);
	if (item_apply(a, &it, &flags) != 0) {
		kz_programme_item_free(&it);
		return 1;
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
cli_programme_list(struct cli *c, const struct cli_args *a)
{
	struct kz_item *l, filter;
	struct kz_err err = { 0 };
	unsigned flags = 0;
	size_t n, k = 0;

	kz_programme_item_init(&filter);
	if (item_apply(a, &filter, &flags) != 0) {
		kz_programme_item_free(&filter);
		return 1;
	}
	if (kz_programme_item_list(c->db, a->arg[0], &l, &n, &err) != KZ_OK) {
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
cli_programme_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_item it;
	struct kz_err err = { 0 }, warn = { 0 };
	unsigned flags = 0;
	int rc;

	if (kz_programme_item_get(c->db, a->arg[0], &it, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = item_apply(a, &it, &flags)) != 0)
		;
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
cli_programme_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_item it;
	struct kz_err err = { 0 };

	if (kz_programme_item_get(c->db, id, &it, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, size, _("delete %s %s \"%s\"?"), it.date, it.start,
	    it.title);
	kz_programme_item_free(&it);
	return 0;
}

int
cli_programme_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_programme_item_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}

int
cli_import_programme(struct cli *c, const struct cli_args *a)
{
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	const char *id = a->arg[0], *path = a->arg[1];
	bool skip = cli_has(a, CLI_K_SKIP_BAD), force = cli_has(a, O_FORCE);
	size_t len;
	char *data;
	int rc;

	if ((data = cli_sem_read(path, &len)) == NULL)
		return cli_fail("%s: %s", path, strerror(errno));
	rc = kz_import_programme(c->db, id, path, data, len, skip, force, &rep,
	    &err);
	free(data);
	rc = cli_sem_import_done(&rep, rc, &err);
	kz_import_report_free(&rep);
	return rc;
}

int
cli_export_programme(struct cli *c, const struct cli_args *a)
{
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	const char *format = cli_opt(a, O_FORMAT), *path = cli_opt(a,
	    CLI_K_OUTPUT), *edition = a->arg[0], *w = cli_opt(a, O_WIDTH);
	int width = 80, rc;

	if (format == NULL)
		format = "txt";
	if (w && !cli_dsp_int("--width", w, 40, 400, &width))
		return 1;
	if (strcmp(format, "ics") == 0)
		rc = kz_programme_ics(c->db, edition, &out, &err);
	else if (strcmp(format, "txt") == 0 || strcmp(format, "text") == 0)
		rc = kz_programme_text(c->db, edition, width, &out, &err);
	else if (strcmp(format, "csv") == 0)
		rc = kz_programme_csv(c->db, edition, &out, &err);
	else
		return cli_fail(_("--format: \"%s\" is not ics, txt or csv"),
		    format);
	return cli_export_done(path, &out, rc, &err);
}
