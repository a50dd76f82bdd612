#!/bin/sh
# `anjian build --data-only` on the sample data for 2026-03: the
# manifest lists every document with correct sha256, the data files hold
# the elements documents.md fixes, two builds are byte-identical, and a
# failing build leaves the earlier output directory untouched.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
data="$ANJIAN_TOP/data"
[ -d "$data" ] || { echo "no data/ yet"; exit 1; }
command -v xmllint >/dev/null || { echo "xmllint missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export SOURCE_DATE_EPOCH=1775001600 # 2026-04-01T00:00:00Z
build() { "$ANJIAN" build --data "$1" --out "$2" --month 2026-03 --data-only --quiet; }

build "$data" "$tmp/out1" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/err"; fail "build exited $rc"; }

m="$tmp/out1/manifest.xml"
x() { xmllint --xpath "$1" "$2" 2>/dev/null; }
[ "$(x 'string(/manifest/@version)' "$m")" = 1 ] || fail "manifest version"
[ "$(x 'string(/manifest/@generated)' "$m")" = 2026-04-01T00:00:00Z ] || fail "generated"
for kind in bulletin exposed exemplars exemplar-review rectification hazard-supervision; do
	[ "$(x "count(/manifest/document[@kind='$kind'])" "$m")" -ge 1 ] || fail "no $kind in manifest"
done
[ "$(x "string(/manifest/document[@kind='exemplars']/@period)" "$m")" = 2026-Q1 ] || fail "exemplars period"
[ "$(x "string(/manifest/document[@kind='rectification'][1]/@publicity)" "$m")" = internal ] || fail "publicity"
n=$(x 'count(//file)' "$m")
i=1
while [ "$i" -le "$n" ]; do
	path=$(x "string((//file)[$i]/@path)" "$m")
	sum=$(x "string((//file)[$i]/@sha256)" "$m")
	[ -f "$tmp/out1/$path" ] || fail "$path listed but missing"
	[ "$(sha256sum "$tmp/out1/$path" | cut -d' ' -f1)" = "$sum" ] || fail "$path sha256"
	i=$((i + 1))
done

b="$tmp/out1/data/bulletin-2026-03.xml"
[ "$(x 'count(/document/district)' "$b")" -ge 1 ] || fail "bulletin districts"
[ "$(x 'count(/document/district[not(@target)])' "$b")" = 0 ] || fail "district without target"
[ "$(x 'count(/document/total)' "$b")" = 1 ] || fail "bulletin total"
[ "$(x "count(/document/compliance[@district='all'])" "$b")" = 1 ] || fail "compliance all"
[ "$(x 'count(/document/trend/month)' "$b")" = 12 ] || fail "trend"
for key in inspections inspections-ytd penalties penalties-ytd fines suspensions accidents \
	accidents-ytd deaths deaths-ytd major-hazards-found major-hazards-open \
	major-hazards-overdue reports reports-late; do
	[ -n "$(x "string(/document/total/@$key)" "$b")" ] || fail "total lacks $key"
done
x 'string(/document/total/@fines)' "$b" | grep -Eq '^[0-9]+\.[0-9]{2}$' || fail "fines format"
grep -q -- '"-0\.0"' "$tmp"/out1/data/*.xml && fail "-0.0 in a data file"
e="$tmp/out1/data/exposed-2026-03.xml"
[ "$(x 'count(/document/entry)' "$e")" -ge 1 ] || fail "exposed entries"
[ "$(x 'count(/document/entry[not(reason)])' "$e")" = 0 ] || fail "entry without reason"
[ "$(x 'count(/document/nomination)' "$tmp/out1/data/exemplar-review-2026-Q1.xml")" -ge 1 ] || fail "nominations"
h="$tmp/out1/data/hazard-supervision-2026-03.xml"
nh=$(x 'count(/document/hazard)' "$h")
[ "$nh" -ge 1 ] || fail "no hazard listed for 2026-03 (the sample data has listed major hazards)"
[ "$(x 'string(/document/summary/@total)' "$h")" = "$nh" ] || fail "hazard summary total is not the number of rows"
[ "$(x 'count(/document/hazard[not(@id) or not(@deadline)])' "$h")" = 0 ] || fail "hazard without id or deadline"
for r in "$tmp"/out1/data/rectification-*.xml; do
	[ "$(x 'count(/document/summary)' "$r")" = 1 ] || fail "$r summary"
done

# Determinism: a second build is byte-identical.
build "$data" "$tmp/out2" || fail "second build"
diff -r "$tmp/out1" "$tmp/out2" >/dev/null || fail "two builds differ"

# A failing build (bad data) leaves the earlier output as it was.
cp -R "$data" "$tmp/bad"
printf '<dataset version="1"><nonsense/></dataset>\n' >"$tmp/bad/zz-bad.xml"
cp -R "$tmp/out1" "$tmp/keep"
build "$tmp/bad" "$tmp/out1" 2>/dev/null
rc=$?
[ "$rc" -eq 65 ] || fail "bad data exited $rc, want 65"
diff -r "$tmp/keep" "$tmp/out1" >/dev/null || fail "failed build changed the output"
ls -d "$tmp"/out1.tmp-* 2>/dev/null && fail "temporary directory left behind"

# Usage errors.
"$ANJIAN" build --data "$data" --out "$tmp/o3" --month 2026-13 2>/dev/null
[ $? -eq 64 ] || fail "bad --month not a usage error"
"$ANJIAN" build --data "$tmp/nowhere" --out "$tmp/o3" --month 2026-03 --quiet 2>/dev/null
[ $? -eq 66 ] || fail "missing --data not 66"
echo ok
