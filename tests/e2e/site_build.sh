#!/bin/sh
# The web site built from data/: every HTML page and XML file is
# well-formed, every relative href/src resolves to a file, no internal
# document's title (nor its kind's pages) appears anywhere under OUT/site,
# the manifest lists each public page, and two builds are byte-identical.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
[ -d "$ANJIAN_TOP/data" ] && [ -d "$ANJIAN_TOP/templates/site" ] || { echo "no data or layouts"; exit 1; }
command -v xmllint >/dev/null || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export SOURCE_DATE_EPOCH=1775001600
cd "$ANJIAN_TOP" || exit 1
for run in a b; do
	"$ANJIAN" build --data data --out "$tmp/$run" --month 2026-03 --quiet 2>"$tmp/err" ||
		{ cat "$tmp/err"; fail "build $run exited $?"; }
done
site="$tmp/a/site"
[ -f "$site/index.html" ] || fail "no index.html"
diff -r "$tmp/a/site" "$tmp/b/site" >/dev/null || fail "two builds differ"
cmp -s "$tmp/a/manifest.xml" "$tmp/b/manifest.xml" || fail "manifests differ"

pages=0 links=0
for f in $(find "$site" -name '*.html' -o -name '*.xml' | sort); do
	xmllint --noout --nonet "$f" 2>"$tmp/lint" || { cat "$tmp/lint"; fail "${f#$site/} is not well-formed"; }
	case "$f" in *.html) ;; *) continue ;; esac
	pages=$((pages + 1))
	dir=$(dirname "$f")
	grep -q '<html lang="zh-CN">' "$f" || fail "${f#$site/}: no lang=zh-CN"
	grep -q "script-src 'self'" "$f" || fail "${f#$site/}: no Content-Security-Policy"
	if grep -q ' style="' "$f"; then fail "${f#$site/}: inline style attribute (blocked by the CSP)"; fi
	dup=$(grep -o ' id="[^"]*"' "$f" | sort | uniq -d | head -n 1)
	[ -z "$dup" ] || fail "${f#$site/}: duplicate$dup"
	for ref in $(grep -o -E '(href|src)="[^"]*"' "$f" | sed -E 's/^(href|src)="//; s/"$//'); do
		case "$ref" in
		'#'*|mailto:*) continue ;;
		*://*) fail "${f#$site/}: absolute link $ref" ;;
		esac
		target=${ref%%#*}
		target=${target%%\?*}
		[ -f "$dir/$target" ] || fail "${f#$site/}: $ref does not resolve"
		links=$((links + 1))
	done
done
[ "$pages" -ge 8 ] || fail "only $pages pages"
echo "$pages pages, $links relative links checked"

# Internal documents: their titles appear nowhere in the site.
m="$tmp/a/manifest.xml"
n=$(xmllint --xpath "count(/manifest/document[@publicity='internal'])" "$m")
[ "$n" -ge 1 ] || fail "the sample data has no internal document to check"
i=1
while [ "$i" -le "$n" ]; do
	title=$(xmllint --xpath "string(/manifest/document[@publicity='internal'][$i]/@title)" "$m")
	[ -n "$title" ] || fail "internal document $i has no title"
	if grep -rqF "$title" "$site"; then fail "internal title '$title' appears under site/"; fi
	i=$((i + 1))
done
for kind in exemplar-review rectification; do
	[ -e "$site/$kind" ] && fail "site/$kind exists"
	if grep -rqF "$kind/" "$site"; then fail "a link to $kind/ appears in the site"; fi
done
# Every public document has its page listed in the manifest, and it exists.
for p in $(xmllint --xpath "/manifest/document[@publicity='public']/file[@format='html']/@path" "$m" |
	   sed -E 's/ *path="([^"]*)"/\1\n/g'); do
	[ -f "$tmp/a/$p" ] || fail "manifest lists $p, which does not exist"
done
[ "$(xmllint --xpath "count(/manifest/document[@publicity='public'][not(file[@format='html'])])" "$m")" = 0 ] ||
	fail "a public document has no html page in the manifest"
[ "$(xmllint --xpath "count(/manifest/document[@publicity='internal'][file[@format='html']])" "$m")" = 0 ] ||
	fail "an internal document has an html page in the manifest"
# documents.md: a document's files in the order pdf, html, data, md
order=$(xmllint --xpath "/manifest/document[@kind='bulletin']/file/@format" "$m" | tr -d ' \n')
[ "$order" = 'format="pdf"format="html"format="data"format="md"' ] || fail "bulletin files in the order $order"
# The hostile enterprise name of the sample data stays text.
grep -q 'A\*B_C|D#1 &lt;script&gt;alert(1)&lt;/script&gt;' "$site/exposed/2026-03.html" ||
	fail "the hostile name is not shown escaped on the exposed list"
if grep -rq '<script>alert' "$site"; then fail "a script element from the data"; fi

# A template that marks its document internal: the manifest says internal,
# as the site does (no page, no html file), whatever the plan's default.
mkdir "$tmp/tpl"
cp -R templates/site "$tmp/tpl/site"
sed 's/^publicity: .*/publicity: internal/' templates/exposed.md >"$tmp/tpl/exposed.md"
grep -q '^publicity: internal$' "$tmp/tpl/exposed.md" || fail "exposed.md has no publicity line to change"
"$ANJIAN" build --data data --out "$tmp/c" --month 2026-03 --templates "$tmp/tpl" --quiet 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "build with an internal exposed list exited $?"; }
m="$tmp/c/manifest.xml"
[ "$(xmllint --xpath "string(/manifest/document[@kind='exposed']/@publicity)" "$m")" = internal ] ||
	fail "a template's publicity: internal is not the manifest's"
[ "$(xmllint --xpath "count(/manifest/document[@kind='exposed']/file[@format='html'])" "$m")" = 0 ] ||
	fail "the internal exposed list has an html file in the manifest"
[ -e "$tmp/c/site/exposed" ] && fail "the internal exposed list has pages on the site"
[ "$(xmllint --xpath "string(/manifest/document[@kind='bulletin']/@publicity)" "$m")" = public ] ||
	fail "the bulletin (no template here) is no longer public"
echo ok
