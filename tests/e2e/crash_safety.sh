# A build killed (SIGKILL) at any point leaves the previous output complete
# and consistent with its manifest (the new tree is swapped in with one
# rename), and the next build removes the killed builds' temporaries.
#
# The kill points are chosen, not timed: ANJIAN_TEST_KILL_AT
# (src/util/testhook.h) makes the build kill itself at each named point
# and after writes spread over all the files it writes, so every run is
# killed at its point however fast or loaded the machine is.
. "$ANJIAN_TOP/tests/e2e/lib.sh"
set -eu
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
data="$ANJIAN_TOP/data"
"$ANJIAN" build --data "$data" --out "$t/out" --month 2026-03 --quiet
verify_manifest "$t/out" || fail "the first build is inconsistent"
# Every killed build is of another month, so it has work to do.  Files a
# build of that month over this output writes itself (data, site pages,
# manifest): those with a single link outside the render cache (a rendered
# or reused PDF or Markdown is linked to .cache) and a new inode (an
# enterprise page whose public facts are the same is linked from the
# earlier output).
cp -a "$t/out" "$t/probe"
find "$t/probe" -type f -printf '%i\n' | sort >"$t/kept"
"$ANJIAN" build --data "$data" --out "$t/probe" --month 2026-02 --quiet
writes=$(find "$t/probe" -path "$t/probe/.cache" -prune -o -type f -links 1 -printf '%i\n' | sort |
	comm -13 "$t/kept" - | wc -l)
[ "$writes" -ge 10 ] || fail "only $writes files written by a build"
points="loaded begun contexts rendered site manifest"
# Eight or nine writes spread over all of them, the first and the last too.
step=$(((writes + 7) / 8)) n=1
while [ "$n" -lt "$writes" ]; do points="$points write:$n"; n=$((n + step)); done
points="$points write:$writes"
points="$points swapped" # the last: the killed build's output is then in place
runs=0
for point in $points; do
	before=$(cat "$t/out/manifest.xml")
	rc=0
	ANJIAN_TEST_KILL_AT=$point "$ANJIAN" build --data "$data" --out "$t/out" --month 2026-02 \
		--quiet >"$t/log" 2>&1 || rc=$?
	[ "$rc" -eq 137 ] || { cat "$t/log"; fail "killed at $point: exit $rc, want 137 (SIGKILL)"; }
	verify_manifest "$t/out" || fail "killed at $point: output inconsistent"
	# Before the swap the earlier output stays; once swapped, the new one is in place.
	if [ "$point" = swapped ]; then
		grep -q 'kind="bulletin" period="2026-02"' "$t/out/manifest.xml" ||
			fail "killed after the swap: the new output is not in place"
	else
		[ "$(cat "$t/out/manifest.xml")" = "$before" ] || fail "killed at $point: the earlier output changed"
	fi
	runs=$((runs + 1))
done
# The next build succeeds and clears nothing it should not.
"$ANJIAN" build --data "$data" --out "$t/out" --month 2026-03 --quiet
verify_manifest "$t/out" || fail "the build after the kills is inconsistent"
grep -q 'kind="bulletin" period="2026-03"' "$t/out/manifest.xml" || fail "the last build's output is not in place"
left=$(ls -d "$t"/out.tmp-* 2>/dev/null | wc -l)
[ "$left" -eq 0 ] || fail "$left temporary directories of killed builds are left: $(ls -d "$t"/out.tmp-*)"
echo "$runs builds, each killed at its own point: $points; output always consistent"
