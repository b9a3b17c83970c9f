# sync_key.sh - bundles are signed: keys made with the database (0600, never
# sent), enrolled by hand, revoked and replaced; unsigned, unknown, wrong,
# relabelled, revoked and tampered bundles are refused and change nothing.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs

t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
s() { run -c "$C/singapore.yaml" -d "$T/sin.db" "$@"; }
reg() { "$KZ" -c "$C/tokyo.yaml" -d "$T/tyo.db" specialist list --format csv 2>/dev/null | sha256sum; }
# key OUTPUT: the public key in `sync key`'s output
key() { printf '%s\n' "$1" | sed -n 's/.*: \([0-9a-f]\{64\}\)$/\1/p' | head -n 1; }
export KIZUNA_NOW=2026-11-01T09:00:00Z

# ---- every database has a key pair, made with it ----
b specialist list
[ -f bj.db.key ] && ok || bad "no key file made with the database"
expect_eq "$(stat -c %a bj.db.key)" 600 "the private key is mode 0600"
b sync key
expect_rc 0 "sync key"
expect_in "$out" "public key: " "the public key is shown"
expect_in "$out" "kizuna sync trust BJS " "and how head office enrols it"
BK=$(key "$out")
BFP=$(printf '%s\n' "$out" | sed -n 's/^fingerprint: //p')
expect_eq "$(printf '%s' "$BFP" | grep -cE '^[0-9A-F]{4}(-[0-9A-F]{4}){3}$')" 1 "a short fingerprint to read out"
b sync key
expect_eq "$(key "$out")" "$BK" "the same key every time"
secret=$(sed -n 2p bj.db.key)
expect_eq "${#secret}" 128 "the key file holds the secret key"
seed=$(printf '%s' "$secret" | cut -c1-64)
expect_eq "$(sqlite3 bj.db .dump | grep -c "$seed")" 0 "the private key is not in the database"
# a database older than keys gets one on first need
t sync key
TK=$(key "$out")
s sync key
SK=$(key "$out")
chmod 644 bj.db.key
b sync key
expect_rc 1 "a key file others can read is refused"
expect_in "$err" "chmod 600" "and the fix is named"
chmod 600 bj.db.key

# ---- enrolment is explicit ----
b specialist add --name 王芳 --roman "Wang Fang" --government 北京市 --fields agriculture
b sync export -o b1.kzb
expect_rc 0 "Beijing exports"
grep -q "$secret" b1.kzb && bad "the private key travels" || ok
before=$(reg)
t sync import b1.kzb
expect_rc 1 "head office refuses an office it has not enrolled"
expect_in "$err" "signed by key $BFP" "the key's fingerprint is named"
expect_in "$err" "office BJS" "and the office"
expect_eq "$(reg)" "$before" "nothing applied"
t sync trust BJS "$BK"
expect_rc 1 "enrolment asks, and without a terminal needs --yes"
expect_in "$err" "without --yes" "--yes is named"
t sync trust BJS 1234abcd --yes
expect_rc 1 "a key that is no key"
expect_in "$err" "not a public key" "said so"
t sync trust BJS "$BK" --yes
expect_rc 0 "head office enrols Beijing"
expect_in "$out" "enrolled key $BFP for office BJS" "the fingerprint is read back"
t sync trust BJS "$BK" --yes
expect_in "$out" "enrolled already" "enrolling twice is harmless"
t sync trust SIN "$BK" --yes
expect_rc 1 "one key, one office"
t sync import b1.kzb
expect_rc 1 "Beijing had not enrolled head office: its bundle is sealed for nobody"
expect_in "$err" "sealed, and not for this database" "said so"
b sync trust TYO "$TK" --yes
b sync export --again 1 -o b1.kzb
expect_rc 0 "Beijing writes it again, sealed for head office now"
t sync import b1.kzb
expect_rc 0 "then the bundle goes through"
# sealed: a lost stick shows the routing lines, not the records
grep -q "^office: BJS$" b1.kzb && ok || bad "the routing lines are readable"
grep -q "^sealed: xchacha20poly1305-stream$" b1.kzb && ok || bad "the bundle says it is sealed"
grep -qa "Wang Fang" b1.kzb && bad "a name is readable in the sealed bundle" || ok
grep -qa "王芳" b1.kzb && bad "a name is readable in the sealed bundle" || ok
t sync trust SIN "$SK" --yes
b sync trust TYO "$TK" --yes
s sync trust TYO "$TK" --yes
t sync keys
expect_in "$out" "BJS   office  $BFP" "head office lists the keys it believes"

