# sync_kill.sh - an export killed at each of its steps in turn, then run
# again: head office takes every bundle, every change arrives once, no
# number names two contents; --again writes a bundle byte for byte; a
# full disk or a file-size limit is reported naming the file; a kill
# leaves no scratch file behind.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
C=$T/conf
mkdir -p "$C" out
for f in tokyo beijing; do
	sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/$f.yaml" > "$C/$f.yaml"
done
t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db"
export KIZUNA_NOW=2026-11-01T09:00:00Z

request() {	# request TOPIC: Beijing records a request
	b request add --country CN --province 河南省 --city 开封市 --department 农业农村局 \
		--received 2019-05-20 --fields agriculture --topic "$1" \
		--from 2019-09-16 --to 2019-09-23 --language zh
}

# head office takes the genuine bundle in the middle of it all
t sync status
steps="gathered made half part renamed written"
n=0
for step in $steps; do
	n=$((n + 1))
	request "kill at $step"
	expect_rc 0 "a request before the kill at $step"
	# (the shell's own "Killed" is not this test's output)
	{ (cd out && KIZUNA_TEST_KILL_AT=$step "$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync export >/dev/null 2>&1); } 2>/dev/null
	r=$?
	expect_eq "$r" 137 "the export is killed at $step"
	name=$(printf 'kizuna-BJS-%06d.kzb' "$n")
	case $step in
	made|half|part)
		b sync status
		expect_in "$out" "made but not written: bundle $n" "status after a kill at $step"
		[ -e "out/$name" ] && bad "a bundle in place after a kill at $step" || ok ;;
	renamed)
		# the file reached head office before the database knew it was
		# written: the rerun must not give its number to other changes
		cp "out/$name" "renamed-genuine.kzb"
		t sync import out/kizuna-BJS-*.kzb
		expect_rc 0 "head office takes the bundle of the kill at $step" ;;
	esac
	case $step in half|part) [ -e "out/$name.part" ] && ok || bad "no .part after a kill at $step" ;; esac
	# the next change waits for the next bundle, not this one
	[ "$step" = made ] && request "after a kill, made"
	(cd out && "$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync export >"$T/.out" 2>"$T/.err")
	rc=$? out=$(cat "$T/.out") err=$(cat "$T/.err")
	expect_rc 0 "the export after the kill at $step"
	case $step in
	written) expect_in "$err" "nothing to export" "nothing is left after a kill at $step" ;;
	gathered) expect_in "$out" "bundle $n of BJS" "the number was not used: $step" ;;
	*) expect_in "$out" "bundle $n of BJS" "the same bundle is finished: $step"
	   expect_in "$err" "made before but not written" "said so: $step" ;;
	esac
	[ "$step" = renamed ] && { cmp -s "out/$name" renamed-genuine.kzb && ok || bad "a rerun wrote other bytes under number $n"; }
	if [ "$step" = made ]; then
		(cd out && "$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync export >/dev/null 2>&1)
		n=$((n + 1))
	fi
done
expect_eq "$(ls out | grep -c '\.part$')" 0 "no .part file is left"
expect_eq "$(ls out | grep -c '\.kzb$')" "$n" "one file per bundle"
b sync status --format json
expect_in "$out" "\"exported\": $n, \"made\": $n, \"unwritten\": 0" "every bundle made was written"

# --again: a lost file is written again, byte for byte
cp out/kizuna-BJS-000002.kzb saved.kzb
rm out/kizuna-BJS-000002.kzb
(cd out && "$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync export --again 2 >"$T/.out" 2>"$T/.err")
rc=$? out=$(cat "$T/.out") err=$(cat "$T/.err")
expect_rc 0 "export --again 2"
expect_in "$out" "kizuna-BJS-000002.kzb: bundle 2 of BJS" "--again names the file and number"
cmp -s out/kizuna-BJS-000002.kzb saved.kzb && ok || bad "--again wrote other bytes"
b sync export --again 99 -o x.kzb
expect_rc 1 "--again of a bundle never made"
expect_in "$err" "no bundle 99 was made" "the missing number is said"
b sync export --again two -o x.kzb
expect_rc 1 "--again needs a number"

# head office takes them all, in order: every change once
t sync import out/kizuna-BJS-*.kzb
expect_rc 0 "head office takes every bundle"
# a request (its row, its field, its first event and its line of
# history): one record
expect_in "$out" "bundle $n from BJS: 1 record (request 1) changed here, 0 records already here, 0 records kept aside" \
	"the last one applied whole: one request"
t request list --format csv
for step in $steps; do
	expect_eq "$(printf '%s\n' "$out" | grep -c "kill at $step")" 1 "the request of the kill at $step arrived once"
done
expect_eq "$(printf '%s\n' "$out" | grep -c "after a kill, made")" 1 "the change after a kill arrived once"
b request list --format csv
expect_eq "$(printf '%s\n' "$out" | grep -c kill)" 7 "and Beijing has the same"

# a full disk: a tiny tmpfs, filled, if one can be had (root in a
# container); a .part that is a link to /dev/full is no longer followed
request "the disk is full"
F=$T/full
mkdir -p "$F"
if mount -t tmpfs -o size=64k tmpfs "$F" 2>/dev/null; then
	dd if=/dev/zero of="$F/filler" bs=4k 2>/dev/null
	b sync export -o "$F/full.kzb"
	expect_rc 1 "an export onto a full disk"
	expect_in "$err" "full.kzb: cannot write the bundle: No space left on device" "the full disk is said, naming the file"
	[ -e "$F/full.kzb" ] || [ -e "$F/full.kzb.part" ] && bad "a full disk left a file" || ok
	expect_eq "$(ls -A "$F" | grep -v '^filler$')" "" "nor a scratch file beside it"
	# the payload is made beside the bundle first: the disk is found full
	# before the bundle is made, and its changes wait for the next export
	b sync status
	expect_not_in "$out" "made but not written" "no bundle made"
	expect_in "$out" "waiting for the next export: " "the changes wait"
	rm -f "$F/filler"
	b sync export -o "$F/full.kzb"
	expect_rc 0 "written once there is room"
	t sync import "$F/full.kzb"
	expect_rc 0 "and head office takes it"
	umount "$F"
else
	skip "no tmpfs can be mounted here: the full-disk check"
	b sync export -o full.kzb
fi

# a file-size limit: reported (EFBIG), not a silent death by SIGXFSZ
"$KZ" -c "$C/beijing.yaml" -d "$T/big.db" --demo sync export --all -o big.kzb >/dev/null 2>&1
sh -c "ulimit -f 100; exec '$KZ' -c '$C/beijing.yaml' -d '$T/big.db' sync export --again 1 -o big2.kzb" >/dev/null 2>"$T/.err"
rc=$? err=$(cat "$T/.err")
expect_rc 1 "a bundle beyond the file-size limit"
expect_in "$err" "big2.kzb: cannot write the bundle: File too large" "the limit is said, naming the file"
[ -e big2.kzb ] || [ -e big2.kzb.part ] && bad "the limit left a file" || ok

# killed once its scratch file is made (KIZUNA_TEST_KILL_AT=scratch):
# nothing of it stays (O_TMPFILE). Where the file system has no O_TMPFILE
# (KIZUNA_TEST_NO_TMPFILE), such a kill leaves an empty file for the
# moment between making and unlinking it, which the next export removes,
# and nothing else
scratch_kill() {	# scratch_kill WHAT [ENV...]: an export killed there
	what=$1; shift
	{ (cd scr && env "$@" KIZUNA_TEST_KILL_AT=scratch "$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync export >/dev/null 2>&1); } 2>/dev/null
	expect_eq "$?" 137 "the export is killed once its scratch file is made: $what"
}
left() { ls -A scr | grep -c '^\.kizuna-bundle-'; }
mkdir scr
request "killed at its scratch file"
scratch_kill "O_TMPFILE"
expect_eq "$(ls -A scr)" "" "a kill leaves nothing of the scratch file"
scratch_kill "without O_TMPFILE" KIZUNA_TEST_NO_TMPFILE=1
expect_eq "$(left)" 1 "without O_TMPFILE, a kill then leaves an empty file"
# what is not such a leftover stays: not empty, another name, a link
printf x > scr/.kizuna-bundle-full01
: > scr/.kizuna-bundle-longer1
: > scr/.kizuna-import.abcdef
ln -s /dev/null scr/.kizuna-bundle-link01
(cd scr && KIZUNA_TEST_NO_TMPFILE=1 "$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync export >"$T/.out" 2>"$T/.err")
rc=$? out=$(cat "$T/.out") err=$(cat "$T/.err")
expect_rc 0 "the export after the kill, without O_TMPFILE"
expect_eq "$(ls -A scr | grep -v '\.kzb$' | tr '\n' ' ')" ".kizuna-bundle-full01 .kizuna-bundle-link01 .kizuna-bundle-longer1 .kizuna-import.abcdef " "the leftover is removed, nothing else"
expect_eq "$(ls scr | grep -c '\.kzb$')" 1 "the bundle is written"
rm -f scr/.kizuna-*
request "killed at its scratch file again"
scratch_kill "without O_TMPFILE, again" KIZUNA_TEST_NO_TMPFILE=1
(cd scr && "$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync export >/dev/null 2>&1)
expect_eq "$?" 0 "an export with O_TMPFILE after it"
expect_eq "$(left)" 0 "removes the leftover too"
# the same for an import's scratch file, beside the database
imports() { ls -A "$T" | grep -c '^\.kizuna-import-'; }
for e in "" KIZUNA_TEST_NO_TMPFILE=1; do
	{ env $e KIZUNA_TEST_KILL_AT=scratch "$KZ" -c "$C/tokyo.yaml" -d "$T/tyo.db" sync import out/kizuna-BJS-000001.kzb >/dev/null 2>&1; } 2>/dev/null
	expect_eq "$?" 137 "an import is killed once its scratch file is made: ${e:-O_TMPFILE}"
	case $e in
	*NO_*) expect_eq "$(imports)" 1 "without O_TMPFILE, it leaves an empty file" ;;
	*) expect_eq "$(imports)" 0 "it leaves nothing" ;;
	esac
done
t sync import out/kizuna-BJS-000001.kzb
expect_in "$out" "applied before" "the next import"
expect_eq "$(imports)" 0 "removes the leftover"
finish
