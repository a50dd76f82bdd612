#!/bin/sh
# office.yml is checked by `anjian check` (and refused by build) with the
# file, line and key of each mistake: an unknown (misspelt) key, a missing
# required key, a bad 代字 or site.url, a key given twice, broken YAML, no
# profile at all; --office names another file.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
export LANGUAGE=C # the messages checked are the English ones
cp -R "$ANJIAN_TOP/data" "$t/d"
good="$ANJIAN_TOP/data/office.yml"

"$ANJIAN" check --data "$t/d" >"$t/out" 2>&1 || { cat "$t/out"; fail "the sample profile is refused"; }

# expect EXIT FILE:LINE TEXT: check --data $t/d exits EXIT naming FILE:LINE and TEXT.
expect() {
	"$ANJIAN" check --data "$t/d" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -eq "$1" ] || { cat "$t/err"; fail "$3: exit $rc, want $1"; }
	grep -F "$2" "$t/err" | grep -qF "$3" || { cat "$t/err"; fail "no '$2 … $3'"; }
}
# with LINE replaced by TEXT in a copy of the good profile
edit() { awk -v n="$1" -v s="$2" 'NR == n { print s; next } { print }' "$good" >"$t/d/office.yml"; }

n=$(grep -n '^area:' "$good" | cut -d: -f1)
edit "$n" "areas: 某市"
expect 65 "office.yml:$n: areas:" "unknown key"
n=$(grep -n '^  exposed:' "$good" | cut -d: -f1)
edit "$n" "  exposd: 某安办曝"
expect 65 "office.yml:$n: numbers.exposd:" "unknown key"
m=$(grep -n '^numbers:' "$good" | cut -d: -f1)
grep -v '^  exemplars:' "$good" >"$t/d/office.yml"
expect 65 "office.yml:$m: numbers.exemplars:" "missing"
edit "$n" "  exposed: 某安办 曝"
expect 65 "office.yml:$n: numbers.exposed:" "not a 代字"
n=$(grep -n '^  url:' "$good" | cut -d: -f1)
edit "$n" "  url: example.gov.cn/anjian"
expect 65 "office.yml:$n: site.url:" "absolute"
n=$(grep -n '^printer:' "$good" | cut -d: -f1)
edit "$n" "issuer: 某市安委办"
expect 65 "office.yml:$n: issuer:" "twice"
edit "$n" "printer: [unclosed"
expect 65 "office.yml:" "not valid YAML"
grep -v '^recipients:' "$good" >"$t/d/office.yml"
expect 65 "office.yml:1: recipients:" "missing"
# A broken profile stops a build before anything is written.
"$ANJIAN" build --data "$t/d" --out "$t/out1" --month 2026-03 --quiet 2>"$t/err"
[ $? -eq 65 ] && [ ! -e "$t/out1" ] || fail "build with a broken profile"
rm "$t/d/office.yml"
expect 66 "office.yml" "office profile"
"$ANJIAN" check --data "$t/d" --office "$good" >/dev/null 2>&1 || fail "--office FILE is not used"
echo "office.yml: every mistake named by file, line and key"
