/* cli_request.c - `kizuna request ...`: requests from overseas governments. */
#include "cli_request.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "dispatch.h"
#include "i18n.h"
#include "cli_output.h"
#include "request.h"
#include "specialist.h"
#include "text.h"

enum {
	O_COUNTRY = 1, O_PROVINCE, O_CITY, O_DEPT, O_OFFICE, O_RECEIVED,
	O_FIELDS, O_TOPIC, O_FROM, O_TO, O_DAYS, O_MODE, O_WANTED, O_LANG,
	O_INTERP, O_NOTES, O_STATUS, O_FIELD, O_TEXT, O_NOTE,
};

#define MORE		CLI_OPT_MORE
#define NEEDED		(CLI_OPT_MORE | CLI_OPT_NEEDED)

const struct cli_opt cli_request_opts[] = {
	{ .name = "country", .arg = "CC", .key = O_COUNTRY, .flags = NEEDED,
	  .help = N_("the host country, ISO 3166-1 such as CN") },
	{ .name = "province", .arg = "TEXT", .key = O_PROVINCE, .flags = MORE,
	  .help = N_("the province or state") },
	{ .name = "city", .arg = "TEXT", .key = O_CITY, .flags = MORE,
	  .help = N_("the city") },
	{ .name = "department", .arg = "TEXT", .key = O_DEPT, .flags = MORE,
	  .help = N_("the department asking") },
	{ .name = "office", .arg = "OFFICE", .key = O_OFFICE, .flags = MORE,
	  .help = N_("the office handling it (this one by default)") },
	{ .name = "received", .arg = "DATE", .key = O_RECEIVED, .flags = MORE,
	  .help = N_("the day it came (today by default)") },
	{ .name = "fields", .arg = "FIELDS", .key = O_FIELDS, .flags = NEEDED,
	  .help = N_("fields of expertise, separated by semicolons") },
	{ .name = "topic", .arg = "TEXT", .key = O_TOPIC, .flags = NEEDED,
	  .help = N_("what the host wants advice on") },
	{ .name = "from", .arg = "DATE", .key = O_FROM, .flags = MORE,
	  .help = N_("the first day of the wished period") },
	{ .name = "to", .arg = "DATE", .key = O_TO, .flags = MORE,
	  .help = N_("the last day of the wished period") },
	{ .name = "days", .arg = "N", .key = O_DAYS, .flags = MORE,
	  .help = N_("the wished length in days") },
	{ .name = "mode", .arg = "onsite|online", .key = O_MODE, .flags = MORE,
	  .help = N_("on site or online") },
	{ .name = "specialists", .arg = "N", .key = O_WANTED, .flags = MORE,
	  .help = N_("how many specialists, 1 to 20") },
	{ .name = "language", .arg = "LANG", .key = O_LANG, .flags = MORE,
	  .help = N_("the working language") },
	{ .name = "interpreting", .arg = "none|host|office", .key = O_INTERP,
	  .flags = MORE, .help = N_("who interprets (host by default)") },
	{ .name = "notes", .arg = "TEXT", .key = O_NOTES, .flags = MORE,
	  .help = N_("notes") },
	{ 0 },
};

const struct cli_opt cli_request_filters[] = {
	{ .name = "status", .arg = "STATUS|open", .key = O_STATUS,
	  .help = N_("in this status, or in any open one") },
	{ .name = "field", .arg = "FIELD", .key = O_FIELD,
	  .help = N_("asking for this field (code or number)") },
	{ .name = "country", .arg = "CC", .key = O_COUNTRY,
	  .help = N_("from this country") },
	{ .name = "text", .arg = "WORDS", .key = O_TEXT,
	  .help = N_("with these words in the topic, place or notes") },
	{ 0 },
};

const struct cli_opt cli_request_state_opts[] = {
	{ .name = "note", .arg = "TEXT", .key = O_NOTE,
	  .help = N_("a note kept in the history") },
	{ 0 },
};

