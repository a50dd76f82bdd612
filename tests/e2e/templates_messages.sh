#!/bin/sh
# Templates never fail silently: each mistake of issue 15 gives its exact
# message, in English (LC_ALL=C) and in Chinese (LANGUAGE=zh_CN), naming
# template:line:col — a misspelt name with the nearest names, a dotted name
# whose last part is wrong, a front matter key or value made by a template
# line, a brace too few or too many; and a template directory lacking
# templates falls back to the installed ones, saying which.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
[ -f "$ANJIAN_TOP/templates/bulletin.md" ] || fail "no templates/"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600
tp=$t/tp/bulletin.md

# run LOCALE-VAR DIR: build with templates DIR; stderr in $t/err, status in $rc
run() {
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$1" "$ANJIAN" build --data "$ANJIAN_TOP/data" \
		--out "$t/out" --month 2026-03 --templates "$2" --jobs 1 >"$t/stdout" 2>"$t/err"
	rc=$?
}

# broken FROM TO: a copy of templates/ in $t/tp whose bulletin.md has its
# first FROM replaced by TO; sets $at to TO's line:column (in characters)
broken() {
	rm -rf "$t/tp" "$t/out"; cp -R "$ANJIAN_TOP/templates" "$t/tp"
	FROM=$1 TO=$2 awk 'BEGIN { from = ENVIRON["FROM"]; to = ENVIRON["TO"] }
		!done && (i = index($0, from)) { $0 = substr($0, 1, i - 1) to substr($0, i + length(from)); done = 1 }
		{ print }' "$ANJIAN_TOP/templates/bulletin.md" >"$tp"
	cmp -s "$tp" "$ANJIAN_TOP/templates/bulletin.md" && fail "no '$1' in bulletin.md"
	l=$(grep -nF -- "$2" "$tp" | head -n 1 | cut -d: -f1)
	pre=$(sed -n "${l}p" "$tp" | S=$2 awk '{ print substr($0, 1, index($0, ENVIRON["S"]) - 1) }')
	at=$l:$(( $(printf %s "$pre" | LC_ALL=C.UTF-8 wc -m) + 1 ))
}

# expect LOCALE-VAR STATUS LINE: the build exits STATUS with exactly LINE
expect() {
	run "$1" "$t/tp"
	[ "$rc" -eq "$2" ] || { cat "$t/err"; fail "$1: exit $rc, want $2 (want: $3)"; }
	printf '%s\n' "$3" >"$t/want"
	cmp -s "$t/err" "$t/want" || { echo "want: $3"; echo "got:"; cat "$t/err"; fail "$1: not that message"; }
	[ "$2" -eq 0 ] || [ ! -e "$t/out" ] || fail "$1: a failed build wrote $t/out"
}

broken '执法检查{{inspections-ytd}}' '{{inspection-ytd}}'
expect LC_ALL=C 65 "anjian: $tp:$at: {{inspection-ytd}}: no bulletin document has a value named 'inspection-ytd' here; the nearest names are 'inspections-ytd', 'inspections-yoy' or 'inspections'"
expect LANGUAGE=zh_CN 65 "anjian：$tp:$at: {{inspection-ytd}}：bulletin 类文件的数据中，此处没有名为“inspection-ytd”的值；最接近的名称有“inspections-ytd”、“inspections-yoy”或“inspections”"

broken 'signature: "{{meta.issuer}}"' 'signature: "{{meta.isuer}}"'
expect LC_ALL=C 65 "anjian: $tp:6:13: {{meta.isuer}}: in a bulletin document, 'meta' has no 'isuer'; the nearest names are 'issuer', 'name' or 'title'"
expect LANGUAGE=zh_CN 65 "anjian：$tp:6:13: {{meta.isuer}}：bulletin 类文件的数据中，“meta”下没有“isuer”；最接近的名称有“issuer”、“name”或“title”"

