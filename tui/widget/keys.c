/* keys.c - the one table of key bindings: lookup, help text, hints, man page. */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#define KEYS_MAX 7		/* keys bound to one action */

struct keys_entry {
	enum keys_action action;
	const char *name;	/* stable name, for a future bindings file */
	const char *keys;	/* default keys, space separated key names */
	unsigned ctx;
	const char *help;
	const char *hint;	/* short label for the status line, or NULL */
};

/*
 * The order is the order of the help screen and of the hints. Where two
 * entries share a key and a context, the first wins, so keep them apart.
 */
static const struct keys_entry keys_table[] = {
	{ KA_UP, "up", "Up k", KEYS_LIST | KEYS_SEARCH | KEYS_PAGER |
	    KEYS_CANDIDATES | KEYS_TIMELINE | KEYS_MERGE | KEYS_MENU |
	    KEYS_REPORTS,
	    N_("move up"), NULL },
	{ KA_DOWN, "down", "Down j", KEYS_LIST | KEYS_SEARCH | KEYS_PAGER |
	    KEYS_CANDIDATES | KEYS_TIMELINE | KEYS_MERGE | KEYS_MENU |
	    KEYS_REPORTS,
	    N_("move down"), NULL },
	{ KA_PGUP, "page-up", "PgUp C-b", KEYS_LIST | KEYS_SEARCH | KEYS_PAGER |
	    KEYS_CANDIDATES | KEYS_TIMELINE | KEYS_REPORTS, N_("previous page"),
	    NULL },
	{ KA_PGDN, "page-down", "PgDn C-f", KEYS_LIST | KEYS_SEARCH |
	    KEYS_PAGER | KEYS_CANDIDATES | KEYS_TIMELINE | KEYS_REPORTS,
	    N_("next page"), NULL },
	{ KA_FIRST, "first", "g Home", KEYS_LIST | KEYS_PAGER |
	    KEYS_CANDIDATES | KEYS_TIMELINE | KEYS_MENU | KEYS_REPORTS,
	    N_("go to the first line"), NULL },
	{ KA_LAST, "last", "G End", KEYS_LIST | KEYS_PAGER | KEYS_CANDIDATES |
	    KEYS_TIMELINE | KEYS_MENU | KEYS_REPORTS, N_("go to the last line"),
	    NULL },
	{ KA_SEARCH, "search", "/", KEYS_LIST,
	    N_("search as you type (a CJK character starts one)"),
	    N_("search") },
	{ KA_CLEAR, "clear-filter", "Esc", KEYS_LIST,
	    N_("clear the search filter"), NULL },
	{ KA_ZOOM, "zoom", "Enter", KEYS_LIST,
	    N_("show the whole record, or the list again"), N_("record") },
	{ KA_DETAIL_DOWN, "detail-down", "J", KEYS_LIST | KEYS_CANDIDATES |
	    KEYS_HINT_IF_MORE, N_("scroll the record down"), N_("scroll") },
	{ KA_DETAIL_UP, "detail-up", "K", KEYS_LIST | KEYS_CANDIDATES,
	    N_("scroll the record up"), NULL },
	{ KA_ADD, "add", "a", KEYS_LIST, N_("add a record"), N_("add") },
	{ KA_EDIT, "edit", "e", KEYS_LIST,
	    N_("edit the selected record"), N_("edit") },
	{ KA_DELETE, "delete", "d", KEYS_LIST,
	    N_("delete the selected record (asks first)"), N_("delete") },
	{ KA_SORT_MENU, "sort-by", "F6", KEYS_LIST,
	    N_("choose the column the list is sorted by"), NULL },
	{ KA_SORT_NEXT, "sort-next", ">", KEYS_LIST,
	    N_("sort by the next column to the right"), NULL },
	{ KA_SORT_PREV, "sort-previous", "<", KEYS_LIST,
	    N_("sort by the next column to the left"), NULL },
	{ KA_SORT_REVERSE, "sort-reverse", "I", KEYS_LIST,
	    N_("reverse the order of the list"), NULL },
	{ KA_UNDO, "undo", "u", KEYS_LIST,
	    N_("undo the last add, edit or delete made on this tab"),
	    NULL },
	{ KA_NEXT_TAB, "next-tab", "Tab", KEYS_LIST | KEYS_TIMELINE |
	    KEYS_REPORTS,
	    N_("next tab"), NULL },
	{ KA_PREV_TAB, "previous-tab", "S-Tab", KEYS_LIST | KEYS_TIMELINE |
	    KEYS_REPORTS,
	    N_("previous tab"), NULL },

	{ KA_FILTER_STATUS, "filter-status", "s", KEYS_SPECIALISTS,
	    N_("show serving or retired specialists only, or all"), NULL },
	{ KA_FILTER_FIELD, "filter-field", "f", KEYS_SPECIALISTS,
	    N_("show the specialists of one field only, or all"), NULL },

	{ KA_KIND_NEXT, "next-kind", "]", KEYS_ACTIVITIES,
	    N_("the next kind of activity (the bar above the list)"),
	    N_("kind") },
	{ KA_KIND_PREV, "previous-kind", "[", KEYS_ACTIVITIES,
	    N_("the previous kind of activity"), NULL },
	{ KA_KIND_GO, "kind-number", "1 2 3 4 5 6 7", KEYS_ACTIVITIES,
	    N_("the kind of activity with this number in the bar"), NULL },
	{ KA_YEAR, "year-filter", "y", KEYS_ACTIVITIES,
	    N_("show one reporting year only, or FROM..TO (empty: all)"),
	    N_("year") },

	{ KA_STATE, "state", "s", KEYS_REQUESTS | KEYS_DISPATCHES,
	    N_("change the status, on the day it happened"), N_("status") },
	{ KA_MATCH, "candidates", "m", KEYS_REQUESTS,
	    N_("rank the candidates for the request, with reasons"),
	    N_("candidates") },
	{ KA_COSTS, "costs", "c", KEYS_DISPATCHES,
	    N_("set or remove a line of the cost ledger"), N_("costs") },
	{ KA_GO_REQUEST, "go-request", "R", KEYS_DISPATCHES,
	    N_("go to the dispatch's request"), NULL },
	{ KA_GO_SPECIALIST, "go-specialist", "S", KEYS_DISPATCHES,
	    N_("go to the dispatch's specialist"), NULL },
	{ KA_GO_DISPATCH, "go-dispatch", "Enter D", KEYS_TIMELINE,
	    N_("go to the row's dispatch (or specialist)"), N_("dispatch") },
	{ KA_GO_BACK, "go-back", "C-o Backspace", KEYS_LIST | KEYS_TIMELINE,
	    N_("back to where the last go-to key was pressed"), NULL },
	{ KA_PROPOSE, "propose", "p Enter", KEYS_CANDIDATES,
	    N_("propose the selected candidate: a new dispatch"),
	    N_("propose") },
	{ KA_BACK, "back", "Esc", KEYS_CANDIDATES,
	    N_("back to the requests"), N_("back") },
	{ KA_TL_EARLIER, "earlier", "h Left", KEYS_TIMELINE,
	    N_("a week earlier"), N_("week") },
	{ KA_TL_LATER, "later", "l Right", KEYS_TIMELINE,
	    N_("a week later"), NULL },
	{ KA_TL_MONTH_EARLIER, "month-earlier", "H [", KEYS_TIMELINE,
	    N_("a month earlier"), N_("month") },
	{ KA_TL_MONTH_LATER, "month-later", "L ]", KEYS_TIMELINE,
	    N_("a month later"), NULL },
	{ KA_ZOOM_IN, "zoom-in", "+ =", KEYS_TIMELINE,
	    N_("zoom in: year, month, week"), N_("zoom") },
	{ KA_ZOOM_OUT, "zoom-out", "-", KEYS_TIMELINE,
	    N_("zoom out: week, month, year"), NULL },
	{ KA_TODAY, "today", "t", KEYS_TIMELINE,
	    N_("go to today"), N_("today") },
	{ KA_TL_ROWS, "rows", "s", KEYS_TIMELINE,
	    N_("one row per dispatch or per specialist"), N_("rows") },
	{ KA_TL_GOTO, "go-to-date", "d", KEYS_TIMELINE,
	    N_("go to a date, typed as the office writes dates"),
	    N_("date") },
	{ KA_RP_FIGURE_NEXT, "next-figure", "] f", KEYS_REPORTS,
	    N_("the next figure: dispatches, requests, seminars, trainees"),
	    N_("figure") },
	{ KA_RP_FIGURE_PREV, "previous-figure", "[ F", KEYS_REPORTS,
	    N_("the previous figure"), NULL },
	{ KA_RP_BY_NEXT, "next-grouping", "b", KEYS_REPORTS,
	    N_("count by the next grouping: year, field, country..."),
	    N_("by") },
	{ KA_RP_BY_PREV, "previous-grouping", "B", KEYS_REPORTS,
	    N_("count by the previous grouping"), NULL },
	{ KA_RP_YEAR_PREV, "previous-year", "h Left", KEYS_REPORTS,
	    N_("the year before"), N_("year") },
	{ KA_RP_YEAR_NEXT, "next-year", "l Right", KEYS_REPORTS,
	    N_("the year after"), NULL },
	{ KA_RP_YEAR, "type-year", "y", KEYS_REPORTS,
	    N_("type a year (2019, FY2019) or dates FROM..TO"), NULL },
	{ KA_TODAY, "this-year", "t", KEYS_REPORTS,
	    N_("this year, where the office is"), NULL },
	{ KA_RP_ALL_YEARS, "every-year", "a", KEYS_REPORTS,
	    N_("every year together"), N_("all") },
	{ KA_RP_WRITE, "write-report", "w", KEYS_REPORTS,
	    N_("write the year's annual report (HTML; .txt: text)"), N_("report") },
	{ KA_RP_OPENINGS, "opening-figures", "o", KEYS_REPORTS,
	    N_("opening figures: what programmes did before their records"),
	    N_("opening") },
	{ KA_BACK, "back-to-charts", "Esc", KEYS_OPENINGS,
	    N_("back to the charts, counted again (first clears a search)"),
	    N_("back") },
	{ KA_PROGRAMME, "programme", "p", KEYS_SEMINAR,
	    N_("the edition's programme, day by day"), N_("programme") },
	{ KA_PARTICIPANTS, "participants", "P", KEYS_SEMINAR,
	    N_("the edition's participants, with counts"), N_("people") },
	{ KA_SERIES_NEXT, "next-series", "s", KEYS_SEMINAR,
	    N_("the next seminar series"), NULL },
	{ KA_SERIES_ADD, "add-series", "S", KEYS_SEMINAR,
	    N_("add a seminar series"), NULL },
	{ KA_BACK, "back-to-editions", "Esc", KEYS_PROGRAMME,
	    N_("back to the editions (first clears a search)"), N_("back") },
	{ KA_DAY_PREV, "previous-day", "[", KEYS_PROGRAMME,
	    N_("the previous day of the programme"), NULL },
	{ KA_DAY_NEXT, "next-day", "]", KEYS_PROGRAMME,
	    N_("the next day of the programme"), NULL },
	{ KA_THEIRS, "take-theirs", "t", KEYS_SYNC,
	    N_("take their change, or apply a held one (asks first)"),
	    N_("theirs") },
	{ KA_TAKE_READY, "take-ready", "T", KEYS_SYNC,
	    N_("apply every held change that is ready (asks first)"), NULL },
	{ KA_MINE, "keep-mine", "m", KEYS_SYNC,
	    N_("keep what is here, or drop a held one (asks first)"),
	    N_("mine") },
	{ KA_SYNC_EXPORT, "export-bundle", "x", KEYS_SYNC,
	    N_("write the changes waiting into a bundle file"), N_("export") },
	{ KA_SYNC_IMPORT, "import-bundle", "i", KEYS_SYNC,
	    N_("apply a bundle file from head office or an office"),
	    N_("import") },
	{ KA_SHOW_RESOLVED, "show-settled", "r", KEYS_SYNC,
	    N_("show or hide the conflicts already settled"),
	    N_("settled") },
	{ KA_SYNC_AGAIN, "write-again", "w", KEYS_SYNC,
	    N_("write a bundle made before again, the same bytes"),
	    N_("again") },
	{ KA_SYNC_KEYS, "keys-view", "v", KEYS_SYNC | KEYS_SYNC_KEYS,
	    N_("the keys that sign bundles, or the conflicts again"),
	    N_("keys") },
	{ KA_KEY_TRUST, "enrol-key", "a", KEYS_SYNC_KEYS,
	    N_("enrol another office's public key (asks first)"),
	    N_("enrol") },
	{ KA_KEY_REVOKE, "revoke-key", "d", KEYS_SYNC_KEYS,
	    N_("revoke the selected key (asks first)"), N_("revoke") },
	{ KA_KEY_NEW, "new-key", "N", KEYS_SYNC_KEYS,
	    N_("a new key pair here, revoking the old (asks first)"),
	    N_("new key") },

	{ KA_SEARCH_KEEP, "search-keep", "Enter", KEYS_SEARCH,
	    N_("keep the filter and go back to the list"), N_("keep") },
	{ KA_SEARCH_CANCEL, "search-cancel", "Esc", KEYS_SEARCH,
	    N_("clear the filter and go back to the list"), N_("clear") },
	{ KA_COMPLETE, "complete", "Tab", KEYS_PROMPT,
	    N_("complete the file name"), N_("complete") },
	{ KA_ACCEPT, "accept", "Enter", KEYS_PROMPT,
	    N_("use the file name typed"), N_("ok") },
	{ KA_CANCEL, "cancel-question", "Esc", KEYS_PROMPT,
	    N_("cancel the question"), N_("cancel") },
	{ KA_ACCEPT, "choose", "Enter", KEYS_MENU,
	    N_("choose the line under the cursor"), N_("choose") },
	{ KA_CANCEL, "close-menu", "Esc q", KEYS_MENU,
	    N_("close the menu, choosing nothing"), N_("cancel") },

	{ KA_NEXT_FIELD, "next-field", "Tab Enter Down", KEYS_FORM,
	    N_("next field"), N_("next") },
	{ KA_PREV_FIELD, "previous-field", "S-Tab Up", KEYS_FORM,
	    N_("previous field"), N_("previous") },
	{ KA_SAVE, "save", "F2 C-s", KEYS_FORM,
	    N_("save the record (asks if a person is registered twice)"),
	    N_("save") },
	{ KA_CANCEL, "cancel", "Esc", KEYS_FORM,
	    N_("leave the form (asks when something changed)"),
	    N_("cancel") },
	{ KA_FIELD_LANGS, "field-languages", "F3 C-o", KEYS_FORM,
	    N_("the field's text in other languages"), NULL },

	{ KA_PICK, "pick-list", "F4 C-t", KEYS_FORM,
	    N_("pick a coded field's value from a list"), NULL },
	{ KA_UP, "pick-up", "Up C-p", KEYS_PICK, N_("previous value"), NULL },
	{ KA_DOWN, "pick-down", "Down C-n", KEYS_PICK, N_("next value"),
	    NULL },
	{ KA_PGUP, "pick-page-up", "PgUp", KEYS_PICK, N_("a page up"), NULL },
	{ KA_PGDN, "pick-page-down", "PgDn", KEYS_PICK, N_("a page down"),
	    NULL },
	{ KA_ACCEPT, "pick", "Enter", KEYS_PICK,
	    N_("take the value under the cursor"), N_("pick") },
	{ KA_CANCEL, "close-pick-list", "Esc", KEYS_PICK,
	    N_("close the list, the field unchanged"), N_("close") },

	{ KA_FIELD_THEIRS, "field-theirs", "t", KEYS_MERGE,
	    N_("take their value of this field"), N_("theirs") },
	{ KA_FIELD_MINE, "field-mine", "m", KEYS_MERGE,
	    N_("keep my value of this field"), N_("mine") },
	{ KA_ALL_THEIRS, "all-theirs", "T", KEYS_MERGE,
	    N_("take their value of every field"), N_("all theirs") },
	{ KA_ALL_MINE, "all-mine", "M", KEYS_MERGE,
	    N_("keep my value of every field"), N_("all mine") },
	{ KA_SAVE, "save-merged", "F2 C-s", KEYS_MERGE,
	    N_("save the record with the values chosen"), N_("save") },
	{ KA_CANCEL, "back-to-form", "Esc", KEYS_MERGE,
	    N_("back to the form, nothing saved"), N_("back") },

	{ KA_TOGGLE, "toggle", "Space Left Right", KEYS_CHOICE,
	    N_("next choice"), NULL },

	{ KA_LEFT, "left", "Left", KEYS_EDIT, N_("cursor left"), NULL },
	{ KA_RIGHT, "right", "Right", KEYS_EDIT, N_("cursor right"), NULL },
	{ KA_HOME, "home", "Home C-a", KEYS_EDIT,
	    N_("cursor to the start"), NULL },
	{ KA_END, "end", "End C-e", KEYS_EDIT, N_("cursor to the end"), NULL },
	{ KA_BACKSPACE, "backspace", "Backspace", KEYS_EDIT,
	    N_("delete the character before the cursor"), NULL },
	{ KA_DELCHAR, "delete-char", "Delete C-d", KEYS_EDIT,
	    N_("delete the character under the cursor"), NULL },
	{ KA_KILL, "clear-line", "C-u", KEYS_EDIT,
	    N_("clear the whole text"), NULL },

	{ KA_YES, "yes", "y Y", KEYS_CONFIRM, N_("answer yes"), N_("yes") },
	{ KA_NO, "no", "n N Esc", KEYS_CONFIRM, N_("answer no"), N_("no") },

	{ KA_CLOSE, "close", "q Esc ?", KEYS_PAGER, N_("close the help"),
	    N_("close") },
	{ KA_SEARCH, "help-search", "/", KEYS_PAGER,
	    N_("search the help as you type"), N_("search") },
	{ KA_SEARCH_NEXT, "help-search-next", "n", KEYS_PAGER,
	    N_("the next line that matches the search"), N_("next") },

	{ KA_HELP, "help", "? F1", KEYS_LIST | KEYS_FORM | KEYS_CANDIDATES |
	    KEYS_TIMELINE | KEYS_SYNC | KEYS_SYNC_KEYS | KEYS_MERGE |
	    KEYS_REPORTS,
	    N_("show the keys, from the current tab's own"),
	    N_("help") },
	{ KA_REDRAW, "redraw", "C-l", KEYS_LIST | KEYS_SEARCH | KEYS_FORM |
	    KEYS_PAGER | KEYS_CANDIDATES | KEYS_TIMELINE | KEYS_REPORTS,
	    N_("redraw the screen"), NULL },
	{ KA_MESSAGES, "messages", "C-p", KEYS_LIST | KEYS_TIMELINE |
	    KEYS_REPORTS,
	    N_("the messages shown so far, whole"), NULL },
	{ KA_QUIT, "quit", "q", KEYS_LIST | KEYS_CANDIDATES | KEYS_TIMELINE |
	    KEYS_SYNC | KEYS_SYNC_KEYS | KEYS_REPORTS, N_("quit"), N_("quit") },
};
#define KEYS_N (sizeof keys_table / sizeof keys_table[0])

