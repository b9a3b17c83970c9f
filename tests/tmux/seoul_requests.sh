# seoul_requests.sh - the Seoul office's own demo at 80x24, in Korean: the
# Requests and Dispatches tabs list its casework with the hosts' places in
# Hangul as staff type them (경상북도 경주시), each row's columns lined up
# in display width whatever a cell holds, nothing past the 80th column.
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config/seoul.yaml
cd "$T" || exit 1

run -c "$conf" -d "$T/sel.db" demo
expect_rc 0 "the Seoul demo"

# rows FIRST LAST: the list's rows on screen
rows() { tm_screen | sed -n "$1,$2p"; }
# aligned WHAT MARK: in every row the text before MARK (the end of the
# host's cell) is as wide on screen: the columns after it line up
aligned() {
	widths=$(rows 4 11 | while IFS= read -r l; do
		case $l in *"$2"*) printf '%s' "${l%%"$2"*}" | wc -L ;; *) echo none ;; esac
	done | sort -u)
	[ "$(printf '%s\n' "$widths" | wc -l)" -eq 1 ] && [ "$widths" != none ] && ok ||
		{ bad "$1: the columns do not line up (widths $widths)"; rows 3 11; }
	w=$(tm_screen | LC_ALL=C.UTF-8 wc -L)
	[ "$w" -le 80 ] && ok || { bad "$1: a line $w columns wide"; tm_screen; }
}

tm_start "$KZ -c $conf -d $T/sel.db"
tm_expect "전문가 1168명  ko" "the Seoul office's register"
tm_keys Tab
tm_expect_re "요청 [0-9]+건  ko" "the Requests tab"
n=$(tm_screen | sed -n 1p | sed 's/.*요청 \([0-9]*\)건.*/\1/')
[ "$n" -ge 20 ] && ok || bad "the Seoul office's demo has $n requests"
tm_expect " 접수일 v      현황      상대측                주제" "the headings"
tm_expect "대한민국 전라남도 순" "a host's province and city in Hangul"
tm_expect "대한민국 경상북도 경" "경상북도 경주시"
tm_expect "시설원예 연작 장해" "a topic in Korean"
# eight rows, each a request of Seoul's, in Korea
expect_eq "$(rows 4 11 | grep -c '^[ >]20[0-9][0-9]\. [0-9][0-9]\. [0-9][0-9]\. .* 대한민국 ')" 8 \
	"every row a request to a Korean host"
aligned "requests" "~"
# the detail pane names the province and the city apart, whole
tm_expect "주·성       전라남도" "the province in the detail"
tm_expect "도시        순천시" "the city in the detail"

tm_keys Tab
tm_expect_re "파견 [0-9]+건  ko" "the Dispatches tab"
tm_expect "파견 중" "a dispatch under way"
tm_expect "파견 예정" "a dispatch scheduled"
tm_expect "보고 접수" "past dispatches reported"
aligned "dispatches" "대한민국"

tm_keys Tab
tm_expect "= 체결  - 후보" "the Timeline tab"
# it opens around today: while the demo's open work is in sight
if [ "$(date +%Y%m)" -le 202701 ]; then
	tm_expect_re "^[> ][A-Z][a-z]+ [A-Z][a-z]+ (청주|창원|제주)시 " \
		"the timeline shows Seoul's dispatches under way and coming"
fi

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "seoul_requests"
finish
