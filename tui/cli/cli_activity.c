/* cli_activity.c - `kizuna support|research|promotion|jet|friendship|repoffice|delegation ...`: one set of handlers for every kind, found by the command's name. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "cli.h"
#include "cli_list.h"
#include "cli_output.h"
#include "cli_record.h"
#include "file.h"
#include "i18n.h"
#include "xalloc.h"

/* The options of add and edit come from each kind's table (filled by
 * cli_record_options), the filters of list and count from its list (by
 * cli_list_options); --by here, its values from the kind. */
struct cli_opt cli_activity_opts[KZ_CLI_ACTIVITIES][KZ_CLI_RECORD_OPTS];
struct cli_opt cli_activity_filters[KZ_CLI_ACTIVITIES][CLI_LIST_OPTS];
struct cli_opt cli_activity_count_opts[KZ_CLI_ACTIVITIES][3];

enum { O_BY = 1, O_SUM };

void
cli_activity_options(void)
{
	static char values[KZ_CLI_ACTIVITIES][200];
	static char sums[KZ_CLI_ACTIVITIES][100];

	for (size_t i = 0; i < KZ_CLI_ACTIVITIES && kz_akinds[i]; i++) {
		char *v = values[i];

		kz_activity_by_list(kz_akinds[i], v, sizeof values[i]);
		/* "year, kind, government" as completion reads values:
		 * "year|kind|government" */
		for (char *p = v, *q = v; ; p++) {
			if (*p == ',' && p[1] == ' ') {
				*q++ = '|';
				p++;
			} else if ((*q++ = *p) == '\0')
				break;
		}
		cli_activity_count_opts[i][0] = (struct cli_opt){ .name = "by",
		    .arg = v, .key = O_BY,
		    .help = N_("what to count by (the year by default)") };
		/* --sum where the kind has whole numbers (JET's people) */
		const struct kz_rtype *rt = kz_akinds[i]->rt;
		size_t n = 0, o = 1;

		for (size_t f = 0; f < rt->n; f++)
			if (rt->f[f].kind == KZ_RK_INT && rt->f[f].column &&
			    rt->f[f].min >= 0 && strcmp(rt->f[f].name,
			    kz_akinds[i]->year ? kz_akinds[i]->year : "") != 0)
				n += (size_t)snprintf(sums[i] + n,
				    sizeof sums[i] - n, "%s%s", n ? "|" : "",
				    rt->f[f].name);
		if (n)
			cli_activity_count_opts[i][o++] = (struct cli_opt){
			    .name = "sum", .arg = sums[i], .key = O_SUM,
			    .help = N_("add up this number rather than count "
			    "records") };
		memset(&cli_activity_count_opts[i][o], 0,
		    sizeof cli_activity_count_opts[i][o]);
	}
}

/* The kind a command is of: its name. */
static const struct kz_akind *
kind_of(const struct cli_args *a)
{
	const struct kz_akind *k = kz_akind_find(a->cmd->name);

	if (k == NULL) {	/* the table names only kinds there are */
		fprintf(stderr, "kizuna: %s: no such kind of record\n",
		    a->cmd->name);
		exit(70);
	}
	return k;
}

/* The options given into rec, in their order; 0 or 1 (reported). */
static int
apply(struct cli *c, const struct cli_args *a, const struct kz_akind *k,
    void *rec)
{
	struct kz_err err = { 0 }, more = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(k->rt, rec, a->opt[i].opt->name,
			    a->opt[i].value, &err);
	cli_record_if_updated(a, k->rt, rec, &err);
	if (err.n == 0)
		return 0;
	/* every problem at once, the record's own checks too */
	kz_activity_validate(c->db, k, rec, &more);
	cli_record_merge(&err, &more);
	return cli_fail_err(&err);
}

int
cli_activity_add(struct cli *c, const struct cli_args *a)
{
	const struct kz_akind *k = kind_of(a);
	void *rec = xmalloc(k->size);
	struct kz_err err = { 0 };
	int rc = 0;

	kz_activity_init(k, rec);
	if (apply(c, a, k, rec) != 0)
		rc = 1;
	else if (kz_activity_insert(c->db, k, rec, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format == FMT_TABLE)
		printf("%s\n", kz_activity_id(k, rec));
	else
		cli_record_print(c, k->rt, rec);
	kz_activity_destroy(k, rec);
	return rc;
}

int
cli_activity_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, kind_of(a)->list);
	return cli_list(c, a, &q, false);
}

