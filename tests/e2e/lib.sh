# Shared helpers for the end-to-end scripts (sourced, not run).

# Seconds after which a command is taken to hang: a guard against a test
# that never ends, not a speed limit (far above a run on a loaded machine).
HANG_LIMIT=${ANJIAN_HANG_LIMIT:-900}

# fail MESSAGE: print and exit non-zero.
fail() { echo "FAIL: $*" >&2; exit 1; }

# gen_bin: the data generator built beside the binary under test.
gen_bin() { echo "$(dirname "$ANJIAN")/tools/anjian-gen"; }

# verify_manifest OUT: every file the manifest lists exists with its sha256.
verify_manifest() {
	out=$1
	[ -f "$out/manifest.xml" ] || { echo "no manifest in $out"; return 1; }
	n=0
	for pair in $(xmllint --xpath '//file/@path | //file/@sha256' "$out/manifest.xml" 2>/dev/null \
		| tr ' ' '\n' | sed -n 's/^\(path\|sha256\)="\(.*\)"$/\2/p' | paste -d'|' - -); do
		path=${pair%%|*}; sum=${pair##*|}
		[ -f "$out/$path" ] || { echo "missing $out/$path"; return 1; }
		got=$(sha256sum "$out/$path" | cut -d' ' -f1)
		[ "$got" = "$sum" ] || { echo "sha256 mismatch for $path"; return 1; }
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || { echo "manifest lists no files"; return 1; }
}
