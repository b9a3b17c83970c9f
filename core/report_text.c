/* report_text.c - the annual report as aligned text, for the terminal and for printing. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

static void
pad(struct kz_buf *out, int n)
{
	for (; n > 0; n--)
		kz_buf_put(out, " ", 1);
}

static void
rule(struct kz_buf *out, const char *ch, int n)
{
	for (; n > 0; n--)
		kz_buf_puts(out, ch);
	kz_buf_puts(out, "\n");
}

/* The next line of s at most w columns wide into out; *p moves past it
 * (and the space it broke at). A line breaks after a CJK character or
 * at the last space; a word longer than the line is cut. */
/* Closing punctuation, which a line may not start with (kinsoku). */
static bool
closing(unsigned cp)
{
	static const unsigned c[] = { 0x3001, 0x3002, 0xFF0C, 0xFF09, 0x300D,
	    0x300F, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x3011, 0xFF0E, 0x30FC,
	    ',', '.', ')', ':', ';', '!', '?' };

	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (cp == c[i])
			return true;
	return false;
}

static void
next_line(const char **p, int w, char *out, size_t size)
{
	const char *s = *p, *brk = NULL, *after = NULL, *pbrk = NULL,
	    *pafter = NULL, *sbrk = NULL, *safter = NULL;
	int used = 0, sused = 0, n;
	unsigned cp;
	bool nl = false;

	while (*s) {
		n = kz_utf8_decode(s, &cp);
		if (cp == '\n') {
			brk = s;
			after = s + n;
			nl = true;
			break;
		}
		/* no break just before closing punctuation */
		if (brk == s && closing(cp)) {
			brk = pbrk;
			after = pafter;
		}
		/* at least one character a line, however wide */
		if (used + kz_cp_width(cp) > w && s != *p)
			break;
		used += kz_cp_width(cp);
		s += n;
		if (cp == ' ') {
			brk = sbrk = s - 1;
			after = safter = s;
			sused = used;
		} else if (kz_cp_is_cjk(cp) && !kz_cp_is_hangul(cp)) {
			pbrk = brk;
			pafter = after;
			brk = s;
			after = s;
		}
	}
	if (!nl && (*s == '\0' || brk == NULL)) {
		brk = s;	/* the rest fits, or a word is cut */
		after = s;
	} else if (!nl && sbrk && sbrk != brk && sused * 2 >= w) {
		brk = sbrk;	/* between words rather than inside one */
		after = safter;
	}
	snprintf(out, size, "%.*s", (int)(brk - *p), *p);
	kz_trim(out);
	*p = after;
	while (**p == ' ')
		(*p)++;
}

static void
table(const struct kz_rblock *b, int width, struct kz_buf *out)
{
	size_t nc = b->ncols;
	int *w = calloc(nc, sizeof *w), total = 0;
	const char **at = calloc(nc, sizeof *at);
	char line[1024];

	if (w == NULL || at == NULL) {
		out->oom = true;
		free(w);
		free(at);
		return;
	}
	for (size_t k = 0; k < nc; k++) {
		w[k] = kz_text_width(b->head[k]);
		for (size_t r = 0; r < b->nrows; r++)
			if (kz_text_width(b->cells[r * nc + k]) > w[k])
				w[k] = kz_text_width(b->cells[r * nc + k]);
	}
	/* narrow the widest column until the table fits, two spaces apart */
	for (;;) {
		size_t widest = 0;

		total = 0;
		for (size_t k = 0; k < nc; k++) {
			total += w[k] + (k ? 2 : 0);
			if (w[k] > w[widest])
				widest = k;
		}
		if (total <= width || w[widest] <= 8)
			break;
		w[widest]--;
	}
	/* a narrowed column as wide as its widest wrapped line */
	total = 0;
	for (size_t k = 0; k < nc; k++) {
		int used = 0;

		for (size_t r = 0; r <= b->nrows; r++) {
			const char *q = r == 0 ? b->head[k] :
			    b->cells[(r - 1) * nc + k];

			for (q = q ? q : ""; *q;) {
				next_line(&q, w[k], line, sizeof line);
				if (kz_text_width(line) > used)
					used = kz_text_width(line);
			}
		}
		w[k] = used;
		total += w[k] + (k ? 2 : 0);
	}
	if (b->text && *b->text)
		kz_buf_printf(out, "%s\n", b->text);
	for (size_t r = 0; r <= b->nrows; r++) {
		char *const *cells = r == 0 ? b->head : &b->cells[(r - 1) * nc];
		bool more = true;

		for (size_t k = 0; k < nc; k++)
			at[k] = cells[k] ? cells[k] : "";
		while (more) {
			int gap = 0;

			more = false;
			for (size_t k = 0; k < nc; k++) {
				next_line(&at[k], w[k], line, sizeof line);
				if (*line) {
					pad(out, gap);
					gap = 0;
					kz_buf_puts(out, line);
				}
				gap += w[k] - kz_text_width(line) + 2;
				if (*at[k])
					more = true;
			}
			kz_buf_puts(out, "\n");
		}
		if (r == 0)
			rule(out, "-", total);
	}
	kz_buf_puts(out, "\n");
	free(w);
	free(at);
}

