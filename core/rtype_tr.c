/* rtype_tr.c - the fields of a record type held in several languages (KZ_RF_LANGS): read, set, checked, written as JSON and CSV columns. */
#include "rtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json.h"
#include "record.h"
#include "tr.h"

static const struct kz_rfield *
langs_field(const struct kz_rtype *rt)
{
	for (size_t i = 0; i < rt->n; i++)
		if (rt->f[i].flags & KZ_RF_LANGS)
			return &rt->f[i];
	return NULL;
}

struct kz_trs *
kz_rtype_trs(const struct kz_rtype *rt, void *rec)
{
	const struct kz_rfield *f = langs_field(rt);

	return f ? (struct kz_trs *)((char *)rec + f->trs) : NULL;
}

const struct kz_trs *
kz_rtype_ctrs(const struct kz_rtype *rt, const void *rec)
{
	const struct kz_rfield *f = langs_field(rt);

	return f ? (const struct kz_trs *)((const char *)rec + f->trs) : NULL;
}

const char *
kz_rfield_in(const struct kz_rfield *f, const void *rec, const char *lang)
{
	/* a LANGS field is a text kind: its member a malloc'd string */
	const char *orig = *(char *const *)kz_rfield_cptr(f, rec);

	if (!(f->flags & KZ_RF_LANGS))
		return orig;
	return kz_tr_pick((const struct kz_trs *)((const char *)rec + f->trs),
	    f->name, lang, orig);
}

const char *
kz_rtype_in(const struct kz_rtype *rt, const char *field, const void *rec)
{
	const struct kz_rfield *f = kz_rtype_field(rt, field);

	return f ? kz_rfield_in(f, rec, NULL) : NULL;
}

int
kz_rtype_tr_load(struct kz_db *db, const struct kz_rtype *rt, void *rec,
    struct kz_err *err)
{
	struct kz_trs *t = kz_rtype_trs(rt, rec);
	const struct kz_rfield *id = kz_rtype_field(rt, "id");

	if (t == NULL || id == NULL)
		return KZ_OK;
	return kz_tr_load(db, kz_rfield_cptr(id, rec), t, err);
}

int
kz_rtype_tr_parse(const struct kz_rtype *rt, void *rec, const char *spec,
    const char *where, struct kz_err *err)
{
	const char *colon = strchr(spec, ':'), *eq = strchr(spec, '=');
	const struct kz_rfield *f = NULL;
	char lang[KZ_TR_LANG], name[KZ_TR_FIELD];

	if (colon == NULL || eq == NULL || eq < colon)
		return kz_err_add(err, where, _("\"%s\" is not LANG:FIELD=TEXT, "
		    "such as ja:title=日中地方交流促進セミナー"), spec);
	snprintf(lang, sizeof lang, "%.*s", (int)(colon - spec), spec);
	snprintf(name, sizeof name, "%.*s", (int)(eq - colon - 1), colon + 1);
	if ((size_t)(colon - spec) >= sizeof lang || !kz_tr_lang_ok(lang))
		return kz_err_add(err, where, _("\"%.*s\" is not a language "
		    "such as ja, en, zh or zh_CN"), (int)(colon - spec), spec);
	for (size_t i = 0; i < rt->n; i++)
		if ((rt->f[i].flags & KZ_RF_LANGS) &&
		    (strcmp(rt->f[i].name, name) == 0 ||
		    (rt->f[i].option && strcmp(rt->f[i].option, name) == 0)))
			f = &rt->f[i];
	if (f == NULL) {
		char known[256] = "";
		size_t len = 0;

		for (size_t i = 0; i < rt->n && len < sizeof known; i++)
			if (rt->f[i].flags & KZ_RF_LANGS)
				len += (size_t)snprintf(known + len,
				    sizeof known - len, "%s%s", len ? ", " : "",
				    rt->f[i].name);
		return kz_err_add(err, where, _("\"%.*s\" is not held in "
		    "several languages; of a %s these are: %s"),
		    (int)(eq - colon - 1), colon + 1, _(rt->name), known);
	}
	if (kz_tr_set(kz_rtype_trs(rt, rec), f->name, lang, eq + 1) != KZ_OK)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

int
kz_rtype_tr_json(const struct kz_rtype *rt, const void *rec,
    struct kz_buf *out)
{
	const struct kz_trs *t = kz_rtype_ctrs(rt, rec);
	bool first = true;

	kz_buf_puts(out, "{");
	for (size_t i = 0; t && i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		char langs[256], *l, *save = NULL;
		bool one = true;

		if (!(f->flags & KZ_RF_LANGS))
			continue;
		kz_tr_langs_of(t, f->name, langs, sizeof langs);
		if (!*langs)
			continue;
		kz_buf_puts(out, first ? "" : ", ");
		first = false;
		kz_json_str(out, f->name);
		kz_buf_puts(out, ": {");
		for (l = strtok_r(langs, ", ", &save); l;
		    l = strtok_r(NULL, ", ", &save)) {
			kz_buf_puts(out, one ? "" : ", ");
			one = false;
			kz_json_str(out, l);
			kz_buf_puts(out, ": ");
			kz_json_str(out, kz_tr_get(t, f->name, l));
		}
		kz_buf_puts(out, "}");
	}
	kz_buf_puts(out, "}");
	return out->oom ? KZ_ERROR : KZ_OK;
}

/* Each translation as its field's text would be, under "field@lang". */
void
kz_rtype_tr_check(const struct kz_rtype *rt, const void *rec, struct kz_err *err)
{
	const struct kz_trs *t = kz_rtype_ctrs(rt, rec);
	char where[KZ_TR_FIELD + KZ_TR_LANG + 2];

	for (size_t i = 0; t && i < t->n; i++) {
		const struct kz_rfield *f = kz_rtype_field(rt, t->v[i].field);

		snprintf(where, sizeof where, "%s@%s", t->v[i].field,
		    t->v[i].lang);
		if (f == NULL || !(f->flags & KZ_RF_LANGS))
			kz_err_add(err, where, _("%s is not held in several "
			    "languages"), t->v[i].field);
		else if (!kz_tr_lang_ok(t->v[i].lang))
			kz_err_add(err, where, _("\"%s\" is not a language "
			    "such as ja, en, zh or zh_CN"), t->v[i].lang);
		else
			kz_check_text(err, where, _(f->label), t->v[i].text,
			    (size_t)f->max, f->kind == KZ_RK_NOTE ?
			    KZ_TEXT_MULTILINE : 0);
	}
}

size_t
kz_tr_cols_of(const struct kz_tr_cols *tc, const char *field)
{
	size_t n = 0;

	for (size_t i = 0; tc && i < tc->n; i++)
		n += strcmp(tc->v[i].field, field) == 0;
	return n;
}

int
kz_rtype_tr_cols(struct kz_db *db, const struct kz_rtype *rt,
    struct kz_tr_cols *out, struct kz_err *err)
{
	out->v = NULL;
	out->n = 0;
	if (langs_field(rt) == NULL)
		return KZ_OK;
	return kz_tr_cols_load(db, kz_record_table(rt->table), out, err);
}

int
kz_rtype_csv_set(const struct kz_rtype *rt, const struct kz_rfield *f,
    const char *head, void *rec, const char *text, struct kz_err *err)
{
	const char *at = strchr(head, '@');

	if (!(f->flags & KZ_RF_LANGS) || at == NULL)
		return kz_rfield_set(f, rec, text, err);
	if (kz_tr_set(kz_rtype_trs(rt, rec), f->name, at + 1, text) != KZ_OK)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}
