# report_openings.sh - opening figures from the keyboard, on the Reports
# tab: o lists them with each programme's total since the start; a adds
# one through the record form (the programme from its pick list), which
# changes that total at once, on the charts' return and in `kizuna
# report`; e edits, d deletes (asking first) and u takes the delete back.
. "$KZ_TESTS/lib.sh"
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/beijing.yaml" > "$T/bj.yaml"
cd "$T" || exit 1
export KIZUNA_TODAY=2026-01-02
C="-c $T/bj.yaml -d $T/bj.db"

run $C demo
expect_rc 0 "Beijing's demo"
# support has records only: 55 since the start, from 2019, marked
run $C report 2019 --width 240
expect_in "$(printf '%s\n' "$out" | tr -s ' ')" "support for Japanese local governments 55 55 2019*" "before: support's records alone"

tm_start "KIZUNA_TODAY=2026-01-02 $KZ $C"
tm_expect "Specialists" "the screens start"
tm_keys BTab
tm_expect "Dispatches, FY2025, by year" "the Reports tab"
tm_expect "o:opening" "the hints name o"
tm_keys y C-u
tm_type 2019
tm_keys Enter
tm_expect "Dispatches, FY2019, by year" "FY2019"

# o: the figures, each with its programme's total up to FY2019
tm_keys o
tm_expect "SINCE THE START" "o lists the opening figures"
tm_expect "Opening figures: 6, to FY2019" "the title counts them, and names the year"
tm_expect_re "^.LGOTP officials trained +2019年03月31日 +507 +1996 +514" "the LGOTP figure: 507, and 514 with 2019's placements"
tm_expect "Esc:back" "Esc goes back, as the hints say"

# a: a new figure, its programme picked from the list
tm_keys a
tm_expect "Opening figure: new" "a opens the form"
tm_keys F4
tm_type "support"
tm_expect "support for Japanese local governments" "the pick list has the programmes"
tm_keys Enter
tm_expect_re "Programme\\* +support" "the key of the programme picked"
tm_keys Tab
tm_type 2010
tm_keys Tab
tm_type 2019-03-31
tm_keys Tab
tm_type 300
tm_keys F2
tm_expect "Saved" "saved"
tm_expect "Opening figures: 7" "seven figures"
tm_expect_re "^>support for Japanese.* 2019年03月31日 +300 +2010 +355" "its total: 300, and the 55 records after it"
tm_expect "this figure and 55 records after it" "the detail says how the total is made"
run $C report 2019 --width 240
expect_in "$(printf '%s\n' "$out" | tr -s ' ')" "support for Japanese local governments 55 355 2010" "kizuna report: 355 since 2010"

# e: the count changed, the total with it
tm_keys e
tm_expect "Opening figure: edit" "e opens the form on it"
tm_keys Tab Tab Tab C-u
tm_type 400
tm_keys F2
tm_expect_re "^>support for Japanese.* 2019年03月31日 +400 +2010 +455" "the edit changes the total"
tm_keys J J J J J J
tm_expect "300 → 400" "the history has the edit"

# d, then u
tm_keys d
tm_expect "Delete the opening figure" "d asks first"
tm_keys y
tm_expect "Deleted" "deleted"
tm_expect "Opening figures: 6" "six again"
tm_keys u
tm_expect "(y/n)" "u asks"
tm_keys y
tm_expect "Opening figures: 7" "the figure is back"
tm_expect_re "support for Japanese.* 2019年03月31日 +400 +2010 +455" "with its count"

# a search by the programme's name; Esc first clears it
tm_keys /
tm_type "LGOTP"
tm_keys Enter
tm_expect "Opening figures: 1," "/: the figures of the programmes found"
tm_expect_gone "JET assistant" "the others are gone"
tm_keys Escape
tm_expect "Opening figures: 7," "Esc clears the search first"

# a series' figure: its programme by the series' name in the detail
# too, the key after it
tm_keys /
tm_type "senior"
tm_keys Enter
tm_expect "Opening figures: 1," "/ finds the senior officials' figure"
tm_expect_re "^Programme +participants of 海外地方政府干部交流合作研讨会" "the detail names the series"
tm_expect "(attendance:senior-officials)" "and gives its key"
tm_keys Escape
tm_expect "Opening figures: 7," "Esc clears the search"

# Esc: the charts, counted again; the report has the figure
tm_keys Escape
tm_expect "Dispatches, FY2019, by year" "Esc: back to the charts"
tm_expect_gone "SINCE THE START" "the list has gone"
run $C report 2019 --width 240
expect_in "$(printf '%s\n' "$out" | tr -s ' ')" "support for Japanese local governments 55 455 2010" "kizuna report: 455 since 2010"
run $C opening list --programme support --format csv
expect_in "$out" "support,2010,2019-03-31,400" "the figure in the database"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "opening figures"
finish
