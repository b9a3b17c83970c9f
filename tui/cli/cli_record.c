/* cli_record.c - one record printed from its type's table: a table of labels, CSV or JSON. */
#include "cli_record.h"
#include "cli_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "participant.h"
#include "programme.h"
#include "seminar.h"
#include "cost.h"
#include "dispatch.h"
#include "request.h"
#include "specialist.h"
#include "opening.h"
#include "trainee.h"
#include "activity.h"

#include "date.h"
#include "i18n.h"
#include "text.h"

int
cli_record_label_width(const struct kz_rtype *rt)
{
	int lw = 0;

	for (size_t i = 0; i < rt->n; i++)
		if (!(rt->f[i].flags & KZ_RF_DERIVED) &&
		    kz_text_width(_(rt->f[i].label)) > lw)
			lw = kz_text_width(_(rt->f[i].label));
	return lw;
}

/* A field held in several languages: under the line in the reader's
 * language, each language it is held in, and the original when the
 * reader saw another. */
static void
print_langs(const struct kz_rtype *rt, const struct kz_rfield *f,
    const void *rec, int lw)
{
	const struct kz_trs *t = kz_rtype_ctrs(rt, rec);
	const char *orig = *(char *const *)kz_rfield_cptr(f, rec);
	char langs[256], label[64], *l, *save = NULL;

	kz_tr_langs_of(t, f->name, langs, sizeof langs);
	if (!*langs)
		return;
	for (l = strtok_r(langs, ", ", &save); l;
	    l = strtok_r(NULL, ", ", &save)) {
		snprintf(label, sizeof label, "  %s", l);
		cli_show_line(label, kz_tr_get(t, f->name, l), lw);
	}
	if (orig && kz_rfield_in(f, rec, NULL) != orig) {
		snprintf(label, sizeof label, "  %s", _("original"));
		cli_show_line(label, orig, lw);
	}
}

static void
print_table(const struct cli *c, const struct kz_rtype *rt, const void *rec)
{
	int lw = cli_record_label_width(rt);

	for (size_t i = 0; i < rt->n; i++) {
		if (rt->f[i].flags & KZ_RF_DERIVED)
			continue;
		char *v = kz_rfield_shown(&rt->f[i], rec, c->cfg);
		cli_show_line(_(rt->f[i].label), v, lw);
		free(v);
		if (rt->f[i].flags & KZ_RF_LANGS)
			print_langs(rt, &rt->f[i], rec, lw);
	}
}

void
cli_record_print(const struct cli *c, const struct kz_rtype *rt,
    const void *rec)
{
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };
	struct kz_tr_cols tc = { 0 };

	switch (c->format) {
	case FMT_JSON:
		kz_rtype_json(rt, rec, &b);
		break;
	case FMT_CSV:
		/* a column for each field and language any record of the
		 * type is kept in, as the lists have */
		if (c->db && kz_rtype_tr_cols(c->db, rt, &tc, &err) != KZ_OK) {
			cli_fail_err(&err);
			return;
		}
		kz_rtype_csv_header_in(rt, true, &tc, &b);
		kz_rtype_csv_row_in(rt, rec, true, &tc, &b);
		kz_tr_cols_free(&tc);
		break;
	default:
		print_table(c, rt, rec);
		return;
	}
	if (b.oom)
		cli_fail("%s", _("out of memory"));
	else
		fputs(kz_buf_str(&b), stdout);
	kz_buf_free(&b);
}

int
cli_record_option(const struct kz_rtype *rt, void *rec, const char *option,
    const char *value, struct kz_err *err)
{
	const struct kz_rfield *f = kz_rtype_field(rt, option);

	if (strcmp(option, "tr") == 0 && kz_rtype_trs(rt, rec))
		return kz_rtype_tr_parse(rt, rec, value, "--tr", err);
	if (f == NULL || f->option == NULL)
		return kz_err_add(err, "", _("unknown option --%s"), option);
	return kz_rfield_set(f, rec, value, err);
}

int
cli_record_if_updated(const struct cli_args *a, const struct kz_rtype *rt,
    void *rec, struct kz_err *err)
{
	const struct kz_rfield *f = kz_rtype_field(rt, "updated");
	const char *v = cli_opt(a, CLI_K_IF_UPDATED);
	int64_t t;

	if (v == NULL)
		return KZ_OK;
	if (f == NULL || f->kind != KZ_RK_STAMP)
		return kz_err_add(err, "if-updated", _("a %s has no updated "
		    "stamp"), _(rt->name));
	if (!kz_date_stamp(v, &t) || strlen(v) >= f->size)
		return kz_err_add(err, "if-updated", _("\"%s\" is not a stamp "
		    "such as 2026-11-21T08:00:00Z (the updated value of show "
		    "--format csv or json)"), v);
	snprintf(kz_rfield_ptr(f, rec), f->size, "%s", v);
	return KZ_OK;
}