# front matter: the key and the value named at the template line that made them
broken 'signature:' 'signatur:'
expect LC_ALL=C 65 "anjian: $tp:6: unknown front matter key 'signatur'; did you mean 'signature'? (the keys are issuer, number, title, recipients, signature, date, publicity, attachments, cc, printer, print_date, subject, keywords)"
expect LANGUAGE=zh_CN 65 "anjian：$tp:6: 前置信息中有未知的键“signatur”；是否应为“signature”？（可用的键有：issuer、number、title、recipients、signature、date、publicity、attachments、cc、printer、print_date、subject、keywords）"
broken 'date: "{{meta.date}}"' 'date: "{{meta.date-cn}}"'
expect LC_ALL=C 65 "anjian: $tp:7: 'date' is \"2026年3月31日\", not a date; write it as YYYY-MM-DD, e.g. 2026-04-05"
expect LANGUAGE=zh_CN 65 "anjian：$tp:7: “date”为“2026年3月31日”，不是日期；日期应写作 YYYY-MM-DD，如 2026-04-05"

# braces: one missing at the end, at the start, one too many
broken '{{/total}}' '{{/total}'
expect LC_ALL=C 65 "anjian: $tp:$at: unbalanced braces: '{{/total}' is not closed (a '}' is missing); write {{/total}}"
expect LANGUAGE=zh_CN 65 "anjian：$tp:$at: 花括号不配对：“{{/total}”没有闭合（缺少一个“}”）；应写作 {{/total}}"
broken '{{inspections-ytd}}家次' '{inspections-ytd}}家次'
expect LC_ALL=C 65 "anjian: $tp:$at: unbalanced braces: '{inspections-ytd}}' lacks a '{'; write {{inspections-ytd}}"
expect LANGUAGE=zh_CN 65 "anjian：$tp:$at: 花括号不配对：“{inspections-ytd}}”缺少一个“{”；应写作 {{inspections-ytd}}"
broken '{{inspections-ytd}}家次' '{{inspections-ytd}}}家次'
at=${at%:*}:$(( ${at#*:} + 19 )) # the brace after the tag
expect LC_ALL=C 65 "anjian: $tp:$at: unbalanced braces: '{{inspections-ytd}}}' has one '}' too many; write {{inspections-ytd}}"
expect LANGUAGE=zh_CN 65 "anjian：$tp:$at: 花括号不配对：“{{inspections-ytd}}}”多了一个“}”；应写作 {{inspections-ytd}}"

# a template directory with bulletin.md alone: the others and the site
# layouts come from the installed templates, and the build says so
rm -rf "$t/tp" "$t/out"; mkdir "$t/tp"; cp "$ANJIAN_TOP/templates/bulletin.md" "$t/tp/"
inst=$(cd "$ANJIAN_TOP/templates" && pwd -P)
run LC_ALL=C "$t/tp"
[ "$rc" -eq 0 ] || { cat "$t/err"; fail "bulletin.md alone: exit $rc"; }
printf '%s\n' "anjian: warning: $t/tp has no site/ layouts; the web site uses the installed ones in $inst/site" \
	"anjian: warning: $t/tp has no exposed.md, exemplars.md, exemplar-review.md, rectification.md, hazard-supervision.md; the installed templates in $inst are used" >"$t/want"
cmp -s "$t/err" "$t/want" || { cat "$t/err"; fail "bulletin.md alone: not the warnings"; }
grep -qF "8 drafts written to $t/out (8 typeset, 0 unchanged; 2 warnings above;" "$t/stdout" ||
	{ cat "$t/stdout"; fail "bulletin.md alone: no summary naming the warnings"; }
[ "$(ls "$t/out/pdf" | wc -l)" -eq 8 ] || fail "bulletin.md alone: not 8 PDFs"
[ -f "$t/out/site/index.html" ] || fail "bulletin.md alone: no site"
rm -rf "$t/out"
run LANGUAGE=zh_CN "$t/tp"
printf '%s\n' "anjian：警告：$t/tp 中没有 site/ 网站版式，网站改用 $inst/site 中安装的版式" \
	"anjian：警告：$t/tp 中没有 exposed.md、exemplars.md、exemplar-review.md、rectification.md、hazard-supervision.md，已改用 $inst 中安装的模板" >"$t/want"
cmp -s "$t/err" "$t/want" || { cat "$t/err"; fail "bulletin.md alone (zh_CN): not the warnings"; }
grep -qF "anjian build：已在 $t/out 中生成 8 份草稿（排版 8 份，未变 0 份；上方有 2 条警告；" "$t/stdout" ||
	{ cat "$t/stdout"; fail "bulletin.md alone (zh_CN): no summary"; }
exit 0
