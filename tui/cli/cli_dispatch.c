/* cli_dispatch.c - `kizuna dispatch ...`: dispatches, their life cycle and costs. */
#include "cli_dispatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "cli_list.h"
#include "cli_record.h"
#include "cost.h"
#include "date.h"
#include "dispatch.h"
#include "record.h"
#include "i18n.h"
#include "language.h"
#include "cli_output.h"
#include "cli_seminar.h"
#include "specialist.h"
#include "stamp.h"
#include "text.h"

/* Below zero: the options of add and edit come from the dispatch's table
 * (core/dispatch.c), made by cli_record_options, keyed by its lines
 * above zero. */
enum {
	O_REQUEST = -60, O_SPECIALIST, O_FROM, O_TO, O_PLACES, O_MODE,
	O_OVERRIDE, O_NOTES, O_CONFIRM, O_STATE, O_TEXT, O_DATE,
	O_REF, O_REASON, O_NOTE, O_CATEGORY, O_PAYER, O_CURRENCY,
	O_ESTIMATE, O_ACTUAL, O_REMOVE,
};

#define MORE		CLI_OPT_MORE
#define NEEDED		(CLI_OPT_MORE | CLI_OPT_NEEDED)

struct cli_opt cli_dispatch_opts[KZ_CLI_RECORD_OPTS];

/* add and edit besides the table's fields */
const struct cli_opt cli_dispatch_confirm_opts[] = {
	{ .name = "confirm", .key = O_CONFIRM, .flags = CLI_OPT_MORE,
	  .help = N_("go on despite a warning, keeping it in the history") },
	{ 0 },
};

const struct cli_opt cli_dispatch_state_opts[] = {
	{ .name = "date", .arg = "DATE", .key = O_DATE,
	  .help = N_("the day it happened, for signed the agreement's "
	  "(default: today where the office is)") },
	{ .name = "ref", .arg = "REFERENCE", .key = O_REF,
	  .help = N_("the agreement's reference") },
	{ .name = "reason", .arg = "TEXT", .key = O_REASON,
	  .help = N_("why it is cancelled") },
	{ .name = "note", .arg = "TEXT", .key = O_NOTE,
	  .help = N_("a note kept in the history") },
	{ 0 },
};

struct cli_opt cli_dispatch_cost_opts[] = {
	/* value names and help from kz_cost_type (cli_record_options) */
	{ .name = "category", .key = O_CATEGORY },
	{ .name = "payer", .key = O_PAYER },
	{ .name = "currency", .key = O_CURRENCY },
	{ .name = "estimate", .key = O_ESTIMATE },
	{ .name = "actual", .key = O_ACTUAL },
	{ .name = "note", .arg = "TEXT", .key = O_NOTE },
	{ .name = "remove", .arg = "CATEGORY", .key = O_REMOVE,
	  .help = N_("the cost line to remove") },
	{ 0 },
};

/* The options given into d, in their order; 0 or 1 (reported). */
static int
apply_record(const struct cli_args *a, struct kz_dispatch *d, bool *confirm)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key == O_CONFIRM)
			*confirm = true;
		else if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_dispatch_type, d,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_dispatch_type, d, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

/* A refusal, with a hint when only confirmation was missing. */
static int
fail_write(const struct kz_err *err)
{
	int rc = cli_fail_err(err);

	if (err->stale)
		return rc;	/* it said nothing was saved, and exits 3 */
	if (kz_dispatch_only_warnings(err))
		fputs(_("kizuna: nothing written; add --confirm to go on "
		    "anyway\n"), stderr);
	else
		fputs(_("kizuna: nothing written\n"), stderr);
	return 1;
}

/* ---- one dispatch ---- */

