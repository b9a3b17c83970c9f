/* csv.c - RFC 4180 records: reading from memory or a file, writing to a buffer. */
#include "csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

void
kz_csv_open(struct kz_csv *r, const char *name, const char *data, size_t len)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->p = data;
	r->end = data + len;
	r->line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
}

/* The window a stream is read through. Values are copied out as they
 * are read, so only the few bytes a decision needs stay when it moves:
 * a file is read in constant memory, however long its records. */
#define WINDOW 65536

/* At least k bytes at r->p, reading more of a stream if need be; false
 * at the end of the data (or of the file, or at a read error). */
static bool
avail(struct kz_csv *r, size_t k)
{
	size_t have = (size_t)(r->end - r->p);

	if (have >= k)
		return true;
	if (r->fp == NULL || r->eof)
		return false;
	/* what is left moves to the front; the rest is read anew */
	if (r->buf && r->p != r->buf)
		memmove(r->buf, r->p, have);
	if (r->buf == NULL) {
		if ((r->buf = malloc(WINDOW)) == NULL) {
			r->error = ENOMEM;
			r->eof = true;
			return false;
		}
		r->cap = WINDOW;
	}
	r->p = r->buf;
	r->end = r->buf + have;
	while (!r->eof && (size_t)(r->end - r->p) < k) {
		size_t got = fread(r->buf + have, 1, r->cap - have, r->fp);

		have += got;
		r->end = r->buf + have;
		if (got == 0) {
			if (ferror(r->fp))
				r->error = errno ? errno : EIO;
			r->eof = true;
		}
	}
	return (size_t)(r->end - r->p) >= k;
}

void
kz_csv_open_file(struct kz_csv *r, const char *name, FILE *fp)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->line = 1;
	r->fp = fp;
	if (avail(r, 3) && memcmp(r->p, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
}

void
kz_csv_close(struct kz_csv *r)
{
	free(r->buf);
	r->buf = NULL;
	r->p = r->end = NULL;
	r->cap = 0;
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

static int
read_error(struct kz_csv *r, struct kz_err *err)
{
	char where[300];

	snprintf(where, sizeof where, "%s:%ld", r->name, r->line);
	return kz_err_add(err, where, _("cannot read the file: %s"),
	    strerror(r->error));
}

int
kz_csv_next(struct kz_csv *r, struct kz_csv_row *row, struct kz_err *err)
{
	struct kz_buf cell = { 0 };
	char where[300];

	row->cell = NULL;
	row->n = 0;
	/* skip empty lines */
	while (avail(r, 1) && (*r->p == '\n' || *r->p == '\r')) {
		if (*r->p == '\n')
			r->line++;
		r->p++;
	}
	if (!avail(r, 1))
		return r->error ? read_error(r, err) : 0;
	row->line = r->line;
	snprintf(where, sizeof where, "%s:%ld", r->name, r->line);
	for (;;) {
		if (avail(r, 1) && *r->p == '"') {
			long qline = r->line;
			r->p++;
			for (;;) {
				if (!avail(r, 1)) {
					kz_buf_free(&cell);
					if (r->error) {
						kz_csv_row_free(row);
						return read_error(r, err);
					}
					kz_csv_row_free(row);
					snprintf(where, sizeof where, "%s:%ld",
					    r->name, qline);
					return kz_err_add(err, where, _("a quoted "
					    "value is never closed"));
				}
				if (*r->p == '"') {
					if (avail(r, 2) && r->p[1] == '"') {
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
			if (avail(r, 1) && *r->p != ',' && *r->p != '\n' &&
			    *r->p != '\r') {
				kz_buf_free(&cell);
				kz_csv_row_free(row);
				snprintf(where, sizeof where, "%s:%ld", r->name,
				    r->line);
				return kz_err_add(err, where, _("text after the "
				    "closing quote of a value"));
			}
		} else {
			/* a piece at a time: the window may move */
			while (avail(r, 1)) {
				const char *s = r->p;
				while (r->p < r->end && *r->p != ',' &&
				    *r->p != '\n' && *r->p != '\r')
					r->p++;
				kz_buf_put(&cell, s, (size_t)(r->p - s));
				if (r->p < r->end)
					break;
			}
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
		if (!avail(r, 1)) {
			if (r->error) {
				kz_csv_row_free(row);
				return read_error(r, err);
			}
			break;
		}
		if (*r->p == ',') {
			r->p++;
			continue;
		}
		/* end of record: \r\n, \n or a lone \r */
		if (*r->p == '\r')
			r->p++;
		if (avail(r, 1) && *r->p == '\n')
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
