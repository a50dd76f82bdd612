#!/bin/sh
# An interrupted build (SIGINT while rendering) leaves the earlier output
# directory as it was and removes its temporary directory.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
[ -d "$ANJIAN_TOP/data" ] || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export SOURCE_DATE_EPOCH=1775001600
mkdir "$tmp/none" # empty: data files only
"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/out" --month 2026-03 --templates "$tmp/none" --quiet ||
	fail "first build"
cp -R "$tmp/out" "$tmp/keep"
# A slow template directory: the real templates when present, so the
# build spends its time rendering inside the temporary directory.
templates="$ANJIAN_TOP/templates"
[ -f "$templates/bulletin.md" ] || exit 1
"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/out" --month 2026-03 --templates "$templates" \
	--jobs 1 --quiet 2>/dev/null &
pid=$!
i=0
while [ "$i" -lt 500 ] && ! ls -d "$tmp"/out.tmp-* >/dev/null 2>&1; do
	i=$((i + 1)); sleep 0.01
done
ls -d "$tmp"/out.tmp-* >/dev/null 2>&1 || { wait "$pid"; fail "no temporary directory appeared in 5 s (build exit $?)"; }
kill -INT "$pid"
wait "$pid"
rc=$?
[ "$rc" -eq 130 ] || fail "exit $rc, want 130 (0: the build finished before the interrupt)"
diff -r "$tmp/keep" "$tmp/out" >/dev/null || fail "interrupted build changed the output"
ls -d "$tmp"/out.tmp-* 2>/dev/null && fail "temporary directory left behind"
echo ok
