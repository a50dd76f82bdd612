#!/bin/sh
# The typesetter's fonts are the role faces only (src/typeset/fontset.c): a font
# installed beside them changes no byte of a PDF, a new face of a role
# family is found, and the list is kept in the user's cache directory.
set -eu
for tool in pdffonts fc-list; do
	command -v "$tool" >/dev/null 2>&1 || { echo "FAIL: $tool missing (scripts/install-deps installs it)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/share" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME"
set_file="$XDG_CACHE_HOME/anjian/fontset"
fonts="$XDG_DATA_HOME/fonts"

# Latin, CJK, Extension B and scripts no CJK face has (Braille, Hebrew).
printf '# 字体测试\n\n姓名：吉\360\240\256\267，Ünïcödé café ⠁⠃⠉ שלום Ω≈∑。\n\n*楷体强调* **黑体加粗** `等宽 code`\n' >"$tmp/doc.md"
"$ANJIAN" render "$tmp/doc.md" --out "$tmp/a.pdf"
[ -f "$set_file" ] || fail "no font set cached at $set_file"
grep -q '^face ' "$set_file" || fail "the cached font set names no face: $(cat "$set_file")"

# A font no role names, installed for the user (Fandol's Braille face,
# shipped beside FandolFang): same bytes, and not among the faces.
extra=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolBraille-Regular.otf
[ -f "$extra" ] || fail "$extra missing (texlive-lang-chinese)"
mkdir -p "$fonts"
cp "$extra" "$fonts/extra.otf"
fc-list | grep -q "$fonts/extra.otf" || fail "fontconfig does not see the extra font"
before=$(cat "$set_file")
"$ANJIAN" render "$tmp/doc.md" --out "$tmp/b.pdf"
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" || fail "an extra installed font changed the PDF"
[ "$(cat "$set_file")" != "$before" ] || fail "the font set was not checked again after a font was installed"
if grep -q 'extra.otf' "$set_file"; then fail "the extra font is in the font set"; fi
if pdffonts "$tmp/b.pdf" | grep -qi 'braille'; then fail "the extra font is used: $(pdffonts "$tmp/b.pdf")"; fi

# A second file of a role family (the Kai face, copied) is found.
kai=$(fc-list ':family=AR PL KaitiM GB' file | head -n 1 | sed 's/: *$//')
[ -n "$kai" ] || fail "AR PL KaitiM GB is not installed (fonts-arphic-gkai00mp)"
cp "$kai" "$fonts/kai-copy.ttf"
"$ANJIAN" render "$tmp/doc.md" --out "$tmp/c.pdf"
grep -q "^face $fonts/kai-copy.ttf\$" "$set_file" || fail "a new face of a role family was not found: $(grep '^face' "$set_file")"
pdffonts "$tmp/c.pdf" | grep -q 'Zen\|Kai' || fail "no Kai face in the PDF: $(pdffonts "$tmp/c.pdf")"

# Without a writable cache directory the same PDF comes out.
rm -rf "$XDG_CACHE_HOME" "$fonts/kai-copy.ttf"
: >"$XDG_CACHE_HOME"
"$ANJIAN" render "$tmp/doc.md" --out "$tmp/d.pdf"
cmp -s "$tmp/a.pdf" "$tmp/d.pdf" || fail "the PDF differs without a font set cache"
echo "ok"
