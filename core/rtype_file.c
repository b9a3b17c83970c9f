/* rtype_file.c - a record of a record type as files have it: its CSV header and row (with a LANGS field's other languages), its JSON, a CSV header mapped to its fields. */
#include "rtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "i18n.h"
#include "json.h"

static bool
in_csv(const struct kz_rfield *f, bool personal)
{
	return f->csv && (personal || !(f->flags & KZ_RF_PERSONAL));
}

static size_t
last_csv(const struct kz_rtype *rt, bool personal)
{
	size_t last = 0;

	for (size_t i = 0; i < rt->n; i++)
		if (in_csv(&rt->f[i], personal))
			last = i;
	return last;
}

/* The cells "csv@LANG" after a LANGS field's (rec NULL: the header's);
 * the row's end after the last when last. */
static void
tr_cells(const struct kz_rfield *f, const void *rec,
    const struct kz_tr_cols *tc, bool last, struct kz_buf *out)
{
	size_t left = kz_tr_cols_of(tc, f->name);
	char head[128];

	for (size_t j = 0; left > 0 && j < tc->n; j++) {
		const char *v;

		if (strcmp(tc->v[j].field, f->name) != 0)
			continue;
		left--;
		if (rec) {
			v = kz_tr_get((const struct kz_trs *)((const char *)rec +
			    f->trs), f->name, tc->v[j].lang);
		} else {
			snprintf(head, sizeof head, "%s@%s", f->csv,
			    tc->v[j].lang);
			v = head;
		}
		kz_csv_cell(out, v ? v : "", last && left == 0);
	}
}

void
kz_rtype_csv_header(const struct kz_rtype *rt, bool personal,
    struct kz_buf *out)
{
	kz_rtype_csv_header_in(rt, personal, NULL, out);
}

int
kz_rtype_csv_row(const struct kz_rtype *rt, const void *rec, bool personal,
    struct kz_buf *out)
{
	return kz_rtype_csv_row_in(rt, rec, personal, NULL, out);
}

void
kz_rtype_csv_header_in(const struct kz_rtype *rt, bool personal,
    const struct kz_tr_cols *tc, struct kz_buf *out)
{
	size_t last = last_csv(rt, personal);

	for (size_t i = 0; i < rt->n; i++) {
		bool tr = (rt->f[i].flags & KZ_RF_LANGS) &&
		    kz_tr_cols_of(tc, rt->f[i].name) > 0;

		if (!in_csv(&rt->f[i], personal))
			continue;
		kz_csv_cell(out, rt->f[i].csv, i == last && !tr);
		if (tr)
			tr_cells(&rt->f[i], NULL, tc, i == last, out);
	}
}

int
kz_rtype_csv_row_in(const struct kz_rtype *rt, const void *rec,
    bool personal, const struct kz_tr_cols *tc, struct kz_buf *out)
{
	size_t last = last_csv(rt, personal);

	for (size_t i = 0; i < rt->n; i++) {
		bool tr = (rt->f[i].flags & KZ_RF_LANGS) &&
		    kz_tr_cols_of(tc, rt->f[i].name) > 0;
		char *t;

		if (!in_csv(&rt->f[i], personal))
			continue;
		if ((t = kz_rfield_text(&rt->f[i], rec)) == NULL)
			return KZ_ERROR;
		kz_csv_cell(out, t, i == last && !tr);
		free(t);
		if (tr)
			tr_cells(&rt->f[i], rec, tc, i == last, out);
	}
	return out->oom ? KZ_ERROR : KZ_OK;
}

int
kz_rtype_json(const struct kz_rtype *rt, const void *rec, struct kz_buf *out)
{
	bool first = true;

	kz_buf_puts(out, "{\n");
	for (size_t i = 0; i < rt->n; i++) {
		if (rt->f[i].flags & KZ_RF_DERIVED)
			continue;
		kz_buf_puts(out, first ? "  " : ",\n  ");
		first = false;
		kz_json_str(out, rt->f[i].name);
		kz_buf_puts(out, ": ");
		if (kz_rfield_json(&rt->f[i], rec, out))
			return KZ_ERROR;
	}
	if (kz_rtype_ctrs(rt, rec)) {
		kz_buf_puts(out, ",\n  \"translations\": ");
		if (kz_rtype_tr_json(rt, rec, out))
			return KZ_ERROR;
	}
	kz_buf_puts(out, "\n}\n");
	return out->oom ? KZ_ERROR : KZ_OK;
}

int
kz_rtype_json_csv(const struct kz_rtype *rt, const void *rec, bool personal,
    struct kz_buf *out)
{
	bool first = true;

	kz_buf_puts(out, "{");
	for (size_t i = 0; i < rt->n; i++) {
		if (!in_csv(&rt->f[i], personal))
			continue;
		kz_buf_puts(out, first ? "" : ", ");
		first = false;
		kz_json_str(out, rt->f[i].name);
		kz_buf_puts(out, ": ");
		if (kz_rfield_json(&rt->f[i], rec, out))
			return KZ_ERROR;
	}
	kz_buf_puts(out, "}");
	return out->oom ? KZ_ERROR : KZ_OK;
}

int
kz_rtype_csv_map(const struct kz_rtype *rt, char **cells, size_t n,
    const struct kz_rfield **map, const char *where, struct kz_err *err)
{
	struct kz_buf known = { 0 };
	int rc = KZ_OK;

	for (size_t i = 0; i < rt->n; i++)
		if (rt->f[i].csv)
			kz_buf_printf(&known, "%s%s", known.len ? ", " : "",
			    rt->f[i].csv);
	for (size_t i = 0; i < n; i++) {
		const char *at = strchr(cells[i], '@');

		map[i] = NULL;
		for (size_t j = 0; j < rt->n; j++)
			if (rt->f[j].csv && strcasecmp(cells[i],
			    rt->f[j].csv) == 0)
				map[i] = &rt->f[j];
		/* title@ja: a translation of a LANGS field */
		for (size_t j = 0; at && j < rt->n; j++)
			if (rt->f[j].csv && (rt->f[j].flags & KZ_RF_LANGS) &&
			    strlen(rt->f[j].csv) == (size_t)(at - cells[i]) &&
			    strncasecmp(cells[i], rt->f[j].csv, (size_t)(at -
			    cells[i])) == 0 && kz_tr_lang_ok(at + 1))
				map[i] = &rt->f[j];
		if (map[i] == NULL)
			rc = kz_err_add(err, where, _("unknown column \"%s\" "
			    "(known: %s)"), cells[i], kz_buf_str(&known));
		for (size_t k = 0; map[i] && k < i; k++)
			if (map[k] == map[i] && strcasecmp(cells[k],
			    cells[i]) == 0)
				rc = kz_err_add(err, where, _("column \"%s\" "
				    "appears twice"), cells[i]);
	}
	for (size_t j = 0; j < rt->n; j++) {
		bool seen = false;
		if (!rt->f[j].csv || !(rt->f[j].flags & KZ_RF_REQUIRED))
			continue;
		for (size_t i = 0; i < n; i++)
			seen |= map[i] == &rt->f[j];
		if (!seen)
			rc = kz_err_add(err, where, _("the header has no \"%s\" "
			    "column"), rt->f[j].csv);
	}
	kz_buf_free(&known);
	return rc;
}

