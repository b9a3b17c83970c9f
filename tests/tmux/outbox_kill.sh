# outbox_kill.sh - a trainee placement, a programme item and a participant
# saved from the screens with F2, the program killed right after the save
# (KZ_TEST_KILL_AFTER_SAVE, as a dropped remote shell): the next bundle
# holds each, and head office has them.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1
nb=0

# Beijing's series and edition, from the command line
b series add --code bjk --name "Beijing kill test"
expect_rc 0 "seed a series"
b seminar add --series bjk --number 1 --year 2026 --start 2026-12-01 \
	--end 2026-12-03 --country CN
expect_rc 0 "seed an edition"

# screens: start Beijing's screens, to die right after the first save
screens() {
	# a new server each time: a new session on one being killed races
	nb_sock=$((${nb_sock:-0} + 1))
	tm_new_server "$nb_sock"
	tm_start "env KZ_TEST_KILL_AFTER_SAVE=1 $KZ -c $C/beijing.yaml -d $BJDB"
	tm_expect "Specialists" "$1: the screens start"
}
# to_seminars: backwards from the first tab until the series shows
to_seminars() { tm_back_to "Series 1/1" "$1: the seminars tab"; }
# send WHAT: Beijing's next bundle to head office
send() {
	nb=$((nb + 1))
	b sync export -o "b$nb.kzb"
	expect_rc 0 "$1: Beijing exports"
	expect_in "$out" "bundle $nb of BJS" "$1: bundle $nb"
	t sync import "b$nb.kzb"
	expect_rc 0 "$1: head office applies it"
}

# killed WHAT: the program died of SIGKILL right after the save
killed() { tm_exited 137 "$1"; }

# the trainees tab: a, fill in, F2, killed
screens "trainee"
# back past the Reports and Activities tabs
tm_keys BTab BTab BTab
tm_expect "Trainees" "the trainees tab"
tm_keys a
tm_expect "Add a trainee placement" "a opens the placement form"
tm_type 鳥取県
tm_keys Tab
tm_type 吉林省长春市
tm_keys Tab
tm_type 吉林省
tm_keys Tab Tab
tm_type 李华
tm_keys Tab Tab Tab
tm_type "国際交流"
tm_keys Tab
tm_type 2026
tm_keys F2
killed "the placement's save"
send "trainee"
t trainee list
expect_in "$out" "鳥取県" "the placement saved on the screen reached head office"

# the seminars tab: the edition's programme, a, F2, killed
screens "programme item"
to_seminars "programme item"
tm_keys p
tm_expect "No programme yet" "p opens the empty programme"
tm_keys a
tm_expect "Add a programme item" "a opens the item form"
tm_keys Tab
tm_type 9:30
tm_keys Tab
tm_type 11:00
tm_keys Tab Tab
tm_type Beijing
tm_keys Tab
tm_type CLAIR
tm_keys Tab
tm_type lecture
tm_keys Tab
tm_type "Killed after the save"
tm_keys F2
killed "the item's save"
send "programme item"
t programme list bjk/1
expect_in "$out" "Killed after the save" "the item saved on the screen reached head office"

# the edition's participants, a, F2, killed
screens "participant"
to_seminars "participant"
tm_keys P
tm_expect "0 participants" "P opens the participants"
tm_keys a
tm_expect "Add a participant" "a opens the participant form"
tm_type 王芳
tm_keys Tab Tab
tm_type cn
tm_keys F2
killed "the participant's save"
send "participant"
t participant list bjk/1
expect_in "$out" "王芳" "the participant saved on the screen reached head office"

tm_asan_clean "outbox_kill"
finish
