#!/bin/sh
# run.sh - run every test (unit, shell, tmux) and end with "N passed, N failed, N skipped".
# KZ_BIN: the kizuna binary under test; KZ_UNIT: unit test binaries;
# KZ_ONLY: unit|shell|tmux to run one kind; KZ_TEST: a name filter.
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0 skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

add() { passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + ${3:-0})); }

want() {	# want KIND NAME
	[ -z "$KZ_ONLY" ] || [ "$KZ_ONLY" = "$1" ] || return 1
	[ -z "$KZ_TEST" ] || case "$2" in *"$KZ_TEST"*) ;; *) return 1 ;; esac
}

for t in $KZ_UNIT; do
	want unit "$t" || continue
	"$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	# cmocka's skip(): counted apart from the passed ones, and named
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	sed -n '/^\[  SKIPPED \] [0-9]* test(s), listed below/,$ s/^\[  SKIPPED \] \([a-z_].*\)/SKIP: \1/p' "$log"
	if [ -z "$p" ] || { [ $rc -ne 0 ] && [ -z "$f" ]; }; then
		f=$((${f:-0} + 1)); p=${p:-0}
		echo "FAIL: $(basename "$t") ended without a summary (status $rc)"
		tail -n 30 "$log"
	elif [ "${f:-0}" -gt 0 ]; then
		grep -E '^\[  (FAILED|ERROR)|Fail|error' "$log" | head -n 20
	fi
	echo "unit  $(basename "$t"): ${p:-0} passed, ${f:-0} failed, ${s:-0} skipped"
	add "${p:-0}" "${f:-0}" "${s:-0}"
done

for kind in shell tmux; do
	for t in "$here/$kind"/*.sh; do
		[ -e "$t" ] || continue
		want "$kind" "$t" || continue
		if [ "$kind" = tmux ] && ! command -v tmux >/dev/null 2>&1; then
			echo "FAIL: tmux is not installed"; add 0 1; continue
		fi
		KZ_TESTS="$here" sh "$t" >"$log" 2>&1
		rc=$?
		r=$(sed -n 's/^RESULT \([0-9]*\) \([0-9]*\)\( [0-9]*\)\{0,1\}$/\1 \2\3/p' "$log" | tail -n 1)
		if [ -z "$r" ]; then
			echo "FAIL: $kind/$(basename "$t") ended without a result (status $rc)"
			tail -n 30 "$log"; add 0 1; continue
		fi
		set -- $r
		[ "$2" -gt 0 ] && grep -v '^RESULT' "$log" | head -n 40
		grep '^SKIP: ' "$log"
		echo "$kind $(basename "$t"): $1 passed, $2 failed, ${3:-0} skipped"
		add "$1" "$2" "${3:-0}"
	done
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
