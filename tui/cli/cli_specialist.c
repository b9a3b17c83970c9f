/* cli_specialist.c - `kizuna specialist ...` and `kizuna search`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_record.h"
#include "record.h"
#include "i18n.h"
#include "cli_output.h"
#include "specialist.h"
#include "stamp.h"
#include "text.h"

/* The filters of list and search; long options only, so they read the
 * same in scripts. The options of add and edit come from the register's
 * table (core/specialist.c), made by cli_record_options. */
enum { O_FIELD = 1, O_LANG, O_STATUS, O_FREE, O_LIMIT };

struct cli_opt cli_specialist_opts[KZ_CLI_RECORD_OPTS];

const struct cli_opt cli_specialist_filters[] = {
	{ .name = "field", .arg = "FIELD", .key = O_FIELD,
	  .help = N_("registered in this field (code or number)") },
	{ .name = "lang", .arg = "LANG[:LEVEL]", .key = O_LANG,
	  .help = N_("speaking this language, at this level or better") },
	{ .name = "status", .arg = "serving|retired", .key = O_STATUS,
	  .help = N_("serving or retired") },
	{ .name = "free", .arg = "FROM[..TO]", .key = O_FREE,
	  .help = N_("free over these days (dates YYYY-MM-DD)") },
	{ .name = "limit", .arg = "N", .key = O_LIMIT,
	  .help = N_("at most N") },
	{ 0 },
};

/* The options given into s, in their order; 0 or 1 (reported). */
static int
apply_record(const struct cli_args *a, struct kz_specialist *s)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_specialist_type, s,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_specialist_type, s, &err);
	return err.n ? cli_fail_err(&err) : 0;
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
	int rc;

	kz_specialist_init(&s);
	if ((rc = apply_record(a, &s))) {
		kz_specialist_free(&s);
		return rc;
	}
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

int
cli_specialist_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };
	int rc;

	if (kz_specialist_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = apply_record(a, &s)) == 0) {
		if (kz_specialist_update(c->db, &s, &err) != KZ_OK)
			rc = cli_fail_err(&err);
		else if (c->format != FMT_TABLE)
			print_record(c, &s);
	}
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

static void
print_list(struct cli *c, const struct kz_specialist_rows *l)
{
	if (c->format == FMT_CSV) {
		static const char *const head[] = { "id", "name", "name_roman",
		    "government", "post", "status", "fields", "languages" };
		out_csv_row(stdout, 8, head);
		for (size_t i = 0; i < l->n; i++) {
			const struct kz_specialist_row *r = &l->rows[i];
			const char *v[] = { r->id, r->name, r->name_roman,
			    r->government, r->post, kz_status_name(r->status),
			    r->fields, r->langs };
			out_csv_row(stdout, 8, v);
		}
	} else if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < l->n; i++) {
			const struct kz_specialist_row *r = &l->rows[i];
			fputs("  {\"id\": ", stdout);
			out_json_str(stdout, r->id);
			fputs(", \"name\": ", stdout);
			out_json_str(stdout, r->name);
			fputs(", \"name_roman\": ", stdout);
			out_json_str(stdout, r->name_roman);
			fputs(", \"government\": ", stdout);
			out_json_str(stdout, r->government);
			fputs(", \"post\": ", stdout);
			out_json_str(stdout, *r->post ? r->post : NULL);
			printf(", \"status\": \"%s\", \"fields\": ",
			    kz_status_name(r->status));
			out_json_str(stdout, r->fields);
			fputs(", \"languages\": ", stdout);
			out_json_str(stdout, r->langs);
			puts(i + 1 < l->n ? "}," : "}");
		}
		puts("]");
	} else {
		const char *head[] = { _("ID"), _("NAME"), _("ROMANISED"),
		    _("GOVERNMENT"), _("STATUS"), _("FIELDS") };
		struct out_table t;
		out_table_init(&t, 6, head);
		for (size_t i = 0; i < l->n; i++) {
			const struct kz_specialist_row *r = &l->rows[i];
			const char *v[] = { r->id, r->name, r->name_roman,
			    r->government, _(kz_status_name(r->status)),
			    r->fields };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 30);
		out_table_free(&t);
	}
}

/* Filters shared by list and search; 0 or 1 (reported). */
static int
apply_filters(const struct cli_args *a, struct kz_specialist_query *q,
    char *lang, size_t langsz, char *from, char *to)
{
	char *colon, *dots;
	int v;

	for (int i = 0; i < a->nopt; i++) {
		const char *arg = a->opt[i].value;

		switch (a->opt[i].opt->key) {
		case O_FIELD: q->field = arg; break;
		case O_LANG:
			snprintf(lang, langsz, "%s", arg);
			if ((colon = strchr(lang, ':')) != NULL) {
				*colon = '\0';
				if ((v = kz_level_parse(colon + 1)) < 0) {
					char list[128];

					kz_enum_list(&kz_level_enum, list,
					    sizeof list);
					return cli_fail(_("--lang: \"%s\" is not "
					    "a level: use %s"), colon + 1, list);
				}
				q->min_level = v;
			}
			q->lang = lang;
			break;
		case O_STATUS:
			if ((q->status = kz_status_parse(arg)) < 0)
				return cli_fail(_("--status: \"%s\" is not "
				    "serving or retired"), arg);
			break;
		case O_FREE:
			if ((dots = strstr(arg, "..")) != NULL) {
				snprintf(from, 16, "%.*s", (int)(dots - arg),
				    arg);
				snprintf(to, 16, "%s", dots + 2);
			} else {
				snprintf(from, 16, "%s", arg);
				snprintf(to, 16, "%s", arg);
			}
			q->free_from = from;
			q->free_to = to;
			break;
		case O_LIMIT:
			q->limit = (size_t)strtoul(arg, NULL, 10);
			break;
		}
	}
	return 0;
}

static int
list_or_search(struct cli *c, const struct cli_args *a, bool search)
{
	struct kz_specialist_query q;
	struct kz_specialist_rows l;
	struct kz_err err = { 0 };
	char lang[32], from[16], to[16], text[1024] = "";

	kz_specialist_query_init(&q);
	if (apply_filters(a, &q, lang, sizeof lang, from, to))
		return 1;
	if (search) {
		for (int i = 0; i < a->narg; i++) {
			strncat(text, " ", sizeof text - strlen(text) - 1);
			strncat(text, a->arg[i], sizeof text - strlen(text) - 1);
		}
		q.text = text;
	}
	if (kz_specialist_search(c->db, &q, &l, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (l.n == 0 && c->format == FMT_TABLE)
		fputs(_("no specialists found\n"), stderr);
	else
		print_list(c, &l);
	kz_specialist_rows_free(&l);
	return 0;
}

int
cli_specialist_list(struct cli *c, const struct cli_args *a)
{
	return list_or_search(c, a, false);
}

int
cli_search(struct cli *c, const struct cli_args *a)
{
	return list_or_search(c, a, true);
}
