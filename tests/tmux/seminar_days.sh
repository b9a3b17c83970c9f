# seminar_days.sh - on the seminars tab: add an edition through the form, add
# programme items on two days in two cities (one clash kept with a second
# F2), and read the day view at 80x24: headings, rows, columns in line.
. "$KZ_TESTS/lib.sh"

# Display column where TEXT starts on LINE (capture-pane drops the padding
# cell after a wide character, so measure in display width).
col_of() {
	prefix=${1%%"$2"*}
	printf '%s\n' "$prefix" | wc -L
}

run series add --code sin-seminar --name "Local Government Exchange and Cooperation Seminar"
expect_rc 0 "seed a series"

tm_start "$KZ"
tm_expect "Specialists" "started"
# the seminars tab: backwards from the first tab, past the trainees
tm_back_to "Series 1/1 (s: next): Local Government Exchange" "the seminars tab shows the series"
tm_expect "p:programme" "the status line hints at the programme"

# an edition through the form
tm_keys a
tm_expect "Add an edition of sin-seminar" "a opens the edition form"
tm_keys Tab Tab
tm_type 2019
tm_keys Tab
tm_type "Local Government Exchange and Cooperation Seminar 2019"
tm_keys Tab
tm_type "Tourism Promotion; Multiculturalism"
tm_keys Tab
tm_type 2019-12-15
tm_keys Tab
tm_type 2019-12-21
tm_keys Tab
tm_type "Tokyo, Shimonoseki"
tm_keys Tab Tab
tm_type jp
tm_expect "Japan" "the form names the country being typed"
tm_keys F2
tm_expect "Saved edition" "F2 saves the edition"
tm_expect "1 edition" "the title counts it"
s=$(tm_screen)
expect_in "$s" "2019 Tokyo, Shimonoseki" "the history table shows year and place"
printf '%s\n' "$s" | grep -q '^First day  *2019-12-15' && ok || bad "the detail shows the first day"
printf '%s\n' "$s" | grep -q '^Last day  *2019-12-21' && ok || bad "the detail shows the last day"

# its programme: empty at first
tm_keys p
tm_expect "No programme yet: press a to add an item." "p opens the empty programme"
tm_expect "Esc:back" "the status line says how to go back"

# day 2, Tokyo
tm_keys a
tm_expect "Add a programme item" "a opens the item form"
s=$(tm_screen)
expect_in "$s" "2019-12-15" "the date starts at the edition's first day"
tm_keys C-u
tm_type 2019-12-16
tm_keys Tab
tm_type 9:30
tm_keys Tab
tm_type 11:00
tm_keys Tab Tab
tm_type Tokyo
tm_keys Tab
tm_type CLAIR
tm_keys Tab
tm_type lecture
tm_keys Tab
tm_type "Local administration in Japan"
tm_keys F2
tm_expect "Monday  (day 2 of 7)" "the day heading"
tm_expect "09:30-11:00" "the time, normalised"

# day 4, Shimonoseki: the form starts on the selected day and city
tm_keys a
tm_expect "Add a programme item" "a again"
s=$(tm_screen)
expect_in "$s" "2019-12-16" "the new item starts on the selected day"
tm_keys C-u
tm_type 2019-12-18
tm_keys Tab
tm_type 10:00
tm_keys Tab
tm_type 11:00
tm_keys Tab Tab C-u
tm_type 下関市
tm_keys Tab
tm_type 市役所
tm_keys Tab
# Too wide for one row: the hint of kinds goes on two, the last kind too.
tm_expect "travel, departure" "the whole list of kinds shows"
tm_type "courtesy call"
tm_keys Tab
tm_type "Courtesy call on the Mayor"
tm_keys F2
tm_expect "Wednesday  (day 4 of 7)" "a second day"
tm_expect "下関市" "a second city"

# a clash at another venue: named, kept on the second F2
tm_keys a
tm_expect "Add a programme item" "a third item"
tm_keys C-u
tm_type 2019-12-16
tm_keys Tab
tm_type 10:00
tm_keys Tab
tm_type 10:30
tm_keys Tab Tab C-u
tm_type Tokyo
tm_keys Tab
tm_type TIC
tm_keys Tab
tm_type visit
tm_keys Tab
tm_type "Visit to TIC"
tm_keys F2
tm_expect "overlaps 2019-12-16 09:30-11:00" "the clash is named in the form"
tm_expect "F2 again keeps both items" "and how to keep it"
tm_keys F2
tm_expect "Saved, with a clash" "the second F2 keeps both"

# the day view
s=$(tm_screen)
expect_in "$s" "3 items on 2 days" "the title counts items and days"
day2=$(printf '%s\n' "$s" | grep -n "Monday  (day 2 of 7)" | cut -d: -f1)
day4=$(printf '%s\n' "$s" | grep -n "Wednesday  (day 4 of 7)" | cut -d: -f1)
lec=$(printf '%s\n' "$s" | grep -n "Local administration in Japan" | head -n 1 | cut -d: -f1)
tic=$(printf '%s\n' "$s" | grep -n "Visit to TIC" | head -n 1 | cut -d: -f1)
call=$(printf '%s\n' "$s" | grep -n "Courtesy call on the Mayor" | head -n 1 | cut -d: -f1)
[ -n "$day2" ] && [ -n "$day4" ] && [ "$day2" -lt "$lec" ] && [ "$lec" -lt "$tic" ] &&
	[ "$tic" -lt "$day4" ] && [ "$day4" -lt "$call" ] && ok ||
	bad "items are not under their days in time order: $day2 $lec $tic $day4 $call"
r1=$(printf '%s\n' "$s" | grep "09:30-11:00" | head -n 1)
r2=$(printf '%s\n' "$s" | grep "10:00-11:00" | head -n 1)
expect_eq "$(col_of "$r1" "lecture")" "$(col_of "$r2" "courtesy call")" \
	"the kind column lines up after a CJK city"
expect_eq "$(col_of "$r1" "CLAIR")" "$(col_of "$r2" "市役所")" \
	"the venue column lines up"
w=$(printf '%s\n' "$s" | wc -L)
[ "$w" -le 80 ] && ok || bad "a line is $w columns wide"

# moving: ] to the next day, the detail follows
tm_keys g
tm_keys ']'
tm_expect ">10:00-11:00 下関市" "] selects the next day's first item"
tm_expect "Asia/Tokyo (JST)" "the detail shows the zone"
tm_keys '['
tm_expect ">09:30-11:00 Tokyo" "[ goes back a day"
# Enter: the item in full, a labelled line a field of its table
tm_keys Enter
tm_expect "Changes" "Enter zooms into the item"
s=$(tm_screen)
printf '%s\n' "$s" | grep -q '^Time zone  *Asia/Tokyo (JST)' && ok || bad "the zoomed detail labels the zone"
printf '%s\n' "$s" | grep -q '^Venue  *CLAIR' && ok || bad "the zoomed detail labels the venue"
printf '%s\n' "$s" | grep -q '^Kind  *lecture' && ok || bad "the zoomed detail labels the kind"
tm_keys Enter

# back to the editions, the counts there
tm_keys Escape
tm_expect "3 items (p shows the programme)" "Esc goes back; the edition counts its items"

tm_keys q
tm_exited 0 "q quits"

run programme list sin-seminar/2019 --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 3 "the CLI sees the three items"
expect_in "$out" "Asia/Tokyo" "stored with the zone from the city"
tm_asan_clean "seminar_days"
finish
