/* cli_record.c - one record printed from its type's table: a table of labels, CSV or JSON. */
#include "cli_record.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "text.h"

static void
print_table(const struct cli *c, const struct kz_rtype *rt, const void *rec)
{
	int lw = 0;

	for (size_t i = 0; i < rt->n; i++)
		if (kz_text_width(_(rt->f[i].label)) > lw)
			lw = kz_text_width(_(rt->f[i].label));
	for (size_t i = 0; i < rt->n; i++) {
		char *v = kz_rfield_shown(&rt->f[i], rec, c->cfg);
		cli_show_line(_(rt->f[i].label), v, lw);
		free(v);
	}
}

void
cli_record_print(const struct cli *c, const struct kz_rtype *rt,
    const void *rec)
{
	struct kz_buf b = { 0 };

	switch (c->format) {
	case FMT_JSON:
		kz_rtype_json(rt, rec, &b);
		break;
	case FMT_CSV:
		kz_rtype_csv_header(rt, true, &b);
		kz_rtype_csv_row(rt, rec, true, &b);
		break;
	default:
		print_table(c, rt, rec);
		return;
	}
	if (b.oom)
		cli_fail("%s", _("out of memory"));
	else
		fputs(kz_buf_str(&b), stdout);
	kz_buf_free(&b);
}

int
cli_record_option(const struct kz_rtype *rt, void *rec, const char *option,
    const char *value, struct kz_err *err)
{
	const struct kz_rfield *f = kz_rtype_field(rt, option);

	if (f == NULL || f->option == NULL)
		return kz_err_add(err, "", _("unknown option --%s"), option);
	return kz_rfield_set(f, rec, value, err);
}
