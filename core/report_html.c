/* report_html.c - the annual report as one self-contained HTML file, charts as inline SVG. */
#include "report.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

/* Text as HTML: & < > " ' escaped, so a record's value is only ever
 * text, in an element or in an attribute. */
static void
esc(struct kz_buf *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++)
		switch (*p) {
		case '&': kz_buf_puts(out, "&amp;"); break;
		case '<': kz_buf_puts(out, "&lt;"); break;
		case '>': kz_buf_puts(out, "&gt;"); break;
		case '"': kz_buf_puts(out, "&quot;"); break;
		case '\'': kz_buf_puts(out, "&#39;"); break;
		default: kz_buf_put(out, p, 1);
		}
}

/* A count with its thousands grouped (kz_text_count). */
static void
count(struct kz_buf *out, long n)
{
	char g[48];

	kz_buf_puts(out, kz_text_count(n, g, sizeof g));
}

static const char style[] =
	"body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\","
	"\"Hiragino Sans\",\"Malgun Gothic\",sans-serif;margin:2em auto;"
	"max-width:60em;color:#111;line-height:1.5}"
	"h1{font-size:1.6em;border-bottom:3px solid #1f4e79;padding-bottom:.2em}"
	"h2{font-size:1.25em;color:#1f4e79;border-left:6px solid #1f4e79;"
	"padding-left:.4em}"
	"table{border-collapse:collapse;margin:.5em 0 1.2em;width:100%}"
	"caption{text-align:left;font-weight:bold;padding:.3em 0}"
	"th,td{border:1px solid #999;padding:.25em .5em;vertical-align:top;"
	"text-align:left}"
	"th{background:#e8eef5}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums}"
	"td:first-child{white-space:nowrap}"
	"figure{margin:1em 0}figcaption{font-weight:bold}"
	"svg .bar{fill:#1f4e79}svg text{font-size:12px;fill:#111}"
	"@media print{body{margin:0;max-width:none;font-size:10.5pt}"
	"section{break-before:page;page-break-before:always}"
	"section:first-of-type{break-before:auto;page-break-before:auto}"
	"table,figure{break-inside:avoid;page-break-inside:avoid}"
	"th{background:#eee !important;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}}"
	"@page{size:A4;margin:18mm}";

static void
figures(const struct kz_rblock *b, struct kz_buf *out)
{
	kz_buf_puts(out, "<table class=\"figures\">\n<thead><tr><th>");
	esc(out, C_("figures", "Programme"));
	kz_buf_puts(out, "</th><th>");
	esc(out, _("This year"));
	kz_buf_puts(out, "</th><th>");
	esc(out, _("Since the start"));
	kz_buf_puts(out, "</th><th>");
	esc(out, _("Since"));
	kz_buf_puts(out, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < b->nfigs; i++) {
		kz_buf_puts(out, "<tr><td>");
		esc(out, b->figs[i].label);
		kz_buf_puts(out, "</td><td class=\"n\">");
		count(out, b->figs[i].year);
		kz_buf_puts(out, "</td><td class=\"n\">");
		count(out, b->figs[i].total);
		kz_buf_puts(out, "</td><td class=\"n\">");
		if (b->figs[i].since)
			kz_buf_printf(out, "%d", b->figs[i].since);
		/* counted from the records alone: the note under the
		 * figures says so */
		if (b->figs[i].records)
			kz_buf_puts(out, "*");
		kz_buf_puts(out, "</td></tr>\n");
	}
	kz_buf_puts(out, "</tbody>\n</table>\n");
}

