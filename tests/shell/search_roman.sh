# search_roman.sh - romanised names find each other however they are
# spelt: macrons, long vowels written out or with h, apostrophes, hyphens.
. "$KZ_TESTS/lib.sh"

C="-c $FIX/dispatch/office.yaml -d $T/k.db"
add() { run $C specialist add --name "$1" --roman "$2" --government "$3"; expect_rc 0 "add $2"; }
add "佐藤 健一" "Ken'ichi Satō" 島根県
add "大野 裕子" "Yūko Oono" 広島県
add "伊藤 純一" "Jun-ichi Itoh" 福岡県
add "Jean Dupont" "Jean-Pierre Dupont" Paris

finds() {	# finds QUERY NAME
	run $C search "$1"
	expect_in "$out" "$2" "'$1' finds $2"
}
misses() {
	run $C search "$1"
	expect_not_in "$out" "$2" "'$1' does not find $2"
}
finds kenichi "Ken'ichi"
finds "ken'ichi" "Ken'ichi"
finds ichi "Ken'ichi"
finds sato "Ken'ichi"
finds satou "Ken'ichi"
finds satoh "Ken'ichi"
finds "satō" "Ken'ichi"
finds yuko "Yūko"
finds yuuko "Yūko"
finds ono "Yūko"
finds ohno "Yūko"
finds oono "Yūko"
finds junichi "Jun-ichi"
finds ito "Jun-ichi"
finds itou "Jun-ichi"
finds pierre "Jean-Pierre"
finds jeanpierre "Jean-Pierre"
misses satou "Yūko"
misses kenji "Ken'ichi"
# CJK terms are as before
finds 島根 "Ken'ichi"
finds "sato 島根" "Ken'ichi"
misses "sato 広島" "Ken'ichi"
finish
