/* The fonts of an OFD package: each font file (and face in a collection)
 * the page operations use becomes one font resource whose file is a subset
 * made by HarfBuzz's hb-subset with the characters and glyphs used.
 * Readers of OFD map a TextCode's characters to glyphs through the font's
 * cmap, so a glyph that is not the cmap's glyph of its character is named
 * with a CGTransform, by its id in the subset (known once the subset is
 * made: the pages name it by its id in the font until then).
 *
 * Ownership: aj_ofd_fonts_new() returns a set freed with
 * aj_ofd_fonts_free(); fonts returned belong to the set.
 */
#ifndef AJ_OFD_FONTS_H
#define AJ_OFD_FONTS_H

#include <pango/pango.h>

typedef struct AjOfdFonts AjOfdFonts;
typedef struct AjOfdFont AjOfdFont;

AjOfdFonts *aj_ofd_fonts_new(void);
void aj_ofd_fonts_free(AjOfdFonts *set);

/* The resource of font's face, made on first use with an ID from
 * *next_id; NULL when the font is not one of fontconfig's (no file). */
AjOfdFont *aj_ofd_font(AjOfdFonts *set, PangoFont *font, guint *next_id);
guint aj_ofd_font_id(const AjOfdFont *f);
/* Drawn emboldened by the PDF back end (fontconfig's embolden). */
gboolean aj_ofd_font_bold(const AjOfdFont *f);

/* Records that c is drawn with glyph; TRUE when glyph is c's glyph in
 * the font's cmap, FALSE when a CGTransform must name it. */
gboolean aj_ofd_font_use(AjOfdFont *f, gunichar c, guint32 glyph);
/* Records a glyph named by a CGTransform. */
void aj_ofd_font_use_glyph(AjOfdFont *f, guint32 glyph);
/* The font of an ID, or NULL. */
AjOfdFont *aj_ofd_font_by_id(AjOfdFonts *set, guint id);
/* The id in the subset of glyph (after aj_ofd_fonts_each()); FALSE when
 * the subset lacks it. */
gboolean aj_ofd_font_subset_glyph(const AjOfdFont *f, guint32 glyph, guint32 *out);

/* Calls fn for every font in ID order with its resource attributes and
 * subset (NULL with err set when hb-subset fails); stops at a FALSE. */
typedef gboolean (*AjOfdFontFn)(guint id, const char *name, const char *family, gboolean bold,
				const char *file, GBytes *subset, gpointer data, GError **err);
gboolean aj_ofd_fonts_each(AjOfdFonts *set, AjOfdFontFn fn, gpointer data, GError **err);

#endif
