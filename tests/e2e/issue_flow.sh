#!/bin/sh
# The monthly routine on the sample data (../shared/spec/office.md):
# drafts marked 草稿 on every page and numbered as issue will number them;
# a hand edit of OUT/md kept through issue (edited="true"); the issued PDF
# without the mark and otherwise the draft's text; a second issue of the
# same period refused (65) and accepted with --correct (new number, the
# earlier superseded, each linked to the other on the site); build
# --archive drafting only what is not issued and warning, with old → new
# values, about a changed record under an issued bulletin whose PDF keeps
# its bytes; an empty month and a month after the newest record refused
# (65) naming the newest record, --allow-empty to insist.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600 LANGUAGE=C
cp -R "$ANJIAN_TOP/data" "$t/data"
A="$t/archive"
x() { xmllint --xpath "$1" "$A/register.xml" 2>/dev/null; }

# Drafts of March: marked on every page, the number they would get.
"$ANJIAN" build --data "$t/data" --out "$t/d1" --month 2026-03 --archive "$A" --quiet ||
	fail "build the drafts"
pdf_pages_text "$t/d1/pdf/bulletin-2026-03.pdf" >"$t/draft.txt"
pages=$(wc -l <"$t/draft.txt")
[ "$(grep -c '草稿' "$t/draft.txt")" = "$pages" ] || fail "a draft page without 草稿"
grep -q '苏安办通〔2026〕1号' "$t/draft.txt" || fail "the draft does not show the number it would get"

# A hand edit of the Markdown is kept through issue.
md="$t/d1/md/bulletin-2026-03.md"
printf '\n本通报经办公室审核后印发（手工修改）。\n' >>"$md"
"$ANJIAN" issue --draft "$t/d1" --archive "$A" >"$t/issue.out" 2>"$t/err" ||
	{ cat "$t/err"; fail "issue"; }
verify_register "$A" || fail "register inconsistent after the first issue"
[ "$(x 'string(//document[@kind="bulletin"]/@edited)')" = true ] || fail "edited not recorded"
[ "$(x 'string(//document[@kind="exposed"]/@edited)')" = false ] || fail "edited without an edit"
[ "$(x 'string(//document[@kind="bulletin"]/@number)')" = '苏安办通〔2026〕1号' ] || fail "number"
[ "$(x 'string(//document[@kind="bulletin"]/@issued)')" = 2026-03-31 ] || fail "date: as-of"
issued=$(x 'string(//document[@kind="bulletin"]/file[@format="pdf"]/@path)')
pdf_pages_text "$A/$issued" >"$t/issued.txt"
grep -q '草稿' "$t/issued.txt" && fail "the issued PDF is marked 草稿"
grep -q '手工修改' "$t/issued.txt" || fail "the hand edit is not in the issued PDF"
# Outside the mark, every word of the pages before the edit sits where it
# sat in the draft: the mark left the grid untouched.
words() { # words PDF: "page xMin yMin text" of every word but 草稿
	pdftotext -bbox "$1" - | awk '/<page /{ p++ } /<word /{ print p, $0 }' |
		grep -v '>草稿</word>' | sed 's/ xMax="[^"]*" yMax="[^"]*"//'
}
edit_page=$(grep '手工修改' "$t/issued.txt" | head -1 | cut -d: -f1)
words "$t/d1/pdf/bulletin-2026-03.pdf" | awk -v e="$edit_page" '$1 < e' | sort >"$t/draft.words"
words "$A/$issued" | awk -v e="$edit_page" '$1 < e' | sort >"$t/issued.words"
[ "$(wc -l <"$t/draft.words")" -gt 100 ] || fail "too few words to compare"
cmp -s "$t/draft.words" "$t/issued.words" ||
	{ diff "$t/draft.words" "$t/issued.words" | head; fail "the issued pages differ from the draft's"; }
[ -f "$A/site/bulletin/2026-03.html" ] || fail "the issued bulletin is not on the archive's site"
grep -rq '2026-Q1' "$A/site/exemplar-review" 2>/dev/null && fail "an internal document is on the site"
grep -q 'exemplar-review' "$A/site/sitemap.xml" && fail "an internal document is in the sitemap"

# A second issue of the same period is refused, the archive untouched.
cp "$A/register.xml" "$t/register.before"
sha_before=$(sha256sum "$A/$issued" | cut -d' ' -f1)
"$ANJIAN" build --data "$t/data" --out "$t/d2" --month 2026-03 --quiet || fail "rebuild"
"$ANJIAN" issue --draft "$t/d2" --archive "$A" bulletin-2026-03 2>"$t/err"
[ $? -eq 65 ] || fail "a second issue of bulletin 2026-03 was not refused with 65"
grep -q -- '--correct' "$t/err" || { cat "$t/err"; fail "the refusal does not say --correct"; }
cmp -s "$A/register.xml" "$t/register.before" || fail "a refused issue changed the register"

