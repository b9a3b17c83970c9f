/* cli_dispatch.c - `kizuna dispatch ...`: dispatches, their life cycle and costs. */
#include "cli_dispatch.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "cost.h"
#include "date.h"
#include "dispatch.h"
#include "record.h"
#include "i18n.h"
#include "cli_output.h"
#include "specialist.h"
#include "text.h"

enum {
	O_REQUEST = 256, O_SPECIALIST, O_FROM, O_TO, O_PLACES, O_MODE,
	O_OVERRIDE, O_NOTES, O_CONFIRM, O_FORMAT, O_STATE, O_TEXT, O_DATE,
	O_REF, O_REASON, O_NOTE, O_YES, O_CATEGORY, O_PAYER, O_CURRENCY,
	O_ESTIMATE, O_ACTUAL, O_REMOVE,
};

static const struct option record_opts[] = {
	{ "request", required_argument, NULL, O_REQUEST },
	{ "specialist", required_argument, NULL, O_SPECIALIST },
	{ "from", required_argument, NULL, O_FROM },
	{ "to", required_argument, NULL, O_TO },
	{ "places", required_argument, NULL, O_PLACES },
	{ "mode", required_argument, NULL, O_MODE },
	{ "override", required_argument, NULL, O_OVERRIDE },
	{ "notes", required_argument, NULL, O_NOTES },
	{ "confirm", no_argument, NULL, O_CONFIRM },
	{ "format", required_argument, NULL, O_FORMAT },
	{ NULL, 0, NULL, 0 },
};

/* Options into d: 0, 1 (reported) or 2 (usage). */
static int
parse_record(struct cli *c, int argc, char **argv, struct kz_dispatch *d,
    bool *confirm, const struct cli_cmd *cmd)
{
	struct kz_err err = { 0 };
	int ch, k;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", record_opts, NULL)) != -1) {
		switch (ch) {
		case O_REQUEST:
			snprintf(d->request, sizeof d->request, "%s", optarg);
			break;
		case O_SPECIALIST:
			snprintf(d->specialist, sizeof d->specialist, "%s",
			    optarg);
			break;
		case O_FROM:
		case O_TO:
			if (strlen(optarg) > 10)
				kz_err_add(&err, ch == O_FROM ? "start" : "end",
				    _("\"%s\" is not a date YYYY-MM-DD"), optarg);
			else
				snprintf(ch == O_FROM ? d->start : d->end, 11,
				    "%s", optarg);
			break;
		case O_PLACES: kz_str_set(&d->places, optarg); break;
		case O_MODE:
			if ((k = kz_mode_parse(optarg)) < 0)
				kz_err_add(&err, "mode", _("--mode: \"%s\" is not "
				    "onsite or online"), optarg);
			else
				d->mode = (enum kz_mode)k;
			break;
		case O_OVERRIDE: kz_str_set(&d->override_reason, optarg); break;
		case O_NOTES: kz_str_set(&d->notes, optarg); break;
		case O_CONFIRM: *confirm = true; break;
		case O_FORMAT:
			if (cli_set_format(c, optarg))
				return 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind != argc)
		return cli_usage(cmd);
	return err.n ? cli_fail_err(&err) : 0;
}