/* The help screen's sections; text marks contexts where typing enters
 * text, so printable keys are left out there. */
static const struct {
	unsigned ctx;
	bool text;
	const char *title;
} keys_sections[] = {
	{ KEYS_LIST, false, N_("Lists") },
	{ KEYS_SEARCH, true,
	    N_("Searching (other keys type the search term)") },
	{ KEYS_FORM, true, N_("Forms (other keys type into the field)") },
	{ KEYS_EDIT, true, N_("Editing a field or the search term") },
	{ KEYS_CHOICE, false,
	    N_("Choice fields such as status (or type a choice's first letter)") },
	{ KEYS_PICK, true, N_("A pick list (other keys type the filter: a "
	    "name in any language, or a code)") },
	{ KEYS_CONFIRM, false, N_("Yes/no questions") },
	{ KEYS_MERGE, false, N_("A record that changed while its form was "
	    "open: theirs or mine, field by field") },
	{ KEYS_MENU, false, N_("A menu over a list: sort by, show only") },
	{ KEYS_SPECIALISTS, false, N_("Specialists (besides the list keys)") },
	{ KEYS_REQUESTS, false, N_("Requests (besides the list keys)") },
	{ KEYS_DISPATCHES, false, N_("Dispatches (besides the list keys)") },
	{ KEYS_CANDIDATES, false, N_("Candidates of a request") },
	{ KEYS_TIMELINE, false, N_("Timeline") },
	{ KEYS_REPORTS, false, N_("Reports: the office's figures as bar "
	    "charts") },
	{ KEYS_OPENINGS, false, N_("Reports: opening figures (besides the "
	    "list keys)") },
	{ KEYS_SEMINAR, false, N_("Seminars (besides the list keys)") },
	{ KEYS_PROGRAMME, false,
	    N_("An edition's programme or participants (besides list keys)") },
	{ KEYS_SYNC, false, N_("Sync: bundles and conflicts (besides the list "
	    "keys)") },
	{ KEYS_SYNC_KEYS, false, N_("Sync: the keys that sign bundles "
	    "(besides the list keys)") },
	{ KEYS_ACTIVITIES, false, N_("Activities (besides the list keys)") },
	{ KEYS_PROMPT, true,
	    N_("A question that takes a name or a date (other keys type "
	    "it)") },
	{ KEYS_PAGER, false, N_("This help screen") },
};
#define KEYS_NSECTIONS (sizeof keys_sections / sizeof keys_sections[0])

