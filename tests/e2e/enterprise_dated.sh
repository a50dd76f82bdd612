#!/bin/sh
# An enterprise's public page is dated by the last day one of its public
# facts changed, never by the build: month M, then month M+1 with another
# SOURCE_DATE_EPOCH and one new penalty for one enterprise, rewrites that
# enterprise's page alone (the others keep their bytes and their inodes;
# the listings, which say the build's data date, are written again); a
# report (with its informant, falling overdue) never changes a page; a
# penalty leaving the publicity window changes its page on that day.  The
# archive's site, issued each month, rewrites the same page alone.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/data"
cp "$ANJIAN_TOP/data/office.yml" "$t/data/"
# P: a penalty of 2023-05-10, public until 2026-05-09; C: a penalty in
# April; R: reports only; Q: nothing at all.
P=91320505MA1N2K3X48 C=91320505MA1N2K3X5B R=91320506MA1N2K3X6W Q=91320505780AKPWM0R
cat >"$t/data/base.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <district code="320505" name="虎丘区"/>
  <district code="320506" name="吴中区"/>
  <department id="yjj" name="市应急管理局"/>
  <enterprise id="$P" district="320505" industry="manufacturing" scale="below" employees="40" revenue="800" status="active">
    <name>虎丘甲机械有限公司</name>
    <address>测试路1号</address>
    <commitment year="2026" signed="2026-02-01"/>
  </enterprise>
  <enterprise id="$C" district="320505" industry="trade" scale="below" employees="12" revenue="300" status="active">
    <name>虎丘乙商贸有限公司</name>
    <address>测试路2号</address>
  </enterprise>
  <enterprise id="$R" district="320506" industry="manufacturing" scale="below" employees="40" revenue="800" status="active">
    <name>吴中丙机械有限公司</name>
    <address>测试路3号</address>
  </enterprise>
  <enterprise id="$Q" district="320505" industry="trade" scale="below" employees="8" revenue="100" status="active">
    <name>虎丘丁商贸有限公司</name>
    <address>测试路4号</address>
  </enterprise>
</dataset>
XML
cat >"$t/data/records.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <penalty id="苏应急罚〔2023〕21号" enterprise="$P" department="yjj" date="2023-05-10" fine="20000">
    <violation>未如实记录安全生产教育和培训情况</violation>
  </penalty>
  <report id="JB-D-1" enterprise="$R" received="2026-03-02" deadline="2026-03-17" replied="2026-03-10" substantiated="true">
    <informant>举报人乙某 13900000000</informant>
    <content>三月举报内容</content>
  </report>
</dataset>
XML
build() { # build MONTH EPOCH [options]
	month=$1 epoch=$2; shift 2
	SOURCE_DATE_EPOCH=$epoch "$ANJIAN" build --data "$t/data" --out "$t/out" --month "$month" \
		--templates "$ANJIAN_TOP/templates" "$@" >"$t/log" 2>"$t/err" ||
		{ cat "$t/err"; fail "build $month $*"; }
}
inodes() { # every page of the site with its inode, by path
	(cd "$t/out/site" && find enterprise enterprises -name '*.html' -exec stat -c '%i %n' {} + | sort -k2)
}
page() { echo "$t/out/site/enterprise/$1.html"; }
has() { grep -qF -- "$2" "$1" || fail "${1##*/}: lacks $2"; }
hasnt() { if grep -qF -- "$2" "$1"; then fail "${1##*/}: shows $2"; fi; }

build 2026-03 1775001600
has "$(page $P)" "苏应急罚〔2023〕21号"
has "$(page $P)" "2026年5月9日"                 # its last day of publicity
has "$(page $P)" "本页信息最后变更于2026年2月1日"  # the commitment signed
has "$(page $Q)" "本页信息最后变更于2026年1月1日"  # the year's duties began
has "$(page $R)" "本页信息最后变更于2026年1月1日"  # a report is no change
has "$t/out/site/enterprises/index.html" "2026年3月31日" # the build's data date
for e in $P $C $R $Q; do
	for secret in 举报 JB-D 举报内容 举报人 测试路 2026年3月31日; do hasnt "$(page $e)" "$secret"; done
done
inodes >"$t/march"
mkdir "$t/m" && cp "$t/out/site/enterprise/"*.html "$t/m/"
"$ANJIAN" issue --draft "$t/out" --archive "$t/arch" --quiet 2>"$t/err" || { cat "$t/err"; fail "issue March"; }

