#!/bin/sh
# `anjian build` of the sample data for 2026-03 with the project templates:
# OUT/md holds every document filled in (no Mustache tag left), the
# bulletin states the figures of its data file, and the hostile enterprise
# name of the sample data appears only backslash-escaped.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
[ -d "$ANJIAN_TOP/data" ] || { echo "no data/ yet"; exit 1; }
command -v xmllint >/dev/null || { echo "xmllint missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export SOURCE_DATE_EPOCH=1775001600
cd "$ANJIAN_TOP" || exit 1
"$ANJIAN" build --data data --out "$tmp/out" --month 2026-03 --templates templates --quiet 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/err"; fail "build exited $rc"; }
md="$tmp/out/md"
x() { xmllint --xpath "$1" "$2" 2>/dev/null; }
for kind in bulletin exposed exemplars exemplar-review rectification hazard-supervision; do
	ls "$md/$kind"-*.md >/dev/null 2>&1 || fail "no md for $kind"
done
! grep -l '{{\|}}' "$md"/*.md || fail "a Mustache tag was left in the output"

b="$md/bulletin-2026-03.md"
d="$tmp/out/data/bulletin-2026-03.xml"
n=$(x 'string(/document/total/@inspections)' "$d")
ytd=$(x 'string(/document/total/@inspections-ytd)' "$d")
fines=$(x 'string(/document/total/@fines-wan)' "$d")
[ -n "$n" ] && [ -n "$ytd" ] || fail "bulletin data lacks total figures"
grep -q "^1—3月，全市共开展执法检查${ytd}家次" "$b" || fail "YTD inspections $ytd not stated"
grep -q "^3月，全市开展执法检查${n}家次" "$b" || fail "inspections $n not stated"
grep -q "罚款${fines}万元" "$b" || fail "fines $fines not stated"
for chart in accidents-12m enforcement-by-district hazards-by-district; do
	grep -q "](chart:$chart)" "$b" || fail "chart $chart missing"
done
for dist in $(x '/document/district/@name' "$d" | sed 's/ name="\([^"]*\)"/\1 /g'); do
	grep -q "^| $dist | " "$b" || fail "no table row for $dist"
done
grep -q '^title: "苏州市安全生产委员会办公室关于2026年3月全市安全生产情况的通报"$' "$b" || fail "title"

# The sample data's hostile name: only ever escaped, never raw.
! grep -n '<script>' "$md"/*.md || fail "raw <script> in Markdown"
! grep -n '](javascript:' "$md"/*.md || fail "a javascript: link in Markdown"
if grep -rq 'A\*B_C|D#1' data; then
	grep -qF 'A\*B\_C\|D\#1 \<script\>alert\(1\)\</script\> \[x\]\(javascript\:alert\(1\)\)' \
		"$md/exposed-2026-03.md" || fail "hostile name not escaped in the exposed list"
fi
echo ok