static const struct {
	const char *name;
	int key;
} keys_names[] = {
	{ "Up", KEYS_FN | KEY_UP }, { "Down", KEYS_FN | KEY_DOWN },
	{ "Left", KEYS_FN | KEY_LEFT }, { "Right", KEYS_FN | KEY_RIGHT },
	{ "PgUp", KEYS_FN | KEY_PPAGE }, { "PgDn", KEYS_FN | KEY_NPAGE },
	{ "Home", KEYS_FN | KEY_HOME }, { "End", KEYS_FN | KEY_END },
	{ "Backspace", KEYS_FN | KEY_BACKSPACE }, { "Delete", KEYS_FN | KEY_DC },
	{ "S-Tab", KEYS_FN | KEY_BTAB },
	{ "Enter", '\n' }, { "Esc", KEYS_ESC }, { "Tab", '\t' }, { "Space", ' ' },
};

/* The table's key names turned into key codes, once. */
static struct {
	int n;
	int key[KEYS_MAX];
	char name[KEYS_MAX][12];
} keys_parsed[KEYS_N];
static bool keys_ready;

static int
keys_parse_name(const char *s)
{
	unsigned cp;
	int len;

	for (size_t i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++)
		if (strcmp(s, keys_names[i].name) == 0)
			return keys_names[i].key;
	if (s[0] == 'F' && s[1] >= '1' && s[1] <= '9') {
		int n = atoi(s + 1);
		if (n >= 1 && n <= 12)
			return KEYS_FN | KEY_F(n);
	}
	if (s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z' &&
	    s[3] == '\0')
		return KEYS_CTRL(s[2]);
	len = kz_utf8_decode(s, &cp);
	if (len > 0 && s[len] == '\0')
		return (int)cp;
	return -1;
}

