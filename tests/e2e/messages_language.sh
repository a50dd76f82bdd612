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
exit 0
