/* xalloc.h - memory for the screens and commands: it is there, or kizuna ends. */
#ifndef KZ_XALLOC_H
#define KZ_XALLOC_H

#include <stddef.h>

/*
 * The out-of-memory policy (HACKING.md): core hands the failure back to
 * its caller; tui/ has no caller to hand it to, and a screen drawn from
 * half a list would mislead, so these end the program instead: the
 * terminal restored, "kizuna: out of memory" on stderr, exit status 1.
 * They never return NULL.
 */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
_Noreturn void xalloc_die(void);

#endif