void
keys_init(void)
{
	if (keys_ready)
		return;
	for (size_t i = 0; i < KEYS_N; i++) {
		char buf[64], *tok, *save;

		snprintf(buf, sizeof buf, "%s", keys_table[i].keys);
		for (tok = strtok_r(buf, " ", &save); tok != NULL &&
		    keys_parsed[i].n < KEYS_MAX;
		    tok = strtok_r(NULL, " ", &save)) {
			int k = keys_parse_name(tok);

			/* A typo in the table is a programming error; the
			 * key is simply not bound, and `kizuna keys` shows
			 * the name so it gets noticed. */
			if (k < 0)
				continue;
			keys_parsed[i].key[keys_parsed[i].n] = k;
			snprintf(keys_parsed[i].name[keys_parsed[i].n],
			    sizeof keys_parsed[i].name[0], "%s", tok);
			keys_parsed[i].n++;
		}
	}
	keys_ready = true;
}

bool
keys_printable(int key)
{
	return key >= 0x20 && key != 0x7f && key < KEYS_FN &&
	    !(key >= 0x80 && key < 0xa0);
}

enum keys_action
keys_lookup(unsigned ctx, int key, bool text)
{
	keys_init();
	if (text && keys_printable(key))
		return KA_NONE;
	/* an input method left on: full-width ASCII and the ideographic
	 * space are the keys they look like (never in text: typed there) */
	if (key >= 0xff01 && key <= 0xff5e)
		key -= 0xfee0;
	else if (key == 0x3000)
		key = ' ';
	for (size_t i = 0; i < KEYS_N; i++) {
		if ((keys_table[i].ctx & ctx) == 0)
			continue;
		for (int k = 0; k < keys_parsed[i].n; k++)
			if (keys_parsed[i].key[k] == key)
				return keys_table[i].action;
	}
	return KA_NONE;
}

