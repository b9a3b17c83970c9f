/* csv.c - RFC 4180 records: reading from memory, writing to a buffer. */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

void
kz_csv_open(struct kz_csv *r, const char *name, const char *data, size_t len)
{
	r->name = name;
	r->p = data;
	r->end = data + len;
	r->line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
}

void
kz_csv_row_free(struct kz_csv_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		free(row->cell[i]);
	free(row->cell);
	row->cell = NULL;
	row->n = 0;
}

/*
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or a
 * carriage return before one) as a formula: a name or a note made to
 * look like one would run on the machine of whoever opens an export
 * (OWASP, "CSV injection"). Such a cell is written with a ' before it,
 * which spreadsheets show as text; reading takes one ' off again, so a
 * file exported and imported keeps its values. A value that begins with
 * quotes before such a character gets one more, so it too comes back.
 */
static bool raw_cells;

void
kz_csv_set_raw(bool raw)
{
	raw_cells = raw;
}

static bool
formula_like(const char *v)
{
	while (*v == '\'')
		v++;
	return *v && strchr("=+-@\t\r", *v) != NULL;
}

static int
push(struct kz_csv_row *row, struct kz_buf *cell)
{
	char **c = realloc(row->cell, (row->n + 1) * sizeof *c);
	const char *v = kz_buf_str(cell);

	if (c == NULL || cell->oom)
		return -1;
	row->cell = c;
	if (*v == '\'' && formula_like(v))
		v++;	/* written so by kz_csv_cell */
	c[row->n] = strdup(v);
	if (c[row->n] == NULL)
		return -1;
	row->n++;
	kz_buf_free(cell);
	return 0;
}

int
kz_csv_next(struct kz_csv *r, struct kz_csv_row *row, struct kz_err *err)
{
	struct kz_buf cell = { 0 };
	char where[300];

	row->cell = NULL;
	row->n = 0;
	/* skip empty lines */
	while (r->p < r->end && (*r->p == '\n' || *r->p == '\r')) {
		if (*r->p == '\n')
			r->line++;
		r->p++;
	}
	if (r->p >= r->end)
		return 0;
	row->line = r->line;
	snprintf(where, sizeof where, "%s:%ld", r->name, r->line);
	for (;;) {
		if (r->p < r->end && *r->p == '"') {
			long qline = r->line;
			r->p++;
			for (;;) {
				if (r->p >= r->end) {
					kz_buf_free(&cell);
					kz_csv_row_free(row);
					snprintf(where, sizeof where, "%s:%ld",
					    r->name, qline);
					return kz_err_add(err, where, _("a quoted "
					    "value is never closed"));
				}
				if (*r->p == '"') {
					if (r->p + 1 < r->end && r->p[1] == '"') {
						kz_buf_put(&cell, "\"", 1);
						r->p += 2;
						continue;
					}
					r->p++;
					break;
				}
				if (*r->p == '\n')
					r->line++;
				kz_buf_put(&cell, r->p++, 1);
			}
			if (r->p < r->end && *r->p != ',' && *r->p != '\n' &&
			    *r->p != '\r') {
				kz_buf_free(&cell);
				kz_csv_row_free(row);
				snprintf(where, sizeof where, "%s:%ld", r->name,
				    r->line);
				return kz_err_add(err, where, _("text after the "
				    "closing quote of a value"));
			}
		} else {
			const char *s = r->p;
			while (r->p < r->end && *r->p != ',' && *r->p != '\n' &&
			    *r->p != '\r')
				r->p++;
			kz_buf_put(&cell, s, (size_t)(r->p - s));
		}
		if (cell.len && !kz_utf8_valid(cell.s, cell.len)) {
			kz_buf_free(&cell);
			kz_csv_row_free(row);
			return kz_err_add(err, where, _("value %zu is not valid "
			    "UTF-8 (save the file as UTF-8)"), row->n + 1);
		}
		if (push(row, &cell) != 0) {
			kz_buf_free(&cell);
			kz_csv_row_free(row);
			return kz_err_add(err, where, _("out of memory"));
		}
		if (r->p >= r->end)
			break;
		if (*r->p == ',') {
			r->p++;
			continue;
		}
		/* end of record: \r\n, \n or a lone \r */
		if (*r->p == '\r')
			r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		break;
	}
	return 1;
}

void
kz_csv_cell(struct kz_buf *b, const char *v, int last)
{
	const char *mark;

	if (v == NULL)
		v = "";
	mark = !raw_cells && formula_like(v) ? "'" : "";
	if (strpbrk(v, ",\"\r\n") || *v == ' ' ||
	    (*v && v[strlen(v) - 1] == ' ')) {
		kz_buf_put(b, "\"", 1);
		kz_buf_puts(b, mark);
		for (; *v; v++)
			kz_buf_put(b, *v == '"' ? "\"\"" : v, *v == '"' ? 2 : 1);
		kz_buf_put(b, "\"", 1);
	} else {
		kz_buf_puts(b, mark);
		kz_buf_puts(b, v);
	}
	kz_buf_puts(b, last ? "\r\n" : ",");
}
