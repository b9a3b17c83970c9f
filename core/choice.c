/* choice.c - the values a coded field takes, for pick lists: codes with their names in the reader's language. */
#include "choice.h"

#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "country.h"
#include "i18n.h"
#include "language.h"
#include "programme.h"
#include "tally.h"
#include "text.h"

static int
grow(struct kz_choices *c, size_t n)
{
	c->v = calloc(n ? n : 1, sizeof *c->v);
	c->n = 0;
	return c->v ? KZ_OK : KZ_ERROR;
}

static void
put(struct kz_choices *c, const char *code, const char *label,
    const char *en)
{
	c->v[c->n].code = code;
	c->v[c->n].label = label ? label : en;
	c->v[c->n].en = en;
	c->n++;
}

/* A label without its message context. */
static const char *
plain(const char *label)
{
	const char *p = strchr(label, '\004');

	return p ? p + 1 : label;
}

static int
enum_choices(const struct kz_enum *e, struct kz_choices *out)
{
	int n = kz_enum_count(e);

	if (grow(out, (size_t)n))
		return KZ_ERROR;
	for (int i = 0; i < n; i++)
		put(out, e->keywords[i], _(e->labels[i]), plain(e->labels[i]));
	return KZ_OK;
}

/* People look a country up by its name: sort by the name they read. */
static int
by_label(const void *a, const void *b)
{
	return strcmp(((const struct kz_choice *)a)->label,
	    ((const struct kz_choice *)b)->label);
}

int
kz_choices_kind(enum kz_codes k, const struct kz_config *cfg,
    struct kz_choices *out)
{
	size_t n;

	memset(out, 0, sizeof *out);
	switch (k) {
	case KZ_CODES_COUNTRY:
		n = kz_country_count();
		if (grow(out, n))
			return KZ_ERROR;
		for (size_t i = 0; i < n; i++) {
			const char *code = kz_country_code_at(i);
			put(out, code, kz_country_label(code),
			    kz_country_name(code));
		}
		/* by the name people read */
		qsort(out->v, out->n, sizeof *out->v, by_label);
		return KZ_OK;
	case KZ_CODES_SUBDIVISION:
		n = kz_subdivision_count();
		if (grow(out, n))
			return KZ_ERROR;
		for (size_t i = 0; i < n; i++) {
			const char *code = kz_subdivision_code_at(i);
			put(out, code, kz_subdivision_label(code), code);
		}
		return KZ_OK;
	case KZ_CODES_FIELD:
		n = cfg ? cfg->nfields : 0;
		if (grow(out, n))
			return KZ_ERROR;
		for (size_t i = 0; i < n; i++)
			put(out, cfg->fields[i].code, kz_field_name(cfg,
			    &cfg->fields[i]), cfg->fields[i].name_en);
		return KZ_OK;
	case KZ_CODES_COST:
		for (n = 0; kz_cost_rule[n].code; n++)
			;
		if (grow(out, n))
			return KZ_ERROR;
		for (size_t i = 0; i < n; i++)
			put(out, kz_cost_rule[i].code, _(kz_cost_rule[i].name),
			    kz_cost_rule[i].name);
		return KZ_OK;
	case KZ_CODES_CURRENCY:
		/* iso-codes has some 180, in its order */
		n = kz_currency_count();
		if (grow(out, n))
			return KZ_ERROR;
		for (size_t i = 0; i < n; i++) {
			const char *code = kz_currency_code_at(i);
			put(out, code, kz_currency_label(code), code);
		}
		return KZ_OK;
	case KZ_CODES_LANGUAGE:
		n = kz_language_count();
		if (grow(out, n))
			return KZ_ERROR;
		for (size_t i = 0; i < n; i++) {
			const char *code = kz_language_code_at(i);
			put(out, code, kz_language_label(code), code);
		}
		qsort(out->v, out->n, sizeof *out->v, by_label);
		return KZ_OK;
	case KZ_CODES_ITEM_KIND:
		return enum_choices(&kz_item_kind_enum, out);
	case KZ_CODES_PROGRAMME: {
		const char *label;

		for (n = 0; kz_tally_key_at(n, &label); n++)
			;
		if (grow(out, n))
			return KZ_ERROR;
		for (size_t i = 0; i < n; i++) {
			const char *key = kz_tally_key_at(i, &label);
			put(out, key, _(label), label);
		}
		return KZ_OK;
	}
	default:
		return KZ_OK;
	}
}

int
kz_choices_of(const struct kz_rfield *f, const struct kz_config *cfg,
    struct kz_choices *out)
{
	memset(out, 0, sizeof *out);
	if (f->kind == KZ_RK_ENUM && f->values)
		return enum_choices(f->values, out);
	if (f->kind == KZ_RK_COUNTRY)
		return kz_choices_kind(KZ_CODES_COUNTRY, cfg, out);
	if (f->kind == KZ_RK_CURRENCY)
		return kz_choices_kind(KZ_CODES_CURRENCY, cfg, out);
	return kz_choices_kind(f->codes, cfg, out);
}

void
kz_choices_free(struct kz_choices *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

bool
kz_choice_matches(const struct kz_choice *c, const char *typed)
{
	return kz_text_has(c->label, typed) || kz_text_has(c->en, typed) ||
	    kz_text_has(c->code, typed);
}
