/* main.c - kizuna's entry: options, configuration, then screens or a subcommand. */
#include <errno.h>
#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cli_config.h"
#include "cli_init.h"
#include "cli_record.h"
#include "config.h"
#include "date.h"
#include "db.h"
#include "demo.h"
#include "i18n.h"
#include "sync_key.h"
#include "keys.h"
#include "cli_output.h"
#include "screen_frame.h"

static void
usage(FILE *fp)
{
	fprintf(fp, _("usage: kizuna [-c FILE] [-d FILE] [--demo] [COMMAND ...]\n"
	    "\n"
	    "Without a command kizuna opens its screens (press %s there for "
	    "keys).\n"
	    "\n"
	    "Options:\n"
	    "  -c, --config FILE  office configuration (default "
	    "$XDG_CONFIG_HOME/kizuna/config.yaml)\n"
	    "  -d, --db FILE      database (default "
	    "$XDG_DATA_HOME/kizuna/kizuna.db)\n"
	    "      --demo         use the office's own demo database, "
	    "loading the demo\n"
	    "                     data set into it if it is empty\n"
	    "  -h, --help         this help\n"
	    "  -V, --version      the version\n"
	    "\n"
	    "Commands:\n"), keys_first(KA_HELP));
	for (const struct cli_cmd *k = cli_cmds; k->name; k++) {
		char head[64];
		snprintf(head, sizeof head, "%s%s%s", k->name, k->verb ? " " :
		    "", k->verb ? k->verb : "");
		fprintf(fp, "  %-20s %s\n", head, _(k->help));
	}
	fprintf(fp, _("\nLists take --format table|csv|json. See kizuna(1) and "
	    "kizuna.yaml(5).\n"));
	/* the forms in the office's order (DATES in kizuna(1)) */
	fprintf(fp, _("A DATE is typed as the office writes dates: %s.\n"),
	    kz_date_forms(kz_date_get_order()));
}

/* mkdir -p with mode 0700 for what we create. */
static int
make_dirs(const char *path)
{
	char buf[PATH_MAX];
	struct stat sb;

	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return -1;
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0700) != 0 && errno != EEXIST)
		return -1;
	return stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode) ? 0 : -1;
}

/* $XDG_x_HOME/kizuna/name, with the XDG fallback under $HOME. */
static int
xdg_path(char *out, size_t size, const char *env, const char *fallback,
    const char *name)
{
	const char *base = getenv(env), *home = getenv("HOME");
	char dir[PATH_MAX];

	if (base && *base == '/')
		snprintf(dir, sizeof dir, "%s/kizuna", base);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/%s/kizuna", home, fallback);
	else
		return cli_fail(_("neither $%s nor $HOME is set"), env);
	if (make_dirs(dir) != 0)
		return cli_fail(_("cannot create %s: %s"), dir, strerror(errno));
	if (snprintf(out, size, "%s/%s", dir, name) >= (int)size)
		return cli_fail(_("path too long: %s/%s"), dir, name);
	return 0;
}

/* The demo databases of the other sample offices beside this one
 * (demo-OFFICE.db) and this one believe each other's keys, so demo
 * bundles pass between them as soon as both exist. */
static void
pair_demos(struct cli *c)
{
	char pattern[PATH_MAX + 16], *slash;
	struct kz_err err = { 0 };
	glob_t g;

	snprintf(pattern, sizeof pattern, "%s", c->db_path);
	if ((slash = strrchr(pattern, '/')) == NULL)
		return;
	snprintf(slash + 1, sizeof pattern - (size_t)(slash + 1 - pattern),
	    "demo-*.db");
	if (glob(pattern, 0, NULL, &g) != 0)
		return;
	for (size_t i = 0; i < g.gl_pathc; i++)
		if (strcmp(g.gl_pathv[i], c->db_path) != 0)
			kz_sync_key_pair_demo(c->db, g.gl_pathv[i], &err);
	globfree(&g);
}

