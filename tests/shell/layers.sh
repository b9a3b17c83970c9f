# layers.sh - no include circles between modules, and core/ stays below the terminal: no curses, no tui/ header.
# A module is a .c and its .h (core/cost.c and core/cost.h). KZ_SRC names
# another source tree to check (to try the check on a planted circle).
. "$KZ_TESTS/lib.sh"
SRC=${KZ_SRC:-$KZ_TESTS/..}
cd "$SRC" || { bad "no source tree at $SRC"; finish; }

files=$(find core tui -name '*.[ch]' | sort)
[ -n "$files" ] || bad "no sources under $SRC/core and $SRC/tui"

# Where a quoted include resolves, as the compiler looks: the including
# file's directory, then the -I directories in the Makefile's order.
resolve() {	# resolve FILE HEADER -> module path (core/cost), or nothing
	for d in "$(dirname "$1")" core tui tui/cli tui/screen tui/widget; do
		if [ -f "$d/$2" ]; then
			p="$d/$2"; echo "${p%.h}"; return
		fi
	done
}

# One line "from to" for every include of one module by another.
for f in $files; do
	from=${f%.[ch]}
	sed -n 's/^[ 	]*#[ 	]*include[ 	]*"\([^"]*\)".*/\1/p' "$f" |
	while read -r h; do
		to=$(resolve "$f" "$h")
		[ -n "$to" ] && [ "$to" != "$from" ] && echo "$from $to"
	done
done | sort -u > "$T/edges"

# tsort names the modules of every circle it meets; show the includes
# between them.
if tsort "$T/edges" >/dev/null 2>"$T/loops"; then
	ok
else
	bad "include circle between modules:"
	awk 'NR == FNR { if ($0 !~ /input contains a loop/) { sub(/^tsort: /, ""); m[$0] = 1 } next }
	    ($1 in m) && ($2 in m) { print "  " $1 " includes " $2 }' "$T/loops" "$T/edges"
fi

# core/ is a library without a terminal: no curses, no tui/ header.
curses=$(grep -nE '^[ 	]*#[ 	]*include[ 	]*[<"]((ncursesw|ncurses)/)?(n?curses|term|panel|form|menu)\.h[>"]' \
	$(find core -name '*.[ch]') /dev/null)
expect_eq "$curses" "" "core/ includes no curses header"
tui=$(grep '^core/[^ ]* tui/' "$T/edges" | sed 's/ / includes /')
expect_eq "$tui" "" "core/ includes no tui/ header"
finish
