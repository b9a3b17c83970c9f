# run.sh SECONDS HARNESS... - run each libFuzzer harness for SECONDS on its
# seeds (tests/fuzz/corpus/NAME) and what earlier runs found
# (build/fuzz/corpus/NAME). A crash, a leak, a hang (10 s for one input)
# or memory past 2 GB fails it; the input is kept as build/fuzz/NAME-*.
secs=$1; shift
fail=0
for bin in "$@"; do
	name=${bin##*/fuzz_}
	seeds=tests/fuzz/corpus/$name
	found=build/fuzz/corpus/$name
	mkdir -p "$found"
	log=build/fuzz/$name.log
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix="build/fuzz/$name-" \
	    "$found" "$seeds" >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
		echo "fuzz $name: ${runs:-?} runs in ${secs} s, $cov, nothing found"
	else
		echo "not ok: fuzz $name: it found something (build/fuzz/$name-*):"
		grep -E 'ERROR|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -n 12
		fail=1
	fi
done
exit $fail
