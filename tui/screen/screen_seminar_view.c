/* screen_seminar_view.c - screen pieces the seminars tab and its programme and participants views share. */
#include "screen_seminar_view.h"

#include <stdio.h>
#include <string.h>

#include "country.h"
#include "date.h"
#include "fold.h"
#include "form.h"
#include "i18n.h"
#include "programme.h"
#include "text.h"

void
semv_day(const struct kz_config *cfg, const char *date, char *out,
    size_t size)
{
	kz_programme_day(cfg, date, out, size);
}

void
semv_country(void *arg, const char *value, char *out, size_t size)
{
	char v[64];
	const char *n;

	(void)arg;
	snprintf(v, sizeof v, "%s", value);
	/* a code or a name in any language: what it will be saved as */
	if ((n = kz_country_parse(kz_trim(v))) != NULL)
		snprintf(out, size, "%s %s", n, kz_country_label(n));
	else if (*kz_trim(v))
		snprintf(out, size, "%s", _("not a country code or name"));
}

/* Folded as every search is (fold.h): case, and 島根 finds 岛根. */
bool
semv_matches(char *hay, const char *term)
{
	return !*term || kz_fold_contains(hay, term);
}

void
semv_dates(const struct kz_config *cfg, const struct kz_seminar *s,
    char *out, size_t size)
{
	char a[64], b[64];

	if (!s->start[0]) {
		out[0] = '\0';
		return;
	}
	kz_date_format(s->start, cfg->date_format, a, sizeof a);
	kz_date_format(s->end, cfg->date_format, b, sizeof b);
	if (strcmp(s->start, s->end) == 0)
		snprintf(out, size, "%s", a);
	else
		snprintf(out, size, "%s - %s", a, b);
}

void
semv_edition_line(struct frame_ctx *ctx, const char *edition, char *out,
    size_t size)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };
	char ref[96], place[300], dates[160];

	out[0] = '\0';
	if (kz_seminar_get(ctx->db, edition, &s, &err) != KZ_OK)
		return;
	kz_seminar_label(&s, ref, sizeof ref);
	kz_seminar_place(&s, place, sizeof place);
	semv_dates(ctx->cfg, &s, dates, sizeof dates);
	snprintf(out, size, "%s  %s%s%s%s%s", ref, s.title ?
	    kz_rtype_in(&kz_seminar_type, "title", &s) : "",
	    s.title ? "  " : "", place, dates[0] ? "  " : "", dates);
	kz_seminar_free(&s);
}