static void
figures(const struct kz_rblock *b, int width, struct kz_buf *out)
{
	const char *head[] = { C_("figures", "Programme"), _("This year"),
	    _("Since the start"), _("Since") };
	char y[32], t[32], s[16];
	int lw = kz_text_width(head[0]), nw[3];
	char fit[512];

	for (size_t i = 0; i < b->nfigs; i++)
		if (kz_text_width(b->figs[i].label) > lw)
			lw = kz_text_width(b->figs[i].label);
	for (int k = 0; k < 3; k++)
		nw[k] = kz_text_width(head[k + 1]) > 9 ?
		    kz_text_width(head[k + 1]) : 9;
	if (lw > width - nw[0] - nw[1] - nw[2] - 6)
		lw = width - nw[0] - nw[1] - nw[2] - 6;
	if (lw < 10)
		lw = 10;
	kz_text_fit(fit, sizeof fit, head[0], lw, true);
	kz_buf_puts(out, fit);
	for (int k = 0; k < 3; k++) {
		pad(out, 2 + nw[k] - kz_text_width(head[k + 1]));
		kz_buf_puts(out, head[k + 1]);
	}
	kz_buf_puts(out, "\n");
	rule(out, "-", lw + nw[0] + nw[1] + nw[2] + 6);
	for (size_t i = 0; i < b->nfigs; i++) {
		const char *v[3] = { y, t, s };

		kz_text_count(b->figs[i].year, y, sizeof y);
		kz_text_count(b->figs[i].total, t, sizeof t);
		/* counted from the records alone: marked, as the note
		 * under the figures says */
		if (b->figs[i].since)
			snprintf(s, sizeof s, "%d%s", b->figs[i].since,
			    b->figs[i].records ? "*" : "");
		else
			snprintf(s, sizeof s, "%s", b->figs[i].records ? "*" :
			    "");
		kz_text_fit(fit, sizeof fit, b->figs[i].label, lw, true);
		kz_buf_puts(out, fit);
		for (int k = 0; k < 3; k++) {
			if (!*v[k])
				continue;	/* no trailing spaces */
			pad(out, 2 + nw[k] - kz_text_width(v[k]));
			kz_buf_puts(out, v[k]);
		}
		kz_buf_puts(out, "\n");
	}
	kz_buf_puts(out, "\n");
}

/* A bar a line: "2019年度  ##  2", the longest bar as wide as room
 * allows. */
static void
bars(const struct kz_rblock *b, int width, struct kz_buf *out)
{
	long max = 0;
	int lw = 0, room;
	char v[32];

	for (size_t i = 0; i < b->nbars; i++) {
		if (b->bars[i].value > max)
			max = b->bars[i].value;
		if (kz_text_width(b->bars[i].label) > lw)
			lw = kz_text_width(b->bars[i].label);
	}
	room = width - lw - 12;
	if (room < 10)
		room = 10;
	if (b->text)
		kz_buf_printf(out, "%s\n", b->text);
	for (size_t i = 0; i < b->nbars; i++) {
		int n = max ? (int)(b->bars[i].value * room / max) : 0;

		if (n == 0 && b->bars[i].value > 0)
			n = 1;
		kz_buf_puts(out, b->bars[i].label);
		pad(out, lw - kz_text_width(b->bars[i].label) + 2);
		for (int k = 0; k < n; k++)
			kz_buf_puts(out, "#");
		kz_text_count(b->bars[i].value, v, sizeof v);
		kz_buf_printf(out, " %s\n", v);
	}
	kz_buf_puts(out, "\n");
}

static void
paragraph(const char *text, int width, struct kz_buf *out)
{
	const char *p = text ? text : "";
	char line[1024];

	while (*p) {
		next_line(&p, width, line, sizeof line);
		kz_buf_printf(out, "%s\n", line);
	}
	kz_buf_puts(out, "\n");
}

void
kz_report_text(const struct kz_report *r, int width, struct kz_buf *out)
{
	if (width < 40)
		width = 40;
	kz_buf_printf(out, "%s\n", r->title);
	rule(out, "=", kz_text_width(r->title) < width ?
	    kz_text_width(r->title) : width);
	kz_buf_puts(out, "\n");
	for (size_t i = 0; i < r->ns; i++) {
		const struct kz_rsection *s = &r->s[i];

		kz_buf_printf(out, "%zu. %s\n", i + 1, s->heading);
		rule(out, "-", kz_text_width(s->heading) + 3 +
		    (i + 1 >= 10));
		kz_buf_puts(out, "\n");
		for (size_t k = 0; k < s->nb; k++) {
			const struct kz_rblock *b = &s->b[k];

			switch (b->kind) {
			case KZ_RB_PARA:
				paragraph(b->text, width, out);
				break;
			case KZ_RB_FIGURES:
				figures(b, width, out);
				break;
			case KZ_RB_TABLE:
				table(b, width, out);
				break;
			case KZ_RB_BARS:
				bars(b, width, out);
				break;
			}
		}
	}
}
