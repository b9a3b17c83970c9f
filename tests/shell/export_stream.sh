# export_stream.sh - exports are written as they are made, a piece at a
# time, yet whole or not at all: the file is what standard output gets;
# a write that fails midway (a full disk, a file size limit) is said,
# naming where, with exit status 1, and leaves the old file as it was
# and no temp file behind. export specialists, export dispatches (CSV
# and iCalendar) and an activity's export.
. "$KZ_TESTS/lib.sh"

office_configs
TYO=$C/tokyo.yaml
run_as "$TYO" demo
expect_rc 0 "the demo"
K() { run_as "$TYO" "$@"; }
# one clock for every export: a calendar is stamped with its time, to
# the second, and two of them made across a second's turn differ
export KIZUNA_NOW=2026-12-01T09:00:00Z

for e in "export specialists" "export dispatches" \
    "export dispatches --format ics" "support export"; do
	name=$(echo "$e" | tr ' -' '__')
	# shellcheck disable=SC2086
	K $e
	expect_rc 0 "$e"
	printf '%s\n' "$out" > "$T/$name.stdout"
	# shellcheck disable=SC2086
	K $e -o "$T/$name.file"
	expect_rc 0 "$e -o FILE"
	# $out lost its last newline: compare as the shell holds them
	expect_eq "$(cat "$T/$name.file")" "$(cat "$T/$name.stdout")" \
		"$e: the file is what standard output gets"
	[ "$(wc -c < "$T/$name.file")" -gt 1000 ] && ok || bad "$e: too short"

	# a full disk on standard output
	# shellcheck disable=SC2086
	"$KZ" -c "$TYO" -d "$(office_db "$TYO")" $e > /dev/full 2>"$T/.err"
	rc=$?
	expect_eq "$rc" 1 "$e to a full disk fails"
	expect_in "$(cat "$T/.err")" "standard output: No space left on device" \
		"$e: the full disk is said"
done

# a file size limit midway through 200 KB: the file as it was, no temp
# file left (the signal ignored, the write fails with EFBIG)
echo old > "$T/big.csv"
(
	trap '' XFSZ
	ulimit -f 64
	exec "$KZ" -c "$TYO" -d "$(office_db "$TYO")" export specialists \
		-o "$T/big.csv"
) 2>"$T/.err"
rc=$?
expect_eq "$rc" 1 "export specialists past the file size limit fails"
expect_in "$(cat "$T/.err")" "$T/big.csv: File too large" "the place and the reason said"
expect_eq "$(cat "$T/big.csv")" old "the old file is left as it was"
expect_eq "$(ls "$T" | grep -c 'big.csv.tmp-')" 0 "no temp file left behind"

# a directory that is not there: said before anything is read
K export dispatches -o "$T/no/such/dir/d.csv"
expect_rc 1 "export to a missing directory"
expect_in "$err" "$T/no/such/dir/d.csv: No such file or directory" "the path named"
finish
