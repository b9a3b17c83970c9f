# sync_keys.sh - the sync tab's keys view: this database's key and the
# keys it believes; enrolling one (a bad key refused, naming it),
# revoking one, a new key pair: each asks first, and what the screen did
# is what `kizuna sync keys` then lists.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1

SINC=$T/conf/singapore.yaml SINDB=$T/sin.db
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/singapore.yaml" > "$SINC"
sin=$(enrol_line "$SINC" "$SINDB")
SINKEY=${sin#* }
t sync key
TYOFP=$(printf '%s\n' "$out" | sed -n 's/^fingerprint: //p')
b sync key
BJFP=$(printf '%s\n' "$out" | sed -n 's/^fingerprint: //p')
t sync status --format json
ID=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["db"])')

tm_start "$KZ -c $C/tokyo.yaml -d $TYODB"
tm_expect "Specialists" "the program starts"
tm_sync "$ID"
expect_eq "$?" 0 "the sync tab shows the database id"

# v: this database's key first, then Beijing's
tm_keys v
tm_expect "this database" "the keys view"
row=$(tm_screen | grep '^>')
expect_in "$row" "$TYOFP" "head office's own key is selected first"
expect_in "$(tm_screen)" "$BJFP" "Beijing's key is listed"
tm_expect "Public key" "the detail shows the whole key"

# d on this database's own key is no revoke
tm_keys d
tm_expect "makes this one's anew" "its own key is not revoked"

# a: enrol Singapore; a key that is no key is refused first
tm_keys a
tm_expect "Enrol the key of office:" "a asks for the office"
tm_type SIN
tm_keys Enter
tm_expect "Its public key" "then for its key"
tm_type "not-a-key"
tm_keys Enter
tm_expect_re "not.*key|key.*64" "a bad key is refused"
t sync keys
expect_not_in "$out" "SIN" "nothing enrolled for a bad key"
tm_keys a
tm_wait "Enrol the key of office:"
tm_type SIN
tm_keys Enter
tm_wait "Its public key"
tm_type "$SINKEY"
tm_keys Enter
tm_expect "for office SIN? (y/n)" "enrolling asks first"
SINFP=$("$KZ" -c "$SINC" -d "$SINDB" sync key | sed -n 's/^fingerprint: //p')
tm_expect "$SINFP" "the question names the fingerprint to read back"
tm_keys y
tm_expect "Enrolled key $SINFP for office SIN" "enrolled"
t sync keys
expect_in "$out" "SIN" "sync keys lists Singapore's key"
expect_in "$out" "$SINFP" "with its fingerprint"

# d on Singapore's key: asks, naming it; n keeps it, y revokes it
tm_keys g
for i in 1 2 3 4; do
	tm_screen | grep '^>' | grep -q "$SINFP" && break
	tm_keys j
	sleep 0.2
done
expect_in "$(tm_screen | grep '^>')" "$SINFP" "Singapore's key selected"
tm_keys d
tm_expect "Revoke key $SINFP of office SIN? (y/n)" "revoking asks, naming the key"
tm_keys n
tm_expect "Nothing changed." "n keeps it"
t sync keys
expect_not_in "$out" "revoked" "no key revoked after n"
tm_keys d
tm_wait "(y/n)"
tm_keys y
tm_expect "Revoked key $SINFP" "revoked"
t sync keys
expect_in "$(printf '%s\n' "$out" | grep SIN)" "revoked" "sync keys shows it revoked"

# N: a new key pair for head office, the old one revoked
tm_keys N
tm_expect "Make a new key pair for this database? (y/n)" "N asks first"
tm_keys y
tm_expect "New key made" "a new key"
t sync key
NEWFP=$(printf '%s\n' "$out" | sed -n 's/^fingerprint: //p')
[ -n "$NEWFP" ] && [ "$NEWFP" != "$TYOFP" ] && ok || bad "the key did not change: $TYOFP -> $NEWFP"
tm_expect "$NEWFP" "the keys view shows the new key"

# v again: the conflicts
tm_keys v
tm_expect_gone "this database" "v goes back to the conflicts"
tm_keys q
tm_exited 0 "quit"
tm_asan_clean "sync_keys"
finish