/* The key names of entry i usable in a context, joined with ", ". */
static void
keys_names_of(size_t i, bool text, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int k = 0; k < keys_parsed[i].n; k++) {
		if (text && keys_printable(keys_parsed[i].key[k]))
			continue;
		len += snprintf(buf + len, len < size ? size - len : 0, "%s%s",
		    len ? ", " : "", keys_parsed[i].name[k]);
		if (len >= size)
			return;
	}
}

/* Whether hint i gives way when the hints are too wide: help and quit
 * never do, the keys every list has before those of the screen. */
static int
hint_rank(size_t i)
{
	if (keys_table[i].action == KA_HELP || keys_table[i].action == KA_QUIT)
		return 0;
	return keys_table[i].ctx & KEYS_LIST ? 2 : 1;
}

void
keys_hints(unsigned ctx, bool text, int width, char *buf, size_t size)
{
	size_t idx[KEYS_N], n = 0, len = 0;
	const char *names[KEYS_N];
	int w[KEYS_N], total = -1;
	bool drop[KEYS_N] = { 0 };

	keys_init();
	buf[0] = '\0';
	for (size_t i = 0; i < KEYS_N; i++) {
		const char *name = NULL;

		if ((keys_table[i].ctx & ctx) == 0 || keys_table[i].hint == NULL ||
		    ((keys_table[i].ctx & KEYS_HINT_IF_MORE) &&
		    !(ctx & KEYS_MORE)))
			continue;
		for (int k = 0; k < keys_parsed[i].n && name == NULL; k++)
			if (!text || !keys_printable(keys_parsed[i].key[k]))
				name = keys_parsed[i].name[k];
		if (name == NULL)
			continue;
		idx[n] = i;
		names[n] = name;
		w[n] = kz_text_width(name) + 1 +
		    kz_text_width(_(keys_table[i].hint));
		total += w[n] + 1;
		n++;
	}
	/* Too wide (French runs long): whole hints give way, the last of
	 * the list keys first, then the last of the screen's own, rather
	 * than a hint cut in the middle; ? shows them all. */
	for (int rank = 2; rank >= 1 && width > 0 && total > width; rank--)
		for (size_t j = n; j-- > 0 && total > width;)
			if (!drop[j] && hint_rank(idx[j]) == rank) {
				drop[j] = true;
				total -= w[j] + 1;
			}
	/* A hint shown only while there is more (J) goes last: coming and
	 * going from record to record, it moves none of the others, which
	 * the terminal would be sent again. */
	for (int last = 0; last < 2; last++)
		for (size_t j = 0; j < n; j++) {
			bool more = keys_table[idx[j]].ctx & KEYS_HINT_IF_MORE;

			if (drop[j] || more != (last == 1))
				continue;
			len += snprintf(buf + len, len < size ? size - len :
			    0, "%s%s:%s", len ? " " : "", names[j],
			    _(keys_table[idx[j]].hint));
			if (len >= size)
				return;
		}
}

