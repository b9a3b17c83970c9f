/* cli_specialist.c - `kizuna specialist ...` and `kizuna search`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_record.h"
#include "record.h"
#include "i18n.h"
#include "cli_list.h"
#include "specialist.h"
#include "stamp.h"
#include "xalloc.h"

/* The options of add and edit come from the register's table
 * (core/specialist.c), made by cli_record_options; list and search
 * print kz_rlist_specialists (core/lists.c) through cli_list. */
struct cli_opt cli_specialist_opts[KZ_CLI_RECORD_OPTS];

enum { O_FORCE = 100 };	/* above the table's keys (one a field) */

const struct cli_opt cli_specialist_add_opts[] = {
	{ .name = "force", .key = O_FORCE, .flags = CLI_OPT_MORE,
	  .help = N_("register a different person though one of the same "
	  "name and government is registered") },
	{ 0 },
};
const struct cli_opt cli_specialist_edit_opts[] = {
	{ .name = "force", .key = O_FORCE, .flags = CLI_OPT_MORE,
	  .help = N_("keep a change of name or government though a person "
	  "of the same name and government is registered") },
	{ 0 },
};

/* The options given into s, in their order; 0 or 1 (reported). */
static int
apply_record(struct cli *c, const struct cli_args *a, struct kz_specialist *s)
{
	struct kz_err err = { 0 }, more = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0 && a->opt[i].opt->key != O_FORCE)
			cli_record_option(&kz_specialist_type, s,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_specialist_type, s, &err);
	if (err.n == 0)
		return 0;
	/* every problem at once: a bad level, and an unknown field too */
	kz_specialist_validate(c->db, s, &more);
	cli_record_merge(&err, &more);
	return cli_fail_err(&err);
}

static void
print_record(struct cli *c, const struct kz_specialist *s)
{
	cli_record_print(c, &kz_specialist_type, s);
}

/* ---- add, show, edit, rm ---- */

int
cli_specialist_add(struct cli *c, const struct cli_args *a)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };
	char same[KZ_ID_SIZE];
	int rc;

	kz_specialist_init(&s);
	if ((rc = apply_record(c, a, &s))) {
		kz_specialist_free(&s);
		return rc;
	}
	/* the rule a CSV import skips a row by: a person registered twice
	 * only when the command says it is someone else; what is wrong
	 * with the record is said first */
	if (!cli_has(a, O_FORCE) && kz_specialist_validate(c->db, &s,
	    &err) == KZ_OK && kz_specialist_same(c->db, &s, same)) {
		kz_err_add(&err, "name", _("the same person is registered "
		    "as %s (%s, %s, %s); --force registers a different "
		    "person of the same name"), same, s.name, s.name_roman,
		    s.government);
		kz_specialist_free(&s);
		return cli_fail_err(&err);
	}
	kz_err_clear(&err);
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
cli_specialist_show(struct cli *c, const struct cli_args *a)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	if (kz_specialist_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	print_record(c, &s);
	kz_specialist_free(&s);
	return 0;
}

/* Who s is by the rule of a person registered twice: the name,
 * romanised name and government. */
static void
who(const struct kz_specialist *s, char *out, size_t size)
{
	snprintf(out, size, "%s\n%s\n%s", s->name ? s->name : "",
	    s->name_roman ? s->name_roman : "", s->government ?
	    s->government : "");
}

int
cli_specialist_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };
	char same[KZ_ID_SIZE], was[1024], now[1024];
	int rc;

	if (kz_specialist_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	who(&s, was, sizeof was);
	if ((rc = apply_record(c, a, &s)) != 0) {
		kz_specialist_free(&s);
		return rc;
	}
	who(&s, now, sizeof now);
	/* renamed, or moved, into a person registered already: as add */
	if (strcmp(was, now) != 0 && !cli_has(a, O_FORCE) &&
	    kz_specialist_validate(c->db, &s, &err) == KZ_OK &&
	    kz_specialist_same(c->db, &s, same)) {
		kz_err_add(&err, "name", _("the same person is registered "
		    "as %s (%s, %s, %s); --force keeps the change for a "
		    "different person of the same name"), same, s.name,
		    s.name_roman, s.government);
		kz_specialist_free(&s);
		return cli_fail_err(&err);
	}
	kz_err_clear(&err);
	if (kz_specialist_update(c->db, &s, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		print_record(c, &s);
	kz_specialist_free(&s);
	return rc;
}

int
cli_specialist_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	if (kz_specialist_get(c->db, id, &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, size, _("delete %s %s (%s)?"), s.id, s.name, s.name_roman);
	kz_specialist_free(&s);
	return 0;
}

int
cli_specialist_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_specialist_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}

/* ---- list and search ---- */

int
cli_specialist_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	return cli_list(c, a, &q, false);
}

int
cli_search(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;
	struct kz_buf text = { 0 };
	int rc;

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	for (int i = 0; i < a->narg; i++)
		kz_buf_printf(&text, " %s", a->arg[i]);
	if (text.oom)
		xalloc_die();
	if (a->narg)
		kz_rlist_set(&q, "text", kz_buf_str(&text));
	rc = cli_list(c, a, &q, false);
	kz_buf_free(&text);
	return rc;
}