/* A refusal, with a hint when only confirmation was missing. */
static int
fail_write(const struct kz_err *err)
{
	cli_fail_err(err);
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

static void
print_table(struct cli *c, const struct kz_dispatch *d)
{
	const char *labels[] = { _("id"), _("state"), _("specialist"),
	    _("request"), _("host"), _("dates"), _("places"), _("mode"),
	    _("agreement"), _("cancelled"), _("override"), _("notes"),
	    _("created"), _("updated") };
	struct kz_specialist s;
	struct kz_request r;
	struct kz_events ev;
	struct kz_err err = { 0 };
	char buf[1024], place[512];
	int lw = 0;
	long days = kz_date_days(d->end) - kz_date_days(d->start) + 1;

	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (kz_text_width(labels[i]) > lw)
			lw = kz_text_width(labels[i]);
	cli_show_line(labels[0], d->id, lw);
	cli_show_line(labels[1], kz_lifecycle_name(&kz_dispatch_lc, d->state), lw);
	if (kz_specialist_get(c->db, d->specialist, &s, &err) == KZ_OK) {
		snprintf(buf, sizeof buf, "%s %s (%s), %s", d->specialist,
		    s.name, s.name_roman, s.government);
		cli_show_line(labels[2], buf, lw);
		kz_specialist_free(&s);
	}
	if (kz_request_get(c->db, d->request, &r, &err) == KZ_OK) {
		snprintf(buf, sizeof buf, "%s %s", d->request, r.topic);
		cli_show_line(labels[3], buf, lw);
		kz_request_place(r.province, r.city, r.department, place,
		    sizeof place);
		snprintf(buf, sizeof buf, "%s %s", r.country, place);
		cli_show_line(labels[4], buf, lw);
		kz_request_free(&r);
	}
	snprintf(buf, sizeof buf, ngettext("%s..%s (%ld day)",
	    "%s..%s (%ld days)", (unsigned long)days), d->start, d->end, days);
	cli_show_line(labels[5], buf, lw);
	cli_show_line(labels[6], d->places, lw);
	cli_show_line(labels[7], kz_mode_name(d->mode), lw);
	if (d->agreement_ref) {
		snprintf(buf, sizeof buf, _("%s of %s"), d->agreement_ref,
		    d->agreement_date);
		cli_show_line(labels[8], buf, lw);
	}
	cli_show_line(labels[9], d->cancel_reason, lw);
	cli_show_line(labels[10], d->override_reason, lw);
	cli_show_line(labels[11], d->notes, lw);
	snprintf(buf, sizeof buf, "%s  %s", d->created, d->created_by ?
	    d->created_by : "");
	cli_show_line(labels[12], buf, lw);
	snprintf(buf, sizeof buf, "%s  %s", d->updated, d->updated_by ?
	    d->updated_by : "");
	cli_show_line(labels[13], buf, lw);
	printf("\n%s\n", _("Costs:"));
	print_ledger(c, d->id);
	if (kz_dispatch_history(c->db, d->id, &ev, &err) == KZ_OK) {
		printf("\n%s\n", _("History:"));
		cli_dsp_history(&kz_dispatch_lc, &ev);
		kz_events_free(&ev);
	}
}

static void
print_json(struct cli *c, const struct kz_dispatch *d)
{
	struct kz_cost_ledger led = { 0 };
	struct kz_events ev = { 0 };
	struct kz_err err = { 0 };
	char amount[48];

	puts("{");
	cli_json_kv("id", d->id, true);
	cli_json_kv("state", kz_lifecycle_keyword(&kz_dispatch_lc, d->state), true);
	cli_json_kv("request", d->request, true);
	cli_json_kv("specialist", d->specialist, true);
	cli_json_kv("start", d->start, true);
	cli_json_kv("end", d->end, true);
	cli_json_kv("places", d->places, true);
	cli_json_kv("mode", kz_mode_keyword(d->mode), true);
	cli_json_kv("agreement_date", d->agreement_date, true);
	cli_json_kv("agreement_ref", d->agreement_ref, true);
	cli_json_kv("cancel_reason", d->cancel_reason, true);
	cli_json_kv("override_reason", d->override_reason, true);
	cli_json_kv("notes", d->notes, true);
	printf("  \"revision\": %d,\n", d->revision);
	cli_json_kv("created", d->created, true);
	cli_json_kv("updated", d->updated, true);
	fputs("  \"costs\": [", stdout);
	kz_cost_load(c->db, d->id, &led, &err);
	for (size_t i = 0; i < led.n; i++) {
		const struct kz_cost_line *l = &led.lines[i];

		printf("%s\n    {\"category\": ", i ? "," : "");
		out_json_str(stdout, l->category);
		printf(", \"payer\": \"%s\", \"currency\": \"%s\", "
		    "\"estimate\": ", kz_payer_keyword((enum kz_payer)l->payer),
		    l->currency);
		kz_money_plain(l->estimate, l->currency, amount, sizeof amount);
		fputs(l->has_estimate ? amount : "null", stdout);
		fputs(", \"actual\": ", stdout);
		kz_money_plain(l->actual, l->currency, amount, sizeof amount);
		fputs(l->has_actual ? amount : "null", stdout);
		fputs(", \"note\": ", stdout);
		out_json_str(stdout, l->note);
		fputs("}", stdout);
	}
	kz_cost_ledger_free(&led);
	fputs("],\n  \"history\": [", stdout);
	kz_dispatch_history(c->db, d->id, &ev, &err);
	for (size_t i = 0; i < ev.n; i++) {
		const struct kz_event *e = &ev.ev[i];

		printf("%s\n    {\"at\": \"%s\", \"user\": ", i ? "," : "", e->at);
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
print_csv(const struct kz_dispatch *d)
{
	static const char *const head[] = { "id", "state", "request",
	    "specialist", "start", "end", "places", "mode", "agreement_date",
	    "agreement_ref", "cancel_reason", "override_reason", "notes" };
	const char *v[] = { d->id, kz_lifecycle_keyword(&kz_dispatch_lc, d->state),
	    d->request, d->specialist, d->start, d->end, d->places,
	    kz_mode_keyword(d->mode), d->agreement_date, d->agreement_ref,
	    d->cancel_reason, d->override_reason, d->notes };

	out_csv_row(stdout, 13, head);
	out_csv_row(stdout, 13, v);
}

static void
print_dispatch(struct cli *c, const struct kz_dispatch *d)
{
	if (c->format == FMT_JSON)
		print_json(c, d);
	else if (c->format == FMT_CSV)
		print_csv(d);
	else
		print_table(c, d);
}

int
cli_dispatch_add(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("dispatch", "add");
	struct kz_dispatch d;
	struct kz_dispatch_opts o = { false, NULL };
	struct kz_err err = { 0 };
	int rc;

	kz_dispatch_init(&d);
	if ((rc = parse_record(c, argc, argv, &d, &o.confirmed, cmd)) == 0) {
		if (kz_dispatch_insert(c->db, &d, &o, &err))
			rc = fail_write(&err);
		else if (c->format == FMT_TABLE)
			printf("%s\n", d.id);
		else
			print_dispatch(c, &d);
	}
	kz_dispatch_free(&d);
	return rc;
}

int
cli_dispatch_show(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("dispatch", "show");
	struct kz_dispatch d;
	struct kz_err err = { 0 };
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", record_opts, NULL)) != -1) {
		if (ch != O_FORMAT)
			return cli_usage(cmd);
		if (cli_set_format(c, optarg))
			return 1;
	}
	if (optind != argc - 1)
		return cli_usage(cmd);
	if (kz_dispatch_get(c->db, argv[optind], &d, &err))
		return cli_fail_err(&err);
	print_dispatch(c, &d);
	kz_dispatch_free(&d);
	return 0;
}

int
cli_dispatch_edit(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_find("dispatch", "edit");
	struct kz_dispatch d;
	struct kz_dispatch_opts o = { false, NULL };
	struct kz_err err = { 0 };
	int rc;

	if (argc < 3 || argv[1][0] == '-')
		return cli_usage(cmd);
	if (kz_dispatch_get(c->db, argv[1], &d, &err))
		return cli_fail_err(&err);
	argv[1] = argv[0];
	if ((rc = parse_record(c, argc - 1, argv + 1, &d, &o.confirmed,
	    cmd)) == 0) {
		if (kz_dispatch_update(c->db, &d, &o, &err))
			rc = fail_write(&err);
		else if (c->format != FMT_TABLE)
			print_dispatch(c, &d);
	}
	kz_dispatch_free(&d);
	return rc;
}

int
cli_dispatch_state(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, O_DATE },
		{ "ref", required_argument, NULL, O_REF },
		{ "reason", required_argument, NULL, O_REASON },
		{ "note", required_argument, NULL, O_NOTE },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_cmd *cmd = cli_find("dispatch", "state");
	struct kz_dispatch_change ch = { KZ_DSP_PROPOSED, NULL, NULL, NULL, NULL,
	    NULL };
	struct kz_err err = { 0 };
	int o, to;

	/* no "+": options before or after ID STATE */
	optind = 0;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case O_DATE: ch.date = optarg; break;
		case O_REF: ch.ref = optarg; break;
		case O_REASON: ch.reason = optarg; break;
		case O_NOTE: ch.note = optarg; break;
		default: return cli_usage(cmd);
		}
	}
	if (argc - optind != 2)
		return cli_usage(cmd);
	if ((to = kz_lifecycle_parse(&kz_dispatch_lc, argv[optind + 1])) < 0) {
		char all[256] = "";

		for (int i = 0; i < KZ_DSP_NSTATES; i++) {
			strncat(all, i ? ", " : "", sizeof all - strlen(all) - 1);
			strncat(all, kz_lifecycle_keyword(&kz_dispatch_lc, i),
			    sizeof all - strlen(all) - 1);
		}
		return cli_fail(_("\"%s\" is not a dispatch state: %s"),
		    argv[optind + 1], all);
	}
	ch.to = (enum kz_dispatch_state)to;
	if (kz_dispatch_set_state(c->db, argv[optind], &ch, &err))
		return fail_write(&err);
	return 0;
}