const char *
keys_first(enum keys_action a)
{
	keys_init();
	for (size_t i = 0; i < KEYS_N; i++)
		if (keys_table[i].action == a && keys_parsed[i].n > 0)
			return keys_parsed[i].name[0];
	return "?";
}

int
keys_code(enum keys_action a)
{
	keys_init();
	for (size_t i = 0; i < KEYS_N; i++)
		if (keys_table[i].action == a && keys_parsed[i].n > 0)
			return keys_parsed[i].key[0];
	return -1;
}

const char *
keys_yesno(void)
{
	static char buf[32];

	snprintf(buf, sizeof buf, "(%s/%s)", keys_first(KA_YES),
	    keys_first(KA_NO));
	return buf;
}

static int
keys_push(char ***lines, size_t *n, size_t *cap, char *line)
{
	if (line == NULL)
		return -1;
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		*lines = xrealloc(*lines, ncap * sizeof **lines);
		*cap = ncap;
	}
	(*lines)[(*n)++] = line;
	return 0;
}

static char *
keys_line(const char *keys, int keyw, const char *help)
{
	int pad = keyw - kz_text_width(keys);
	size_t size = strlen(keys) + strlen(help) + (pad > 0 ? pad : 0) + 8;
	char *line = xmalloc(size);

	snprintf(line, size, "  %s%*s  %s", keys, pad > 0 ? pad : 0, "", help);
	return line;
}

