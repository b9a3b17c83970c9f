/* cli_transfer.c - import, export, demo and statistics subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "demo.h"
#include "file.h"
#include "i18n.h"
#include "cli_output.h"
#include "specialist.h"
#include "transfer.h"

static void
progress(void *ctx, size_t done, size_t total)
{
	(void)ctx;
	/* the carriage return is not words: it rewrites the line */
	fputc('\r', stderr);
	fprintf(stderr, _("importing: line %zu of %zu"), done, total);
	if (done >= total)
		fputc('\n', stderr);
}

int
cli_import(struct cli *c, const struct cli_args *a)
{
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	bool skip_bad = cli_has(a, CLI_K_SKIP_BAD);
	const char *path = a->arg[0];
	int rc;
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct stat sb;

	/* read a piece at a time: a file of any size in flat memory */
	if (fp == NULL)
		return cli_fail("%s: %s", path, strerror(errno));
	/* progress only where a person watches, and for files worth it */
	bool show = isatty(STDERR_FILENO) && fstat(fileno(fp), &sb) == 0 &&
	    S_ISREG(sb.st_mode) && sb.st_size > 256 * 1024;
	rc = kz_import_specialists_file(c->db, path, fp, skip_bad,
	    show ? progress : NULL, NULL, &rep, &err);
	if (fp != stdin)
		fclose(fp);
	fputs(kz_buf_str(&rep.log), stderr);
	if (rc != KZ_OK) {
		cli_fail_err(&err);
	}
	fprintf(stderr, _("%zu rows read, %zu imported, %zu skipped\n"),
	    rep.read, rep.imported, rep.skipped);
	if (rc == KZ_OK && rep.renumbered)
		fprintf(stderr, _("%zu of them came with another office's id "
		    "and were given new ids of office %s\n"), rep.renumbered,
		    c->cfg->office_id);
	kz_import_report_free(&rep);
	return rc == KZ_OK ? 0 : 1;
}

enum { O_CONTACTS = 1 };

const struct cli_opt cli_export_opts[] = {
	{ .name = "contacts", .key = O_CONTACTS,
	  .help = N_("with e-mail, phone and address (personal data)") },
	{ 0 },
};

int
cli_export(struct cli *c, const struct cli_args *a)
{
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	struct cli_stream s;
	bool contacts = cli_has(a, O_CONTACTS);

	/* a row at a time to the file, however many */
	if (!cli_stream_open(&s, cli_opt(a, CLI_K_OUTPUT), &out))
		return 1;
	return cli_stream_done(&s, &out, kz_export_specialists(c->db,
	    contacts, &out, &err), &err);
}

int
cli_demo(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };
	struct timespec t0, t1;

	(void)a;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (kz_demo_load(c->db, &err) != KZ_OK)
		return cli_fail_err(&err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, _("loaded %d specialists with %d field registrations "
	    "into %s in %.2f s\n"), KZ_DEMO_PEOPLE, KZ_DEMO_REGISTRATIONS,
	    c->db_path, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}

int
cli_stats(struct cli *c, const struct cli_args *a)
{
	struct kz_field_count *fc;
	struct kz_err err = { 0 };
	size_t n;
	long people, regs;
	char num[32], count[32];

	(void)a;
	if (kz_specialist_count_fields(c->db, &fc, &n, &people, &regs, &err))
		return cli_fail_err(&err);
	if (c->format == FMT_CSV) {
		static const char *const head[] = { "code", "name", "count" };
		out_csv_row(stdout, 3, head);
		for (size_t i = 0; i < n; i++) {
			snprintf(count, sizeof count, "%ld", fc[i].count);
			const char *v[] = { fc[i].field->code,
			    kz_field_name(c->cfg, fc[i].field), count };
			out_csv_row(stdout, 3, v);
		}
	} else if (c->format == FMT_JSON) {
		printf("{\"people\": %ld, \"registrations\": %ld, \"fields\": [\n",
		    people, regs);
		for (size_t i = 0; i < n; i++) {
			fputs("  {\"code\": ", stdout);
			out_json_str(stdout, fc[i].field->code);
			fputs(", \"name\": ", stdout);
			out_json_str(stdout, kz_field_name(c->cfg, fc[i].field));
			printf(", \"count\": %ld}%s\n", fc[i].count,
			    i + 1 < n ? "," : "");
		}
		puts("]}");
	} else {
		const char *head[] = { _("NO"), _("CODE"), _("FIELD"),
		    _("COUNT") };
		struct out_table t;
		out_table_init(&t, 4, head);
		for (size_t i = 0; i < n; i++) {
			snprintf(num, sizeof num, "%d", fc[i].field->number);
			snprintf(count, sizeof count, "%5ld", fc[i].count);
			const char *v[] = { num, fc[i].field->code,
			    kz_field_name(c->cfg, fc[i].field), count };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 40);
		out_table_free(&t);
		printf(_("%ld specialists, %ld field registrations\n"), people,
		    regs);
	}
	free(fc);
	return 0;
}