# ---- forged, relabelled, tampered and unsigned bundles ----
s specialist add --name 林 --roman "Lim Wei" --government 新加坡 --fields education
s sync export -o s1.kzb
before=$(reg)
sed '0,/^office: SIN$/s//office: BJS/' s1.kzb > as-bj.kzb
t sync import as-bj.kzb
expect_rc 1 "Singapore's bundle under Beijing's name"
expect_in "$err" "comes from office BJS but is signed by key" "the wrong signer is named"
expect_in "$err" "office SIN's" "with the office it belongs to"
sed '0,/^role: office$/s//role: head/' s1.kzb > as-head.kzb
t sync import as-head.kzb
expect_rc 1 "an office's bundle relabelled as head office's"
expect_in "$err" "enrolled for office SIN" "said so"
# another database that calls itself Beijing signs with a key of its own
run -c "$C/beijing.yaml" -d "$T/forger.db" specialist add --name 偽 --roman Forger --government 北京市 --fields agriculture
run -c "$C/beijing.yaml" -d "$T/forger.db" sync export -o forged.kzb
t sync import forged.kzb
expect_rc 1 "a forger's bundle"
expect_in "$err" "not enrolled here for office BJS" "an unknown signer"
# one changed byte in the header, in the changes, in the signature
sed 's/^created: .*/created: 2026-01-01T00:00:00Z/' s1.kzb > t-header.kzb
python3 - s1.kzb t-payload.kzb t-sig.kzb <<'EOF'
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
p = d.index(b'\n\n') + 10
a = bytearray(d); a[p] ^= 1; open(sys.argv[2], 'wb').write(a)
e = bytearray(d); i = e.rindex(b'END ') + 20; e[i] = ord('0') if e[i] != ord('0') else ord('1'); open(sys.argv[3], 'wb').write(e)
EOF
for f in t-header t-payload t-sig; do
	t sync import $f.kzb
	expect_rc 1 "tampered: $f"
	expect_in "$err" "signature" "tampered: $f: the signature says so"
done
# unsigned: the format of kizuna before signing, and a signature taken off
python3 - s1.kzb old.kzb nosig.kzb <<'EOF'
import sys, hashlib
d = open(sys.argv[1], 'rb').read()
body = d[:d.rindex(b'\nEND ')]
body = body.replace(b'KIZUNA-BUNDLE 3', b'KIZUNA-BUNDLE 1', 1)
open(sys.argv[2], 'wb').write(body + b'\nEND ' + hashlib.sha256(body).hexdigest().encode() + b'\n')
lines = d.split(b'\n')
open(sys.argv[3], 'wb').write(b'\n'.join(l for l in lines if not l.startswith(b'signer: ')))
EOF
t sync import old.kzb
expect_rc 1 "a format 1 bundle"
expect_in "$err" "format 1, made by a kizuna that did not sign" "old format said"
t sync import nosig.kzb
expect_rc 1 "a bundle without a signer"
expect_eq "$(reg)" "$before" "no refused bundle changed anything"
t sync import s1.kzb
expect_rc 0 "the genuine bundle after all that"

# ---- a lost laptop: head office revokes the key, enrols the new one ----
t sync export -o t1.kzb
b sync import t1.kzb
expect_rc 0 "Beijing takes head office's bundle"
s sync import t1.kzb
expect_rc 0 "Singapore takes it"
s sync keys
expect_in "$out" "$BFP  enrolled" "Singapore learns Beijing's key from head office"
# a database head office has not enrolled cannot open head office's bundle
run -c "$C/singapore.yaml" -d "$T/sin2.db" sync trust TYO "$TK" --yes
run -c "$C/singapore.yaml" -d "$T/sin2.db" sync import t1.kzb
expect_rc 1 "a database head office did not seal for"
expect_in "$err" "sealed, and not for this database" "cannot open it"
# an office takes head office's bundles only
s sync import b1.kzb
expect_rc 1 "an office's bundle at another office"
expect_in "$err" "only head office's bundles" "said so"
t sync revoke BJS "$BFP"
expect_rc 1 "revoking asks too"
t sync revoke BJS "$BFP" --yes
expect_rc 0 "head office revokes Beijing's key"
expect_in "$out" "revoked key $BFP of office BJS" "said"
b specialist edit "$(sqlite3 bj.db "SELECT id FROM specialist WHERE name_roman = 'Wang Fang'")" --post "主任"
b sync export -o b2.kzb
t sync import b2.kzb
expect_rc 1 "a revoked key's bundle"
expect_in "$err" "revoked on" "revocation said"
t sync trust BJS "$BK" --yes
expect_rc 1 "a revoked key is not enrolled again"
b sync key --new --yes
expect_rc 0 "Beijing makes a new key pair"
NK=$(key "$out")
[ -n "$NK" ] && [ "$NK" != "$BK" ] && ok || bad "no new key"
expect_eq "$(stat -c %a bj.db.key)" 600 "the new private key is 0600 too"
t sync trust BJS "$NK" --yes
expect_rc 0 "head office enrols the new key"
t sync import b2.kzb
expect_rc 1 "the bundle signed with the old key stays refused"
b sync export --again 2 -o b2-new.kzb
expect_rc 0 "Beijing writes bundle 2 again, signed with the new key"
t sync import b2-new.kzb
expect_rc 0 "head office takes it"
b specialist edit "$(sqlite3 bj.db "SELECT id FROM specialist WHERE name_roman = 'Wang Fang'")" --post "課長"
b sync export -o b3.kzb
t sync import b3.kzb
expect_rc 0 "and the next"
t specialist add --name 新 --roman "Shin Ichi" --government 島根県 --fields agriculture
t sync export -o t2.kzb
s sync import t2.kzb
expect_rc 0 "Singapore takes head office's next bundle"
s sync keys
expect_in "$out" "revoked" "and learns the revocation"
expect_in "$(printf '%s\n' "$out" | grep "$BFP")" "revoked" "of Beijing's old key"
sqlite3 sin.db "SELECT key FROM sync_key WHERE revoked IS NULL" | grep -q "$NK" && ok || bad "Singapore does not know Beijing's new key"

