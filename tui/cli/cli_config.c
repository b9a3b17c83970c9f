/* cli_config.c - kizuna config check, show and doc. */
#include "cli_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "file.h"
#include "i18n.h"

void
cli_config_report(const struct kz_err *err)
{
	for (int i = 0; i < err->n; i++) {
		const struct kz_err_item *it = &err->item[i];
		const char *msg = it->msg, *nl = strchr(msg, '\n');
		int first = nl ? (int)(nl - msg) : (int)strlen(msg);

		if (it->where[0] != '\0')
			fprintf(stderr, "kizuna: %s: %.*s\n", it->where, first,
			    msg);
		else
			fprintf(stderr, "kizuna: %.*s\n", first, msg);
		/* The source line and the caret, indented alike so a tab
		 * in the line still lines up with the one in the caret. */
		while (nl != NULL) {
			const char *line = nl + 1;

			nl = strchr(line, '\n');
			fprintf(stderr, "  %.*s\n", nl ? (int)(nl - line) :
			    (int)strlen(line), line);
		}
	}
	if (err->dropped > 0)
		fprintf(stderr, _("kizuna: ... and %d more problems\n"),
		    err->dropped);
}

int
cli_config_check(struct cli *c, const struct cli_args *a)
{
	struct kz_err err;
	struct kz_config *cfg;
	const char *path = a->narg ? a->arg[0] : c->config_path;

	if (path == NULL) {
		/* No file at all: what is checked is the built-in default. */
		path = "(built-in)";
		cfg = kz_config_parse(path, kz_default_config,
		    strlen(kz_default_config), &err);
	} else if (strcmp(path, "-") == 0) {
		/* Standard input, so an editor can pipe a buffer through. */
		size_t len;
		char *text = kz_file_read(NULL, 0, &len);

		if (text == NULL)
			return cli_fail("%s", _("out of memory"));
		path = "(stdin)";
		cfg = kz_config_parse(path, text, len, &err);
		free(text);
	} else
		cfg = kz_config_load(path, &err);
	if (cfg == NULL) {
		cli_config_report(&err);
		return 1;
	}
	printf(_("%s: ok\n"), path);
	kz_config_free(cfg);
	return 0;
}

int
cli_config_show(struct cli *c, const struct cli_args *a)
{
	struct kz_err err;
	struct kz_config *cfg = c->cfg, *own = NULL;
	char *text;

	(void)a;
	if (cfg == NULL) {
		if (c->config_path != NULL)
			own = kz_config_load(c->config_path, &err);
		else
			own = kz_config_parse("(built-in)", kz_default_config,
			    strlen(kz_default_config), &err);
		if (own == NULL) {
			cli_config_report(&err);
			return 1;
		}
		cfg = own;
	}
	if ((text = kz_config_yaml(cfg)) == NULL) {
		kz_config_free(own);
		return cli_fail("%s", _("out of memory"));
	}
	/* Comments, so the output is itself a valid configuration file. */
	printf("# %s\n", cfg->path);
	printf("# %s\n", _("every key, with the defaults filled in"));
	fputs(text, stdout);
	free(text);
	kz_config_free(own);
	return 0;
}

int
cli_config_doc(struct cli *c, const struct cli_args *a)
{
	char *doc;

	(void)c;
	(void)a;
	if ((doc = kz_config_doc_mdoc()) == NULL)
		return cli_fail("%s", _("out of memory"));
	fputs(doc, stdout);
	free(doc);
	return 0;
}