# build --archive: nothing issued is drafted again; a changed record is warned.
n=$(grep -n '<inspection ' "$t/data/enforcement/2026.xml" | grep 'date="2026-03-' | head -1 | cut -d: -f1)
sed -i "${n}s/date=\"2026-03-[0-9]*\"/date=\"2026-02-15\"/" "$t/data/enforcement/2026.xml"
"$ANJIAN" build --data "$t/data" --out "$t/d3" --month 2026-03 --archive "$A" >"$t/out" 2>"$t/err" ||
	{ cat "$t/err"; fail "build --archive"; }
[ -z "$(ls "$t/d3/pdf")" ] || fail "build --archive drafted issued documents: $(ls "$t/d3/pdf")"
grep -q 'bulletin 2026-03, issued as 苏安办通〔2026〕1号' "$t/err" || { cat "$t/err"; fail "no warning"; }
grep -q 'total inspections: 88 → 87' "$t/err" || { cat "$t/err"; fail "the warning lacks old → new"; }
[ "$(sha256sum "$A/$issued" | cut -d' ' -f1)" = "$sha_before" ] || fail "the issued PDF changed"

# A correction: its own number, the earlier superseded, both on the site, linked.
"$ANJIAN" build --data "$t/data" --out "$t/d4" --month 2026-03 --quiet || fail "build the correction"
"$ANJIAN" issue --draft "$t/d4" --archive "$A" --correct --date 2026-04-10 bulletin-2026-03 \
	>"$t/out" 2>"$t/err" || { cat "$t/err"; fail "issue --correct"; }
verify_register "$A" || fail "register inconsistent after the correction"
[ "$(x 'string(//document[@number="苏安办通〔2026〕1号"]/@status)')" = superseded ] || fail "not superseded"
[ "$(x 'string(//document[@number="苏安办通〔2026〕1号"]/@superseded-by)')" = '苏安办通〔2026〕2号' ] ||
	fail "superseded-by"
[ "$(x 'string(//document[@number="苏安办通〔2026〕2号"]/@supersedes)')" = '苏安办通〔2026〕1号' ] ||
	fail "supersedes"
[ "$(sha256sum "$A/$issued" | cut -d' ' -f1)" = "$sha_before" ] || fail "the corrected PDF changed"
grep -q 'href="../bulletin/2026-03.v2.html"' "$A/site/bulletin/2026-03.html" ||
	fail "the superseded page does not link its correction"
grep -q 'href="../bulletin/2026-03.html"' "$A/site/bulletin/2026-03.v2.html" ||
	fail "the correction does not link the document it corrects"
"$ANJIAN" issue --draft "$t/d4" --archive "$A" --correct exposed-2026-04 2>/dev/null
[ $? -eq 64 ] || fail "an unknown draft name is not a usage error"
# The register only grew: every earlier entry is still there, in order.
before=$(xmllint --xpath '//document/@number' "$t/register.before" | tr ' ' '\n' | grep .)
after=$(x '//document/@number' | tr ' ' '\n' | grep . | head -n "$(echo "$before" | wc -l)")
[ "$before" = "$after" ] || fail "the register lost or reordered entries"
"$ANJIAN" site --archive "$A" --quiet || fail "anjian site"
verify_register "$A" || fail "register inconsistent after anjian site"

# Empty months: refused, naming the newest record; --allow-empty insists.
"$ANJIAN" build --data "$t/data" --out "$t/e1" --month 2026-04 2>"$t/err"
[ $? -eq 65 ] || fail "a month after the newest record was not refused"
grep -q 'after the newest record.*dated 2026-03-' "$t/err" || { cat "$t/err"; fail "no newest date"; }
[ -e "$t/e1" ] && fail "a refused build wrote its output"
# December 2024 has only baselines: no record is dated in it
"$ANJIAN" build --data "$t/data" --out "$t/e2" --month 2024-12 2>"$t/err"
[ $? -eq 65 ] || fail "an empty month was not refused"
grep -q 'dated in 2024-12 (the newest record in the data is dated 2026-03-' "$t/err" ||
	{ cat "$t/err"; fail "the empty month's message"; }
"$ANJIAN" build --data "$t/data" --out "$t/e2" --month 2024-12 --allow-empty --quiet ||
	fail "--allow-empty"
echo "issue: drafts, hand edit, refusal, correction, changed data, empty months"