/* Apply one add/edit option; problems go into err. */
static void
apply(struct cli *c, struct kz_request *r, int opt, const char *v,
    struct kz_err *err)
{
	char *end;
	long n;
	int k;

	switch (opt) {
	case O_COUNTRY:
		snprintf(r->country, sizeof r->country, "%s", v);
		for (char *p = r->country; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 32);
		if (strlen(v) != 2)
			kz_err_add(err, "country", _("\"%s\" is not a two-letter "
			    "country code such as CN"), v);
		break;
	case O_PROVINCE: kz_str_set(&r->province, v); break;
	case O_CITY: kz_str_set(&r->city, v); break;
	case O_DEPT: kz_str_set(&r->department, v); break;
	case O_OFFICE: snprintf(r->office, sizeof r->office, "%s", v); break;
	case O_RECEIVED:
		snprintf(r->received, sizeof r->received, "%s", v);
		if (strlen(v) != 10)
			kz_err_add(err, "received", _("date received must be a "
			    "date YYYY-MM-DD, not \"%s\""), v);
		break;
	case O_FIELDS: kz_request_parse_fields(c->cfg, r, v, err); break;
	case O_TOPIC: kz_str_set(&r->topic, v); break;
	case O_FROM:
	case O_TO: {
		char *dst = opt == O_FROM ? r->wish_start : r->wish_end;

		if (strlen(v) > 10)
			kz_err_add(err, opt == O_FROM ? "wish_start" : "wish_end",
			    _("\"%s\" is not a date YYYY-MM-DD"), v);
		else
			snprintf(dst, 11, "%s", v);
		break;
	}
	case O_DAYS:
		n = *v ? strtol(v, &end, 10) : 0;
		if (*v && (*end || n < 1 || n > 366))
			kz_err_add(err, "wish_days", _("--days: \"%s\" is not a "
			    "number of days from 1 to 366"), v);
		else
			r->wish_days = (int)n;
		break;
	case O_MODE:
		if ((k = kz_mode_parse(v)) < 0)
			kz_err_add(err, "mode", _("--mode: \"%s\" is not onsite "
			    "or online"), v);
		else
			r->mode = (enum kz_mode)k;
		break;
	case O_WANTED:
		n = strtol(v, &end, 10);
		if (*v == '\0' || *end || n < 1 || n > 20)
			kz_err_add(err, "wanted", _("--specialists: \"%s\" is "
			    "not a number from 1 to 20"), v);
		else
			r->wanted = (int)n;
		break;
	case O_LANG: kz_str_set(&r->language, v); break;
	case O_INTERP:
		if ((k = kz_interp_parse(v)) < 0)
			kz_err_add(err, "interpreting", _("--interpreting: "
			    "\"%s\" is not none, host or office"), v);
		else
			r->interpreting = (enum kz_interp)k;
		break;
	case O_NOTES: kz_str_set(&r->notes, v); break;
	}
}

