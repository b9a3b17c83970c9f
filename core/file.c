/* file.c - reading a whole file, and writing one so that it is whole or absent. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* O_TMPFILE (Linux 3.11) */
#endif
#include "file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *
kz_file_read(const char *path, size_t max, size_t *len)
{
	FILE *fp = path ? fopen(path, "rb") : stdin;
	char *buf = NULL;
	size_t n = 0, cap = 0, hint = 8192, got;
	struct stat sb;
	int e = 0;

	*len = 0;
	if (fp == NULL)
		return NULL;
	if (max == 0 || max > SIZE_MAX / 4)
		max = SIZE_MAX / 4;
	/* A regular file's size saves the doublings; a pipe grows as read. */
	if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (unsigned long long)sb.st_size < max)
		hint = (size_t)sb.st_size + 1;
	for (;;) {
		if (n == cap) {
			/* one byte more than max tells a file too large */
			size_t want = cap == 0 ? hint : cap * 2;
			char *b;

			if (want > max + 1)
				want = max + 1;
			if (want <= cap) {
				e = EFBIG;
				break;
			}
			if ((b = realloc(buf, want + 1)) == NULL) {
				e = ENOMEM;
				break;
			}
			buf = b;
			cap = want;
		}
		if ((got = fread(buf + n, 1, cap - n, fp)) == 0)
			break;
		n += got;
	}
	if (e == 0 && ferror(fp))
		e = errno ? errno : EIO;
	if (path)
		fclose(fp);
	if (e != 0) {
		free(buf);
		errno = e;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* What a write of the same file killed before its rename left (PATH
 * followed by .tmp- and six characters): removed, so that a copy of what
 * it held, personal data perhaps, does not stay behind. */
static void
leftovers(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char dir[PATH_MAX], name[PATH_MAX];
	size_t nbase = strlen(base);
	struct dirent *e;
	DIR *d;

	if ((size_t)snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash -
	    path) + 1 : 1, slash ? path : ".") >= sizeof dir ||
	    (d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strlen(e->d_name) == nbase + 11 &&
		    strncmp(e->d_name, base, nbase) == 0 &&
		    strncmp(e->d_name + nbase, ".tmp-", 5) == 0 &&
		    (size_t)snprintf(name, sizeof name, "%s%s", slash ? dir :
		    "", e->d_name) < sizeof name)
			unlink(name);
	closedir(d);
}

int
kz_file_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	size_t done = 0;

	while (done < len) {
		ssize_t w = write(fd, p + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		done += (size_t)w;
	}
	return 0;
}

int
kz_file_write_temp(const char *path, const void *data, size_t len,
    char *tmp, size_t tmpsize)
{
	int fd, e;

	if ((size_t)snprintf(tmp, tmpsize, "%s.tmp-XXXXXX", path) >= tmpsize) {
		errno = ENAMETOOLONG;
		return -1;
	}
	leftovers(path);
	/* mkstemp makes the file 0600, whatever the umask */
	if ((fd = mkstemp(tmp)) < 0)
		return -1;
	if (kz_file_write_all(fd, data, len) != 0)
		goto fail;
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	return 0;
fail:
	e = errno;
	close(fd);
	unlink(tmp);
	errno = e;
	return -1;
}

/* The scratch files ".kizuna-STEM-" and six characters in the directory
 * dfd that a process killed between making and unlinking one left:
 * empty (nothing is written before the unlink), regular, ours. One of a
 * process still between the two may go too: it is named nowhere soon
 * anyway, and that process keeps its fd. */
static void
scratch_leftovers(int dfd, const char *prefix)
{
	size_t n = strlen(prefix);
	struct dirent *e;
	struct stat st;
	DIR *d;
	int fd;

	if ((fd = dup(dfd)) < 0)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (strlen(e->d_name) == n + 6 &&
		    strncmp(e->d_name, prefix, n) == 0 &&
		    strspn(e->d_name + n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789") == 6 &&
		    fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode) && st.st_size == 0 &&
		    st.st_uid == geteuid())
			unlinkat(dfd, e->d_name, 0);
	closedir(d);
}

/* KIZUNA_TEST_KILL_AT=scratch: the process kills itself (SIGKILL) once
 * its scratch file is made, for the tests (sync_kill.sh);
 * KIZUNA_TEST_NO_TMPFILE makes it as a file system without O_TMPFILE. */
static void
scratch_made(void)
{
	const char *at = getenv("KIZUNA_TEST_KILL_AT");

	if (at != NULL && strcmp(at, "scratch") == 0)
		raise(SIGKILL);
}

int
kz_file_scratch(const char *beside, const char *stem)
{
	const char *slash = beside ? strrchr(beside, '/') : NULL;
	char dir[PATH_MAX], name[PATH_MAX], prefix[64];
	int dfd, fd, n, e;

	if (beside == NULL)
		n = snprintf(dir, sizeof dir, "/tmp");
	else if (slash == NULL)
		n = snprintf(dir, sizeof dir, ".");
	else if (slash == beside)
		n = snprintf(dir, sizeof dir, "/");
	else
		n = snprintf(dir, sizeof dir, "%.*s", (int)(slash - beside),
		    beside);
	if (n < 0 || (size_t)n >= sizeof dir || (size_t)snprintf(prefix,
	    sizeof prefix, ".kizuna-%s-", stem) >= sizeof prefix) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* a directory others drop files in may be writable and not
	 * readable (mode 1733): no leftovers are looked for there */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		scratch_leftovers(dfd, prefix);
		close(dfd);
	} else if (errno != EACCES)
		return -1;
