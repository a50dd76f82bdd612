/* Font resources of an OFD package and their subsets (hb-subset). */
#include "ofd/fonts.h"

#include <hb-subset.h>
#include <hb.h>
#include <hb-ot.h>
#include <pango/pangofc-font.h>

#include "typeset/fonts.h"
#include "util/error.h"
#include "util/i18n.h"

struct AjOfdFont {
	guint id;
	char *name, *family;
	gboolean bold;
	hb_face_t *face;
	hb_font_t *cmap; /* the face's cmap lookups, independent of any size */
	hb_set_t *unicodes, *glyphs;
	hb_subset_plan_t *plan; /* after aj_ofd_fonts_each(): old glyph ids to new */
};

struct AjOfdFonts {
	GHashTable *by_key; /* "file\nindex\nbold" -> AjOfdFont * */
	GPtrArray *list;    /* AjOfdFont *, in ID order; owns them */
};

static void font_free(gpointer p)
{
	AjOfdFont *f = p;

	g_free(f->name);
	g_free(f->family);
	hb_font_destroy(f->cmap);
	hb_face_destroy(f->face);
	hb_set_destroy(f->unicodes);
	hb_set_destroy(f->glyphs);
	hb_subset_plan_destroy(f->plan);
	g_free(f);
}

AjOfdFonts *aj_ofd_fonts_new(void)
{
	AjOfdFonts *set = g_new0(AjOfdFonts, 1);

	set->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	set->list = g_ptr_array_new_with_free_func(font_free);
	return set;
}

void aj_ofd_fonts_free(AjOfdFonts *set)
{
	if (set == NULL)
		return;
	g_hash_table_destroy(set->by_key);
	g_ptr_array_unref(set->list);
	g_free(set);
}

/* A name of the face's name table in English: the same whatever the
 * locale (fontconfig's family names come in the locale's order). */
static char *face_name(hb_face_t *face, hb_ot_name_id_t id)
{
	char buf[256];
	unsigned int len = sizeof buf;

	if (hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &len, buf) == 0)
		return NULL;
	return g_strdup(buf);
}

AjOfdFont *aj_ofd_font(AjOfdFonts *set, PangoFont *font, guint *next_id)
{
	FcPattern *p;
	FcChar8 *file = NULL;
	FcBool embolden = FcFalse;
	int index = 0;
	char *key;
	AjOfdFont *f;
	hb_font_t *hb;

	if (font == NULL || !PANGO_IS_FC_FONT(font))
		return NULL;
	p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch)
		return NULL;
	FcPatternGetInteger(p, FC_INDEX, 0, &index);
	FcPatternGetBool(p, FC_EMBOLDEN, 0, &embolden);
	key = g_strdup_printf("%s\n%d\n%d", (char *)file, index, embolden ? 1 : 0);
	f = g_hash_table_lookup(set->by_key, key);
	if (f != NULL) {
		g_free(key);
		return f;
	}
	hb = pango_font_get_hb_font(font);
	if (hb == NULL) {
		g_free(key);
		return NULL;
	}
	f = g_new0(AjOfdFont, 1);
	f->id = ++*next_id;
	f->face = hb_face_reference(hb_font_get_face(hb));
	f->name = face_name(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME);
	f->family = face_name(f->face, HB_OT_NAME_ID_FONT_FAMILY);
	if (f->name == NULL)
		f->name = g_strdup(f->family ? f->family : "font");
	f->bold = embolden;
	f->cmap = hb_font_create(f->face);
	f->unicodes = hb_set_create();
	f->glyphs = hb_set_create();
	g_hash_table_insert(set->by_key, key, f);
	g_ptr_array_add(set->list, f);
	return f;
}

guint aj_ofd_font_id(const AjOfdFont *f)
{
	return f->id;
}

gboolean aj_ofd_font_bold(const AjOfdFont *f)
{
	return f->bold;
}

gboolean aj_ofd_font_use(AjOfdFont *f, gunichar c, guint32 glyph)
{
	hb_codepoint_t nominal = 0;

	hb_set_add(f->unicodes, c);
	hb_set_add(f->glyphs, glyph);
	return hb_font_get_nominal_glyph(f->cmap, c, &nominal) && nominal == glyph;
}

void aj_ofd_font_use_glyph(AjOfdFont *f, guint32 glyph)
{
	hb_set_add(f->glyphs, glyph);
}

AjOfdFont *aj_ofd_font_by_id(AjOfdFonts *set, guint id)
{
	for (guint i = 0; i < set->list->len; i++) {
		AjOfdFont *f = g_ptr_array_index(set->list, i);
		if (f->id == id)
			return f;
	}
	return NULL;
}

gboolean aj_ofd_font_subset_glyph(const AjOfdFont *f, guint32 glyph, guint32 *out)
{
	hb_codepoint_t g;

	if (f->plan == NULL)
		return FALSE;
	g = hb_map_get(hb_subset_plan_old_to_new_glyph_mapping(f->plan), glyph);
	if (g == HB_MAP_VALUE_INVALID)
		return FALSE;
	*out = g;
	return TRUE;
}

/* The subset of the characters and glyphs used, without the layout
 * tables (positions in OFD are explicit, no reader shapes) or hinting.
 * Its plan stays with the font for the glyph ids of CGTransforms. */
static GBytes *subset(AjOfdFont *f, GError **err)
{
	static const hb_tag_t drop[] = { HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
					 HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
					 HB_TAG('J', 'S', 'T', 'F'), HB_TAG('D', 'S', 'I', 'G') };
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *out = NULL;
	hb_blob_t *blob;
	const char *data;
	unsigned int len = 0;
	GBytes *bytes;

	if (in != NULL) {
		hb_set_union(hb_subset_input_unicode_set(in), f->unicodes);
		hb_set_union(hb_subset_input_glyph_set(in), f->glyphs);
		for (gsize i = 0; i < G_N_ELEMENTS(drop); i++)
			hb_set_add(hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
		hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
		f->plan = hb_subset_plan_create_or_fail(f->face, in);
		out = f->plan ? hb_subset_plan_execute_or_fail(f->plan) : NULL;
		hb_subset_input_destroy(in);
	}
	if (out == NULL) {
		g_set_error(err, AJ_ERROR, EX_SOFTWARE,
			    _("cannot make a subset of the font %s for the OFD file; "
			      "the font file may be damaged (reinstall its package)"),
			    f->name);
		return NULL;
	}
	blob = hb_face_reference_blob(out);
	data = hb_blob_get_data(blob, &len);
	bytes = g_bytes_new(data, len);
	hb_blob_destroy(blob);
	hb_face_destroy(out);
	return bytes;
}

gboolean aj_ofd_fonts_each(AjOfdFonts *set, AjOfdFontFn fn, gpointer data, GError **err)
{
	for (guint i = 0; i < set->list->len; i++) {
		AjOfdFont *f = g_ptr_array_index(set->list, i);
		GBytes *bytes = subset(f, err);
		char *file;
		gboolean ok;

		if (bytes == NULL)
			return FALSE;
		file = g_strdup_printf("font_%u.%s", f->id,
				       aj_face_is_cff(f->face) ? "otf" : "ttf");
		ok = fn(f->id, f->name, f->family, f->bold, file, bytes, data, err);
		g_free(file);
		g_bytes_unref(bytes);
		if (!ok)
			return FALSE;
	}
	return TRUE;
}
