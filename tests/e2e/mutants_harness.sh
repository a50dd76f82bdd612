#!/bin/sh
# scripts/mutants (make mutants) on a tree of its own: a tiny C program with
# one unit test, a fake Mustache spec runner and three end-to-end scripts.
# Each kind of result is reached once: killed by a named unit test, killed
# by an end-to-end script it did not name, killed by an undeclared skip
# (a declared one passes), survived, equivalent (not run), stale, ambiguous
# and not compiling; the summary, the kill ratio, the exit status against
# MUTANTS_MIN, the real tree left untouched and a mutated file an
# interrupted run left in the scratch tree put back.
set -u
: "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
unset MAKEFLAGS MFLAGS MAKELEVEL # a make of its own, not a part of the suite's
export GIT_CEILING_DIRECTORIES="$t" # the tree is no git checkout: files found by find
top=$t/top
mkdir -p "$top/scripts" "$top/src" "$top/tests/unit" "$top/tests/e2e" "$top/tests/mutants" "$t/spec"
cp "$ANJIAN_TOP/scripts/mutants" "$top/scripts/" || fail "copy scripts/mutants"

cat >"$top/src/calc.c" <<'EOF'
/* calc: the fake program's arithmetic */
int add(int a, int b) { return a + b; }
int sub(int a, int b) { return a - b; }
int twice(int a) { return 2 * a; }
int mode(void) { return 0; }
EOF
cat >"$top/src/main.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
int sub(int a, int b);
int mode(void);
int main(int argc, char **argv)
{
	if (argc == 2)
		return printf("%d\n", mode()) < 0;
	if (argc != 3)
		return 64;
	return printf("%d\n", sub(atoi(argv[1]), atoi(argv[2]))) < 0;
}
EOF
cat >"$top/tests/unit/test_add.c" <<'EOF'
int add(int a, int b);
int main(void) { return add(2, 3) == 5 ? 0 : 1; }
EOF
printf 'int main(void) { return 0; }\n' >"$top/tests/spec.c"
printf '%s\n' \
	'.PHONY: anjian' \
	'anjian: build/rel/anjian' \
	'build/rel/anjian: src/main.c src/calc.c' \
	'	mkdir -p build/rel && cc -o $@ src/main.c src/calc.c' \
	'build/rel/tests/test_add: tests/unit/test_add.c src/calc.c' \
	'	mkdir -p build/rel/tests && cc -o $@ tests/unit/test_add.c src/calc.c' \
	'build/rel/tests/mustache-spec: tests/spec.c' \
	'	mkdir -p build/rel/tests && cc -o $@ tests/spec.c' >"$top/Makefile"
cat >"$top/tests/e2e/sub.sh" <<'EOF'
[ "$("$ANJIAN" 5 3)" = 2 ]
EOF
cat >"$top/tests/e2e/declared.sh" <<'EOF'
# may-skip: a mode above 4 is not for this script
[ "$("$ANJIAN" mode)" -lt 5 ] || exit 77
EOF
cat >"$top/tests/e2e/skipper.sh" <<'EOF'
[ "$("$ANJIAN" mode)" = 0 ] || { echo "not mode 0: skipped"; exit 77; }
EOF
cat >"$top/tests/mutants/list" <<'EOF'
# the harness's own mutants
id: add-plus
file: src/calc.c
find: return a + b;
replace: return a - b;
tests: unit:test_add
why: add subtracts

id: sub-swapped
file: src/calc.c
find: return a - b;
replace: return b - a;
why: sub the wrong way round

id: twice-untested
file: src/calc.c
find: return 2 * a;
replace: return 3 * a;
why: no test calls twice

id: mode-seven
file: src/calc.c
find: int mode(void) { return 0; }
replace: int mode(void) { return 7; }
why: a mode for which skipper.sh skips itself

id: gone
file: src/calc.c
find: return a * b;
replace: return 0;
why: the code moved on

id: ambiguous
file: src/calc.c
find: return 
replace: return -
why: which return?

id: broken
file: src/calc.c
find: int twice(int a)
replace: int twice(int a
why: a syntax error

id: comment
file: src/calc.c
find: /* calc: the fake program's arithmetic */
replace: /* calc */
equivalent: a comment
why: nothing
EOF
cp "$top/src/calc.c" "$t/calc.orig"

# --check: patterns only, no build
rc=0
sh "$top/scripts/mutants" --check >"$t/check" 2>&1 || rc=$?
[ "$rc" -ne 0 ] || fail "--check passes a stale and an ambiguous pattern"
grep -q '^STALE .*gone' "$t/check" || fail "--check does not report the stale pattern: $(cat "$t/check")"
grep -q '^AMBIGUOUS .*ambiguous' "$t/check" || fail "--check does not report the ambiguous pattern"
grep -q '8 patterns, 2 stale or ambiguous' "$t/check" || fail "--check counts: $(tail -n 1 "$t/check")"
[ ! -d "$top/build/rel" ] || fail "--check built something"

# result ID EXPECTED BY: the report's line for ID
result() {
	line=$(grep "^$1 " "$top/build/mutants/report.txt") || fail "no line for $1 in the report"
	echo "$line" | awk -v r="$2" -v b="${3:-}" '{ exit !($2 == r && (b == "" || index($0, " " b " "))) }' ||
		fail "$1: expected $2${3:+ by $3}, got: $line"
}

export MUSTACHE_SPEC_DIR="$t/spec"
rc=0
timeout "$HANG_LIMIT" sh "$top/scripts/mutants" >"$t/run" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { cat "$t/run"; fail "exit $rc with stale, ambiguous and broken mutants, expected 1"; }
result add-plus killed unit:test_add
result sub-swapped killed e2e:sub
result twice-untested SURVIVED
result mode-seven killed "e2e:skipper (undeclared skip)"
result gone STALE
result ambiguous AMBIGUOUS
result broken NOBUILD
result comment equivalent
grep -q '^mutants: 3 of 4 killed (75.0 %), 1 survived, 1 equivalent (documented), 3 stale or invalid;' \
	"$t/run" || fail "summary: $(grep '^mutants: [0-9]' "$t/run")"
cmp -s "$t/calc.orig" "$top/src/calc.c" || fail "the real tree was changed"
cmp -s "$t/calc.orig" "$top/build/mutants/tree/src/calc.c" || fail "a mutant is left in the scratch tree"

# the ones named, against MUTANTS_MIN
MUTANTS_MIN=50 sh "$top/scripts/mutants" add-plus twice-untested >"$t/run" 2>&1 ||
	{ cat "$t/run"; fail "50 % killed fails with MUTANTS_MIN=50"; }
grep -q '^mutants: 1 of 2 killed (50.0 %), 1 survived' "$t/run" || fail "named run: $(tail -n 2 "$t/run")"
[ "$(grep -c -E '^[a-z-]+ +(killed|SURVIVED) ' "$top/build/mutants/report.txt")" -eq 2 ] ||
	fail "a named run ran other mutants"

# an interrupted run left add-plus planted in the scratch tree: the next run
# puts the file back first, so twice-untested survives instead of being
# "killed" by test_add; 0 % killed fails (MUTANTS_MIN 95)
sed -i 's/return a + b;/return a - b;/' "$top/build/mutants/tree/src/calc.c"
sh "$top/scripts/mutants" twice-untested >"$t/run" 2>&1 && fail "0 % killed passes"
result twice-untested SURVIVED
echo "killed, survived, skips, equivalent, stale, ambiguous and broken mutants reported as such"
