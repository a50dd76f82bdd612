#!/bin/sh
# The render cache (OUT/.cache): a rebuild with nothing changed leaves OUT
# as it is; one whose data files were rewritten unchanged typesets nothing
# and writes the same bytes; changing a record, a template or the
# font set re-typesets exactly the documents it affects, and the result is
# byte-identical to a --force build (the cache never serves a stale PDF);
# --jobs 1 and --jobs 4 agree; .cache is neither in the manifest nor in
# OUT/site.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
[ -d "$ANJIAN_TOP/data" ] || { echo "no data/"; exit 1; }
command -v xmllint >/dev/null || { echo "xmllint missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775001600
cp -R "$ANJIAN_TOP/data" "$tmp/data"
cp -R "$ANJIAN_TOP/templates" "$tmp/templates"

# build OUT [options]: prints "TYPESET UNCHANGED" from the summary line.
build() {
	out=$1; shift
	"$ANJIAN" build --data "$tmp/data" --templates "$tmp/templates" --out "$out" \
		--month 2026-03 "$@" >"$tmp/log" 2>"$tmp/err" || { cat "$tmp/err"; fail "build $*"; }
	sed -n 's/.*(\([0-9]*\) typeset, \([0-9]*\) unchanged.*/\1 \2/p' "$tmp/log"
}
# same A B: every file but .cache identical, both ways.
same() { diff -r -x .cache "$1" "$2" >"$tmp/diff" || { head "$tmp/diff"; fail "$3"; }; }

set -- $(build "$tmp/out")
total=$1
[ "$total" -gt 2 ] && [ "$2" = 0 ] || fail "first build: $total typeset, $2 unchanged"
verify_manifest "$tmp/out" || fail "manifest"
grep -q '\.cache' "$tmp/out/manifest.xml" && fail ".cache listed in the manifest"
[ -n "$(ls "$tmp/out/.cache")" ] || fail "no cache written"
find "$tmp/out/site" -name '*.pages' | grep -q . && fail "cache files under site/"
cp -R "$tmp/out" "$tmp/first"

# Nothing changed: OUT is left as it is, without loading the data.
build "$tmp/out" >/dev/null
grep -q 'nothing changed' "$tmp/log" || fail "no-change rebuild did not notice: $(cat "$tmp/log")"
same "$tmp/first" "$tmp/out" "no-change rebuild differs"
# A data file rewritten with the same bytes: loaded again, nothing typeset.
cp -p "$tmp/data/base.xml" "$tmp/base.xml" && cat "$tmp/base.xml" >"$tmp/data/base.xml"
[ "$(build "$tmp/out")" = "0 $total" ] || fail "same-bytes rebuild typeset something"
same "$tmp/first" "$tmp/out" "same-bytes rebuild differs"
[ "$(build "$tmp/out" --force)" = "$total 0" ] || fail "--force did not typeset everything"
same "$tmp/first" "$tmp/out" "--force build differs"

# One template: only the documents of that kind.
n=$(grep -c 'kind="exposed"' "$tmp/out/manifest.xml")
printf '\n' >>"$tmp/templates/exposed.md"
[ "$(build "$tmp/out")" = "$n $((total - n))" ] || fail "template change: expected $n typeset"
build "$tmp/forced" --force >/dev/null
same "$tmp/forced" "$tmp/out" "template change: cached build differs from --force"
cmp -s "$tmp/first/md/exposed-2026-03.md" "$tmp/out/md/exposed-2026-03.md" &&
	fail "template change did not reach the Markdown"

# One record: exactly the documents whose context changed.
cp -R "$tmp/out" "$tmp/before"
ins=$(grep -m1 '<inspection ' "$tmp/data/enforcement/2026.xml" |
	sed 's/id="[^"]*"/id="JC-2026-999999"/; s/date="[^"]*"/date="2026-03-20"/')
[ -n "$ins" ] || fail "no inspection in the sample data to copy"
printf '%s\n' "$ins" >"$tmp/ins"
sed -i "/<\/dataset>/{
r $tmp/ins
d
}" "$tmp/data/enforcement/2026.xml"
echo '</dataset>' >>"$tmp/data/enforcement/2026.xml"
changed=0
set -- $(build "$tmp/out")
for f in "$tmp/out"/data/*.xml; do
	cmp -s "$f" "$tmp/before/data/${f##*/}" || changed=$((changed + 1))
done
[ "$changed" -ge 1 ] && [ "$changed" -lt "$total" ] || fail "record change touched $changed contexts"
[ "$1" = "$changed" ] || fail "record change: $1 typeset, $changed contexts changed"
rm -rf "$tmp/forced"
build "$tmp/forced" --force >/dev/null
same "$tmp/forced" "$tmp/out" "record change: cached build differs from --force"

if [ "${ANJIAN_SAN:-}" = 1 ]; then
	echo "cache: $total documents; font and --jobs parts run in the plain build only"
	exit 0
fi

# The font set (src/typeset/fontset.c): a font no role names changes nothing;
# one more file of a role family (DejaVu Sans ends every role) renders
# everything, and the same bytes.
role_face=$(fc-list ':family=DejaVu Sans' file 2>/dev/null | sed 's/: *$//' | sort | head -n 1)
other=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolBraille-Regular.otf
[ -n "$role_face" ] || fail "DejaVu Sans is not installed (fonts-dejavu-core)"
[ -f "$other" ] || fail "$other missing (texlive-lang-chinese)"
[ -f /etc/fonts/fonts.conf ] || fail "no /etc/fonts/fonts.conf"
mkdir "$tmp/fonts"
# (a FONTCONFIG_FILE is the whole font set: it names texlive's Fandol too)
cat >"$tmp/fonts.conf" <<CONF
<?xml version="1.0"?>
<fontconfig><include>/etc/fonts/fonts.conf</include><dir>$tmp/fonts</dir>
<dir>$(dirname "$other")</dir><cachedir>$tmp/fc-cache</cachedir></fontconfig>
CONF
cp "$other" "$tmp/fonts/"
[ -z "$(FONTCONFIG_FILE="$tmp/fonts.conf" build "$tmp/out")" ] && grep -q 'nothing changed' "$tmp/log" ||
	fail "a font no role names invalidated the cache: $(cat "$tmp/log")"
cp "$role_face" "$tmp/fonts/"
[ "$(FONTCONFIG_FILE="$tmp/fonts.conf" build "$tmp/out")" = "$total 0" ] ||
	fail "a new face of a role family did not invalidate the cache"
same "$tmp/forced" "$tmp/out" "font change: output differs"

# Threads do not change a byte.
rm -rf "$tmp/j1" "$tmp/j4"
build "$tmp/j1" --jobs 1 >/dev/null
build "$tmp/j4" --jobs 4 >/dev/null
same "$tmp/j1" "$tmp/j4" "--jobs 1 and --jobs 4 differ"
echo "cache: $total documents; no-change rebuild typesets 0, template and record changes only theirs"
