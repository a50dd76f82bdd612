# PDF/A-2b checks shared by tests/e2e/render_pdfa.sh and issue_pdfa.sh
# (sourced after lib.sh, not run): Apache PDFBox's preflight, qpdf --check,
# the trailer /ID, /Lang, the OutputIntent and its profile, the XMP.
for tool in pdfinfo pdftotext qpdf xmllint java; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool missing (scripts/install-deps test installs it)"
done
pdfa_cp=
for j in preflight pdfbox2 fontbox2 xmpbox commons-logging javax.activation jaxb-api; do
	[ -f "/usr/share/java/$j.jar" ] || fail "/usr/share/java/$j.jar missing (scripts/install-deps test installs it)"
	pdfa_cp=$pdfa_cp${pdfa_cp:+:}/usr/share/java/$j.jar
done
pdfa_icc=/usr/share/color/icc/sRGB.icc
DAT46_NS=urn:anjian:dat46:1.0/

# PDFBox 2 checks PDF/A-1b; these of its codes are what PDF/A-2b allows:
#   2.2.1   a transparency group: Cairo gives every page one (DeviceRGB,
#           which the sRGB OutputIntent covers); ISO 19005-2 6.4 allows
#           transparency, 19005-1 did not.
#   3.1.11  no CIDSet in a subset CIDFont's descriptor: 19005-2 6.2.11.4.2
#           makes CIDSet optional (19005-1 required it).
#   7.11.2  "part must be 1": the XMP says pdfaid:part 2, on purpose.
pdfa_allowed='2.2.1 3.1.11 7.11.2'

# preflight PDF: runs PDFBox's preflight into PDF.preflight and prints each
# error code with its count; fails on a code PDF/A-2b does not allow.
preflight() {
	java -cp "$pdfa_cp" org.apache.pdfbox.preflight.Validator_A1b xml "$1" >"$1.preflight" 2>&1 ||
		fail "preflight could not run on $1: $(tail -n 5 "$1.preflight")"
	grep -q '<isValid type="PDF/A1-b">' "$1.preflight" || fail "preflight gave no verdict: $(cat "$1.preflight")"
	codes=$(sed -n 's:.*<code>\(.*\)</code>.*:\1:p' "$1.preflight" | sort | uniq -c |
		awk '{ printf "%s%s×%s", s, $2, $1; s = " " }')
	echo "preflight $(basename "$1"): ${codes:-no errors}"
	for c in $(sed -n 's:.*<code>\(.*\)</code>.*:\1:p' "$1.preflight" | sort -u); do
		case " $pdfa_allowed " in
		*" $c "*) ;;
		*) fail "preflight: $c is not allowed in PDF/A-2b: $(grep -A1 "<code>$c</code>" "$1.preflight" | head -n 2)" ;;
		esac
	done
}

# xmp PDF NAME: the text of the XMP property NAME (local name) of PDF;
# dat46 PDF NAME: the same of the DA/T 46 item NAME.  check_pdfa writes
# PDF.xmp first.
xmp() {
	xmllint --xpath "string(//*[local-name()='$2'])" "$1.xmp"
}
dat46() {
	xmllint --xpath "string(//*[namespace-uri()='$DAT46_NS' and local-name()='$2'])" "$1.xmp"
}

