/* keys.h - the one table of key bindings: lookup, help text, hints, man page. */
#ifndef KZ_KEYS_H
#define KZ_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* A key is a Unicode code point, or KEYS_FN | a curses KEY_* code for a
 * function key. The flag sits above U+10FFFF so the two never collide
 * (curses KEY_* values overlap ordinary CJK code points). */
#define KEYS_FN 0x1000000
#define KEYS_CTRL(c) ((c) & 0x1f)
#define KEYS_ESC 0x1b

/* Where a binding applies. A key may mean different things in different
 * contexts; inside one context it means one thing. */
#define KEYS_LIST	0x01	/* a list with its detail pane */
#define KEYS_SEARCH	0x02	/* typing a search term */
#define KEYS_FORM	0x04	/* moving around a form */
#define KEYS_EDIT	0x08	/* editing a line of text */
#define KEYS_CHOICE	0x10	/* a field with fixed choices */
#define KEYS_CONFIRM	0x20	/* a yes/no question */
#define KEYS_PAGER	0x40	/* the help screen */
#define KEYS_REQUESTS	0x1000	/* the request list */
#define KEYS_DISPATCHES	0x2000	/* the dispatch list */
#define KEYS_CANDIDATES	0x4000	/* the ranked candidates of a request */
#define KEYS_TIMELINE	0x8000	/* the timeline chart */
#define KEYS_SEMINAR	0x10000	/* the editions of a seminar series */
#define KEYS_PROGRAMME	0x20000	/* an edition's programme or participants */
#define KEYS_SYNC	0x40000	/* the sync tab: bundles and conflicts */
#define KEYS_PROMPT	0x80000	/* a question that takes a file name or a
				 * date */
#define KEYS_PICK	0x1000000	/* a pick list over a form's coded field */
#define KEYS_MERGE	0x100000	/* a record changed while its form was
					 * open: theirs or mine, field by field */
#define KEYS_SYNC_KEYS	0x200000	/* the sync tab's keys view */
#define KEYS_MENU	0x400000	/* a menu over a list (sort by, filter) */
#define KEYS_SPECIALISTS 0x800000	/* the specialist list */
#define KEYS_MORE	0x2000000	/* a record longer than its pane */
#define KEYS_ACTIVITIES	0x4000000	/* the activities tab: its kinds */
#define KEYS_REPORTS	0x8000000	/* the Reports tab's charts */
#define KEYS_OPENINGS	0x10000000	/* the Reports tab's opening figures */
/* In a binding's contexts: its hint shows only with KEYS_MORE (J when
 * there is more of the record below). */
#define KEYS_HINT_IF_MORE	0x80000000u

enum keys_action {
	KA_NONE = 0,
	KA_UP, KA_DOWN, KA_PGUP, KA_PGDN, KA_FIRST, KA_LAST,
	KA_SEARCH, KA_CLEAR, KA_ZOOM, KA_DETAIL_DOWN, KA_DETAIL_UP,
	KA_ADD, KA_EDIT, KA_DELETE, KA_UNDO, KA_NEXT_TAB, KA_PREV_TAB,
	KA_HELP, KA_REDRAW, KA_QUIT,
	KA_SEARCH_KEEP, KA_SEARCH_CANCEL,
	KA_NEXT_FIELD, KA_PREV_FIELD, KA_SAVE, KA_CANCEL, KA_TOGGLE,
	KA_LEFT, KA_RIGHT, KA_HOME, KA_END, KA_BACKSPACE, KA_DELCHAR,
	KA_KILL,
	KA_YES, KA_NO, KA_CLOSE,
	KA_STATE, KA_COSTS, KA_MATCH, KA_PROPOSE, KA_BACK,
	KA_TL_EARLIER, KA_TL_LATER, KA_TL_MONTH_EARLIER, KA_TL_MONTH_LATER,
	KA_ZOOM_IN, KA_ZOOM_OUT, KA_TODAY, KA_TL_ROWS, KA_TL_GOTO,
	KA_PROGRAMME, KA_PARTICIPANTS, KA_SERIES_NEXT, KA_SERIES_ADD,
	KA_DAY_PREV, KA_DAY_NEXT,
	KA_THEIRS, KA_TAKE_READY, KA_MINE, KA_SYNC_EXPORT, KA_SYNC_IMPORT, KA_SHOW_RESOLVED,
	KA_SYNC_AGAIN, KA_SYNC_KEYS, KA_KEY_TRUST, KA_KEY_REVOKE, KA_KEY_NEW,
	KA_ACCEPT,
	KA_FIELD_THEIRS, KA_FIELD_MINE, KA_ALL_THEIRS, KA_ALL_MINE,
	KA_SEARCH_NEXT,
	KA_FIELD_LANGS,
	KA_SORT_MENU, KA_SORT_NEXT, KA_SORT_PREV, KA_SORT_REVERSE,
	KA_FILTER_STATUS, KA_FILTER_FIELD,
	KA_PICK,
	KA_GO_REQUEST, KA_GO_SPECIALIST, KA_GO_DISPATCH, KA_GO_BACK,
	KA_MESSAGES, KA_COMPLETE,
	KA_KIND_NEXT, KA_KIND_PREV, KA_KIND_GO, KA_YEAR,
	KA_RP_FIGURE_NEXT, KA_RP_FIGURE_PREV, KA_RP_BY_NEXT, KA_RP_BY_PREV,
	KA_RP_YEAR_PREV, KA_RP_YEAR_NEXT, KA_RP_YEAR, KA_RP_ALL_YEARS, KA_RP_WRITE,
	KA_RP_OPENINGS,
	KA_COUNT
};

/* Parse the table's key names; call once before keys_lookup. */
void keys_init(void);

/* The action key has in the contexts ctx, or KA_NONE. With text set the
 * caller is editing text, so printable keys are never bindings there:
 * they are typed. Without it, the full-width forms a Chinese or Japanese
 * input method types (？ ／ ｊ, U+FF01..U+FF5E) are their ASCII keys and
 * the ideographic space is Space. */
enum keys_action keys_lookup(unsigned ctx, int key, bool text);

/* True if key types a character rather than being a command. */
bool keys_printable(int key);

/* "key:label key:label ..." for the status line of context ctx,
 * translated, for the bindings marked as hints; at most width columns
 * wide when width > 0, whole hints left out to fit (help and quit
 * stay). */
void keys_hints(unsigned ctx, bool text, int width, char *buf,
    size_t size);

/* The first key bound to action, as a name ("F2", "y"), for messages:
 * a message names a key with %s and this, never with a letter of its
 * own, so that it names the key actually bound. */
const char *keys_first(enum keys_action a);
/* The first key bound to action, as a key code. */
int keys_code(enum keys_action a);
/* "(y/n)": the keys that answer a yes/no question, to follow one. */
const char *keys_yesno(void);

/* Every binding as text lines for the help screen and `kizuna keys`,
 * translated. The caller frees each line and the array. */
char **keys_help_lines(size_t *n);
void keys_free_lines(char **lines, size_t n);
/* The line of keys_help_lines where the help of context ctx begins: the
 * section of the most particular context in ctx (a tab's own keys before
 * the list keys), 0 when none. */
size_t keys_help_section(char **lines, size_t n, unsigned ctx);

#endif