int
cli_activity_show(struct cli *c, const struct cli_args *a)
{
	const struct kz_akind *k = kind_of(a);
	void *rec = xmalloc(k->size);
	struct kz_err err = { 0 };
	int rc = 0;

	if (kz_activity_get(c->db, k, a->arg[0], rec, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else
		cli_record_print(c, k->rt, rec);
	kz_activity_destroy(k, rec);
	return rc;
}

int
cli_activity_edit(struct cli *c, const struct cli_args *a)
{
	const struct kz_akind *k = kind_of(a);
	void *rec = xmalloc(k->size);
	struct kz_err err = { 0 };
	int rc = 0;

	if (kz_activity_get(c->db, k, a->arg[0], rec, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (apply(c, a, k, rec) != 0)
		rc = 1;
	else if (kz_activity_update(c->db, k, rec, &err) != KZ_OK)
		rc = cli_fail_err(&err);	/* 3 when stale */
	else if (c->format != FMT_TABLE)
		cli_record_print(c, k->rt, rec);
	kz_activity_destroy(k, rec);
	return rc;
}

int
cli_activity_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_err err = { 0 };

	/* the operand is a stored id by now: the kind is the one whose
	 * table has it */
	for (size_t i = 0; kz_akinds[i]; i++)
		if (kz_record_exists(c->db, kz_akinds[i]->kind, id))
			return kz_activity_delete_question(c->db, kz_akinds[i],
			    id, q, size, &err) == KZ_OK ? 0 :
			    cli_fail_err(&err);
	return cli_fail(_("no record %s"), id);
}

int
cli_activity_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_activity_delete(c->db, kind_of(a), a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}

int
cli_activity_count(struct cli *c, const struct cli_args *a)
{
	const struct kz_akind *k = kind_of(a);
	const char *by = cli_opt(a, O_BY);
	const struct kz_rfield *f = by ? kz_rtype_field(k->rt, by) : NULL;
	struct kz_rlist_query q;
	struct kz_counts n;
	struct kz_err err = { 0 };
	char num[24];

	kz_rlist_query_init(&q, k->list);
	if (cli_list_query(a, &q) != 0)
		return 1;
	if ((cli_has(a, O_SUM) ? kz_activity_sum(c->db, k, &q, by,
	    cli_opt(a, O_SUM), &n, &err) : kz_activity_count(c->db, k, &q, by,
	    &n, &err)) != KZ_OK)
		return cli_fail_err(&err);
	if (c->format == FMT_CSV) {
		const char *head[] = { "key", "count" };

		out_csv_row(stdout, 2, head);
		for (size_t i = 0; i < n.n; i++) {
			snprintf(num, sizeof num, "%ld", n.c[i].n);
			const char *v[] = { n.c[i].key, num };
			out_csv_row(stdout, 2, v);
		}
	} else if (c->format == FMT_JSON) {
		printf("{\"total\": %ld, \"counts\": [", n.total);
		for (size_t i = 0; i < n.n; i++) {
			fputs(i ? ", {\"key\": " : "{\"key\": ", stdout);
			out_json_str(stdout, n.c[i].key);
			printf(", \"count\": %ld}", n.c[i].n);
		}
		puts("]}");
	} else {
		char title[64];
		const char *head[] = { title, _("COUNT") };
		struct out_table t;

		/* the field's label, in capitals as the lists' titles are */
		snprintf(title, sizeof title, "%s", f ? _(f->label) :
		    _("YEAR"));
		if (f)
			for (char *p = title; *p; p++)
				if (*p >= 'a' && *p <= 'z')
					*p = (char)(*p - 'a' + 'A');
		out_table_init(&t, 2, head);
		for (size_t i = 0; i < n.n; i++) {
			/* an enumeration by its label */
			int e = f && f->kind == KZ_RK_ENUM ?
			    kz_enum_parse(f->values, n.c[i].key) : -1;
			const char *v[] = { e >= 0 ? kz_enum_label(f->values, e) :
			    n.c[i].key, num };

			snprintf(num, sizeof num, "%5ld", n.c[i].n);
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 40);
		out_table_free(&t);
		/* TRANSLATORS: "55 in all" under a count's table */
		printf(_("%ld in all\n"), n.total);
	}
	kz_counts_free(&n);
	return 0;
}

int
cli_activity_import(struct cli *c, const struct cli_args *a)
{
	const struct kz_akind *k = kind_of(a);
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	const char *path = a->arg[0];
	size_t len;
	char *data;
	int rc;

	if ((data = kz_file_read(strcmp(path, "-") == 0 ? NULL : path, 0,
	    &len)) == NULL)
		return cli_fail("%s: %s", path, strerror(errno));
	rc = kz_activity_import(c->db, k, path, data, len,
	    cli_has(a, CLI_K_SKIP_BAD), &rep, &err);
	free(data);
	fputs(kz_buf_str(&rep.log), stderr);
	if (rc != KZ_OK)
		cli_fail_err(&err);
	fprintf(stderr, _("%zu rows read, %zu imported, %zu skipped\n"),
	    rep.read, rep.imported, rep.skipped);
	if (rc == KZ_OK && rep.renumbered)
		fprintf(stderr, _("%zu of them came with another office's id "
		    "and were given new ids of office %s\n"), rep.renumbered,
		    c->cfg->office_id);
	kz_import_report_free(&rep);
	return rc == KZ_OK ? 0 : 1;
}

int
cli_activity_export(struct cli *c, const struct cli_args *a)
{
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	struct cli_stream s;

	/* a row at a time to the file, however many */
	if (!cli_stream_open(&s, cli_opt(a, CLI_K_OUTPUT), &out))
		return 1;
	return cli_stream_done(&s, &out, kz_activity_export(c->db,
	    kind_of(a), &out, &err), &err);
}
