#!/bin/sh
# Two offices from one program and one set of templates: the sample data
# (Suzhou's office.yml) and a generated data set of another city with its
# own profile (anjian-gen --city wuxi).  Nothing of Suzhou may appear in any
# output of the other office: PDF text and metadata, Markdown, data files,
# site pages, feed, sitemap, manifest; and no city or office name is
# written in src/.  A district office's profile gets a district's wording
# (区安委会各成员单位, 区安委办) from the same templates.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600
suzhou='苏州|苏安办|姑苏|虎丘|吴中|相城|吴江|常熟|张家港|昆山|太仓|苏州工业园区'

"$(gen_bin)" -n 120 --from 2025-01 --to 2026-03 --seed 3 --city wuxi --out "$t/wuxi" ||
	fail "anjian-gen --city wuxi"
"$ANJIAN" check --data "$t/wuxi" >"$t/check" || fail "the other office's data is not valid"
grep -q '无锡市安全生产委员会办公室' "$t/check" || fail "check does not name the profile's issuer"
"$ANJIAN" build --data "$t/wuxi" --out "$t/w" --month 2026-03 --quiet || fail "build wuxi"
"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$t/s" --month 2026-03 --quiet || fail "build suzhou"

# Everything the other office got, as text.
for pdf in "$t"/w/pdf/*.pdf; do
	pdftotext -q "$pdf" - >"$pdf.txt" || fail "pdftotext $pdf"
	pdfinfo "$pdf" >"$pdf.info" || fail "pdfinfo $pdf"
done
hits=$(grep -rlE "$suzhou" "$t/w" --include='*.txt' --include='*.info' --include='*.md' \
	--include='*.xml' --include='*.html' --include='*.json' --include='*.yml' --include='*.svg')
[ -z "$hits" ] || { grep -rhoE "$suzhou" $hits | sort | uniq -c; fail "Suzhou in the other office's output: $hits"; }

# ... and its own words instead, from its profile.
b="$t/w/pdf/bulletin-2026-03.pdf"
grep -q '无锡市安全生产委员会办公室' "$b.txt" || fail "issuer missing from the bulletin"
grep -q '锡安办通〔2026〕1号' "$b.txt" || fail "the 文号 does not use the profile's 代字"
grep -q '各市（县）、区安委会' "$b.txt" || fail "recipients not from the profile"
grep -q '数据来源：无锡市安全生产监管执法系统' "$b.txt" || fail "chart source line not from the profile"
grep -q '^Author: *无锡市安全生产委员会办公室' "$b.info" || fail "PDF author not from the profile"
grep -q '<title>无锡市安全生产信息公开</title>' "$t/w/site/feed.xml" || fail "feed title"
grep -q 'https://example.invalid/wuxi/bulletin/2026-03.html' "$t/w/site/sitemap.xml" ||
	fail "sitemap does not use the profile's site.url"
grep -q '无锡市安全生产信息公开' "$t/w/site/index.html" || fail "site title"
# The same templates gave Suzhou its own words.
pdftotext -q "$t/s/pdf/bulletin-2026-03.pdf" "$t/s.txt"
grep -q '苏安办通〔2026〕1号' "$t/s.txt" || fail "the sample office lost its 代字"

# A district office (its area ends in 区) from the same templates: its
# internal documents go to its own committee's member units and the
# exemplar list names it 区安委办, where a city's say 市安委…
mkdir "$t/district" && cp -R "$t/wuxi/." "$t/district/"
sed -e 's/^issuer: .*/issuer: 无锡市锡山区安全生产委员会办公室/' -e 's/^area: .*/area: 锡山区/' \
	-e 's/^recipients: .*/recipients: 各镇（街道）安委会，区安委会各成员单位/' \
	-e 's/^  url: .*/  url: https:\/\/example.invalid\/xishan\//' \
	"$t/wuxi/office.yml" >"$t/district/office.yml"
"$ANJIAN" build --data "$t/district" --out "$t/d" --month 2026-03 --quiet || fail "build the district"
for f in "$t"/d/md/exemplar-review-*.md "$t"/d/md/rectification-*.md; do
	[ -f "$f" ] || fail "no ${f##*/} for the district"
	grep -q '^recipients: "区安委会各成员单位"' "$f" || fail "${f##*/}: not to the district's member units"
done
grep -q '区安委办对照一票否决事项' "$t"/d/md/exemplars-*.md || fail "the exemplar list does not name 区安委办"
if grep -l '市安委' "$t"/d/md/*.md; then fail "a district document in a city's words (市安委…)"; fi
pdftotext -q "$t"/d/pdf/exemplar-review-*.pdf - | grep -q '区安委会各成员单位：' ||
	fail "the exemplar review's PDF is not addressed to the district's member units"
# ... and the city keeps its words, from the same templates.
grep -q '^recipients: "市安委会各成员单位"' "$t"/w/md/exemplar-review-*.md || fail "the city lost 市安委会各成员单位"
grep -q '市安委办对照一票否决事项' "$t"/w/md/exemplars-*.md || fail "the city lost 市安委办"

# No city or office name in the program's source.
if grep -rnE "$suzhou|无锡|锡安办" "$ANJIAN_TOP/src"; then
	fail "a city or office name is written in src/"
fi
echo "two offices, one program: nothing of one in the other's output"
