# sync_settle.sh - a conflict settled either way settles everywhere: keeping
# "mine" sends mine on, taking "theirs" too, and after one round trip
# head office and the office agree, with nothing left to settle.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
C=$T/conf
mkdir -p "$C"
for f in tokyo beijing; do
	sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/$f.yaml" > "$C/$f.yaml"
done
t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db"
dept() {	# dept t|b: the request's department there
	$1 request show --format json "$R"
	printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["department"])'
}
open_conflicts() {	# open_conflicts t|b
	$1 sync status --format json
	printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["conflicts"])'
}
n=0
round() {	# round: Beijing's bundle to head office, head office's back
	n=$((n + 1))
	b sync export -o "b$n.kzb"
	[ -e "b$n.kzb" ] && { t sync import "b$n.kzb"; expect_rc 0 "head office takes b$n"; }
	t sync export -o "t$n.kzb"
	[ -e "t$n.kzb" ] && { b sync import "t$n.kzb"; expect_rc 0 "Beijing takes t$n"; }
}

export KIZUNA_NOW=2026-11-01T09:00:00Z
b request add --country CN --province 河南省 --city 开封市 --department 农业农村局 \
	--received 2019-05-20 --fields agriculture --topic "vegetables" \
	--from 2019-09-16 --to 2019-09-23 --language zh
R=$out
round
expect_eq "$(dept t)" "农业农村局" "head office has Beijing's request"

# settle DEPARTMENT DAY WAY: on day DAY head office edits Beijing's
# request; the edit is kept aside in Beijing, which settles it WAY the
# next day.
settle() {
	export KIZUNA_NOW=2026-11-0$2T09:00:00Z
	t request edit "$R" --department "$1"
	t sync export -o "h$2.kzb"
	b sync import "h$2.kzb"
	expect_in "$out" "1 record (request 1) kept aside" "head office's edit of day $2 is kept aside in Beijing"
	b sync conflicts --format json
	c=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["n"])')
	export KIZUNA_NOW=2026-11-0$(($2 + 1))T09:00:00Z
	b sync resolve "$c" "$3"
	expect_rc 0 "Beijing settles $3"
}

# head office edits Beijing's request; Beijing keeps its own value
settle 蔬菜科 2 mine
b sync status --format json
expect_not_in "$out" "\"pending\": 0," "keeping mine is a change to send"
round
expect_eq "$(dept t)" "农业农村局" "head office has Beijing's value after one round trip"
expect_eq "$(dept b)" "农业农村局" "and Beijing still has it"
expect_eq "$(open_conflicts t)" 0 "nothing to settle at head office"
expect_eq "$(open_conflicts b)" 0 "nothing to settle in Beijing"

# again, and this time Beijing takes theirs
settle 园艺科 4 theirs
round
expect_eq "$(dept b)" "园艺科" "Beijing has head office's value"
expect_eq "$(dept t)" "园艺科" "head office keeps it after the round trip"
expect_eq "$(open_conflicts t)" 0 "nothing to settle at head office (theirs)"
expect_eq "$(open_conflicts b)" 0 "nothing to settle in Beijing (theirs)"

# a register record edited on both sides: Beijing keeps its post, head
# office takes Beijing's; one more round trip and both agree
export KIZUNA_NOW=2026-11-06T09:00:00Z
t specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 --fields agriculture --post 主任
X=$out
round
export KIZUNA_NOW=2026-11-07T09:00:00Z
t specialist edit "$X" --post 部長
b specialist edit "$X" --post 课长
round
b sync conflicts --format json
c=$(printf '%s' "$out" | python3 -c 'import json,sys; l=json.load(sys.stdin); print(l[0]["n"] if l else "")')
if [ -n "$c" ]; then b sync resolve "$c" mine; expect_rc 0 "Beijing keeps its post"; fi
t sync conflicts --format json
c=$(printf '%s' "$out" | python3 -c 'import json,sys; l=json.load(sys.stdin); print(l[0]["n"] if l else "")')
if [ -n "$c" ]; then t sync resolve "$c" theirs; expect_rc 0 "head office takes Beijing's post"; fi
export KIZUNA_NOW=2026-11-08T09:00:00Z
round
round
t specialist show --format json "$X"
tp=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["post"])')
b specialist show --format json "$X"
bp=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["post"])')
expect_eq "$tp" "$bp" "head office and Beijing agree on the post"
expect_eq "$(open_conflicts t)" 0 "nothing to settle at head office (register)"
expect_eq "$(open_conflicts b)" 0 "nothing to settle in Beijing (register)"

finish
