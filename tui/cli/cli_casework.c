/* cli_casework.c - what the request, dispatch and match commands share. */
#include "cli_casework.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "record.h"
#include "note.h"
#include "stamp.h"
#include "cli_output.h"
#include "text.h"

void
cli_dsp_history(const struct kz_config *cfg, const struct kz_lifecycle *lc,
    const struct kz_events *ev)
{
	const char *head[] = { _("WHEN"), _("WHO"), _("CHANGE"),
	    _("NOTE") };
	struct out_table t;
	char change[160], when[96];

	out_table_init(&t, 4, head);
	for (size_t i = 0; i < ev->n; i++) {
		const struct kz_event *e = &ev->ev[i];

		/* states in the reader's words, like the headings */
		if (e->from < 0)
			snprintf(change, sizeof change, "-> %s",
			    kz_lifecycle_name(lc, e->to));
		else if (e->from == e->to)
			snprintf(change, sizeof change, "%s (%s)",
			    kz_lifecycle_name(lc, e->to), _("edited"));
		else
			snprintf(change, sizeof change, "%s -> %s",
			    kz_lifecycle_name(lc, e->from), kz_lifecycle_name(lc, e->to));
		/* the day it happened, when it differs from the one typed */
		if (e->on[0] && strncmp(e->on, e->at, 10) != 0)
			snprintf(change + strlen(change), sizeof change -
			    strlen(change), " %s", e->on);
		struct kz_buf note = { 0 };
		/* the note is stored in English where the program wrote it */
		/* in the office's date format and time zone, labelled */
		const char *v[] = { kz_stamp_format(cfg, e->at, when,
		    sizeof when), kz_user_name(e->user), change,
		    kz_note_text(e->note, &note) };
		out_table_row(&t, v);
		kz_buf_free(&note);
	}
	out_table_print(stdout, &t, 60);
	out_table_free(&t);
}

bool
cli_dsp_int(const char *opt, const char *v, int min, int max, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < min || n > max) {
		cli_fail(_("%s: \"%s\" is not a whole number from %d to %d"),
		    opt, v, min, max);
		return false;
	}
	*out = (int)n;
	return true;
}
