/* CJK faces cut to the common characters, for the PDF writer to embed
 * from.  Cairo 1.16 copies a CFF face's whole table twice for every PDF
 * that uses the face (15–24 MB for a Noto CJK face), parses it, and embeds
 * a subset keeping a stub of each of the face's ~30 000 subroutines: about
 * 5–10 CPU ms and 50 kB per face and document, most of a short document's
 * cost.  A face cut by hb-subset, once per process, to the glyphs of GB
 * 2312's characters, ASCII, Latin-1 and the punctuation blocks, without
 * subroutines or cmap, is a few MB: the same embedding costs a fraction of
 * that.  The cut keeps each glyph's outline, hints and width, so pages
 * drawn with it look as with the whole face; Cairo takes each glyph's text
 * from the text drawn instead of the cmap, the same characters; only the
 * embedded font program's bytes differ.  A glyph run the cut lacks a glyph
 * of (a rare character, a glyph only shaping reaches) is drawn with the
 * whole face.
 *
 * The cuts are made on first use and live for the process; any thread may
 * use them.  Scaled fonts returned are kept per thread (so their glyphs'
 * metrics are computed once), owned by the cache: never destroy them.
 */
#ifndef AJ_PDF_CUTFACES_H
#define AJ_PDF_CUTFACES_H

#include <cairo.h>
#include <hb.h>
#include <pango/pango.h>

/* The scaled font of font's size and options on the cut of its face, and
 * in *map the id in the cut of each of the face's glyphs it has (no entry:
 * not in the cut); NULL when font's face is not cut (not a CFF font file,
 * emboldened or slanted by fontconfig, the cut failed): draw with font's
 * own scaled font then. */
cairo_scaled_font_t *aj_cut_font(PangoFont *font, const hb_map_t **map);

#endif
