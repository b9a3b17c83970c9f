/* cli_init.c - `kizuna init` and the first run: a sample office's configuration, chosen, never guessed. */
#include "cli_init.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli_output.h"
#include "config.h"
#include "i18n.h"

enum { O_OFFICE = 1 };

const struct cli_opt cli_init_opts[] = {
	{ .name = "office", .arg = "OFFICE", .key = O_OFFICE,
	  .flags = CLI_OPT_NEEDED,
	  .help = N_("the sample office, by its id or file name (BJS or "
	  "beijing; kizuna init alone lists them)") },
	{ 0 },
};

/* The sample offices are every office config/ has (kz_samples). */

/* By office id or file name, in any case. */
static const struct kz_sample *
sample_find(const char *name)
{
	for (size_t i = 0; i < kz_nsamples; i++)
		if (strcasecmp(name, kz_samples[i].office) == 0 ||
		    strcasecmp(name, kz_samples[i].file) == 0)
			return &kz_samples[i];
	return NULL;
}

/* The sample's first line, its comment, says what office it is. */
static void
sample_line(const struct kz_sample *s, char *out, size_t size)
{
	const char *p = s->text, *e;

	if (strncmp(p, "# ", 2) == 0)
		p += 2;
	e = strchr(p, '\n');
	snprintf(out, size, "%-4s %.*s", s->office, e ? (int)(e - p) :
	    (int)strlen(p), p);
}

static void
list_samples(FILE *fp)
{
	char line[256];

	for (size_t i = 0; i < kz_nsamples; i++) {
		sample_line(&kz_samples[i], line, sizeof line);
		fprintf(fp, "  %zu) %s\n", i + 1, line);
	}
}

static int
write_sample(const char *path, const struct kz_sample *s)
{
	if (access(path, F_OK) == 0)
		return cli_fail(_("%s exists already: kizuna init writes a new "
		    "configuration only (remove it first, or name another file "
		    "with -c FILE)"), path);
	if (out_write_file(path, s->text, strlen(s->text)) != 0)
		return cli_fail(_("cannot write %s: %s"), path, strerror(errno));
	printf(_("wrote %s: the configuration of office %s; edit it for "
	    "your office (kizuna.yaml(5)), then start kizuna\n"), path,
	    s->office);
	return 0;
}

static void
instructions(FILE *fp, const char *path)
{
	fprintf(fp, _("kizuna: no configuration at %s, and kizuna will not "
	    "guess the office: the office is fixed in every database it "
	    "makes.\nMake one from a sample office with\n"
	    "  kizuna init --office OFFICE\n"
	    "(or pass -c FILE). The sample offices:\n"), path);
	list_samples(fp);
}

int
cli_init(struct cli *c, const struct cli_args *a)
{
	const char *office = cli_opt(a, O_OFFICE);
	const struct kz_sample *s;

	if (office == NULL) {
		/* say what is there: a configuration that exists is not
		 * "no configuration" */
		if (access(c->config_path, F_OK) == 0) {
			fprintf(stderr, _("kizuna: %s exists already; kizuna init "
			    "--office OFFICE writes a new configuration, to "
			    "another file with -c FILE. The sample offices:\n"),
			    c->config_path);
			list_samples(stderr);
		} else
			instructions(stderr, c->config_path);
		return 2;
	}
	if ((s = sample_find(office)) == NULL) {
		fprintf(stderr, _("kizuna: --office: no sample office \"%s\"; "
		    "the sample offices:\n"), office);
		list_samples(stderr);
		return 2;
	}
	return write_sample(c->config_path, s);
}

int
cli_first_run(const char *path)
{
	char answer[64];

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		instructions(stderr, path);
		return 1;
	}
	printf(_("Welcome to kizuna.\nThere is no configuration at %s yet.\n"
	    "Which office is this? The office is fixed in the database, so "
	    "choose with care:\n"), path);
	list_samples(stdout);
	for (;;) {
		const struct kz_sample *s = NULL;
		char *e;
		unsigned long n;

		printf(_("Office (number or code, empty to stop): "));
		fflush(stdout);
		if (fgets(answer, sizeof answer, stdin) == NULL)
			return cli_fail(_("no office chosen: nothing written"));
		answer[strcspn(answer, " \r\n")] = '\0';
		if (answer[0] == '\0')
			return cli_fail(_("no office chosen: nothing written"));
		n = strtoul(answer, &e, 10);
		if (*e == '\0' && n >= 1 && n <= kz_nsamples)
			s = &kz_samples[n - 1];
		else
			s = sample_find(answer);
		if (s)
			return write_sample(path, s);
		printf(_("\"%s\" is none of them.\n"), answer);
	}
}
