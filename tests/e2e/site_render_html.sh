#!/bin/sh
# anjian render X.md --out X.html: a standalone page that is well-formed
# XML, lang zh-CN, carries the document's front matter, allows its inline
# stylesheet by hash only, and turns hostile Markdown into text.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
command -v xmllint >/dev/null || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$ANJIAN" render "$ANJIAN_TOP/tests/samples/notice.md" --out "$tmp/notice.html" || fail "render exited $?"
xmllint --noout --nonet "$tmp/notice.html" || fail "notice.html is not well-formed"
grep -q '<html lang="zh-CN">' "$tmp/notice.html" || fail "no lang"
grep -q "style-src 'sha256-" "$tmp/notice.html" || fail "no style hash in the CSP"
if grep -q "unsafe-inline" "$tmp/notice.html"; then fail "unsafe-inline in the CSP"; fi

cat >"$tmp/hostile.md" <<'MD'
---
title: "测试<script>"
publicity: public
date: 2026-04-05
---
# 一、情况

<script>window.__xss = 1</script>

[点我](javascript:alert(1)) 与 <img src=x onerror=alert(1)>

| 企业 | 数量 |
|---|--:|
| A*B <b>x</b> | 12 |
MD
"$ANJIAN" render "$tmp/hostile.md" --out "$tmp/hostile.html" || fail "render exited $?"
xmllint --noout --nonet "$tmp/hostile.html" || fail "hostile.html is not well-formed"
[ "$(grep -c '<script' "$tmp/hostile.html")" = 0 ] || fail "a script element got through"
if grep -q 'javascript:' "$tmp/hostile.html"; then fail "a javascript: link got through"; fi
if grep -q '<img' "$tmp/hostile.html"; then fail "raw <img> got through"; fi
grep -q '<title>测试&lt;script&gt;</title>' "$tmp/hostile.html" || fail "title not escaped"
grep -q '<td class="num al-r">12</td>' "$tmp/hostile.html" || fail "number cell not right-aligned"
grep -q '2026年4月5日' "$tmp/hostile.html" || fail "date not in Chinese form"
grep -q '（此件主动公开）' "$tmp/hostile.html" || fail "publicity note missing"
# the output is the same bytes every time
"$ANJIAN" render "$tmp/hostile.md" --out "$tmp/again.html" && cmp -s "$tmp/hostile.html" "$tmp/again.html" ||
	fail "two renders differ"
# an unwritable output is an error that names the file
"$ANJIAN" render "$tmp/hostile.md" --out "$tmp/no/such/dir/x.html" 2>"$tmp/err"
rc=$?
[ "$rc" = 73 ] || fail "unwritable output: exit $rc, expected 73"
grep -q "no/such/dir/x.html" "$tmp/err" || fail "error does not name the file"
echo ok
