/* fold.c - the search fold: Japanese shinjitai and traditional Han to simplified (OpenCC), ASCII case. */
#include "fold.h"

#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <opencc/opencc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "file.h"
#include "text.h"

/*
 * Converting through OpenCC per string costs about 13 µs a configuration
 * and 4.7 MB resident: too slow to index 100,000 rows. So the Han of the
 * BMP (ext. A, the unified block, compatibility ideographs) is converted
 * once, one character a line (a line break stops OpenCC's phrases from
 * joining neighbours), and only what changes is kept: a bitmap of the
 * characters that change and a sorted table of their folds (about 4,000
 * entries, 30 KB). OpenCC is closed again. Building takes about 50 ms.
 * Without OpenCC's data the table stays empty and nothing is folded but
 * ASCII case.
 *
 * OpenCC is opened (dlopen), not linked: it brings the C++ library with
 * it, whose loading and relocations cost every command about a third of
 * its start-up, though only a search's first fold needs it. And it is
 * opened in a child process, which sends the table back down a pipe:
 * the C++ library holds unique symbols, so once loaded it stays mapped
 * whatever dlclose says (1.5 MB resident in a screen that has searched,
 * beside what OpenCC's dictionaries leave in the heap). Without the
 * library, or the child, the table stays empty, as without the data.
 */

#ifndef KZ_OPENCC_SO
#define KZ_OPENCC_SO "libopencc.so.1.1"
#endif

#define LO 0x3400u
#define HI 0xfaffu

static const struct { unsigned lo, hi; } ranges[] = {
	{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xf900, 0xfaff },
};

static bool built;
static uint8_t changes[(HI - LO + 1 + 7) / 8];
static uint16_t *from;
static uint32_t *to;
static size_t nfold;

/* OpenCC's four calls, from the library opened once. */
static struct {
	opencc_t (*open)(const char *);
	char *(*convert)(opencc_t, const char *, size_t);
	void (*convert_free)(char *);
	int (*close)(opencc_t);
} cc_fn;

/* Is the library there? (in the child, which leaves it open) */
static bool
cc_load(void)
{
	void *h = dlopen(KZ_OPENCC_SO, RTLD_LAZY | RTLD_LOCAL);

	if (h == NULL)
		return false;
	/* POSIX's way from a data pointer to a function pointer */
	*(void **)&cc_fn.open = dlsym(h, "opencc_open");
	*(void **)&cc_fn.convert = dlsym(h, "opencc_convert_utf8");
	*(void **)&cc_fn.convert_free = dlsym(h, "opencc_convert_utf8_free");
	*(void **)&cc_fn.close = dlsym(h, "opencc_close");
	return cc_fn.open && cc_fn.convert && cc_fn.convert_free &&
	    cc_fn.close;
}

/* Text through one OpenCC configuration; NULL if it cannot be done. */
static char *
convert(const char *config, const char *text)
{
	opencc_t cc = cc_fn.open(config);
	char *o, *copy;

	if (cc == (opencc_t)-1)
		return NULL;
	o = cc_fn.convert(cc, text, strlen(text));
	copy = o ? strdup(o) : NULL;	/* freed by free(), not OpenCC's */
	if (o)
		cc_fn.convert_free(o);
	cc_fn.close(cc);
	return copy;
}

/* Keep the pairs where a line of `out` is one character other than the
 * one `in` had. */
static void
collect(const char *in, const char *out, size_t max)
{
	const char *p = in, *q = out;

	from = malloc(max * sizeof *from);
	to = malloc(max * sizeof *to);
	if (from == NULL || to == NULL)
		return;
	while (*p && *q) {
		unsigned a, b;
		int ka = kz_utf8_decode(p, &a), kb = kz_utf8_decode(q, &b);
		const char *qe = strchr(q, '\n');

		if (qe == NULL || p[ka] != '\n')
			break;	/* out of step: keep what was read */
		if (q + kb == qe && a != b && a >= LO && a <= HI) {
			from[nfold] = (uint16_t)a;
			to[nfold++] = b;
		}
		p += ka + 1;
		q = qe + 1;
	}
}

/* The pairs in from, to and nfold, made here with OpenCC: in the child
 * process of build. */
static void
make_table(void)
{
	size_t n = 0, max = 0;
	char *all, *p, *jp, *s;

	if (!cc_load())
		return;
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		max += ranges[i].hi - ranges[i].lo + 1;
	if ((all = malloc(max * 4 + 1)) == NULL)
		return;
	p = all;
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		for (unsigned c = ranges[i].lo; c <= ranges[i].hi; c++) {
			p += kz_utf8_encode(c, p);
			*p++ = '\n';
			n++;
		}
	*p = '\0';
	jp = convert("jp2t.json", all);
	s = jp ? convert("t2s.json", jp) : NULL;
	if (s)
		collect(all, s, n);
}

/* A child that sends nothing for this long is taken for hung. */
#define CHILD_WAIT_MS 10000

/* len bytes from fd, waiting out signals (a screen's SIGWINCH); false
 * on an end, an error, or CHILD_WAIT_MS without a byte. */
