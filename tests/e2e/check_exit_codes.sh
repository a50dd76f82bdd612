#!/bin/sh
# anjian check: exit codes of sysexits.h and the informant never printed.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$("$ANJIAN" check --data "$ANJIAN_TOP/data") || fail "sample data: exit $?"
echo "$out" | grep -q "80 enterprises" || fail "summary: $out"

"$ANJIAN" check --data "$tmp/missing" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 66 ] || fail "missing dir: exit $rc"

mkdir "$tmp/empty"
"$ANJIAN" check --data "$tmp/empty" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 66 ] || fail "no xml files: exit $rc"

mkdir "$tmp/bad"
cat >"$tmp/bad/a.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <report id="JB-1" received="2026-03-02" deadline="2026-03-01">
    <informant>秘密线人 13800000000</informant>
    <content>反映违规动火</content>
  </report>
</dataset>
XML
"$ANJIAN" check --data "$tmp/bad" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 65 ] || fail "bad file: exit $rc"
grep -q "a.xml:3:" "$tmp/err" || fail "no file:line in: $(cat "$tmp/err")"
grep -q "13800000000\|秘密线人" "$tmp/err" && fail "informant text leaked"

"$ANJIAN" check >/dev/null 2>&1; rc=$?
[ "$rc" -eq 64 ] || fail "no args: exit $rc"
"$ANJIAN" check --help >/dev/null 2>&1; rc=$?
[ "$rc" -eq 0 ] || fail "--help: exit $rc"
exit 0
