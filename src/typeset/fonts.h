/* Font roles of GB/T 9704 (小标宋, 仿宋, 黑体, 楷体, 宋体) as Pango font
 * descriptions built from explicit family lists (never from the locale).
 *
 * aj_fonts_init() makes the process's fontconfig configuration one of the
 * role faces alone (typeset/fontset.h; FandolFang from texlive included) and
 * picks, for each role, the first installed family of its list, once per
 * process; it also readies the calling thread's heap for the font tables
 * cairo copies when it embeds a face.  Call it before any Pango use (a
 * chart's text too); it is safe to call from any thread.  aj_font_desc()
 * returns a new description the caller frees with
 * pango_font_description_free().
 */
#ifndef AJ_TYPESET_FONTS_H
#define AJ_TYPESET_FONTS_H

#include <hb.h>
#include <pango/pango.h>

typedef enum {
	AJ_FONT_TITLE, /* 小标宋 */
	AJ_FONT_FANG,  /* 仿宋, body */
	AJ_FONT_HEI,   /* 黑体 */
	AJ_FONT_KAI,   /* 楷体 */
	AJ_FONT_SONG,  /* 宋体 */
	AJ_FONT_MONO,  /* code */
	AJ_FONT_N
} AjFontRole;

void aj_fonts_init(void);
PangoFontDescription *aj_font_desc(AjFontRole role, double size_pt);
/* The family list of a role, as set in descriptions (for tests and logs). */
const char *aj_font_families(AjFontRole role);
/* NULL when every role has one of its official faces, else the roles
 * without one and the face standing in for each: "小标宋 → Noto Serif CJK
 * SC Bold, 仿宋 → FandolFang".  Owned by the font set (lives for the process). */
const char *aj_fonts_fallbacks(void);
/* Appends to lines (char *, g_free'd by the array) one "...\n" line per
 * thing the fonts of a typeset document depend on: each role's families
 * and every font file fontconfig knows with its size and mtime, so a font
 * installed, removed or replaced changes them even when the family names
 * do not.  In no particular order. */
void aj_fonts_fingerprint(GPtrArray *lines);

/* Whether face has CFF outlines (OpenType/CFF) rather than TrueType ones. */
gboolean aj_face_is_cff(hb_face_t *face);

#endif