static int
open_demo(struct cli *c, bool beside, struct kz_err *err)
{
	sqlite3_stmt *st;
	long n = 0;

	if (cli_open_db(c, false))
		return 1;
	if (sqlite3_prepare_v2(c->db->sql, "SELECT count(*) FROM specialist",
	    -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (n == 0 && kz_demo_load(c->db, err) != KZ_OK)
		return cli_fail_err(err);
	if (beside)
		pair_demos(c);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	char cfgpath[PATH_MAX], dbpath[PATH_MAX], dbname[32];
	const char *cfgopt = NULL, *dbopt = NULL;
	bool demo = false, help = false;
	struct cli c = { 0 };
	struct kz_err err = { 0 };
	int ch, rc;

	/* a file past the size limit (ulimit -f) is then a write error that
	 * names the file (EFBIG), not a silent death by SIGXFSZ */
	signal(SIGXFSZ, SIG_IGN);
	kz_i18n_init(NULL);
	/* the record types' options, before any command is looked at */
	cli_record_options();
	kz_i18n_set_language(NULL);
	/* "+": options after the command belong to the command. */
	while ((ch = getopt_long(argc, argv, "+c:d:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': cfgopt = optarg; break;
		case 'd': dbopt = optarg; break;
		case 'D': demo = true; break;
		case 'h': help = true; break;
		case 'V': printf("kizuna %s\n", KZ_VERSION); return 0;
		default: usage(stderr); return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 0 && strcmp(argv[0], "help") == 0)
		help = true;
	/* what only reads the command table (completion) needs no office */
	if (!help && argc > 0 && cli_early(argc, argv)) {
		/* init writes the configuration the others would read */
		if (strcmp(argv[0], "init") == 0) {
			if (cfgopt)
				snprintf(cfgpath, sizeof cfgpath, "%s", cfgopt);
			else if (xdg_path(cfgpath, sizeof cfgpath,
			    "XDG_CONFIG_HOME", ".config", "config.yaml"))
				return 1;
			c.config_path = cfgpath;
		}
		return cli_dispatch(&c, argc, argv);
	}

	/* Help speaks the office's language when there is an office: but
	 * it writes nothing, and a broken configuration does not stop it. */
	if (help) {
		if (cfgopt || (xdg_path(cfgpath, sizeof cfgpath,
		    "XDG_CONFIG_HOME", ".config", "config.yaml") == 0 &&
		    access(cfgpath, F_OK) == 0)) {
			c.cfg = kz_config_load(cfgopt ? cfgopt : cfgpath, &err);
			if (c.cfg) {
				kz_i18n_set_language(c.cfg->language);
				kz_date_set_order((enum kz_date_order)
				    kz_config_date_order(c.cfg));
			}
			kz_config_free(c.cfg);
		}
		usage(stdout);
		return 0;
	}

	/* The configuration: the one named, or the default. The first run
	 * asks which office this is (or, in a script, says how to choose):
	 * every database it makes keeps that office for good. */
	if (cfgopt)
		snprintf(cfgpath, sizeof cfgpath, "%s", cfgopt);
	else {
		if (xdg_path(cfgpath, sizeof cfgpath, "XDG_CONFIG_HOME", ".config",
		    "config.yaml"))
			return 1;
		if (access(cfgpath, F_OK) != 0 && cli_first_run(cfgpath) != 0)
			return 1;
	}
	/* config check reads its own file and must run on a broken one */
	bool checking = argc >= 2 && strcmp(argv[0], "config") == 0 &&
	    strcmp(argv[1], "check") == 0;
	c.config_path = cfgpath;
	c.cfg = kz_config_load(cfgpath, &err);
	if (c.cfg == NULL && !checking) {
		cli_config_report(&err);
		fprintf(stderr, _("kizuna: not starting: fix %s first\n"),
		    cfgpath);
		return 1;
	}
	if (c.cfg) {
		kz_i18n_set_language(c.cfg->language);
		/* every date typed or read from a file, in the office's order */
		kz_date_set_order((enum kz_date_order)kz_config_date_order(
		    c.cfg));
	}

	if (dbopt)
		snprintf(dbpath, sizeof dbpath, "%s", dbopt);
	else if (snprintf(dbname, sizeof dbname, demo ? "demo-%s.db" :
	    "kizuna.db", c.cfg ? c.cfg->office_id : "") < 0 ||
	    xdg_path(dbpath, sizeof dbpath, "XDG_DATA_HOME", ".local/share",
	    dbname)) {
		kz_config_free(c.cfg);
		return 1;
	}
	c.db_path = dbpath;

	/* The demo database fills itself on first use, for the screens and
	 * for commands alike. */
	rc = demo ? open_demo(&c, dbopt == NULL, &err) : 0;
	if (rc != 0)
		goto done;
	if (argc > 0)
		rc = cli_dispatch(&c, argc, argv);
	else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		rc = cli_fail(_("the screens need a terminal; for scripts see "
		    "kizuna --help"));
	else if (c.db == NULL && cli_open_db(&c, false))
		rc = 1;
	else
		rc = frame_run(c.db, c.cfg);
done:
	kz_db_close(c.db);
	kz_config_free(c.cfg);
	return rc;
}
