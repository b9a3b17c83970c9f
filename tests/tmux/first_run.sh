# first_run.sh - a first run without a configuration asks which sample
# office this is, writes its configuration and starts as that office.
. "$KZ_TESTS/lib.sh"
# no configuration at all (lib.sh writes one for the other tests)
rm -rf "$XDG_CONFIG_HOME/kizuna"

tm_start "$KZ"
tm_expect "Which office is this?" "the first run asks"
tm_expect "BJS  Beijing office" "the sample offices are listed"
tm_expect "TYO  Head office in Tokyo" "head office too"
tm_expect "SEL  Seoul office" "and Seoul"
tm_type "XYZ"
tm_keys Enter
tm_expect "\"XYZ\" is none of them." "an unknown answer is said"
[ -e "$XDG_CONFIG_HOME/kizuna/config.yaml" ] && bad "a configuration was written for a wrong answer" || ok
# by its number in the list, whatever offices come before it
n=$(tm_screen | sed -n 's/^ *\([0-9][0-9]*\)) SIN .*/\1/p')
[ -n "$n" ] && ok || bad "Singapore is not numbered in the list"
tm_type "$n"
tm_keys Enter
tm_expect "Singapore office [SIN]" "the screens start as the office chosen" 20
cmp -s "$XDG_CONFIG_HOME/kizuna/config.yaml" "$KZ_TESTS/../config/singapore.yaml" && ok ||
	bad "the configuration written is not Singapore's sample"
tm_keys q
tm_exited 0 "quit"
expect_eq "$(sqlite3 "$XDG_DATA_HOME/kizuna/kizuna.db" "SELECT office FROM sync_home")" SIN \
	"the database is Singapore's"

# an empty answer stops without writing anything
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
sleep 0.3
rm -rf "$XDG_CONFIG_HOME/kizuna"
tm_start "$KZ"
tm_expect "Office (number or code" "asked again on a new machine"
tm_keys Enter
tm_expect "no office chosen: nothing written" "an empty answer stops"
tm_exited 1 "with status 1"
[ -e "$XDG_CONFIG_HOME/kizuna/config.yaml" ] && bad "a configuration was written without a choice" || ok
tm_asan_clean "first_run"
finish
