/* cli_participant.c - `kizuna participant ...` and `import participants`. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "record.h"
#include "cli_seminar.h"
#include "country.h"
#include "i18n.h"
#include "cli_output.h"
#include "participant.h"
#include "seminar.h"
#include "seminar_transfer.h"
#include "specialist.h"	/* kz_str_set */

enum {
	O_NAME = 256, O_ROMAN, O_COUNTRY, O_ORG, O_POST, O_ROLE, O_EMAIL,
	O_PHONE, O_NEEDS, O_NOTES, O_FORMAT, O_CONTACTS, O_BY, O_SKIP,
};

static const struct option part_opts[] = {
	{ "name", required_argument, NULL, O_NAME },
	{ "roman", required_argument, NULL, O_ROMAN },
	{ "country", required_argument, NULL, O_COUNTRY },
	{ "organisation", required_argument, NULL, O_ORG },
	{ "post", required_argument, NULL, O_POST },
	{ "role", required_argument, NULL, O_ROLE },
	{ "email", required_argument, NULL, O_EMAIL },
	{ "phone", required_argument, NULL, O_PHONE },
	{ "needs", required_argument, NULL, O_NEEDS },
	{ "notes", required_argument, NULL, O_NOTES },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "contacts", no_argument, NULL, O_CONTACTS },
	{ NULL, 0, NULL, 0 },
};

/* Options into p; 0, 1 (reported) or 2 (usage). */
static int
part_parse(struct cli *c, int argc, char **argv, struct kz_participant *p,
    bool *contacts)
{
	struct kz_err err = { 0 };
	int ch, k;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", part_opts, NULL)) != -1) {
		switch (ch) {
		case O_NAME: kz_str_set(&p->name, optarg); break;
		case O_ROMAN: kz_str_set(&p->name_roman, optarg); break;
		case O_COUNTRY:
			kz_copy_value(p->country, sizeof p->country, optarg,
			    "country", _("country"), &err);
			break;
		case O_ORG: kz_str_set(&p->organisation, optarg); break;
		case O_POST: kz_str_set(&p->post, optarg); break;
		case O_ROLE:
			if ((k = kz_participant_role_parse(optarg)) < 0)
				kz_err_add(&err, "role", _("role must be "
				    "participant, speaker, interpreter or staff, "
				    "not \"%s\""), optarg);
			else
				p->role = (enum kz_participant_role)k;
			break;
		case O_EMAIL: kz_str_set(&p->email, optarg); break;
		case O_PHONE: kz_str_set(&p->phone, optarg); break;
		case O_NEEDS: kz_str_set(&p->needs, optarg); break;
		case O_NOTES: kz_str_set(&p->notes, optarg); break;
		case O_CONTACTS:
			if (contacts == NULL)
				return 2;
			*contacts = true;
			break;
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

static const char *
country_shown(const char *code, char *buf, size_t size)
{
	const char *n = kz_country_name(code);

	snprintf(buf, size, "%s %s", code, n ? _(n) : "");
	return buf;
}

static void
parts_print(struct cli *c, const struct kz_participant *l, size_t n,
    bool contacts)
{
	char country[96];

	if (c->format == FMT_CSV) {
		/* what import participants reads */
		static const char *const head[] = { "id", "name", "name_roman",
		    "country", "organisation", "post", "role", "needs", "notes",
		    "email", "phone" };
		int nc = contacts ? 11 : 9;
		out_csv_row(stdout, nc, head);
		for (size_t i = 0; i < n; i++) {
			const struct kz_participant *p = &l[i];
			const char *v[] = { p->id, p->name, p->name_roman,
			    p->country, p->organisation, p->post,
			    kz_participant_role_name(p->role), p->needs, p->notes,
			    p->email, p->phone };
			out_csv_row(stdout, nc, v);
		}
	} else if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < n; i++) {
			const struct kz_participant *p = &l[i];
			const char *k[] = { "id", "name", "name_roman", "country",
			    "organisation", "post", "role", "needs", "notes",
			    "email", "phone" };
			const char *v[] = { p->id, p->name, p->name_roman,
			    p->country, p->organisation, p->post,
			    kz_participant_role_name(p->role), p->needs, p->notes,
			    p->email, p->phone };
			fputs("  {", stdout);
			for (int j = 0; j < (contacts ? 11 : 9); j++) {
				printf("%s\"%s\": ", j ? ", " : "", k[j]);
				out_json_str(stdout, v[j]);
			}
			puts(i + 1 < n ? "}," : "}");
		}
		puts("]");
	} else {
		const char *head[] = { _("ID"), _("NAME"), _("ROMANISED"),
		    _("COUNTRY"), _("ORGANISATION"), _("ROLE"), _("NEEDS"),
		    _("E-MAIL"), _("PHONE") };
		struct out_table t;

		out_table_init(&t, contacts ? 9 : 7, head);
		for (size_t i = 0; i < n; i++) {
			const struct kz_participant *p = &l[i];
			const char *v[] = { p->id, p->name, p->name_roman,
			    country_shown(p->country, country, sizeof country),
			    p->organisation, _(kz_participant_role_name(p->role)),
			    p->needs, p->email, p->phone };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 30);
		out_table_free(&t);
	}
}

