# form_burst.sh - keys that arrive together (typed fast, pasted, over a
# slow remote shell) go through several fields of a form before it is
# drawn: every field they filled is shown, not only the last drawn and
# the current one.
. "$KZ_TESTS/lib.sh"

tm_start "$KZ"
tm_expect "No specialists yet" "empty register"
tm_keys a
tm_expect "Add a specialist" "form opens"
# one write: four fields and the tabs between them
tab=$(printf '\t')
tm_type "王建国${tab}Wang Jianguo${tab}島根県${tab}农业技术推广中心"
tm_expect_re '^>Post +农业技术推广中心' "the last field has its value"
tm_expect_re '^ Name\* +王建国' "the first field is shown"
tm_expect_re '^ Romanised name\* +Wang Jianguo' "the second field is shown"
tm_expect_re '^ Home government\* +島根県' "the third field is shown"
# and a burst back up through them, with an edit on the way
tm_type "$(printf '\033[Z\033[Z')X"
tm_expect_re '^>Romanised name\* +Wang JianguoX' "the field gone back to is edited"
tm_expect_re '^ Post +农业技术推广中心' "the field left is drawn unselected"
tm_keys Escape
tm_expect "Discard changes?" "Esc asks"
tm_keys y
tm_expect "No specialists yet" "nothing saved"
finish
