#!/bin/sh
# An interrupted build (SIGINT, SIGTERM or SIGHUP while it works in its
# temporary directory) exits 128 + the signal, leaves the earlier output
# directory as it was and removes its temporary directory.
#
# The signal comes at points the test chooses, not after a delay:
# ANJIAN_TEST_KILL_AT=POINT,SIG (src/util/testhook.h) makes the build send
# it to itself there, as a user's ^C at exactly that moment would.
set -u
: "${ANJIAN:?}" "${ANJIAN_TOP:?}"
. "$ANJIAN_TOP/tests/e2e/lib.sh"
[ -d "$ANJIAN_TOP/data" ] && [ -f "$ANJIAN_TOP/templates/bulletin.md" ] || fail "no data/ or templates/"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775001600
"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/out" --month 2026-03 --data-only --quiet ||
	fail "first build"
cp -R "$tmp/out" "$tmp/keep"
ndata=$(ls "$tmp/out/data" | wc -l)

# interrupt POINT SIGNAL STATUS [BUILD OPTIONS]: a build with the real
# templates, signalled at POINT, must exit STATUS and change nothing.
interrupt() {
	point=$1 sig=$2 want=$3; shift 3
	rc=0
	ANJIAN_TEST_KILL_AT="$point,$sig" "$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$tmp/out" \
		--month 2026-03 --templates "$ANJIAN_TOP/templates" --quiet "$@" 2>"$tmp/err" || rc=$?
	[ "$rc" -eq "$want" ] || { cat "$tmp/err"; fail "SIG$sig at $point: exit $rc, want $want"; }
	diff -r "$tmp/keep" "$tmp/out" >/dev/null || fail "SIG$sig at $point: the output changed"
	! ls -d "$tmp"/out.tmp-* >/dev/null 2>&1 || fail "SIG$sig at $point: temporary directory left behind"
}

interrupt begun INT 130 --jobs 1 # just after the temporary directory is made
interrupt contexts INT 130 --jobs 1
interrupt "write:$((ndata + 1))" INT 130 --jobs 1  # the first Markdown, while rendering
# From a render thread while the others go on writing into the directory.
interrupt "write:$((ndata + 2))" INT 130 --jobs 2
# After whole renders: the plain build only (under the sanitizer each is a
# minute of the same code the ones above and the other scripts run).
[ "${ANJIAN_SAN:-}" = 1 ] && { echo "ok: 4 interrupts at chosen points, output kept, nothing left behind"; exit 0; }
interrupt "write:$((ndata + 5))" TERM 143 --jobs 2
interrupt rendered TERM 143 --jobs 1
interrupt site HUP 129 --jobs 1
interrupt manifest INT 130 --jobs 1
echo "ok: 8 interrupts at chosen points, output kept, nothing left behind"
