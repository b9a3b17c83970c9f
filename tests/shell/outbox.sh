# outbox.sh - every save of every record type reaches the next bundle, even
# when the program is killed right after it (KZ_TEST_KILL_AFTER_SAVE); an
# import on a full disk leaves nothing behind (a tiny tmpfs, if root).
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1
export KIZUNA_NOW=2026-11-01T09:00:00Z
n=0

# killed DESC ARGS...: Beijing runs the command and is killed (SIGKILL)
# right after its first commit, before it can print or close anything.
killed() {
	d=$1; shift
	KZ_TEST_KILL_AFTER_SAVE=1 b "$@"
	if [ "$rc" -eq 137 ]; then ok; else
		bad "$d: not killed after the save (status $rc)"
		printf '  stderr: %s\n' "$(printf '%s' "$err" | head -c 400)"
	fi
}
# send: Beijing's next bundle to head office, which applies it.
send() {
	n=$((n + 1))
	b sync export -o "b$n.kzb"
	expect_rc 0 "$1: Beijing exports bundle $n"
	t sync import "b$n.kzb"
	expect_rc 0 "$1: head office applies bundle $n"
}
# idof TEXT ARGS...: the id of the row of Beijing's listing ARGS that holds TEXT.
idof() {
	t_=$1; shift
	b "$@" --format csv
	printf '%s\n' "$out" | grep -F -- "$t_" | grep -oE 'BJS-[0-9A-Z]{4}-[0-9A-Z]{4}' | head -n 1
}

# adds, one command each, each killed right after its save
killed "series add" series add --code bjk --name "Beijing kill test"
killed "seminar add" seminar add --series bjk --number 1 --year 2026 \
	--start 2026-12-01 --end 2026-12-03 --country CN
killed "programme add" programme add bjk/1 --date 2026-12-01 --kind lecture \
	--title "Lecture on killing"
killed "participant add" participant add bjk/1 --name 王芳 --country CN
killed "trainee add" trainee add --host 鳥取県 --home 吉林省长春市 --year 2026
killed "specialist add" specialist add --name 鈴木一郎 --roman "Ichiro Suzuki" \
	--government 鳥取県 --fields agriculture
b sync status
expect_in "$out" "waiting for the next export: " "the outbox counts them"
send "adds"
t series list
expect_in "$out" "bjk" "the series reached head office"
t seminar list
expect_in "$out" "bjk" "the edition reached head office"
t programme list bjk/1
expect_in "$out" "Lecture on killing" "the programme item reached head office"
t participant list bjk/1
expect_in "$out" "王芳" "the participant reached head office"
t trainee list
expect_in "$out" "鳥取県" "the trainee placement reached head office"
t search Suzuki
expect_in "$out" "Ichiro Suzuki" "the specialist reached head office"

# edits
TR=$(idof 鳥取県 trainee list)
PA=$(idof 王芳 participant list bjk/1)
IT=$(idof "Lecture on killing" programme list bjk/1)
[ -n "$TR" ] && [ -n "$PA" ] && [ -n "$IT" ] && ok || bad "ids not found: '$TR' '$PA' '$IT'"
killed "trainee edit" trainee edit "$TR" --host 大分県
killed "participant edit" participant edit "$PA" --name 王芳芳
killed "programme edit" programme edit "$IT" --title "Lecture, killed again"
send "edits"
t trainee show "$TR"
expect_in "$out" "大分県" "the trainee's edit reached head office"
t participant list bjk/1
expect_in "$out" "王芳芳" "the participant's edit reached head office"
t programme list bjk/1
expect_in "$out" "Lecture, killed again" "the item's edit reached head office"

# deletes
killed "trainee rm" trainee rm "$TR" --yes
killed "participant rm" participant rm "$PA" --yes
killed "programme rm" programme rm "$IT" --yes
send "deletes"
t trainee show "$TR"
expect_rc 1 "the trainee's delete reached head office"
t participant list bjk/1
expect_not_in "$out" "王芳" "the participant's delete reached head office"
t programme list bjk/1
expect_not_in "$out" "Lecture" "the item's delete reached head office"

# without the hook nothing is killed: the variable alone acts
b trainee add --host 島根県 --home 河南省 --year 2026
expect_rc 0 "a save without the test hook"

# a full disk, if a tiny tmpfs can be had (root in a container)
# (room for the database and 300 KB more: the import's rows, 1.8 MB,
# fill it)
F=$T/full
mkdir -p "$F"
room=$(($(wc -c < "$BJDB") / 1024 + 300))
if mount -t tmpfs -o size=${room}k tmpfs "$F" 2>/dev/null; then
	cp "$BJDB" "$F/bj.db"
	python3 - > people.csv <<'EOF'
print("name,name_roman,government,post,notes")
for i in range(3000):
    print("佐藤%d,Sato Number%d,島根県,主任,%s" % (i, i, "a long note to fill the disk " * 20))
EOF
	run -c "$C/beijing.yaml" -d "$F/bj.db" sync status
	before=$out
	run -c "$C/beijing.yaml" -d "$F/bj.db" import specialists people.csv
	expect_rc 1 "import specialists on a full disk fails"
	expect_in "$err" "nothing was imported" "and says nothing was imported"
	expect_not_in "$err" "3000 imported" "no row counted as imported"
	run -c "$C/beijing.yaml" -d "$F/bj.db" search Number1
	expect_not_in "$out" "Sato Number" "no row of it stayed"
	run -c "$C/beijing.yaml" -d "$F/bj.db" sync status
	expect_eq "$out" "$before" "the outbox is as it was"
	umount "$F"
else
	skip "no tmpfs can be mounted here: the full-disk check (test_outbox covers it with a failing VFS)"
fi

finish
