#!/bin/sh
# anjian issue writes documents for archives: per issued document a
# PDF/A-2b (tests/support/pdfa.sh: preflight, qpdf --check, XMP with the
# DA/T 46 items), an OFD-A (tests/ofd/check_ofd.py: schema/ofd, IDs, fonts,
# text and glyph positions as in the PDF; the DA/T 46 items in CustomDatas)
# and a metadata.xml (schema/metadata.rng) describing both, all listed
# with their sha256 in the register and agreeing with it; the sample month
# drafted and issued again from scratch gives the same bytes.
set -eu
. "$ANJIAN_TOP/tests/e2e/lib.sh"
. "$ANJIAN_TOP/tests/support/pdfa.sh"
py=/usr/bin/python3
"$py" -c 'import fontTools, pdfminer' 2>/dev/null || fail "python3-fonttools or python3-pdfminer missing"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600 LANGUAGE=C
cp -R "$ANJIAN_TOP/data" "$t/data"
for n in 1 2; do
	"$ANJIAN" build --data "$t/data" --out "$t/d$n" --month 2026-03 --quiet || fail "build $n"
	"$ANJIAN" issue --draft "$t/d$n" --archive "$t/a$n" --quiet || fail "issue $n"
done
diff -r "$t/a1" "$t/a2" >"$t/diff" || { head "$t/diff"; fail "a second issue of the same month differs"; }
A="$t/a1"
verify_register "$A" || fail "the register does not match the files"
r() { xmllint --xpath "$1" "$A/register.xml"; }
n=$(r 'count(//document)')
[ "$n" -ge 8 ] || fail "only $n documents issued"
i=1
while [ "$i" -le "$n" ]; do
	d="//document[$i]"
	number=$(r "string($d/@number)")
	pdf="$A/$(r "string($d/file[@format='pdf']/@path)")"
	ofd="$A/$(r "string($d/file[@format='ofd']/@path)")"
	meta="$A/$(r "string($d/file[@format='metadata']/@path)")"
	[ -f "$ofd" ] && [ "$(dirname "$ofd")" = "$(dirname "$pdf")" ] || fail "$number: no OFD beside its PDF in the register"
	[ -f "$meta" ] && [ "$(basename "$meta")" = metadata.xml ] || fail "$number: no metadata.xml in the register"
	[ "$(dirname "$meta")" = "$(dirname "$pdf")" ] || fail "$number: metadata.xml is not beside its PDF"
	xmllint --noout --relaxng "$ANJIAN_TOP/schema/metadata.rng" "$meta" 2>"$t/rng" ||
		fail "$number: $(cat "$t/rng")"
	m() { xmllint --xpath "string(/*/*[local-name()='$1'])" "$meta"; }
	# mf FORMAT ITEM: ITEM of the file of FORMAT in the metadata.
	mf() { xmllint --xpath "string(/*/*[local-name()='file' and *[local-name()='format']='$1']/*[local-name()='$2'])" "$meta"; }
	[ "$(m documentNumber)" = "$number" ] || fail "$number: 文件编号 $(m documentNumber)"
	[ "$(m title)" = "$(r "string($d/@title)")" ] || fail "$number: 题名"
	[ "$(m date)" = "$(r "string($d/@issued)")" ] || fail "$number: 日期"
	[ "$(m pageCount)" = "$(r "string($d/file[@format='pdf']/@pages)")" ] || fail "$number: 页数"
	case "$(r "string($d/@publicity)")" in
	public) want=主动公开 ;;
	*) want=不予公开 ;;
	esac
	[ "$(m publicity)" = "$want" ] || fail "$number: 公开属性 $(m publicity)"
	[ -n "$(m author)" ] || fail "$number: no 责任者"
	for f in PDF/A-2b:pdf:"$pdf" OFD-A:ofd:"$ofd"; do
		fmt=${f%%:*} file=${f#*:*:} reg=${f#*:}
		reg=${reg%%:*}
		[ "$(mf "$fmt" fileName)" = "$(basename "$file")" ] || fail "$number: $fmt fileName (计算机文件名)"
		[ "$(mf "$fmt" fileSize)" = "$(wc -c <"$file" | tr -d ' ')" ] || fail "$number: $fmt fileSize (计算机文件大小)"
		[ "$(mf "$fmt" fixity)" = "$(r "string($d/file[@format='$reg']/@sha256)")" ] ||
			fail "$number: $fmt fixity (固化信息)"
	done
	check_pdfa "$pdf"
	"$py" "$ANJIAN_TOP/tests/ofd/check_ofd.py" "$ANJIAN_TOP/schema/ofd" "$ofd" "$pdf" >"$t/ofd.log" 2>&1 ||
		{ cat "$t/ofd.log"; fail "$number: check_ofd"; }
	echo "$number: $(wc -c <"$pdf" | tr -d ' ') bytes PDF/A, $(wc -c <"$ofd" | tr -d ' ') bytes OFD; $(tail -n 1 "$t/ofd.log")"
	[ "$(r "string($d/file[@format='ofd']/@pages)")" = "$(m pageCount)" ] || fail "$number: the OFD's pages"
	unzip -p "$ofd" OFD.xml >"$t/OFD.xml"
	for item in title:题名 documentNumber:文件编号 author:责任者 date:日期 documentType:文种 publicity:公开属性 pageCount:页数; do
		[ "$(dat46 "$pdf" "${item%%:*}")" = "$(m "${item%%:*}")" ] || fail "$number: XMP ${item%%:*} is not the metadata's"
		[ "$(xmllint --xpath "string(//*[local-name()='CustomData'][@Name='${item#*:}'])" "$t/OFD.xml")" = "$(m "${item%%:*}")" ] ||
			fail "$number: the OFD's CustomData ${item#*:} is not the metadata's"
	done
	i=$((i + 1))
done
# The kinds whose titles name theirs (通报, 通知) say so.
kind() { xmllint --xpath "string(/*/*[local-name()='documentType'])" "$A/2026/$1/metadata.xml"; }
[ "$(kind bulletin-2026-03)" = 通报 ] || fail "bulletin 文种"
[ "$(kind exemplars-2026-Q1)" = 通知 ] || fail "exemplars 文种"
echo ok
