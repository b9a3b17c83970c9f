/* cli_output.h - tables aligned in display width, CSV and JSON on stdout. */
#ifndef KZ_CLI_OUTPUT_H
#define KZ_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>


/* A table collected row by row, printed once all widths are known. */
struct out_table {
	int ncols;
	const char *const *head;	/* column titles (already translated) */
	char **cell;			/* nrows * ncols owned copies */
	size_t nrows;
	size_t cap;
};

void out_table_init(struct out_table *t, int ncols, const char *const *head);
void out_table_row(struct out_table *t, const char *const *cells);
/* Columns padded to their widest cell (at most maxw columns, cut with ~,
 * on a terminal only: see out_maxw), the row within the terminal's
 * width (out_fit). */
void out_table_print(FILE *fp, const struct out_table *t, int maxw);
/* The widest a column of a table on standard output may be: maxw on a
 * terminal, where a row should fit the screen; no limit when the output
 * goes to a file or a pipe, whose reader wants whole values. */
int out_maxw(int maxw);
/* The columns of the terminal on standard output (its window size, else
 * $COLUMNS, else 80); no limit when the output is a file or a pipe. */
int out_cols(void);
/* The narrowest out_fit cuts a column to; the widest it counts short. */
#define OUT_MINW 6
#define OUT_LONGW 16
/* Cut the column widths w[0..n) (display columns; -1 for a column not
 * shown) until they and the two spaces between them fit in cols, none
 * below OUT_MINW: the widest of the columns wider than OUT_LONGW first,
 * then the widest of all. */
void out_fit(int *w, int n, int cols);
/* s padded (pad) or not to width columns, cut with ~ only when wider. */
void out_cell(FILE *fp, const char *s, int width, bool pad);
void out_table_free(struct out_table *t);

void out_csv_row(FILE *fp, int n, const char *const *cells);
/* A JSON string literal (null for NULL). */
void out_json_str(FILE *fp, const char *s);

/* Write data to path with kz_file_write_atomic, so a reader never sees
 * half a file; path "-" or NULL is standard output. -1 with errno. */
int out_write_file(const char *path, const char *data, size_t len);

#endif
