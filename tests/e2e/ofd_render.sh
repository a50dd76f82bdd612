#!/bin/sh
# anjian render --out FILE.ofd (issue 17): the OFD of the long notice, the
# plain sample, a 300-row landscape table and every document of the sample
# month, each checked by tests/ofd/check_ofd.py against schema/ofd and the
# PDF of the same document (text and glyph positions); two renders give
# the same bytes; a damaged package fails the checker.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Debian's python3, whose fontTools and pdfminer scripts/install-deps installs.
py=/usr/bin/python3
for tool in "$py" xmllint pdftotext; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool missing (scripts/install-deps test installs it)"
done
"$py" -c 'import fontTools, pdfminer' 2>/dev/null || fail "python3-fonttools or python3-pdfminer missing"
export SOURCE_DATE_EPOCH=1775347200
checker="$ANJIAN_TOP/tests/ofd/check_ofd.py"
schema="$ANJIAN_TOP/schema/ofd"

# both NAME: renders $tmp/NAME.md (and its context, if any) as PDF and OFD
# and checks the pair.
both() {
	ctx=
	[ -f "$tmp/$1.xml" ] && ctx="--context $tmp/$1.xml"
	"$ANJIAN" render "$tmp/$1.md" $ctx --out "$tmp/$1.pdf" || fail "$1: PDF render"
	"$ANJIAN" render "$tmp/$1.md" $ctx --out "$tmp/$1.ofd" || fail "$1: OFD render"
	"$py" "$checker" "$schema" "$tmp/$1.ofd" "$tmp/$1.pdf" >"$tmp/$1.log" 2>&1 ||
		{ cat "$tmp/$1.log"; fail "$1: check_ofd"; }
	echo "$1: $(stat -c %s "$tmp/$1.pdf") bytes PDF, $(stat -c %s "$tmp/$1.ofd") bytes OFD; $(tail -n 1 "$tmp/$1.log")"
}

cp "$ANJIAN_TOP/tests/samples/notice.md" "$tmp/notice.md"
both notice
# Reproducible whatever the clock, the time zone or the language.
TZ=Asia/Shanghai LANG=zh_CN.UTF-8 "$ANJIAN" render "$tmp/notice.md" --out "$tmp/again.ofd"
cmp -s "$tmp/notice.ofd" "$tmp/again.ofd" || fail "two renders of the notice differ"
unzip -Z -T "$tmp/notice.ofd" 2>/dev/null | grep -q '20260405.000000' ||
	unzip -l "$tmp/notice.ofd" | grep -q '2026-04-05 00:00' || fail "zip entries not dated SOURCE_DATE_EPOCH"
unzip -p "$tmp/notice.ofd" OFD.xml | grep -q 'DocType="OFD-A"' || fail "DocType is not OFD-A"
unzip -p "$tmp/notice.ofd" OFD.xml | grep -q '<ofd:CustomData Name="文件编号">苏安办〔2026〕12号</ofd:CustomData>' ||
	fail "文号 missing from CustomDatas"

# A damaged package fails the checker: a lost ID, a character moved by
# 0.3 mm, a character the font lacks, a missing font file.
damage() { # NAME PYTHON-EXPRESSION-ON-(name, data) EXPECTED-FAILURE
	"$py" - "$tmp/notice.ofd" "$tmp/bad.ofd" "$2" <<'PY'
import sys, zipfile, re
src, dst, expr = sys.argv[1:4]
with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w") as b:
    for i in a.infolist():
        name, data = i.filename, a.read(i.filename)
        out = eval(expr)
        if out is not None:
            b.writestr(i, out)
PY
	if "$py" "$checker" "$schema" "$tmp/bad.ofd" "$tmp/notice.pdf" >"$tmp/bad.log" 2>&1; then
		fail "check_ofd passed a package with $1"
	fi
	grep -q "^FAIL: .*$3" "$tmp/bad.log" || { cat "$tmp/bad.log"; fail "$1: not reported as $3"; }
}
damage "MaxUnitID too small" 're.sub(rb"<ofd:MaxUnitID>[0-9]+", b"<ofd:MaxUnitID>5", data) if name.endswith("Document.xml") else data' "MaxUnitID 5 < largest ID"
damage "a character moved" 're.sub(rb"(<ofd:TextCode X=\")([0-9.]+)", lambda m: m.group(1) + str(float(m.group(2)) + 0.3).encode(), data, count=1) if name.endswith("Page_1/Content.xml") else data' "mm in the PDF"
damage "a character not in its font" 'data.replace("苏".encode(), "\u2708".encode(), 1) if name.endswith("Page_0/Content.xml") else data' "is not in the cmap"
damage "a font file missing" 'None if name.endswith(".otf") else data' "is not in the package"
damage "a DeltaX shorthand" 'data.replace(b"DeltaX=\"", b"DeltaX=\"g 2 ", 1) if name.endswith("Page_1/Content.xml") else data' "schema page.xsd"
echo "ok: damaged packages fail the checker"

# Under the sanitizers the notice is enough: the rest repeats the same code.
[ "${ANJIAN_SAN:-}" = 1 ] && { echo ok; exit 0; }

cp "$ANJIAN_TOP/tests/samples/plain.md" "$tmp/plain.md"
both plain

# 300 rows of 12 columns: too wide for the upright block, so set on turned
# pages, whose objects carry a CTM.
awk -f "$ANJIAN_TOP/tests/ofd/table300.awk" >"$tmp/table.md"
both table
unzip -p "$tmp/table.ofd" Doc_0/Pages/Page_1/Content.xml | grep -q 'CTM="0 -1 1 0 ' ||
	unzip -p "$tmp/table.ofd" Doc_0/Pages/Page_1/Content.xml | grep -q 'CTM="0 1 -1 0 ' ||
	fail "the table's pages are not turned"

# The documents of the sample month, each with its data (charts).
"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/out" --month 2026-03 >/dev/null 2>&1 ||
	fail "build of the sample month"
for md in "$tmp"/out/md/*.md; do
	name=$(basename "$md" .md)
	cp "$md" "$tmp/$name.md"
	cp "$tmp/out/data/$name.xml" "$tmp/$name.xml"
	both "$name"
	# The build's PDF is a draft: the same pages with 草稿 in the margin.
	# Compared as laid out (poppler's reading order changes with the mark),
	# without the mark and the spacing and empty lines it brings.
	for f in render:"$tmp/$name.pdf" build:"$tmp/out/pdf/$name.pdf"; do
		pdftotext -layout "${f#*:}" - | sed 's/草稿//g' | tr -d ' \f' | grep -v '^$' >"$tmp/$name.${f%%:*}.txt"
	done
	[ -s "$tmp/$name.render.txt" ] || fail "$name: no text"
	cmp -s "$tmp/$name.render.txt" "$tmp/$name.build.txt" ||
		fail "$name: render --context differs from the build's draft beyond its 草稿 mark"
done
echo ok
