# lib.sh - helpers for shell and tmux tests: a private home, checks, a result line.
# A check that cannot run here (a tool is missing) calls skip: it is
# counted and shown as skipped, never as passed.
# Source it; KZ_BIN names the kizuna binary under test.
KZ=${KZ_BIN:?KZ_BIN must name the kizuna binary}
KZ_TESTS=${KZ_TESTS:-$(cd "$(dirname "$0")/.." && pwd)}
FIX=$KZ_TESTS/fixtures
T=$(mktemp -d "${TMPDIR:-/tmp}/kz-test.XXXXXX")
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=
unset LANGUAGE
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1
# A test that names no configuration gets the repository's default (office
# KZ): a first run without one would ask which office, or refuse.
mkdir -p -m 700 "$XDG_CONFIG_HOME/kizuna" && cp "$KZ_TESTS/../config/default.yaml" "$XDG_CONFIG_HOME/kizuna/config.yaml"
pass=0 fail=0 skipped=0
TMUX_SOCK=kz-$$

cleanup() {
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'not ok: %s\n' "$*"; }
skip() { skipped=$((skipped + 1)); printf 'SKIP: %s\n' "$*"; }	# skip WHY

# A database knows its office and refuses another office's configuration:
# office_db CONFIG prints the path of that configuration's own database,
# so a test that plays several offices gives each its own.
office_db() { b=${1##*/}; echo "$T/db-${b%.yaml}.db"; }
# run_as CONFIG ARGS...: run with CONFIG and its own database.
run_as() { _c=$1; shift; run -c "$_c" -d "$(office_db "$_c")" "$@"; }
# office_configs: the sample offices' own configurations in English (the
# checks read messages) as $C/tokyo.yaml, beijing.yaml, singapore.yaml.
office_configs() {
	C=$T/conf
	mkdir -p "$C"
	for f in tokyo beijing singapore; do
		sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/$f.yaml" > "$C/$f.yaml"
	done
}

# run ARGS...: run kizuna, leaving $out, $err and $rc.
run() {
	"$KZ" "$@" >"$T/.out" 2>"$T/.err" </dev/null
	rc=$?
	out=$(cat "$T/.out"); err=$(cat "$T/.err")
}
# run_in FILE ARGS...: same with FILE on standard input.
run_in() {
	f=$1; shift
	"$KZ" "$@" >"$T/.out" 2>"$T/.err" <"$f"
	rc=$?
	out=$(cat "$T/.out"); err=$(cat "$T/.err")
}

# Sanitizer reports are failures whatever the exit status.
sane() {
	if grep -qE 'Sanitizer|runtime error' "$T/.err"; then
		bad "$1: sanitizer report"; sed -n 1,20p "$T/.err"; return 1
	fi
}

expect_rc() {	# expect_rc N DESC
	sane "$2" || return
	if [ "$rc" -eq "$1" ]; then ok; else
		bad "$2: status $rc, wanted $1"
		printf '  stdout: %s\n  stderr: %s\n' "$(printf '%s' "$out" | head -c 600)" "$(printf '%s' "$err" | head -c 600)"
	fi
}
expect_in() {	# expect_in HAYSTACK NEEDLE DESC
	case "$1" in *"$2"*) ok ;; *) bad "$3: no '$2' in:"; printf '%s\n' "$1" | head -n 15 ;; esac
}
expect_not_in() {
	case "$1" in *"$2"*) bad "$3: unexpected '$2'"; printf '%s\n' "$1" | head -n 15 ;; *) ok ;; esac
}
expect_eq() {	# expect_eq GOT WANT DESC
	if [ "$1" = "$2" ]; then ok; else bad "$3: got '$1', wanted '$2'"; fi
}

finish() { echo "RESULT $pass $fail $skipped"; exit 0; }