# The next month, SOURCE_DATE_EPOCH a month on: C has a new penalty, R a
# new report (unanswered, overdue by the end of April).
cat >"$t/data/april.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <penalty id="苏应急罚〔2026〕40号" enterprise="$C" department="yjj" date="2026-04-08" fine="5000">
    <violation>未按规定开展应急演练</violation>
  </penalty>
  <report id="JB-D-2" enterprise="$R" received="2026-04-03" deadline="2026-04-18">
    <informant>举报人丙某 13700000000</informant>
    <content>四月举报内容</content>
  </report>
</dataset>
XML
build 2026-04 1777593600
grep -q "4 enterprise pages (1 written, 3 unchanged)" "$t/log" || fail "April: $(cat "$t/log")"
inodes >"$t/april"
diff "$t/march" "$t/april" | sed -n 's/^> [0-9]* //p' >"$t/written"
grep '^enterprise/' "$t/written" >"$t/pages"
[ "$(cat "$t/pages")" = "enterprise/$C.html" ] ||
	{ diff "$t/march" "$t/april"; fail "April: enterprise pages written: $(cat "$t/pages"), want $C's alone"; }
# the listings say the data date, so they are written again: each of them
# (the index, a district and an industry listing page each)
listings=$(grep -c '^enterprises/' "$t/written")
[ "$listings" = "$(ls "$t/out/site/enterprises" | wc -l)" ] || fail "April: $listings listing pages written"
for e in $P $R $Q; do cmp -s "$t/m/$e.html" "$(page $e)" || fail "April: the page of $e changed"; done
has "$(page $C)" "苏应急罚〔2026〕40号"
has "$(page $C)" "本页信息最后变更于2026年4月8日"
has "$t/out/site/enterprises/index.html" "2026年4月30日"
for secret in 举报 JB-D 四月举报内容 举报人丙某; do hasnt "$(page $R)" "$secret"; done
# issued, the archive's public site rewrites C's page alone too
ls -i "$t"/arch/site/enterprise/*.html | sort -k2 >"$t/arch.march"
"$ANJIAN" issue --draft "$t/out" --archive "$t/arch" --quiet 2>"$t/err" || { cat "$t/err"; fail "issue April"; }
ls -i "$t"/arch/site/enterprise/*.html | sort -k2 >"$t/arch.april"
diff "$t/arch.march" "$t/arch.april" | sed -n 's|^> [0-9]* .*/||p' >"$t/pages"
[ "$(cat "$t/pages")" = "$C.html" ] || fail "the archive's site wrote these enterprise pages: $(cat "$t/pages")"
has "$t/arch/site/enterprise/$C.html" "本页信息最后变更于2026年4月8日"

# P's penalty of 2023-05-10 is public through 2026-05-09 and leaves its
# page on 2026-05-10: the page changes that day, and no other (Q's
# inspection in May is no public fact).
cat >"$t/data/may.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <inspection id="JC-D-1" enterprise="$Q" department="yjj" date="2026-05-06" mode="routine"/>
</dataset>
XML
build 2026-05 1778284800 --as-of 2026-05-09
grep -q "4 enterprise pages (0 written, 4 unchanged)" "$t/log" || fail "2026-05-09: $(cat "$t/log")"
has "$(page $P)" "苏应急罚〔2023〕21号"
inodes >"$t/may9"
build 2026-05 1778371200 --as-of 2026-05-10
grep -q "4 enterprise pages (1 written, 3 unchanged)" "$t/log" || fail "2026-05-10: $(cat "$t/log")"
inodes >"$t/may10"
diff "$t/may9" "$t/may10" | sed -n 's/^> [0-9]* //p' | grep '^enterprise/' >"$t/pages"
[ "$(cat "$t/pages")" = "enterprise/$P.html" ] || fail "2026-05-10: pages written: $(cat "$t/pages")"
hasnt "$(page $P)" "苏应急罚〔2023〕21号"
has "$(page $P)" "本页信息最后变更于2026年5月10日"
has "$(page $P)" "公示期内无行政处罚"
for e in $R $Q; do cmp -s "$t/m/$e.html" "$(page $e)" || fail "May: the page of $e changed"; done

echo ok
