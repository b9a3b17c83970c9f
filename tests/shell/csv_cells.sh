# csv_cells.sh - CSV cells a spreadsheet would run as formulas are written
# with a ' before them (OWASP), unless --raw-cells; imports take it off.
. "$KZ_TESTS/lib.sh"

C="-c $FIX/dispatch/office.yaml -d $T/k.db"
run $C specialist add --name '=HYPERLINK("http://evil.example/?x")' \
	--roman '@SUM(A1:A9)' --government 'g' --phone '+81 3 1234 5678' \
	--notes "'=already quoted"
expect_rc 0 "seed a specialist whose values look like formulas"
id=$out
run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government "-島根県"
expect_rc 0 "seed a second"

run $C specialist list --format csv
expect_in "$out" "\"'=HYPERLINK(\"\"http://evil.example/?x\"\")\"" "a list's = cell gets a ' inside its quotes"
expect_in "$out" ",'@SUM(A1:A9)," "an @ cell gets a '"
expect_in "$out" ",'-島根県," "a - cell gets a '"
expect_in "$out" ",Ken'ichi Sato," "a ' inside a value is left alone"
run $C specialist list --format csv --raw-cells
expect_in "$out" ",@SUM(A1:A9)," "--raw-cells: as it is"
expect_not_in "$out" "'@SUM" "--raw-cells: no '"
run $C specialist list --format json
expect_in "$out" '"=HYPERLINK' "JSON is not touched"

run $C export specialists --contacts -o "$T/e.csv"
expect_rc 0 "export"
e=$(cat "$T/e.csv")
expect_in "$e" ",'+81 3 1234 5678," "a phone number beginning with + gets a '"
expect_in "$e" ",''=already quoted," "a value with quotes before = gets one more"
run $C export specialists --contacts --raw-cells
expect_in "$out" ",+81 3 1234 5678," "export --raw-cells"

# the round trip keeps the values
D="-c $FIX/dispatch/office.yaml -d $T/k2.db"
run $D import specialists "$T/e.csv"
expect_rc 0 "import the export"
run $D export specialists --contacts -o "$T/e2.csv"
expect_eq "$(sed 's/,[^,]*,[^,]*$//' "$T/e2.csv")" "$(sed 's/,[^,]*,[^,]*$//' "$T/e.csv")" "exported again, the same cells"
run $D specialist show --format json "$id"
expect_in "$out" '"name": "=HYPERLINK(\"http://evil.example/?x\")"' "the name came back whole"
expect_in "$out" '"notes": "'"'"'=already quoted"' "the quoted note came back with its one '"

# dispatches and programme exports go through the same writer
run $C export dispatches --format csv
expect_rc 0 "export dispatches"
finish
