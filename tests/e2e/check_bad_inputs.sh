#!/bin/sh
# anjian check on bad inputs, in English (LC_ALL=C) and in Chinese
# (LANGUAGE=zh_CN); each next to tests/data/loader/base.xml and the sample
# office profile:
# - tests/data/loader/{bad,rule}-*.xml: exit 65 and one error at FILE:LINE
#   of its "<!-- expect LINE: TEXT -->" comment, saying TEXT (in Chinese
#   its "<!-- expect-zh LINE: TEXT -->"); bad-* break the schema, rule-*
#   only the loader's own rules;
# - tests/data/loader/case-*/: the mistakes of a new user (a GBK export, an
#   Excel export, a copied file, a wrong check character, a blank too many,
#   a department's name for its id, a CSV file) as its file "expect" says:
#   "status N", "at FILE[:LINE]" ("-": the data directory), "en TEXT",
#   "zh TEXT" (DIR in TEXT: the data directory).
# Nothing follows from the cause: an error is the only line before the
# one-line summary ("1 error"), a warning the only one before "is valid".
set -u
. "$ANJIAN_TOP/tests/e2e/lib.sh"
data="$ANJIAN_TOP/tests/data/loader"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/out"; fails=$((fails + 1)); }

"$ANJIAN" check --data "$data/base.xml" >/dev/null 2>&1 # a file is not a directory
[ $? -eq 66 ] || { echo "FAIL: a file as --data should exit 66"; fails=$((fails + 1)); }
office="$ANJIAN_TOP/data/office.yml" # the sample office profile: these tests are about data
mkdir "$tmp/base" && cp "$data/base.xml" "$office" "$tmp/base/"
"$ANJIAN" check --data "$tmp/base" >/dev/null || { echo "FAIL: base.xml alone"; fails=$((fails + 1)); }

# check NAME LANG STATUS AT TEXT: anjian check on $tmp/d under LANG (en, zh)
# exits STATUS with TEXT in the only message, at AT (FILE:LINE, FILE or -).
check() {
	name=$1 lang=$2 status=$3 at=$4 text=$5
	d=$tmp/d
	if [ "$lang" = zh ]; then
		env -u LC_ALL -u LC_MESSAGES -u LANG LANGUAGE=zh_CN "$ANJIAN" check --data "$d" >"$tmp/out" 2>&1
		rc=$? pre='anjian：' warn='anjian：警告：' colon='：'
		summary="$d：共 1 处错误；请改正后再运行“anjian check --data $d”"
		valid="anjian check：$d 检查通过（"
	else
		env -u LANGUAGE LC_ALL=C "$ANJIAN" check --data "$d" >"$tmp/out" 2>&1
		rc=$? pre='anjian: ' warn='anjian: warning: ' colon=': '
		summary="$d: 1 error; fix it and run 'anjian check --data $d' again"
		valid="anjian check: $d is valid ("
	fi
	[ "$rc" -eq "$status" ] || { bad "$name ($lang): exit $rc, want $status"; return; }
	# the profile's own line ("…/office.yml: office profile of …: valid")
	grep -v "^$d/office.yml" "$tmp/out" >"$tmp/msgs"
	mv "$tmp/msgs" "$tmp/out"
	lines=$(wc -l <"$tmp/out")
	first=$(sed -n 1p "$tmp/out")
	last=$(sed -n '$p' "$tmp/out")
	case $status/$at in
	0/) [ "$lines" -eq 1 ] || { bad "$name ($lang): more than the summary"; return; } ;;
	0/-) [ "$lines" -eq 2 ] || { bad "$name ($lang): not one warning and the summary"; return; }
	     case $first in "$warn$d$colon"*) ;; *) bad "$name ($lang): not a warning on $d"; return ;; esac ;;
	*) [ "$lines" -eq 2 ] || { bad "$name ($lang): not one error and the summary"; return; }
	   case $at in *:*) want="$pre$d/$at: " ;; *) want="$pre$d/$at$colon" ;; esac
	   case $first in "$want"*) ;; *) bad "$name ($lang): not at $want"; return ;; esac ;;
	esac
	if [ "$status" -eq 0 ]; then
		case $last in "$valid"*) ;; *) bad "$name ($lang): no '$valid…' summary"; return ;; esac
	else
		[ "$last" = "$summary" ] || { bad "$name ($lang): the summary is not '$summary'"; return; }
	fi
	[ -z "$text" ] || printf '%s\n' "$first" | grep -qF -- "$text" ||
		bad "$name ($lang): no '$text'"
}

for f in "$data"/bad-*.xml "$data"/rule-*.xml; do
	name=$(basename "$f")
	rm -rf "$tmp/d" && mkdir "$tmp/d" && cp "$data/base.xml" "$office" "$f" "$tmp/d/"
	for lang in en zh; do
		tag=expect; [ "$lang" = zh ] && tag=expect-zh
		expect=$(sed -n "s/^<!-- $tag \([0-9]*\): \(.*\) -->\$/\1|\2/p" "$f")
		[ -n "$expect" ] || { echo "FAIL: $name has no '<!-- $tag LINE: TEXT -->'"; fails=$((fails + 1)); continue; }
		check "$name" "$lang" 65 "$name:${expect%%|*}" "${expect#*|}"
	done
done

for c in "$data"/case-*/; do
	name=$(basename "$c")
	rm -rf "$tmp/d" && mkdir "$tmp/d" && cp "$data/base.xml" "$office" "$tmp/d/" && cp -R "$c." "$tmp/d/"
	rm "$tmp/d/expect"
	field() { sed -n "s/^$1 //p" "$c/expect" | sed "s|DIR|$tmp/d|g"; }
	status=$(field status)
	[ -n "$status" ] || { echo "FAIL: $name/expect has no status"; fails=$((fails + 1)); continue; }
	check "$name" en "$status" "$(field at)" "$(field en)"
	check "$name" zh "$status" "$(field at)" "$(field zh)"
done
[ "$fails" -eq 0 ]
