# seminar_langs.sh - text held in several languages on the seminars tab: an
# English UI shows the China-Japan seminar's English name and 2019 theme
# (the demo's), the detail pane lists the other languages, and the edition
# form's key for other languages (F3) changes the English theme and
# removes the Chinese.
. "$KZ_TESTS/lib.sh"

# head office in English, with the demo (the Beijing office's seminars)
office_configs
TYO=$C/tokyo.yaml
run_as "$TYO" demo
expect_rc 0 "the demo"

tm_start "$KZ -c $TYO -d $(office_db "$TYO")"
tm_expect "Specialists" "started"
tm_back_to "China-Japan Local Exchange Promotion Seminar" "the English UI shows the series' English name"
if tm_screen | grep -qF "中日地方交流促进研讨会"; then bad "the original name is shown to an English reader"; else ok; fi
tm_keys End
tm_expect "Strengthening local cooperation" "the 2019 theme in English in the list"
# the detail pane: the theme, then each language it is held in
tm_keys Enter
tm_expect "地方協力の強化と発展機会の共有" "the detail pane lists the Japanese theme"
tm_keys Enter

# the edition form: F3 on the theme opens its other languages
tm_keys e
tm_expect "Edit edition cj-seminar/18" "e opens the edition form"
tm_keys Tab Tab Tab Tab
tm_expect "F3: in other languages" "the theme's hint names the key"
tm_keys F3
tm_expect "Theme in other languages: 加强地方合作 共享发展机遇" "F3 opens the theme's other languages"
tm_keys C-u
tm_type "Local cooperation, shared growth"
# the third line, zh, emptied: removed
tm_keys Tab Tab C-u
tm_keys F2
tm_expect "Edit edition cj-seminar/18" "back to the edition form"
tm_keys F2
tm_expect "Saved edition" "the edition is saved"
tm_expect "Local cooperation, shared growth" "the list shows the new English theme"
tm_keys q
tm_exited 0 "quit"

run_as "$TYO" seminar show cj-seminar/18 --format json
printf '%s' "$out" | python3 -c '
import json, sys
t = json.load(sys.stdin)["translations"]["theme"]
assert t["en"] == "Local cooperation, shared growth", t
assert t["ja"] == "地方協力の強化と発展機会の共有", t
assert "zh" not in t, t' && ok || bad "the form changed the English theme, removed the Chinese and kept the Japanese: $out"
tm_asan_clean "seminar_langs"
finish