/* The options given into r, in their order; 0 or 1 (reported). */
static int
apply_record(struct cli *c, const struct cli_args *a, struct kz_request *r)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		apply(c, r, a->opt[i].opt->key, a->opt[i].value, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

/* ---- one request ---- */

static void
wished(const struct kz_request *r, char *out, size_t size)
{
	size_t o = 0;

	out[0] = '\0';
	if (r->wish_start[0])
		o = (size_t)snprintf(out, size, "%s..%s", r->wish_start,
		    r->wish_end);
	if (r->wish_days > 0 && o < size)
		snprintf(out + o, size - o, ngettext("%s%d day", "%s%d days",
		    (unsigned long)r->wish_days), o ? ", " : "", r->wish_days);
}

static void
print_table(struct cli *c, struct kz_request *r)
{
	const char *labels[] = { _("id"), _("status"), _("host"), _("office"),
	    C_("date", "received"), _("fields"), _("topic"), _("wished"),
	    _("mode"),
	    _("specialists"), _("language"), _("interpreting"), _("notes"),
	    _("created"), _("updated") };
	char place[512], buf[640], wish[64], num[16];
	struct kz_events ev;
	struct kz_dispatch_query q;
	struct kz_dispatch_rows l;
	struct kz_err err = { 0 };
	int lw = 0;
	size_t o = 0;

	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (kz_text_width(labels[i]) > lw)
			lw = kz_text_width(labels[i]);
	kz_request_place(r->province, r->city, r->department, place,
	    sizeof place);
	cli_show_line(labels[0], r->id, lw);
	cli_show_line(labels[1], kz_lifecycle_name(&kz_request_lc, r->status), lw);
	snprintf(buf, sizeof buf, "%s %s", r->country, place);
	cli_show_line(labels[2], buf, lw);
	cli_show_line(labels[3], r->office, lw);
	cli_show_line(labels[4], r->received, lw);
	buf[0] = '\0';
	for (size_t i = 0; i < r->nfields && o < sizeof buf; i++) {
		const struct kz_field *f = kz_config_field(c->cfg, r->fields[i]);

		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s (%s)",
		    i ? "; " : "", r->fields[i], f ? kz_field_name(c->cfg, f) :
		    "?");
	}
	cli_show_line(labels[5], buf, lw);
	cli_show_line(labels[6], r->topic, lw);
	wished(r, wish, sizeof wish);
	cli_show_line(labels[7], wish, lw);
	cli_show_line(labels[8], kz_mode_name(r->mode), lw);
	snprintf(num, sizeof num, "%d", r->wanted);
	cli_show_line(labels[9], num, lw);
	cli_show_line(labels[10], r->language, lw);
	cli_show_line(labels[11], kz_interp_name(r->interpreting), lw);
	cli_show_line(labels[12], r->notes, lw);
	snprintf(buf, sizeof buf, "%s  %s", r->created, r->created_by ?
	    r->created_by : "");
	cli_show_line(labels[13], buf, lw);
	snprintf(buf, sizeof buf, "%s  %s", r->updated, r->updated_by ?
	    r->updated_by : "");
	cli_show_line(labels[14], buf, lw);

	kz_dispatch_query_init(&q);
	q.request = r->id;
	if (kz_dispatch_list(c->db, &q, true, &l, &err) == KZ_OK) {
		printf("\n%s\n", _("Dispatches:"));
		if (l.n == 0)
			printf("  %s\n", _("none yet: kizuna match shows the "
			    "candidates"));
		for (size_t i = 0; i < l.n; i++)
			printf("  %s  %s..%s  %s  %s (%s)\n", l.rows[i].id,
			    l.rows[i].start, l.rows[i].end,
			    kz_lifecycle_name(&kz_dispatch_lc, l.rows[i].state),
			    l.rows[i].name ? l.rows[i].name : "",
			    l.rows[i].name_roman ? l.rows[i].name_roman : "");
		kz_dispatch_rows_free(&l);
	}
	if (kz_request_history(c->db, r->id, &ev, &err) == KZ_OK) {
		printf("\n%s\n", _("History:"));
		cli_dsp_history(&kz_request_lc, &ev);
		kz_events_free(&ev);
	}
}

static void
print_json(struct kz_request *r)
{
	char *fields = kz_request_format_fields(r);

	puts("{");
	cli_json_kv("id", r->id, true);
	cli_json_kv("status", kz_lifecycle_keyword(&kz_request_lc, r->status), true);
	cli_json_kv("country", r->country, true);
	cli_json_kv("province", r->province, true);
	cli_json_kv("city", r->city, true);
	cli_json_kv("department", r->department, true);
	cli_json_kv("office", r->office, true);
	cli_json_kv("received", r->received, true);
	cli_json_kv("fields", fields, true);
	cli_json_kv("topic", r->topic, true);
	cli_json_kv("wish_start", r->wish_start, true);
	cli_json_kv("wish_end", r->wish_end, true);
	printf("  \"wish_days\": %d,\n  \"specialists\": %d,\n", r->wish_days,
	    r->wanted);
	cli_json_kv("mode", kz_mode_keyword(r->mode), true);
	cli_json_kv("language", r->language, true);
	cli_json_kv("interpreting", kz_interp_keyword(r->interpreting), true);
	cli_json_kv("notes", r->notes, true);
	cli_json_kv("created", r->created, true);
	cli_json_kv("updated", r->updated, false);
	puts("}");
	free(fields);
}

