#!/bin/sh
# The assessment (考核) of the sample year 2025, recomputed from data/ by
# an XSLT over the raw records (assessment_sample.xsl, not anjian's rules),
# following the rule as README "Assessment" words it: every district's value of every
# indicator, its points under the default weights, the totals and ranks;
# then the PDF: an internal 公文 whose tables keep their numbers whole.
. "$(dirname "$0")/lib.sh"
command -v xmllint >/dev/null || fail "xmllint missing"
command -v pdftotext >/dev/null || fail "pdftotext missing"
command -v xsltproc >/dev/null || fail "xsltproc missing"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775001600
cd "$ANJIAN_TOP" || exit 1
"$ANJIAN" build --data data --out "$tmp/out" --month 2025-12 --quiet 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "build 2025-12 failed"; }
m=$tmp/out/manifest.xml
a=$tmp/out/data/assessment-2025.xml
x() { xmllint --xpath "$1" "$2" 2>/dev/null; }
[ "$(x "string(/manifest/document[@kind='assessment']/@publicity)" "$m")" = internal ] ||
	fail "no internal assessment in the manifest"
[ "$(x "count(/manifest/document[@kind='assessment']/file[@format='html'])" "$m")" = 0 ] ||
	fail "the internal assessment has a web page"

# Every record of data/ in one document, and the values recomputed from it.
{
	echo '<all>'
	find data -name '*.xml' | sort | xargs cat | sed -e '/^<?xml/d' -e '/<\/\?dataset/d'
	echo '</all>'
} >"$tmp/all.xml"
xsltproc "$ANJIAN_TOP/tests/e2e/assessment_sample.xsl" "$tmp/all.xml" >"$tmp/values" ||
	fail "xsltproc"
[ "$(wc -l <"$tmp/values")" -eq 132 ] || fail "$(wc -l <"$tmp/values") values recomputed, not 11 × 12"

# points KEY PART WHOLE: hundredths under the default rule.
points() {
	case $1 in
	target-months) w=2000 ;;
	hazards-overdue) w=800 d=100 ;;
	problems-overdue) w=400 d=100 ;;
	reports-late) w=400 d=50 ;;
	exposures) w=800 d=50 ;;
	*) w=800 ;;
	esac
	case $1 in
	hazards-overdue | problems-overdue | reports-late | exposures)
		p=$((w - d * $2)); [ "$p" -ge 0 ] || p=0; echo "$p" ;;
	*) if [ "$3" -eq 0 ]; then echo "$w"; else echo $(((2 * w * $2 + $3) / (2 * $3))); fi ;;
	esac
}
hundredths() { echo "$1" | tr -d . | sed 's/^0*//;s/^$/0/'; }

: >"$tmp/totals"
for code in $(cut -d' ' -f1 "$tmp/values" | uniq); do
	if [ "$code" = all ]; then unit="/document/total"; else unit="/document/unit[@code='$code']"; fi
	total=0
	grep "^$code " "$tmp/values" >"$tmp/v"
	while read -r _ key part whole; do
		got_part=$(x "string($unit/value[@key='$key']/@part)" "$a")
		[ "$got_part" = "$part" ] || fail "$code $key: part $got_part, recomputed $part"
		if [ -n "$whole" ]; then
			got_whole=$(x "string($unit/value[@key='$key']/@whole)" "$a")
			[ "$got_whole" = "$whole" ] || fail "$code $key: whole $got_whole, recomputed $whole"
		fi
		[ "$code" = all ] && continue
		p=$(points "$key" "$part" "${whole:-0}")
		got=$(hundredths "$(x "string($unit/score[@key='$key']/@points)" "$a")")
		[ "$got" = "$p" ] || fail "$code $key: points $got, recomputed $p hundredths"
		total=$((total + p))
	done <"$tmp/v"
	[ "$code" = all ] && continue
	got=$(hundredths "$(x "string($unit/@total)" "$a")")
	[ "$got" = "$total" ] || fail "$code: total $got, recomputed $total"
	echo "$code $total" >>"$tmp/totals"
done
[ "$(wc -l <"$tmp/totals")" -eq 10 ] || fail "not ten districts"
while read -r code total; do
	rank=$((1 + $(awk -v t="$total" '$2 > t' "$tmp/totals" | wc -l)))
	got=$(x "string(/document/unit[@code='$code']/@rank)" "$a")
	[ "$got" = "$rank" ] || fail "$code: rank $got, recomputed $rank"
done <"$tmp/totals"
# listed by rank
x "/document/unit/@rank" "$a" | tr -dc '0-9 \n' | tr -s ' ' '\n' | sed '/^$/d' >"$tmp/ranks"
sort -n "$tmp/ranks" | cmp -s - "$tmp/ranks" || fail "units not in rank order"

# The PDF: an internal document with the formula and whole-number tables.
pdf=$tmp/out/pdf/assessment-2025.pdf
pdftotext -layout "$pdf" "$tmp/text" || fail "pdftotext"
tr -d ' \n' <"$tmp/text" >"$tmp/flat"
for want in 考核办法 考核结果 得分＝20×完成目标的月数÷考核月数 扣完为止 名次 总分 \
	各地区考核指标得分 各地区考核指标完成情况 苏安办考〔2025〕1号; do
	grep -q "$want" "$tmp/flat" || fail "the PDF lacks $want"
done
best=$(x "string(/document/unit[@rank='1']/@name)" "$a")
best_total=$(x "string(/document/unit[@rank='1']/@total)" "$a")
grep "$best" "$tmp/text" | grep -q "$best_total" ||
	fail "表1 has no line with $best and its total $best_total (a number broken?)"
for t in $(x "/document/unit/@total" "$a" | sed 's/ *total="\([^"]*\)"/\1 /g'); do
	grep -q "[^0-9.]$t\([^0-9]\|$\)" "$tmp/text" || fail "total $t is not printed whole"
done
pdfinfo -f 1 -l 99 "$pdf" | grep "^Page .* size:" | grep -qv "595.* x 841" &&
	fail "a page that is not A4 portrait (a table too wide)"
echo ok