/* The value as usage names it: an enumeration's keywords ("serving|
 * retired", which completion offers), else the kind. */
static const char *
value_name(const struct kz_rfield *f)
{
	struct kz_buf b = { 0 };

	switch (f->kind) {
	case KZ_RK_ENUM:
		for (int i = 0; f->values->keywords[i]; i++) {
			if (i)
				kz_buf_put(&b, "|", 1);
			kz_buf_puts(&b, f->values->keywords[i]);
		}
		/* made once for the life of the program */
		return b.oom ? "VALUE" : b.s;
	case KZ_RK_DATE: return "DATE";
	case KZ_RK_CURRENCY: return "CODE";
	case KZ_RK_MONEY: return "AMOUNT";
	case KZ_RK_TIME: return "HH:MM";
	case KZ_RK_ZONE: return "ZONE";
	case KZ_RK_CODE: return "CODE";
	case KZ_RK_INT: return "N";
	case KZ_RK_COUNTRY: return "CC";
	case KZ_RK_EMAIL: return "ADDRESS";
	case KZ_RK_PHONE: return "NUMBER";
	case KZ_RK_REF:
		if (f->parse == NULL)
			return "ID";
		/* typed as a code too: --series SERIES */
		/* FALLTHROUGH */
	default:
		/* --name NAME, --fields FIELDS (every start makes them:
		 * no printf a character) */
		kz_buf_puts(&b, f->option);
		if (b.oom || b.s == NULL)
			return "TEXT";
		for (char *p = b.s; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		return b.s;
	}
}

static void
fill(struct cli_opt *out, size_t max, const struct kz_rtype *rt)
{
	size_t n = 0;

	for (size_t i = 0; i < rt->n && n + 1 < max; i++) {
		const struct kz_rfield *f = &rt->f[i];

		if (f->option == NULL)
			continue;
		out[n] = (struct cli_opt){ .name = f->option,
		    .arg = value_name(f), .help = f->label,
		    .key = (int)i + 1, .flags = CLI_OPT_MORE |
		    (f->flags & KZ_RF_REQUIRED ? CLI_OPT_NEEDED : 0) };
		n++;
	}
	/* text in other languages: one option for every such field */
	for (size_t i = 0; i < rt->n && n + 1 < max; i++)
		if (rt->f[i].flags & KZ_RF_LANGS) {
			out[n++] = (struct cli_opt){ .name = "tr",
			    .arg = "LANG:FIELD=TEXT", .help = N_("a field's "
			    "text in another language, e.g. "
			    "ja:title=TEXT; empty TEXT removes it"),
			    .key = (int)rt->n + 1,
			    .flags = CLI_OPT_MORE | CLI_OPT_MANY };
			break;
		}
	memset(&out[n], 0, sizeof out[n]);
}

/* Options a command declares by hand whose fields are a table's: what
 * a line leaves out (its value name, its help) comes from the field. */
static void
complete(struct cli_opt *opts, const struct kz_rtype *rt)
{
	for (struct cli_opt *o = opts; o->name; o++) {
		const struct kz_rfield *f = kz_rtype_field(rt, o->name);

		if (f == NULL || f->option == NULL)
			continue;
		if (o->arg == NULL)
			o->arg = value_name(f);
		if (o->help == NULL)
			o->help = f->hint ? f->hint : f->label;
	}
}

void
cli_record_options(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	fill(cli_specialist_opts, KZ_CLI_RECORD_OPTS, &kz_specialist_type);
	fill(cli_trainee_opts, KZ_CLI_RECORD_OPTS, &kz_trainee_type);
	fill(cli_opening_opts, KZ_CLI_RECORD_OPTS, &kz_opening_type);
	fill(cli_participant_opts, KZ_CLI_RECORD_OPTS, &kz_participant_type);
	fill(cli_series_opts, KZ_CLI_RECORD_OPTS, &kz_series_type);
	fill(cli_request_opts, KZ_CLI_RECORD_OPTS, &kz_request_type);
	fill(cli_dispatch_opts, KZ_CLI_RECORD_OPTS, &kz_dispatch_type);
	complete(cli_dispatch_cost_opts, &kz_cost_type);
	fill(cli_programme_item_opts, KZ_CLI_RECORD_OPTS,
	    &kz_programme_item_type);
	fill(cli_seminar_opts, KZ_CLI_RECORD_OPTS, &kz_seminar_type);
	for (size_t i = 0; i < KZ_CLI_ACTIVITIES && kz_akinds[i]; i++)
		fill(cli_activity_opts[i], KZ_CLI_RECORD_OPTS, kz_akinds[i]->rt);
	cli_activity_options();	/* count --by, from each kind */
	cli_list_options();	/* the lists' filters, from core/lists.c */
}

void
cli_record_merge(struct kz_err *err, const struct kz_err *more)
{
	kz_err_merge(err, more);
}
