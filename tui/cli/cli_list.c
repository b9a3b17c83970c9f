/* cli_list.c - a declared list (core/rlist.h) printed as a table, CSV or JSON, row by row. */
#include "cli_list.h"
#include "cli_output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "i18n.h"
#include "json.h"
#include "text.h"
#include "xalloc.h"
#include "activity.h"

/* Keys of a list's filter options: CLI_K_FILTER + its index. */
enum { CLI_K_LIMIT = -200, CLI_K_OFFSET, CLI_K_SORT, CLI_K_FILTER = 1000 };

/* A cell wider than this is cut with ~ (the last column too), unless
 * the list says otherwise. */
#define MAXW 30

const struct cli_opt cli_list_opts[] = {
	{ .name = "limit", .arg = "N", .key = CLI_K_LIMIT,
	  .help = N_("at most N rows") },
	{ .name = "offset", .arg = "N", .key = CLI_K_OFFSET,
	  .help = N_("skip the first N rows") },
	{ .name = "sort", .arg = "COLUMN[,-COLUMN]", .key = CLI_K_SORT,
	  .help = N_("in the order of these columns (their CSV names); "
	  "-COLUMN: the reverse") },
	{ 0 },
};

struct cli_opt cli_specialist_filters[CLI_LIST_OPTS];
struct cli_opt cli_request_filters[CLI_LIST_OPTS];
struct cli_opt cli_dispatch_filters[CLI_LIST_OPTS];
struct cli_opt cli_participant_filters[CLI_LIST_OPTS];
struct cli_opt cli_item_filters[CLI_LIST_OPTS];
struct cli_opt cli_seminar_filters[CLI_LIST_OPTS];
struct cli_opt cli_trainee_filters[CLI_LIST_OPTS];
struct cli_opt cli_opening_filters[CLI_LIST_OPTS];

static void
fill(struct cli_opt *out, const struct kz_rlist *l)
{
	size_t n = 0;

	for (size_t i = 0; l->filters[i].where && n + 1 < CLI_LIST_OPTS; i++) {
		const struct kz_rlist_filter *f = &l->filters[i];

		if (f->flags & KZ_RLF_NOOPT)
			continue;
		out[n++] = (struct cli_opt){ .name = f->option, .arg = f->arg,
		    .help = f->help, .key = CLI_K_FILTER + (int)i,
		    .flags = f->flags & KZ_RLF_RECORD ? CLI_OPT_RECORD : 0,
		    .kind = f->ref };
	}
	memset(&out[n], 0, sizeof out[n]);
}

void
cli_list_options(void)
{
	fill(cli_specialist_filters, &kz_rlist_specialists);
	fill(cli_request_filters, &kz_rlist_requests);
	fill(cli_dispatch_filters, &kz_rlist_dispatches);
	fill(cli_participant_filters, &kz_rlist_participants);
	fill(cli_item_filters, &kz_rlist_items);
	fill(cli_seminar_filters, &kz_rlist_seminars);
	fill(cli_trainee_filters, &kz_rlist_trainees);
	for (size_t i = 0; i < KZ_CLI_ACTIVITIES && kz_akinds[i]; i++)
		fill(cli_activity_filters[i], kz_akinds[i]->list);
	fill(cli_opening_filters, &kz_rlist_openings);
}

/* --limit or --offset: a whole number of rows, 0 or more. */
static int
rows_value(const char *opt, const char *v, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(v, &end, 10);
	if (!*v || *end || errno || *out < 0)
		return cli_fail(_("--%s: \"%s\" is not a number of rows"), opt,
		    v);
	return 0;
}

