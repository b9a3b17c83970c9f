/* cli_report.c - `kizuna report`: the office's annual report as text or HTML. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_report.h"
#include "i18n.h"
#include "report.h"
#include "year.h"

enum { O_FORMAT = 1, O_WIDTH };

const struct cli_opt cli_report_opts[] = {
	{ .name = "format", .arg = "text|html", .key = O_FORMAT,
	  .help = N_("aligned text (the default) or one HTML file") },
	{ .name = "width", .arg = "N", .key = O_WIDTH,
	  .help = N_("columns of the text (80 by default)") },
	{ 0 },
};

int
cli_report(struct cli *c, const struct cli_args *a)
{
	const char *format = cli_opt(a, O_FORMAT), *path = cli_opt(a,
	    CLI_K_OUTPUT), *w = cli_opt(a, O_WIDTH);
	struct kz_report r;
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	struct stat sb;
	char from[11], to[11];
	int year = 0, width = 80;
	bool html;

	if (format == NULL || strcmp(format, "text") == 0)
		html = false;
	else if (strcmp(format, "html") == 0)
		html = true;
	else
		return cli_fail(_("--format: \"%s\" is not text or html"),
		    format);
	if (w) {
		char *end;
		long v = strtol(w, &end, 10);

		if (*w == '\0' || *end || v < 40 || v > 400)
			return cli_fail(_("--width: \"%s\" is not a number from "
			    "40 to 400"), w);
		width = (int)v;
	}
	if (a->narg > 0) {
		if (kz_year_parse(c->cfg, a->arg[0], &year, from, to, "YEAR",
		    &err) != KZ_OK)
			return cli_fail_err(&err);
	} else {
		year = kz_year_current(c->cfg);
		kz_year_range(c->cfg, year, from, to);
	}
	/* refused before the work, and named */
	if (path && strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode))
		return cli_fail("%s: %s", path, strerror(EISDIR));
	if (kz_report_build(c->db, year, from, to, &r, &err) != KZ_OK)
		return cli_fail_err(&err);
	if (html)
		kz_report_html(&r, &out);
	else
		kz_report_text(&r, width, &out);
	kz_report_free(&r);
	return cli_export_done(path, &out, KZ_OK, &err);
}
