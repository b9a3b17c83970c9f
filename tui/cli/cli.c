/* cli.c - how a command is found, prepared as its table entry says (cli_table.c), and run. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_output.h"
#include "csv.h"
#include "home.h"
#include "i18n.h"
#include "seminar.h"
#include "text.h"


int
cli_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("kizuna: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int
cli_fail_err(const struct kz_err *err)
{
	for (int i = 0; i < err->n; i++) {
		if (err->item[i].where[0])
			fprintf(stderr, "kizuna: %s: %s\n", err->item[i].where,
			    err->item[i].msg);
		else
			fprintf(stderr, "kizuna: %s\n", err->item[i].msg);
	}
	if (err->dropped)
		fprintf(stderr, _("kizuna: ... and %d more problems\n"),
		    err->dropped);
	if (err->stale)
		return 3;	/* scripts tell a lost race from bad input */
	if (err->n == 0)
		fputs(_("kizuna: failed\n"), stderr);
	return 1;
}

int
cli_open_db(struct cli *c, bool any_office)
{
	struct kz_err err = { 0 };
	struct kz_home_open h;

	if ((c->db = kz_db_open(c->db_path, c->cfg, &err)) == NULL)
		return cli_fail_err(&err);
	if (kz_home_open(c->db, c->db_path, any_office, &h, &err) != KZ_OK) {
		kz_db_close(c->db);
		c->db = NULL;
		return cli_fail_err(&err);
	}
	if (h.copied)
		fprintf(stderr, _("kizuna: %s is a copy of another database "
		    "file: it now has its own database id %s (it had %s), and "
		    "its bundles start again at 1, so they never collide with "
		    "the original's\n"), c->db_path, h.home.db, h.old_db);
	return 0;
}

/* ---- finding and running a command ---- */

const struct cli_cmd *
cli_find(const char *name, const char *verb)
{
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, name) == 0 && (verb == NULL ?
		    k->verb == NULL : k->verb && strcmp(k->verb, verb) == 0))
			return k;
	return NULL;
}

static bool
has_verbs(const char *name)
{
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, name) == 0 && k->verb)
			return true;
	return false;
}

/* The entry argv names, and how many words name it; NULL if none. */
static const struct cli_cmd *
lookup(int argc, char **argv, int *shift)
{
	*shift = 1;
	if (!has_verbs(argv[0]))
		return cli_find(argv[0], NULL);
	*shift = 2;
	return argc > 1 ? cli_find(argv[0], argv[1]) : NULL;
}

bool
cli_early(int argc, char **argv)
{
	int shift;
	const struct cli_cmd *cmd = lookup(argc, argv, &shift);

	return cmd && (cmd->flags & CLI_EARLY);
}

static int
unknown(int argc, char **argv)
{
	bool known = false;

	for (const struct cli_cmd *k = cli_cmds; k->name && !known; k++)
		known = strcmp(k->name, argv[0]) == 0;
	if (!known) {
		cli_fail(_("unknown command \"%s\": see kizuna --help"),
		    argv[0]);
		return 2;	/* wrong arguments, as kizuna(1) says */
	}
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		cli_help_verbs(argv[0]);
		return 0;
	}
	if (argc > 1)
		cli_fail(_("%s has no verb \"%s\""), argv[0], argv[1]);
	fprintf(stderr, _("kizuna %s needs one of:"), argv[0]);
	for (const struct cli_cmd *k = cli_cmds; k->name; k++)
		if (strcmp(k->name, argv[0]) == 0 && k->verb)
			fprintf(stderr, " %s", k->verb);
	fputc('\n', stderr);
	return 2;
}

/* An id as a person typed it to the stored one; a series goes by its
 * code too, an edition by SERIES/NUMBER or SERIES/YEAR, which only
 * their own lookups know. */
static int
resolve(struct cli *c, enum kz_table t, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_series s;

	switch (t) {
	case KZ_T_SEMINAR:
		return kz_seminar_resolve(c->db, typed, id, err);
	case KZ_T_SERIES:
		if (kz_series_get(c->db, typed, &s, err) != KZ_OK)
			return KZ_ERROR;
		memcpy(id, s.id, KZ_ID_SIZE);
		kz_series_free(&s);
		return KZ_OK;
	default:
		return kz_record_resolve(c->db, t, typed, id, err);
	}
}

/* A delete without --yes: a person is asked, a script refused. */
static int
confirm(struct cli *c, const struct cli_args *a)
{
	char q[512];
	int rc;

	if (cli_has(a, CLI_K_YES))
		return 0;
	if ((rc = a->cmd->ask(c, a->arg[0], q, sizeof q)) != 0)
		return rc;
	if (!isatty(STDIN_FILENO))
		return cli_fail(_("not deleting %s without --yes"), a->arg[0]);
	if (!cli_ask(q)) {
		fputs(_("kizuna: nothing deleted\n"), stderr);
		return 1;
	}
	return 0;
}

/* What the table's flags promise, before the handler runs: the format,
 * the database, the ids, the question of a delete. */
