#!/bin/sh
# A generated province (province/: thirteen cities of anjian-gen, their own
# seeds and sizes) built with `make -j2` and with GNU parallel, then rolled
# up.  The province's figures must equal those of one build of all the
# cities' data loaded as one set; a failed city stops the roll-up naming
# it, and running again redoes that city only; rollup refuses a city given
# twice, a city of another month and a city whose files do not match its
# manifest.
. "$(dirname "$0")/lib.sh"
command -v xmllint >/dev/null || fail "xmllint missing"
command -v pdftotext >/dev/null || fail "pdftotext missing"
command -v parallel >/dev/null || fail "GNU parallel missing (scripts/install-deps)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775001600
export ANJIAN GEN="$(gen_bin)" MONTH=2025-12 ENTERPRISES=${PROVINCE_ENTERPRISES:-48}
# the sanitizer run rolls up two cities and leaves out GNU parallel and the
# failed city (3, 4: they check the scripts of province/, whose anjian runs
# are those of 1): the same code paths of anjian, a tenth of the builds
san=${ANJIAN_SAN:-}
[ "$san" = 1 ] && export CITIES="suzhou nanjing"
prov=$ANJIAN_TOP/province
keys=${CITIES:-$(awk '!/^#/ && NF { print $1 }' "$prov/cities.txt")}
x() { xmllint --xpath "$1" "$2" 2>/dev/null; }
# attrs XPATH FILE: the element's attributes but its name (全市 / 全省)
attrs() { x "$1/@*" "$2" | tr -s '\n ' '  ' | sed 's/ name="[^"]*"//; s/ *$//'; }
same() { # WHAT A B
	[ "$2" = "$3" ] || { echo "  rollup: $2"; echo "  one set: $3"; fail "$1 differs"; }
}
mtime() { stat -c %y "$1"; }

# 1. make -j2: every city, then the roll-up
make -s -C "$prov" -j2 WORK="$tmp/m" >"$tmp/make.out" 2>&1 || { cat "$tmp/make.out"; fail "make -j2"; }
P=$tmp/m/province
[ -f "$P/manifest.xml" ] || fail "make wrote no roll-up"
for kind in bulletin exposed hazard-supervision assessment; do
	[ "$(x "count(/manifest/document[@kind='$kind'])" "$P/manifest.xml")" = 1 ] ||
		fail "the roll-up has no $kind"
