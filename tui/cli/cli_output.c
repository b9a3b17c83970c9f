/* cli_output.c - tables aligned in display width, CSV and JSON on stdout. */
#include "cli_output.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "file.h"
#include "i18n.h"
#include "json.h"
#include "text.h"
#include "xalloc.h"

void
out_table_init(struct out_table *t, int ncols, const char *const *head)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->head = head;
}

void
out_table_row(struct out_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		size_t c = t->cap ? t->cap * 2 : 64;
		t->cell = xrealloc(t->cell, c * (size_t)t->ncols *
		    sizeof *t->cell);
		t->cap = c;
	}
	for (int i = 0; i < t->ncols; i++) {
		t->cell[t->nrows * (size_t)t->ncols + (size_t)i] =
		    xstrdup(cells[i] ? cells[i] : "");
	}
	t->nrows++;
}

int
out_maxw(int maxw)
{
	return isatty(STDOUT_FILENO) ? maxw : INT_MAX / 2;
}

void
out_cell(FILE *fp, const char *s, int width, bool pad)
{
	char cellbuf[1024];
	int sw = kz_text_width(s);

	if (sw > width) {
		kz_text_fit(cellbuf, sizeof cellbuf, s, width, pad);
		fputs(cellbuf, fp);
		return;
	}
	fputs(s, fp);
	while (pad && sw++ < width)
		putc(' ', fp);
}

int
out_cols(void)
{
	struct winsize ws;
	const char *e = getenv("COLUMNS");

	if (!isatty(STDOUT_FILENO))
		return INT_MAX / 2;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (e && atoi(e) >= 20 && atoi(e) <= 1000)
		return atoi(e);
	return 80;
}

/* Cut the widest of the columns w[0..n) whose width was above `over`,
 * a column at a time, until total fits in cols; returns the total. */
static int
fit_pass(int *w, const int *was, int n, int total, int cols, int over)
{
	while (total > cols) {
		int k = -1;

		for (int i = 0; i < n; i++)
			if (was[i] > over && (k < 0 || w[i] > w[k]))
				k = i;
		if (k < 0 || w[k] <= OUT_MINW)
			break;
		w[k]--;
		total--;
	}
	return total;
}

void
out_fit(int *w, int n, int cols)
{
	int total = 0, shown = 0;
	int *was = xcalloc(n > 0 ? (size_t)n : 1, sizeof *was);

	for (int i = 0; i < n; i++) {
		was[i] = w[i];
		if (w[i] >= 0) {
			total += w[i];
			shown++;
		}
	}
	total += shown > 1 ? 2 * (shown - 1) : 0;
	/* the long ones (names, topics) give first, so that the short ones
	 * (ids, dates, statuses) stay whole while they can */
	total = fit_pass(w, was, n, total, cols, OUT_LONGW);
	fit_pass(w, was, n, total, cols, -1);
	free(was);
}

void
out_table_print(FILE *fp, const struct out_table *t, int maxw)
{
	int *w = xcalloc((size_t)t->ncols, sizeof *w);
	bool term = fp == stdout;

	if (term)
		maxw = out_maxw(maxw);
	for (int i = 0; i < t->ncols; i++) {
		w[i] = kz_text_width(t->head[i]);
		if (w[i] > maxw)
			w[i] = maxw;
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (int i = 0; i < t->ncols; i++) {
			int cw = kz_text_width(t->cell[r * (size_t)t->ncols +
			    (size_t)i]);
			if (cw > w[i])
				w[i] = cw > maxw ? maxw : cw;
		}
	if (term)
		out_fit(w, t->ncols, out_cols());
	for (long r = -1; r < (long)t->nrows; r++) {
		for (int i = 0; i < t->ncols; i++) {
			const char *s = r < 0 ? t->head[i] :
			    t->cell[(size_t)r * (size_t)t->ncols + (size_t)i];
			bool last = i == t->ncols - 1;
			out_cell(fp, s, w[i], !last);
			fputs(last ? "\n" : "  ", fp);
		}
	}
	free(w);
}

void
out_table_free(struct out_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cell[i]);
	free(t->cell);
	memset(t, 0, sizeof *t);
}

void
out_csv_row(FILE *fp, int n, const char *const *cells)
{
	struct kz_buf b = { 0 };

	for (int i = 0; i < n; i++)
		kz_csv_cell(&b, cells[i], i == n - 1);
	if (b.oom)
		xalloc_die();	/* half a row would be a wrong one */
	fputs(kz_buf_str(&b), fp);
	kz_buf_free(&b);
}

void
out_json_str(FILE *fp, const char *s)
{
	struct kz_buf b = { 0 };

	/* the one escaper (core/json.c), through a buffer */
	kz_json_str(&b, s);
	fputs(b.oom ? "null" : kz_buf_str(&b), fp);
	kz_buf_free(&b);
}

int
out_write_file(const char *path, const char *data, size_t len)
{
	if (path == NULL || strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return -1;
		return 0;
	}
	return kz_file_write_atomic(path, data, len);
}
