#!/bin/sh
# The bulletin's three charts as a reader gets them: in the PDF, vector
# figures whose labels are text (pdftotext finds them; pdfimages lists no
# raster image on their pages); on the site, inline SVG with <text> labels.
set -eu
: "${ANJIAN:?set ANJIAN to the binary}" "${ANJIAN_TOP:?set ANJIAN_TOP}"
for tool in pdftotext pdfimages pdfinfo xmllint; do
	command -v "$tool" >/dev/null 2>&1 || { echo "no $tool"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$tmp/out"
if ! SOURCE_DATE_EPOCH=1774915200 "$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$out" \
	--month 2026-03 2>"$tmp/err"; then
	cat "$tmp/err"
	exit 1
fi
file_of() { # format → path of the bulletin's file in the manifest, or ""
	xmllint --xpath "string(//document[@kind='bulletin']/file[@format='$1']/@path)" \
		"$out/manifest.xml" 2>/dev/null || true
}
fail=0
no() { echo "FAIL: $*"; fail=1; }

pdf=$(file_of pdf)
[ -n "$pdf" ] || { echo "FAIL: the manifest lists no bulletin PDF"; exit 1; }
pdf="$out/$pdf"
[ -f "$pdf" ] || { echo "FAIL: manifest names $pdf, which does not exist"; exit 1; }
pdftotext -enc UTF-8 "$pdf" "$tmp/all.txt"
for label in 单位：起、人 事故起数 死亡人数 执法检查（家次） 行政处罚（起） 其中逾期未整改 \
	张家港市 太仓市 4月 2025年 数据来源：苏州市安全生产监管执法系统 统计期间：2026年3月; do
	grep -q "$label" "$tmp/all.txt" || no "the bulletin PDF lacks the chart label $label"
done
# Every page that holds a chart's source line holds no raster image.
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
charts=0 p=1
while [ "$p" -le "$pages" ]; do
	pdftotext -enc UTF-8 -f "$p" -l "$p" "$pdf" "$tmp/p.txt"
	n=$(grep -c "数据来源：苏州市安全生产监管执法系统" "$tmp/p.txt" || true)
	if [ "$n" -gt 0 ]; then
		charts=$((charts + n))
		images=$(pdfimages -f "$p" -l "$p" -list "$pdf" | tail -n +3 | grep -c . || true)
		[ "$images" -eq 0 ] || no "page $p with a chart holds $images raster image(s)"
	fi
	p=$((p + 1))
done
[ "$charts" -eq 3 ] || no "the PDF shows $charts chart source lines, not 3"

html=$(file_of html)
[ -n "$html" ] || { echo "FAIL: the manifest lists no page for the (public) bulletin"; exit 1; }
html="$out/$html"
[ -f "$html" ] || { echo "FAIL: manifest names $html, which does not exist"; exit 1; }
n=$(grep -o '<svg[^>]*role="img"' "$html" | wc -l)
[ "$n" -eq 3 ] || no "the bulletin page has $n chart SVGs, not 3"
for label in '>事故起数<' '>张家港市<' '>其中逾期未整改<' '统计时点：2026年3月31日'; do
	grep -q "$label" "$html" || no "the bulletin page lacks the chart text $label"
done
! grep -q '<symbol' "$html" || no "chart text on the page is drawn as glyph symbols"
[ "$fail" -eq 0 ] && echo "charts: PDF ($pages pages) and site checked"
exit "$fail"
