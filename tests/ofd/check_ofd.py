#!/usr/bin/env python3
"""check_ofd.py SCHEMA_DIR FILE.ofd [FILE.pdf]: checks an OFD package as
make check asks (issue 17) and prints one line per check; exit 1 on any
failure.

- every XML part validates against schema/ofd/ (xmllint, by root element);
- IDs are unique, every reference (Font, ResourceID, PageID) resolves to
  an object of the right kind, MaxUnitID is at least the largest ID;
- every BaseLoc, DocRoot, resource file and page exists in the zip;
- every character of every TextCode is in its font's cmap (fontTools), and
  every glyph of a CGTransform in the font;
- with the PDF of the same document: each page's text, in the OFD's
  order, equals pdftotext's of the same page (blanks aside), and each
  character lies within 0.2 mm of the same glyph in the PDF (pdfminer's
  glyph origins).
"""
import io
import math
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://www.ofdspec.org/2016}"
MM = 25.4 / 72.0
TOLERANCE_MM = 0.2
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def nums(s):
    return [float(v) for v in s.split()] if s else []


def resolve(base_dir, loc):
    """A location relative to the folder of the part naming it ("/..." from the root)."""
    if loc.startswith("/"):
        return loc[1:]
    return posixpath.normpath(posixpath.join(base_dir, loc))


def validate(schema_dir, z, tmp):
    by_root = {"OFD": "ofd.xsd", "Document": "document.xsd", "Page": "page.xsd", "Res": "res.xsd"}
    groups = {}
    for name in z.namelist():
        if not name.endswith(".xml"):
            continue
        path = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = z.read(name)
        with open(path, "wb") as f:
            f.write(data)
        root = ET.fromstring(data).tag
        local = root[len(NS):] if root.startswith(NS) else root
        if local not in by_root or not root.startswith(NS):
            fail("%s: root element %s is no OFD part" % (name, root))
            continue
        groups.setdefault(by_root[local], []).append(path)
    n = 0
    for xsd, paths in sorted(groups.items()):
        r = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(schema_dir, xsd)] + paths,
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail("schema %s: %s" % (xsd, r.stderr.strip()[-2000:]))
        n += len(paths)
    print("ok: %d XML parts valid against schema/ofd" % n)


class Package:
    def __init__(self, z):
        self.z = z
        self.names = set(z.namelist())
        self.ids = {}  # ID -> (element local name, part)
        self.refs = []  # (attribute, value, part, wanted kinds)

    def xml(self, name):
        if name not in self.names:
            fail("missing part %s" % name)
            return None
        return ET.fromstring(self.z.read(name))

    def collect_ids(self, root, part):
        for el in root.iter():
            if "ID" in el.attrib:
                i = int(el.attrib["ID"])
                if i in self.ids:
                    fail("%s: ID %d used twice" % (part, i))
                self.ids[i] = (el.tag[len(NS):], part)


def char_positions(obj):
    """(character, x mm, y mm on the page) of a TextObject's TextCodes."""
    bx, by = nums(obj.get("Boundary"))[:2]
    ctm = nums(obj.get("CTM")) or [1, 0, 0, 1, 0, 0]
    out = []
    for tc in obj.findall(NS + "TextCode"):
        text = tc.text or ""
        dx, dy = nums(tc.get("DeltaX")), nums(tc.get("DeltaY"))
        if len(text) > 1 and tc.get("DeltaX") is not None and len(dx) != len(text) - 1:
            fail("TextCode %r: %d DeltaX values for %d characters" % (text[:20], len(dx), len(text)))
        x, y = float(tc.get("X", 0)), float(tc.get("Y", 0))
        for i, c in enumerate(text):
            if i > 0:
                x += dx[i - 1] if i - 1 < len(dx) else 0
                y += dy[i - 1] if i - 1 < len(dy) else 0
            px = bx + ctm[0] * x + ctm[2] * y + ctm[4]
            py = by + ctm[1] * x + ctm[3] * y + ctm[5]
            out.append((c, px, py))
    return out


