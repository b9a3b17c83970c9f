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

/* The two halves of kz_file_write_atomic, for a writer that must do
 * something between them (sync export moves its sequence on only once
 * the bundle is safely written). kz_file_write_temp writes and fsyncs
 * "path.tmp-XXXXXX", its name left in tmp; kz_file_commit renames it to
 * path and fsyncs the directory, removing the temp file if it cannot. */
int kz_file_write_temp(const char *path, const void *data, size_t len,
    char *tmp, size_t tmpsize);
int kz_file_commit(const char *tmp, const char *path);

/* Complete the file name typed, as a shell's Tab does: out gets typed
 * lengthened by what every match shares ("/" after a lone directory);
 * alts the matching names, space separated (cut to fit). Returns the
 * number of matches (0: out is typed), or -1 with errno set when the
 * directory cannot be read. Names starting with "." only when typed. */
int kz_file_complete(const char *typed, char *out, size_t size, char *alts,
    size_t altsize);

#endif
