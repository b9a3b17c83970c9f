/* i18n.h - marking text for translation (gettext, domain "kizuna"). */
#ifndef KZ_I18N_H
#define KZ_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <string.h>

/* A message with a context, for an English word that other languages
 * say differently in different places ("withdrawn" of a request and of
 * a trainee): C_("trainee status", "withdrawn") translates at once;
 * NC_() marks one for a table, stored as "context\004text", and _()
 * translates it later. xgettext knows both (make pot). */
#define C_(ctx, s) kz_gettext(ctx "\004" s)
#define NC_(ctx, s) (ctx "\004" s)

/* gettext, but a message with a context that has no translation reads
 * as its text, without the context. Translations looked up are kept
 * until the language changes: a record's checks ask for every field's
 * label, a hundred thousand times in an import. */
char *kz_gettext(const char *s);

#define _(s) kz_gettext(s)
#define N_(s) (s)

/* Bind the catalogue and switch messages to lang ("en", "zh_CN", "ja"),
 * whatever the machine's locale is. localedir NULL: find it beside the
 * executable or in the installed place. */
void kz_i18n_init(const char *localedir);
void kz_i18n_set_language(const char *lang);
/* The language messages are in now ("en" until one is set). */
const char *kz_i18n_language(void);

/* The languages kizuna speaks, NULL-terminated: a coded value typed in
 * any of them is understood whatever the office's language. */
extern const char *const kz_i18n_languages[];
/* Call fn with messages switched to each of kz_i18n_languages in turn
 * (gettext and dgettext answer in it), until fn returns true; then
 * switch back. True if fn did. */
bool kz_i18n_each(bool (*fn)(const char *lang, void *arg), void *arg);
/* A name typed in any language kizuna speaks: the first i below n for
 * which is(i, arg) holds (is compares the typed text with entry i's
 * name, translated in the language messages are in), trying each of
 * kz_i18n_languages in turn; -1 if none. */
long kz_i18n_find(size_t n, bool (*is)(size_t i, const void *arg),
    const void *arg);

#endif
