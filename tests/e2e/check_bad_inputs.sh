#!/bin/sh
# anjian check on each tests/data/loader/{bad,rule}-*.xml next to base.xml:
# exit 65 and the message its "<!-- expect LINE: TEXT -->" comment names, at
# FILE:LINE.  bad-* break the schema, rule-* only the loader's own rules.
set -u
data="$ANJIAN_TOP/tests/data/loader"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
"$ANJIAN" check --data "$data/base.xml" >/dev/null 2>&1 # a file is not a directory
[ $? -eq 66 ] || { echo "FAIL: a file as --data should exit 66"; fails=$((fails + 1)); }
office="$ANJIAN_TOP/data/office.yml" # the sample office profile: these tests are about data
mkdir "$tmp/base" && cp "$data/base.xml" "$office" "$tmp/base/"
"$ANJIAN" check --data "$tmp/base" >/dev/null || { echo "FAIL: base.xml alone"; fails=$((fails + 1)); }
for f in "$data"/bad-*.xml "$data"/rule-*.xml; do
	name=$(basename "$f")
	expect=$(sed -n 's/^<!-- expect \([0-9]*\): \(.*\) -->$/\1|\2/p' "$f")
	line=${expect%%|*}
	text=${expect#*|}
	rm -rf "$tmp/d" && mkdir "$tmp/d" && cp "$data/base.xml" "$office" "$f" "$tmp/d/"
	"$ANJIAN" check --data "$tmp/d" >"$tmp/out" 2>&1
	rc=$?
	if [ "$rc" -ne 65 ]; then
		echo "FAIL: $name: exit $rc"; fails=$((fails + 1)); continue
	fi
	if ! grep -F "$name:$line: " "$tmp/out" | grep -qF "$text"; then
		echo "FAIL: $name: no '$name:$line: …$text' in:"; sed 's/^/    /' "$tmp/out"
		fails=$((fails + 1))
	fi
done
[ "$fails" -eq 0 ]
