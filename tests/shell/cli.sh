# cli.sh - one parser for every command: options before or after operands,
# --, --opt=value, per-command --help, usage errors, the lookup of commands,
# and the completion scripts written from the command table.
. "$KZ_TESTS/lib.sh"
CONF=$KZ_TESTS/../config

run import specialists "$FIX/specialists.csv"
expect_rc 0 "import the fixture"

# ---- options after operands (GNU permutation) ----
run search 农业 --format csv
expect_rc 0 "search TEXT --format csv"
expect_eq "$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')" "id,name,name_roman,government,post,status,fields,languages" \
	"search TEXT --format csv prints CSV"
expect_in "$out" "Wang Jianguo" "the options after the text are not searched for"
run search --format=json 农业
expect_rc 0 "search --format=json TEXT"
expect_eq "$(printf '%s\n' "$out" | head -n 1)" "[" "--format=json before the text"
wang=$(printf '%s\n' "$out" | sed -n 's/.*"id": "\([^"]*\)", "name": "王建国".*/\1/p')
[ -n "$wang" ] && ok || bad "no id for 王建国 in: $out"

run specialist show "$wang" --format json
expect_rc 0 "show ID --format json"
expect_in "$out" "\"name_roman\": \"Wang Jianguo\"" "show ID --format json is JSON"
run specialist edit "$wang" --post 处长 --format csv
expect_rc 0 "edit ID --opt v --format csv"
expect_in "$out" ",处长," "edit applies the option given after the id"
run specialist edit --notes=--not-an-option "$wang"
expect_rc 0 "edit --notes=VALUE before the id"
run specialist show "$wang"
expect_in "$out" "--not-an-option" "--opt=value takes a value beginning with dashes"
run specialist edit "$wang" --notes -x
expect_rc 0 "--opt VALUE takes the next word, dash or not"

run specialist add --roman "Anna Berg" --government Uppsala --name "Anna Berg" --format csv
expect_rc 0 "add with --format after the record's options"
expect_in "$out" "Anna Berg,Anna Berg,Uppsala" "add --format csv prints the record"
anna=$(printf '%s\n' "$out" | sed -n '2s/,.*//p')

run import specialists "$FIX/specialists_bad.csv" --skip-bad
expect_rc 0 "import FILE --skip-bad"
expect_in "$err" "skipped" "--skip-bad after the file skips the bad rows"

run specialist rm "$anna" --yes
expect_rc 0 "rm ID --yes"
run specialist show "$anna"
expect_rc 1 "the record is gone after rm ID --yes"
run specialist rm "$wang"
expect_rc 1 "rm without --yes and without a terminal"
expect_in "$err" "kizuna: not deleting $wang without --yes" "rm names the record it keeps"

# seminar and trainee commands take the same syntax
run series add --code cj --name "China-Japan seminar"
expect_rc 0 "series add"
run seminar add --year 2019 --series cj --number 18
expect_rc 0 "seminar add"
run seminar show cj/18 --format json
expect_rc 0 "seminar show EDITION --format json"
expect_in "$out" "\"ref\": " "seminar show EDITION --format json is JSON"
run participant add cj/18 --name 李华 --country CN --format csv
expect_rc 0 "participant add EDITION --opt ... --format csv"
expect_in "$out" "李华" "participant add prints the record"
run participant list --contacts cj/18 --format=csv
expect_rc 0 "participant list --contacts EDITION --format=csv"
expect_in "$out" ",email,phone" "--contacts before the edition"
run series rm cj
expect_rc 1 "series rm of a series with an edition"
expect_in "$err" "series cj has 1 edition: delete it first" "says why first, before any question"
run series add --code empty --name "Nothing yet"
run series rm empty
expect_rc 1 "series rm without --yes and without a terminal"
expect_in "$err" "without --yes" "every delete refuses alike"
run trainee add --host 島根県 --home 河南省 --year 2020
expect_rc 0 "trainee add"
tr=$out
run trainee show "$tr" --format json
expect_rc 0 "trainee show ID --format json"
expect_in "$out" "\"host\": \"島根県\"" "trainee show ID --format json is JSON"

# ---- -- ends the options ----
run search -- -zzqq
expect_rc 0 "search -- -zzqq"
expect_in "$err" "no specialists found" "-- makes -zzqq the text searched for"
run search -x
expect_rc 2 "without --, -x is an option"
expect_in "$err" "kizuna: unknown option -x" "the unknown short option is named"