char **
keys_help_lines(size_t *n)
{
	char **lines = NULL, names[96];
	size_t cap = 0;
	int keyw = 0;

	keys_init();
	*n = 0;
	for (size_t i = 0; i < KEYS_N; i++) {
		keys_names_of(i, false, names, sizeof names);
		if (kz_text_width(names) > keyw)
			keyw = kz_text_width(names);
	}
	for (size_t s = 0; s < KEYS_NSECTIONS; s++) {
		if (s > 0 && keys_push(&lines, n, &cap, xstrdup("")) < 0)
			goto fail;
		if (keys_push(&lines, n, &cap,
		    xstrdup(_(keys_sections[s].title))) < 0)
			goto fail;
		for (size_t i = 0; i < KEYS_N; i++) {
			if ((keys_table[i].ctx & keys_sections[s].ctx) == 0)
				continue;
			keys_names_of(i, keys_sections[s].text, names,
			    sizeof names);
			if (names[0] == '\0')
				continue;
			if (keys_push(&lines, n, &cap, keys_line(names, keyw,
			    _(keys_table[i].help))) < 0)
				goto fail;
		}
	}
	return lines;
fail:
	keys_free_lines(lines, *n);
	*n = 0;
	return NULL;
}

void
keys_free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

size_t
keys_help_section(char **lines, size_t n, unsigned ctx)
{
	const unsigned common = KEYS_LIST | KEYS_SEARCH | KEYS_FORM |
	    KEYS_EDIT | KEYS_CHOICE | KEYS_CONFIRM | KEYS_PAGER;
	const char *title = NULL;

	/* a tab's own section (Requests, Sync...) before the list's */
	for (size_t s = 0; s < KEYS_NSECTIONS && title == NULL; s++)
		if ((keys_sections[s].ctx & ctx & ~common) != 0)
			title = _(keys_sections[s].title);
	for (size_t s = 0; s < KEYS_NSECTIONS && title == NULL; s++)
		if ((keys_sections[s].ctx & ctx) != 0)
			title = _(keys_sections[s].title);
	for (size_t i = 0; title != NULL && i < n; i++)
		if (strcmp(lines[i], title) == 0)
			return i;
	return 0;
}