static void
print_ledger(struct cli *c, const char *id)
{
	struct kz_cost_ledger led;
	struct kz_cost_total *t;
	struct kz_err err = { 0 };
	const char *head[] = { _("CATEGORY"), _("PAYER"), _("CURRENCY"),
	    _("ESTIMATE"), _("ACTUAL"), _("NOTE") };
	struct out_table tab;
	size_t nt;

	if (kz_cost_load(c->db, id, &led, &err))
		return;
	out_table_init(&tab, 6, head);
	for (size_t i = 0; i < led.n; i++) {
		const struct kz_cost_line *l = &led.lines[i];
		char e[48] = "", a[48] = "";

		if (l->has_estimate)
			kz_money_format(l->estimate, l->currency, e, sizeof e);
		if (l->has_actual)
			kz_money_format(l->actual, l->currency, a, sizeof a);
		const char *v[] = { kz_cost_category_name(l->category),
		    kz_payer_name((enum kz_payer)l->payer), l->currency, e, a,
		    l->note ? l->note : "" };
		out_table_row(&tab, v);
	}
	kz_cost_totals(&led, &t, &nt);
	for (size_t i = 0; i < nt; i++) {
		char e[48], a[48], label[96];

		kz_money_format(t[i].estimate, t[i].currency, e, sizeof e);
		kz_money_format(t[i].actual, t[i].currency, a, sizeof a);
		snprintf(label, sizeof label, _("total"));
		const char *v[] = { label, kz_payer_name(t[i].payer),
		    t[i].currency, e, a, "" };
		out_table_row(&tab, v);
	}
	out_table_print(stdout, &tab, 40);
	out_table_free(&tab);
	free(t);
	kz_cost_ledger_free(&led);
}

/* The record from its table, then its costs and its history. */
static void
print_table(struct cli *c, const struct kz_dispatch *d)
{
	const char *labels[] = { _("specialist"), _("request"), _("host") };
	struct kz_specialist s;
	struct kz_request r;
	struct kz_events ev;
	struct kz_err err = { 0 };
	char buf[1024], place[512];
	int lw = 0;

	cli_record_print(c, &kz_dispatch_type, d);
	/* who goes, and where to: the ids above, as people know them */
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (kz_text_width(labels[i]) > lw)
			lw = kz_text_width(labels[i]);
	putchar('\n');
	if (kz_specialist_get(c->db, d->specialist, &s, &err) == KZ_OK) {
		snprintf(buf, sizeof buf, "%s (%s), %s", s.name, s.name_roman,
		    s.government);
		cli_show_line(labels[0], buf, lw);
		kz_specialist_free(&s);
	}
	if (kz_request_get(c->db, d->request, &r, &err) == KZ_OK) {
		cli_show_line(labels[1], r.topic, lw);
		kz_request_place(r.province, r.city, r.department, place,
		    sizeof place);
		snprintf(buf, sizeof buf, "%s %s", r.country, place);
		cli_show_line(labels[2], buf, lw);
		kz_request_free(&r);
	}
	printf("\n%s\n", _("Costs:"));
	print_ledger(c, d->id);
	if (kz_dispatch_history(c->db, d->id, &ev, &err) == KZ_OK) {
		printf("\n%s\n", _("History:"));
		cli_dsp_history(c->cfg, &kz_dispatch_lc, &ev);
		kz_events_free(&ev);
	}
}

static void
print_json(struct cli *c, const struct kz_dispatch *d)
{
	struct kz_cost_ledger led = { 0 };
	struct kz_events ev = { 0 };
	struct kz_err err = { 0 };
	struct kz_buf b = { 0 };

	/* the record's object from its table, its costs and history added */
	if (kz_rtype_json(&kz_dispatch_type, d, &b) || b.len < 3) {
		kz_buf_free(&b);
		cli_fail("%s", _("out of memory"));
		return;
	}
	b.s[b.len - 3] = '\0';		/* "\n}\n" */
	printf("%s,\n", b.s);
	kz_buf_free(&b);
	fputs("  \"costs\": [", stdout);
	kz_cost_load(c->db, d->id, &led, &err);
	for (size_t i = 0; i < led.n; i++) {
		/* a line as its table writes it: the fields files carry */
		struct kz_buf lb = { 0 };

		kz_rtype_json_csv(&kz_cost_type, &led.lines[i], true, &lb);
		printf("%s\n    %s", i ? "," : "", kz_buf_str(&lb));
		kz_buf_free(&lb);
	}
	kz_cost_ledger_free(&led);
	fputs("],\n  \"history\": [", stdout);
	kz_dispatch_history(c->db, d->id, &ev, &err);
	for (size_t i = 0; i < ev.n; i++) {
		const struct kz_event *e = &ev.ev[i];

		printf("%s\n    {\"at\": \"%s\", \"date\": ", i ? "," : "",
		    e->at);
		out_json_str(stdout, e->on[0] ? e->on : NULL);
		fputs(", \"user\": ", stdout);
		out_json_str(stdout, e->user);
		fputs(", \"from\": ", stdout);
		out_json_str(stdout, e->from >= 0 ?
		    kz_lifecycle_keyword(&kz_dispatch_lc, e->from) : NULL);
		printf(", \"to\": \"%s\", \"note\": ",
		    kz_lifecycle_keyword(&kz_dispatch_lc, e->to));
		out_json_str(stdout, e->note);
		fputs("}", stdout);
	}
	kz_events_free(&ev);
	puts("]\n}");
}

