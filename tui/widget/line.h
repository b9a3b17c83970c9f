/* line.h - the one-line editor of forms, searches and prompts. */
#ifndef KZ_LINE_H
#define KZ_LINE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

/* One line of UTF-8 text being edited; the cursor is a byte offset that
 * always sits on a character boundary. */
struct form_line {
	char *buf;
	size_t len, cap, cur;
	int scroll;		/* display column at the left edge */
	/* A value put there (a prefilled field) and not yet touched: the
	 * first printable key replaces it whole, as in other editors'
	 * fields; a move or an edit keeps it. */
	bool fresh;
};

void form_line_set(struct form_line *l, const char *s);
const char *form_line_text(const struct form_line *l);
void form_line_free(struct form_line *l);
/* Apply an editing action or type a printable key. Returns true if the
 * text changed. */
bool form_line_edit(struct form_line *l, enum keys_action a, int key);
/* Draw the line in width columns at (y, x), scrolled so the cursor shows
 * ('<' and '>' mark hidden text); returns the cursor's column. */
int form_line_draw(struct form_line *l, WINDOW *w, int y, int x, int width,
    attr_t attr);

#endif
