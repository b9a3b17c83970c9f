/* screen_specialist_form.c - the specialist form: a new record of the register, or an edit of one. */
#include "screen_specialist_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "i18n.h"

/* Display names of the stored keywords; core stores them in English. */
const char *const spec_status_names[] = {
	N_("serving"), N_("retired"), NULL
};

enum {
	SF_NAME, SF_ROMAN, SF_GOV, SF_POST, SF_STATUS, SF_FIELDS, SF_LANGS,
	SF_OVERSEAS, SF_EMAIL, SF_PHONE, SF_ADDRESS, SF_UNAVAIL, SF_NOTES,
	SF_N
};

static void spec_preview_fields(void *, const char *, char *, size_t);

static const struct form_spec specialist_form_spec[SF_N] = {
	{ "name", N_("Name"),
	  N_("The name in its own script, e.g. Chinese or Japanese characters"),
	  NULL, FORM_REQUIRED, NULL },
	{ "name_roman", N_("Romanised name"),
	  N_("The name in Latin letters, e.g. Wang Jianguo"),
	  NULL, FORM_REQUIRED, NULL },
	{ "government", N_("Home government"),
	  N_("Home prefecture or municipality, e.g. Shimane Prefecture"),
	  NULL, FORM_REQUIRED, NULL },
	{ "post", N_("Post"),
	  N_("Post or department, e.g. Agricultural Technology Centre"),
	  NULL, 0, NULL },
	{ "status", N_("Status"),
	  N_("Space, or the first letter: serving or retired"),
	  spec_status_names, 0, NULL },
	{ "fields", N_("Fields"),
	  N_("code or number[:sub-speciality[:years]]; ...  e.g. "
	     "agriculture:greenhouse:12; 27"),
	  NULL, 0, spec_preview_fields },
	{ "langs|languages", N_("Languages"),
	  N_("code:level, ...  e.g. zh:fluent "
	     "(basic/conversational/business/fluent/native)"),
	  NULL, 0, NULL },
	{ "overseas", N_("Overseas experience"),
	  N_("e.g. JICA expert in Laos, 2 years"), NULL, 0, NULL },
	{ "email", N_("E-mail"), N_("e.g. name@example.org"), NULL, 0, NULL },
	{ "phone", N_("Phone"), N_("Digits, spaces and + - ( ) . /"),
	  NULL, 0, NULL },
	{ "address", N_("Address"), N_("Postal address"), NULL, 0, NULL },
	{ "unavail|unavailable", N_("Unavailable"),
	  N_("YYYY-MM-DD..YYYY-MM-DD reason; ...  e.g. "
	     "2026-12-01..2026-12-20 surgery"), NULL, 0, NULL },
	{ "notes", N_("Notes"), N_("Anything else worth knowing"),
	  NULL, 0, NULL },
};

/* What the form works on: the record as it was (for an edit) and where
 * to report the record saved. */
struct spec_edit {
	struct frame_ctx *ctx;
	const struct kz_specialist *orig;
	struct spec_saved *saved;
};

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

static int
spec_save(struct form *f, void *arg, struct kz_err *err)
{
	struct spec_edit *e = arg;
	struct kz_db *db = e->ctx->db;
	struct kz_specialist r;
	int rc = KZ_OK;

	kz_specialist_init(&r);
	if (e->orig != NULL) {
		memcpy(r.id, e->orig->id, sizeof r.id);
		memcpy(r.created, e->orig->created, sizeof r.created);
		rc |= kz_str_set(&r.created_by, e->orig->created_by);
	}
	rc |= form_take(f, SF_NAME, &r.name);
	rc |= form_take(f, SF_ROMAN, &r.name_roman);
	rc |= form_take(f, SF_GOV, &r.government);
	rc |= form_take(f, SF_POST, &r.post);
	r.status = form_choice(f, SF_STATUS) ? KZ_RETIRED : KZ_SERVING;
	rc |= form_take(f, SF_OVERSEAS, &r.overseas);
	rc |= form_take(f, SF_EMAIL, &r.email);
	rc |= form_take(f, SF_PHONE, &r.phone);
	rc |= form_take(f, SF_ADDRESS, &r.address);
	rc |= form_take(f, SF_NOTES, &r.notes);
	if (rc != KZ_OK) {
		kz_specialist_free(&r);
		return kz_err_add(err, "", "%s", _("out of memory"));
	}
	kz_specialist_parse_fields(&r, form_value(f, SF_FIELDS), err);
	kz_specialist_parse_langs(&r, form_value(f, SF_LANGS), err);
	kz_specialist_parse_unavail(&r, form_value(f, SF_UNAVAIL), err);
	if (err->n > 0) {
		/* Show the rest of the problems too, not one at a time. */
		kz_specialist_validate(db, &r, err);
		rc = KZ_ERROR;
	} else if (e->orig != NULL)
		rc = kz_specialist_update(db, &r, err);
	else
		rc = kz_specialist_insert(db, &r, err);
	if (rc == KZ_OK) {
		snprintf(e->saved->id, sizeof e->saved->id, "%s", r.id);
		snprintf(e->saved->name, sizeof e->saved->name, "%s", r.name);
	}
	kz_specialist_free(&r);
	return rc;
}

static void
spec_fill_form(struct form *f, const struct kz_specialist *s)
{
	char *v;

	form_set(f, SF_NAME, s->name);
	form_set(f, SF_ROMAN, s->name_roman);
	form_set(f, SF_GOV, s->government);
	form_set(f, SF_POST, s->post);
	form_set_choice(f, SF_STATUS, s->status == KZ_RETIRED);
	form_set(f, SF_FIELDS, (v = kz_specialist_format_fields(s)));
	free(v);
	form_set(f, SF_LANGS, (v = kz_specialist_format_langs(s)));
	free(v);
	form_set(f, SF_OVERSEAS, s->overseas);
	form_set(f, SF_EMAIL, s->email);
	form_set(f, SF_PHONE, s->phone);
	form_set(f, SF_ADDRESS, s->address);
	form_set(f, SF_UNAVAIL, (v = kz_specialist_format_unavail(s)));
	free(v);
	form_set(f, SF_NOTES, s->notes);
}

bool
specialist_form(struct frame_ctx *ctx, const struct kz_specialist *orig,
    struct spec_saved *saved)
{
	struct spec_edit e = { ctx, orig, saved };
	struct form f;
	char title[128];
	bool ok;

	if (orig != NULL)
		snprintf(title, sizeof title, _("Edit specialist %s"), orig->id);
	else
		snprintf(title, sizeof title, "%s", _("Add a specialist"));
	form_init(&f, title, specialist_form_spec, SF_N, &e);
	if (orig != NULL)
		spec_fill_form(&f, orig);
	ok = form_run(&f, spec_save);
	form_free(&f);
	return ok;
}
