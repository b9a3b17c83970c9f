/* cli_opening.c - `kizuna opening ...`: a programme's figures from before its records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_list.h"
#include "cli_record.h"
#include "cli_report.h"
#include "i18n.h"
#include "opening.h"
#include "tally.h"

/* The options of add and edit come from the figure's table
 * (core/opening.c), made by cli_record_options. */
struct cli_opt cli_opening_opts[KZ_CLI_RECORD_OPTS];

/* The options given into o, in their order; 0 or 1 (reported). */
static int
op_apply(struct cli *c, const struct cli_args *a, struct kz_opening *o)
{
	struct kz_err err = { 0 }, more = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_opening_type, o,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_opening_type, o, &err);
	if (err.n == 0)
		return 0;
	kz_opening_validate(c->db, o, &more);
	cli_record_merge(&err, &more);
	return cli_fail_err(&err);
}

int
cli_opening_add(struct cli *c, const struct cli_args *a)
{
	struct kz_opening o;
	struct kz_err err = { 0 };

	kz_opening_init(&o);
	if (op_apply(c, a, &o) != 0) {
		kz_opening_free(&o);
		return 1;
	}
	if (kz_opening_insert(c->db, &o, &err) != KZ_OK) {
		kz_opening_free(&o);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", o.id);
	else
		cli_record_print(c, &kz_opening_type, &o);
	kz_opening_free(&o);
	return 0;
}

int
cli_opening_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_openings);
	return cli_list(c, a, &q, false);
}

int
cli_opening_show(struct cli *c, const struct cli_args *a)
{
	struct kz_opening o;
	struct kz_err err = { 0 };

	if (kz_opening_get(c->db, a->arg[0], &o, &err) != KZ_OK)
		return cli_fail_err(&err);
	cli_record_print(c, &kz_opening_type, &o);
	kz_opening_free(&o);
	return 0;
}

int
cli_opening_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_opening o;
	struct kz_err err = { 0 };
	int rc;

	if (kz_opening_get(c->db, a->arg[0], &o, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = op_apply(c, a, &o)) != 0)
		;
	else if (kz_opening_update(c->db, &o, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		cli_record_print(c, &kz_opening_type, &o);
	kz_opening_free(&o);
	return rc;
}

int
cli_opening_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_err err = { 0 };

	if (kz_opening_delete_question(c->db, id, q, size, &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}

int
cli_opening_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_opening_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}
