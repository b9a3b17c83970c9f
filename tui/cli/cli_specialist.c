/* cli_specialist.c - `kizuna specialist ...` and `kizuna search`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "cli_output.h"
#include "specialist.h"
#include "stamp.h"
#include "text.h"

/* The options of add and edit, and the filters of list and search;
 * long options only, so they read the same in scripts. */
enum {
	O_NAME = 1, O_ROMAN, O_GOV, O_POST, O_STATUS, O_FIELDS, O_LANGS,
	O_OVERSEAS, O_EMAIL, O_PHONE, O_ADDRESS, O_UNAVAIL, O_NOTES,
	O_FIELD, O_LANG, O_FREE, O_LIMIT,
};

#define MORE		CLI_OPT_MORE
#define NEEDED		(CLI_OPT_MORE | CLI_OPT_NEEDED)

const struct cli_opt cli_specialist_opts[] = {
	{ .name = "name", .arg = "NAME", .key = O_NAME, .flags = NEEDED,
	  .help = N_("the name in its own script") },
	{ .name = "roman", .arg = "NAME", .key = O_ROMAN, .flags = NEEDED,
	  .help = N_("the name in Latin letters") },
	{ .name = "government", .arg = "GOVERNMENT", .key = O_GOV,
	  .flags = NEEDED, .help = N_("the home local government") },
	{ .name = "post", .arg = "POST", .key = O_POST, .flags = MORE,
	  .help = N_("the post held there") },
	{ .name = "status", .arg = "serving|retired", .key = O_STATUS,
	  .flags = MORE, .help = N_("serving or retired") },
	{ .name = "fields", .arg = "FIELDS", .key = O_FIELDS, .flags = MORE,
	  .help = N_("fields of expertise: \"code:speciality:years; ...\"") },
	{ .name = "langs", .arg = "LANGS", .key = O_LANGS, .flags = MORE,
	  .help = N_("languages with a level: \"en:business, zh:fluent\"") },
	{ .name = "overseas", .arg = "TEXT", .key = O_OVERSEAS, .flags = MORE,
	  .help = N_("overseas experience") },
	{ .name = "email", .arg = "ADDRESS", .key = O_EMAIL, .flags = MORE,
	  .help = N_("e-mail address (personal data)") },
	{ .name = "phone", .arg = "NUMBER", .key = O_PHONE, .flags = MORE,
	  .help = N_("phone number (personal data)") },
	{ .name = "address", .arg = "ADDRESS", .key = O_ADDRESS, .flags = MORE,
	  .help = N_("postal address (personal data)") },
	{ .name = "unavailable", .arg = "PERIODS", .key = O_UNAVAIL,
	  .flags = MORE, .help = N_("periods away: \"FROM..TO reason; ...\"") },
	{ .name = "notes", .arg = "TEXT", .key = O_NOTES, .flags = MORE,
	  .help = N_("notes") },
	{ 0 },
};

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

/* One add/edit option into the record; problems go into err. Options
 * that are not the record's (--format) are no business of this. */
static int
apply_opt(struct kz_specialist *s, int opt, const char *v, struct kz_err *err)
{
	int st;

	switch (opt) {
	case O_NAME: return kz_str_set(&s->name, v);
	case O_ROMAN: return kz_str_set(&s->name_roman, v);
	case O_GOV: return kz_str_set(&s->government, v);
	case O_POST: return kz_str_set(&s->post, v);
	case O_OVERSEAS: return kz_str_set(&s->overseas, v);
	case O_EMAIL: return kz_str_set(&s->email, v);
	case O_PHONE: return kz_str_set(&s->phone, v);
	case O_ADDRESS: return kz_str_set(&s->address, v);
	case O_NOTES: return kz_str_set(&s->notes, v);
	case O_FIELDS: return kz_specialist_parse_fields(s, v, err);
	case O_LANGS: return kz_specialist_parse_langs(s, v, err);
	case O_UNAVAIL: return kz_specialist_parse_unavail(s, v, err);
	case O_STATUS:
		if ((st = kz_status_parse(v)) < 0)
			return kz_err_add(err, "status", _("status must be "
			    "serving or retired, not \"%s\""), v);
		s->status = (enum kz_status)st;
		return 0;
	}
	return 0;
}

