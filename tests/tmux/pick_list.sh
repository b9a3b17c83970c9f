# pick_list.sh - a coded field's pick list (F4 or C-t) in a Chinese office:
# values named in Chinese, filtered as typed in any language or width, or
# by code; Enter takes one, Esc leaves the field as it was; a choice
# field's hint names its letters.
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config
BJ=$(office_db "$conf/beijing.yaml")

run keys
expect_in "$out" "F4, C-t" "kizuna keys names the pick list's keys"

tm_start "$KZ -c $conf/beijing.yaml -d $BJ"
tm_expect "北京事务所 [BJS]" "the Beijing office's screens"
tm_keys a
tm_expect ">姓名*" "the form opens"
tm_type 王建国
tm_keys Tab
tm_type "Wang Jianguo"
tm_keys Tab
tm_type 四川省
tm_keys Tab Tab
tm_expect ">状态" "on the status, a choice field"
tm_expect "首字母 s/在 r/退" "its hint names the letters that work"
tm_keys Tab
tm_expect ">专业领域" "on the fields of expertise"
tm_expect "F4：从列表中选择" "the hint names the key of the list"

# the list: every field, named in Chinese with its code
tm_keys F4
tm_expect "32/32" "F4 opens the list of the 32 fields"
tm_expect "农业  (agriculture)" "named in Chinese, with the code"
tm_type "设施"
tm_expect " 0/32" "a word no field has"
tm_expect "没有匹配项" "says nothing matches"
tm_keys C-u
tm_type "农"
tm_expect " 2/32" "农 filters to two fields"
s=$(tm_screen)
expect_not_in "$s" "林业" "the others are gone"
tm_keys Down Enter
tm_expect_gone " 2/32" "Enter closes the list"
tm_expect ">专业领域       agri_civil" "the code of the second one is in the field"
tm_expect "2 农业土木工程" "the preview names it"

# typed in full width, or in English: still found; one more is added
tm_keys C-t
tm_expect "32/32" "C-t opens it too"
tm_type "ＥＤＵ"
tm_expect " 1/32" "full-width letters match the code"
tm_keys Enter
tm_expect "agri_civil; education" "a second field after the first"

# Esc leaves the field as it was
tm_keys F4
tm_type "forest"
tm_expect "林业  (forestry)" "an English name matches"
tm_keys Escape
tm_expect_gone "/32" "Esc closes the list"
s=$(tm_screen)
expect_not_in "$s" "forestry" "nothing was taken"

# a choice field's list: its choices, typed in Chinese
tm_keys BTab
tm_expect ">状态" "back on the status"
tm_keys C-t
tm_expect " 2/2" "the status list has its two choices"
tm_type "退"
tm_expect " 1/2" "退 filters to one"
tm_keys Enter
tm_expect "[x] 退休" "the choice taken"

tm_keys C-s
tm_expect_gone ">专业领域" "the form closes"
tm_expect "已保存 王建国" "the specialist is saved"
run_as "$conf/beijing.yaml" specialist list --format json
expect_in "$out" '"fields": "agri_civil,education"' "saved with the codes picked"
expect_in "$out" '"status": "retired"' "and the status picked"

tm_keys '?'
tm_expect "按键" "the help screen"
tm_keys g
tm_expect "1-22/" "from its top"
found=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	if tm_wait "F4, C-t" 1; then found=1; break; fi
	tm_keys PgDn
done
[ $found = 1 ] && ok || bad "the help screen names the pick list's keys"
found=0
for i in 1 2 3 4; do
	if tm_wait "选择列表（其他键输入筛选词" 1; then found=1; break; fi
	tm_keys PgDn
done
[ $found = 1 ] && ok || bad "the help screen has a section for the list"
tm_asan_clean
finish
