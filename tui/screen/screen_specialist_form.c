/* screen_record.c - a record's form and detail lines, made from its type's table of fields. */
#include "screen_specialist_form.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "screen_dispatch_view.h"
#include "screen_record.h"
#include "i18n.h"

static void spec_preview_fields(void *, const char *, char *, size_t);

/* What the form works on: the record as it was (for an edit) and where
 * to report the record saved; the guard against putting back a change
 * made while it was open. */
struct spec_edit {
	struct frame_ctx *ctx;
	const struct kz_specialist *orig;
	struct spec_saved *saved;
	struct record_form rf;
	struct record_guard guard;
};

static int
spec_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_specialist_get(db, id, rec, err);
}

static void
spec_release(void *rec)
{
	kz_specialist_free(rec);
}

/* Under the field list: the field names, so a mistyped code shows
 * before saving. */
static void
spec_preview_fields(void *arg, const char *value, char *out, size_t size)
{
	struct spec_edit *e = arg;
	const struct kz_config *cfg = e->ctx->cfg;
	struct kz_specialist s;
	struct kz_err err;
	size_t o = 0;

	kz_specialist_init(&s);
	kz_err_clear(&err);
	kz_specialist_parse_fields(&s, value, &err);
	for (size_t i = 0; i < s.nfields && o < size; i++) {
		const struct kz_field *f = kz_config_field(cfg, s.fields[i].code);

		if (f)
			o += (size_t)snprintf(out + o, size - o, "%s%d %s",
			    i ? "; " : "", f->number, kz_field_name(cfg, f));
		else
			o += (size_t)snprintf(out + o, size - o, "%s%s ?",
			    i ? "; " : "", s.fields[i].code);
	}
	kz_specialist_free(&s);
}

static bool
same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* A new record of a person registered already (kz_specialist_same, the
 * rule of `add` and of a CSV import), or a record renamed or moved into
 * one: the user says whether it is a different person, seeing the
 * record there is. Asked only of a record its checks take, and of an
 * edit only when the name, romanised name or government changed. False,
 * with the reason in err, to stay in the form. */
static bool
spec_not_same(struct spec_edit *e, const struct kz_specialist *r,
    struct kz_err *err)
{
	const struct kz_specialist *was = e->orig;
	struct kz_specialist o;
	struct kz_err none = { 0 };
	char id[KZ_ID_SIZE], q[1024];

	if (kz_specialist_validate(e->ctx->db, r, err) != KZ_OK)
		return false;
	if (was != NULL && same_text(was->name, r->name) &&
	    same_text(was->name_roman, r->name_roman) &&
	    same_text(was->government, r->government))
		return true;
	if (!kz_specialist_same(e->ctx->db, r, id))
		return true;
	kz_specialist_init(&o);
	if (kz_specialist_get(e->ctx->db, id, &o, &none) != KZ_OK) {
		kz_specialist_free(&o);
		return true;
	}
	snprintf(q, sizeof q, was ? _("%s %s (%s), %s, %s, is registered "
	    "already. Keep the change for a different person of the same "
	    "name?") : _("%s %s (%s), %s, %s, is registered already. "
	    "Register a different person of the same name?"), o.id, o.name,
	    o.name_roman, o.government,
	    kz_enum_label(&kz_specialist_status_enum, (int)o.status));
	kz_specialist_free(&o);
	if (dispatch_view_yesno(q))
		return true;
	kz_err_add(err, "name", _("the same person is registered as %s"), id);
	return false;
}

static int
spec_save(struct form *f, void *arg, struct kz_err *err)
{
	struct spec_edit *e = arg;
	struct kz_db *db = e->ctx->db;
	struct kz_specialist r;
	int rc = KZ_OK;

again:
	kz_specialist_init(&r);
	if (e->orig != NULL) {
		memcpy(r.id, e->orig->id, sizeof r.id);
		memcpy(r.created, e->orig->created, sizeof r.created);
		rc |= kz_str_set(&r.created_by, e->orig->created_by);
		record_guard_stamp(&e->guard, &r);
	}
	if (rc != KZ_OK) {
		kz_specialist_free(&r);
		return kz_err_add(err, "", "%s", _("out of memory"));
	}
	record_form_take(&e->rf, f, &r, err);
	if (err->n > 0) {
		/* Show the rest of the problems too, not one at a time. */
		kz_specialist_validate(db, &r, err);
		rc = KZ_ERROR;
	} else if (!spec_not_same(e, &r, err))
		rc = KZ_ERROR;
	else if (e->orig != NULL)
		rc = kz_specialist_update(db, &r, err);
	else
		rc = kz_specialist_insert(db, &r, err);
	if (rc == KZ_OK) {
		snprintf(e->saved->id, sizeof e->saved->id, "%s", r.id);
		snprintf(e->saved->name, sizeof e->saved->name, "%s", r.name);
	}
	kz_specialist_free(&r);
	if (rc == KZ_STALE && record_guard_merge(&e->guard, f, db, e->ctx->cfg,
	    e->orig->id)) {
		kz_err_clear(err);
		rc = KZ_OK;
		goto again;
	}
	return rc;
}

bool
specialist_form(struct frame_ctx *ctx, const struct kz_specialist *orig,
    struct spec_saved *saved)
{
	struct spec_edit e = { .ctx = ctx, .orig = orig, .saved = saved };
	struct form f;
	char title[128];
	int i;
	bool ok;

	if (orig != NULL)
		snprintf(title, sizeof title, _("Edit specialist %s"), orig->id);
	else
		snprintf(title, sizeof title, "%s", _("Add a specialist"));
	if (!record_form_init(&e.rf, &kz_specialist_type))
		return false;
	/* the field codes explained as they are typed */
	if ((i = record_form_line(&e.rf, "fields")) >= 0)
		e.rf.spec[i].preview = spec_preview_fields;
	form_init(&f, title, e.rf.spec, e.rf.n, &e);
	if (orig != NULL)
		record_form_fill(&e.rf, &f, orig);
	record_guard_init(&e.guard, &e.rf, sizeof (struct kz_specialist),
	    spec_get, spec_release, orig);
	ok = form_run(&f, spec_save);
	record_guard_free(&e.guard);
	form_free(&f);
	record_form_free(&e.rf);
	return ok;
}