int
cli_dispatch_rm(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, O_YES },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_cmd *cmd = cli_find("dispatch", "rm");
	struct kz_dispatch d;
	struct kz_err err = { 0 };
	bool yes = false;
	char q[256];
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+y", opts, NULL)) != -1) {
		if (ch != O_YES && ch != 'y')
			return cli_usage(cmd);
		yes = true;
	}
	if (optind != argc - 1)
		return cli_usage(cmd);
	if (kz_dispatch_get(c->db, argv[optind], &d, &err))
		return cli_fail_err(&err);
	snprintf(q, sizeof q, _("delete dispatch %s (%s..%s)?"), d.id, d.start,
	    d.end);
	if (!yes && !cli_ask(q)) {
		kz_dispatch_free(&d);
		return cli_fail(_("not deleting %s without --yes"), argv[optind]);
	}
	if (kz_dispatch_delete(c->db, d.id, &err)) {
		kz_dispatch_free(&d);
		return cli_fail_err(&err);
	}
	kz_dispatch_free(&d);
	return 0;
}

int
cli_dispatch_cost(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "category", required_argument, NULL, O_CATEGORY },
		{ "payer", required_argument, NULL, O_PAYER },
		{ "currency", required_argument, NULL, O_CURRENCY },
		{ "estimate", required_argument, NULL, O_ESTIMATE },
		{ "actual", required_argument, NULL, O_ACTUAL },
		{ "note", required_argument, NULL, O_NOTE },
		{ "remove", required_argument, NULL, O_REMOVE },
		{ "format", required_argument, NULL, O_FORMAT },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_cmd *cmd = cli_find("dispatch", "cost");
	const char *category = NULL, *remove = NULL, *payer = NULL;
	const char *currency = NULL, *estimate = NULL, *actual = NULL;
	const char *note = NULL;
	bool set_note = false;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case O_CATEGORY: category = optarg; break;
		case O_PAYER: payer = optarg; break;
		case O_CURRENCY: currency = optarg; break;
		case O_ESTIMATE: estimate = optarg; break;
		case O_ACTUAL: actual = optarg; break;
		case O_NOTE: note = optarg; set_note = true; break;
		case O_REMOVE: remove = optarg; break;
		case O_FORMAT:
			if (cli_set_format(c, optarg))
				return 1;
			break;
		default: return cli_usage(cmd);
		}
	}
	if (optind != argc - 1 || (category && remove) || (!category &&
	    (payer || currency || estimate || actual || set_note)))
		return cli_usage(cmd);
	if (kz_dispatch_resolve(c->db, argv[optind], id, &err))
		return cli_fail_err(&err);
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
				led.lines[i].category = led.lines[i].note = NULL;
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
		if (currency)
			snprintf(l.currency, sizeof l.currency, "%s", currency);
		if (set_note)
			kz_str_set(&l.note, note);
		if (l.currency[0] == '\0')
			kz_cost_usual_currency(c->db, id, category, l.payer,
			    l.currency);
		if (estimate)
			kz_cost_parse_amount(estimate, l.currency,
			    &l.has_estimate, &l.estimate, "estimate", &err);
		if (actual)
			kz_cost_parse_amount(actual, l.currency, &l.has_actual,
			    &l.actual, "actual", &err);
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
cli_dispatch_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state", required_argument, NULL, O_STATE },
		{ "specialist", required_argument, NULL, O_SPECIALIST },
		{ "request", required_argument, NULL, O_REQUEST },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "text", required_argument, NULL, O_TEXT },
		{ "format", required_argument, NULL, O_FORMAT },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_cmd *cmd = cli_find("dispatch", "list");
	struct kz_dispatch_query q;
	struct kz_dispatch_rows l;
	struct kz_err err = { 0 };
	char spec[KZ_ID_SIZE], req[KZ_ID_SIZE];
	int ch;

	kz_dispatch_query_init(&q);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (ch) {
		case O_STATE:
			if (strcmp(optarg, "active") == 0)
				q.state = -2;
			else if ((q.state = kz_lifecycle_parse(&kz_dispatch_lc,
			    optarg)) < 0)
				return cli_fail(_("--state: \"%s\" is not a "
				    "dispatch state (or active)"), optarg);
			break;
		case O_SPECIALIST:
			if (kz_record_resolve(c->db, KZ_T_SPECIALIST, optarg,
			    spec, &err))
				return cli_fail_err(&err);
			q.specialist = spec;
			break;
		case O_REQUEST:
			if (kz_request_resolve(c->db, optarg, req, &err))
				return cli_fail_err(&err);
			q.request = req;
			break;
		case O_FROM: q.from = optarg; break;
		case O_TO: q.to = optarg; break;
		case O_TEXT: q.text = optarg; break;
		case O_FORMAT:
			if (cli_set_format(c, optarg))
				return 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind != argc)
		return cli_usage(cmd);
	if (kz_dispatch_list(c->db, &q, false, &l, &err))
		return cli_fail_err(&err);
	if (c->format == FMT_CSV) {
		static const char *const head[] = { "id", "start", "end", "state",
		    "specialist", "name", "name_roman", "country", "host",
		    "places", "mode", "request" };
		out_csv_row(stdout, 12, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_dispatch_row *r = &l.rows[i];
			const char *v[] = { r->id, r->start, r->end,
			    kz_lifecycle_keyword(&kz_dispatch_lc, r->state),
			    r->specialist, r->name, r->name_roman, r->country,
			    r->host, r->places, kz_mode_keyword(r->mode),
			    r->request };
			out_csv_row(stdout, 12, v);
		}
	} else if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_dispatch_row *r = &l.rows[i];

			printf("  {\"id\": \"%s\", \"start\": \"%s\", \"end\": "
			    "\"%s\", \"state\": \"%s\", \"specialist\": \"%s\", "
			    "\"name\": ", r->id, r->start, r->end,
			    kz_lifecycle_keyword(&kz_dispatch_lc, r->state),
			    r->specialist);
			out_json_str(stdout, r->name);
			fputs(", \"name_roman\": ", stdout);
			out_json_str(stdout, r->name_roman);
			printf(", \"country\": \"%s\", \"host\": ", r->country);
			out_json_str(stdout, r->host);
			fputs(", \"places\": ", stdout);
			out_json_str(stdout, r->places);
			printf(", \"mode\": \"%s\", \"request\": \"%s\"}%s\n",
			    kz_mode_keyword(r->mode), r->request,
			    i + 1 < l.n ? "," : "");
		}
		puts("]");
	} else if (l.n == 0)
		fputs(_("no dispatches found\n"), stderr);
	else {
		const char *head[] = { _("ID"), _("DATES"), _("STATE"),
		    _("SPECIALIST"), _("HOST") };
		struct out_table t;

		out_table_init(&t, 5, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_dispatch_row *r = &l.rows[i];
			char dates[32], who[256], host[600];

			snprintf(dates, sizeof dates, "%s..%s", r->start, r->end);
			snprintf(who, sizeof who, "%s (%s)", r->name ? r->name :
			    "", r->name_roman ? r->name_roman : "");
			snprintf(host, sizeof host, "%s %s", r->country, r->host);
			const char *v[] = { r->id, dates,
			    kz_lifecycle_name(&kz_dispatch_lc, r->state), who, host };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 34);
		out_table_free(&t);
	}
	kz_dispatch_rows_free(&l);
	return 0;
}
