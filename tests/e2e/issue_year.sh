#!/bin/sh
# A year issued month by month into one archive, as an office works: each
# month `build --archive` then `issue`.  After every issue the register is
# consistent, has only grown, and every file issued before is unchanged;
# at the end the archive's site lists all twelve bulletins (archive by
# kind and by year, feed and sitemap with the profile's site.url) and no
# internal document.  Then the same year as back issues: one build --since
# and one issue give the bulletins the same numbers.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600
"$(gen_bin)" -n 30 --from 2025-01 --to 2025-12 --seed 5 --city wuxi --out "$t/data" ||
	fail "anjian-gen"
A="$t/archive"
x() { xmllint --xpath "$1" "$A/register.xml" 2>/dev/null; }
files() { # sha256sum lines of every file the register lists
	[ -f "$A/register.xml" ] || return 0
	(cd "$A" && xmllint --xpath '//file/@path' register.xml | tr ' ' '\n' |
		sed -n 's/^path="\(.*\)"$/\1/p' | xargs sha256sum)
}

start=$(date +%s)
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
	files >"$t/before"
	numbers_before=$(x '//document/@number' | tr ' ' '\n' | grep .)
	"$ANJIAN" build --data "$t/data" --out "$t/draft" --month "2025-$m" --archive "$A" --quiet ||
		fail "build 2025-$m"
	"$ANJIAN" issue --draft "$t/draft" --archive "$A" --quiet 2>"$t/err" ||
		{ cat "$t/err"; fail "issue 2025-$m"; }
	verify_register "$A" || fail "2025-$m: register inconsistent"
	[ -s "$t/before" ] && ! (cd "$A" && sha256sum --quiet -c "$t/before") &&
		fail "2025-$m: an issued file changed"
	after=$(x '//document/@number' | tr ' ' '\n' | grep . | head -n "$(echo "$numbers_before" | grep -c .)")
	[ "$(echo "$numbers_before" | grep .)" = "$(echo "$after" | grep .)" ] ||
		fail "2025-$m: the register lost or reordered entries"
	[ "$(x "string(//document[@kind='bulletin'][@period='2025-$m']/@number)")" = "锡安办通〔2025〕${m#0}号" ] ||
		fail "2025-$m: bulletin number $(x "string(//document[@kind='bulletin'][@period='2025-$m']/@number)")"
done
echo "twelve months issued in $(( $(date +%s) - start )) s"

S="$A/site"
[ "$(grep -c 'href="../bulletin/2025-[01][0-9].html"' "$S/archive/bulletin.html")" = 12 ] ||
	fail "the bulletin archive does not list twelve bulletins"
[ "$(grep -c 'href="../bulletin/2025-' "$S/archive/2025.html")" = 12 ] ||
	fail "the 2025 archive does not list twelve bulletins"
[ "$(grep -c '<loc>https://example.invalid/wuxi/bulletin/2025-' "$S/sitemap.xml")" = 12 ] ||
	fail "the sitemap does not list twelve bulletins under the profile's site.url"
[ "$(grep -c '<id>https://example.invalid/wuxi/bulletin/2025-' "$S/feed.xml")" = 12 ] ||
	fail "the feed does not list twelve bulletins"
grep -q 'href="bulletin/2025-12.html"' "$S/index.html" || fail "the home page lacks the latest bulletin"
for m in 01 06 12; do
	[ -f "$S/bulletin/2025-$m.pdf" ] || fail "no PDF beside bulletin 2025-$m"
	pdftotext -q "$S/bulletin/2025-$m.pdf" - | grep -q '草稿' && fail "a draft mark on the site"
done
[ -d "$S/exemplar-review" ] || [ -d "$S/rectification" ] && fail "an internal document is on the site"
[ "$(x 'count(//document[@kind="exemplar-review"])')" = 4 ] || fail "four exemplar reviews issued"

# The same year as back issues: one build, one issue, the same numbers.
B="$t/back"
start=$(date +%s)
"$ANJIAN" build --data "$t/data" --out "$t/all" --since 2025-01 --month 2025-12 --archive "$B" \
	--quiet || fail "build --since"
"$ANJIAN" issue --draft "$t/all" --archive "$B" --quiet || fail "issue a year of back issues"
echo "a year of back issues built and issued in $(( $(date +%s) - start )) s"
verify_register "$B" || fail "back issues: register inconsistent"
for m in 01 12; do
	[ "$(xmllint --xpath "string(//document[@kind='bulletin'][@period='2025-$m']/@number)" "$B/register.xml")" = \
	  "锡安办通〔2025〕${m#0}号" ] || fail "back issue 2025-$m numbered differently"
done
echo "a year issued month by month: register grew, nothing issued changed, twelve bulletins on the site"
