#!/bin/sh
# Hostile templates in a real build (anjian build --templates DIR): one
# that includes itself is refused with its file:line and the cycle named;
# one with 100 000 sections builds, in bounded time.  (Nesting, output and
# work limits of the engine: tests/unit/test_mustache_errors.c.)
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
[ -d "$ANJIAN_TOP/data" ] && [ -f "$ANJIAN_TOP/templates/exposed.md" ] || { echo "no data/ or templates/"; exit 1; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1775001600
build() { timeout "$HANG_LIMIT" "$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$t/out" --month 2026-03 \
	--templates "$t/tp" --quiet 2>"$t/err"; }

cp -R "$ANJIAN_TOP/templates" "$t/tp"
lines=$(wc -l <"$t/tp/exposed.md")
printf '{{>exposed}}\n' >>"$t/tp/exposed.md"
build; rc=$?
[ "$rc" -eq 65 ] || { cat "$t/err"; fail "self-including template: exit $rc, want 65"; }
grep -q "tp/exposed.md:$((lines + 1)):1: .*exposed" "$t/err" || { cat "$t/err"; fail "self-including template: the error does not name exposed.md:$((lines + 1))"; }
[ ! -e "$t/out/manifest.xml" ] || fail "self-including template: a build was published"

# The engine's 100 000 sections run under the sanitizer in
# test_mustache_errors; the whole build here only in the plain run.
[ "${ANJIAN_SAN:-}" = 1 ] && { echo ok; exit 0; }
rm -rf "$t/tp" "$t/out"; cp -R "$ANJIAN_TOP/templates" "$t/tp"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{{#meta}}{{/meta}}"; print "" }' >>"$t/tp/exposed.md"
build || { cat "$t/err"; fail "100 000 sections: build failed"; }
ls "$t/out/pdf"/exposed-*.pdf >/dev/null 2>&1 || fail "100 000 sections: no exposed PDF"
echo ok
