# sync_forge.sh - bundles forged as an attacker could before bundles were
# signed (header or changeset edited, payload length, counts and SHA-256
# recomputed): each is refused whole, never applied, never a crash or a
# hang. Then an office that forges with its own key: a genuine bundle
# whose changes kizuna would not write (KIZUNA_TEST_CHANGES) is refused
# or kept aside by what its changes touch and whose they are. Damaged
# changes behind a good signature: test_sync.c and the fuzz_changes
# harness.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
FORGE="python3 $FIX/sync/forge.py"

t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
s() { run -c "$C/singapore.yaml" -d "$T/sin.db" "$@"; }
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db" "$C/singapore.yaml" "$T/sin.db"
# refused: nothing applied, the reason given
refused() { expect_rc 1 "$1"; expect_in "$err" "nothing was applied" "$1: nothing applied"; }
# head office's database put back as it was before each attack
save() { cp "$T/tyo.db" "$T/tyo.saved"; cp "$T/sin.db" "$T/sin.saved"; }
restore() { cp "$T/tyo.saved" "$T/tyo.db"; cp "$T/sin.saved" "$T/sin.db"; }
q() { sqlite3 "$T/$1.db" "$2"; }
export KIZUNA_NOW=2026-11-01T09:00:00Z

t specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 --fields agriculture
X=$out
t sync export -o t1.kzb
b sync import t1.kzb
s sync import t1.kzb
b request add --country CN --province 河南省 --fields agriculture --topic vegetables \
	--from 2027-03-01 --to 2027-03-10 --language zh
R=$out
# the request's changes as Beijing recorded them, to forge from
sqlite3 "$T/bj.db" "SELECT writefile('$T/req.cs', data) FROM sync_outbox ORDER BY n DESC LIMIT 1" >/dev/null
b specialist edit "$X" --post "北京的想法"
b sync export -o b1.kzb
expect_rc 0 "Beijing's bundle"
BJDB=$(grep -a '^db: ' b1.kzb | cut -c5-)
save

# an office's bundle relabelled as head office's
$FORGE b1.kzb head.kzb header role head
t sync import head.kzb
refused "relabelled role: head refused at head office"
expect_eq "$(q tyo "SELECT post FROM specialist")" "" "the register unchanged at head office"
s sync import head.kzb
expect_rc 1 "relabelled role: head refused at another office"
expect_eq "$(q sin "SELECT count(*) FROM request")" 0 "Singapore took nothing of it"
# and passing for head office itself, from a database head office never was
$FORGE head.kzb head2.kzb header office TYO
t sync import head2.kzb
expect_rc 1 "head office's code from an unknown database refused"
expect_eq "$(q tyo "SELECT post FROM specialist")" "" "the register still unchanged"
# an office's genuine bundle goes to head office only
s sync import b1.kzb
expect_rc 1 "an office's bundle refused at another office"
# under the receiving office's own code
$FORGE b1.kzb own.kzb header office SIN
s sync import own.kzb
expect_rc 1 "a bundle under this office's own code refused"
restore

# rows for the sync bookkeeping: a skip of every bundle up to 1,000,000,
# another database id, a change to forward
$FORGE - applied.cs insert sync_applied 1100000 "t:$BJDB" i:1000000 t:BJS t:x \
	t:2026-11-01T09:00:00Z i:0 i:0
$FORGE b1.kzb applied.kzb add applied.cs
t sync import applied.kzb
expect_rc 1 "a row for sync_applied refused"
expect_eq "$(q tyo "SELECT count(*) FROM sync_applied")" 0 "sync_applied unchanged"
$FORGE - applied2.cs insert Sync_Applied 1100000 "t:$BJDB" i:1000000 t:BJS t:x \
	t:2026-11-01T09:00:00Z i:0 i:0