/* The options given into s, in their order; 0 or 1 (reported). */
static int
apply_record(const struct cli_args *a, struct kz_specialist *s)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		apply_opt(s, a->opt[i].opt->key, a->opt[i].value, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

/* ---- printing one record ---- */

static void
print_record_table(struct cli *c, const struct kz_specialist *s)
{
	const char *labels[] = { _("id"), _("name"), _("romanised"),
	    _("government"), _("post"), _("status"), _("fields"),
	    _("languages"), _("overseas"), _("unavailable"), _("e-mail"),
	    _("phone"), _("address"), _("notes"), _("created"), _("updated") };
	int lw = 0;
	char line[512], stamp[200], when[96];

	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (kz_text_width(labels[i]) > lw)
			lw = kz_text_width(labels[i]);
	cli_show_line(labels[0], s->id, lw);
	cli_show_line(labels[1], s->name, lw);
	cli_show_line(labels[2], s->name_roman, lw);
	cli_show_line(labels[3], s->government, lw);
	cli_show_line(labels[4], s->post, lw);
	cli_show_line(labels[5], _(kz_status_name(s->status)), lw);
	for (size_t i = 0; i < s->nfields; i++) {
		const struct kz_specialist_field *f = &s->fields[i];
		const struct kz_field *tf = kz_config_field(c->cfg, f->code);
		int n = snprintf(line, sizeof line, "%s (%s)", f->code,
		    tf ? kz_field_name(c->cfg, tf) : "?");
		if (f->note && n < (int)sizeof line)
			n += snprintf(line + n, sizeof line - (size_t)n, ": %s",
			    f->note);
		if (f->years && n < (int)sizeof line)
			snprintf(line + n, sizeof line - (size_t)n,
			    _(", %d years"), f->years);
		cli_show_line(i == 0 ? labels[6] : "", line, lw);
	}
	for (size_t i = 0; i < s->nlangs; i++) {
		snprintf(line, sizeof line, "%s: %s", s->langs[i].lang,
		    _(kz_level_name(s->langs[i].level)));
		cli_show_line(i == 0 ? labels[7] : "", line, lw);
	}
	cli_show_line(labels[8], s->overseas, lw);
	for (size_t i = 0; i < s->nunavail; i++) {
		const struct kz_specialist_unavail *u = &s->unavail[i];
		snprintf(line, sizeof line, "%s..%s%s%s", u->start, u->end,
		    u->reason ? "  " : "", u->reason ? u->reason : "");
		cli_show_line(i == 0 ? labels[9] : "", line, lw);
	}
	cli_show_line(labels[10], s->email, lw);
	cli_show_line(labels[11], s->phone, lw);
	cli_show_line(labels[12], s->address, lw);
	cli_show_line(labels[13], s->notes, lw);
	/* stored in UTC, shown in the office's time */
	snprintf(stamp, sizeof stamp, "%s%s%s", kz_stamp_format(c->cfg,
	    s->created, when, sizeof when), s->created_by ? "  " : "",
	    s->created_by ? s->created_by : "");
	cli_show_line(labels[14], stamp, lw);
	snprintf(stamp, sizeof stamp, "%s%s%s", kz_stamp_format(c->cfg,
	    s->updated, when, sizeof when), s->updated_by ? "  " : "",
	    s->updated_by ? s->updated_by : "");
	cli_show_line(labels[15], stamp, lw);
}

static void
print_record_json(const struct kz_specialist *s)
{
	puts("{");
	cli_json_kv("id", s->id, true);
	cli_json_kv("name", s->name, true);
	cli_json_kv("name_roman", s->name_roman, true);
	cli_json_kv("government", s->government, true);
	cli_json_kv("post", s->post, true);
	cli_json_kv("status", kz_status_name(s->status), true);
	fputs("  \"fields\": [", stdout);
	for (size_t i = 0; i < s->nfields; i++) {
		printf("%s{\"code\": ", i ? ", " : "");
		out_json_str(stdout, s->fields[i].code);
		fputs(", \"note\": ", stdout);
		out_json_str(stdout, s->fields[i].note);
		printf(", \"years\": %d}", s->fields[i].years);
	}
	fputs("],\n  \"languages\": [", stdout);
	for (size_t i = 0; i < s->nlangs; i++) {
		printf("%s{\"lang\": ", i ? ", " : "");
		out_json_str(stdout, s->langs[i].lang);
		printf(", \"level\": \"%s\"}", kz_level_name(s->langs[i].level));
	}
	fputs("],\n  \"unavailable\": [", stdout);
	for (size_t i = 0; i < s->nunavail; i++) {
		printf("%s{\"start\": \"%s\", \"end\": \"%s\", \"reason\": ",
		    i ? ", " : "", s->unavail[i].start, s->unavail[i].end);
		out_json_str(stdout, s->unavail[i].reason);
		fputs("}", stdout);
	}
	fputs("],\n", stdout);
	cli_json_kv("overseas", s->overseas, true);
	cli_json_kv("email", s->email, true);
	cli_json_kv("phone", s->phone, true);
	cli_json_kv("address", s->address, true);
	cli_json_kv("notes", s->notes, true);
	cli_json_kv("created", s->created, true);
	cli_json_kv("created_by", s->created_by, true);
	cli_json_kv("updated", s->updated, true);
	cli_json_kv("updated_by", s->updated_by, false);
	puts("}");
}

static void
print_record_csv(const struct kz_specialist *s)
{
	static const char *const head[] = { "id", "name", "name_roman",
	    "government", "post", "status", "fields", "languages", "overseas",
	    "unavailable", "notes", "email", "phone", "address", "created",
	    "updated" };
	char *f = kz_specialist_format_fields(s), *l = kz_specialist_format_langs(s);
	char *u = kz_specialist_format_unavail(s);
	const char *v[] = { s->id, s->name, s->name_roman, s->government,
	    s->post, kz_status_name(s->status), f, l, s->overseas, u, s->notes,
	    s->email, s->phone, s->address, s->created, s->updated };

	out_csv_row(stdout, 16, head);
	out_csv_row(stdout, 16, v);
	free(f);
	free(l);
	free(u);
}

static void
print_record(struct cli *c, const struct kz_specialist *s)
{
	switch (c->format) {
	case FMT_JSON: print_record_json(s); break;
	case FMT_CSV: print_record_csv(s); break;
	default: print_record_table(c, s); break;
	}
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
				if ((v = kz_level_parse(colon + 1)) < 0)
					return cli_fail(_("--lang: \"%s\" is not "
					    "a level: use basic, conversational, "
					    "business, fluent or native"),
					    colon + 1);
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
