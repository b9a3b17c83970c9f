/* cli_history.c - kizuna history ID: every change of a record, deleted or not. */
#include "cli_history.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli_output.h"
#include "history.h"
#include "i18n.h"
#include "stamp.h"

/* A line per field changed (a line for a change that names none), newest
 * change first: what people read, and what a spreadsheet sorts. */
static void
history_table(const struct kz_config *cfg, const struct kz_history *h,
    enum cli_format fmt)
{
	/* a record's field, its old and new value: not a field of
	 * expertise, not a sender */
	const char *head[] = { _("WHEN"), _("WHO"), _("ACTION"),
	    C_("history", "FIELD"), C_("history", "FROM"),
	    C_("history", "TO") };
	const char *csvh[] = { "at", "user", "record", "kind", "action",
	    "field", "old", "new" };
	struct out_table t;

	if (fmt == FMT_CSV)
		out_csv_row(stdout, 8, csvh);
	else
		out_table_init(&t, 6, head);
	for (size_t i = 0; i < h->n; i++) {
		const struct kz_hentry *e = &h->e[i];
		const char *user = e->user ? e->user : "";
		char when[96];

		/* the table in the office's time, labelled; CSV in UTC */
		kz_stamp_format(cfg, e->at, when, sizeof when);

		for (size_t j = 0; j < (e->nc ? e->nc : 1); j++) {
			const struct kz_hchange *c = e->nc ? &e->c[j] : NULL;
			const char *field = c && c->field ? c->field : "";
			const char *old = c && c->old ? c->old : "";
			const char *new = c && c->new ? c->new : "";

			if (fmt == FMT_CSV) {
				const char *v[] = { e->at, user, e->record,
				    e->kind, e->action, field, old, new };

				out_csv_row(stdout, 8, v);
			} else {
				/* the table is read: the field's label and
				 * its values in the reader's words, the
				 * default user too; CSV keeps what is stored */
				char *o = kz_history_value(e->kind, field, old,
				    cfg);
				char *n = kz_history_value(e->kind, field, new,
				    cfg);
				const char *v[] = { j ? "" : when,
				    j ? "" : kz_user_name(e->user), j ? "" :
				    kz_history_action_name(e->action),
				    kz_history_field_name(e->kind, field),
				    o ? o : old, n ? n : new };

				out_table_row(&t, v);
				free(o);
				free(n);
			}
		}
	}
	if (fmt != FMT_CSV) {
		out_table_print(stdout, &t, 40);
		out_table_free(&t);
	}
}

static void
history_json(const struct kz_history *h)
{
	fputs("[", stdout);
	for (size_t i = 0; i < h->n; i++) {
		const struct kz_hentry *e = &h->e[i];

		fputs(i ? ",\n  {" : "\n  {", stdout);
		fputs("\"id\": ", stdout);
		out_json_str(stdout, e->id);
		fputs(", \"record\": ", stdout);
		out_json_str(stdout, e->record);
		fputs(", \"kind\": ", stdout);
		out_json_str(stdout, e->kind);
		fputs(", \"at\": ", stdout);
		out_json_str(stdout, e->at);
		fputs(", \"user\": ", stdout);
		out_json_str(stdout, e->user);
		fputs(", \"action\": ", stdout);
		out_json_str(stdout, e->action);
		fputs(", \"changes\": [", stdout);
		for (size_t j = 0; j < e->nc; j++) {
			fputs(j ? ", {\"field\": " : "{\"field\": ", stdout);
			out_json_str(stdout, e->c[j].field);
			fputs(", \"old\": ", stdout);
			out_json_str(stdout, e->c[j].old);
			fputs(", \"new\": ", stdout);
			out_json_str(stdout, e->c[j].new);
			fputs("}", stdout);
		}
		fputs("]}", stdout);
	}
	fputs(h->n ? "\n]\n" : "]\n", stdout);
}

int
cli_history(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };
	struct kz_history h;
	char id[KZ_ID_SIZE];

	if (kz_history_resolve(c->db, a->arg[0], id, &err) != KZ_OK ||
	    kz_history_load(c->db, id, 0, &h, &err) != KZ_OK) {
		cli_fail_err(&err);
		kz_err_clear(&err);
		return 1;
	}
	if (c->format == FMT_JSON)
		history_json(&h);
	else if (h.n == 0 && c->format == FMT_TABLE)
		printf(_("No changes of %s recorded.\n"), id);
	else {
		/* what the record is, deleted or not */
		if (c->format == FMT_TABLE)
			printf("%s %s\n", kz_history_kind_name(h.e[0].kind),
			    id);
		history_table(c->cfg, &h, c->format);
	}
	kz_history_free(&h);
	return 0;
}