$FORGE b1.kzb applied2.kzb add applied2.cs
t sync import applied2.kzb
expect_rc 1 "a row for Sync_Applied (another case) refused"
expect_eq "$(q tyo "SELECT count(*) FROM sync_applied")" 0 "sync_applied still unchanged"
$FORGE - meta.cs insert sync_meta 10 t:db t:0000000000000000
$FORGE b1.kzb meta.kzb add meta.cs
t sync import meta.kzb
expect_rc 1 "a row for sync_meta refused"
$FORGE - outbox.cs insert sync_outbox 1000 i:99 t:2026-11-01T09:00:00Z i:1 t:x
$FORGE b1.kzb outbox.kzb add outbox.cs
t sync import outbox.kzb
expect_rc 1 "a row for sync_outbox refused"
expect_eq "$(q tyo "SELECT count(*) FROM sync_outbox")" 0 "nothing to forward"

# an office inserts records under another office's code (the request,
# its fields and its events)
OTHER=SIN${R#BJS}
$FORGE b1.kzb other.kzb id BJS- SIN-
t sync import other.kzb
refused "the bundle with another office's records"
expect_eq "$(q tyo "SELECT count(*) FROM request")" 0 "the record under SIN's code is not added"
expect_eq "$(q tyo "SELECT count(*) FROM request_field")" 0 "nor its rows"
restore

# one changed byte: an undefined value where the insert needs one
$FORGE b1.kzb null.kzb byte 10 0
t sync import null.kzb
expect_rc 1 "an undefined value refused"
# every 23rd byte of the file set to 0 and to 200: refused, never a
# crash or a hang
n=$(wc -c < b1.kzb)
i=0 bad=0
while [ "$i" -lt "$n" ]; do
	for v in 0 200; do
		python3 -c "import sys; d = bytearray(open('b1.kzb', 'rb').read()); d[$i] = $v; open('f.kzb', 'wb').write(d)"
		cp "$T/tyo.saved" "$T/f.db"
		timeout 60 "$KZ" -c "$C/tokyo.yaml" -d "$T/f.db" sync import f.kzb >/dev/null 2>"$T/f.err"
		r=$?
		if [ "$r" -gt 1 ] || grep -q Sanitizer "$T/f.err"; then
			bad=$((bad + 1)); echo "byte $i = $v: status $r"
		fi
	done
	i=$((i + 23))
done
expect_eq "$bad" 0 "changed bytes: no crash, no hang"

# the genuine bundle after all that
t sync import b1.kzb
expect_rc 0 "the genuine bundle goes through"
expect_in "$out" "1 record (specialist 1) kept aside" \
	"Beijing's edit of the register kept aside"
expect_eq "$(q tyo "SELECT id FROM request")" "$R" "Beijing's request arrived"

# an office that forges with its own key: a genuine bundle (signed by
# Beijing, sealed to head office) whose changes kizuna would not write
# (KIZUNA_TEST_CHANGES: the bundle carries that file as its changes)
forged() {	# forged OUT CHANGESET: Beijing's next bundle, carrying it
	b request edit "$R" --notes "something to send: $1"
	KIZUNA_TEST_CHANGES=$2 "$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" \
		sync export -o "$1" >/dev/null 2>&1 || bad "forged: no $1"
}
restore
$FORGE req.cs other.cs id BJS- SIN-
forged signed-other.kzb other.cs
t sync import b1.kzb signed-other.kzb
expect_rc 0 "signed: another office's records go through, kept aside"
expect_eq "$(q tyo "SELECT count(*) FROM request WHERE id LIKE 'SIN-%'")" 0 "the record under SIN's code is not added"
t sync conflicts
expect_in "$out" "SIN-" "it is kept aside"
expect_in "$out" "BJS" "naming the office"
restore
# a record of the register with its rows, added by an office: all kept
# aside; a row cannot be taken before its record, which takes its rows
run -c "$C/tokyo.yaml" -d "$T/other.db" specialist add --name 山田花子 \
	--roman "Hanako Yamada" --government 広島県 --fields agriculture --langs zh:business
Y=$out
sqlite3 "$T/other.db" "SELECT writefile('$T/spec.cs', data) FROM sync_outbox ORDER BY n DESC LIMIT 1" >/dev/null
forged signed-spec.kzb spec.cs
t sync import b1.kzb signed-other.kzb
t sync import signed-spec.kzb
expect_rc 0 "signed: a register record from an office is kept aside"
expect_in "$out" "1 record (specialist 1) kept aside" \
	"the record, its two rows and its line of history: one specialist"
expect_eq "$(q tyo "SELECT count(*) FROM specialist WHERE id = '$Y'")" 0 "not added"
t sync conflicts --format json
first=$(printf '%s\n' "$out" | python3 -c 'import json,sys; print(min(c["n"] for c in json.load(sys.stdin) if c["table"] == "specialist" and c["op"] == "insert"))')
row=$(printf '%s\n' "$out" | python3 -c 'import json,sys; print(min(c["n"] for c in json.load(sys.stdin) if c["table"] == "specialist_field" and c["op"] == "insert"))')
t sync resolve "$row" theirs
expect_rc 1 "a row taken before its record is refused"
expect_in "$err" "conflict $row is a row of a record whose addition is conflict $first" "naming the record's conflict"
expect_not_in "$err" "FOREIGN KEY" "not the database's words"
t sync resolve "$first" theirs
expect_rc 0 "taking the record"
expect_eq "$(q tyo "SELECT count(*) FROM specialist_field WHERE specialist = '$Y'") $(q tyo "SELECT count(*) FROM specialist_lang WHERE specialist = '$Y'")" "1 1" "takes its rows with it"
t sync conflicts --format json
# its line of history is a record of its own, kept aside under its id
printf '%s\n' "$out" | python3 -c 'import json,sys; sys.exit(any(c["record"] == sys.argv[1] for c in json.load(sys.stdin)))' "$Y" \
	&& ok || bad "none of its conflicts left open"
expect_eq "$(q tyo "PRAGMA foreign_key_check")" "" "no row without its record"
# what a signed bundle names reaches messages as characters only: record
# ids with a terminal's escape in them (a table's name: test_sync_forge.c)
ESC=$(printf '\033')
$FORGE req.cs esc-id.cs id BJS- "$(printf '\033[7-')"
forged signed-esc-id.kzb esc-id.cs
t sync import signed-esc-id.kzb
expect_rc 0 "signed: records under an id with an escape in it, kept aside"
t sync conflicts
expect_in "$out" 'insert \x1b[7-' "the record's id shown escaped"
expect_in "$out" 'owned by \x1b[7' "and the owner taken from it"
expect_not_in "$out" "$ESC" "no escape reaches the terminal"
restore
forged signed-applied.kzb applied.cs
t sync import signed-applied.kzb
expect_rc 1 "signed: a row for sync_applied refused"
expect_in "$err" 'in table "sync_applied": a bundle never changes this table' "the table named"
expect_eq "$(q tyo "SELECT count(*) FROM sync_applied")" 0 "sync_applied unchanged"
forged signed-applied2.kzb applied2.cs
t sync import signed-applied2.kzb
expect_rc 1 "signed: a row for Sync_Applied (another case) refused"
forged signed-meta.kzb meta.cs
t sync import signed-meta.kzb
expect_rc 1 "signed: a row for sync_meta refused"
expect_in "$err" "sync_meta" "sync_meta named"
forged signed-outbox.kzb outbox.cs
t sync import signed-outbox.kzb
expect_rc 1 "signed: a row for sync_outbox refused"
expect_in "$err" "sync_outbox" "sync_outbox named"
expect_eq "$(q tyo "SELECT count(*) FROM sync_outbox")" 0 "nothing to forward"

# a directory is no bundle
mkdir dir.kzb
t sync import dir.kzb
expect_rc 1 "a directory"
expect_in "$err" "this is a directory, not a bundle" "said to be a directory"
expect_not_in "$err" "too large" "not too large"

# an organisation name longer than 63 bytes: databases open again, bundles
# go through; longer than 255 bytes: the configuration says so
ORG="Council of Local Authorities for International Relations, Overseas Offices"
for f in tokyo beijing; do
	{ cat "$C/$f.yaml"; echo "organisation: $ORG"; } > "$C/long-$f.yaml"
done
run -c "$C/long-tokyo.yaml" -d "$T/lt.db" specialist add --name 佐藤健一 \
	--roman "Kenichi Sato" --government 島根県 --fields agriculture
enrol "$C/long-tokyo.yaml" "$T/lt.db" "$C/long-beijing.yaml" "$T/lb.db"
run -c "$C/long-tokyo.yaml" -d "$T/lt.db" sync export -o long.kzb
expect_rc 0 "a long organisation's database opens again and exports"
run -c "$C/long-beijing.yaml" -d "$T/lb.db" sync import long.kzb
expect_rc 0 "its bundle is taken"
run -c "$C/long-beijing.yaml" -d "$T/lb.db" sync import long.kzb
expect_in "$out" "applied before" "and the database opens again"

# ---- what is not a bundle file, and headers no kizuna writes ----
restore
mkfifo "$T/pipe.kzb"
timeout 20 "$KZ" -c "$C/tokyo.yaml" -d "$T/tyo.db" sync import "$T/pipe.kzb" \
	>/dev/null 2>"$T/pipe.err"
expect_rc_of=$?
expect_eq "$expect_rc_of" 1 "a pipe with no writer is refused, not waited on"
expect_in "$(cat "$T/pipe.err")" "a bundle is a file" "said so"
# the destination of an export: a pipe (or a device) is not replaced
b specialist add --name 李明 --roman "Li Ming" --government 北京市 --fields education
b sync export -o "$T/pipe.kzb"
expect_rc 1 "an export onto a pipe is refused"
expect_in "$err" "something other than a file is there" "said so"
[ -p "$T/pipe.kzb" ] && ok || bad "the pipe is still a pipe"
ln -s "$T/t1.kzb" "$T/link.kzb"
b sync export -o "$T/link.kzb"
expect_rc 1 "an export onto a link is refused"
[ -L "$T/link.kzb" ] && ok || bad "the link is still a link"
# a header line with a terminal's escape in it is refused before it is
# shown; a format written other than kizuna writes it is refused
esc=$(printf '\033]0;PWNED\007')
sed "s/^organisation: .*/organisation: ${esc}CLAIR/" b1.kzb > "$T/esc.kzb"
t sync import "$T/esc.kzb"
expect_rc 1 "a header with a control character"
expect_in "$err" "control character in line 2" "names the line"
expect_not_in "$err" "PWNED" "and never shows it"
# so is a C1 control (CSI, U+009B), and what is not UTF-8
sed "s/^organisation: .*/organisation: $(printf '\302\233')0mCLAIR/" b1.kzb > "$T/c1.kzb"
t sync import "$T/c1.kzb"
expect_rc 1 "a header with a C1 control"
expect_in "$err" "control character in line 2" "names the line"
sed "s/^office: .*/office: $(printf '\233')0mBJS/" b1.kzb > "$T/utf.kzb"
t sync import "$T/utf.kzb"
expect_rc 1 "a header that is not UTF-8"
expect_in "$err" "not UTF-8 text in line 3" "names the line"
expect_not_in "$err" "0mBJS" "and never shows it"
for v in 3junk +3 03 4294967299; do
	sed "1s/.*/KIZUNA-BUNDLE $v/" b1.kzb > "$T/v.kzb"
	t sync import "$T/v.kzb"
	expect_rc 1 "format \"$v\" is not a format"
done
expect_eq "$(q tyo "SELECT count(*) FROM request")" 0 "none of them applied"

{ cat "$C/tokyo.yaml"; printf 'organisation: %0256d\n' 0; } > "$C/too-long.yaml"
run -c "$C/too-long.yaml" -d "$T/tl.db" specialist list
expect_rc 1 "an organisation longer than 255 bytes"
expect_in "$err" "organisation: must be at most 255 bytes" "said so"

finish
