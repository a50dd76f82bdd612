#!/bin/sh
# GB/T 9704 audit (tools/audit) over the sample month (data/) and the
# notices of tests/samples/: prints what a secretary would mark in red —
# loose lines, one- or two-character last lines, lines ending with an
# opening mark, title shapes, breaks inside words on title and 抄送 lines —
# and fails unless every count is zero.
set -eu
. "$ANJIAN_TOP/tests/e2e/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

audit="$(dirname "$ANJIAN")/tools/anjian-audit"
[ -x "$audit" ] || fail "$audit not built (make anjian builds it)"

"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/out" --month 2026-03 >/dev/null
mkdir "$tmp/md"
# Charts need their document's data; the audit looks at text only.
for f in "$tmp"/out/md/*.md; do grep -v '](chart:' "$f" >"$tmp/md/${f##*/}"; done
"$audit" "$tmp"/md/*.md "$ANJIAN_TOP"/tests/samples/*.md >"$tmp/report" || fail "$(cat "$tmp/report")"
cat "$tmp/report"
total=$(tail -n 1 "$tmp/report")
echo "$total" | grep -q ': loose 0, short-last 0, open-ends 0, titles 0, word-breaks 0$' ||
	fail "$total"
echo ok