done
verify_manifest "$P" || fail "the roll-up's manifest"
[ -f "$P/site/index.html" ] && [ -f "$P/pdf/bulletin-2025-12.pdf" ] || fail "no site or PDF"
# the text speaks of the province (全省, its profile's area), never of 全市
for pdf in "$P"/pdf/*.pdf; do
	! pdftotext "$pdf" - | tr -d ' \n' | grep -q 全市 || fail "$(basename "$pdf") says 全市"
done
pdftotext "$P/pdf/bulletin-2025-12.pdf" - | tr -d ' \n' | grep -q '1—12月，全省共开展执法检查' ||
	fail "the bulletin does not say 全省"
! grep -rq 全市 "$P/site" || fail "the roll-up's site says 全市"

# 2. all the cities' data as one set, built once: every province figure
mkdir "$tmp/all"
for k in $keys; do ln -s "$tmp/m/$k/data" "$tmp/all/$k"; done
"$ANJIAN" build --data "$tmp/all" --office "$prov/office.yml" --out "$tmp/one" --month 2025-12 --quiet ||
	fail "the cities' data as one set does not build"
pb=$P/data/bulletin-2025-12.xml ob=$tmp/one/data/bulletin-2025-12.xml
same "bulletin <total>" "$(attrs /document/total "$pb")" "$(attrs /document/total "$ob")"
same "compliance of the whole" "$(attrs "/document/compliance[@district='all']" "$pb")" \
	"$(attrs "/document/compliance[@district='all']" "$ob")"
same "12-month trend" "$(x /document/trend "$pb")" "$(x /document/trend "$ob")"
same "exposed list in the bulletin" "$(x /document/exposed/entry/@enterprise "$pb")" \
	"$(x /document/exposed/entry/@enterprise "$ob")"
same "exemplars in the bulletin" "$(x /document/exemplars/entry/@enterprise "$pb")" \
	"$(x /document/exemplars/entry/@enterprise "$ob")"
pe=$P/data/exposed-2025-12.xml oe=$tmp/one/data/exposed-2025-12.xml
same "exposed list" "$(x "/document/entry/@enterprise | /document/entry/reason/@code" "$pe")" \
	"$(x "/document/entry/@enterprise | /document/entry/reason/@code" "$oe")"
[ "$(x "count(/document/entry)" "$pe")" -gt 0 ] || fail "an empty exposed list proves nothing"
ph=$P/data/hazard-supervision-2025-12.xml oh=$tmp/one/data/hazard-supervision-2025-12.xml
same "省级挂牌 hazards" "$(x "/document/hazard/@id" "$ph")" \
	"$(x "/document/hazard[@listed='province']/@id" "$oh")"
[ "$(x "count(/document/hazard)" "$ph")" -gt 0 ] || fail "no 省级挂牌 hazard to compare"
[ "$(x "count(/document/hazard[@listed!='province'])" "$ph")" = 0 ] || fail "a hazard not listed by the province"
same "open 省级挂牌 hazards" "$(x "string(/document/summary/@open)" "$ph")" \
	"$(x "count(/document/hazard[@listed='province'][not(@rectified)])" "$oh")"
same "overdue 省级挂牌 hazards" "$(x "string(/document/summary/@overdue)" "$ph")" \
	"$(x "count(/document/hazard[@listed='province'][@overdue='true'])" "$oh")"
pa=$P/data/assessment-2025.xml oa=$tmp/one/data/assessment-2025.xml
same "assessment values of the whole" "$(x "/document/total/value | /document/total/month" "$pa")" \
	"$(x "/document/total/value | /document/total/month" "$oa")"
# the cities are scored by the province's own rule (province/office.yml)
rule=$(x "/document/rule/indicator[position() <= 2]/@key | /document/rule/indicator[1]/@weight" "$pa" |
	tr -s '\n ' '  ' | sed 's/^ *//; s/ *$//')
same "the province's rule" "$rule" 'key="target-months" weight="30.00" key="standardized"'
[ "$(x "string(/document/@publicity)" "$pa")" = internal ] || fail "the assessment is not internal"
# each city's row is its own total, and its assessment its own whole
n=0
for k in $keys; do
	cb=$tmp/m/$k/out/data/bulletin-2025-12.xml
	code=$(x "string(/document/district[1]/@code)" "$cb" | cut -c1-4)00
	row=$(attrs "/document/district[@code='$code']" "$pb" | sed 's/ code="[^"]*" no="[^"]*"//; s/ target=.*//')
	same "$k's row" "$row" "$(attrs /document/total "$cb")"
	same "$k's assessment" "$(x "/document/unit[@code='$code']/value" "$pa")" \
		"$(x /document/total/value "$tmp/m/$k/out/data/assessment-2025.xml")"
	n=$((n + 1))
done
[ "$(x "count(/document/district)" "$pb")" = "$n" ] || fail "not one row per city"
[ "$(x "count(/document/unit)" "$pa")" = "$n" ] || fail "not one assessed unit per city"

bad=$(echo $keys | cut -d' ' -f2)
if [ "$san" != 1 ]; then
# 3. GNU parallel gives the same roll-up
WORK=$tmp/p sh "$prov/parallel.sh" 2 >"$tmp/par.out" 2>&1 || { cat "$tmp/par.out"; fail "parallel.sh"; }
diff -r "$P/data" "$tmp/p/province/data" >/dev/null || fail "make and GNU parallel roll up differently"
[ "$(awk 'NR > 1' "$tmp/p/joblog" | wc -l)" = "$n" ] || fail "the job log lacks cities"

