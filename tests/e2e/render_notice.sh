#!/bin/sh
# anjian render: a full official notice (tests/samples/notice.md) checked
# with poppler-utils and qpdf against ../shared/spec/layout.md.
set -eu
for tool in pdfinfo pdftotext pdffonts qpdf; do
	command -v "$tool" >/dev/null 2>&1 || { echo "FAIL: $tool missing (scripts/install-deps installs it)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample="$ANJIAN_TOP/tests/samples/notice.md"
fail() { echo "FAIL: $*"; exit 1; }

SOURCE_DATE_EPOCH=1775347200 LANG=C "$ANJIAN" render "$sample" --out "$tmp/a.pdf"
SOURCE_DATE_EPOCH=1775347200 LANG=zh_CN.UTF-8 "$ANJIAN" render "$sample" --out "$tmp/b.pdf"
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" || fail "two renders (LANG=C, LANG=zh_CN) differ"

info=$(pdfinfo "$tmp/a.pdf")
echo "$info" | grep -q 'Page size: *595.27[56] x 841.89 pts (A4)' || fail "not A4: $info"
echo "$info" | grep -q '^Title: *关于2026年3月全市安全生产工作情况的通报$' || fail "title metadata"
echo "$info" | grep -q '^Author: *苏州市安全生产委员会办公室$' || fail "author metadata"
echo "$info" | grep -q '^Creator: *anjian$' || fail "creator metadata"
echo "$info" | grep -q '^CreationDate: *Sun Apr  5 00:00:00 2026 UTC$' || fail "creation date: $info"
pages=$(echo "$info" | sed -n 's/^Pages: *//p')
[ "$pages" -eq 8 ] || fail "expected 8 pages, got $pages"

qpdf --check "$tmp/a.pdf" >/dev/null || fail "qpdf --check"
pdffonts "$tmp/a.pdf" | tail -n +3 | awk '$(NF-4) != "yes" || $(NF-3) != "yes" { bad = 1 } END { exit bad }' ||
	fail "a font is not an embedded subset: $(pdffonts "$tmp/a.pdf")"

pdftotext -layout "$tmp/a.pdf" "$tmp/layout.txt"
# The title in two lines, broken between words, the upper one shorter (梯形).
awk '/关于2026年3月全市$/ { getline; if ($0 ~ /^ *安全生产工作情况的通报$/) ok = 1 } END { exit !ok }' \
	"$tmp/layout.txt" || fail "title lines: $(grep -A1 '关于2026' "$tmp/layout.txt")"
for s in '— 1 —' '— 8 —' '苏安办〔2026〕12号' \
	'各市、区安委会，市安委会各成员单位：' '𠮷' '𪚥' '附件：2026年3月曝光企业名单' \
	'2026年4月5日' '（此件主动公开）' '2026年4月6日印发' '抄送：江苏省安委办'; do
	grep -qF "$s" "$tmp/layout.txt" || fail "missing: $s"
done
# Reading order: headings, closing parts and attachment in document order.
prev=0
for s in '苏州市安全生产委员会办公室' '苏安办' '一、总体情况' '（一）主要做法' '1.危险化学品领域' \
	'（1）具体要求' '二、存在问题' '三、下一步工作' '附件：' '（此件主动公开）' '附件' \
	'2026年3月曝光企业名单' '抄送：'; do
	n=$(awk -v s="$s" -v p="$prev" 'NR >= p && index($0, s) { print NR; exit }' "$tmp/layout.txt")
	[ -n "$n" ] || fail "out of order: $s not found after line $prev"
	prev=$n
done

# A single attachment is "附件", without a number.
if grep -n '附件1' "$tmp/layout.txt"; then fail "a single attachment is numbered"; fi

# The grid: page 2 holds exactly 22 body lines, full lines 28 characters.
pdftotext -f 2 -l 2 "$tmp/a.pdf" - | tr -d '\f' >"$tmp/p2.txt"
lines=$(grep -v '^— 2 —$' "$tmp/p2.txt" | grep -c .)
[ "$lines" -eq 22 ] || fail "page 2 has $lines lines, not 22"
# A line squeezes its punctuation (标点挤压) to take a character more: a
# full-width mark counts half a slot.
full=0
while IFS= read -r l; do
	n=$(printf '%s' "$l" | LC_ALL=C.UTF-8 wc -m)
	marks=$(printf '%s' "$l" | grep -o '[，。、；：“”‘’（）《》]' | wc -l)
	[ $((2 * n - marks)) -le 56 ] || fail "a line longer than 28 characters: $l"
	[ "$n" -ge 28 ] && full=$((full + 1))
done <"$tmp/p2.txt"
[ "$full" -ge 6 ] || fail "only $full full 28-character lines on page 2"
# Every text line inside the text block, 28 mm .. 184 mm (79.37 .. 521.57 pt):
# the box of a mark squeezed at the end of a line, whose blank half the
# line gave up, may reach half an em (8 pt) further.
pdftotext -f 1 -l 4 -bbox "$tmp/a.pdf" "$tmp/words.html"
grep '<word ' "$tmp/words.html" |
	sed 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*">\(.*\)<\/word>/\1 \2 \3/' |
	awk '$1 < 79.0 || ($2 > 522.0 && !($2 <= 531.0 && $3 ~ /(，|。|、|；|：|”|’|）|》)$/)) { print; bad = 1 }
	     END { exit bad }' || fail "text outside the text block"
pdftotext -f 1 -l 4 -bbox-layout "$tmp/a.pdf" "$tmp/bbox.html"
# Full lines end on the right edge (inter-character justification).
edge=$(grep '<line ' "$tmp/bbox.html" | grep -cE 'xMax="(521\.[3-9]|52[2-9]\.|530\.)')
[ "$edge" -ge 20 ] || fail "only $edge lines reach the right edge"

pdftotext "$tmp/a.pdf" "$tmp/raw.txt"
if grep -n '^[，。、；：？！）》」』】〕]' "$tmp/raw.txt"; then fail "a line starts with closing punctuation"; fi
if grep -n '[（《「『【〔]$' "$tmp/raw.txt"; then fail "a line ends with opening punctuation"; fi

# The long table repeats its header row on the pages it runs over.
for p in 5 6 7 8; do
	pdftotext -f $p -l $p "$tmp/a.pdf" - | grep -q '统一社会信用代码' || fail "no table header on page $p"
done
# Bookmarks from the headings (nested) and the attachment; a clickable link.
qpdf --json --json-key=outlines "$tmp/a.pdf" >"$tmp/outlines.json"
for t in '一、总体情况' '（一）主要做法' '1.危险化学品领域' '（1）具体要求' '三、下一步工作' \
	'2026年3月曝光企业名单'; do
	grep -qF "\"title\": \"$t\"" "$tmp/outlines.json" || fail "no bookmark $t"
done
# nested as the headings are: each level one step deeper in qpdf's JSON
# (its "kids"), the top-level headings and the attachment side by side
depth() { grep -F "\"title\": \"$1\"" "$tmp/outlines.json" | awk '{ print index($0, "\"") }'; }
d1=$(depth '一、总体情况') d2=$(depth '（一）主要做法') d3=$(depth '1.危险化学品领域') d4=$(depth '（1）具体要求')
[ "$d1" -lt "$d2" ] && [ "$d2" -lt "$d3" ] && [ "$d3" -lt "$d4" ] || fail "bookmarks not nested: $d1 $d2 $d3 $d4"
[ "$(depth '三、下一步工作')" = "$d1" ] && [ "$(depth '2026年3月曝光企业名单')" = "$d1" ] ||
	fail "top-level bookmarks at different levels"
qpdf --qdf --object-streams=disable "$tmp/a.pdf" - | grep -aq '/URI (https://www.mem.gov.cn/)' ||
	fail "the link is not clickable"

# Page numbers: odd pages 1 character (14 pt) from the right edge of the text
# block (521.57 pt), even pages 1 character from the left (79.37 pt).
box() { # page, word → "xMin xMax" of its first occurrence
	pdftotext -f "$1" -l "$1" -bbox "$tmp/a.pdf" - | grep ">$2<" | head -n 1 |
		sed 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/'
}
near() { awk -v v="$1" -v w="$2" 'BEGIN { d = v - w; exit !(d < 0.6 && d > -0.6) }'; }
set -- $(pdftotext -f 1 -l 1 -bbox "$tmp/a.pdf" - | grep '>—<' | tail -n 1 |
	sed 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/')
near "$2" 507.57 || fail "odd page number ends at $2, not 507.57"
set -- $(box 2 —)
near "$1" 93.37 || fail "even page number starts at $1, not 93.37"
# Signature 2 characters from the right, the date 2 characters right of it.
set -- $(box 4 苏州市安全生产委员会办公室)
sig=$1
near "$2" 489.99 || fail "signature ends at $2, not 2 characters from the right"
set -- $(box 4 2026年4月5日)
near "$1" "$(awk -v s="$sig" 'BEGIN { print s + 31.58 }')" || fail "date starts at $1, signature at $sig"
# Read without -layout, the 印发 line of the 版记 is one line and the last
# page's number (one character from the left, under the printing office)
# comes after it, not between the office and the date.
pdftotext -f "$pages" -l "$pages" "$tmp/a.pdf" - | tr -d '\f' | grep -v '^$' >"$tmp/last.txt"
tail -n 2 "$tmp/last.txt" | head -n 1 | grep -qx '苏州市安全生产委员会办公室　2026年4月6日印发' ||
	fail "the 印发 line does not read as one: $(tail -n 3 "$tmp/last.txt")"
tail -n 1 "$tmp/last.txt" | grep -qx "— $pages —" || fail "page number not last: $(tail -n 3 "$tmp/last.txt")"
echo ok
