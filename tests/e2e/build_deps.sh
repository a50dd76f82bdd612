#!/bin/sh
# A plain `make` needs only the build dependencies: with chromium, node,
# valgrind, clang, apt-get and the test tools hidden from PATH, the deps
# step passes and `make` compiles and links anjian (a copy of the tree
# that reuses the suite's objects; src/main.c is touched, so a compile and
# the links really run).  The test group does miss the hidden tools.  And
# without the Mustache spec, check-mustache fails when CI is set.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
unset MAKEFLAGS MFLAGS MAKELEVEL # a make of its own, not a part of the suite's
build=$(dirname "$ANJIAN") # build/rel of the tree under test
[ -f "$build/libanjian.a" ] || fail "no objects in $build"

# A PATH of everything but the tools a build must not need.
mkdir "$t/bin"
for d in $(echo "$PATH" | tr ':' ' '); do
	[ -d "$d" ] && ln -s "$d"/* "$t/bin/" 2>/dev/null # the first of a name wins
done
(cd "$t/bin" && rm -f chromium* node nodejs npm npx valgrind* clang* llvm-* apt apt-get \
	xmllint pdftotext pdfinfo qpdf pandoc weasyprint)
for tool in chromium node valgrind clang apt-get xmllint; do
	! PATH=$t/bin command -v "$tool" >/dev/null || fail "$tool is still on the reduced PATH"
done

PATH=$t/bin sh "$ANJIAN_TOP/scripts/install-deps" --check build 2>"$t/err" ||
	fail "the build group demands: $(cat "$t/err")"
rc=0
PATH=$t/bin sh "$ANJIAN_TOP/scripts/install-deps" --check test fuzz 2>"$t/err" || rc=$?
[ "$rc" -eq 69 ] || fail "the test and fuzz groups miss nothing without chromium and clang (exit $rc)"
for pkg in chromium nodejs clang; do
	grep -qw "$pkg" "$t/err" || fail "the test and fuzz groups do not ask for $pkg: $(cat "$t/err")"
done

# The tree and its objects (times kept, so only what is touched rebuilds).
mkdir -p "$t/tree/build/rel"
(cd "$ANJIAN_TOP" && cp -pR Makefile mk scripts src schema tools "$t/tree/") || fail "copy the tree"
(cd "$build" && cp -pR src gen tools libanjian.a "$t/tree/build/rel/") || fail "copy the objects"
touch "$t/tree/src/main.c"
(cd "$t/tree" && PATH=$t/bin make -j2 >"$t/make.log" 2>&1) || { cat "$t/make.log"; fail "make without the test tools"; }
grep -q 'CC *src/main.c' "$t/make.log" || { cat "$t/make.log"; fail "make compiled nothing"; }
grep -q 'installing' "$t/make.log" && { cat "$t/make.log"; fail "make installed packages"; }
[ -f "$t/tree/build/.deps-build" ] || fail "the deps step did not run"
[ ! -e "$t/tree/build/.deps-test" ] || fail "make ran the test group"
"$t/tree/anjian" check --data "$ANJIAN_TOP/data" >/dev/null || fail "the anjian built so does not run"

# check-mustache without the spec: skipped locally, a failure in CI.  (The
# runner is the suite's; its prerequisites are up to date in the copy.)
mkdir -p "$t/tree/build/rel/tests" "$t/tree/tests"
cp -pR "$ANJIAN_TOP/tests/mustache" "$t/tree/tests/" && cp -p "$build/tests/mustache-spec" "$t/tree/build/rel/tests/" ||
	fail "copy the spec runner"
touch "$t/tree/build/.deps-test"
(cd "$t/tree" && make check-mustache CI= MUSTACHE_SPEC_DIR="$t/none" >"$t/spec.log" 2>&1) ||
	{ cat "$t/spec.log"; fail "check-mustache without the spec fails outside CI"; }
grep -q 'skipped' "$t/spec.log" || { cat "$t/spec.log"; fail "no 'skipped' outside CI"; }
(cd "$t/tree" && make check-mustache CI=true MUSTACHE_SPEC_DIR="$t/none" >"$t/spec.log" 2>&1) &&
	{ cat "$t/spec.log"; fail "check-mustache without the spec passes in CI"; }
grep -q 'FAILED.*not found' "$t/spec.log" || { cat "$t/spec.log"; fail "the CI failure does not say the spec is missing"; }
echo "make builds anjian without chromium, node, valgrind, clang or the test tools; the spec is required in CI"
