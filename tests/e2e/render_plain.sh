#!/bin/sh
# anjian render: Markdown without front matter is a clean A4 document on the
# same grid; front matter mistakes are reported with file, line and exit 65.
set -eu
for tool in pdfinfo pdftotext; do
	command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool missing"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$ANJIAN" render "$ANJIAN_TOP/tests/samples/plain.md" --out "$tmp/plain.pdf"
info=$(pdfinfo "$tmp/plain.pdf")
echo "$info" | grep -q '^Title: *安全生产工作简报$' || fail "title from the first heading: $info"
echo "$info" | grep -q '^Pages: *1$' || fail "one page expected"
pdftotext -layout "$tmp/plain.pdf" "$tmp/plain.txt"
for s in '安全生产工作简报' '一、基本情况' 'Mixed Latin text and digits 2026' 'anjian render' '— 1 —'; do
	grep -qF "$s" "$tmp/plain.txt" || fail "missing: $s"
done
if grep -q '一、安全生产工作简报' "$tmp/plain.txt"; then fail "the title got a heading number"; fi

printf -- '---\ntitle: 标题\nauthor: 某人\n---\n正文\n' >"$tmp/bad.md"
status=0
"$ANJIAN" render "$tmp/bad.md" --out "$tmp/bad.pdf" 2>"$tmp/err" || status=$?
[ "$status" -eq 65 ] || fail "unknown key: exit $status, not 65"
grep -q 'bad.md:3:.*author' "$tmp/err" || fail "message does not name line 3: $(cat "$tmp/err")"
[ ! -e "$tmp/bad.pdf" ] || fail "a PDF was written despite the error"

printf '正文\n\n![图](chart:no-such-chart)\n' >"$tmp/chart.md"
status=0
"$ANJIAN" render "$tmp/chart.md" --out "$tmp/chart.pdf" 2>"$tmp/err" || status=$?
[ "$status" -ne 0 ] || fail "an unknown chart must fail"
grep -q 'chart.md:3:' "$tmp/err" || fail "chart error does not name line 3: $(cat "$tmp/err")"
echo ok