static void
print_dispatch(struct cli *c, const struct kz_dispatch *d)
{
	if (c->format == FMT_JSON)
		print_json(c, d);
	else if (c->format == FMT_CSV)
		cli_record_print(c, &kz_dispatch_type, d);
	else
		print_table(c, d);
}

int
cli_dispatch_add(struct cli *c, const struct cli_args *a)
{
	struct kz_dispatch d;
	struct kz_dispatch_opts o = { .confirmed = false };
	struct kz_err err = { 0 }, warn = { 0 };
	int rc;

	kz_dispatch_init(&d);
	o.warn = &warn;
	if ((rc = apply_record(a, &d, &o.confirmed)) == 0) {
		if (kz_dispatch_insert(c->db, &d, &o, &err))
			rc = fail_write(&err);
		else if (cli_sem_warnings(&warn), c->format == FMT_TABLE)
			printf("%s\n", d.id);
		else
			print_dispatch(c, &d);
	}
	kz_dispatch_free(&d);
	return rc;
}

int
cli_dispatch_show(struct cli *c, const struct cli_args *a)
{
	struct kz_dispatch d;
	struct kz_err err = { 0 };

	if (kz_dispatch_get(c->db, a->arg[0], &d, &err))
		return cli_fail_err(&err);
	print_dispatch(c, &d);
	kz_dispatch_free(&d);
	return 0;
}

int
cli_dispatch_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_dispatch d;
	struct kz_dispatch_opts o = { .confirmed = false };
	struct kz_err err = { 0 };
	int rc;

	if (kz_dispatch_get(c->db, a->arg[0], &d, &err))
		return cli_fail_err(&err);
	if ((rc = apply_record(a, &d, &o.confirmed)) == 0) {
		if (kz_dispatch_update(c->db, &d, &o, &err))
			rc = fail_write(&err);
		else if (c->format != FMT_TABLE)
			print_dispatch(c, &d);
	}
	kz_dispatch_free(&d);
	return rc;
}

int
cli_dispatch_state(struct cli *c, const struct cli_args *a)
{
	struct kz_dispatch_change ch = { .to = KZ_DSP_PROPOSED };
	struct kz_err err = { 0 }, warn = { 0 };
	int to;

	ch.warn = &warn;
	ch.date = cli_opt(a, O_DATE);
	ch.ref = cli_opt(a, O_REF);
	ch.reason = cli_opt(a, O_REASON);
	ch.note = cli_opt(a, O_NOTE);
	if ((to = kz_lifecycle_parse(&kz_dispatch_lc, a->arg[1])) < 0) {
		char all[256] = "";

		for (int i = 0; i < KZ_DSP_NSTATES; i++) {
			strncat(all, i ? ", " : "", sizeof all - strlen(all) - 1);
			strncat(all, kz_lifecycle_shown(&kz_dispatch_lc, i),
			    sizeof all - strlen(all) - 1);
		}
		return cli_fail(_("\"%s\" is not a dispatch state: %s"),
		    a->arg[1], all);
	}
	ch.to = (enum kz_dispatch_state)to;
	if (kz_dispatch_set_state(c->db, a->arg[0], &ch, &err))
		return fail_write(&err);
	cli_sem_warnings(&warn);
	return 0;
}

