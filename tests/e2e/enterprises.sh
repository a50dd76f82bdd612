#!/bin/sh
# 一企一档 end to end, on a hand-made data set: an enterprise's page lists
# exactly its public facts (a penalty inside the publicity window and not
# the one outside, a blacklist in effect and not the expired one, its
# exposure linking the exposed list, its open listed hazard; a closed
# enterprise is marked); the dossier's
# text holds every record of the enterprise and no report content; a
# rebuild after one enterprise changed rewrites that page and dossier only
# (the others keep their inodes); the archive's site has the same pages
# from the issued data; the next month's build typesets only the
# dossiers of enterprises with something new (the others keep their bytes,
# dated by their newest entry, whatever SOURCE_DATE_EPOCH says); the data
# file of the pages is written; the office profile's penalty-publicity-years
# widens the window.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
command -v pdftotext >/dev/null || fail "pdftotext missing"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600
mkdir "$t/data"
cp "$ANJIAN_TOP/data/office.yml" "$t/data/"
A=91320505MA1N2K3X48 B=91320505MA1N2K3X5B C=91320506MA1N2K3X6W
cat >"$t/data/base.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <district code="320505" name="虎丘区"/>
  <district code="320506" name="吴中区"/>
  <department id="yjj" name="市应急管理局"/>
  <enterprise id="$A" district="320505" industry="hazardous-chemicals" scale="above" employees="230" revenue="5600" status="active">
    <name>虎丘甲乙化工有限公司</name>
    <address>虎丘区档案路8号</address>
    <standardization grade="2" from="2024-05-01" to="2027-04-30"/>
    <safety-director from="2023-01-10"/>
    <commitment year="2026" signed="2026-02-01"/>
    <self-inspection year="2026" reported="2026-02-20"/>
    <responsibility-list published="2025-11-03"/>
    <insurance from="2026-01-01" to="2026-12-31"/>
  </enterprise>
  <enterprise id="$B" district="320505" industry="trade" scale="below" employees="12" revenue="300" status="closed">
    <name>虎丘已关商贸有限公司</name>
    <address>虎丘区档案路9号</address>
  </enterprise>
  <enterprise id="$C" district="320506" industry="manufacturing" scale="below" employees="40" revenue="800" status="active">
    <name>吴中丙丁机械有限公司</name>
    <address>吴中区档案路1号</address>
  </enterprise>
</dataset>
XML
cat >"$t/data/records.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <inspection id="JC-E2E-1" enterprise="$A" department="yjj" date="2026-03-05" mode="covert"/>
  <inspection id="JC-E2E-2" enterprise="$C" department="yjj" date="2026-03-06" mode="routine"/>
  <hazard id="YH-E2E-1" enterprise="$A" level="major" found="2026-01-05" deadline="2026-03-01" listed="city">
    <description>储罐区可燃气体报警装置失效</description>
  </hazard>
  <hazard id="YH-E2E-2" enterprise="$A" level="general" found="2026-02-05" deadline="2026-02-20" rectified="2026-02-18">
    <description>消防通道堆放杂物</description>
  </hazard>
  <penalty id="苏应急罚〔2026〕12号" enterprise="$A" department="yjj" date="2026-03-12" fine="50000" suspension="true">
    <violation>未按规定配备安全总监</violation>
  </penalty>
  <penalty id="苏应急罚〔2023〕7号" enterprise="$A" department="yjj" date="2023-03-30" fine="20000">
    <violation>未如实记录安全生产教育和培训情况</violation>
  </penalty>
  <penalty id="苏应急罚〔2024〕3号" enterprise="$A" department="yjj" date="2024-06-30" fine="10000">
    <violation>特种作业人员未持证上岗</violation>
  </penalty>
  <accident id="SG-E2E-1" enterprise="$A" date="2025-08-18" type="fall" deaths="0" injuries="2" loss="120000">
    <summary>高处坠落二人受伤</summary>
  </accident>
  <training enterprise="$A" month="2026-02" staff="230" trained="230" drills="1" warning-education="1"/>
  <training enterprise="$A" month="2026-03" staff="230" trained="200" drills="0" warning-education="1"/>
  <report id="JB-E2E-1" enterprise="$A" received="2026-03-02" deadline="2026-03-17" replied="2026-03-10" substantiated="true" reward="2000">
    <informant>举报人甲某 13800000000</informant>
    <content>举报内容甲乙丙不得出现</content>
  </report>
  <blacklist enterprise="$A" from="2026-01-20" to="2027-01-19" reason="重大隐患整改不力"/>
  <blacklist enterprise="$A" from="2024-01-01" to="2024-12-31" reason="拒不执行监管指令"/>
  <exposure enterprise="$A" department="yjj" month="2026-03">
    <problem>储罐区可燃气体报警装置长期失效</problem>
    <handling>责令限期整改</handling>
  </exposure>
  <nomination enterprise="$A" department="yjj" quarter="2026-Q1">
    <reason>推荐理由甲</reason>
  </nomination>