/* What b holds to standard output; b emptied for the next row. */
static void
emit(struct kz_buf *b)
{
	if (b->oom)
		xalloc_die();	/* half a row would be a wrong one */
	fputs(kz_buf_str(b), stdout);
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

static bool
shown_col(const struct kz_rlist *l, size_t i, unsigned want, bool personal)
{
	const struct kz_rfield *f = kz_rlist_field(l, i);
	unsigned fl = l->cols[i].flags;

	/* personal: the column's word, or its field's */
	if (f && (f->flags & KZ_RF_PERSONAL))
		fl |= KZ_RC_PERSONAL;
	return (fl & want) && (personal || !(fl & KZ_RC_PERSONAL));
}

static bool
csv_col(const struct kz_rlist *l, size_t i, bool personal)
{
	return shown_col(l, i, KZ_RC_DATA, personal) &&
	    !(l->cols[i].flags & KZ_RC_JSON);
}

static char *
cell(const struct kz_rlist_cursor *cur, size_t i, bool shown)
{
	char *s = shown ? kz_rlist_shown(cur, i) : kz_rlist_text(cur, i);

	if (s == NULL)
		xalloc_die();
	return s;
}

/* How many columns "key@LANG" follow column i in CSV: the languages
 * its field is kept in (KZ_RF_LANGS). */
static size_t
langs_col(const struct kz_rlist *l, size_t i, const struct kz_tr_cols *tc)
{
	const struct kz_rfield *f = kz_rlist_field(l, i);

	return f && (f->flags & KZ_RF_LANGS) ? kz_tr_cols_of(tc, f->name) : 0;
}

static int
print_csv(struct kz_rlist_cursor *cur, bool personal, struct kz_err *err)
{
	const struct kz_rlist *l = cur->l;
	struct kz_buf b = { 0 };
	struct kz_tr_cols tc;
	char head[128];
	size_t last = 0;
	int rc;

	if (kz_rtype_tr_cols(cur->db, l->rt, &tc, err) != KZ_OK)
		return KZ_ERROR;
	for (size_t i = 0; i < l->ncols; i++)
		if (csv_col(l, i, personal))
			last = i;
	for (size_t i = 0; i < l->ncols; i++) {
		size_t left = langs_col(l, i, &tc);

		if (!csv_col(l, i, personal))
			continue;
		kz_csv_cell(&b, kz_rlist_key(l, i), i == last && !left);
		for (size_t j = 0; left && j < tc.n; j++) {
			if (strcmp(tc.v[j].field, kz_rlist_field(l, i)->name))
				continue;
			snprintf(head, sizeof head, "%s@%s", kz_rlist_key(l, i),
			    tc.v[j].lang);
			kz_csv_cell(&b, head, i == last && --left == 0);
		}
	}
	while ((rc = kz_rlist_next(cur, err)) == 1)
		for (size_t i = 0; i < l->ncols; i++) {
			size_t left = langs_col(l, i, &tc);
			const struct kz_rfield *f = kz_rlist_field(l, i);
			char *s;

			if (!csv_col(l, i, personal))
				continue;
			s = cell(cur, i, false);
			kz_csv_cell(&b, s, i == last && !left);
			free(s);
			for (size_t j = 0; left && j < tc.n; j++) {
				const char *t;

				if (strcmp(tc.v[j].field, f->name) != 0)
					continue;
				t = kz_tr_get(kz_rtype_ctrs(l->rt, cur->rec),
				    f->name, tc.v[j].lang);
				kz_csv_cell(&b, t ? t : "", i == last &&
				    --left == 0);
			}
			if (i == last)
				emit(&b);
		}
	emit(&b);
	kz_buf_free(&b);
	kz_tr_cols_free(&tc);
	return rc;
}

static int
print_json(struct kz_rlist_cursor *cur, bool personal, struct kz_err *err)
{
	const struct kz_rlist *l = cur->l;
	struct kz_buf b = { 0 };
	long long n = 0;
	int rc;

	puts("[");
	while ((rc = kz_rlist_next(cur, err)) == 1) {
		bool first = true;

		kz_buf_puts(&b, n++ ? ",\n  {" : "  {");
		for (size_t i = 0; i < l->ncols; i++) {
			if (!shown_col(l, i, KZ_RC_DATA, personal) ||
			    (l->cols[i].flags & KZ_RC_CSV))
				continue;
			kz_buf_puts(&b, first ? "" : ", ");
			first = false;
			kz_json_str(&b, kz_rlist_key(l, i));
			kz_buf_puts(&b, ": ");
			if (kz_rlist_json(cur, i, &b))
				xalloc_die();
		}
		/* a record's text in other languages, last */
		if (kz_rtype_ctrs(l->rt, cur->rec)) {
			kz_buf_puts(&b, first ? "\"translations\": " :
			    ", \"translations\": ");
			if (kz_rtype_tr_json(l->rt, cur->rec, &b))
				xalloc_die();
		}
		kz_buf_puts(&b, "}");
		emit(&b);
	}
	kz_buf_free(&b);
	if (n)
		putchar('\n');
	puts("]");
	return rc;
}

/* Twice over the rows: their widths first, then the lines, so the
 * columns line up in display width without holding the rows. */
static int
print_table(struct kz_rlist_cursor *cur, bool personal, long long *rows,
    struct kz_err *err)
{
	const struct kz_rlist *l = cur->l;
	int w[64];
	size_t last = 0, ncols = l->ncols < 64 ? l->ncols : 64;
	long long n = 0;
	int rc, maxw = out_maxw(l->width ? l->width : MAXW);

	for (size_t i = 0; i < ncols; i++) {
		w[i] = -1;	/* not shown, for out_fit */
		if (shown_col(l, i, KZ_RC_TABLE, personal)) {
			w[i] = kz_text_width(_(l->cols[i].head));
			last = i;
		}
	}
	while ((rc = kz_rlist_next(cur, err)) == 1) {
		n++;
		for (size_t i = 0; i < ncols; i++) {
			char *s;
			int cw;

			if (!shown_col(l, i, KZ_RC_TABLE, personal))
				continue;
			s = cell(cur, i, true);
			cw = kz_text_width(s);
			if (cw > w[i])
				w[i] = cw > maxw ? maxw : cw;
			free(s);
		}
	}
	if (rc < 0)
		return rc;
	*rows = n;
	if (n == 0) {
		fprintf(stderr, "%s\n", _(l->none));
		return 0;
	}
	out_fit(w, (int)ncols, out_cols());
	for (size_t i = 0; i < ncols; i++)
		if (shown_col(l, i, KZ_RC_TABLE, personal)) {
			out_cell(stdout, _(l->cols[i].head), w[i], i != last);
			fputs(i == last ? "\n" : "  ", stdout);
		}
	kz_rlist_rewind(cur);
	while ((rc = kz_rlist_next(cur, err)) == 1)
		for (size_t i = 0; i < ncols; i++) {
			char *s;

			if (!shown_col(l, i, KZ_RC_TABLE, personal))
				continue;
			s = cell(cur, i, true);
			out_cell(stdout, s, w[i], i != last);
			free(s);
			fputs(i == last ? "\n" : "  ", stdout);
		}
	return rc;
}

int
cli_list_query(const struct cli_args *a, struct kz_rlist_query *q)
{
	for (int i = 0; i < a->nopt; i++) {
		const struct cli_opt *o = a->opt[i].opt;
		const char *v = a->opt[i].value;

		if (o->key == CLI_K_LIMIT && rows_value(o->name, v, &q->limit))
			return 1;
		if (o->key == CLI_K_OFFSET && rows_value(o->name, v,
		    &q->offset))
			return 1;
		if (o->key == CLI_K_SORT)
			q->sort = v;
		if (o->key >= CLI_K_FILTER && o->key < CLI_K_FILTER +
		    KZ_RLIST_FILTERS)
			q->value[o->key - CLI_K_FILTER] = v;
	}
	return 0;
}

int
cli_list(struct cli *c, const struct cli_args *a, struct kz_rlist_query *q,
    bool personal)
{
	struct kz_rlist_cursor cur;
	struct kz_err err = { 0 };
	int rc;

	if (cli_list_query(a, q))
		return 1;
	if (kz_rlist_open(c->db, q, &cur, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (c->format == FMT_CSV)
		rc = print_csv(&cur, personal, &err);
	else if (c->format == FMT_JSON)
		rc = print_json(&cur, personal, &err);
	else
		rc = print_table(&cur, personal, &q->rows, &err);
	kz_rlist_close(&cur);
	return rc < 0 ? cli_fail_err(&err) : 0;
}
