/* term.c - the terminal: starting it, reading keys as any terminal sends them, drawing no faster than the line. */
#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "keys.h"

/* The line's speed in bytes a second when it is slow enough to pace
 * frames by (under 38400 baud), else 0; and when the bytes of the last
 * frame will have gone. */
static long term_bps;
static struct timespec term_free_at;
/* Keys are read through a pad no one draws: reading from a window that
 * changed since it was last refreshed would draw it (a frame the loop
 * meant to skip). */
static WINDOW *term_in;

/*
 * Home and End as other terminals send them. PuTTY and a Linux console
 * send ESC [ 1 ~ and ESC [ 4 ~, rxvt ESC [ 7 ~ and ESC [ 8 ~, whatever
 * TERM says (tmux under TERM=xterm, whose Home is ESC O H); a vt100
 * description has no Shift-Tab, which xterm sends as ESC [ Z. Only
 * sequences the terminal description leaves free are added.
 */
static void
term_alias_keys(void)
{
	static const struct { const char *seq; int key; } alias[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
		{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
		{ "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END },
		{ "\033[Z", KEY_BTAB },
	};

	for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (key_defined(alias[i].seq) == 0)
			define_key(alias[i].seq, alias[i].key);
}

void
term_start(void)
{
	long baud;

	/* raw, not cbreak: C-s (save) must reach us, not stop the output */
	raw();
	noecho();
	nonl();
	/* ncurses reads ESCDELAY from the environment when it starts: a
	 * person on a slow line who set it keeps it */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	keypad(stdscr, TRUE);
	if ((term_in = newpad(1, 1)) != NULL)
		keypad(term_in, TRUE);
	term_alias_keys();
	/* ncurses 6.4 as newterm leaves it flushes its output at every
	 * cursor movement until the screen has once been left and entered
	 * again: a cursor move in a list cost 16-19 write calls. Leave and
	 * enter it now, before anything is drawn, and a frame is one
	 * write. */
	endwin();
	doupdate();
	curs_set(0);
	baud = baudrate();
	term_bps = baud > 0 && baud < 38400 ? baud / 10 : 0;
}

void
term_stop(void)
{
	if (term_in != NULL) {
		delwin(term_in);
		term_in = NULL;
	}
}

/* One read within ms milliseconds (-1: for ever): ERR, OK or
 * KEY_CODE_YES as wget_wch says. */
static int
term_read(WINDOW *w, int ms, wint_t *wc)
{
	int r;

	if (term_in != NULL)
		w = term_in;
	else if (!is_keypad(w))
		keypad(w, TRUE);
	wtimeout(w, ms);
	r = wget_wch(w, wc);
	wtimeout(w, -1);
	return r;
}

/* A key read by term_read put back, to be read again next. */
static void
term_unread(int r, wint_t wc)
{
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	else if (r == OK)
		unget_wch((wchar_t)wc);
}

static int
term_code(int r, wint_t wc)
{
	if (r == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return '\n';
		/* A vt220's Find and Select keys sit where a PC keyboard
		 * has Home and End, and PuTTY sends their sequences for
		 * those: under TERM=vt220 or rxvt curses names them so. */
		if (wc == KEY_FIND)
			wc = KEY_HOME;
		else if (wc == KEY_SELECT)
			wc = KEY_END;
		return KEYS_FN | (int)wc;
	}
	if (wc == '\r')
		return '\n';
	if (wc == 0x7f || wc == 0x08)
		return KEYS_FN | KEY_BACKSPACE;
	return (int)wc;
}

/* The key a CSI (ESC [) or SS3 (ESC O) sequence curses did not know
 * stands for, from its parameters p and final byte; 0 for one that
 * means nothing here. Modifiers (the ";5" of "1;5H") are left out. */
static int
term_sequence(const char *p, int final)
{
	int n = atoi(p);

	switch (final) {
	case 'A': return KEYS_FN | KEY_UP;
	case 'B': return KEYS_FN | KEY_DOWN;
	case 'C': return KEYS_FN | KEY_RIGHT;
	case 'D': return KEYS_FN | KEY_LEFT;
	case 'H': return KEYS_FN | KEY_HOME;
	case 'F': return KEYS_FN | KEY_END;
	case 'Z': return KEYS_FN | KEY_BTAB;
	case 'P': case 'Q': case 'R': case 'S':
		return KEYS_FN | KEY_F(final - 'P' + 1);
	case '~':
		switch (n) {
		case 1: case 7: return KEYS_FN | KEY_HOME;
		case 4: case 8: return KEYS_FN | KEY_END;
		case 2: return KEYS_FN | KEY_IC;
		case 3: return KEYS_FN | KEY_DC;
		case 5: return KEYS_FN | KEY_PPAGE;
		case 6: return KEYS_FN | KEY_NPAGE;
		default: break;
		}
		/* F1-F12 as PuTTY and rxvt number them */
		if (n >= 11 && n <= 15)
			return KEYS_FN | KEY_F(n - 10);
		if (n >= 17 && n <= 21)
			return KEYS_FN | KEY_F(n - 11);
		if (n == 23 || n == 24)
			return KEYS_FN | KEY_F(n - 12);
		return 0;
	default:
		return 0;
	}
}

/*
 * curses gave an Esc. What was sent with it is already waiting (curses
 * waited ESCDELAY for it): ESC [ or ESC O is a sequence curses did not
 * know, read to its final byte; anything else, or nothing, and it was
 * the Esc key (a key pressed right after it is read next). 0: the
 * sequence means nothing here.
 */
static int
term_escape(WINDOW *w)
{
	char p[32];
	size_t n = 0;
	wint_t wc;
	int r = term_read(w, 0, &wc), intro, wait = get_escdelay();

	if (r == ERR)
		return KEYS_ESC;
	if (r != OK || (wc != '[' && wc != 'O')) {
		term_unread(r, wc);
		return KEYS_ESC;
	}
	intro = (int)wc;
	/* the rest of a sequence comes with it, but a slow line may
	 * space its bytes out */
	while ((r = term_read(w, wait > 0 ? wait : 25, &wc)) == OK) {
		if (wc >= 0x40 && wc <= 0x7e) {
			p[n] = '\0';
			return term_sequence(p, (int)wc);
		}
		/* parameter and intermediate bytes (SS3: digits only) */
		if (!(intro == '[' ? wc >= 0x20 && wc <= 0x3f :
		    wc >= 0x30 && wc <= 0x3f))
			break;
		if (n + 1 < sizeof p)
			p[n++] = (char)wc;
	}
	/* cut short: what ended it is a key of its own */
	if (r != ERR)
		term_unread(r, wc);
	return 0;
}

int
term_getkey(WINDOW *w, int ms)
{
	for (;;) {
		wint_t wc;
		int r = term_read(w, ms, &wc), key;

		if (r == ERR)
			return -1;
		if (r == OK && wc == KEYS_ESC) {
			if ((key = term_escape(w)) != 0)
				return key;
			continue;
		}
		return term_code(r, wc);
	}
}

bool
term_pending(WINDOW *w)
{
	wint_t wc;
	int r = term_read(w, 0, &wc);

	if (r == ERR)
		return false;
	term_unread(r, wc);
	return true;
}

/* Bytes this process has handed to write() so far (Linux's
 * /proc/self/io); -1 where that cannot be read. */
static long
term_written(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	char line[96];
	long n = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "wchar: %ld", &n) == 1)
			break;
	fclose(f);
	return n;
}

void
term_update(void)
{
	long before = term_bps > 0 ? term_written() : -1, after;
	struct timespec now;
	long ms;

	doupdate();
	if (before < 0 || (after = term_written()) <= before)
		return;
	/* the line carries what was written from now on, or from when it
	 * is done with the frame before */
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (term_free_at.tv_sec > now.tv_sec || (term_free_at.tv_sec ==
	    now.tv_sec && term_free_at.tv_nsec > now.tv_nsec))
		now = term_free_at;
	ms = (after - before) * 1000 / term_bps;
	now.tv_sec += ms / 1000;
	now.tv_nsec += (ms % 1000) * 1000000L;
	if (now.tv_nsec >= 1000000000L) {
		now.tv_sec++;
		now.tv_nsec -= 1000000000L;
	}
	term_free_at = now;
}

int
term_line_busy(void)
{
	struct timespec now;
	long ms;

	if (term_bps == 0)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long)(term_free_at.tv_sec - now.tv_sec) * 1000 +
	    (term_free_at.tv_nsec - now.tv_nsec) / 1000000L;
	return ms > 0 ? (int)ms : 0;
}