# ---- usage errors: a message naming the problem, the usage line, 2 ----
run specialist add --name x --roman y --government z --bogus 1
expect_rc 2 "an unknown option"
expect_in "$err" "kizuna: unknown option --bogus" "the unknown option is named"
expect_in "$err" "usage: kizuna specialist add --name NAME" "the usage line follows"
expect_eq "$out" "" "nothing on stdout after a usage error"
run specialist show
expect_rc 2 "an operand missing"
expect_in "$err" "kizuna: missing ID" "the missing operand is named"
run specialist show a b
expect_rc 2 "an operand too many"
expect_in "$err" "kizuna: unexpected argument \"b\"" "the extra operand is named"
run specialist list --status retired --status serving
expect_rc 2 "an option given twice"
expect_in "$err" "kizuna: option --status is given twice" "the repeated option is named"
run specialist list --status
expect_rc 2 "an option without its value"
expect_in "$err" "kizuna: option --status needs a value" "the option without a value is named"
run specialist list --fr 2026-01-01
expect_rc 0 "an unambiguous start of an option's name"
run specialist list --f x
expect_rc 2 "an ambiguous start of an option's name"
expect_in "$err" "is ambiguous: --field, --free, --format" "the candidates are named"
run specialist rm --yes=no "$wang"
expect_rc 2 "a value to an option that takes none"
expect_in "$err" "kizuna: option --yes takes no value" "the option is named"
run specialist edit "$wang"
expect_rc 2 "edit without a change"
expect_in "$err" "nothing to change" "edit without a change says so"
run specialist list --format xml
expect_rc 1 "an unknown format"
expect_in "$err" "--format: \"xml\" is not table, csv or json" "the format is named"
run dispatch list --specialist NOPE
expect_rc 1 "an option naming a record that does not exist"
expect_in "$err" "no specialist NOPE" "the record is looked up before the command runs"

# ---- the lookup of commands ----
run nosuchcommand
expect_rc 2 "an unknown command"
expect_in "$err" "unknown command \"nosuchcommand\"" "the unknown command is named"
run specialist list --format csv
before=$(printf '%s\n' "$out" | wc -l)
# a verb that misses must not run the first command of the table
run specialist frob --name x --roman y --government z
expect_rc 2 "an unknown verb"
expect_in "$err" "specialist has no verb \"frob\"" "the unknown verb is named"
expect_in "$err" "add list show edit rm" "the verbs are listed"
expect_eq "$out" "" "an unknown verb prints nothing on stdout"
run specialist list --format csv
expect_eq "$(printf '%s\n' "$out" | wc -l)" "$before" "an unknown verb adds no specialist"
run specialist frob --help
expect_rc 2 "an unknown verb with --help"
expect_not_in "$out" "register a specialist" "an unknown verb shows no other command's help"

# ---- an empty usage never shows the catalogue's header ----
for conf in "" "-c $CONF/beijing.yaml" "-c $CONF/tokyo.yaml"; do
	run $conf config show --x
	expect_rc 2 "config show --x ($conf)"
	expect_not_in "$err" "Project-Id-Version" "config show --x prints no catalogue header ($conf)"
	expect_eq "$(printf '%s\n' "$err" | tail -n 1 | sed 's/.*kizuna //')" "config show" \
	    "config show's usage line ends after its name ($conf)"
	run $conf demo extra
	expect_rc 2 "demo extra ($conf)"
	expect_not_in "$err" "Project-Id-Version" "demo extra prints no catalogue header ($conf)"
done

# ---- --help of every command ----
run -d "$T/no/such/dir/kizuna.db" specialist add --help
expect_rc 0 "specialist add --help"
expect_in "$out" "usage: kizuna specialist add --name NAME --roman ROMAN" "--help: the usage line"
expect_in "$out" "register a specialist" "--help: the help line"
for o in --name --roman --government --post --status --fields --langs --overseas \
	--email --phone --address --unavailable --notes --format --help; do
	expect_in "$out" "$o " "specialist add --help lists $o"
done
expect_in "$out" "romanised name" "--help: each option with its help (the field's label)"
expect_eq "$err" "" "--help opens no database"
run specialist show -h
expect_rc 0 "-h without the operand a command needs"
expect_in "$out" "usage: kizuna specialist show ID" "-h prints the usage"
run specialist --help
expect_rc 0 "a command's verbs with --help"
expect_in "$out" "kizuna specialist rm ID [--yes]" "--help lists the verbs' usage"
run commands --mdoc
expect_rc 0 "commands --mdoc"
printf '%s\n' "$out" | awk '{ k = ""; for (i = 3; i <= NF && $i !~ /^[A-Z]/; i++)
	k = k (k == "" ? "" : " ") $i; print k }' >"$T/heads"