int
cli_participant_add(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("participant", "add");
	struct kz_participant p;
	struct kz_err err = { 0 };
	int rc;

	if (argc < 2 || argv[1][0] == '-')
		return cli_usage(cmd);
	kz_participant_init(&p);
	if (kz_seminar_resolve(c->db, argv[1], p.seminar, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	if ((rc = part_parse(c, argc - 1, argv + 1, &p, NULL)) != 0 ||
	    optind != argc - 1) {
		kz_participant_free(&p);
		return rc == 1 ? 1 : cli_usage(cmd);
	}
	if (kz_participant_insert(c->db, &p, &err) != KZ_OK) {
		kz_participant_free(&p);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", p.id);
	else
		parts_print(c, &p, 1, true);
	kz_participant_free(&p);
	return 0;
}

int
cli_participant_list(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("participant", "list");
	struct kz_participant *l, f;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];
	bool contacts = false;
	size_t n;
	int rc;

	if (argc < 2 || argv[1][0] == '-')
		return cli_usage(cmd);
	if (kz_seminar_resolve(c->db, argv[1], id, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	/* filters: --country and --role; a role given is kept apart */
	kz_participant_init(&f);
	f.role = KZ_PART_ROLE_COUNT;	/* no --role */
	rc = part_parse(c, argc - 1, argv + 1, &f, &contacts);
	if (rc == 0 && (optind != argc - 1 || f.name || f.organisation))
		rc = 2;
	if (rc) {
		kz_participant_free(&f);
		return rc == 1 ? 1 : cli_usage(cmd);
	}
	rc = kz_participant_list(c->db, id, f.country[0] ? f.country : NULL,
	    f.role == KZ_PART_ROLE_COUNT ? -1 : (int)f.role, &l, &n, &err);
	kz_participant_free(&f);
	if (rc != KZ_OK)
		return cli_fail_err(&err);
	if (n == 0 && c->format == FMT_TABLE)
		fputs(_("no participants\n"), stderr);
	else
		parts_print(c, l, n, contacts);
	if (c->format == FMT_TABLE && n > 0)
		printf(ngettext("%zu participant\n", "%zu participants\n", n), n);
	kz_participant_list_free(l, n);
	return 0;
}

int
cli_participant_edit(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("participant", "edit");
	struct kz_participant p;
	struct kz_err err = { 0 };
	int rc;

	if (argc < 3 || argv[1][0] == '-')
		return cli_usage(cmd);
	if (kz_participant_get(c->db, argv[1], &p, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	if ((rc = part_parse(c, argc - 1, argv + 1, &p, NULL)) != 0 ||
	    optind != argc - 1)
		rc = rc == 1 ? 1 : cli_usage(cmd);
	else if (kz_participant_update(c->db, &p, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		parts_print(c, &p, 1, true);
	kz_participant_free(&p);
	return rc;
}

int
cli_participant_rm(struct cli *c, int argc, char **argv)
{
	struct kz_participant p;
	struct kz_err err = { 0 };
	const char *id;
	char q[300];
	bool yes;

	if (cli_sem_rm_args(argc, argv, &id, &yes))
		return cli_usage(cli_find("participant", "rm"));
	if (kz_participant_get(c->db, id, &p, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, sizeof q, _("delete participant %s (%s)?"), p.name, p.id);
	if (!yes && !cli_ask(q)) {
		kz_participant_free(&p);
		return cli_fail(_("nothing deleted (a script says --yes)"));
	}
	if (kz_participant_delete(c->db, p.id, &err) != KZ_OK) {
		kz_participant_free(&p);
		return cli_fail_err(&err);
	}
	kz_participant_free(&p);
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
			    kz_country_name(k->c[i].key) : NULL;
			snprintf(name, sizeof name, "%s", countries ?
			    (cn ? _(cn) : "") : _(k->c[i].key));
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
cli_participant_count(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "by", required_argument, NULL, O_BY },
		{ "format", required_argument, NULL, O_FORMAT },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_cmd *cmd = cli_find("participant", "count");
	struct kz_counts bc = { 0 }, br = { 0 };
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];
	bool country = true, role = true;
	int ch;

	if (argc < 2 || argv[1][0] == '-')
		return cli_usage(cmd);
	if (kz_seminar_resolve(c->db, argv[1], id, &err) != KZ_OK)
		return cli_fail_err(&err);
	argv[1] = argv[0];
	optind = 0;
	while ((ch = getopt_long(argc - 1, argv + 1, "+", opts, NULL)) != -1) {
		if (ch == O_FORMAT) {
			if (cli_set_format(c, optarg))
				return 1;
		} else if (ch == O_BY && strcmp(optarg, "country") == 0)
			role = false;
		else if (ch == O_BY && strcmp(optarg, "role") == 0)
			country = false;
		else if (ch == O_BY)
			return cli_fail(_("--by: \"%s\" is not country or role"),
			    optarg);
		else
			return cli_usage(cmd);
	}
	if (optind != argc - 1)
		return cli_usage(cmd);
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
cli_import_participants(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("import", "participants");
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];
	const char *args[2];
	int nargs = 0, rc;
	bool skip = false;
	size_t len;
	char *data;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--skip-bad") == 0)
			skip = true;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage(cmd);
		else if (nargs < 2)
			args[nargs++] = argv[i];
		else
			return cli_usage(cmd);
	}
	if (nargs != 2)
		return cli_usage(cmd);
	if (kz_seminar_resolve(c->db, args[0], id, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((data = cli_sem_read(args[1], &len)) == NULL)
		return cli_fail("%s: %s", args[1], strerror(errno));
	rc = kz_import_participants(c->db, id, args[1], data, len, skip, &rep,
	    &err);
	free(data);
	rc = cli_sem_import_done(&rep, rc, &err);
	kz_import_report_free(&rep);
	return rc;
}