static bool
read_all(int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len > 0) {
		struct pollfd pf = { .fd = fd, .events = POLLIN };
		int ready = poll(&pf, 1, CHILD_WAIT_MS);
		ssize_t r;

		if (ready < 0 && errno == EINTR)
			continue;
		if (ready <= 0)
			return false;
		r = read(fd, p, len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		p += r;
		len -= (size_t)r;
	}
	return true;
}

/* The table from the child that made it; nfold stays 0 if it did not
 * come whole. */
static void
take_table(int fd)
{
	size_t n = 0;

	if (!read_all(fd, &n, sizeof n) || n == 0 || n > HI - LO + 1)
		return;
	from = malloc(n * sizeof *from);
	to = malloc(n * sizeof *to);
	if (from && to && read_all(fd, from, n * sizeof *from) &&
	    read_all(fd, to, n * sizeof *to))
		nfold = n;
	/* not what a child of ours sends: a character out of the range,
	 * out of order (the lookup halves), or a fold to no character */
	for (size_t i = 0; i < nfold; i++)
		if (from[i] < LO || from[i] > HI || (i > 0 && from[i] <=
		    from[i - 1]) || to[i] < 0x80 || to[i] > 0x10ffff ||
		    (to[i] >= 0xd800 && to[i] <= 0xdfff))
			nfold = 0;
	if (nfold == 0) {
		free(from);
		free(to);
		from = NULL;
		to = NULL;
	}
}

static void
build(void)
{
	int fd[2];
	pid_t pid;

	built = true;
	if (pipe(fd) != 0)
		return;
	if ((pid = fork()) == 0) {
		/* the child: nothing of the parent's (its database, its
		 * terminal, its exit handlers) is touched; a signal to the
		 * terminal's processes ends it plainly, not through the
		 * screen's handlers, which would reset the terminal */
		static const int sigs[] = { SIGINT, SIGQUIT, SIGTERM, SIGTSTP,
		    SIGHUP, SIGWINCH, SIGCONT };

		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
			signal(sigs[i], SIG_DFL);
		close(fd[0]);
		make_table();
		if (kz_file_write_all(fd[1], &nfold, sizeof nfold) == 0 &&
		    nfold > 0 && kz_file_write_all(fd[1], from, nfold *
		    sizeof *from) == 0)
			(void)kz_file_write_all(fd[1], to, nfold * sizeof *to);
		_exit(0);
	}
	close(fd[1]);
	if (pid > 0)
		take_table(fd[0]);
	close(fd[0]);
	if (pid > 0 && nfold == 0)
		kill(pid, SIGKILL);	/* hung, or sent nonsense */
	while (pid > 0 && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	for (size_t i = 0; i < nfold; i++)
		changes[(from[i] - LO) / 8] |= (uint8_t)(1u <<
		    ((from[i] - LO) % 8));
	/* a fold of a fold is the fold: 芸 -> 藝 -> 艺, and 艺 stays */
	for (size_t i = 0; i < nfold; i++)
		to[i] = kz_fold_cp(to[i]);
}

unsigned
kz_fold_cp(unsigned c)
{
	size_t lo = 0, hi;

	if (c < LO || c > HI)
		return c;
	if (!built)
		build();
	if (!(changes[(c - LO) / 8] & (1u << ((c - LO) % 8))))
		return c;
	for (hi = nfold; lo < hi; ) {
		size_t mid = (lo + hi) / 2;

		if (from[mid] == c)
			return to[mid];
		if (from[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return c;
}

size_t
kz_fold_into(const char *s, size_t n, char *out)
{
	size_t i = 0, k = 0;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		unsigned cp;
		int w;

		if (b < 0x80) {
			out[k++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
			i++;
			continue;
		}
		w = kz_utf8_decode(s + i, &cp);
		if (cp == 0xfffd || i + (size_t)w > n) {
			/* a bad byte, or U+FFFD itself: as it is */
			size_t m = i + (size_t)w <= n ? (size_t)w : n - i;

			memcpy(out + k, s + i, m);
			k += m;
			i += m;
			continue;
		}
		k += (size_t)kz_utf8_encode(kz_fold_cp(cp), out + k);
		i += (size_t)w;
	}
	out[k] = '\0';
	return k;
}

char *
kz_fold_text(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *o = malloc(2 * n + 1);

	if (o)
		kz_fold_into(s ? s : "", n, o);
	return o;
}

bool
kz_fold_contains(const char *hay, const char *needle)
{
	char *h = kz_fold_text(hay), *n = kz_fold_text(needle);
	bool yes = h && n && strstr(h, n) != NULL;

	free(h);
	free(n);
	return yes;
}

static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s;
	int n;
	char *o;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	s = (const char *)sqlite3_value_text(argv[0]);
	n = sqlite3_value_bytes(argv[0]);
	if (s == NULL || (o = sqlite3_malloc64(2 * (sqlite3_uint64)n + 1)) ==
	    NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	n = (int)kz_fold_into(s, (size_t)n, o);
	sqlite3_result_text(ctx, o, n, sqlite3_free);
}

int
kz_fold_register(sqlite3 *sql)
{
	return sqlite3_create_function_v2(sql, "kz_fold", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, sql_fold, NULL,
	    NULL, NULL);
}
