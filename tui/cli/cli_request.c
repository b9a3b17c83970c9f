/* cli_request.c - `kizuna request ...`: requests from overseas governments. */
#include "cli_request.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "cli_list.h"
#include "cli_record.h"
#include "dispatch.h"
#include "i18n.h"
#include "cli_output.h"
#include "cli_seminar.h"
#include "request.h"
#include "specialist.h"
#include "stamp.h"
#include "text.h"

/* State's note. The options of add and edit come from the request's
 * table (core/request.c), made by cli_record_options; their keys are
 * the table's lines, above zero, and this is below it so the two never
 * meet. The list is kz_rlist_requests (core/lists.c). */
enum { O_NOTE = -10, O_DATE };

struct cli_opt cli_request_opts[KZ_CLI_RECORD_OPTS];

const struct cli_opt cli_request_state_opts[] = {
	{ .name = "date", .arg = "DATE", .key = O_DATE,
	  .help = N_("the day it happened (default: today where the office "
	  "is)") },
	{ .name = "note", .arg = "TEXT", .key = O_NOTE,
	  .help = N_("a note kept in the history") },
	{ 0 },
};

/* The options given into r, in their order; 0 or 1 (reported). */
static int
apply_record(struct cli *c, const struct cli_args *a, struct kz_request *r)
{
	struct kz_err err = { 0 }, more = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_request_type, r,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_request_type, r, &err);
	if (err.n == 0)
		return 0;
	/* every problem at once, the record's own checks too */
	kz_request_validate(c->db, r, &more);
	cli_record_merge(&err, &more);
	return cli_fail_err(&err);
}

/* ---- one request ---- */

/* Saved, with what deserves a second look on stderr. */
static void
warn_saved(struct cli *c, const struct kz_request *r)
{
	struct kz_err warn = { 0 };

	kz_request_warn(c->db, r, &warn);
	cli_sem_warnings(&warn);
}

/* The record from its table, then (in a table, as people read it) its
 * dispatches and its history. */
static void
print_request(struct cli *c, struct kz_request *r)
{
	struct kz_events ev;
	struct kz_dispatch_query q;
	struct kz_dispatch_rows l;
	struct kz_err err = { 0 };
	char a[64], b[64];

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
			    kz_stamp_date(c->cfg, l.rows[i].start, a,
			    sizeof a), kz_stamp_date(c->cfg, l.rows[i].end,
			    b, sizeof b),
			    kz_lifecycle_name(&kz_dispatch_lc, l.rows[i].state),
			    l.rows[i].name ? l.rows[i].name : "",
			    l.rows[i].name_roman ? l.rows[i].name_roman : "");
		kz_dispatch_rows_free(&l);
	}
	if (kz_request_history(c->db, r->id, &ev, &err) == KZ_OK) {
		printf("\n%s\n", _("History:"));
		cli_dsp_history(c->cfg, &kz_request_lc, &ev);
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
	if ((rc = apply_record(c, a, &r)) == 0) {
		if (kz_request_insert(c->db, &r, &err) != KZ_OK)
			rc = cli_fail_err(&err);
		else if (warn_saved(c, &r), c->format == FMT_TABLE)
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
		else if (warn_saved(c, &r), c->format != FMT_TABLE)
			print_request(c, &r);
	}
	kz_request_free(&r);
	return rc;
}

int
cli_request_state(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 }, warn = { 0 };
	const char *state = a->arg[1];
	int to;

	if ((to = kz_lifecycle_parse(&kz_request_lc, state)) < 0) {
		char all[256] = "";

		for (int i = 0; i < KZ_REQ_NSTATUS; i++) {
			strncat(all, i ? ", " : "", sizeof all - strlen(all) - 1);
			strncat(all, kz_lifecycle_shown(&kz_request_lc, i),
			    sizeof all - strlen(all) - 1);
		}
		return cli_fail(_("\"%s\" is not a request status: %s"), state,
		    all);
	}
	if (kz_request_set_status_on(c->db, a->arg[0],
	    (enum kz_request_status)to, cli_opt(a, O_NOTE), NULL,
	    cli_opt(a, O_DATE), &warn, &err))
		return cli_fail_err(&err);
	cli_sem_warnings(&warn);
	return 0;
}

int
cli_request_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_request r;
	struct kz_err err = { 0 };

	/* one that cannot go is said before anything is asked */
	if (kz_request_delete_check(c->db, id, &err) ||
	    kz_request_get(c->db, id, &r, &err))
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
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_requests);
	return cli_list(c, a, &q, false);
}
