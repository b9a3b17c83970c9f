# headings.sh - translated headings say what the column holds: a
# history's FIELD is a record's field and FROM its old value (not a field
# of expertise, not a sender), in every language; an office's or event's
# NAME is not a person's; an unknown id is named once in Japanese.
. "$KZ_TESTS/lib.sh"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02
DB=$T/tyo.db
# in_lang LANG: the head office's configuration in LANG
in_lang() {
	sed "s/^\(  *\)language: .*/\1language: $1/" "$KZ_TESTS/../config/tokyo.yaml" > "$T/$1.yaml"
	echo "$T/$1.yaml"
}
run -c "$(in_lang ja)" -d "$DB" demo
expect_rc 0 "demo data"
id=$("$KZ" -c "$T/ja.yaml" -d "$DB" request list --format csv | sed -n 2p | cut -d, -f1)
run -c "$T/ja.yaml" -d "$DB" request edit "$id" --topic 温室
expect_rc 0 "a change to show"

# history ja|zh_CN|ko|fr: HEADINGS the history's table starts with
for l in "ja|操作 +項目 +変更前 +変更後" "zh_CN|操作 +项目 +原值 +新值" \
    "ko|작업 +항목 +변경 전 +변경 후" "fr|ACTION +CHAMP +AVANT +APRÈS"; do
	lang=${l%%|*} want=${l#*|}
	run -c "$(in_lang "$lang")" -d "$DB" history "$id"
	expect_rc 0 "history in $lang"
	expect_eq "$(printf '%s\n' "$out" | sed -n 2p | grep -cE "$want")" 1 \
		"history's headings in $lang: $(printf '%s\n' "$out" | sed -n 2p)"
done
run -c "$T/ja.yaml" -d "$DB" history "$id"
expect_not_in "$out" "分野" "history: no field of expertise in Japanese"
expect_not_in "$out" "送信元" "history: no sender in Japanese"

# NAME: a person's (氏名) for specialists, a name (名称) for an office,
# an event, a seminar series
run -c "$T/ja.yaml" -d "$DB" specialist list
expect_in "$(printf '%s\n' "$out" | head -n 1)" "氏名" "specialists: 氏名"
for cmd in repoffice promotion; do
	run -c "$T/ja.yaml" -d "$DB" $cmd list
	h=$(printf '%s\n' "$out" | head -n 1)
	expect_in "$h" "名称" "$cmd list: 名称"
	expect_not_in "$h" "氏名" "$cmd list: not a person's name"
done
run -c "$T/ja.yaml" -d "$DB" repoffice add --help
expect_not_in "$out" "氏名" "repoffice add: no person's name"

# an unknown id: "id: ID X" no more
run -c "$T/ja.yaml" -d "$DB" request show BJS-7K3M-AAAA
expect_rc 1 "an unknown request"
expect_in "$err" "id: BJS-7K3M-AAAA という要請はありません" "the id named once"
expect_not_in "$err" "id: ID" "no id: ID"

# an unknown id in every language and of every kind: the place (id:)
# once, the id once, and no second "id" in the message
once() {	# once TEXT DESC: "id" (any case) one word once in TEXT
	n=$(printf '%s\n' "$1" | grep -oiE '(^|[^a-z])id([^a-z]|$)' | wc -l)
	expect_eq "$n" 1 "$2: $1"
}
for lang in en ja zh_CN ko fr; do
	run -c "$(in_lang "$lang")" -d "$DB" request show BJS-7K3M-AAAA
	expect_rc 1 "an unknown request in $lang"
	once "$err" "the id named once in $lang"
done
for cmd in "specialist show" "request show" "dispatch show" "trainee show" \
    "support show" "research show" "promotion show" "jet show" \
    "friendship show" "repoffice show" "delegation show" "opening show" \
    "history" "support edit --notes x" "programme edit --title x"; do
	run -c "$(in_lang en)" -d "$DB" $cmd TYO-7K3M-AAAA
	expect_rc 1 "$cmd: an unknown id"
	expect_in "$err" "id: no " "$cmd: the place named"
	expect_in "$err" "TYO-7K3M-AAAA" "$cmd: the id named"
	once "$err" "$cmd: the id named once"
done
finish
