/* cli_trainee.c - `kizuna trainee ...`: placements of officials in Japan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "cli_record.h"
#include "record.h"
#include "cli_seminar.h"
#include "i18n.h"
#include "cli_output.h"
#include "text.h"
#include "trainee.h"

/* The filters of list and count. The options of add and edit come from
 * the placement's table (core/trainee.c), made by cli_record_options. */
enum { O_HOST = 1, O_REGION, O_YEAR, O_STATUS, O_PROGRAMME, O_SEARCH, O_BY };

#define PROGRAMMES	"lgotp|jica|other"
#define STATUSES	"planned|ongoing|completed|withdrawn"

struct cli_opt cli_trainee_opts[KZ_CLI_RECORD_OPTS];

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

/* The options given into t, in their order; 0 or 1 (reported). */
static int
tr_apply(const struct cli_args *a, struct kz_trainee *t)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_trainee_type, t,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_trainee_type, t, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

static const char *
shown_name(const struct kz_trainee *t)
{
	return t->name ? t->name : t->name_roman ? t->name_roman : "";
}

/* The placements of a list: a table, or every field as the table of
 * fields has them in CSV or JSON, as `trainee show` gives one. */
static void
tr_print(struct cli *c, const struct kz_trainee *l, size_t n)
{
	char year[16], period[32];
	struct kz_buf b = { 0 };

	if (c->format == FMT_CSV || c->format == FMT_JSON) {
		if (c->format == FMT_CSV)
			kz_rtype_csv_header(&kz_trainee_type, true, &b);
		else
			kz_buf_puts(&b, "[");
		for (size_t i = 0; i < n; i++) {
			if (c->format == FMT_CSV) {
				kz_rtype_csv_row(&kz_trainee_type, &l[i], true,
				    &b);
				continue;
			}
			kz_buf_puts(&b, i ? ",\n" : "\n");
			kz_rtype_json(&kz_trainee_type, &l[i], &b);
			if (b.len && b.s[b.len - 1] == '\n')
				b.s[--b.len] = '\0';
		}
		if (c->format == FMT_JSON)
			kz_buf_puts(&b, "\n]\n");
		if (b.oom)
			cli_fail("%s", _("out of memory"));
		else
			fputs(kz_buf_str(&b), stdout);
		kz_buf_free(&b);
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
		    kz_enum_label(&kz_trainee_status_enum, l[i].status),
		    shown_name(&l[i]) };
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
		cli_record_print(c, &kz_trainee_type, &t);
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
			if ((q->status = kz_enum_parse(&kz_trainee_status_enum,
			    val)) < 0)
				return cli_fail(_("--status: \"%s\" is not "
				    "planned, ongoing, completed or withdrawn"),
				    val);
			break;
		case O_PROGRAMME:
			if ((q->programme = kz_enum_parse(
			    &kz_trainee_programme_enum, val)) < 0)
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
		tr_print(c, l, n);
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
			/* a status by its label: "withdrawn" of a
			 * placement is not a request's */
			const struct kz_enum *e = &kz_trainee_status_enum;
			const char *v[] = { by == KZ_TR_BY_STATUS ?
			    kz_enum_label(e, kz_enum_parse(e, k.c[i].key)) :
			    k.c[i].key, num };
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
	if ((rc = tr_apply(a, &t)) != 0)
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