# 4. a failed city stops the roll-up naming it; make again redoes it alone
rec=$tmp/m/$bad/data/records/2025-12.xml
sed -i '0,/date="2025-12-[0-9]*"/s//date="2025-12-41"/' "$rec"
for k in $keys; do mtime "$tmp/m/$k/out/manifest.xml"; done >"$tmp/before"
before=$(mtime "$P/manifest.xml")
make -s -C "$prov" -j2 WORK="$tmp/m" >"$tmp/make.out" 2>&1 && fail "make went on past a failed city"
grep -q "city $bad failed" "$tmp/make.out" || { cat "$tmp/make.out"; fail "the failure does not name $bad"; }
[ "$(mtime "$P/manifest.xml")" = "$before" ] || fail "the roll-up ran without $bad"
sed -i 's/date="2025-12-41"/date="2025-12-01"/' "$rec"
make -s -C "$prov" -j2 WORK="$tmp/m" >"$tmp/make.out" 2>&1 || { cat "$tmp/make.out"; fail "make after the fix"; }
for k in $keys; do mtime "$tmp/m/$k/out/manifest.xml"; done >"$tmp/after"
[ "$(diff "$tmp/before" "$tmp/after" | grep -c '^>')" = 1 ] || fail "not only $bad was built again"
[ "$(mtime "$P/manifest.xml")" != "$before" ] || fail "the roll-up was not redone"

# GNU parallel: the failed city named, then --resume-failed redoes it alone
rec=$tmp/p/$bad/data/records/2025-12.xml
sed -i '0,/date="2025-12-[0-9]*"/s//date="2025-12-41"/' "$rec"
WORK=$tmp/p sh "$prov/parallel.sh" 2 >"$tmp/par.out" 2>&1 && fail "parallel.sh went on past a failed city"
grep -q "failed: $bad" "$tmp/par.out" || { cat "$tmp/par.out"; fail "parallel.sh does not name $bad"; }
sed -i 's/date="2025-12-41"/date="2025-12-01"/' "$rec"
WORK=$tmp/p sh "$prov/parallel.sh" --resume 2 >"$tmp/par.out" 2>&1 || { cat "$tmp/par.out"; fail "parallel.sh --resume"; }
for k in $keys; do
	runs=$(awk -F'\t' -v k="$k" 'NR > 1 { c = split($9, a, " "); if (a[c] == k) n++ } END { print n + 0 }' "$tmp/p/joblog")
	if [ "$k" = "$bad" ]; then want=2; else want=1; fi
	[ "$runs" = "$want" ] || fail "$k ran $runs times, not $want (--resume-failed)"
done
diff -r "$P/data" "$tmp/p/province/data" >/dev/null || fail "the resumed roll-up differs"
fi

# 5. refusals
first=$(echo $keys | cut -d' ' -f1)
cp -a "$tmp/m/$first/out" "$tmp/twice"
"$ANJIAN" rollup --office "$prov/office.yml" --out "$tmp/r" --month 2025-12 --quiet \
	--from "$tmp/m/$first/out" "$tmp/twice" 2>"$tmp/err"
[ $? = 65 ] && grep -q "given twice" "$tmp/err" || { cat "$tmp/err"; fail "a city given twice"; }
"$ANJIAN" build --data "$tmp/m/$bad/data" --out "$tmp/nov" --month 2025-11 --quiet || fail "November"
"$ANJIAN" rollup --office "$prov/office.yml" --out "$tmp/r" --month 2025-12 --quiet \
	--from "$tmp/m/$first/out" --from "$tmp/nov" 2>"$tmp/err"
[ $? = 65 ] && grep -q "2025-11" "$tmp/err" || { cat "$tmp/err"; fail "a city of another month"; }
cp -a "$tmp/m/$bad/out" "$tmp/tampered"
printf 'x' >>"$tmp/tampered/pdf/exposed-2025-12.pdf"
"$ANJIAN" rollup --office "$prov/office.yml" --out "$tmp/r" --month 2025-12 --quiet \
	--from "$tmp/m/$first/out" --from "$tmp/tampered" 2>"$tmp/err"
[ $? = 65 ] && grep -q "exposed-2025-12.pdf.*sha256" "$tmp/err" || { cat "$tmp/err"; fail "a tampered city"; }
"$ANJIAN" rollup --office "$prov/office.yml" --out "$tmp/r" --month 2025-12 --quiet \
	--from "$tmp/m/$first/out" --from "$tmp/m/$bad/data" 2>"$tmp/err"
[ $? = 66 ] || { cat "$tmp/err"; fail "a directory that is not a build"; }
[ ! -e "$tmp/r" ] || fail "a refused roll-up wrote its output"
echo ok