/* mdoc for the man page: each key name is escaped with \& so that
 * punctuation such as "?" or "/" is not taken for a delimiter. */
static void
keys_print_mdoc(void)
{
	for (size_t s = 0; s < KEYS_NSECTIONS; s++) {
		/* \& too: a title may start with a macro name ("An") */
		printf(".Ss \\&%s\n.Bl -tag -width Ds\n",
		    keys_sections[s].title);
		for (size_t i = 0; i < KEYS_N; i++) {
			int shown = 0;

			if ((keys_table[i].ctx & keys_sections[s].ctx) == 0)
				continue;
			for (int k = 0; k < keys_parsed[i].n; k++) {
				if (keys_sections[s].text &&
				    keys_printable(keys_parsed[i].key[k]))
					continue;
				printf("%s Ic \\&%s", shown ? " ," : ".It",
				    keys_parsed[i].name[k]);
				shown++;
			}
			if (shown)
				printf("\n%s\n", keys_table[i].help);
		}
		printf(".El\n");
	}
}

int
cli_keys(struct cli *c, const struct cli_args *a)
{
	(void)c;
	keys_init();
	if (cli_has(a, CLI_K_MDOC)) {
		keys_print_mdoc();
		return 0;
	}

	size_t n;
	char **lines = keys_help_lines(&n);

	if (lines == NULL)
		return cli_fail("%s", _("out of memory"));
	for (size_t i = 0; i < n; i++)
		printf("%s\n", lines[i]);
	keys_free_lines(lines, n);
	return 0;
}
