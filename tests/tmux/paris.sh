# paris.sh - the Paris office's screens in French at 80x24 with the demo
# data: the tab bar and every tab's key hints fit whole (nothing cut to
# "~"), headings and labels are whole and capitalised (État), field names
# come from fields.yaml in French. Paris's own demo holds its specialists
# and its casework; head office's, read in French, fills the other tabs.
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config
cd "$T" || exit 1

row() { tm_screen | sed -n "$1p"; }
# whole LINE DESC: the line is on screen and nothing in it is cut.
whole() {
	case $1 in
	*"~"*) bad "$2: cut: '$1'" ;;
	"") bad "$2: empty" ;;
	*) ok ;;
	esac
}
TABS="Experts Demandes Missions Planning Synchro Séminaires Stagiaires Actions Bilans"
# tabs_and_hints: the tab bar names every tab, whole; on each tab the key
# hints are whole, with help and quit.
tabs_and_hints() {
	bar=$(row 2)
	whole "$bar" "the tab bar"
	for t in $TABS; do expect_in "$bar" "$t" "the tab bar names $t"; done
	for t in $TABS; do
		tm_wait "$t" >/dev/null
		sleep 0.8
		hints=$(row 24)
		whole "$hints" "the key hints of $t"
		expect_in "$hints" "?:aide" "$t: help among its hints"
		expect_in "$hints" "q:quitter" "$t: quit among its hints"
		tm_keys Tab
	done
}

# ---- Paris: its configuration as it ships, its own demo ----
tm_start "$KZ -c $conf/paris.yaml --demo"
tm_expect "Bureau de Paris [PAR]" "the title names the office"
tm_expect_re " fr *$" "the title shows the language"
tm_expect "spécialistes" "the count in French"
tm_expect "Domaines" "column headings in French"
tm_expect_re "(génie civil|éducation|élevage|soins médicaux)" "field names from fields.yaml in French"
tm_expect "Collectivité d'origine" "detail labels in French, whole"
tabs_and_hints
tm_keys a
tm_expect "Ajouter un spécialiste" "the form in French"
hints=$(row 24)
whole "$hints" "the form's key hints"
expect_in "$hints" "F2:enregistrer" "save is named"
tm_keys Escape
tm_expect "q:quitter" "back to the list"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "Paris"

# ---- head office's demo, in French: every tab has records ----
sed 's/^  language: .*/  language: fr/' "$conf/tokyo.yaml" > "$T/tyo-fr.yaml"
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
sleep 0.3
tm_start "$KZ -c $T/tyo-fr.yaml --demo"
tm_expect "1168 spécialistes" "head office's demo in French" 60
tabs_and_hints
# requests: the detail labels fit their column
tm_back_to "285 demandes" "the requests tab"
tm_expect "Province/État" "a label shortened to fit, whole"
tm_expect "Statut         reçue" "statuses in French"
tm_keys Tab
tm_expect "271 missions" "the dispatches tab"
tm_expect_re "^État +proposée" "a label capitalised past ASCII (état -> État)"
tm_keys Tab
tm_expect "zoom mois" "the timeline"
legend=$(tm_screen | grep '^# ')
whole "$legend" "the timeline's legend"
tm_keys Tab Tab
tm_expect "18 éditions" "the seminars tab"
head=$(tm_screen | grep '^ N°')
expect_in "$head" "Année" "the year heading whole"
whole "$head" "the editions' headings"
tm_keys Tab
tm_expect "7 stages" "the trainees tab"
head=$(row 3)
expect_in "$head" "Année" "the year heading whole"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "head office in French"
finish
