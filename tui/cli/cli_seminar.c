/* cli_seminar.c - `kizuna series|seminar ...`, and what such commands share. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_casework.h"
#include "record.h"
#include "cli_seminar.h"
#include "cli_list.h"
#include "cli_record.h"
#include "file.h"
#include "i18n.h"
#include "cli_output.h"
#include "participant.h"
#include "seminar.h"
#include "record.h"
#include "specialist.h"	/* kz_str_set */

/* ---- shared ---- */

char *
cli_sem_read(const char *path, size_t *len)
{
	char *buf = kz_file_read(strcmp(path, "-") == 0 ? NULL : path, 0, len);

	if (buf != NULL && memchr(buf, '\0', *len) != NULL) {
		free(buf);
		errno = EILSEQ;		/* a NUL byte: not a text file */
		return NULL;
	}
	return buf;
}

int
cli_sem_import_done(const struct kz_import_report *rep, int rc,
    const struct kz_err *err)
{
	fputs(kz_buf_str(&rep->log), stderr);
	if (rc != KZ_OK)
		cli_fail_err(err);
	fprintf(stderr, _("%zu rows read, %zu imported, %zu skipped\n"),
	    rep->read, rep->imported, rep->skipped);
	return rc == KZ_OK ? 0 : 1;
}

void
cli_sem_warnings(const struct kz_err *warn)
{
	for (int i = 0; i < warn->n; i++)
		fprintf(stderr, _("kizuna: warning: %s%s%s\n"),
		    warn->item[i].where, warn->item[i].where[0] ? ": " : "",
		    warn->item[i].msg);
}

/* ---- series ---- */

/* Made from the series' table (core/seminar.c) by cli_record_options. */
struct cli_opt cli_series_opts[KZ_CLI_RECORD_OPTS];

/* The options given into s, in their order; 0 or 1 (reported). */
static int
series_apply(const struct cli_args *a, struct kz_series *s)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_series_type, s,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_series_type, s, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

int
cli_series_add(struct cli *c, const struct cli_args *a)
{
	struct kz_series s;
	struct kz_err err = { 0 };
	int rc;

	memset(&s, 0, sizeof s);
	if ((rc = series_apply(a, &s)) != 0) {
		kz_series_free(&s);
		return rc;
	}
	if (kz_series_insert(c->db, &s, &err) != KZ_OK) {
		kz_series_free(&s);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", s.id);	/* scripts capture the new id */
	else
		cli_record_print(c, &kz_series_type, &s);
	kz_series_free(&s);
	return 0;
}

int
cli_series_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_series);
	return cli_list(c, a, &q, false);
}

int
cli_series_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_series s;
	struct kz_err err = { 0 };
	int rc;

	if (kz_series_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = series_apply(a, &s)) == 0 &&
	    kz_series_update(c->db, &s, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	kz_series_free(&s);
	return rc;
}

int
cli_series_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_series s;
	struct kz_err err = { 0 };

	if (kz_series_delete_check(c->db, id, &err) != KZ_OK ||
	    kz_series_get(c->db, id, &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	snprintf(q, size, _("delete series %s (%s)?"), s.code,
	    kz_rtype_in(&kz_series_type, "name", &s));
	kz_series_free(&s);
	return 0;
}

int
cli_series_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_series_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}

/* ---- editions ---- */

/* Made from the edition's table (core/seminar.c) by cli_record_options. */
struct cli_opt cli_seminar_opts[KZ_CLI_RECORD_OPTS];

/* The options given into s, in their order; 0 or 1 (reported). */
static int
sem_apply(const struct cli_args *a, struct kz_seminar *s)
{
	struct kz_err err = { 0 };

	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].opt->key > 0)
			cli_record_option(&kz_seminar_type, s,
			    a->opt[i].opt->name, a->opt[i].value, &err);
	cli_record_if_updated(a, &kz_seminar_type, s, &err);
	return err.n ? cli_fail_err(&err) : 0;
}

/* The edition from its table; as a table of lines, then who takes part
 * by country and role (counted from its participants, not a field). */
static void
sem_print_full(struct cli *c, const struct kz_seminar *s)
{
	struct kz_counts bc = { 0 }, br = { 0 };
	struct kz_err err = { 0 };
	char line[400];
	size_t o = 0;

	cli_record_print(c, &kz_seminar_type, s);
	if (c->format != FMT_TABLE || s->participants == 0 ||
	    kz_participant_count_country(c->db, s->id, &bc, &err) != KZ_OK ||
	    kz_participant_count_role(c->db, s->id, &br, &err) != KZ_OK) {
		kz_counts_free(&bc);
		return;
	}
	line[0] = '\0';
	for (size_t i = 0; i < bc.n && o < sizeof line; i++)
		o += (size_t)snprintf(line + o, sizeof line - o, "%s%s %ld",
		    i ? ", " : "", bc.c[i].key, bc.c[i].n);
	for (size_t i = 0; i < br.n && o < sizeof line; i++)
		o += (size_t)snprintf(line + o, sizeof line - o, "%s%s %ld",
		    i ? ", " : "; ", _(br.c[i].key), br.c[i].n);
	kz_counts_free(&bc);
	kz_counts_free(&br);
	cli_show_line(_("taking part"), line,
	    cli_record_label_width(&kz_seminar_type));
}

int
cli_seminar_add(struct cli *c, const struct cli_args *a)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };
	int rc;

	kz_seminar_init(&s);
	if ((rc = sem_apply(a, &s)) != 0) {
		kz_seminar_free(&s);
		return rc;
	}
	if (kz_seminar_insert(c->db, &s, &err) != KZ_OK) {
		kz_seminar_free(&s);
		return cli_fail_err(&err);
	}
	if (c->format == FMT_TABLE)
		printf("%s\n", s.id);
	else {
		struct kz_seminar got;
		if (kz_seminar_get(c->db, s.id, &got, &err) == KZ_OK) {
			sem_print_full(c, &got);
			kz_seminar_free(&got);
		}
	}
	kz_seminar_free(&s);
	return 0;
}

int
cli_seminar_list(struct cli *c, const struct cli_args *a)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, &kz_rlist_seminars);
	return cli_list(c, a, &q, false);
}

int
cli_seminar_show(struct cli *c, const struct cli_args *a)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };

	if (kz_seminar_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	sem_print_full(c, &s);
	kz_seminar_free(&s);
	return 0;
}

int
cli_seminar_edit(struct cli *c, const struct cli_args *a)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };
	int rc;

	if (kz_seminar_get(c->db, a->arg[0], &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	if ((rc = sem_apply(a, &s)) != 0)
		;
	else if (kz_seminar_update(c->db, &s, &err) != KZ_OK)
		rc = cli_fail_err(&err);
	else if (c->format != FMT_TABLE)
		sem_print_full(c, &s);
	kz_seminar_free(&s);
	return rc;
}

int
cli_seminar_ask(struct cli *c, const char *id, char *q, size_t size)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };
	char ref[96];

	if (kz_seminar_get(c->db, id, &s, &err) != KZ_OK)
		return cli_fail_err(&err);
	kz_seminar_label(&s, ref, sizeof ref);
	snprintf(q, size, _("delete %s with its %ld programme items and %ld "
	    "participants?"), ref, s.items, s.participants);
	kz_seminar_free(&s);
	return 0;
}

int
cli_seminar_rm(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };

	if (kz_seminar_delete(c->db, a->arg[0], &err) != KZ_OK)
		return cli_fail_err(&err);
	return 0;
}
