#!/bin/sh
# Which language messages come in (src/util/i18n.c): Chinese under a zh_CN
# locale — LANGUAGE, LC_ALL, LC_MESSAGES or LANG, also when that locale is
# not generated on the system — English otherwise and under an explicit C;
# the catalog is found beside the program and in an install tree.
set -u
. "$ANJIAN_TOP/tests/e2e/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zh='未知命令'
en='unknown command'

# lang EXPECT VAR=VALUE...: the message of an unknown command is in EXPECT.
lang() {
	want=$1; shift
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@" "$ANJIAN" frobnicate >/dev/null 2>"$tmp/err"
	[ $? -eq 64 ] || fail "$*: exit status is not 64"
	grep -qF "$want" "$tmp/err" || { cat "$tmp/err"; fail "$*: no '$want' in the message"; }
}
lang "$zh" LANGUAGE=zh_CN
lang "$zh" LANGUAGE=zh_CN:en
lang "$zh" LANG=zh_CN.UTF-8
lang "$zh" LC_MESSAGES=zh_CN.UTF-8 LANG=en_US.UTF-8
lang "$zh" LC_ALL=zh_CN.UTF-8 LANG=en_US.UTF-8
lang "$zh" LANG=C.UTF-8 LANGUAGE=zh_CN
lang "$en" LC_ALL=C LANGUAGE=zh_CN
lang "$en" LANGUAGE=C
lang "$en" LANG=en_US.UTF-8
lang "$en" LC_ALL=en_US.UTF-8 LANG=zh_CN.UTF-8
lang "$en" LC_ALL=zh_CN.UTF-8 LANGUAGE=en
lang "$en"

# An install tree: PREFIX/bin/anjian finds PREFIX/share/locale.
bin=$(readlink -f "$ANJIAN")
mo=$(dirname "$bin")/locale/zh_CN/LC_MESSAGES/anjian.mo
[ -f "$mo" ] || fail "no catalog beside the program: $mo"
mkdir -p "$tmp/p/bin" "$tmp/p/share/locale/zh_CN/LC_MESSAGES"
cp "$bin" "$tmp/p/bin/anjian"
cp "$mo" "$tmp/p/share/locale/zh_CN/LC_MESSAGES/"
LANGUAGE=zh_CN "$tmp/p/bin/anjian" frobnicate 2>"$tmp/err"
grep -qF "$zh" "$tmp/err" || fail "an installed program does not find its catalog"
# The Chinese man page documents every option and exit status the English
# one does, and both render without errors.
opts() { grep -o '\\-\\-[a-z][a-z\\-]*' "$1" | sort -u; }
opts "$ANJIAN_TOP/man/anjian.1" >"$tmp/en"
opts "$ANJIAN_TOP/man/zh_CN/anjian.1" >"$tmp/zh"
[ -s "$tmp/en" ] || fail "no options found in man/anjian.1"
cmp -s "$tmp/en" "$tmp/zh" || { diff "$tmp/en" "$tmp/zh"; fail "man/zh_CN/anjian.1 and man/anjian.1 document other options"; }
sed -n '/^\.SH 退出状态/,/^\.SH 环境变量/p' "$ANJIAN_TOP/man/zh_CN/anjian.1" >"$tmp/status"
for st in 0 64 65 66 73 74; do
	grep -qw "$st" "$tmp/status" || fail "man/zh_CN/anjian.1 lacks exit status $st"
done
for page in man/anjian.1 man/zh_CN/anjian.1; do
	LC_ALL=C.UTF-8 groff -k -man -Tutf8 "$ANJIAN_TOP/$page" >"$tmp/page" 2>"$tmp/warn" ||
		fail "$page does not render"
	! grep -q 'error' "$tmp/warn" || { cat "$tmp/warn"; fail "$page: troff errors"; }
	grep -q 'SOURCE_DATE_EPOCH' "$tmp/page" || fail "$page: rendered without its ENVIRONMENT section"
done
exit 0
