# private_files.sh - what an export writes on the way (a bundle's .part, an
# export's temporary file) is its own file, readable by its owner alone,
# never a file someone else left there, and it does not outlive a kill.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
b() { run_as "$C/beijing.yaml" "$@"; }
enrol "$C/tokyo.yaml" "$(office_db "$C/tokyo.yaml")" \
	"$C/beijing.yaml" "$(office_db "$C/beijing.yaml")"

b specialist add --name "王 芳" --roman "Wang Fang" --government 福州市 \
	--email wang@example.cn --phone "+86 591 1234"
expect_rc 0 "a specialist with contact details"

# a bundle killed half written leaves its .part readable by its owner only
{ KIZUNA_TEST_KILL_AT=half "$KZ" -c "$C/beijing.yaml" -d "$(office_db "$C/beijing.yaml")" \
	sync export -o b1.kzb >/dev/null 2>&1; } 2>/dev/null
expect_eq "$(stat -c %a b1.kzb.part 2>&1)" 600 "a .part left by a kill is 0600"
b sync export -o b1.kzb
expect_rc 0 "the export again"
[ ! -e b1.kzb.part ] && ok || bad "the next export leaves no .part"
expect_eq "$(stat -c %a b1.kzb)" 600 "the bundle is 0600"

# a .part someone else put there, readable by all or a link elsewhere,
# never receives the bundle
b specialist list --format csv
id=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)
b specialist edit "$id" --notes "second bundle"
expect_rc 0 "a change for a second bundle"
ln -s "$T/victim" b2.kzb.part
b sync export -o b2.kzb
expect_rc 0 "export over a link named .part"
[ ! -e victim ] && ok || bad "the link's target got the bundle"
expect_eq "$(stat -c %a b2.kzb)" 600 "the bundle is its own file, 0600"
b specialist edit "$id" --notes "third bundle"
printf 'junk' > b3.kzb.part; chmod 644 b3.kzb.part
b sync export -o b3.kzb
expect_rc 0 "export over a .part readable by all"
expect_eq "$(stat -c %a b3.kzb)" 600 "made anew, 0600"

# an export's temporary file left by a kill goes with the next write of
# the same file; another file's stays
printf 'old' > e.csv.tmp-AbC123; chmod 644 e.csv.tmp-AbC123
printf 'other' > e.csv.tmp-AbC1234
printf 'other' > f.csv.tmp-AbC123
b export specialists --contacts -o e.csv
expect_rc 0 "export specialists"
[ ! -e e.csv.tmp-AbC123 ] && ok || bad "the leftover temporary file is removed"
[ -e e.csv.tmp-AbC1234 ] && [ -e f.csv.tmp-AbC123 ] && ok || bad "other files are left alone"
expect_eq "$(stat -c %a e.csv)" 600 "the export is 0600"

# personal data travels to head office only: head office's bundles, which
# every office reads, carry none
t() { run_as "$C/tokyo.yaml" "$@"; }
t specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--email sato@example.jp --phone "+81 852 22 5111" --address "松江市殿町1"
expect_rc 0 "head office registers a specialist with contact details"
sato=$out
b series add --code bj-s --name "Beijing seminar"
b seminar add --series bj-s --year 2026 --start 2026-12-01 --end 2026-12-03 --country CN
b participant add bj-s/2026 --name 王芳 --country CN --needs halal --notes "arrives late" \
	--email wang@example.cn --organisation "福州市"
expect_rc 0 "Beijing adds a participant with personal data"
part=$out
b sync export -o p1.kzb
t sync import b1.kzb b2.kzb b3.kzb p1.kzb
expect_rc 0 "head office takes Beijing's bundle"
t participant list bj-s/2026 --contacts --format json
expect_in "$out" "halal" "head office has the participant's needs"
expect_in "$out" "wang@example.cn" "and e-mail"
t participant edit "$part" --needs vegan
expect_rc 1 "head office cannot change an office's participant's personal data"
expect_in "$err" "needs:" "the field is named"
expect_in "$err" "theirs to change" "and why"
t participant edit "$part" --organisation "福州市人民政府"
expect_rc 0 "other fields head office may change"
t specialist edit "$sato" --email k.sato@example.jp
expect_rc 0 "head office changes its own specialist's e-mail"
t sync export -o t1.kzb
expect_rc 0 "head office exports"
b sync import t1.kzb
expect_rc 0 "Beijing takes it"
b specialist show --format json "$sato"
expect_in "$out" "Ken'ichi Sato" "the specialist arrived"
expect_not_in "$out" "example.jp" "without the e-mail"
expect_not_in "$out" "852 22" "or the phone"
expect_not_in "$out" "松江市殿町" "or the address"
b participant list bj-s/2026 --contacts --format json
expect_not_in "$out" "福州市人民政府" "head office's change to Beijing's participant waits for Beijing"
expect_in "$out" "halal" "Beijing keeps its own participant's needs"
expect_in "$out" "wang@example.cn" "and e-mail"
b sync conflicts
expect_in "$out" "福州市人民政府" "kept aside, for Beijing to settle"
# the history travels to every office too: it says the contact details
# changed, never to what (the bundle is sealed and compressed, so its
# bytes say nothing either way; the office's database does)
b history "$sato" --format csv
expect_rc 0 "Beijing reads the specialist's history"
expect_in "$out" "email" "that the e-mail changed"
expect_not_in "$out" "example.jp" "but not the e-mail"
expect_not_in "$out" "852 22" "nor the phone"
expect_not_in "$out" "松江市殿町" "nor the address"
expect_not_in "$out" "sort_key" "nor a column core makes"
expect_eq "$(sqlite3 "$(office_db "$C/beijing.yaml")" "SELECT count(*) FROM record_history WHERE changes LIKE '%example%' OR changes LIKE '%殿町%'")" 0 "nowhere in Beijing's database"
t history "$sato" --format csv
expect_not_in "$out" "example.jp" "head office keeps no values either: the history is the same everywhere"
finish
