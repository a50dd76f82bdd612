#!/bin/sh
# kill -9 during `anjian issue`, 30 runs: the archive always matches its
# register (every listed file there with its sha256) and is either the
# archive before the issue or the one a complete issue makes, byte for
# byte.  The kill points are the program's test points
# (ANJIAN_TEST_KILL_AT=N, src/util/testpoint.h): each run stops at a chosen
# step, so the test does not depend on the speed of the machine.  Two
# kinds of issue alternate: a month's drafts, and a correction.  Every
# third run is then completed, to check that the next change finishes
# what the killed one did not and removes its temporary tree.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
[ "${ANJIAN_SAN:-}" = 1 ] && exit 77 # 60 whole issues: the plain build is enough
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600
"$(gen_bin)" -n 40 --from 2025-01 --to 2025-02 --seed 11 --out "$t/data" || fail "anjian-gen"
"$ANJIAN" build --data "$t/data" --out "$t/jan" --month 2025-01 --quiet || fail "build January"
"$ANJIAN" issue --draft "$t/jan" --archive "$t/base" --quiet || fail "issue January"
"$ANJIAN" build --data "$t/data" --out "$t/feb" --month 2025-02 --archive "$t/base" --quiet ||
	fail "build February"
"$ANJIAN" build --data "$t/data" --out "$t/fix" --month 2025-01 --quiet || fail "build the correction"

# issue_args KIND: the issue of each kind of run
issue_args() {
	case $1 in
	month) echo "--draft $t/feb" ;;
	correction) echo "--draft $t/fix --correct --date 2025-02-10 bulletin-2025-01" ;;
	esac
}
fresh() { rm -rf "$t/A" "$t/A.lock" "$t"/A.tmp-*; cp -a "$t/base" "$t/A"; }

# The archive a complete issue makes, and the number of test points on the way.
for kind in month correction; do
	fresh
	ANJIAN_TEST_POINTS=1 "$ANJIAN" issue $(issue_args $kind) --archive "$t/A" --quiet \
		2>"$t/points" || { cat "$t/points"; fail "$kind: the complete issue"; }
	cp "$t/A/register.xml" "$t/$kind.register"
	grep -c 'test point' "$t/points" >"$t/$kind.points"
	[ "$(cat "$t/$kind.points")" -ge 8 ] || fail "$kind: too few test points"
done

runs=0
while [ $runs -lt 30 ]; do
	kind=month; [ $((runs % 2)) = 1 ] && kind=correction
	n=$(cat "$t/$kind.points")
	at=$(( (runs / 2) % n + 1 ))
	fresh
	ANJIAN_TEST_KILL_AT=$at "$ANJIAN" issue $(issue_args $kind) --archive "$t/A" --quiet \
		>/dev/null 2>&1
	rc=$?
	[ $rc -eq 137 ] || fail "run $runs ($kind, point $at): exit $rc, not killed"
	verify_register "$t/A" || fail "run $runs ($kind, killed at point $at): archive inconsistent"
	if cmp -s "$t/A/register.xml" "$t/base/register.xml"; then
		state=old
	elif cmp -s "$t/A/register.xml" "$t/$kind.register"; then
		state=new
	else
		fail "run $runs ($kind, point $at): the register is neither the old nor the new one"
	fi
	# every third run goes on: the issue completes (or is complete) and the
	# temporary tree of the killed one is gone
	if [ $((runs % 3)) = 0 ]; then
		if [ $state = old ]; then
			"$ANJIAN" issue $(issue_args $kind) --archive "$t/A" --quiet ||
				fail "run $runs ($kind, point $at): the issue after the kill failed"
		else
			"$ANJIAN" site --archive "$t/A" --quiet || fail "run $runs: site after the kill"
		fi
		cmp -s "$t/A/register.xml" "$t/$kind.register" ||
			fail "run $runs ($kind, point $at): the completed archive differs from a plain issue"
		verify_register "$t/A" || fail "run $runs: archive inconsistent after completing"
		left=$(ls -d "$t"/A.tmp-* 2>/dev/null | wc -l)
		[ "$left" -eq 0 ] || fail "run $runs: $left temporary trees of killed issues are left"
	fi
	runs=$((runs + 1))
done
echo "$runs issues killed at every step: the archive always matched its register"