</dataset>
XML
if ! "$ANJIAN" check --data "$t/data" >"$t/check" 2>&1; then
	cat "$t/check"; fail "the hand-made data is not valid"
fi

month=2026-03
build() { # build OUT [options]
	out=$1; shift
	"$ANJIAN" build --data "$t/data" --out "$out" --month $month --templates "$ANJIAN_TOP/templates" \
		"$@" >"$t/log" 2>"$t/err" || { cat "$t/err"; fail "build $*"; }
}
build "$t/out" --dossiers
page=$t/out/site/enterprise/$A.html
[ -f "$page" ] || fail "no page for $A"
for c in $B $C; do [ -f "$t/out/site/enterprise/$c.html" ] || fail "no page for $c"; done
has() { grep -qF -- "$2" "$1" || fail "${1##*/}: lacks $2"; }
hasnt() { if grep -qF -- "$2" "$1"; then fail "${1##*/}: shows $2"; fi; }
has "$page" "苏应急罚〔2026〕12号"
has "$page" "苏应急罚〔2024〕3号"
hasnt "$page" "苏应急罚〔2023〕7号"          # 2023-03-30: before the window of 3 years
has "$page" "2026年1月20日起列入失信联合惩戒对象"
hasnt "$page" "拒不执行监管指令"                # expired in 2024
has "$page" 'href="../exposed/2026-03.html">2026年3月安全生产曝光企业名单</a>'
has "$page" "储罐区可燃气体报警装置失效"       # open, listed, overdue
has "$page" "逾期未整改"
hasnt "$page" "消防通道堆放杂物"               # general and rectified
for secret in 举报 JB-E2E 举报内容 档案路 推荐理由甲 否决; do hasnt "$page" "$secret"; done
has "$t/out/site/enterprise/$B.html" "已关闭"
hasnt "$t/out/site/enterprise/$C.html" "已关闭"
# the exposed list links the enterprise back
has "$t/out/site/exposed/2026-03.html" "href=\"../enterprise/$A.html\""
# and the listings of its district and industry list it
has "$t/out/site/enterprises/320505.html" "../enterprise/$A.html"
has "$t/out/site/enterprises/hazardous-chemicals.html" "../enterprise/$A.html"
grep -c '<enterprise ' "$t/out/data/enterprises.xml" | grep -qx 3 || fail "data/enterprises.xml does not hold 3 enterprises"

# The dossier: every record of A, reports counted, nothing of the report.
pdftotext "$t/out/dossier/$A.pdf" "$t/dossier.txt" || fail "dossier of $A not a PDF"
# a line may break after any hyphen, and pdftotext drops one there
tr -d ' \n-' <"$t/dossier.txt" >"$t/dossier.flat"
for want in 虎丘甲乙化工有限公司 "$A" 虎丘区档案路8号 JC-E2E-1 YH-E2E-1 YH-E2E-2 \
	〔2026〕12号 〔2023〕7号 〔2024〕3号 SG-E2E-1 高处坠落二人受伤 2026-02 2026-03 \
	重大隐患整改不力 拒不执行监管指令 储罐区可燃气体报警装置长期失效 2026年第一季度 否决 2024-05-01 2023-01-10; do
	grep -qF -- "$(echo "$want" | tr -d -)" "$t/dossier.flat" || fail "the dossier lacks $want"
done
for secret in 举报内容甲乙丙 举报人甲某 13800000000; do
	if grep -qF "$secret" "$t/dossier.flat"; then fail "the dossier shows $secret"; fi
