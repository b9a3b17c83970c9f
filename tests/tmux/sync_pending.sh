# sync_pending.sh - the title counts the records waiting to be sent, as
# the sync tab and the export do (one edit is one record, not its rows); x
# exports them into a bundle; i with a bad file says why and changes nothing,
# with a bundle says what it changed as records by kind.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1

seed
ID=$(dbid)
title() { tm_screen | head -n 1; }

tm_start "$KZ -c $C/beijing.yaml -d $BJDB"
tm_expect "Kenichi Sato" "the specialists"
expect_not_in "$(title)" "to send" "nothing waits after an import"

# an edit on the specialists tab: the change and its line of history wait
tm_keys e
tm_expect "Edit specialist $X" "the form"
tm_keys Tab Tab Tab C-u
tm_type "北京的想法"
tm_keys F2
tm_expect "Saved 佐藤健一" "saved"
tm_expect "1 record to send" "the title counts the records waiting"

tm_sync "$ID"
expect_eq "$?" 0 "the sync tab"
tm_expect "1 record waiting to be sent" "the sync tab counts them too"

# Esc leaves the file name question without writing anything
tm_keys x
tm_expect "Export to: kizuna-BJS-000001.kzb" "x offers the command line's file name"
tm_keys Escape
tm_expect "Nothing changed." "Esc cancels"
[ -e kizuna-BJS-000001.kzb ] && bad "Esc wrote a bundle" || ok

tm_keys x
tm_expect "Export to: kizuna-BJS-000001.kzb" "x again"
tm_keys Enter
tm_expect "Bundle 1 written to kizuna-BJS-000001.kzb: 1 record," "the result on the status line, the same count"
tm_expect "Last bundle sent: 1" "the state says so"
tm_expect "0 records waiting to be sent" "nothing waits after the export"
expect_not_in "$(title)" "to send" "the title count is gone"
[ -s kizuna-BJS-000001.kzb ] && ok || bad "no bundle written"
t sync import kizuna-BJS-000001.kzb
expect_rc 0 "head office takes the bundle"
expect_in "$out" "bundle 1 from BJS" "it is Beijing's bundle 1"
expect_in "$out" "1 record (specialist 1) kept aside" "an office's edit of the register is kept aside at head office"

# nothing more to export: said without a question
tm_keys x
tm_expect "Nothing to export" "x with nothing waiting"

# a file that is no bundle: the error on the status line, nothing changed
b sync status --format json
before=$out
printf 'PK\003\004 not a bundle\n' > bad.kzb
tm_keys i
tm_expect "Import bundle:" "i asks for the file"
tm_type bad.kzb
tm_keys Enter
tm_expect "bad.kzb: not a kizuna bundle (nothing was applied)" "the error on the status line"
b sync status --format json
expect_eq "$out" "$before" "a refused bundle changed nothing"
# a bundle cut short, and one that is missing
head -c 200 "$T/t1.kzb" > cut.kzb
tm_keys i
tm_type cut.kzb
tm_keys Enter
tm_expect "cut.kzb: the bundle" "a cut bundle is refused"
tm_keys i
tm_type missing.kzb
tm_keys Enter
tm_expect "missing.kzb: No such file" "a missing file"
b sync status --format json
expect_eq "$out" "$before" "still nothing changed"
# a bundle applied before
tm_keys i
tm_type "$T/t1.kzb"
tm_keys Enter
tm_expect "Bundle 1 from TYO was applied before: nothing changed." "a repeat"

# a new bundle: what it did, as records by kind (a specialist with two
# fields and two languages is one), not rows
KIZUNA_NOW=2026-11-04T09:00:00Z t specialist add --name 田中裕子 \
	--roman "Yuko Tanaka" --government 宮城県 \
	--fields "education; tourism" --langs "en:fluent, zh:basic"
t sync export -o "$T/t2.kzb"
tm_keys i
tm_type "$T/t2.kzb"
tm_keys Enter
tm_expect "Bundle 2 from TYO: 1 record (specialist 1) changed here," \
	"the import's report: one specialist"
expect_not_in "$(tm_screen)" "applied," "no rows counted"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "sync_pending"
finish