# ---- tmux: the real program on a private server at 80x24 ----
# tm_start CMD...: start a session running CMD.
# The program's exit status is written to $T/tm-exit (read it with
# tm_exited), not only to the screen: a program killed mid-draw leaves
# its screen behind, and the shell's words land wherever the cursor was.
tm_start() {
	rm -f "$T/tm-exit"
	tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -s t -x "${TM_COLS:-80}" -y "${TM_ROWS:-24}" \
		"env XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' HOME='$HOME' LANG=C.UTF-8 TERM=${TM_TERM:-xterm-256color} ASAN_OPTIONS=log_path=$T/asan $* ; s=\$?; echo \$s >'$T/tm-exit.new'; mv '$T/tm-exit.new' '$T/tm-exit'; echo EXITED \$s; sleep 30"
}
# tm_new_server NAME: end this tmux server and take another socket for
# the next tm_start: a server started at once on the socket of one that
# is shutting down can exit under the new client ("server exited
# unexpectedly"), and every check after it fails.
tm_new_server() { tmux -L "$TMUX_SOCK" kill-server 2>/dev/null; TMUX_SOCK=kz-$$-$1; }
# tm_exited STATUS DESC [SECONDS]: wait until the program has ended with
# STATUS (137: killed); a failure shows the status and the screen.
tm_exited() {
	n=$(( ${3:-10} * 10 ))
	while [ $n -gt 0 ] && [ ! -f "$T/tm-exit" ]; do sleep 0.1; n=$((n - 1)); done
	if [ "$(cat "$T/tm-exit" 2>/dev/null)" = "$1" ]; then ok
	else bad "$2: exit status '$(cat "$T/tm-exit" 2>/dev/null)', not $1:"; tm_screen; fi
}
tm_keys() { tmux -L "$TMUX_SOCK" send-keys -t t "$@"; }
tm_type() { tmux -L "$TMUX_SOCK" send-keys -t t -l "$1"; }
tm_screen() { tmux -L "$TMUX_SOCK" capture-pane -p -t t; }
tm_resize() { tmux -L "$TMUX_SOCK" resize-window -t t -x "$1" -y "$2"; }
# A key or a resize is answered by a redraw some time later: never read
# the screen once and judge it, poll it until what is checked is there
# (or gone), as these do.
# tm_until SECONDS COMMAND...: poll until COMMAND, reading the screen on
# its standard input, succeeds; 1 if it never does.
tm_until() {
	n=$(( $1 * 10 )); shift
	while [ $n -gt 0 ]; do
		tm_screen | "$@" && return 0
		sleep 0.1; n=$((n - 1))
	done
	return 1
}
tm_lacks() { ! grep -qF -- "$1"; }
# tm_wait TEXT [SECONDS]: wait until TEXT is on the screen; 1 if it never is.
tm_wait() { tm_until "${2:-10}" grep -qF -- "$1"; }
# tm_wait_re ERE [SECONDS]: wait until a line of the screen matches ERE.
tm_wait_re() { tm_until "${2:-10}" grep -qE -- "$1"; }
# tm_wait_gone TEXT [SECONDS]: wait until TEXT is no longer on the screen.
tm_wait_gone() { tm_until "${2:-10}" tm_lacks "$1"; }
# tm_expect TEXT DESC [SECONDS]: wait for TEXT; a failure shows the screen.
tm_expect() {
	if tm_wait "$1" "${3:-10}"; then ok; else bad "$2: '$1' not on screen:"; tm_screen; fi
}
# tm_expect_re ERE DESC [SECONDS]: wait for a line that matches ERE.
tm_expect_re() {
	if tm_wait_re "$1" "${3:-10}"; then ok; else bad "$2: no line like '$1' on screen:"; tm_screen; fi
}
# tm_expect_gone TEXT DESC [SECONDS]: wait until TEXT has gone.
tm_expect_gone() {
	if tm_wait_gone "$1" "${3:-10}"; then ok; else bad "$2: '$1' still on screen:"; tm_screen; fi
}
# tm_back_to TEXT DESC: Shift-Tab through the tabs, backwards from the
# first, until TEXT shows (at most ten).
tm_back_to() {
	_n=0
	while ! tm_screen | grep -qF -- "$1" && [ $_n -lt 10 ]; do
		tm_keys BTab
		sleep 0.3
		_n=$((_n + 1))
	done
	tm_expect "$1" "$2"
}
tm_asan_clean() {
	if ls "$T"/asan* >/dev/null 2>&1; then bad "$1: sanitizer report"; cat "$T"/asan* | head -n 30; else ok; fi
}

# ---- sync keys ----
# enrol HEAD_CONFIG HEAD_DB [OFFICE_CONFIG OFFICE_DB]...: each office
# enrols head office's key and head office each office's, as people do
# on the phone (kizuna sync key, kizuna sync trust). Makes the databases
# that do not exist yet.
enrol_line() { "$KZ" -c "$1" -d "$2" sync key 2>/dev/null | sed -n 's/.*sync trust \([A-Z]* [0-9a-f]\{64\}\)$/\1/p'; }
enrol() {
	_hc=$1 _hd=$2; shift 2
	_h=$(enrol_line "$_hc" "$_hd")
	[ -n "$_h" ] || bad "enrol: no key for $_hd"
	while [ $# -ge 2 ]; do
		_o=$(enrol_line "$1" "$2")
		# shellcheck disable=SC2086
		"$KZ" -c "$1" -d "$2" sync trust $_h --yes >/dev/null 2>&1 || bad "enrol: $2 cannot enrol $_h"
		# shellcheck disable=SC2086
		"$KZ" -c "$_hc" -d "$_hd" sync trust $_o --yes >/dev/null 2>&1 || bad "enrol: $_hd cannot enrol $_o"
		shift 2
	done
}
