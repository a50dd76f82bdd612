#!/bin/sh
# Data that looks like HTML, javascript: URLs or Markdown links, put in every
# free-text field of the sample data (names of enterprises, districts and
# departments, address, hazard description, violation, accident summary,
# exposure problem/handling, nomination and blacklist reasons, problem
# lists: source, batch, aspect, description, measures, progress), built end
# to end: it shows as text and never becomes markup, a link or script.
# In the site: no <script> but the site's own search.js, no javascript:
# href, no <a>/<img> from data, no event-handler or style attribute, a
# strict Content-Security-Policy on every page, every page well-formed.
# In the PDFs: no link annotation (/URI) or JavaScript action at all.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
[ -d "$ANJIAN_TOP/data" ] || { echo "no data/ yet"; exit 1; }
for c in xmllint qpdf pdftotext; do command -v $c >/dev/null || { echo "$c missing"; exit 1; }; done
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600
cp -R "$ANJIAN_TOP/data" "$t/data"
# XML-escaped; sed needs its '&' escaped.
P="\&lt;script\&gt;alert(1)\&lt;/script\&gt;\&lt;a href='javascript:alert(2)'\&gt;a\&lt;/a\&gt;[l](javascript:alert(3))\&lt;img src=x onerror=alert(4)\&gt;**b**"
find "$t/data" -name '*.xml' -exec sed -i -E \
	-e "s#<(name|address|description|violation|problem|handling|progress|measures|summary|reason|content)>#&$P#g" \
	-e "s# (reason|title|source|batch|responsible)=\"# \1=\"$P#g" \
	-e "s#<(district|department) (code|id)=\"([^\"]*)\" name=\"#<\1 \2=\"\3\" name=\"$P#" {} +
[ "$(grep -rc 'javascript:alert(2)' "$t/data" | awk -F: '{ s += $2 } END { print s }')" -gt 500 ] ||
	fail "the payload did not go into the data"
cd "$ANJIAN_TOP" || exit 1
"$ANJIAN" build --data "$t/data" --out "$t/out" --month 2026-03 --quiet 2>"$t/err" ||
	{ cat "$t/err"; fail "build of the hostile data failed"; }
site="$t/out/site"
[ -f "$site/exposed/2026-03.html" ] || fail "no exposed list page"

# The payload is there, as text.
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=[^>]*javascript:alert(2)[^>]*&gt;a&lt;/a&gt;\[l\](javascript:alert(3))&lt;img src=x onerror=alert(4)&gt;\*\*b\*\*' \
	"$site/exposed/2026-03.html" || fail "the hostile enterprise name is not shown as text on the exposed list page"

pages=$(find "$site" -name '*.html' | LC_ALL=C sort)
for f in $pages; do
	n=${f#"$site"/}
	xmllint --noout --nonet "$f" 2>"$t/lint" || { cat "$t/lint"; fail "$n is not well-formed"; }
	grep -q '<meta http-equiv="Content-Security-Policy" content="[^"]*script-src '"'self'" "$f" ||
		fail "$n: no strict Content-Security-Policy"
	! grep -q 'unsafe-inline\|unsafe-eval' "$f" || fail "$n: the CSP allows inline script or eval"
	# tags only (text is escaped, so '<' in text never starts one)
	tags=$(grep -o '<[a-zA-Z][^>]*>' "$f")
	! printf '%s\n' "$tags" | grep -i '^<script' | grep -v '^<script src="\(\.\./\)*search\.js"' ||
		fail "$n: a script element besides search.js"
	! printf '%s\n' "$tags" | grep -i 'javascript:' || fail "$n: a javascript: URL in a tag"
	! printf '%s\n' "$tags" | grep -iE ' on[a-z]+=' || fail "$n: an event-handler attribute"
	! printf '%s\n' "$tags" | grep -iE ' style=' || fail "$n: a style attribute (the CSP forbids it)"
	! printf '%s\n' "$tags" | grep -iE '^<(a|img)[ >]' | grep -E 'alert|src="x"' || fail "$n: a link or image from data"
	! printf '%s\n' "$tags" | grep -iE '^<(iframe|object|embed|base|meta http-equiv="refresh")' ||
		fail "$n: an active element"
done
for f in "$site/feed.xml" "$site/sitemap.xml"; do
	[ -f "$f" ] || continue
	xmllint --noout --nonet "$f" || fail "${f#"$site"/} is not well-formed"
done
# The search script builds its results as text, never as markup.
if [ -f "$site/search.js" ]; then
	! grep -nE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function' "$site/search.js" ||
		fail "search.js writes markup or evaluates code"
fi

for p in "$t/out/pdf"/*.pdf; do
	qpdf --qdf --object-streams=disable "$p" "$t/q.pdf" || fail "qpdf ${p##*/}"
	! grep -aE '/URI|/JavaScript|/JS ' "$t/q.pdf" | head -n 3 | grep . || fail "${p##*/}: a link or script action"
done
pdftotext "$t/out/pdf/exposed-2026-03.pdf" - | grep -q 'javascript:alert(2)' ||
	fail "the hostile name is not shown as text in the exposed PDF"
echo ok
