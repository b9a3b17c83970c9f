/* cli_participant.c - `kizuna participant ...` and `import participants`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "cli_list.h"
#include "cli_record.h"
#include "record.h"
#include "cli_seminar.h"
#include "country.h"
#include "i18n.h"
#include "cli_output.h"
#include "participant.h"
#include "seminar.h"
#include "seminar_transfer.h"
#include "xalloc.h"

/* The filters of list and count; the options of add and edit come from
 * the participant's table (core/participant.c), made by
 * cli_record_options. */
enum { O_COUNTRY = 1, O_ROLE, O_CONTACTS, O_BY };

#define ROLES		"participant|speaker|interpreter|staff"

struct cli_opt cli_participant_opts[KZ_CLI_RECORD_OPTS];

/* Beside the list's filters (kz_rlist_participants, core/lists.c). */
const struct cli_opt cli_participant_contacts_opts[] = {
	{ .name = "contacts", .key = O_CONTACTS,
	  .help = N_("with personal data: e-mail, phone, needs and notes") },
	{ 0 },
};

const struct cli_opt cli_participant_count_opts[] = {
	{ .name = "by", .arg = "country|role", .key = O_BY,
	  .help = N_("only by country, or only by role") },
	{ 0 },
};

/* The options given that name a field of the table, into p, in their
 * order; 0 or 1 (reported). */
static int
part_apply(const struct cli_args *a, struct kz_participant *p)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++) {
		const struct kz_rfield *f = kz_rtype_field(&kz_participant_type,
		    a->opt[i].opt->name);
		if (f && f->option && strcmp(f->option, a->opt[i].opt->name) == 0)
			cli_record_option(&kz_participant_type, p,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	}
	cli_record_if_updated(a, &kz_participant_type, p, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

int
cli_participant_add(struct cli *c, const struct cli_args *a)
{
	struct kz_participant p;
	struct kz_err err = { 0 };

	kz_participant_init(&p);
	snprintf(p.seminar, sizeof p.seminar, "%s", a->arg[0]);
	if (part_apply(a, &p) != 0) {
		kz_participant_free(&p);
		return 1;
	}
	if (kz_participant_insert(c->db, &p, &err) != KZ_OK) {
		kz_participant_free(&p);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", p.id);	/* scripts capture the new id */
	else
		cli_record_print(c, &kz_participant_type, &p);
	kz_participant_free(&p);
	return 0;
}

int
cli_participant_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;
	int rc;

	kz_rlist_query_init(&q, &kz_rlist_participants);
	q.parent = a->arg[0];
	rc = cli_list(c, a, &q, cli_has(a, O_CONTACTS));
	if (rc == 0 && c->format == FMT_TABLE && q.rows > 0)
		printf(ngettext("%zu participant\n", "%zu participants\n",
		    (unsigned long)q.rows), (size_t)q.rows);
	return rc;
}

int
cli_participant_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_participant p;
	struct kz_err err = { 0 };
	int rc;

	if (kz_participant_get(c->db, a->arg[0], &p, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = part_apply(a, &p)) != 0)
		;
	else if (kz_participant_update(c->db, &p, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		cli_record_print(c, &kz_participant_type, &p);
	kz_participant_free(&p);
	return rc;
}

int
cli_participant_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_participant p;
	struct kz_err err = { 0 };

	if (kz_participant_get(c->db, id, &p, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, size, _("delete participant %s (%s)?"), p.name, p.id);
	kz_participant_free(&p);
	return 0;
}

int
cli_participant_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_participant_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}

static void
counts_print(struct cli *c, const char *by, const struct kz_counts *k,
    bool countries, bool first, bool last)
{
	char name[96], num[24];

	if (c->format == FMT_CSV) {
		if (first) {
			static const char *const head[] = { "by", "key", "name",
			    "count" };
			out_csv_row(stdout, 4, head);
		}
		for (size_t i = 0; i < k->n; i++) {
			const char *cn = countries ?
			    kz_country_name(k->c[i].key) : NULL;
			snprintf(num, sizeof num, "%ld", k->c[i].n);
			const char *v[] = { by, k->c[i].key, countries ?
			    (cn ? cn : "") : k->c[i].key, num };
			out_csv_row(stdout, 4, v);
		}
	} else if (c->format == FMT_JSON) {
		printf("%s\"%s\": {", first ? "{" : "", by);
		for (size_t i = 0; i < k->n; i++) {
			printf("%s", i ? ", " : "");
			out_json_str(stdout, k->c[i].key);
			printf(": %ld", k->c[i].n);
		}
		printf("}%s\n", last ? "}" : ",");
	} else {
		const char *head[] = { by, "", _("COUNT") };
		struct out_table t;

		out_table_init(&t, 3, head);
		for (size_t i = 0; i < k->n; i++) {
			const char *cn = countries ?
			    kz_country_label(k->c[i].key) : NULL;
			snprintf(name, sizeof name, "%s", countries ?
			    (cn ? cn : "") : _(k->c[i].key));
			snprintf(num, sizeof num, "%5ld", k->c[i].n);
			const char *v[] = { countries ? k->c[i].key : name,
			    countries ? name : "", num };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 40);
		out_table_free(&t);
		printf(_("%ld in all\n"), k->total);
		if (!last)
			putchar('\n');
	}
}

int
cli_participant_count(struct cli *c, const struct cli_args *a)
{
	struct kz_counts bc = { 0 }, br = { 0 };
	struct kz_err err = { 0 };
	const char *id = a->arg[0], *by = cli_opt(a, O_BY);
	bool country = true, role = true;

	if (by && strcmp(by, "country") == 0)
		role = false;
	else if (by && strcmp(by, "role") == 0)
		country = false;
	else if (by)
		return cli_fail(_("--by: \"%s\" is not country or role"), by);
	if ((country && kz_participant_count_country(c->db, id, &bc, &err)) ||
	    (role && kz_participant_count_role(c->db, id, &br, &err))) {
		kz_counts_free(&bc);
		return cli_fail_err(&err);
	}
	if (country)
		counts_print(c, c->format == FMT_TABLE ? _("COUNTRY") :
		    "country", &bc, true, true, !role);
	if (role)
		counts_print(c, c->format == FMT_TABLE ? _("ROLE") : "role",
		    &br, false, !country, true);
	kz_counts_free(&bc);
	kz_counts_free(&br);
	return 0;
}

int
cli_import_participants(struct cli *c, const struct cli_args *a)
{
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	const char *id = a->arg[0], *const *args = a->arg;
	bool skip = cli_has(a, CLI_K_SKIP_BAD);
	size_t len;
	char *data;
	int rc;

	if ((data = cli_sem_read(args[1], &len)) == NULL)
		return cli_fail("%s: %s", args[1], strerror(errno));
	rc = kz_import_participants(c->db, id, args[1], data, len, skip, &rep,
	    &err);
	free(data);
	rc = cli_sem_import_done(&rep, rc, &err);
	kz_import_report_free(&rep);
	return rc;
}