static const char *const csv_head[] = { "id", "status", "country",
    "province", "city", "department", "office", "received", "fields",
    "topic", "wish_start", "wish_end", "wish_days", "mode", "specialists",
    "language", "interpreting", "notes" };
#define NCSV (int)(sizeof csv_head / sizeof csv_head[0])

static void
print_csv(struct kz_request *r)
{
	char *fields = kz_request_format_fields(r), days[16], wanted[16];

	snprintf(days, sizeof days, "%d", r->wish_days);
	snprintf(wanted, sizeof wanted, "%d", r->wanted);
	const char *v[NCSV] = { r->id, kz_lifecycle_keyword(&kz_request_lc,
	    r->status), r->country, r->province, r->city, r->department,
	    r->office, r->received, fields, r->topic, r->wish_start,
	    r->wish_end, r->wish_days ? days : "", kz_mode_keyword(r->mode),
	    wanted, r->language, kz_interp_keyword(r->interpreting), r->notes };
	out_csv_row(stdout, NCSV, csv_head);
	out_csv_row(stdout, NCSV, v);
	free(fields);
}

static void
print_request(struct cli *c, struct kz_request *r)
{
	if (c->format == FMT_JSON)
		print_json(r);
	else if (c->format == FMT_CSV)
		print_csv(r);
	else
		print_table(c, r);
}

int
cli_request_add(struct cli *c, const struct cli_args *a)
{
	struct kz_request r;
	struct kz_err err = { 0 };
	int rc;

	kz_request_init(&r);
	/* the usual case: the host interprets */
	r.interpreting = KZ_INTERP_HOST;
	if ((rc = apply_record(c, a, &r)) == 0) {
		if (kz_request_insert(c->db, &r, &err) != KZ_OK)
			rc = cli_fail_err(&err);
		else if (c->format == FMT_TABLE)
			printf("%s\n", r.id);
		else
			print_request(c, &r);
	}
	kz_request_free(&r);
	return rc;
}

int
cli_request_show(struct cli *c, const struct cli_args *a)
{
	struct kz_request r;
	struct kz_err err = { 0 };

	if (kz_request_get(c->db, a->arg[0], &r, &err))
		return cli_fail_err(&err);
	print_request(c, &r);
	kz_request_free(&r);
	return 0;
}

int
cli_request_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_request r;
	struct kz_err err = { 0 };
	int rc;

	if (kz_request_get(c->db, a->arg[0], &r, &err))
		return cli_fail_err(&err);
	if ((rc = apply_record(c, a, &r)) == 0) {
		if (kz_request_update(c->db, &r, &err))
			rc = cli_fail_err(&err);
		else if (c->format != FMT_TABLE)
			print_request(c, &r);
	}
	kz_request_free(&r);
	return rc;
}

int
cli_request_state(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };
	const char *state = a->arg[1];
	int to;

	if ((to = kz_lifecycle_parse(&kz_request_lc, state)) < 0) {
		char all[256] = "";

		for (int i = 0; i < KZ_REQ_NSTATUS; i++) {
			strncat(all, i ? ", " : "", sizeof all - strlen(all) - 1);
			strncat(all, kz_lifecycle_keyword(&kz_request_lc, i),
			    sizeof all - strlen(all) - 1);
		}
		return cli_fail(_("\"%s\" is not a request status: %s"), state,
		    all);
	}
	if (kz_request_set_status(c->db, a->arg[0], (enum kz_request_status)to,
	    cli_opt(a, O_NOTE), NULL, &err))
		return cli_fail_err(&err);
	return 0;
}