int
cli_dispatch_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_dispatch d;
	struct kz_err err = { 0 };
	char a[64], b[64];

	/* one that cannot go is said before anything is asked */
	if (kz_dispatch_delete_check(c->db, id, &err) ||
	    kz_dispatch_get(c->db, id, &d, &err))
		return cli_fail_err(&err);
	snprintf(q, size, _("delete dispatch %s (%s..%s)?"), d.id,
	    kz_stamp_date(c->cfg, d.start, a, sizeof a),
	    kz_stamp_date(c->cfg, d.end, b, sizeof b));
	kz_dispatch_free(&d);
	return 0;
}

int
cli_dispatch_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_dispatch_delete(c->db, a->arg[0], &err))
		return cli_fail_err(&err);
	return 0;
}

int
cli_dispatch_cost(struct cli *c, const struct cli_args *a)
{
	const char *category = cli_opt(a, O_CATEGORY);
	const char *remove = cli_opt(a, O_REMOVE), *payer = cli_opt(a, O_PAYER);
	const char *currency = cli_opt(a, O_CURRENCY);
	const char *estimate = cli_opt(a, O_ESTIMATE);
	const char *actual = cli_opt(a, O_ACTUAL), *note = cli_opt(a, O_NOTE);
	bool set_note = note != NULL;
	struct kz_err err = { 0 };
	const char *id = a->arg[0];

	category = kz_cost_category_code(c->cfg, category);
	remove = kz_cost_category_code(c->cfg, remove);
	if (category && remove)
		return cli_usage_fail(a->cmd, "%s", _("--category and --remove "
		    "do not go together"));
	if (!category && (payer || currency || estimate || actual || set_note))
		return cli_usage_fail(a->cmd, "%s", _("--payer, --currency, "
		    "--estimate, --actual and --note go with --category"));
	if (remove && kz_cost_remove(c->db, id, remove, &err))
		return cli_fail_err(&err);
	if (category) {
		struct kz_cost_ledger led;
		struct kz_cost_line l;
		int p = -1;

		/* change the line that is there, keeping what is not given */
		memset(&l, 0, sizeof l);
		l.payer = -1;
		if (kz_cost_load(c->db, id, &led, &err))
			return cli_fail_err(&err);
		for (size_t i = 0; i < led.n; i++)
			if (strcmp(led.lines[i].category, category) == 0) {
				l = led.lines[i];
				led.lines[i].category = led.lines[i].note =
				    led.lines[i].updated_by = NULL;
			}
		kz_cost_ledger_free(&led);
		snprintf(l.dispatch, sizeof l.dispatch, "%s", id);
		kz_str_set(&l.category, category);
		if (payer && (p = kz_payer_parse(payer)) < 0) {
			kz_cost_line_free(&l);
			return cli_fail(_("--payer: \"%s\" is not head or host"),
			    payer);
		}
		if (payer)
			l.payer = p;
		if (currency)	/* JPY, jpy, Yen, 日元 */
			snprintf(l.currency, sizeof l.currency, "%s",
			    kz_currency_parse(currency) ?
			    kz_currency_parse(currency) : currency);
		if (set_note)
			kz_str_set(&l.note, note);
		if (l.currency[0] == '\0')
			kz_cost_usual_currency(c->db, id, category, l.payer,
			    l.currency);
		if (estimate)
			kz_cost_line_set(&l, "estimate", estimate, &err);
		if (actual)
			kz_cost_line_set(&l, "actual", actual, &err);
		if (err.n == 0)
			kz_cost_set(c->db, &l, &err);
		kz_cost_line_free(&l);
		if (err.n)
			return cli_fail_err(&err);
	}
	print_ledger(c, id);
	return 0;
}

/* ---- lists ---- */

int
cli_dispatch_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_dispatches);
	return cli_list(c, a, &q, false);
}
