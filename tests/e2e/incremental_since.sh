#!/bin/sh
# `anjian build --since`: every month from --since to --month in one OUT,
# one manifest, one site whose archive lists them all; each month's
# documents are those of a build of that month alone (its own as-of), a
# problem list's table is built once (as of the latest month), and the
# home page shows the latest month.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
[ -d "$ANJIAN_TOP/data" ] || { echo "no data/"; exit 1; }
command -v xmllint >/dev/null || { echo "xmllint missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775001600
build() {
	out=$1; shift
	"$ANJIAN" build --data "$ANJIAN_TOP/data" --templates "$ANJIAN_TOP/templates" --out "$out" \
		--quiet "$@" 2>"$tmp/err" || { cat "$tmp/err"; fail "build $*"; }
}
build "$tmp/span" --month 2026-03 --since 2026-01
build "$tmp/feb" --month 2026-02
build "$tmp/mar" --month 2026-03
m="$tmp/span/manifest.xml"
verify_manifest "$tmp/span" || fail "manifest"
x() { xmllint --xpath "$1" "$m" 2>/dev/null; }
for p in 2026-01 2026-02 2026-03; do
	[ "$(x "count(/manifest/document[@kind='bulletin'][@period='$p'])")" = 1 ] || fail "bulletin $p"
	[ -f "$tmp/span/site/bulletin/$p.html" ] || fail "no site page for bulletin $p"
	grep -q "bulletin/$p.html" "$tmp/span/site/archive/bulletin.html" || fail "archive lacks $p"
done
[ "$(x "count(/manifest/document[@kind='bulletin'])")" = 3 ] || fail "bulletins outside the span"
# problem lists: once each, as in the single-month build of the last month
[ "$(x "count(/manifest/document[@kind='rectification'])")" = \
  "$(xmllint --xpath "count(/manifest/document[@kind='rectification'])" "$tmp/mar/manifest.xml")" ] ||
	fail "rectification tables repeated"
# calendar order: January's bulletin comes first
[ "$(x "string(/manifest/document[1]/@period)")" = 2026-01 ] || fail "manifest not in month order"
# the same data as its one-month build; only the 文号 differs (numbered in
# order of issue: in the span, February's bulletin comes after January's)
unnumbered() { sed 's/ number="[^"]*" serial="[0-9]*"//' "$1"; }
for f in "$tmp/feb"/data/bulletin-* "$tmp/feb"/data/exposed-* "$tmp/mar"/data/*.xml; do
	unnumbered "$f" >"$tmp/one"
	unnumbered "$tmp/span/data/${f##*/}" >"$tmp/two"
	cmp -s "$tmp/one" "$tmp/two" || fail "${f##*/} differs from its one-month build"
done
# The home page features the latest month exactly as a build of that month
# alone does; only its list of recent documents (h-recent) is longer.
featured() { sed '/aria-labelledby="h-recent"/,$d' "$1/site/index.html"; }
grep -q 'aria-labelledby="h-recent"' "$tmp/span/site/index.html" || fail "home page has no recent-documents list"
featured "$tmp/mar" >"$tmp/home.mar"
featured "$tmp/span" >"$tmp/home.span"
grep -q 'bulletin/2026-03.html' "$tmp/home.mar" || fail "March's home page does not feature its bulletin"
cmp -s "$tmp/home.mar" "$tmp/home.span" || fail "home page is not the latest month"
sed -n '/aria-labelledby="h-recent"/,$p' "$tmp/span/site/index.html" | grep -o 'href="[^"]*"' |
	head -n 1 | grep -q 'bulletin/2026-03.html' || fail "recent documents do not start with the latest bulletin"
[ "$(x 'string(/manifest/@generated)')" = 2026-04-01T00:00:00Z ] || fail "generated"
"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/bad" --month 2026-01 --since 2026-03 \
	--quiet 2>"$tmp/err"
[ $? = 64 ] && grep -q -- '--since' "$tmp/err" || fail "--since after --month accepted"
echo "since: three months in one manifest and site"
