/* cli_request.c - `kizuna request ...`: requests from overseas governments. */
#include "cli_request.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "cli_record.h"
#include "dispatch.h"
#include "i18n.h"
#include "cli_output.h"
#include "request.h"
#include "specialist.h"
#include "text.h"

/* The filters of list and state's note. The options of add and edit
 * come from the request's table (core/request.c), made by
 * cli_record_options; their keys are the table's lines, above zero,
 * and these are below it so the two never meet. */
enum { O_STATUS = -10, O_FIELD, O_COUNTRY, O_TEXT, O_NOTE };

struct cli_opt cli_request_opts[KZ_CLI_RECORD_OPTS];

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

/* The options given into r, in their order; 0 or 1 (reported). */
static int
apply_record(const struct cli_args *a, struct kz_request *r)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_request_type, r,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_request_type, r, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

/* ---- one request ---- */

/* The record from its table, then (in a table, as people read it) its
 * dispatches and its history. */
static void
print_request(struct cli *c, struct kz_request *r)
{
	struct kz_events ev;
	struct kz_dispatch_query q;
	struct kz_dispatch_rows l;
	struct kz_err err = { 0 };

	cli_record_print(c, &kz_request_type, r);
	if (c->format != FMT_TABLE)
		return;
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

int
cli_request_add(struct cli *c, const struct cli_args *a)
{
	struct kz_request r;
	struct kz_err err = { 0 };
	int rc;

	kz_request_init(&r);
	/* the usual case: the host interprets */
	r.interpreting = KZ_INTERP_HOST;
	if ((rc = apply_record(a, &r)) == 0) {
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
	if ((rc = apply_record(a, &r)) == 0) {
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
