# The <informant> of a report never reaches any output, log or error:
# generate data whose every informant is a unique marker, build everything,
# and search every byte written (files, PDF text, stdout, stderr).
. "$ANJIAN_TOP/tests/e2e/lib.sh"
set -eu
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
marker="INFORMANT-$$-SECRET"
"$(gen_bin)" -n 300 --from 2025-01 --to 2026-03 --seed 7 --informant-marker "$marker" --out "$t/data"
reports=$(grep -c "<informant>$marker-" -r "$t/data" | awk -F: '{s+=$2} END {print s}')
[ "$reports" -gt 10 ] || fail "the generator wrote only $reports informants"

"$ANJIAN" check --data "$t/data" >"$t/check.out" 2>"$t/check.err"
"$ANJIAN" build --data "$t/data" --out "$t/out" --month 2026-03 --jobs 2 >"$t/build.out" 2>"$t/build.err"
# a month after the records (--allow-empty): lists and tables as of a later day
"$ANJIAN" build --data "$t/data" --out "$t/out-apr" --month 2026-04 --as-of 2026-04-15 \
	--allow-empty >>"$t/build.out" 2>>"$t/build.err"
[ -f "$t/out/pdf/exemplar-review-2026-Q1.pdf" ] || fail "the internal review was not built"

# An error about a report must not quote its informant either.
mkdir "$t/bad"
cp -R "$t/data/." "$t/bad/"
cat >"$t/bad/broken.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset version="1">
  <report id="JB-BROKEN-1" received="2026-03-10" deadline="2026-03-01">
    <informant>$marker-broken 13800000000</informant>
    <content>deadline before received</content>
  </report>
  <report id="JB-BROKEN-2" received="2026-03-10" deadline="2026-03-20" bogus="1">
    <informant>$marker-broken2</informant>
    <content>unknown attribute</content>
  </report>
</dataset>
XML
if "$ANJIAN" check --data "$t/bad" >"$t/bad.out" 2>"$t/bad.err"; then
	fail "a report with its deadline before received was accepted"
fi
grep -q 'broken.xml:[0-9]' "$t/bad.err" || fail "the error does not name broken.xml:LINE"

# The dossiers of enterprises with reports: counted, never the informant.
mkdir "$t/out/dossiers"
for code in $(grep -rh -B1 "<informant>$marker-" "$t/data" | sed -n 's/.*<report [^>]*enterprise="\([^"]*\)".*/\1/p' |
	sort -u | head -n 5); do
	"$ANJIAN" dossier --data "$t/data" --enterprise "$code" --out "$t/out/dossiers/$code.pdf" \
		>>"$t/build.out" 2>>"$t/build.err" || fail "anjian dossier $code"
done
[ -n "$(ls "$t/out/dossiers")" ] || fail "no dossier of an enterprise with reports"
[ -n "$(ls "$t/out/site/enterprise")" ] || fail "no enterprise pages"

# The archive's public site, every enterprise page from the issued data.
"$ANJIAN" issue --draft "$t/out" --archive "$t/arch" exposed-2026-03 >>"$t/build.out" 2>>"$t/build.err" ||
	fail "anjian issue"
[ -n "$(ls "$t/arch/site/enterprise")" ] || fail "no enterprise pages on the archive's site"

for pdf in "$t"/out/pdf/*.pdf "$t"/out-apr/pdf/*.pdf "$t"/out/dossiers/*.pdf; do
	pdftotext "$pdf" "$pdf.txt"
done
hits=$(grep -rl -a -F "$marker" "$t/out" "$t/out-apr" "$t/arch" "$t"/*.out "$t"/*.err || true)
[ -z "$hits" ] || fail "informant marker found in: $hits"
# Parts of the marker could be split by a typesetter; look for the number part too.
hits=$(grep -rl -a -F "SECRET" "$t/out" "$t/out-apr" "$t/arch" "$t"/*.out "$t"/*.err || true)
[ -z "$hits" ] || fail "informant fragment found in: $hits"
echo "no informant in $(find "$t/out" "$t/out-apr" "$t/arch" -type f | wc -l) files and the logs"
