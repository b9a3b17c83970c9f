/* file.h - reading a whole file, and writing one so that it is whole or absent. */
#ifndef KZ_FILE_H
#define KZ_FILE_H

#include <stddef.h>

/*
 * These report like the system calls they wrap: NULL or -1 with errno
 * set, so that each caller words the message for what the file is to it
 * ("cannot write the bundle: ...", "cannot read the fields file ...").
 */

/* The whole of a file (NULL: standard input), NUL-terminated; *len does
 * not count the NUL. More than max bytes (0: no limit) fails with EFBIG.
 * The caller frees the text. */
char *kz_file_read(const char *path, size_t max, size_t *len);

/* Write data to path atomically: a temp file in the same directory,
 * written, fsynced, renamed over path, then the directory fsynced. A
 * failure leaves path as it was and no temp file behind. The new file
 * is private to its owner (0600). Returns 0, or -1 with errno set. */
int kz_file_write_atomic(const char *path, const void *data, size_t len);

/* All of data to fd, as write(2) reports (0, or -1 and errno; a write
 * of nothing is EIO). */
int kz_file_write_all(int fd, const void *data, size_t len);
/* 0 when a file may be written at path: nothing is there, or a file
 * is. A directory (errno EISDIR), or a device, a pipe, a socket or a
 * link (EEXIST) is not replaced. */
int kz_file_replaceable(const char *path);
/* The two halves of kz_file_write_atomic, for a writer that must do
 * something between them (sync export moves its sequence on only once
 * the bundle is safely written). kz_file_write_temp writes and fsyncs
 * "path.tmp-XXXXXX", its name left in tmp; kz_file_commit renames it to
 * path and fsyncs the directory, removing the temp file if it cannot. */
int kz_file_write_temp(const char *path, const void *data, size_t len,
    char *tmp, size_t tmpsize);
int kz_file_commit(const char *tmp, const char *path);

/* A file written a piece at a time, whole or absent as
 * kz_file_write_atomic's: kz_file_out_open makes the temp file beside
 * path (path NULL or "-": standard output, written as it comes),
 * kz_file_out_put writes to it, kz_file_out_commit fsyncs it and
 * renames it over path, kz_file_out_abandon removes it. Each returns 0,
 * or -1 with errno set (the temp file then removed). */
struct kz_file_out {
	int fd;
	const char *path;	/* NULL: standard output */
	char tmp[4096 + 16];
};
int kz_file_out_open(struct kz_file_out *f, const char *path);
int kz_file_out_put(struct kz_file_out *f, const void *data, size_t len);
int kz_file_out_commit(struct kz_file_out *f);
void kz_file_out_abandon(struct kz_file_out *f);

/* A scratch file in the directory of beside (NULL: /tmp), on the disk
 * that will hold what it is for, 0600 and named nowhere, so that nothing
 * of it stays when the process ends, even killed: O_TMPFILE where the
 * file system has it; elsewhere ".kizuna-STEM-XXXXXX", unlinked at once,
 * after removing what a process killed between the two left (an empty
 * file of ours by that pattern). The fd, or -1 with errno set. */
int kz_file_scratch(const char *beside, const char *stem);

/* Complete the file name typed, as a shell's Tab does: out gets typed
 * lengthened by what every match shares ("/" after a lone directory);
 * alts the matching names, space separated (cut to fit). Returns the
 * number of matches (0: out is typed), or -1 with errno set when the
 * directory cannot be read. Names starting with "." only when typed. */
int kz_file_complete(const char *typed, char *out, size_t size, char *alts,
    size_t altsize);

#endif
