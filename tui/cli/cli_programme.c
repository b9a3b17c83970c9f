/* cli_programme.c - `kizuna programme ...`, and its import and export. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "cli_list.h"
#include "cli_record.h"
#include "record.h"
#include "cli_seminar.h"
#include "i18n.h"
#include "cli_output.h"
#include "programme.h"
#include "seminar.h"
#include "seminar_transfer.h"
#include "record.h"
#include "specialist.h"	/* kz_str_set */

/* The options of add and edit come from the item's table
 * (core/programme.c), made by cli_record_options; --force beside them. */
enum { O_FORCE = 100, O_FORMAT, O_WIDTH };

struct cli_opt cli_programme_item_opts[KZ_CLI_RECORD_OPTS];

const struct cli_opt cli_programme_force_opts[] = {
	{ .name = "force", .key = O_FORCE, .flags = CLI_OPT_MORE,
	  .help = N_("keep it even when it clashes with another item") },
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

/* The options given that name a field of the table, into it, in their
 * order, and --force into flags; 0 or 1 (reported). */
static int
item_apply(const struct cli_args *a, struct kz_item *it, unsigned *flags)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++) {
		const char *name = a->opt[i].opt->name;
		const struct kz_rfield *f = kz_rtype_field(
		    &kz_programme_item_type, name);

		if (a->opt[i].opt->key == O_FORCE)
			*flags |= KZ_ITEM_FORCE;
		else if ((f && f->option && strcmp(f->option, name) == 0) ||
		    strcmp(name, "tr") == 0)
			cli_record_option(&kz_programme_item_type, it, name,
			    a->opt[i].value, &err);
	}
	cli_record_if_updated(a, &kz_programme_item_type, it, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

/* One item as the list prints it (CSV or JSON), through the list's
 * declaration (kz_rlist_items, core/lists.c). */
static int
item_print(struct cli *c, const struct kz_item *it)
{
	struct kz_rlist_query q;
	struct cli_args none = { 0 };

	kz_rlist_query_init(&q, &kz_rlist_items);
	q.parent = it->seminar;
	q.value[0] = it->id;	/* the "id" filter, first */
	return cli_list(c, &none, &q, false);
}

int
cli_programme_add(struct cli *c, const struct cli_args *a)
{
	struct kz_item it;
	struct kz_err err = { 0 }, warn = { 0 };
	unsigned flags = 0;
	int rc = 0;

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
		rc = item_print(c, &it);
	kz_programme_item_free(&it);
	return rc;
}

int
cli_programme_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_items);
	q.parent = a->arg[0];
	return cli_list(c, a, &q, false);
}

/* One item from its table: a labelled line a field, CSV or JSON. */
int
cli_programme_show(struct cli *c, const struct cli_args *a)
{
	struct kz_item it;
	struct kz_err err = { 0 };

	if (kz_programme_item_get(c->db, a->arg[0], &it, &err) != KZ_OK)
		return cli_fail_err(&err);
	cli_record_print(c, &kz_programme_item_type, &it);
	kz_programme_item_free(&it);
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
			rc = item_print(c, &it);
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
	    kz_rtype_in(&kz_programme_item_type, "title", &it));
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
