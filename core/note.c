/* note.c - history notes: stored in English, shown in the reader's language. */
#include "note.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#define MAXARG 4

/* In the order of enum kz_note. Where two texts begin alike the longer
 * comes first: a note is read back by trying them in this order. */
static const char *const parts[KZ_NOTE_N] = {
	N_("recorded"),
	N_("proposed"),
	N_("dispatch %s proposed"),
	N_("agreement of dispatch %s signed"),
	N_("longer than the maximum: %s"),
	N_("override: %s"),
	N_("confirmed although unavailable %s..%s (%s)"),
	N_("confirmed although unavailable %s..%s"),
	N_("dates %s..%s changed to %s..%s"),
	N_("specialist changed"),
	N_("agreement dated %s, reference %s"),
};

void
kz_note_add(struct kz_buf *note, enum kz_note part, ...)
{
	const char *arg[MAXARG] = { "", "", "", "" };
	const char *t;
	va_list ap;
	int n = 0;

	if ((int)part < 0 || part >= KZ_NOTE_N)
		return;
	va_start(ap, part);
	for (t = parts[part]; (t = strstr(t, "%s")) != NULL && n < MAXARG;
	    t += 2)
		arg[n++] = va_arg(ap, const char *);
	va_end(ap);
	if (note->len)
		kz_buf_puts(note, "; ");
	/* English on purpose: see note.h */
	kz_buf_printf(note, parts[part], arg[0], arg[1], arg[2], arg[3]);
}

void
kz_note_add_text(struct kz_buf *note, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	if (note->len)
		kz_buf_puts(note, "; ");
	kz_buf_puts(note, text);
}

/* Does part s (n bytes) read as text t? Each %s takes at least one byte:
 * up to the first place the text after it comes, or when nothing but
 * plain text follows, up to where that text ends the part. The pieces
 * are copied to copy (n + 1 bytes), NUL-terminated, and pointed at from
 * arg[]. */
static bool
match(const char *t, const char *s, size_t n, char *copy, const char **arg)
{
	size_t i = 0;
	int k = 0;

	memcpy(copy, s, n);
	copy[n] = '\0';
	while (*t) {
		size_t end, ll;

		if (t[0] != '%') {
			ll = strcspn(t, "%");
			if (n - i < ll || memcmp(s + i, t, ll) != 0)
				return false;
			i += ll;
			t += ll;
			continue;
		}
		if (t[1] != 's' || k == MAXARG || i == n)
			return false;
		t += 2;
		ll = strcspn(t, "%");
		if (t[ll] == '\0') {
			/* the last piece: what is left but the closing text */
			if (n - i <= ll || memcmp(s + n - ll, t, ll) != 0)
				return false;
			end = n - ll;
		} else {
			if (ll == 0)
				return false;	/* two pieces side by side */
			for (end = i + 1; end + ll <= n; end++)
				if (memcmp(s + end, t, ll) == 0)
					break;
			if (end + ll > n)
				return false;
		}
		copy[end] = '\0';
		arg[k++] = copy + i;
		i = end;
	}
	return i == n;
}

const char *
kz_note_text(const char *stored, struct kz_buf *out)
{
	const char *s = stored ? stored : "";
	char *copy;

	if ((copy = malloc(strlen(s) + 1)) == NULL) {
		kz_buf_puts(out, s);
		return kz_buf_str(out);
	}
	for (;;) {
		const char *sep = strstr(s, "; ");
		size_t n = sep ? (size_t)(sep - s) : strlen(s);
		const char *arg[MAXARG] = { "", "", "", "" };
		int i;

		for (i = 0; i < KZ_NOTE_N; i++)
			if (match(parts[i], s, n, copy, arg))
				break;
		if (i < KZ_NOTE_N)
			kz_buf_printf(out, _(parts[i]), arg[0], arg[1], arg[2],
			    arg[3]);
		else
			kz_buf_put(out, s, n);
		if (sep == NULL)
			break;
		kz_buf_puts(out, "; ");
		s = sep + 2;
	}
	free(copy);
	return kz_buf_str(out);
}
