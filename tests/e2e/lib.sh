# Shared helpers for the end-to-end scripts (sourced, not run).

# Seconds after which a command is taken to hang: a guard against a test
# that never ends, not a speed limit (far above a run on a loaded machine).
HANG_LIMIT=${ANJIAN_HANG_LIMIT:-900}

# fail MESSAGE: print and exit non-zero.
fail() { echo "FAIL: $*" >&2; exit 1; }

# gen_bin: the data generator built beside the binary under test.
gen_bin() { echo "$(dirname "$ANJIAN")/tools/anjian-gen"; }

# verify_listed DIR LIST: every <file path sha256> of DIR/LIST exists under
# DIR with that sha256, and LIST names at least one.
verify_listed() {
	[ -f "$1/$2" ] || { echo "no $2 in $1"; return 1; }
	n=0
	for pair in $(xmllint --xpath '//file/@path | //file/@sha256' "$1/$2" 2>/dev/null \
		| tr ' ' '\n' | sed -n 's/^\(path\|sha256\)="\(.*\)"$/\2/p' | paste -d'|' - -); do
		path=${pair%%|*}; sum=${pair##*|}
		[ -f "$1/$path" ] || { echo "missing $1/$path"; return 1; }
		got=$(sha256sum "$1/$path" | cut -d' ' -f1)
		[ "$got" = "$sum" ] || { echo "sha256 mismatch for $path"; return 1; }
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || { echo "$2 lists no files"; return 1; }
}

# verify_manifest OUT: every file the manifest lists exists with its sha256.
verify_manifest() { verify_listed "$1" manifest.xml; }

# verify_register ARCHIVE: every file the register lists exists with its
# sha256 (what a killed or failed issue must never break).
verify_register() { verify_listed "$1" register.xml; }

# pdf_pages_text PDF: one line per page, "N: text of the page" (newlines as spaces).
pdf_pages_text() {
	np=$(pdfinfo "$1" | sed -n 's/^Pages: *//p')
	i=1
	while [ "$i" -le "$np" ]; do
		printf '%s: %s\n' "$i" "$(pdftotext -q -f "$i" -l "$i" "$1" - | tr '\n' ' ')"
		i=$((i + 1))
	done
}
