/* cli_trainee.c - `kizuna trainee ...`: placements of officials in Japan. */
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
#include "text.h"
#include "trainee.h"

/* The options of add and edit come from the placement's table
 * (core/trainee.c), made by cli_record_options; the filters of list and
 * count from the list's (core/lists.c), made by cli_list_options. */
enum { O_BY = 1 };

struct cli_opt cli_trainee_opts[KZ_CLI_RECORD_OPTS];

const struct cli_opt cli_trainee_count_opts[] = {
	{ .name = "by", .arg = "year|host|region|programme|status",
	  .key = O_BY, .help = N_("what to count by (year by default)") },
	{ 0 },
};

/* The options given into t, in their order; 0 or 1 (reported). */
static int
tr_apply(struct cli *c, const struct cli_args *a, struct kz_trainee *t)
{
	struct kz_err err = { 0 }, more = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_trainee_type, t,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_trainee_type, t, &err);
	if (err.n == 0)
		return 0;
	/* every problem at once, the record's own checks too */
	kz_trainee_validate(c->db, t, &more);
	cli_record_merge(&err, &more);
	return cli_fail_err(&err);
}

int
cli_trainee_add(struct cli *c, const struct cli_args *a)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };

	kz_trainee_init(&t);
	if (tr_apply(c, a, &t) != 0) {
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
		cli_record_print(c, &kz_trainee_type, &t);
	kz_trainee_free(&t);
	return 0;
}

int
cli_trainee_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_trainees);
	return cli_list(c, a, &q, false);
}

int
cli_trainee_count(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;
	struct kz_counts k;
	struct kz_err err = { 0 };
	const char *byv = cli_opt(a, O_BY);
	int by = byv ? kz_trainee_by_parse(byv) : KZ_TR_BY_YEAR;
	char num[24];

	if (by < 0)
		return cli_fail(_("--by: \"%s\" is not year, host, region, "
		    "programme or status"), byv);
	kz_rlist_query_init(&q, &kz_rlist_trainees);
	cli_list_query(a, &q);	/* count takes no --limit */
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
			/* a status or a programme by its label:
			 * "withdrawn" of a placement is not a request's */
			const struct kz_enum *e = by == KZ_TR_BY_STATUS ?
			    &kz_trainee_status_enum : by == KZ_TR_BY_PROGRAMME ?
			    &kz_trainee_programme_enum : NULL;
			const char *v[] = { e ? kz_enum_label(e,
			    kz_enum_parse(e, k.c[i].key)) : k.c[i].key, num };
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
	cli_record_print(c, &kz_trainee_type, &t);
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
	if ((rc = tr_apply(c, a, &t)) != 0)
		;
	else if (kz_trainee_update(c->db, &t, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		cli_record_print(c, &kz_trainee_type, &t);
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
