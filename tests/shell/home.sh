# home.sh - a database knows its office: another office's configuration is
# refused, sync rehome moves it on purpose, a copied file gets its own
# bundle stream; init and the first run choose a sample office; ids keep
# their owner (CSV imports, the demo).
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
s() { run -c "$C/singapore.yaml" -d "$T/bj.db" "$@"; }
export KIZUNA_NOW=2026-11-01T09:00:00Z

# ---- the office is fixed when the database is made ----
b specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 --fields agriculture
expect_rc 0 "Beijing makes its database"
X=$out
expect_eq "$(sqlite3 bj.db "SELECT organisation || '/' || office || '/' || role || '/' || event FROM sync_home")" \
	"CLAIR/BJS/office/made" "the home is recorded when the database is made"
s specialist list
expect_rc 1 "Singapore's configuration is refused"
expect_in "$err" "belongs to office BJS" "the refusal names the database's office"
expect_in "$err" "is for office SIN" "and the configuration's"
expect_in "$err" "sync rehome SIN --yes" "and what to do"
expect_eq "$(sqlite3 bj.db "SELECT count(*) FROM sync_home")" 1 "a refused open writes nothing"
run -c "$C/tokyo.yaml" -d "$T/bj.db" sync export -o t.kzb
expect_rc 1 "head office's configuration is refused: no export under another office"
[ -e t.kzb ] && bad "an export was written under another office" || ok
sed 's/^\(  *\)role: .*/\1role: head/' "$C/beijing.yaml" > "$C/bj-head.yaml"
run -c "$C/bj-head.yaml" -d "$T/bj.db" specialist list
expect_rc 1 "the same office in another role is refused"
expect_in "$err" "(head, organisation" "the roles are named"
printf 'organisation: OTHER\n' | cat "$C/beijing.yaml" - > "$C/bj-other.yaml"
run -c "$C/bj-other.yaml" -d "$T/bj.db" specialist list
expect_rc 1 "another organisation is refused"
# the same office with another language is the same office
sed 's/^\(  *\)language: .*/\1language: ja/' "$C/beijing.yaml" > "$C/bj-ja.yaml"
run -c "$C/bj-ja.yaml" -d "$T/bj.db" specialist list
expect_rc 0 "the office's configuration in another language opens it"

# ---- re-homing: deliberate, recorded ----
s sync rehome SIN
expect_rc 1 "rehome without --yes in a script"
expect_in "$err" "without --yes" "says why"
s sync rehome TYO --yes
expect_rc 1 "rehome to another office than the configuration's"
expect_in "$err" "is for office SIN, not TYO" "names both"
s sync rehome SIN --yes
expect_rc 1 "rehome while changes wait"
expect_in "$err" "wait for export under office BJS" "says to export first"
b sync export -o b1.kzb
expect_rc 0 "Beijing exports what waits"
old=$(sqlite3 bj.db "SELECT value FROM sync_meta WHERE key = 'db'")
oldkey=$(sqlite3 bj.db "SELECT value FROM sync_meta WHERE key = 'key'")
s sync rehome SIN --yes
expect_rc 0 "rehome SIN"
expect_in "$out" "moved from office BJS to office SIN" "the move is said"
expect_in "$out" "signs with a new key" "and that it signs with a new key"
newkey=$(sqlite3 bj.db "SELECT value FROM sync_meta WHERE key = 'key'")
[ -n "$newkey" ] && [ "$newkey" != "$oldkey" ] && ok || bad "rehome kept the old office's key"
expect_eq "$(sqlite3 bj.db "SELECT count(*) FROM sync_key WHERE key = '$oldkey' AND revoked IS NOT NULL")" 1 "the old office's key is revoked here"
expect_eq "$(stat -c %a bj.db.key)" 600 "the new private key is 0600"
new=$(sqlite3 bj.db "SELECT value FROM sync_meta WHERE key = 'db'")
[ "$new" != "$old" ] && ok || bad "rehome kept the database id"
expect_eq "$(sqlite3 bj.db "SELECT office || '/' || event || '/' || db FROM sync_home ORDER BY n DESC LIMIT 1")" \
	"SIN/rehome/$new" "the move is recorded"
expect_eq "$(sqlite3 bj.db "SELECT value FROM sync_meta WHERE key = 'exported'")" 0 "a new bundle sequence"
s specialist list
expect_rc 0 "Singapore opens it now"
b specialist list
expect_rc 1 "and Beijing's configuration is refused"
s sync rehome SIN --yes
expect_rc 1 "rehome to the office it has"

