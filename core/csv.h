/* csv.h - RFC 4180 records: reading from memory or a file, writing to a buffer. */
#ifndef KZ_CSV_H
#define KZ_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "buf.h"
#include "err.h"

struct kz_csv {
	const char *name;	/* file name for messages */
	const char *p;		/* next byte */
	const char *end;
	long line;		/* line where the next record starts */
	FILE *fp;		/* read as a stream (kz_csv_open_file) */
	char *buf;		/* the stream's window: p..end in it */
	size_t cap;
	bool eof;
	int error;		/* errno of a failed read, or 0 */
};

struct kz_csv_row {
	char **cell;
	size_t n;
	long line;		/* the line it started on */
};

/* Read from a buffer; a UTF-8 byte-order mark is skipped. */
void kz_csv_open(struct kz_csv *r, const char *name, const char *data,
    size_t len);
/* Read from an open file a piece at a time, so that memory does not
 * grow with the file; kz_csv_close frees the window (fp stays open).
 * A read error ends the records with -1 and err naming the file. */
void kz_csv_open_file(struct kz_csv *r, const char *name, FILE *fp);
void kz_csv_close(struct kz_csv *r);
/* Next record: 1 and row filled, 0 at the end, -1 on a malformed record
 * (unclosed quote, text after a closing quote, invalid UTF-8) with err
 * naming "file:line". Empty lines are skipped. */
int kz_csv_next(struct kz_csv *r, struct kz_csv_row *row, struct kz_err *err);
void kz_csv_row_free(struct kz_csv_row *row);

/* Append one cell, quoted when it must be; last ends the record (CRLF).
 * A cell a spreadsheet would run as a formula (one that begins with = +
 * - @, a tab or a carriage return) is written with a ' before it, which
 * kz_csv_next takes off again; kz_csv_set_raw(true), for the whole
 * process, writes every cell as it is. */
void kz_csv_cell(struct kz_buf *b, const char *v, int last);
void kz_csv_set_raw(bool raw);

#endif