def check_package(path):
    z = zipfile.ZipFile(path)
    pkg = Package(z)
    ofd = pkg.xml("OFD.xml")
    if ofd is None:
        return None
    if ofd.get("DocType") != "OFD-A":
        fail("DocType is %r, not OFD-A" % ofd.get("DocType"))
    root = ofd.find(NS + "DocBody/" + NS + "DocRoot").text
    doc_name = resolve("", root)
    doc_dir = posixpath.dirname(doc_name)
    doc = pkg.xml(doc_name)
    pkg.collect_ids(doc, doc_name)
    max_id = int(doc.find(NS + "CommonData/" + NS + "MaxUnitID").text)
    fonts = {}
    for tag in ("PublicRes", "DocumentRes"):
        for loc in doc.findall(NS + "CommonData/" + NS + tag):
            res_name = resolve(doc_dir, loc.text)
            res = pkg.xml(res_name)
            if res is None:
                continue
            pkg.collect_ids(res, res_name)
            base = resolve(posixpath.dirname(res_name), res.get("BaseLoc", ""))
            for el in res.iter():
                if el.tag in (NS + "FontFile", NS + "MediaFile"):
                    f = resolve(base, el.text)
                    if f not in pkg.names:
                        fail("%s: %s %s is not in the package" % (res_name, el.tag[len(NS):], f))
            for font in res.iter(NS + "Font"):
                ff = font.find(NS + "FontFile")
                if ff is None:
                    fail("font %s has no FontFile (OFD-A embeds every font)" % font.get("ID"))
                    continue
                fonts[int(font.get("ID"))] = resolve(base, ff.text)
    pages = []
    for p in doc.findall(NS + "Pages/" + NS + "Page"):
        name = resolve(doc_dir, p.get("BaseLoc"))
        page = pkg.xml(name)
        if page is None:
            continue
        pkg.collect_ids(page, name)
        pages.append((name, page))
    for b in doc.iter(NS + "Dest"):
        pkg.refs.append(("PageID", int(b.get("PageID")), doc_name, {"Page"}))
    for name, page in pages:
        for obj in page.iter(NS + "TextObject"):
            pkg.refs.append(("Font", int(obj.get("Font")), name, {"Font"}))
        for obj in page.iter(NS + "ImageObject"):
            pkg.refs.append(("ResourceID", int(obj.get("ResourceID")), name, {"MultiMedia"}))
    for attr, ref, part, kinds in pkg.refs:
        if ref not in pkg.ids:
            fail("%s: %s=%d resolves to nothing" % (part, attr, ref))
        elif pkg.ids[ref][0] not in kinds:
            fail("%s: %s=%d is a %s" % (part, attr, ref, pkg.ids[ref][0]))
    if pkg.ids and max(pkg.ids) > max_id:
        fail("MaxUnitID %d < largest ID %d" % (max_id, max(pkg.ids)))
    if any(a in ET.tostring(el, encoding="unicode") for _, el in pages for a in ("<ofd:Actions", "Actions")):
        fail("a page has actions (OFD-A has none)")
    print("ok: %d IDs unique and resolved, MaxUnitID %d, %d pages, %d fonts, every location in the zip"
          % (len(pkg.ids), max_id, len(pages), len(fonts)))
    check_cmaps(z, pages, fonts)
    return pages


def check_cmaps(z, pages, fonts):
    from fontTools.ttLib import TTFont
    cmaps, counts = {}, {}
    for fid, f in fonts.items():
        tt = TTFont(io.BytesIO(z.read(f)))
        cmaps[fid] = tt.getBestCmap() or {}
        counts[fid] = tt["maxp"].numGlyphs
    n = 0
    for name, page in pages:
        for obj in page.iter(NS + "TextObject"):
            fid = int(obj.get("Font"))
            cmap = cmaps.get(fid, {})
            for tc in obj.findall(NS + "TextCode"):
                for c in tc.text or "":
                    n += 1
                    if ord(c) not in cmap:
                        fail("%s: U+%04X %s is not in the cmap of font %d" % (name, ord(c), c, fid))
            for cg in obj.findall(NS + "CGTransform"):
                for g in nums(cg.findtext(NS + "Glyphs")):
                    if g >= counts.get(fid, 0):
                        fail("%s: glyph %d is not in font %d" % (name, g, fid))
    print("ok: %d characters of TextCodes in their fonts' cmaps" % n)