# ---- a copied file gets its own bundle stream ----
b2() { run -c "$C/beijing.yaml" -d "$T/$1" "$@"; }
run -c "$C/beijing.yaml" -d "$T/orig.db" specialist add --name 田中裕子 --roman "Yuko Tanaka" --government 宮城県 --fields education
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/orig.db"
run -c "$C/beijing.yaml" -d "$T/orig.db" sync export -o o1.kzb
expect_in "$out" "bundle 1 of BJS" "the original's bundle 1"
cp orig.db copy.db
run -c "$C/beijing.yaml" -d "$T/copy.db" specialist add --name 山田太郎 --roman "Taro Yamada" --government 島根県 --fields health
expect_rc 0 "the copy opens"
expect_in "$err" "copy.db is a copy of another database file" "the copy is told"
expect_in "$err" "bundles start again at 1" "and what it means"
run -c "$C/beijing.yaml" -d "$T/copy.db" specialist list
expect_not_in "$err" "is a copy" "said once"
o=$(sqlite3 orig.db "SELECT value FROM sync_meta WHERE key = 'db'")
c=$(sqlite3 copy.db "SELECT value FROM sync_meta WHERE key = 'db'")
[ -n "$c" ] && [ "$c" != "$o" ] && ok || bad "the copy has the original's database id ($c)"
run -c "$C/beijing.yaml" -d "$T/orig.db" specialist add --name 鈴木明 --roman "Akira Suzuki" --government 福岡県 --fields health
expect_not_in "$err" "is a copy" "the original is not a copy"
run -c "$C/beijing.yaml" -d "$T/orig.db" sync export -o o2.kzb
run -c "$C/beijing.yaml" -d "$T/copy.db" sync export -o c1.kzb
expect_rc 0 "the copy exports"
expect_in "$out" "bundle 1 of BJS" "its own bundle 1"
# a copy signs with a key of its own, which head office enrols too
ok_=$(enrol_line "$C/beijing.yaml" "$T/orig.db") cp_=$(enrol_line "$C/beijing.yaml" "$T/copy.db")
[ -n "$cp_" ] && [ "$cp_" != "$ok_" ] && ok || bad "the copy signs with the original's key"
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/orig.db" "$C/beijing.yaml" "$T/copy.db"
# head office takes both streams: nothing collides
run -c "$C/tokyo.yaml" -d "$T/tyo.db" sync import o1.kzb o2.kzb c1.kzb
expect_rc 0 "head office takes the original's and the copy's bundles"
expect_not_in "$err" "different contents" "no collision"
run -c "$C/tokyo.yaml" -d "$T/tyo.db" specialist list --format csv
expect_in "$out" "Akira Suzuki" "the original's change arrived"
expect_in "$out" "Taro Yamada" "the copy's change arrived"
# a file moved (same inode) is no copy
mv orig.db moved.db; mv orig.db-wal moved.db-wal 2>/dev/null; mv orig.db-shm moved.db-shm 2>/dev/null
run -c "$C/beijing.yaml" -d "$T/moved.db" specialist list
expect_not_in "$err" "is a copy" "a renamed file is no copy"

# ---- ids keep their owner: CSV ----
run -c "$C/beijing.yaml" -d "$T/orig2.db" specialist add --name 高橋誠 --roman "Makoto Takahashi" --government 岩手県 --fields agriculture
bid=$out
run -c "$C/beijing.yaml" -d "$T/orig2.db" export specialists -o bj.csv
run -c "$C/singapore.yaml" -d "$T/sin.db" import specialists bj.csv
expect_rc 0 "Singapore imports Beijing's file"
expect_in "$err" "renumbered: $bid is another office's id; registered here as SIN-" "the new id is said"
expect_in "$err" "1 of them came with another office's id" "and counted"
run -c "$C/singapore.yaml" -d "$T/sin.db" specialist list --format csv
expect_not_in "$out" "$bid" "Beijing's id is not kept"
case "$out" in *SIN-*"Makoto Takahashi"*) ok ;; *) bad "no SIN- id for the imported row: $out" ;; esac
run -c "$C/singapore.yaml" -d "$T/sin.db" import specialists bj.csv
expect_in "$err" "0 imported, 1 skipped" "a second import adds nothing"
run -c "$C/beijing.yaml" -d "$T/orig3.db" import specialists bj.csv
expect_rc 0 "Beijing imports its own file into a new database"
expect_not_in "$err" "renumbered" "its own ids are kept"
run -c "$C/beijing.yaml" -d "$T/orig3.db" specialist show "$bid"
expect_rc 0 "under the same id"