n=0
while IFS= read -r head; do
	n=$((n + 1))
	run $head --help
	if [ "$rc" -ne 0 ] || [ "$(printf '%s\n' "$out" | head -n 1 | cut -c1-$((14 + ${#head})))" != "usage: kizuna $head" ]; then
		bad "$head --help: status $rc, first line '$(printf '%s\n' "$out" | head -n 1)'"
	else ok; fi
	expect_in "$out" "-h, --help" "$head --help lists --help"
done <"$T/heads"
[ "$n" -gt 60 ] && ok || bad "commands printed only $n commands"

# ---- completion, written from the table ----
run completion bash
expect_rc 0 "completion bash"
printf '%s\n' "$out" >"$T/kizuna.bash"
if ! command -v bash >/dev/null 2>&1; then
	bad "bash is not installed"
else
	mkdir -p "$T/files" && : >"$T/files/roster.csv"
	cat >"$T/complete.bash" <<'EOF'
. "$1"
cd "$2" || exit 1
c() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _kizuna; echo "${COMPREPLY[*]}"; }
echo "1:$(c kizuna spe)"
echo "2:$(c kizuna specialist '')"
echo "3:$(c kizuna specialist list --fo)"
echo "4:$(c kizuna specialist list --format '')"
echo "5:$(c kizuna specialist list --format = c)"
echo "6:$(c kizuna -c x.yaml sea)"
echo "7:$(c kizuna import specialists ro)"
echo "8:$(c kizuna sync resolve 3 '')"
echo "9:$(c kizuna completion '')"
echo "10:$(c kizuna search foo --li)"
echo "11:$(c kizuna export programme x --output ro)"
echo "12:$(c kizuna --de)"
echo "13:$(c kizuna specialist show '')"
complete -p kizuna
EOF
	got=$(bash "$T/complete.bash" "$T/kizuna.bash" "$T/files" 2>&1)
	expect_in "$got" "1:specialist
" "bash: a command"
	expect_in "$got" "2:add list show edit rm
" "bash: the verbs of a command"
	expect_in "$got" "3:--format
" "bash: an option of the command"
	expect_in "$got" "4:table csv json
" "bash: the values of --format"
	expect_in "$got" "5:csv
" "bash: --format=VALUE"
	expect_in "$got" "6:search
" "bash: a command after a global option and its value"
	expect_in "$got" "7:roster.csv
" "bash: a file for a FILE operand"
	expect_in "$got" "8:theirs mine
" "bash: the words of the second operand"
	expect_in "$got" "9:bash zsh
" "bash: the shells of completion"
	expect_in "$got" "10:--limit
" "bash: options after an operand"
	expect_in "$got" "11:roster.csv
" "bash: a file for --output"
	expect_in "$got" "12:--demo
" "bash: a global option"
	expect_in "$got" "13:
" "bash: nothing offered for an id"
	expect_in "$got" "complete -F _kizuna kizuna" "bash: the script registers itself"
fi
run completion zsh
expect_rc 0 "completion zsh"
printf '%s\n' "$out" >"$T/_kizuna"
expect_eq "$(printf '%s\n' "$out" | head -n 1)" "#compdef kizuna" "zsh: the script is a completion function"
expect_in "$out" "'--format=[how to print: an aligned table, CSV or JSON]:table|csv|json:(table csv json)'" \
	"zsh: an option with its values"
if ! command -v zsh >/dev/null 2>&1; then
	bad "zsh is not installed (make deps)"
else
	if zerr=$(zsh -n "$T/_kizuna" 2>&1); then ok; else bad "zsh -n _kizuna: $zerr"; fi
	got=$(zsh -fc 'autoload -U compinit; compinit -u -d "$1/zcompdump"; source "$1/_kizuna";
	    print -r -- "${_comps[kizuna]}"; whence -w _kizuna_command' zsh "$T" 2>&1)
	expect_in "$got" "_kizuna
_kizuna_command: function" "zsh: the script loads and registers _kizuna for kizuna"
fi
run completion fish
expect_rc 2 "completion of an unknown shell"
expect_in "$err" "no completion for \"fish\"" "the shell is named"
# no configuration is read or written to write a script
(XDG_CONFIG_HOME=$T/fresh; export XDG_CONFIG_HOME; "$KZ" completion bash >/dev/null 2>&1)
[ -e "$T/fresh/kizuna" ] && bad "completion wrote a configuration" || ok
finish
