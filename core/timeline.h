/* timeline.h - dispatches as bars on a calendar, drawn as text lines. */
#ifndef KZ_TIMELINE_H
#define KZ_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "db.h"
#include "id.h"

/* Marks of a bar, all ASCII so the chart reads without colour and
 * prints anywhere. */
#define KZ_TL_FIRM	'='	/* agreement signed or later */
#define KZ_TL_TENTATIVE	'-'	/* proposed, agreement drafted */
#define KZ_TL_CANCELLED	'x'
#define KZ_TL_OVERLAP	'#'	/* one specialist on two dispatches */
#define KZ_TL_TODAY	'|'

enum kz_timeline_zoom { KZ_TL_WEEK, KZ_TL_MONTH, KZ_TL_YEAR };

struct kz_timeline_span {
	long start, end;	/* days since 1970-01-01, both included */
	char mark;
};

/* One row: a dispatch, or a specialist with all their dispatches. */
struct kz_timeline_row {
	char id[KZ_ID_SIZE];	/* the dispatch's, or the specialist's */
	char *label;		/* "Ken'ichi Sato 开封市" */
	char *name, *roman;	/* the specialist's: a screen too narrow
				 * for both shows the one its reader reads */
	char *detail;		/* a line on the selected row: dates, state, host */
	struct kz_timeline_span *span;
	size_t nspan;
	bool overlap;		/* holds an overlap */
	long first, last;	/* earliest start, latest end */
};

struct kz_tl {
	struct kz_timeline_row *rows;
	size_t n;
	const struct kz_config *cfg;	/* the database's: dates as shown */
};

/* Every dispatch (cancelled ones only when asked), one row each or one
 * row per specialist, ordered by start. Overlaps of one specialist's
 * dispatches are found here and marked on the rows concerned. */
int kz_timeline_load(struct kz_db *db, bool by_specialist,
    bool with_cancelled, struct kz_tl *out, struct kz_err *err);
/* The same for a calendar of [from, to] (YYYY-MM-DD): only the rows
 * with a bar in it are loaded, each whole (every dispatch of their
 * specialists, for the overlaps and the details), so the chart of the
 * period is the one kz_timeline_load would give, at the cost of the
 * period rather than of every dispatch ever made. */
int kz_timeline_load_range(struct kz_db *db, bool by_specialist,
    bool with_cancelled, const char *from, const char *to, struct kz_tl *out,
    struct kz_err *err);
void kz_timeline_free(struct kz_tl *tl);

/* Days a column shows at a zoom: week 1, month 3, year 7. */
int kz_timeline_days_per_col(enum kz_timeline_zoom z);
/* Does the row have a bar in [from, to]? */
bool kz_timeline_row_visible(const struct kz_timeline_row *r, long from, long to);

/* The two header lines of a chart `width` columns wide starting on day
 * `from`: months (or years) above, days (or months) below, and today's
 * column marked. UTF-8, since month names are translated; each exactly
 * width columns. */
void kz_timeline_header(long from, int dpc, int width, long today, char *l1,
    char *l2, size_t size);
/* The bar line of a row: exactly width ASCII characters ('<' and '>'
 * where a bar runs past the edges, '|' for today where nothing else). */
void kz_timeline_bar(const struct kz_timeline_row *r, long from, int dpc, int width,
    long today, char *out, size_t size);

/* The whole chart as text: a title, the headers, one line a row with
 * its label, a key, and a numbered list of what the rows are. */
int kz_timeline_text(const struct kz_tl *tl, long from, long to, int width,
    long today, struct kz_buf *out);
/* The last day that chart shows (its columns may run past to). */
long kz_timeline_text_last(long from, long to, int width);

#endif
