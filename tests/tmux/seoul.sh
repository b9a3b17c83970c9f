# seoul.sh - the Seoul office in Korean at 80x24, on its demo data: every
# tab's title, tab bar, column headings and key line fit whole; a form's
# labels fit with their values in one column; a long Korean line wraps
# between words, not inside one.
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config/seoul.yaml

# colof LINE TEXT: the display column where TEXT starts in LINE (0 if absent).
colof() {
	case "$1" in *"$2"*) ;; *) echo 0; return ;; esac
	printf '%s' "${1%%"$2"*}" | wc -L | tr -d ' '
}

# A request and a dispatch in Korean with long lines, newer than the
# demo's Seoul casework (31 requests): they come first in their lists.
topic="시설원예 연작 장해 대책과 토양 관리 기술 지도 및 현지 농가 교육"
run -c "$conf" --demo request add --country KR --province 경상북도 --city 안동시 \
	--department 농업기술센터 --fields agriculture --topic "$topic" \
	--from 2027-02-01 --to 2027-03-31 --interpreting office
expect_rc 0 "a request at Seoul"
R=$out
run -c "$conf" --demo match "$R" --format csv
S=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f3)
run -c "$conf" --demo dispatch add --request "$R" --specialist "$S" \
	--from 2027-02-03 --to 2027-02-12 --places "안동시; 영주시"
expect_rc 0 "a dispatch at Seoul"

tabs=" 전문가   요청   파견   타임라인   동기화   세미나   연수생   활동   통계"

# fits WHAT KEYS HEADING...: the title with the office and the language at
# its right end, the whole tab bar, a line with every heading in order,
# and the key line whole to its last key (J:스크롤, last, where the record runs
# below its pane).
fits() {
	what=$1 keys=$2
	shift 2
	tm_expect "$keys" "$what: the key line whole"
	s=$(tm_screen)
	printf '%s\n' "$s" | sed -n 1p | grep -qE '^ kizuna: 서울사무소 \[SEL\] .*  ko *$' &&
		ok || bad "$what: the title is cut: $(printf '%s\n' "$s" | sed -n 1p)"
	expect_eq "$(printf '%s\n' "$s" | sed -n 2p)" "$tabs" "$what: the tab bar whole"
	expect_eq "$(printf '%s\n' "$s" | tail -n 1)" "$keys" "$what: nothing after the last key"
	re=$(printf '%s.*' "$@")
	printf '%s\n' "$s" | grep -qE -- "$re" && ok ||
		{ bad "$what: no line with the headings $*:"; printf '%s\n' "$s"; }
}

tm_start "$KZ -c $conf --demo"
tm_expect "$tabs" "the Seoul office's tabs in Korean" 60
fits "specialists" "/:검색 Enter:상세 a:추가 e:편집 d:삭제 ?:도움말 q:종료" \
	"성명 " "로마자 " "소속 지자체 " "현황 " "전문 분야"
tm_keys Tab
fits "requests" "/:검색 Enter:상세 a:추가 e:편집 d:삭제 s:현황 m:후보 ?:도움말 q:종료 J:스크롤" \
	"접수일 " "현황 " "상대측 " "주제"
tm_expect "요청 32건  ko" "requests: the count beside the language"

# a form: every label whole, the values in one column after the longest
tm_keys e
tm_expect "Tab:다음 S-Tab:이전 F2:저장 Esc:취소 F1:도움말" "the form's key line"
s=$(tm_screen)
c1=$(colof "$(printf '%s\n' "$s" | grep '^.국가\*')" KR)
c2=$(colof "$(printf '%s\n' "$s" | grep '^.주·성')" 경상북도)
c3=$(colof "$(printf '%s\n' "$s" | grep '^.희망 시작일')" '2027. 02. 01.')
[ "$c1" -gt 11 ] && [ "$c1" -eq "$c2" ] && [ "$c2" -eq "$c3" ] && ok ||
	{ bad "the values are not in one column after the labels: $c1 $c2 $c3"; printf '%s\n' "$s"; }
expect_in "$s" " 형태         [x] 현지  [ ] 온라인" "a choice field whole"
expect_in "$s" " 통역         [ ] 없음  [ ] 상대측 준비  [x] 사무소 준비" "the widest choice field whole"
tm_keys Escape
tm_expect_gone "F2:저장" "the form closes"

tm_keys Tab
fits "dispatches" "/:검색 Enter:상세 a:추가 e:편집 d:삭제 s:현황 c:비용 ?:도움말 q:종료 J:스크롤" \
	"기간 " "상태 " "전문가 " "상대측"
# the request's topic wraps at a space: 현지 starts the next line whole
tm_keys Enter
tm_expect "마지막 날" "the dispatch in full"
tm_expect_re '^ +현지 농가 교육$' "a Korean line breaks between words"
tm_keys Enter
tm_keys Tab
fits "timeline" "Enter:파견 h:주 H:월 +:확대 t:오늘 s:행 d:날짜 ?:도움말 q:종료" "= 체결  - 후보"
tm_expect "# 중복  | 오늘" "timeline: the legend's second line"
tm_keys Tab
fits "sync" "t:상대측 m:이쪽 x:내보내기 i:가져오기 r:해결됨 w:재출력 v:키 ?:도움말 q:종료" \
	"상태 " "번들 " "표 " "레코드 " "사유"
tm_keys Tab
fits "seminars" "/:검색 Enter:상세 a:추가 e:편집 d:삭제 p:일정 P:참가자 ?:도움말 q:종료" \
	"회 " "연도 " "장소 " "주제"
tm_keys Tab
fits "trainees" "/:검색 Enter:상세 a:추가 e:편집 d:삭제 ?:도움말 q:종료" \
	"연도 " "수용 지자체 " "출신 " "전문 분야"
tm_keys Tab
fits "activities" "/:검색 Enter:상세 a:추가 e:편집 d:삭제 ]:종류 y:연도 ?:도움말 q:종료" \
	"ID " "기간 " "소속 지자체 " "종류 " "장소 " "상대방"
expect_eq "$(tm_screen | sed -n 3p)" " 1 활동 지원  2 위탁 조사  3 홍보  4 JET  5 자매결연  6 대표사무소  7 방문단  0" \
	"activities: the bar of kinds whole, numbered"

# the Reports tab: its title and key line whole
tm_keys Tab
tm_expect_re "^파견, [0-9]{4}년도, 연도별$" "the reports tab's title in Korean"
tm_expect "]:통계 b:기준 h:연도 a:전체 w:보고서 o:시작 수치 ?:도움말 q:종료" "the reports tab's key line whole"

# a form on the widest labels: the specialist's
tm_keys Tab
tm_expect "전문가 1168명  ko" "back on the specialists"
tm_keys a
tm_expect "전문가 추가" "the specialist form"
tm_expect " 현황          [x] 재직  [ ] 퇴직" "its choice field whole"
tm_keys Escape
tm_expect_gone "전문가 추가" "the form closes"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "seoul"
finish
