/* specialist_text.c - one-line text forms of a specialist's lists. */
#include "specialist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "i18n.h"
#include "language.h"
#include "json.h"
#include "text.h"

/* Split text at any of seps into trimmed, non-empty pieces; calls fn on
 * each. A copy is cut in place so the caller's text is untouched. */
static int
each_piece(const char *text, const char *seps, int (*fn)(void *, char *,
    struct kz_err *), void *ctx, struct kz_err *err)
{
	char *copy, *p, *piece;
	int rc = KZ_OK;

	if (text == NULL)
		return KZ_OK;
	if ((copy = strdup(text)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	for (p = copy; (piece = strsep(&p, seps)) != NULL;) {
		piece = kz_trim(piece);
		if (*piece && fn(ctx, piece, err) != KZ_OK)
			rc = KZ_ERROR;
	}
	free(copy);
	return rc;
}

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static void
clear_fields(struct kz_specialist *s)
{
	for (size_t i = 0; i < s->nfields; i++) {
		free(s->fields[i].code);
		free(s->fields[i].note);
	}
	free(s->fields);
	s->fields = NULL;
	s->nfields = 0;
}

/* "code", "code:note", "code:note:years", "code::years" */
static int
one_field(void *ctx, char *piece, struct kz_err *err)
{
	struct kz_specialist *s = ctx;
	char *code = piece, *note = NULL, *years = NULL, *c;
	int y = 0;

	if ((c = strchr(piece, ':')) != NULL) {
		*c = '\0';
		note = c + 1;
		if ((c = strrchr(note, ':')) != NULL && all_digits(kz_trim(c + 1))) {
			*c = '\0';
			years = kz_trim(c + 1);
		}
		note = kz_trim(note);
	}
	code = kz_trim(code);
	if (years) {
		if (strlen(years) > 2)
			return kz_err_add(err, "fields", _("years of experience "
			    "in \"%s\" must be 0 to 60, not %s"), code, years);
		y = atoi(years);
	}
	if (kz_specialist_add_field(s, code, note, y) != KZ_OK)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

int
kz_specialist_parse_fields(struct kz_specialist *s, const char *text,
    struct kz_err *err)
{
	clear_fields(s);
	return each_piece(text, ";\n", one_field, s, err);
}

static int
one_lang(void *ctx, char *piece, struct kz_err *err)
{
	struct kz_specialist *s = ctx;
	char *c = strchr(piece, ':');
	const char *code;
	int level = KZ_LEVEL_CONVERSATIONAL;

	if (c) {
		*c = '\0';
		level = kz_level_parse(kz_trim(c + 1));
		if (level < 0) {
			char list[128];

			kz_enum_list(&kz_level_enum, list, sizeof list);
			return kz_err_add(err, "languages", _("\"%s\" is not a "
			    "level: use %s"), kz_trim(c + 1), list);
		}
	}
	for (char *p = piece; *p; p++)	/* "EN" and "en" are one language */
		if (*p >= 'A' && *p <= 'Z' && (p == piece || p[-1] != '-'))
			*p += 32;
	/* or its name in any language kizuna speaks: Chinese, 汉语 */
	if ((code = kz_language_parse(kz_trim(piece))) != NULL)
		piece = (char *)code;
	if (kz_specialist_add_lang(s, kz_trim(piece), level) != KZ_OK)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

int
kz_specialist_parse_langs(struct kz_specialist *s, const char *text,
    struct kz_err *err)
{
	for (size_t i = 0; i < s->nlangs; i++)
		free(s->langs[i].lang);
	free(s->langs);
	s->langs = NULL;
	s->nlangs = 0;
	return each_piece(text, ",;\n", one_lang, s, err);
}

/* "START..END reason" or "DATE reason" for a single day; the dates as
 * people type them without spaces (2027/1/5, 5.1.2027, 2027年1月5日). */
static int
one_unavail(void *ctx, char *piece, struct kz_err *err)
{
	struct kz_specialist *s = ctx;
	char *reason = strchr(piece, ' '), a[128], z[128];
	char start[11] = "", end[11] = "";
	int dots;

	if (reason)
		*reason++ = '\0';
	dots = kz_date_range_split(piece, a, z, sizeof a);
	if (kz_date_parse(a, kz_date_get_order(), start, "unavailable",
	    err) || kz_date_parse(dots ? z : a, kz_date_get_order(), end,
	    "unavailable", err))
		return KZ_ERROR;
	if (kz_specialist_add_unavail(s, start, end, reason ? kz_trim(reason) :
	    NULL) != KZ_OK)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

int
kz_specialist_parse_unavail(struct kz_specialist *s, const char *text,
    struct kz_err *err)
{
	for (size_t i = 0; i < s->nunavail; i++)
		free(s->unavail[i].reason);
	free(s->unavail);
	s->unavail = NULL;
	s->nunavail = 0;
	return each_piece(text, ";\n", one_unavail, s, err);
}

static char *
finish(struct kz_buf *b)
{
	if (b->oom) {
		kz_buf_free(b);
		return NULL;
	}
	return b->s ? b->s : strdup("");
}

char *
kz_specialist_format_fields(const struct kz_specialist *s)
{
	struct kz_buf b = { 0 };

	for (size_t i = 0; i < s->nfields; i++) {
		const struct kz_specialist_field *f = &s->fields[i];
		kz_buf_printf(&b, "%s%s", i ? "; " : "", f->code);
		if (f->note || f->years)
			kz_buf_printf(&b, ":%s", f->note ? f->note : "");
		if (f->years)
			kz_buf_printf(&b, ":%d", f->years);
	}
	return finish(&b);
}

char *
kz_specialist_format_langs(const struct kz_specialist *s)
{
	struct kz_buf b = { 0 };

	for (size_t i = 0; i < s->nlangs; i++)
		kz_buf_printf(&b, "%s%s:%s", i ? ", " : "", s->langs[i].lang,
		    kz_level_name(s->langs[i].level));
	return finish(&b);
}

char *
kz_specialist_format_unavail(const struct kz_specialist *s)
{
	struct kz_buf b = { 0 };

	for (size_t i = 0; i < s->nunavail; i++) {
		const struct kz_specialist_unavail *u = &s->unavail[i];
		kz_buf_printf(&b, "%s%s..%s", i ? "; " : "", u->start, u->end);
		if (u->reason)
			kz_buf_printf(&b, " %s", u->reason);
	}
	return finish(&b);
}

/* ---- the lists as JSON and as people read them ---- */

int
kz_specialist_json_fields(const struct kz_specialist *s, struct kz_buf *b)
{
	kz_buf_puts(b, "[");
	for (size_t i = 0; i < s->nfields; i++) {
		kz_buf_puts(b, i ? ", {\"code\": " : "{\"code\": ");
		kz_json_str(b, s->fields[i].code);
		kz_buf_puts(b, ", \"note\": ");
		kz_json_str(b, s->fields[i].note);
		kz_buf_printf(b, ", \"years\": %d}", s->fields[i].years);
	}
	kz_buf_puts(b, "]");
	return b->oom ? KZ_ERROR : KZ_OK;
}

int
kz_specialist_json_langs(const struct kz_specialist *s, struct kz_buf *b)
{
	kz_buf_puts(b, "[");
	for (size_t i = 0; i < s->nlangs; i++) {
		kz_buf_puts(b, i ? ", {\"lang\": " : "{\"lang\": ");
		kz_json_str(b, s->langs[i].lang);
		kz_buf_puts(b, ", \"level\": ");
		kz_json_str(b, kz_level_name(s->langs[i].level));
		kz_buf_puts(b, "}");
	}
	kz_buf_puts(b, "]");
	return b->oom ? KZ_ERROR : KZ_OK;
}

int
kz_specialist_json_unavail(const struct kz_specialist *s, struct kz_buf *b)
{
	kz_buf_puts(b, "[");
	for (size_t i = 0; i < s->nunavail; i++) {
		kz_buf_puts(b, i ? ", {\"start\": " : "{\"start\": ");
		kz_json_str(b, s->unavail[i].start);
		kz_buf_puts(b, ", \"end\": ");
		kz_json_str(b, s->unavail[i].end);
		kz_buf_puts(b, ", \"reason\": ");
		kz_json_str(b, s->unavail[i].reason);
		kz_buf_puts(b, "}");
	}
	kz_buf_puts(b, "]");
	return b->oom ? KZ_ERROR : KZ_OK;
}

/* "1 农业 (agriculture): 设施园艺, 12 years": the number people type,
 * the name in the reader's words, and the code where it differs. */
int
kz_specialist_show_fields(const struct kz_specialist *s,
    const struct kz_config *cfg, struct kz_buf *b)
{
	for (size_t i = 0; i < s->nfields; i++) {
		const struct kz_specialist_field *f = &s->fields[i];
		const struct kz_field *tf = cfg ? kz_config_field(cfg, f->code) :
		    NULL;

		if (i)
			kz_buf_puts(b, "\n");
		const char *name = tf ? kz_field_name(cfg, tf) : NULL;

		if (name == NULL)
			kz_buf_printf(b, "%s (?)", f->code);
		else if (strcmp(name, f->code) == 0)
			kz_buf_printf(b, "%d %s", tf->number, name);
		else
			kz_buf_printf(b, "%d %s (%s)", tf->number, name,
			    f->code);
		if (f->note)
			kz_buf_printf(b, ": %s", f->note);
		if (f->years) {
			kz_buf_puts(b, ", ");
			kz_buf_printf(b, ngettext("%d year", "%d years",
			    (unsigned long)f->years), f->years);
		}
	}
	return b->oom ? KZ_ERROR : KZ_OK;
}

int
kz_specialist_show_langs(const struct kz_specialist *s,
    const struct kz_config *cfg, struct kz_buf *b)
{
	for (size_t i = 0; i < s->nlangs; i++) {
		const char *name = kz_language_label(s->langs[i].lang);

		/* "汉语 流利"; a code iso-codes does not know as it is */
		kz_buf_printf(b, "%s%s %s", i ? ", " : "", name ? name :
		    s->langs[i].lang, kz_enum_label(&kz_level_enum,
		    (int)s->langs[i].level));
	}
	return b->oom ? KZ_ERROR : KZ_OK;
}

int
kz_specialist_show_unavail(const struct kz_specialist *s,
    const struct kz_config *cfg, struct kz_buf *b)
{
	char d1[64], d2[64];
	const char *pattern = cfg ? cfg->date_format : NULL;

	for (size_t i = 0; i < s->nunavail; i++) {
		const struct kz_specialist_unavail *u = &s->unavail[i];

		kz_date_format(u->start, pattern, d1, sizeof d1);
		kz_date_format(u->end, pattern, d2, sizeof d2);
		kz_buf_printf(b, "%s%s..%s%s%s", i ? "\n" : "", d1, d2,
		    u->reason ? "  " : "", u->reason ? u->reason : "");
	}
	return b->oom ? KZ_ERROR : KZ_OK;
}