static int
prepare(struct cli *c, struct cli_args *a)
{
	const struct cli_cmd *cmd = a->cmd;
	struct kz_err err = { 0 };
	const char *f = cli_opt(a, CLI_K_FORMAT);

	if (f && cli_set_format(c, f))
		return 1;
	kz_csv_set_raw(cli_has(a, CLI_K_RAW_CELLS));
	if ((cmd->flags & CLI_DB) && c->db == NULL &&
	    cli_open_db(c, cmd->flags & CLI_ANYHOME))
		return 1;
	for (int k = 0; k < a->narg && k < CLI_OPERANDS; k++) {
		const struct cli_operand *op = &cmd->operands[k];

		if (op->name == NULL || !op->record)
			continue;
		if (resolve(c, op->kind, a->arg[k], a->id[k], &err))
			return cli_fail_err(&err);
		a->arg[k] = a->id[k];
	}
	for (int i = 0; i < a->nopt; i++) {
		struct cli_given *g = &a->opt[i];

		if ((g->opt->flags & CLI_OPT_RECORD) == 0)
			continue;
		if (resolve(c, g->opt->kind, g->value, g->id, &err))
			return cli_fail_err(&err);
		g->value = g->id;
	}
	return cmd->flags & CLI_DELETE ? confirm(c, a) : 0;
}

int
cli_dispatch(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd;
	struct cli_args a;
	int shift, rc;

	if ((cmd = lookup(argc, argv, &shift)) == NULL)
		return unknown(argc, argv);
	if ((rc = cli_parse(cmd, argc - shift, argv + shift, &a)) != 0)
		return rc;
	if (a.help)
		cli_help(cmd);
	else if ((rc = prepare(c, &a)) == 0)
		rc = cmd->run(c, &a);
	cli_args_free(&a);
	return rc;
}

/* ---- what every command shares ---- */

int
cli_set_format(struct cli *c, const char *v)
{
	if (strcmp(v, "table") == 0)
		c->format = FMT_TABLE;
	else if (strcmp(v, "csv") == 0)
		c->format = FMT_CSV;
	else if (strcmp(v, "json") == 0)
		c->format = FMT_JSON;
	else
		return cli_fail(_("--format: \"%s\" is not table, csv or json"),
		    v);
	return 0;
}

void
cli_show_line(const char *label, const char *value, int lw)
{
	char pad[256];

	if (value == NULL || *value == '\0')
		return;
	kz_text_fit(pad, sizeof pad, label, lw, true);
	printf("%s  ", pad);
	for (const char *p = value; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			printf("%*s", lw + 2, "");
	}
	putchar('\n');
}

void
cli_json_kv(const char *key, const char *value, bool comma)
{
	printf("  \"%s\": ", key);
	out_json_str(stdout, value && *value ? value : NULL);
	fputs(comma ? ",\n" : "\n", stdout);
}

bool
cli_ask(const char *question)
{
	char answer[16];

	if (!isatty(STDIN_FILENO))
		return false;
	fprintf(stderr, "%s [y/N] ", question);
	return fgets(answer, sizeof answer, stdin) != NULL &&
	    (answer[0] == 'y' || answer[0] == 'Y');
}

/* out's sink: the text to the file as it comes. */
static int
stream_put(void *arg, const char *text, size_t n)
{
	struct cli_stream *s = arg;

	if (kz_file_out_put(&s->f, text, n) == 0)
		return 0;
	s->error = errno ? errno : EIO;
	return -1;
}

bool
cli_stream_open(struct cli_stream *s, const char *path, struct kz_buf *out)
{
	memset(s, 0, sizeof *s);
	s->path = path;
	if (kz_file_out_open(&s->f, path) != 0) {
		if (errno == EEXIST || errno == EISDIR)
			cli_fail(_("%s: something other than a file is there (a "
			    "directory, a device, a pipe or a link): name a new "
			    "file, or a file to replace"), path);
		else
			cli_fail("%s: %s", path, strerror(errno));
		return false;
	}
	out->sink = stream_put;
	out->sink_arg = s;
	return true;
}

int
cli_stream_done(struct cli_stream *s, struct kz_buf *out, int rc,
    const struct kz_err *err)
{
	const char *path = s->path && strcmp(s->path, "-") ? s->path :
	    _("standard output");

	/* what the call left held, if it failed before its end */
	if (rc == KZ_OK && kz_buf_drain(out, true) != 0 && !s->error)
		rc = KZ_ERROR;
	if (rc == KZ_OK && kz_file_out_commit(&s->f) != 0)
		s->error = errno;
	if (rc != KZ_OK || s->error)
		kz_file_out_abandon(&s->f);
	kz_buf_free(out);
	if (s->error)
		return cli_fail("%s: %s", path, strerror(s->error));
	if (rc != KZ_OK)
		return err->n ? cli_fail_err(err) : cli_fail("%s",
		    _("out of memory"));
	return 0;
}

int
cli_export_done(const char *path, struct kz_buf *out, int rc,
    const struct kz_err *err)
{
	int e;

	if (rc != KZ_OK) {
		kz_buf_free(out);
		return cli_fail_err(err);
	}
	if (out->oom) {
		kz_buf_free(out);
		return cli_fail("%s", _("out of memory"));
	}
	rc = out_write_file(path, kz_buf_str(out), out->len);
	e = errno;
	kz_buf_free(out);
	if (rc != 0)
		return cli_fail("%s: %s", path ? path : _("standard output"),
		    strerror(e));
	return 0;
}