static void
table(const struct kz_rblock *b, struct kz_buf *out)
{
	kz_buf_puts(out, "<table>\n");
	if (b->text) {
		kz_buf_puts(out, "<caption>");
		esc(out, b->text);
		kz_buf_puts(out, "</caption>\n");
	}
	kz_buf_puts(out, "<thead><tr>");
	for (size_t k = 0; k < b->ncols; k++) {
		kz_buf_puts(out, "<th>");
		esc(out, b->head[k]);
		kz_buf_puts(out, "</th>");
	}
	kz_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < b->nrows; r++) {
		kz_buf_puts(out, "<tr>");
		for (size_t k = 0; k < b->ncols; k++) {
			kz_buf_puts(out, "<td>");
			esc(out, b->cells[r * b->ncols + k]);
			kz_buf_puts(out, "</td>");
		}
		kz_buf_puts(out, "</tr>\n");
	}
	kz_buf_puts(out, "</tbody>\n</table>\n");
}

/* A vertical bar chart: a bar a label, the value above it. */
static void
bars(const struct kz_rblock *b, struct kz_buf *out)
{
	const int bw = 52, gap = 14, h = 160, top = 20, foot = 40;
	int width = (int)b->nbars * (bw + gap) + gap;
	long max = 0;

	for (size_t i = 0; i < b->nbars; i++)
		if (b->bars[i].value > max)
			max = b->bars[i].value;
	kz_buf_puts(out, "<figure>\n");
	if (b->text) {
		kz_buf_puts(out, "<figcaption>");
		esc(out, b->text);
		kz_buf_puts(out, "</figcaption>\n");
	}
	kz_buf_printf(out, "<svg role=\"img\" viewBox=\"0 0 %d %d\" "
	    "width=\"%d\" height=\"%d\">", width, top + h + foot, width,
	    top + h + foot);
	if (b->text) {
		kz_buf_puts(out, "<title>");
		esc(out, b->text);
		kz_buf_puts(out, "</title>");
	}
	kz_buf_printf(out, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#555\"></line>\n", top + h, width, top + h);
	for (size_t i = 0; i < b->nbars; i++) {
		int x = gap + (int)i * (bw + gap);
		int bh = max ? (int)(b->bars[i].value * h / max) : 0;

		kz_buf_printf(out, "<rect class=\"bar\" x=\"%d\" y=\"%d\" "
		    "width=\"%d\" height=\"%d\"></rect>", x, top + h - bh, bw,
		    bh);
		kz_buf_printf(out, "<text x=\"%d\" y=\"%d\" "
		    "text-anchor=\"middle\">", x + bw / 2, top + h - bh - 4);
		count(out, b->bars[i].value);
		kz_buf_printf(out, "</text><text x=\"%d\" y=\"%d\" "
		    "text-anchor=\"middle\">", x + bw / 2, top + h + 16);
		esc(out, b->bars[i].label);
		kz_buf_puts(out, "</text>\n");
	}
	kz_buf_puts(out, "</svg>\n</figure>\n");
}

void
kz_report_html(const struct kz_report *r, struct kz_buf *out)
{
	kz_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	esc(out, r->lang);
	kz_buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n"
	    "<title>");
	esc(out, r->title);
	kz_buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n"
	    "<header>\n<h1>", style);
	esc(out, r->title);
	kz_buf_puts(out, "</h1>\n</header>\n");
	for (size_t i = 0; i < r->ns; i++) {
		const struct kz_rsection *s = &r->s[i];

		kz_buf_puts(out, "<section id=\"");
		esc(out, s->key);
		kz_buf_puts(out, "\">\n<h2>");
		esc(out, s->heading);
		kz_buf_puts(out, "</h2>\n");
		for (size_t k = 0; k < s->nb; k++) {
			const struct kz_rblock *b = &s->b[k];

			switch (b->kind) {
			case KZ_RB_PARA:
				kz_buf_puts(out, "<p>");
				esc(out, b->text);
				kz_buf_puts(out, "</p>\n");
				break;
			case KZ_RB_FIGURES:
				figures(b, out);
				break;
			case KZ_RB_TABLE:
				table(b, out);
				break;
			case KZ_RB_BARS:
				bars(b, out);
				break;
			}
		}
		kz_buf_puts(out, "</section>\n");
	}
	kz_buf_puts(out, "</body>\n</html>\n");
}
