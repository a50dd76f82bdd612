#!/bin/sh
# anjian render: Markdown without front matter is a clean A4 document on the
# same grid; front matter mistakes are reported with file, line and exit 65.
set -eu
for tool in pdfinfo pdftotext; do
	command -v "$tool" >/dev/null 2>&1 || { echo "FAIL: $tool missing (scripts/install-deps installs it)"; exit 1; }
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
# Headings that carry their number keep it; the others are numbered.
for s in '二、已有编号的标题' '（一）已有编号的小标题' '1.小项'; do
	grep -qF "$s" "$tmp/plain.txt" || fail "heading missing: $s"
done
if grep -q '三、二、\|（一）（一）' "$tmp/plain.txt"; then fail "a numbered heading got a second number"; fi

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
# A character no installed face has is reported with its code point and line.
printf '第一行\n\n第三行有\360\261\215\212字。\n' >"$tmp/rare.md"
"$ANJIAN" render "$tmp/rare.md" --out "$tmp/rare.pdf" 2>"$tmp/err"
grep -q 'rare.md:3:.*U+3134A' "$tmp/err" || fail "no report of U+3134A: $(cat "$tmp/err")"

# A table too wide for the upright text block is set upright on a
# landscape page, the portrait sheet turned a quarter (GB/T 9704 §8).
{
	printf '正文。\n\n## 宽表一览\n\n表1　宽表\n\n|'
	for i in 1 2 3 4 5 6 7 8; do printf ' 指标%s |' "$i"; done
	printf '\n|'
	for i in 1 2 3 4 5 6 7 8; do printf -- '---:|'; done
	for r in 1 2; do
		printf '\n|'
		for i in 1 2 3 4 5 6 7 8; do printf ' 上升%s%s0.0%% |' "$i" "$r"; done
	done
	printf '\n'
} >"$tmp/wide.md"
"$ANJIAN" render "$tmp/wide.md" --out "$tmp/wide.pdf"
pdfinfo -f 2 -l 2 "$tmp/wide.pdf" | grep -q 'Page *2 size: *841.89 x 595.27' ||
	fail "the wide table's page is not landscape: $(pdfinfo -f 2 -l 2 "$tmp/wide.pdf" | grep size)"
pdfinfo -f 1 -l 1 "$tmp/wide.pdf" | grep -q 'Page *1 size: *595.27.* x 841.89' || fail "page 1 is not portrait"
# Upright: words wider than tall; a row is one line of the layout text.
pdftotext -bbox "$tmp/wide.pdf" - | grep '>上升810.0%<' |
	sed 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)".*/\1 \2 \3 \4/' |
	awk '{ if ($3 - $1 > $4 - $2) ok = 1 } END { exit !ok }' || fail "the wide table is not upright"
pdftotext -layout -f 2 -l 2 "$tmp/wide.pdf" - | grep '上升110.0%' | tr -s ' ' >"$tmp/row"
[ "$(grep -o '上升[0-9]*0.0%' "$tmp/row" | tr '\n' ' ')" = "上升110.0% 上升210.0% 上升310.0% 上升410.0% 上升510.0% 上升610.0% 上升710.0% 上升810.0% " ] ||
	fail "the landscape table's first row is not one line: $(cat "$tmp/row")"
# Its heading and caption open the landscape page with it.
pdftotext -f 2 -l 2 "$tmp/wide.pdf" - >"$tmp/wide2.txt"
for s in '（一）宽表一览' '表1' '上升810.0%'; do
	grep -qF "$s" "$tmp/wide2.txt" || fail "page 2 of the wide table lacks $s"
done
# Links inside table cells are clickable too.
command -v qpdf >/dev/null 2>&1 || fail "qpdf missing (scripts/install-deps installs it)"
printf '| 名称 | 网址 |\n|---|---|\n| 应急管理部 | [官网](https://www.mem.gov.cn/) |\n' >"$tmp/tl.md"
"$ANJIAN" render "$tmp/tl.md" --out "$tmp/tl.pdf"
qpdf --qdf --object-streams=disable "$tmp/tl.pdf" - | grep -aq '/URI (https://www.mem.gov.cn/)' ||
	fail "no link annotation for a link in a table cell"
# A quote in a target does not end cairo's quoted uri attribute: the
# link stays, its target whole (the quote written as a blank or %27).
printf '[指南](https://example.com/it'"'"'s-guide?a=1)\n' >"$tmp/ql.md"
"$ANJIAN" render "$tmp/ql.md" --out "$tmp/ql.pdf" 2>"$tmp/ql.err" || fail "a quote in a link target: $(cat "$tmp/ql.err")"
qpdf --qdf --object-streams=disable "$tmp/ql.pdf" - | grep -aEq '/URI \(https://example.com/it( |%27)s-guide\?a=1\)' ||
	fail "a link whose target holds a quote lost its annotation"
# A landscape page's own size is set only when it changes: setting it
# on the first page left a dangling object (qpdf: damaged).
cat "$tmp/wide.md" >>"$tmp/tl.md"
"$ANJIAN" render "$tmp/tl.md" --out "$tmp/tl.pdf"
qpdf --check "$tmp/tl.pdf" >"$tmp/qpdf" 2>&1 || fail "qpdf --check: $(cat "$tmp/qpdf")"
! grep -q WARNING "$tmp/qpdf" || fail "qpdf --check: $(cat "$tmp/qpdf")"

# A row taller than a page is split between lines, header repeated, no
# text lost or doubled.
{
	printf '| 序号 | 内容 | 备注 |\n|---|---|---|\n| 1 | '
	i=0
	while [ $i -lt 400 ]; do printf '安全生产责任重于泰山。'; i=$((i + 1)); done
	printf ' | 无 |\n| 2 | 短 | 无 |\n'
} >"$tmp/tall.md"
"$ANJIAN" render "$tmp/tall.md" --out "$tmp/tall.pdf"
n=$(pdftotext "$tmp/tall.pdf" - | grep -o '泰' | wc -l)
[ "$n" -eq 400 ] || fail "split row shows $n of 400 characters"
pages=$(pdfinfo "$tmp/tall.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 3 ] || fail "a 400-sentence cell fits $pages pages?"
heads=$(pdftotext "$tmp/tall.pdf" - | grep -c '序号')
[ "$heads" -eq "$pages" ] || fail "header on $heads of $pages pages"
echo ok