int
cli_request_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_request r;
	struct kz_err err = { 0 };

	if (kz_request_get(c->db, id, &r, &err))
		return cli_fail_err(&err);
	snprintf(q, size, _("delete request %s (%s)?"), r.id, r.topic);
	kz_request_free(&r);
	return 0;
}

int
cli_request_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_request_delete(c->db, a->arg[0], &err))
		return cli_fail_err(&err);
	return 0;
}

/* ---- lists ---- */

int
cli_request_list(struct cli *c, const struct cli_args *a)
{
	struct kz_request_query q;
	struct kz_request_rows l;
	struct kz_err err = { 0 };

	kz_request_query_init(&q);
	for (int i = 0; i < a->nopt; i++) {
		const char *val = a->opt[i].value;

		switch (a->opt[i].opt->key) {
		case O_STATUS:
			if (strcmp(val, "open") == 0)
				q.status = -2;
			else if ((q.status = kz_lifecycle_parse(&kz_request_lc,
			    val)) < 0)
				return cli_fail(_("--status: \"%s\" is not a "
				    "request status (or open)"), val);
			break;
		case O_FIELD: q.field = val; break;
		case O_COUNTRY: q.country = val; break;
		case O_TEXT: q.text = val; break;
		}
	}
	if (kz_request_list(c->db, &q, &l, &err))
		return cli_fail_err(&err);
	if (c->format == FMT_CSV) {
		static const char *const head[] = { "id", "received", "status",
		    "country", "place", "fields", "topic", "wish_start",
		    "wish_end", "specialists", "dispatches" };
		out_csv_row(stdout, 11, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_request_row *r = &l.rows[i];
			char w[16], d[16];

			snprintf(w, sizeof w, "%d", r->wanted);
			snprintf(d, sizeof d, "%d", r->dispatches);
			const char *v[] = { r->id, r->received,
			    kz_lifecycle_keyword(&kz_request_lc, r->status), r->country,
			    r->place, r->fields, r->topic, r->wish_start,
			    r->wish_end, w, d };
			out_csv_row(stdout, 11, v);
		}
	} else if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_request_row *r = &l.rows[i];

			fputs("  {\"id\": ", stdout);
			out_json_str(stdout, r->id);
			printf(", \"received\": \"%s\", \"status\": \"%s\", "
			    "\"country\": ", r->received,
			    kz_lifecycle_keyword(&kz_request_lc, r->status));
			out_json_str(stdout, r->country);
			fputs(", \"place\": ", stdout);
			out_json_str(stdout, r->place);
			fputs(", \"fields\": ", stdout);
			out_json_str(stdout, r->fields);
			fputs(", \"topic\": ", stdout);
			out_json_str(stdout, r->topic);
			fputs(", \"wish_start\": ", stdout);
			out_json_str(stdout, *r->wish_start ? r->wish_start : NULL);
			fputs(", \"wish_end\": ", stdout);
			out_json_str(stdout, *r->wish_end ? r->wish_end : NULL);
			printf(", \"specialists\": %d, \"dispatches\": %d}%s\n",
			    r->wanted, r->dispatches, i + 1 < l.n ? "," : "");
		}
		puts("]");
	} else if (l.n == 0)
		fputs(_("no requests found\n"), stderr);
	else {
		const char *head[] = { _("ID"), _("RECEIVED"), _("STATUS"),
		    _("HOST"), _("FIELDS"), _("TOPIC") };
		struct out_table t;

		out_table_init(&t, 6, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_request_row *r = &l.rows[i];
			char host[600];

			snprintf(host, sizeof host, "%s %s", r->country, r->place);
			const char *v[] = { r->id, r->received,
			    kz_lifecycle_name(&kz_request_lc, r->status), host,
			    r->fields, r->topic };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 30);
		out_table_free(&t);
	}
	kz_request_rows_free(&l);
	return 0;
}