done
"$ANJIAN" dossier --data "$t/data" --enterprise "$A" --as-of 2026-03-31 --out "$t/one.pdf" ||
	fail "anjian dossier"
pdftotext "$t/one.pdf" - | tr -d ' \n-' | grep -qF JCE2E1 || fail "anjian dossier lacks a record"
# drawn with faces cut to the common characters (pdf/cutfaces.h): the same
# bytes alone as in the build, the faces named as they are
cmp -s "$t/one.pdf" "$t/out/dossier/$A.pdf" || fail "anjian dossier and the build's dossier of $A differ"
pdffonts "$t/one.pdf" >"$t/fonts" && [ "$(wc -l <"$t/fonts")" -gt 3 ] || fail "the dossier embeds no font"
if grep -q CairoFont "$t/fonts"; then fail "a face of the dossier lost its name: $(cat "$t/fonts")"; fi
"$ANJIAN" dossier --data "$t/data" --enterprise 91320505MA0000000X --out "$t/none.pdf" 2>"$t/none.err"
[ $? = 65 ] || fail "an unknown credit code did not exit 65"
grep -q 91320505MA0000000X "$t/none.err" || fail "the error does not name the code"

# One enterprise changes: its page and dossier alone are written again.
inodes() { for f in "$1"/site/enterprise/*.html "$1"/dossier/*.pdf; do stat -c '%i %n' "$f"; done | sed "s|$1/||"; }
inodes "$t/out" >"$t/before"
cat >"$t/data/more.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <inspection id="JC-E2E-3" enterprise="$C" department="yjj" date="2026-03-20" mode="joint"/>
  <penalty id="苏应急罚〔2026〕30号" enterprise="$C" department="yjj" date="2026-03-21" fine="8000">
    <violation>未按规定开展应急演练</violation>
  </penalty>
</dataset>
XML
build "$t/out" --dossiers
grep -q "3 enterprise pages (1 written, 2 unchanged)" "$t/log" || fail "pages: $(cat "$t/log")"
grep -q "3 dossiers.*(1 typeset, 2 unchanged)" "$t/log" || fail "dossiers: $(cat "$t/log")"
inodes "$t/out" >"$t/after"
changed=$(diff "$t/before" "$t/after" | grep -c '^>')
[ "$changed" = 2 ] || { diff "$t/before" "$t/after"; fail "$changed files written, want 2 ($C's page and dossier)"; }
diff "$t/before" "$t/after" | grep '^>' | grep -qv "$C" && fail "a file of another enterprise was written"
has "$t/out/site/enterprise/$C.html" "苏应急罚〔2026〕30号"

# The archive's public site: issued, the exposed list and the internal
# review; each enterprise has its page with the same public facts, in the
# listings and the search; no internal document's title on any page; the
# documents link their PDF and OFD (not the archive's metadata.xml).
"$ANJIAN" issue --draft "$t/out" --archive "$t/arch" --quiet exposed-2026-03 exemplar-review-2026-Q1 \
	2>"$t/err" || { cat "$t/err"; fail "issue"; }
ap=$t/arch/site/enterprise/$A.html
for c in $A $B $C; do [ -f "$t/arch/site/enterprise/$c.html" ] || fail "the archive's site has no page for $c"; done
has "$ap" "苏应急罚〔2026〕12号"
hasnt "$ap" "苏应急罚〔2023〕7号"
has "$ap" "2026年1月20日起列入失信联合惩戒对象"
has "$ap" 'href="../exposed/2026-03.html">2026年3月安全生产曝光企业名单</a>'
for secret in 举报 JB-E2E 举报内容 档案路 推荐理由甲 否决 草稿; do hasnt "$ap" "$secret"; done
has "$t/arch/site/enterprise/$B.html" "已关闭"
has "$t/arch/site/exposed/2026-03.html" "href=\"../enterprise/$A.html\""
has "$t/arch/site/enterprises/320505.html" "../enterprise/$A.html"
grep -qF "\"$A\"" "$t"/arch/site/search/e-*.json || fail "the archive's search does not hold $A"
internal=$(xmllint --xpath 'string(//document[@publicity="internal"]/@title)' "$t/arch/register.xml")
[ -n "$internal" ] || fail "no internal document issued"
if grep -rlF "$internal" "$t/arch/site"; then fail "the internal document's title is on the archive's site"; fi
has "$t/arch/site/exposed/2026-03.html" 'href="2026-03.ofd"'
ofd=$(xmllint --xpath 'string(//document[@kind="exposed"]/file[@format="ofd"]/@path)' "$t/arch/register.xml")
cmp -s "$t/arch/$ofd" "$t/arch/site/exposed/2026-03.ofd" || fail "the site's OFD is not the issued one"
[ -z "$(find "$t/arch/site" -name '*metadata*')" ] || fail "the archive's metadata is on its site"
# anjian site again: every enterprise page is linked, none written
ls -i "$t"/arch/site/enterprise/*.html | awk '{ print $1 }' >"$t/arch.before"
"$ANJIAN" site --archive "$t/arch" --quiet || fail "anjian site"
ls -i "$t"/arch/site/enterprise/*.html | awk '{ print $1 }' >"$t/arch.after"
cmp -s "$t/arch.before" "$t/arch.after" || fail "anjian site wrote unchanged enterprise pages again"
# drafts as of an earlier day, issued later, leave the pages as they are
cp -R "$t/out" "$t/old"
sed -i '2s/as-of="2026-03-31"/as-of="2026-02-28"/; s/吴中丙丁机械有限公司/旧数据中的名称/' "$t/old/data/enterprises.xml"
"$ANJIAN" issue --draft "$t/old" --archive "$t/arch" --quiet --correct exposed-2026-03 2>"$t/err" ||
	{ cat "$t/err"; fail "issue --correct"; }
hasnt "$t/arch/site/enterprise/$C.html" "旧数据中的名称"
has "$t/arch/site/enterprise/$C.html" "吴中丙丁机械有限公司"

# The next month, with a new SOURCE_DATE_EPOCH: A has an April
# inspection (and April's exposed list names it again: its hazard is still
# overdue), so its dossier alone is typeset; C (newest entry its penalty of
# 2026-03-21) and B (closed, no record) keep theirs byte for byte.
dossiers() { for f in "$1"/dossier/*.pdf; do stat -c '%i %n' "$f"; done | sed "s|$1/||"; }
dossiers "$t/out" >"$t/before"
mkdir "$t/march" && cp "$t/out/dossier/"*.pdf "$t/march/"
cat >"$t/data/april.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <inspection id="JC-E2E-4" enterprise="$A" department="yjj" date="2026-04-08" mode="routine"/>
</dataset>
XML
month=2026-04 SOURCE_DATE_EPOCH=1777593600
build "$t/out" --dossiers
grep -q "3 dossiers.*(1 typeset, 2 unchanged)" "$t/log" || fail "next month's dossiers: $(cat "$t/log")"
dossiers "$t/out" >"$t/after"
diff "$t/before" "$t/after" | grep '^>' >"$t/written"
[ "$(wc -l <"$t/written")" = 1 ] && grep -q "$A" "$t/written" ||
	{ diff "$t/before" "$t/after"; fail "next month: not A's dossier alone written"; }
for e in $B $C; do
	cmp -s "$t/march/$e.pdf" "$t/out/dossier/$e.pdf" || fail "next month: the dossier of $e changed"
done
flat() { pdftotext "$1" - | tr -d ' \n'; }
flat "$t/out/dossier/$C.pdf" | grep -qF "截至2026年3月21日" || fail "C's dossier is not dated by its newest record"
pdfinfo "$t/out/dossier/$C.pdf" | grep -q "CreationDate:.*Mar 21 .*2026" || fail "C's dossier PDF is not created on 2026-03-21"
flat "$t/out/dossier/$A.pdf" | grep -qF "截至2026年4月30日" || fail "A's dossier is not dated by April's list"
flat "$t/out/dossier/$A.pdf" | grep -qF "2026年4月：重大事故隐患逾期未整改" || fail "A's dossier lacks April's list"
if flat "$t/out/dossier/$B.pdf" | grep -qF "截至"; then fail "B, without any entry, has a dossier date"; fi
month=2026-03 SOURCE_DATE_EPOCH=1775001600
rm "$t/data/april.xml"

# The window is the profile's penalty-publicity-years: 5 years show the
# 2023 penalty.
printf 'penalty-publicity-years: 5\n' >>"$t/data/office.yml"
build "$t/out"
has "$page" "苏应急罚〔2023〕7号"

echo ok