# ---- ids keep their owner: the demo, a database per office ----
ids() { sqlite3 "$1" "SELECT '$2:' || group_concat(DISTINCT substr(id, 1, 4)) FROM $2"; }
run -c "$C/singapore.yaml" -d "$T/demo-sin.db" demo
expect_rc 0 "Singapore's demo"
expect_eq "$(ids demo-sin.db seminar_series)" "seminar_series:SIN-" "Singapore's demo: its own series only"
expect_eq "$(ids demo-sin.db request)" "request:SIN-" "Singapore's demo: its own requests only"
expect_eq "$(sqlite3 demo-sin.db "SELECT count(*) FROM seminar_series WHERE code = 'cj-seminar'")" 0 "no Beijing series in Singapore's demo"
run -c "$C/beijing.yaml" -d "$T/demo-bj.db" demo
expect_rc 0 "Beijing's demo"
expect_eq "$(sqlite3 demo-bj.db "SELECT substr(id, 1, 4) || office FROM seminar_series WHERE code = 'cj-seminar'")" "BJS-BJS" "the Beijing series keeps BJS- in Beijing's demo"
expect_eq "$(ids demo-bj.db request)" "request:BJS-" "Beijing's demo: its own requests"
run -c "$C/tokyo.yaml" -d "$T/demo-tyo.db" demo
expect_rc 0 "head office's demo"
expect_eq "$(sqlite3 demo-tyo.db "SELECT group_concat(substr(id, 1, 4) || office, ' ') FROM (SELECT id, office FROM seminar_series ORDER BY code)")" \
	"BJS-BJS BJS-BJS SIN-SIN" "head office's demo: every office's series, with the owners' ids"
expect_eq "$(sqlite3 demo-tyo.db "SELECT count(*) FROM request WHERE substr(id, 1, 3) <> office")" 0 "no request carries another office's prefix"
# --demo opens the office's own demo database: no refusal between offices
run -c "$C/singapore.yaml" --demo stats fields --format csv
expect_rc 0 "Singapore --demo"
run -c "$C/beijing.yaml" --demo stats fields --format csv
expect_rc 0 "Beijing --demo after Singapore's"
[ -f "$XDG_DATA_HOME/kizuna/demo-SIN.db" ] && [ -f "$XDG_DATA_HOME/kizuna/demo-BJS.db" ] && ok || bad "no demo database per office"

# ---- init and the first run ----
export XDG_CONFIG_HOME=$T/fresh
run specialist list
expect_rc 1 "a first run in a script refuses"
expect_in "$err" "kizuna init --office OFFICE" "and says how to choose"
expect_in "$err" "SIN  Singapore office" "listing the sample offices"
[ -e "$XDG_CONFIG_HOME/kizuna/config.yaml" ] && bad "a configuration was written without a choice" || ok
[ -e "$XDG_DATA_HOME/kizuna/kizuna.db" ] && bad "a database was made without an office" || ok
run init --office XYZ
expect_rc 2 "an unknown sample office"
expect_in "$err" "no sample office \"XYZ\"" "is named"
run init --office singapore
expect_rc 0 "init --office singapore"
expect_in "$out" "the configuration of office SIN" "init says what it wrote"
cmp -s "$XDG_CONFIG_HOME/kizuna/config.yaml" "$KZ_TESTS/../config/singapore.yaml" && ok || bad "init did not write the sample"
run init --office TYO
expect_rc 1 "init never overwrites"
run init
expect_rc 2 "init without --office"
expect_in "$err" "config.yaml exists already" "says the configuration is there"
expect_not_in "$err" "no configuration" "not that there is none"
expect_in "$err" "exists already" "says so"
run -c "$T/own.yaml" init --office BJS
expect_rc 0 "init -c FILE"
grep -q "id: BJS" "$T/own.yaml" && ok || bad "init -c wrote no Beijing configuration"
run -c "$T/seoul.yaml" init --office sel
expect_rc 0 "init --office sel, in any case"
cmp -s "$T/seoul.yaml" "$KZ_TESTS/../config/seoul.yaml" && ok || bad "init did not write Seoul's sample"
run specialist list
expect_rc 0 "after init kizuna starts"
expect_eq "$(sqlite3 "$XDG_DATA_HOME/kizuna/kizuna.db" "SELECT office FROM sync_home")" SIN "as the office chosen"
finish