# head office's own new key: its old key vouches for it, so the offices
# take the next bundle and learn the new key, the old one revoked; a
# vouching line that does not verify, or from a key not believed, is no
# proof
t sync key
TK=$(key "$out")
TFP=$(printf '%s\n' "$out" | sed -n 's/^fingerprint: //p')
t sync key --new --yes
expect_rc 0 "head office makes a new key pair"
TK2=$(key "$out")
TFP2=$(printf '%s\n' "$out" | sed -n 's/^fingerprint: //p')
[ -n "$TK2" ] && [ "$TK2" != "$TK" ] && ok || bad "head office's key did not change"
t specialist add --name 次 --roman "Tsugi Ichi" --government 島根県 --fields agriculture
t sync export -o t3.kzb
expect_rc 0 "head office's next bundle"
grep -a '^succeeds: ' t3.kzb | grep -q "^succeeds: $TK $TK2 " && ok || bad "the bundle carries no succession line"
# the line tampered with (the bundle signed again by its key, as head
# office's thief could not): a signature that does not verify is no proof
python3 - "$TK" "$TK2" <<'PY'
import sys
old, new = sys.argv[1], sys.argv[2]
d = open('t3.kzb', 'rb').read()
i = d.index(b'succeeds: ' + old.encode() + b' ' + new.encode() + b' ') + 10 + 130 + 5
d = d[:i] + (b'0' if d[i:i+1] != b'0' else b'1') + d[i+1:]
open('t3-bad.kzb', 'wb').write(d)
PY
s sync import t3-bad.kzb
expect_rc 1 "a changed succession line: refused"
expect_eq "$(sqlite3 sin.db "SELECT count(*) FROM sync_key WHERE key = '$TK2'")" 0 "nothing learnt from it"
# from a key not believed here (revoked): no chain, the unknown key named
sqlite3 sin.db "UPDATE sync_key SET revoked = '2026-12-01T00:00:00Z' WHERE key = '$TK'"
s sync import t3.kzb
expect_rc 1 "no chain from a key believed: refused"
expect_in "$err" "$TFP2" "naming the new key's fingerprint"
sqlite3 sin.db "UPDATE sync_key SET revoked = NULL WHERE key = '$TK'"
# believed: taken
s sync import t3.kzb
expect_rc 0 "Singapore takes the bundle signed with head office's new key"
s sync keys
expect_in "$(printf '%s\n' "$out" | grep "$TFP")" "revoked" "head office's old key is revoked there"
sqlite3 sin.db "SELECT key FROM sync_key WHERE revoked IS NULL AND role = 'head'" | grep -q "$TK2" && ok || bad "Singapore does not believe head office's new key"
# two new keys between two bundles: the chain is followed
t sync key --new --yes
t sync key --new --yes
TK4=$(key "$out")
t specialist add --name 四 --roman "Shi Ichi" --government 島根県 --fields agriculture
t sync export -o t4.kzb
s sync import t4.kzb
expect_rc 0 "two new keys since the last bundle: taken"
sqlite3 sin.db "SELECT key FROM sync_key WHERE revoked IS NULL AND role = 'head'" > heads.txt
grep -q "$TK4" heads.txt && ok || bad "Singapore does not believe the newest key"
expect_eq "$(wc -l < heads.txt | tr -d ' ')" 1 "and only it"

# demo databases side by side believe each other (fake data only)
run -c "$C/beijing.yaml" --demo sync keys
run -c "$C/tokyo.yaml" --demo sync keys
expect_in "$out" "BJS   office" "the demo head office believes the demo Beijing"
expect_in "$out" "from demo" "and says why"
run -c "$C/tokyo.yaml" --demo sync export -o demo-t1.kzb
run -c "$C/beijing.yaml" --demo sync import demo-t1.kzb
expect_rc 0 "a demo bundle passes between the demo databases"
finish