#ifdef O_TMPFILE
	if (getenv("KIZUNA_TEST_NO_TMPFILE") == NULL &&
	    (fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC,
	    0600)) >= 0) {
		scratch_made();
		return fd;
	}
#endif
	if ((size_t)snprintf(name, sizeof name, "%s%s%sXXXXXX", dir,
	    strcmp(dir, "/") == 0 ? "" : "/", prefix) >= sizeof name) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* mkstemp makes the file 0600, whatever the umask */
	if ((fd = mkstemp(name)) < 0)
		return -1;
	scratch_made();
	/* gone already: another process took it for a leftover */
	if (unlink(name) != 0 && errno != ENOENT) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int
kz_file_replaceable(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (S_ISREG(st.st_mode))
		return 0;
	errno = S_ISDIR(st.st_mode) ? EISDIR : EEXIST;
	return -1;
}

int
kz_file_commit(const char *tmp, const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd, e;

	/* a device, a pipe or a link in its place is not replaced (as root,
	 * /dev/full would become a file) */
	if (kz_file_replaceable(path) != 0 || rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	/* The rename is only durable once the directory is on disk too. The
	 * file is in place by now, so a directory the file system will not
	 * sync is no reason to report a failure. */
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	return 0;
}

int
kz_file_out_open(struct kz_file_out *f, const char *path)
{
	memset(f, 0, sizeof *f);
	if (path == NULL || strcmp(path, "-") == 0) {
		f->fd = STDOUT_FILENO;
		return 0;
	}
	f->path = path;
	if (kz_file_replaceable(path) != 0)
		return -1;
	if ((size_t)snprintf(f->tmp, sizeof f->tmp, "%s.tmp-XXXXXX", path) >=
	    sizeof f->tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	leftovers(path);
	/* mkstemp makes the file 0600, whatever the umask */
	if ((f->fd = mkstemp(f->tmp)) < 0)
		return -1;
	return 0;
}

int
kz_file_out_put(struct kz_file_out *f, const void *data, size_t len)
{
	int e;

	if (kz_file_write_all(f->fd, data, len) == 0)
		return 0;
	e = errno;
	kz_file_out_abandon(f);
	errno = e;
	return -1;
}

int
kz_file_out_commit(struct kz_file_out *f)
{
	int e;

	if (f->path == NULL)
		return 0;
	if (fsync(f->fd) != 0) {
		e = errno;
		kz_file_out_abandon(f);
		errno = e;
		return -1;
	}
	if (close(f->fd) != 0) {
		e = errno;
		f->fd = -1;
		kz_file_out_abandon(f);
		errno = e;
		return -1;
	}
	f->fd = -1;
	return kz_file_commit(f->tmp, f->path);
}

void
kz_file_out_abandon(struct kz_file_out *f)
{
	if (f->path == NULL)
		return;
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	if (f->tmp[0])
		unlink(f->tmp);
	f->tmp[0] = '\0';
}

int
kz_file_write_atomic(const char *path, const void *data, size_t len)
{
	char tmp[PATH_MAX + 16];

	if (kz_file_write_temp(path, data, len, tmp, sizeof tmp) != 0)
		return -1;
	return kz_file_commit(tmp, path);
}

int
kz_file_complete(const char *typed, char *out, size_t size, char *alts,
    size_t altsize)
{
	const char *slash = strrchr(typed, '/');
	const char *base = slash ? slash + 1 : typed;
	size_t nbase = strlen(base), common = 0, ao = 0;
	char dir[PATH_MAX], first[NAME_MAX + 1] = "", full[PATH_MAX];
	struct dirent *e;
	struct stat st;
	int n = 0;
	DIR *d;

	snprintf(out, size, "%s", typed);
	if (altsize)
		alts[0] = '\0';
	if ((size_t)snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash -
	    typed) + 1 : 1, slash ? typed : ".") >= sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		size_t k = 0;

		if (strncmp(e->d_name, base, nbase) != 0 ||
		    (e->d_name[0] == '.' && base[0] != '.') ||
		    strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n++ == 0) {
			snprintf(first, sizeof first, "%s", e->d_name);
			common = strlen(first);
		} else {
			while (k < common && first[k] == e->d_name[k])
				k++;
			common = k;
		}
		if (ao < altsize)
			ao += (size_t)snprintf(alts + ao, altsize - ao, "%s%s",
			    ao ? " " : "", e->d_name);
	}
	closedir(d);
	if (n == 0)
		return 0;
	/* never cut a UTF-8 character in two */
	while (common > nbase && ((unsigned char)first[common] & 0xc0) == 0x80)
		common--;
	snprintf(out, size, "%.*s%.*s", (int)(base - typed), typed,
	    (int)common, first);
	if (n == 1 && (size_t)snprintf(full, sizeof full, "%s", out) <
	    sizeof full && stat(full, &st) == 0 && S_ISDIR(st.st_mode) &&
	    strlen(out) + 1 < size)
		strcat(out, "/");
	return n;
}
