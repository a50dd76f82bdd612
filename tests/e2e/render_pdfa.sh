#!/bin/sh
# anjian render --pdfa: PDF/A-2b for archives, checked (tests/support/pdfa.sh)
# on the long notice (tests/samples/notice.md) and a 300-row landscape
# table with Apache PDFBox's preflight, qpdf --check, and the XMP (PDF/A
# identification, the Info dictionary mirrored, the DA/T 46 items); the
# text reads as the plain PDF's, two renders give the same bytes.
set -eu
. "$ANJIAN_TOP/tests/e2e/lib.sh"
. "$ANJIAN_TOP/tests/support/pdfa.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775347200

# same_text PDF PLAIN: PDF reads as PLAIN, the same document without --pdfa.
same_text() {
	pdftotext "$1" "$1.txt"
	pdftotext "$2" "$2.txt"
	cmp -s "$1.txt" "$2.txt" || fail "$1 does not read as the plain PDF does"
	[ "$(xmp "$1" CreateDate)" = 2026-04-05T00:00:00Z ] || fail "xmp:CreateDate $(xmp "$1" CreateDate)"
	pdfinfo "$1" | grep -q '^CreationDate: *Sun Apr  5 00:00:00 2026 UTC$' || fail "Info date: $(pdfinfo "$1")"
}

# The long notice: twice (two locales) the same bytes, and the DA/T 46
# items of its front matter.
sample="$ANJIAN_TOP/tests/samples/notice.md"
LANG=C "$ANJIAN" render "$sample" --pdfa --out "$tmp/notice.pdf"
mkdir "$tmp/again"
LANG=zh_CN.UTF-8 "$ANJIAN" render "$sample" --pdfa --out "$tmp/again/notice.pdf"
cmp -s "$tmp/notice.pdf" "$tmp/again/notice.pdf" || fail "two PDF/A renders differ"
"$ANJIAN" render "$sample" --out "$tmp/notice-plain.pdf"
check_pdfa "$tmp/notice.pdf"

# qpdf and libzip are opened when a PDF/A or an OFD needs them
# (util/lazylib.h): a plain render loads neither, a PDF/A loads qpdf.
LD_DEBUG=files "$ANJIAN" render "$sample" --out "$tmp/ld.pdf" 2>"$tmp/ld-plain.log"
grep -q 'file=libqpdf\|file=libzip' "$tmp/ld-plain.log" && fail "a plain render loads qpdf or libzip"
LD_DEBUG=files "$ANJIAN" render "$sample" --pdfa --out "$tmp/ld.pdf" 2>"$tmp/ld-pdfa.log"
grep -q 'file=libqpdf' "$tmp/ld-pdfa.log" || fail "a PDF/A render does not load qpdf"
same_text "$tmp/notice.pdf" "$tmp/notice-plain.pdf"
x="$tmp/notice.pdf"
[ "$(dat46 "$x" documentNumber)" = '苏安办〔2026〕12号' ] || fail "dat46:documentNumber"
[ "$(dat46 "$x" author)" = '苏州市安全生产委员会办公室' ] || fail "dat46:author"
[ "$(dat46 "$x" date)" = 2026-04-05 ] || fail "dat46:date"
[ "$(dat46 "$x" documentType)" = 通报 ] || fail "dat46:documentType $(dat46 "$x" documentType)"
[ "$(dat46 "$x" publicity)" = 主动公开 ] || fail "dat46:publicity"

# The checker sees what Cairo alone writes: a plain PDF fails on its /ID.
java -cp "$pdfa_cp" org.apache.pdfbox.preflight.Validator_A1b xml "$tmp/notice-plain.pdf" >"$tmp/plain.preflight" 2>&1 || true
grep -q '<code>1.4.1</code>' "$tmp/plain.preflight" || fail "preflight did not miss the /ID of a plain PDF"

# A 300-row table on landscape pages, internal (不予公开), a 通知, with a
# PNG figure (Cairo asks readers to interpolate images; PDF/A forbids it).
echo 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAKUlEQVR42g3HMQEAAAzCMIRVGGdFIXDLlyQSGxcTBIvjU6mt62cyOzcPp2MTQQYaK1UAAAAASUVORK5CYII=' |
	base64 -d >"$tmp/fig.png"
{
	printf -- '---\nissuer: 某市安全生产委员会办公室\nnumber: 某安办〔2026〕7号\n'
	printf 'title: 关于开展重点企业安全生产检查的通知\ndate: 2026-04-05\npublicity: internal\n'
	printf 'attachments:\n  - 重点企业检查台账\n---\n'
	printf '现将重点企业检查台账印发给你们，请认真组织实施。\n\n![图1 检查分布](fig.png)\n\n# 附件1 重点企业检查台账\n\n'
	printf '| 序号 | 企业名称 | 统一社会信用代码 | 所属地区 | 行业 | 检查日期 | 隐患数 | 已整改 | 罚款（万元） | 检查人员 | 备注 |\n'
	printf '|---:|---|---|---|---|---|---:|---:|---:|---|---|\n'
	awk 'BEGIN { for (i = 1; i <= 300; i++)
		printf "| %d | 某某精细化工有限公司第%d分公司 | 91320500MA%08d | 某某区 | 危险化学品 | 2026-03-%02d | %d | %d | %.2f | 张三、李四 | 限期整改 |\n",
			i, i, i * 7919, i % 28 + 1, i % 9, i % 7, i * 0.37 }'
} >"$tmp/table.md"
"$ANJIAN" render "$tmp/table.md" --pdfa --out "$tmp/table.pdf"
"$ANJIAN" render "$tmp/table.md" --out "$tmp/table-plain.pdf"
pdftotext "$tmp/table.pdf" - | grep -q '公司第300分公司' || fail "row 300 missing"
# Landscape: the table's pages are wider than high.
pdfinfo -f 3 -l 3 "$tmp/table.pdf" | awk '/^Page +3 size:/ { wide = $4 > $6 } END { exit !wide }' ||
	fail "the table is not on landscape pages"
qpdf --qdf "$tmp/table.pdf" - | grep -aq '/Subtype /Image' || fail "the figure is not in the table's PDF"
check_pdfa "$tmp/table.pdf"
same_text "$tmp/table.pdf" "$tmp/table-plain.pdf"
[ "$(dat46 "$tmp/table.pdf" documentType)" = 通知 ] || fail "dat46:documentType of the table"
[ "$(dat46 "$tmp/table.pdf" publicity)" = 不予公开 ] || fail "dat46:publicity of the table"
echo ok
