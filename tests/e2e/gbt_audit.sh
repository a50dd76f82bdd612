#!/bin/sh
# GB/T 9704 audit (tools/audit) over the sample month (data/) and the
# notices of tests/samples/: prints what a secretary would mark in red —
# loose lines, one- or two-character last lines, lines ending with an
# opening mark, title shapes, breaks inside words on title and 抄送 lines,
# a paragraph's single line on one side of a page break —
# and fails unless every count is zero.  Also the build's line on the roles
# that have no official face.
set -eu
. "$ANJIAN_TOP/tests/e2e/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

audit="$(dirname "$ANJIAN")/tools/anjian-audit"
[ -x "$audit" ] || fail "$audit not built (make anjian builds it)"

"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/out" --month 2026-03 >"$tmp/build.out"
# A build says once which role has no official face and what stands in
# (here, with none installed: 仿宋 → FandolFang), in the user's language.
official() { fc-list ":family=$1" family | grep -q .; }
if official 仿宋_GB2312 || official FangSong_GB2312 || official 方正仿宋_GBK || official 仿宋 ||
	official FangSong; then
	if grep -q '仿宋 →' "$tmp/build.out"; then fail "an installed 仿宋 reported missing"; fi
else
	[ "$(grep -c ' → ' "$tmp/build.out")" -eq 1 ] || fail "no single fonts line: $(cat "$tmp/build.out")"
	grep -q 'official face.*仿宋 → FandolFang' "$tmp/build.out" || fail "$(cat "$tmp/build.out")"
	LANGUAGE=zh_CN "$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/zh" --month 2026-03 \
		>"$tmp/zh.out"
	grep -q '未安装正式字体.*仿宋 → FandolFang' "$tmp/zh.out" || fail "$(cat "$tmp/zh.out")"
fi
mkdir "$tmp/md"
# Charts need their document's data; the audit looks at text only.
for f in "$tmp"/out/md/*.md; do grep -v '](chart:' "$f" >"$tmp/md/${f##*/}"; done
"$audit" "$tmp"/md/*.md "$ANJIAN_TOP"/tests/samples/*.md >"$tmp/report" || fail "$(cat "$tmp/report")"
cat "$tmp/report"
total=$(tail -n 1 "$tmp/report")
echo "$total" | grep -q ': loose 0, short-last 0, open-ends 0, titles 0, word-breaks 0, single 0$' ||
	fail "$total"
echo ok
