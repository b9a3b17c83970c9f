# dispatch_flow.sh - on the screens: record a request, rank its candidates,
# propose the top one, sign the agreement, and see the bar on the timeline
# at 80x24 without colour; the specialist's record lists the dispatch.
. "$KZ_TESTS/lib.sh"
C="-c $FIX/dispatch/office.yaml"
export KIZUNA_TODAY=2019-09-01

run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--status retired --fields "agriculture:vegetables continuous cropping:20" --langs zh:business
expect_rc 0 "seed Sato"
run $C specialist add --name "伊藤 誠" --roman "Makoto Ito" --government 宮城県 --fields "agriculture::2"
expect_rc 0 "seed Ito"

tm_start "KIZUNA_TODAY=2019-09-01 NO_COLOR=1 $KZ $C"
tm_expect "2 specialists" "the screens start"
tm_expect " Requests " "a Requests tab"
tm_keys Tab
tm_expect "Nothing here yet" "an empty request list"
tm_expect "m:candidates" "the request keys in the hints"

# record a request through the form
tm_keys a
tm_expect "Record a request" "a opens the request form"
tm_type CN; tm_keys Tab
tm_type 河南省; tm_keys Tab
tm_type 开封市; tm_keys Tab
tm_type 农业农村局; tm_keys Tab Tab
tm_type agriculture
tm_expect "1 agriculture" "the field is named while typing"
tm_keys Tab
tm_type "vegetables: damage from continuous cropping"; tm_keys Tab
tm_type 2019-09-23; tm_keys Tab
tm_type 2019-09-16; tm_keys F2
tm_expect "ends (2019-09-16) before it starts" "a period backwards is refused in the form"
tm_keys Up C-u; tm_type 2019-09-16; tm_keys Tab C-u; tm_type 2019-09-23
tm_keys Tab Tab Tab Tab
tm_type zh
tm_keys F2
tm_expect "Saved request" "F2 saves the request"
tm_expect "China Henan Sheng" "the list shows the host"
tm_expect "received" "a new request is received"

# its candidates, ranked and explained
tm_keys m
tm_expect "2 can go, 0 cannot" "m ranks the candidates"
tm_expect "Ken'ichi Sato" "the candidates are listed"
s=$(tm_screen)
top=$(printf '%s\n' "$s" | grep '^>1 ')
expect_in "$top" "Ken'ichi Sato" "the top candidate is selected first"
expect_in "$s" "+30   field agriculture" "the reasons show beside the score"
tm_keys j k
tm_expect "p:propose" "the candidate keys in the hints"

# propose the top one
tm_keys p
tm_expect "Propose a dispatch" "p opens the dispatch form"
tm_expect "佐藤 健一 (Ken'ichi Sato)" "the form names the candidate"
tm_expect "2019-09-16" "the wished dates are filled in"
tm_keys F2
tm_expect "Proposed: dispatch" "F2 proposes"
tm_expect "proposed to host" "the request moved on"

# sign the agreement on the Dispatches tab
tm_keys Tab
tm_expect "2019-09-16..09-23" "the dispatch is listed"
tm_expect "c:costs" "the dispatch keys in the hints"
tm_keys s
tm_expect "agreement signed" "s offers the next states"
tm_keys Space Down Down
tm_type BJS-2019-01
tm_keys F2
tm_expect "is now agreement signed" "the agreement is signed"
tm_expect "Agreement  2019-09-01" "the agreement shows in the record"
tm_expect "Reference  BJS-2019-01" "with its reference"
tm_keys Enter J J J J J J
tm_expect "proposed -> agreement signed" "the history shows the change"
tm_keys Enter

# the bar on the timeline
tm_keys Tab
tm_expect "month zoom" "the timeline tab"
tm_expect "Ken'ichi Sato 开封市" "a row for the dispatch"
s=$(tm_screen)
row=$(printf '%s\n' "$s" | grep "Ken'ichi Sato 开封市")
expect_in "$row" "===" "a firm bar for a signed dispatch"
expect_in "$s" "Sep" "month names across the top"
expect_in "$s" "|" "today is marked"
tm_keys +
tm_expect "week zoom" "+ zooms in"
tm_keys l
tm_keys -
tm_keys -
tm_expect "year zoom" "- zooms out"
tm_keys t
tm_expect "Ken'ichi Sato 开封市" "t goes back to today"

# the specialist's record lists the dispatch
tm_keys BTab BTab BTab
tm_expect "2 specialists" "back on the specialists"
tm_keys /
tm_type Sato
tm_keys Enter
tm_expect "Dispatches" "the record has a dispatch history"
tm_expect "agreement signed" "with the dispatch's state"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "dispatch_flow"

run $C dispatch list --format csv
expect_in "$out" "2019-09-16,2019-09-23,signed" "the CLI sees what the screens did"
finish