def squeeze(s):
    return re.sub(r"\s+", "", s)


def pdf_chars(pdf):
    """Per page: (text, x mm, y mm from the top) of every glyph, in the
    order of the content stream."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    rm = PDFResourceManager()
    dev = PDFPageAggregator(rm, laparams=None)
    interp = PDFPageInterpreter(rm, dev)
    out = []
    with open(pdf, "rb") as f:
        for page in PDFPage.get_pages(f):
            interp.process_page(page)
            lt = dev.get_result()
            h = page.mediabox[3]
            chars = []
            for item in lt:
                if isinstance(item, LTChar):
                    e, fy = item.matrix[4], item.matrix[5]
                    chars.append((item.get_text(), e * MM, (h - fy) * MM))
            out.append(chars)
    return out


def check_against_pdf(pages, pdf):
    pdf_pages = pdf_chars(pdf)
    if len(pdf_pages) != len(pages):
        fail("the OFD has %d pages, the PDF %d" % (len(pages), len(pdf_pages)))
        return
    worst, n = 0.0, 0
    for i, (name, page) in enumerate(pages):
        ofd = [c for obj in page.iter(NS + "TextObject") for c in char_positions(obj)]
        text = subprocess.run(["pdftotext", "-raw", "-f", str(i + 1), "-l", str(i + 1), pdf, "-"],
                              capture_output=True, text=True, check=True).stdout
        ofd_text = squeeze("".join(c for c, _, _ in ofd))
        if ofd_text != squeeze(text):
            a, b = ofd_text, squeeze(text)
            k = next((j for j in range(min(len(a), len(b))) if a[j] != b[j]), min(len(a), len(b)))
            fail("page %d: OFD text differs from pdftotext at character %d: OFD %r, PDF %r"
                 % (i + 1, k, a[k:k + 20], b[k:k + 20]))
        ofd = [c for c in ofd if not c[0].isspace()]
        glyphs = [g for g in pdf_chars_split(pdf_pages[i]) if not g[0].isspace()]
        if len(ofd) != len(glyphs):
            fail("page %d: %d characters in the OFD, %d glyphs in the PDF" % (i + 1, len(ofd), len(glyphs)))
            continue
        for (c, x, y), (pc, px, py) in zip(ofd, glyphs):
            d = math.hypot(x - px, y - py)
            n += 1
            worst = max(worst, d)
            if c != pc:
                fail("page %d: character %r in the OFD where the PDF has %r" % (i + 1, c, pc))
                break
            if d > TOLERANCE_MM:
                fail("page %d: %r at (%.3f, %.3f) mm in the OFD, (%.3f, %.3f) mm in the PDF"
                     % (i + 1, c, x, y, px, py))
                break
    print("ok: %d pages' text equals pdftotext's; %d characters placed as in the PDF, "
          "at most %.4f mm apart" % (len(pages), n, worst))


def pdf_chars_split(chars):
    """A glyph that stands for several characters (a ligature) as that many
    characters at its origin, as the OFD writes them."""
    for t, x, y in chars:
        for c in t:
            yield (c, x, y)


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        sys.exit(64)
    schema_dir, ofd = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        validate(schema_dir, zipfile.ZipFile(ofd), tmp)
    pages = check_package(ofd)
    if pages is not None and len(sys.argv) == 4:
        check_against_pdf(pages, sys.argv[3])
    if failures:
        print("%d failed: %s" % (len(failures), ofd))
        sys.exit(1)


if __name__ == "__main__":
    main()
