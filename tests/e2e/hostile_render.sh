#!/bin/sh
# Huge Markdown still typesets, in bounded time and memory: a table of
# 5 000 rows with one cell holding an unbreakable 10 000-character word
# (the word is broken across lines, never run off the page) and headings
# of 2 000 characters, to PDF and to HTML.  Markdown nested 100 000 deep
# (block quotes, lists, emphasis) is refused by both writers with exit 65
# and its line, instead of overflowing the stack.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
command -v pdftotext >/dev/null || { echo "pdftotext missing"; exit 1; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
run() { timeout "$HANG_LIMIT" /usr/bin/time -f 'maxrss_kb=%M' "$ANJIAN" "$@" 2>"$t/err"; }
rss() { sed -n 's/^maxrss_kb=//p' "$t/err"; }

awk 'BEGIN { w = "W"; for (i = 0; i < 14; i++) w = w w; w = substr(w, 1, 10000);
	print "# 大表\n\n表1　五千行\n\n| 序号 | 企业名称 | 说明 |\n|---:|---|---|";
	for (i = 1; i <= 5000; i++)
		if (i == 2500) printf "| %d | %s | 长词 |\n", i, w;
		else printf "| %d | 苏州某某安全生产有限公司%d | 正常 |\n", i, i }' >"$t/table.md"
run render "$t/table.md" --out "$t/table.pdf" || { cat "$t/err"; fail "table: render failed"; }
echo "table: max RSS $(rss) KB"
[ "$(rss)" -lt 1048576 ] || fail "table: max RSS $(rss) KB over 1 GB"
pdftotext "$t/table.pdf" "$t/table.txt" || fail "table: pdftotext"
grep -q '苏州某某安全生产有限公司4999' "$t/table.txt" || fail "table: row 4999 missing"
longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$t/table.txt")
[ "$longest" -lt 200 ] || fail "table: a text line of $longest characters: the word was not broken"
ws=$(tr -cd W <"$t/table.txt" | wc -c)
[ "$ws" -eq 10000 ] || fail "table: $ws of the word's 10 000 characters in the PDF text"
run render "$t/table.md" --out "$t/table.html" || { cat "$t/err"; fail "table: HTML render failed"; }
grep -q '苏州某某安全生产有限公司4999' "$t/table.html" || fail "table: row 4999 missing in HTML"

awk 'BEGIN { h = "安"; for (i = 0; i < 11; i++) h = h h; h = substr(h, 1, 2000 * 3);
	print "# " h "\n\n## " h "\n\n正文。\n\n### " h "\n\n正文。" }' >"$t/head.md"
run render "$t/head.md" --out "$t/head.pdf" || { cat "$t/err"; fail "heading: render failed"; }
pdftotext "$t/head.pdf" - | grep -q '正文' || fail "heading: body text missing"
run render "$t/head.md" --out "$t/head.html" || { cat "$t/err"; fail "heading: HTML render failed"; }
for kind in quote list emphasis; do
	awk -v kind=$kind 'BEGIN { print "# 深\n\n正文。"; s = ""
		for (i = 0; i < 100000; i++) s = s (kind == "quote" ? "> " : kind == "list" ? "- " : "*")
		print (kind == "emphasis" ? s "深" s : s "深") }' >"$t/$kind.md"
	for fmt in pdf html; do
		run render "$t/$kind.md" --out "$t/$kind.$fmt"
		rc=$?
		[ $rc -eq 65 ] || { cat "$t/err"; fail "$kind to $fmt: exit $rc, not 65"; }
		grep -q "$kind.md:4: the Markdown nests more than 100 levels" "$t/err" ||
			{ cat "$t/err"; fail "$kind to $fmt: no message with the line"; }
		[ ! -e "$t/$kind.$fmt" ] || fail "$kind to $fmt: an output file was written"
	done
done
echo "nesting: quote, list and emphasis 100 000 deep refused with the line"
echo ok
