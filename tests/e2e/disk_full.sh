# A full disk gives exit 74 and a message, and leaves the old output intact.
# may-skip: it mounts a small tmpfs, which only root (CAP_SYS_ADMIN) can do
. "$ANJIAN_TOP/tests/e2e/lib.sh"
set -eu
t=$(mktemp -d)
mkdir "$t/fs"
if ! mount -t tmpfs -o size=8m tmpfs "$t/fs" 2>/dev/null; then
	rm -rf "$t"; echo "cannot mount a tmpfs here"; exit 77
fi
trap 'umount "$t/fs"; rm -rf "$t"' EXIT
"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$t/fs/out" --month 2026-03 --quiet
verify_manifest "$t/fs/out" || fail "first build inconsistent"
cp "$t/fs/out/manifest.xml" "$t/manifest.before"
# Leave about 300 KB free: less than one more build needs.
avail=$(df -k --output=avail "$t/fs" | tail -n 1)
dd if=/dev/zero of="$t/fs/filler" bs=1k count=$((avail - 300)) 2>/dev/null || true
rc=0
"$ANJIAN" build --data "$ANJIAN_TOP/data" --out "$t/fs/out" --month 2026-02 --quiet 2>"$t/err" || rc=$?
[ "$rc" -eq 74 ] || { cat "$t/err"; fail "exit $rc on a full disk, expected 74"; }
grep -qi 'space\|full\|write' "$t/err" || fail "the message does not say what failed: $(cat "$t/err")"
cmp -s "$t/manifest.before" "$t/fs/out/manifest.xml" || fail "the old manifest changed"
verify_manifest "$t/fs/out" || fail "the old output is damaged"
leftovers=$(ls "$t/fs" | grep -c tmp- || true)
[ "$leftovers" -eq 0 ] || fail "the failed build left its temporary directory"
echo "exit 74: $(head -n 1 "$t/err")"
