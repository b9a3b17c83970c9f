/* dsp_export.c - dispatches as CSV for spreadsheets and the annual report. */
#include "dsp_export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "csv.h"
#include "date.h"
#include "dispatch.h"
#include "i18n.h"

static const char *const head[] = {
	"id", "request", "specialist", "name", "name_roman", "start", "end",
	"days", "places", "mode", "state", "agreement_date", "agreement_ref",
	"cancel_reason", "override_reason", "country", "host", "topic",
	"fields", "head_costs", "host_costs", "updated",
};
#define NHEAD (sizeof head / sizeof head[0])

/* "JPY 125000/118000; CNY 3000.00/2800.00" for one payer. */
static void
costs_of(const struct kz_cost_total *t, size_t n, enum kz_payer payer,
    struct kz_buf *b)
{
	for (size_t i = 0; i < n; i++) {
		char e[40], a[40];

		if (t[i].payer != payer)
			continue;
		kz_money_plain(t[i].estimate, t[i].currency, e, sizeof e);
		kz_money_plain(t[i].actual, t[i].currency, a, sizeof a);
		kz_buf_printf(b, "%s%s %s/%s", b->len ? "; " : "",
		    t[i].currency, e, a);
	}
}


/* Where kz_export_dispatches_csv's lines go. */
struct csv_arg {
	struct kz_db *db;
	struct kz_buf *out;
};

/* kz_export_dispatches_csv's step: one dispatch's line, passed on to
 * out's sink once enough is held. */
static int
csv_step(void *arg, struct kz_dispatch_row *r, struct kz_err *err)
{
	struct csv_arg *a = arg;
	struct kz_dispatch d;
	struct kz_cost_ledger led = { 0 };
	struct kz_cost_total *t = NULL;
	struct kz_buf hc = { 0 }, oc = { 0 };
	size_t nt = 0;
	char days[24];

	if (kz_dispatch_get(a->db, r->id, &d, err))
		return KZ_ERROR;
	if (kz_cost_load(a->db, r->id, &led, err)) {
		kz_dispatch_free(&d);
		return KZ_ERROR;
	}
	kz_cost_totals(&led, &t, &nt);
	costs_of(t, nt, KZ_PAYER_HEAD, &hc);
	costs_of(t, nt, KZ_PAYER_HOST, &oc);
	snprintf(days, sizeof days, "%ld", kz_date_days(r->end) -
	    kz_date_days(r->start) + 1);
	const char *v[NHEAD] = { r->id, r->request, r->specialist,
	    r->name, r->name_roman, r->start, r->end, days, r->places,
	    kz_mode_keyword(r->mode),
	    kz_lifecycle_keyword(&kz_dispatch_lc, r->state), d.agreement_date,
	    d.agreement_ref, d.cancel_reason, d.override_reason,
	    r->country, r->host, r->topic, r->fields, kz_buf_str(&hc),
	    kz_buf_str(&oc), r->updated };
	for (size_t k = 0; k < NHEAD; k++)
		kz_csv_cell(a->out, v[k] ? v[k] : "", k + 1 == NHEAD);
	kz_buf_free(&hc);
	kz_buf_free(&oc);
	free(t);
	kz_cost_ledger_free(&led);
	kz_dispatch_free(&d);
	return kz_buf_drain_err(a->out, false, err);
}

int
kz_export_dispatches_csv(struct kz_db *db, struct kz_buf *out,
    struct kz_err *err)
{
	struct kz_dispatch_query q;
	struct csv_arg a = { db, out };

	kz_dispatch_query_init(&q);
	for (size_t i = 0; i < NHEAD; i++)
		kz_csv_cell(out, head[i], i + 1 == NHEAD);
	/* a dispatch at a time, never the whole list */
	if (kz_dispatch_each(db, &q, true, csv_step, &a, err) != KZ_OK)
		return KZ_ERROR;
	return kz_buf_drain_err(out, true, err);
}
