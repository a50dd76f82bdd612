#!/bin/sh
# The progress line of `anjian build`: on stderr when it is a terminal
# (documents done / total, elapsed, rate), rewritten with "\r"; nothing
# when stderr is a file or with --quiet.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
[ -d "$ANJIAN_TOP/data" ] || { echo "no data/"; exit 1; }
command -v script >/dev/null || { echo "script (util-linux) missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775001600
args="build --data $ANJIAN_TOP/data --templates $ANJIAN_TOP/templates --month 2026-03 --jobs 2"

# script gives the command a terminal; its stdout is the terminal's output.
script -qec "'$ANJIAN' $args --out '$tmp/tty' >'$tmp/tty.out'" /dev/null </dev/null >"$tmp/tty.err" ||
	fail "build under a terminal failed: $(cat "$tmp/tty.err")"
n=$(grep -c '<document ' "$tmp/tty/manifest.xml")
grep -q "anjian build: $n/$n documents, [0-9.]* s, [0-9.]* documents/s" "$tmp/tty.err" ||
	fail "no final progress line: $(cat -v "$tmp/tty.err")"
grep -q "anjian build: 1/$n documents" "$tmp/tty.err" || fail "no first progress step"
[ "$(tr -cd '\r' <"$tmp/tty.err" | wc -c)" -ge "$n" ] || fail "progress is not rewritten with \\r"

script -qec "'$ANJIAN' $args --quiet --out '$tmp/quiet'" /dev/null </dev/null >"$tmp/quiet.err" ||
	fail "quiet build failed"
grep -q 'documents/s' "$tmp/quiet.err" && fail "--quiet still shows progress"

"$ANJIAN" $args --out "$tmp/file" >"$tmp/file.out" 2>"$tmp/file.err" || fail "build to a file failed"
grep -q 'documents/s' "$tmp/file.err" && fail "progress written to a non-terminal"
diff -r -x .cache "$tmp/tty" "$tmp/file" >/dev/null || fail "progress changed the output"
echo "progress: $n documents shown on a terminal only"
