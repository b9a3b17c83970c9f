/* term.h - the terminal: starting it, reading keys as any terminal sends them, drawing no faster than the line. */
#ifndef KZ_TERM_H
#define KZ_TERM_H

#include <curses.h>
#include <stdbool.h>

/* After newterm: raw keys, no echo, the key spellings terminfo leaves
 * out, Esc's wait (ESCDELAY from the environment when set, else 25 ms),
 * and output buffered to one write a frame. */
void term_start(void);
/* Before endwin: what term_start made. */
void term_stop(void);

/* Read one key typed in w, as keys.h spells keys (Enter is '\n', every
 * Backspace is KEYS_FN | KEY_BACKSPACE), waiting at most ms
 * milliseconds (-1: for ever). An escape sequence curses does not know
 * is read whole and either mapped (PuTTY's and rxvt's Home and End,
 * Shift-Tab under vt100) or dropped: it never types text nor acts as
 * Esc. -1 if no key came. */
int term_getkey(WINDOW *w, int ms);

/* Is a key already waiting? Then the screen is not worth drawing yet:
 * a burst of keys is drawn once, after its last key. */
bool term_pending(WINDOW *w);

/* doupdate(), and note how long the line needs to carry what it wrote,
 * from the terminal's speed (stty speed): term_line_busy says how many
 * milliseconds are left. At 38400 baud and over (every local terminal)
 * the line is never busy. */
void term_update(void);
int term_line_busy(void);

#endif
