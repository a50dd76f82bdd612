# A build killed at any moment leaves the previous output complete and
# consistent with its manifest (the new tree is swapped in with one rename).
. "$ANJIAN_TOP/tests/e2e/lib.sh"
set -eu
[ "${ANJIAN_SAN:-}" = 1 ] && exit 77 # timing loop: the plain build is enough
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
data="$ANJIAN_TOP/data"
"$ANJIAN" build --data "$data" --out "$t/out" --month 2026-03 --quiet
verify_manifest "$t/out" || fail "the first build is inconsistent"
start=$(date +%s%N)
"$ANJIAN" build --data "$data" --out "$t/probe" --month 2026-02 --quiet
span=$(( ($(date +%s%N) - start) / 1000000 )) # ms for one build
runs=0 killed=0
while [ $runs -lt 50 ]; do
	month=2026-0$((runs % 2 + 2)) # alternate so the content really changes
	"$ANJIAN" build --data "$data" --out "$t/out" --month "$month" --quiet >/dev/null 2>&1 &
	pid=$!
	delay=$(awk -v s="$span" -v r="$runs" 'BEGIN { srand(r + 1); printf "%.3f", rand() * s * 0.9 / 1000 }')
	sleep "$delay"
	if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
	wait "$pid" 2>/dev/null || true
	verify_manifest "$t/out" || fail "run $runs (killed after ${delay}s): output inconsistent"
	runs=$((runs + 1))
done
[ "$killed" -ge 20 ] || fail "only $killed of $runs builds were killed before finishing"
# The next build succeeds and clears nothing it should not.
"$ANJIAN" build --data "$data" --out "$t/out" --month 2026-03 --quiet
verify_manifest "$t/out" || fail "the build after the kills is inconsistent"
left=$(ls -d "$t"/out.tmp-* 2>/dev/null | wc -l)
[ "$left" -eq 0 ] || fail "$left temporary directories of killed builds are left: $(ls -d "$t"/out.tmp-*)"
echo "$runs runs, $killed killed mid-build, output always consistent"
