#!/bin/sh
# kill -9 during `anjian issue`, 30 runs: the archive always matches its
# register (every listed file there with its sha256) and is either the
# archive before the issue or the one a complete issue makes, byte for
# byte.  The kill points are the program's test hooks
# (ANJIAN_TEST_KILL_AT, src/util/testhook.h): each run stops at a named
# step of the issue or just after its N-th file is written, so the test
# does not depend on the speed of the machine.  Two
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

# The archive a complete issue makes, and where to stop an issue: every
# named point and eight writes spread over those it surely makes (its new
# documents' three files, register, profile and the site's document pages;
# the enterprise pages and listings may be linked from the archive as it
# was).
named="archive-begun archive-linked issue-prepared issue-typeset issue-registered archive-site swapped"
for kind in month correction; do
	fresh
	"$ANJIAN" issue $(issue_args $kind) --archive "$t/A" --quiet || fail "$kind: the complete issue"
	cp "$t/A/register.xml" "$t/$kind.register"
	docs=$(( $(grep -c '<document ' "$t/A/register.xml") - $(grep -c '<document ' "$t/base/register.xml") ))
	writes=$(( 3 * docs + 2 + $(find "$t/A/site" -name '*.html' ! -path '*/enterprise*' | wc -l) ))
	[ "$writes" -ge 8 ] || fail "$kind: only $writes writes"
	{ echo "$named" | tr ' ' '\n'
	  awk -v w="$writes" 'BEGIN { for (i = 0; i < 8; i++) printf "write:%d\n", 1 + int(i * (w - 1) / 7) }'
	} >"$t/$kind.points"
	[ "$(wc -l <"$t/$kind.points")" = 15 ] || fail "$kind: not 15 kill points"
done

runs=0
while [ $runs -lt 30 ]; do
	kind=month; [ $((runs % 2)) = 1 ] && kind=correction
	at=$(sed -n "$(( runs / 2 + 1 ))p" "$t/$kind.points")
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
