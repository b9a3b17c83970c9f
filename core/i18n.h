/* i18n.h - marking text for translation (gettext, domain "kizuna"). */
#ifndef KZ_I18N_H
#define KZ_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Bind the catalogue and switch messages to lang ("en", "zh_CN", "ja"),
 * whatever the machine's locale is. localedir NULL: find it beside the
 * executable or in the installed place. */
void kz_i18n_init(const char *localedir);
void kz_i18n_set_language(const char *lang);

#endif
