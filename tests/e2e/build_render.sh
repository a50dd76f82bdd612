#!/bin/sh
# `anjian build` with the project's templates: every document with a
# template gets md + pdf files in the manifest (pdf with a page count), and
# rendering on 2 threads gives the same bytes as on 1.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
[ -d "$ANJIAN_TOP/data" ] && [ -f "$ANJIAN_TOP/templates/bulletin.md" ] || { echo "no templates yet"; exit 1; }
command -v xmllint >/dev/null || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export SOURCE_DATE_EPOCH=1775001600
cd "$ANJIAN_TOP" || exit 1
"$ANJIAN" build --data data --out "$tmp/a" --month 2026-03 --jobs 2 --quiet 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/err"; fail "build exited $rc"; }
m="$tmp/a/manifest.xml"
x() { xmllint --xpath "$1" "$2" 2>/dev/null; }
for t in templates/*.md; do
	kind=$(basename "$t" .md)
	# built with December only: tests/e2e/assessment_sample.sh checks it
	[ "$kind" != assessment ] || continue
	[ "$kind" != dossier ] || continue # an enterprise's, not a document: build --dossiers
	n=$(x "count(/manifest/document[@kind='$kind'])" "$m")
	[ "$n" -ge 1 ] || fail "$kind has a template but no document in the manifest"
	[ "$(x "count(/manifest/document[@kind='$kind']/file[@format='pdf'][@pages > 0])" "$m")" = "$n" ] ||
		fail "$kind: not every document has a pdf with pages"
	[ "$(x "count(/manifest/document[@kind='$kind']/file[@format='md'])" "$m")" = "$n" ] ||
		fail "$kind: md missing"
done
"$ANJIAN" build --data data --out "$tmp/b" --month 2026-03 --jobs 1 --quiet || fail "jobs 1"
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "--jobs 2 and --jobs 1 differ"
echo ok