# check_pdfa PDF: PDF is PDF/A-2b: qpdf finds nothing wrong, the trailer
# has an /ID, the catalog /Lang (zh-CN) and an sRGB OutputIntent whose
# profile is Debian's byte for byte, links print, the XMP parses, names
# PDF/A-2b, mirrors the Info dictionary, carries the DA/T 46 items of the
# file and declares each in its extension schema, and preflight allows it.
check_pdfa() {
	pdf=$1
	qpdf --check "$pdf" >"$pdf.check" 2>&1 || fail "qpdf --check $pdf: $(cat "$pdf.check")"
	grep -q 'No syntax or stream encoding errors' "$pdf.check" || fail "qpdf --check: $(cat "$pdf.check")"
	! grep -qi 'warning' "$pdf.check" || fail "qpdf --check warns: $(cat "$pdf.check")"
	trailer=$(qpdf --show-object=trailer "$pdf")
	echo "$trailer" | grep -q '/ID \[ *<[0-9a-f]\{32\}> *<[0-9a-f]\{32\}> *\]' || fail "no /ID: $trailer"
	root=$(echo "$trailer" | sed 's:.*/Root \([0-9]*\) 0 R.*:\1:')
	catalog=$(qpdf --show-object="$root" "$pdf")
	echo "$catalog" | grep -qF '/Lang (zh-CN)' || fail "no /Lang (zh-CN): $catalog"
	qpdf --json=1 --json-key=objects "$pdf" >"$pdf.json"
	grep -q '"/S": "/GTS_PDFA1"' "$pdf.json" || fail "no GTS_PDFA1 OutputIntent"
	profile=$(grep -o '"/DestOutputProfile": "[0-9]* 0 R"' "$pdf.json" | sed 's/[^0-9]*\([0-9]*\) 0 R.*/\1/')
	[ -n "$profile" ] || fail "the OutputIntent has no profile"
	qpdf --show-object="$profile" --filtered-stream-data "$pdf" >"$pdf.icc"
	cmp -s "$pdf.icc" "$pdfa_icc" || fail "the OutputIntent's profile is not $pdfa_icc"
	! grep -q '"/Interpolate": true' "$pdf.json" || fail "an image asks to be interpolated"
	if grep -q '"/Subtype": "/Link"' "$pdf.json"; then
		! grep -A8 '"/Subtype": "/Link"' "$pdf.json" | grep -q '"/F": [^4]' || fail "a link is not flagged Print"
	fi
	pdfinfo -meta "$pdf" | sed -n '/^<?xpacket begin/,$p' >"$pdf.xmp"
	xmllint --noout "$pdf.xmp" || fail "the XMP of $pdf does not parse"
	[ "$(xmp "$pdf" part)" = 2 ] || fail "pdfaid:part is not 2"
	[ "$(xmp "$pdf" conformance)" = B ] || fail "pdfaid:conformance is not B"
	info=$(pdfinfo "$pdf")
	title=$(echo "$info" | sed -n 's/^Title: *//p')
	[ -n "$title" ] || fail "no Info title"
	[ "$(xmllint --xpath "string(//*[local-name()='title' and namespace-uri()='http://purl.org/dc/elements/1.1/'])" "$pdf.xmp")" = "$title" ] ||
		fail "dc:title is not the Info title $title"
	[ "$(dat46 "$pdf" title)" = "$title" ] || fail "dat46:title is not the Info title $title"
	author=$(echo "$info" | sed -n 's/^Author: *//p')
	[ "$(dat46 "$pdf" author)" = "$author" ] || fail "dat46:author is not the Info author $author"
	[ "$(xmp "$pdf" CreatorTool)" = anjian ] || fail "xmp:CreatorTool"
	pages=$(echo "$info" | sed -n 's/^Pages: *//p')
	[ "$(dat46 "$pdf" pageCount)" = "$pages" ] || fail "dat46:pageCount $(dat46 "$pdf" pageCount), pages $pages"
	[ "$(dat46 "$pdf" format)" = PDF/A-2b ] || fail "dat46:format"
	[ "$(dat46 "$pdf" fileName)" = "$(basename "$pdf")" ] || fail "dat46:fileName"
	for p in $(xmllint --xpath "//*[namespace-uri()='$DAT46_NS']" "$pdf.xmp" |
		grep -o '<dat46:[A-Za-z]*' | sed 's/<dat46://' | sort -u); do
		xmllint --xpath "//*[local-name()='name' and .='$p']" "$pdf.xmp" >/dev/null 2>&1 ||
			fail "dat46:$p is not declared in the extension schema"
	done
	preflight "$pdf"
}
