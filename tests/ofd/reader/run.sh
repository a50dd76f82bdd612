#!/bin/sh
# tests/ofd/reader/run.sh ANJIAN: the OFD of the notice, a 300-row
# landscape table and the sample month's bulletin (charts), each opened by
# ofd.js in chromium (ofd.test.js) and read against pdftotext of its PDF.
set -eu
anjian=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775347200
shots=$top/build/ofd-reader
mkdir -p "$shots"

cp "$top/tests/samples/notice.md" "$tmp/notice.md"
awk -f "$top/tests/ofd/table300.awk" >"$tmp/table.md"
"$anjian" build --data "$top/data" --out "$tmp/out" --month 2026-03 >/dev/null 2>&1
cp "$tmp/out/md/bulletin-2026-03.md" "$tmp/bulletin.md"
cp "$tmp/out/data/bulletin-2026-03.xml" "$tmp/bulletin.xml"
for name in notice table bulletin; do
	ctx=
	[ -f "$tmp/$name.xml" ] && ctx="--context $tmp/$name.xml"
	"$anjian" render "$tmp/$name.md" $ctx --out "$tmp/$name.pdf"
	"$anjian" render "$tmp/$name.md" $ctx --out "$tmp/$name.ofd"
	pdftotext -raw "$tmp/$name.pdf" "$tmp/$name.txt"
	# The second page: the table's is turned, the bulletin's has a chart.
	SHOT_PAGE=2 node "$here/ofd.test.js" "$tmp/$name.ofd" "$tmp/$name.txt" "$shots/$name-2.png"
done
