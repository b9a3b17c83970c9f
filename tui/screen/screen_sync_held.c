/* screen_sync_held.c - the Sync tab's conflicts: finding them, and taking every held change that is ready. */
#include "screen_sync_held.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "fold.h"
#include "i18n.h"

bool
sync_conflict_matches(const struct kz_conflict *c, const char *term)
{
	char why[512], num[24];

	snprintf(num, sizeof num, "#%ld", c->n);
	return strstr(num, term) || kz_fold_contains(c->office, term) ||
	    kz_fold_contains(c->table, term) ||
	    kz_fold_contains(c->record, term) ||
	    (c->change && kz_fold_contains(c->change, term)) ||
	    kz_fold_contains(kz_conflict_reason(c, why, sizeof why), term);
}

/* The count is a dry run of the taking itself: what a row readies (a
 * dispatch its cost lines and events) is counted with it. */
bool
sync_ready_ask(struct frame_ctx *ctx, struct record_list *rl)
{
	struct kz_err err = { 0 };
	long taken, held;
	char q[256];

	if (kz_sync_resolve_ready(ctx->db, true, &taken, &held, &err)) {
		frame_error(ctx, &err);
		return false;
	}
	if (taken == 0) {
		if (held == 0)
			frame_message(ctx, false, "%s", _("No change is held."));
		else
			frame_message(ctx, false, ngettext("None of the %ld held "
			    "change is ready: the records it names are still "
			    "missing.", "None of the %ld held changes is ready: "
			    "the records they name are still missing.",
			    (unsigned long)held), held);
		return false;
	}
	snprintf(q, sizeof q, ngettext("Apply the %ld held change that is "
	    "ready (its records are here now)?", "Apply the %ld held changes "
	    "that are ready (their records are here now)?",
	    (unsigned long)taken), taken);
	record_list_ask(rl, q);
	return true;
}

void
sync_ready_take(struct frame_ctx *ctx)
{
	struct kz_err err = { 0 };
	long taken, held;
	char did[160];

	if (kz_sync_resolve_ready(ctx->db, false, &taken, &held, &err)) {
		frame_error(ctx, &err);
		return;
	}
	snprintf(did, sizeof did, ngettext("Applied %ld held change.",
	    "Applied %ld held changes.", (unsigned long)taken), taken);
	if (held == 0)
		frame_message(ctx, false, "%s", did);
	else
		frame_message(ctx, false, ngettext("%s %ld is still held: its "
		    "records are still missing.", "%s %ld are still held: their "
		    "records are still missing.", (unsigned long)held), did,
		    held);
}
