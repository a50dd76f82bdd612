#include "pdf/cutfaces.h"

#include <cairo-ft.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include "typeset/fonts.h"

typedef struct {
	cairo_font_face_t *face;    /* NULL: the face is not cut */
	hb_subset_plan_t *plan;     /* the whole face's glyph ids to the cut's */
	hb_blob_t *bytes;           /* the cut's, read by its FreeType face */
} Cut;

typedef struct {
	cairo_scaled_font_t *scaled; /* NULL: the face is not cut */
	const hb_map_t *map;
} Scaled;

/* The cuts, made under the lock, for the process ("file\nindex" -> Cut *). */
static GMutex lock;
static GHashTable *cuts;
static FT_Library library;

/* GB 2312's characters (through iconv: no table here), ASCII, Latin-1 and
 * the blocks of punctuation, symbols and forms Chinese text draws from
 * (iconv gives GB 2312's dash as U+2015, text has U+2014). */
static gpointer make_common(gpointer unused)
{
	static const gunichar ranges[][2] = {
		{ 0x20, 0x7e },	    { 0xa0, 0xff },	/* ASCII, Latin-1 */
		{ 0x2000, 0x206f },			/* general punctuation */
		{ 0x2100, 0x21ff },			/* letterlike, number forms, arrows */
		{ 0x2460, 0x24ff },			/* enclosed alphanumerics */
		{ 0x2500, 0x25ff },			/* box drawing, shapes */
		{ 0x3000, 0x303f },			/* CJK symbols and punctuation */
		{ 0xff00, 0xffef },			/* half- and full-width forms */
	};
	hb_set_t *set = hb_set_create();
	GIConv cd = g_iconv_open("UTF-8", "GB2312");

	for (gsize i = 0; i < G_N_ELEMENTS(ranges); i++)
		hb_set_add_range(set, ranges[i][0], ranges[i][1]);
	if (cd == (GIConv)-1)
		return set;
	for (int hi = 0xa1; hi <= 0xf7; hi++)
		for (int lo = 0xa1; lo <= 0xfe; lo++) {
			char in[2] = { (char)hi, (char)lo }, out[8];
			char *ip = in, *op = out;
			gsize il = sizeof in, ol = sizeof out;
			if (g_iconv(cd, &ip, &il, &op, &ol) != (gsize)-1 && op > out)
				hb_set_add(set, g_utf8_get_char_validated(out, op - out));
		}
	g_iconv_close(cd);
	return set;
}

static const hb_set_t *common_chars(void)
{
	static GOnce once = G_ONCE_INIT;

	return g_once(&once, make_common, NULL);
}

/* The glyphs of the common characters. */
static void common_glyphs(hb_face_t *face, hb_set_t *glyphs)
{
	hb_font_t *font = hb_font_create(face);
	hb_codepoint_t c = HB_SET_VALUE_INVALID, g;

	while (hb_set_next(common_chars(), &c))
		if (hb_font_get_nominal_glyph(font, c, &g))
			hb_set_add(glyphs, g);
	hb_font_destroy(font);
}

/* The cut: those glyphs without subroutines (Cairo's subset of a face
 * keeps a stub of each) and without a cmap: for each new glyph of each
 * PDF Cairo looks for the glyph's character by a walk through the whole
 * cmap (a tenth of a dossier's CPU with a cut's 9 000 characters); without
 * one it takes the text drawn with the glyph, the character the cmap gave
 * (test_cutfaces compares the text; the faces here are CID-keyed, so no
 * Latin subset is split off by the character either).  Also without the
 * tables only shaping reads (the pages are shaped); with every name. */
static hb_face_t *cut_of(hb_face_t *face, hb_subset_plan_t **plan)
{
	static const hb_tag_t drop[] = { HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
					 HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
					 HB_TAG('J', 'S', 'T', 'F'), HB_TAG('D', 'S', 'I', 'G'),
					 HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
					 HB_TAG('V', 'O', 'R', 'G'), HB_TAG('c', 'm', 'a', 'p') };
	static const hb_subset_sets_t every[] = { HB_SUBSET_SETS_NAME_ID,
						  HB_SUBSET_SETS_NAME_LANG_ID };
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *out = NULL;

	if (in == NULL)
		return NULL;
	common_glyphs(face, hb_subset_input_glyph_set(in));
	for (gsize i = 0; i < G_N_ELEMENTS(drop); i++)
		hb_set_add(hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
	for (gsize i = 0; i < G_N_ELEMENTS(every); i++) {
		hb_set_clear(hb_subset_input_set(in, every[i]));
		hb_set_invert(hb_subset_input_set(in, every[i]));
	}
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NAME_LEGACY | HB_SUBSET_FLAGS_DESUBROUTINIZE);
	*plan = hb_subset_plan_create_or_fail(face, in);
	if (*plan != NULL)
		out = hb_subset_plan_execute_or_fail(*plan);
	hb_subset_input_destroy(in);
	return out;
}

/* The Cairo face of bytes, kept (with its FreeType face) for the process;
 * NULL when it cannot be made. */
static cairo_font_face_t *cairo_face_of(hb_blob_t *bytes)
{
	unsigned int len = 0;
	const char *data = hb_blob_get_data(bytes, &len);
	FT_Face ft;

	if (library == NULL && FT_Init_FreeType(&library) != 0)
		library = NULL;
	if (library == NULL || len == 0 ||
	    FT_New_Memory_Face(library, (const FT_Byte *)data, (FT_Long)len, 0, &ft) != 0)
		return NULL;
	return cairo_ft_font_face_create_for_ft_face(ft, 0);
}

/* Under the lock. */
static Cut *cut_for(const char *key, hb_face_t *face)
{
	Cut *c = g_hash_table_lookup(cuts, key);
	hb_face_t *sub = NULL;

	if (c != NULL)
		return c;
	c = g_new0(Cut, 1);
	if (aj_face_is_cff(face))
		sub = cut_of(face, &c->plan);
	if (sub != NULL) {
		c->bytes = hb_face_reference_blob(sub);
		c->face = cairo_face_of(c->bytes);
	}
	hb_face_destroy(sub);
	g_hash_table_insert(cuts, g_strdup(key), c);
	return c;
}

/* Whether font is drawn as its file has it (fontconfig's synthetic bold and
 * slant are Cairo's work on the whole face), and then its file and index. */
static char *plain_file(PangoFont *font)
{
	FcPattern *p;
	FcBool embolden = FcFalse;
	FcMatrix *matrix;
	FcChar8 *file;
	int index = 0;

	if (!PANGO_IS_FC_FONT(font) || !PANGO_IS_CAIRO_FONT(font))
		return NULL;
	p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	FcPatternGetBool(p, FC_EMBOLDEN, 0, &embolden);
	if (embolden || FcPatternGetMatrix(p, FC_MATRIX, 0, &matrix) == FcResultMatch ||
	    FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch)
		return NULL;
	FcPatternGetInteger(p, FC_INDEX, 0, &index);
	return g_strdup_printf("%s\n%d", (const char *)file, index);
}

/* As Pango's scaled font, on the cut: the same size, transformation and
 * options, so the same advances. */
static cairo_scaled_font_t *scaled_on(cairo_font_face_t *face, cairo_scaled_font_t *own)
{
	cairo_matrix_t matrix, ctm;
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_scaled_font_t *sf;

	cairo_scaled_font_get_font_matrix(own, &matrix);
	cairo_scaled_font_get_ctm(own, &ctm);
	cairo_scaled_font_get_font_options(own, options);
	sf = cairo_scaled_font_create(face, &matrix, &ctm, options);
	cairo_font_options_destroy(options);
	if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS) {
		cairo_scaled_font_destroy(sf);
		return NULL;
	}
	return sf;
}

static void scaled_free(gpointer p)
{
	Scaled *s = p;

	if (s->scaled != NULL)
		cairo_scaled_font_destroy(s->scaled);
	g_free(s);
}

static void table_free(gpointer p)
{
	g_hash_table_destroy(p);
}

/* This thread's scaled fonts on cuts, by face, size and options (Pango's
 * scaled font of a size lives no longer than its PangoFont). */
static GHashTable *thread_scaled(void)
{
	static GPrivate key = G_PRIVATE_INIT(table_free);
	GHashTable *t = g_private_get(&key);

	if (t == NULL) {
		t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, scaled_free);
		g_private_set(&key, t);
	}
	return t;
}

cairo_scaled_font_t *aj_cut_font(PangoFont *font, const hb_map_t **map)
{
	char *file = plain_file(font), *key;
	cairo_scaled_font_t *own;
	cairo_matrix_t m, ctm;
	GHashTable *mine;
	Scaled *s;
	Cut *c;

	if (file == NULL)
		return NULL;
	own = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
	if (own == NULL || pango_font_get_hb_font(font) == NULL || cairo_scaled_font_status(own) != CAIRO_STATUS_SUCCESS) {
		g_free(file);
		return NULL;
	}
	cairo_scaled_font_get_font_matrix(own, &m);
	cairo_scaled_font_get_ctm(own, &ctm);
	{
		cairo_font_options_t *o = cairo_font_options_create();
		cairo_scaled_font_get_font_options(own, o);
		key = g_strdup_printf("%s\n%a %a %a %a %a %a\n%a %a %a %a\n%lu", file, m.xx, m.yx,
				      m.xy, m.yy, m.x0, m.y0, ctm.xx, ctm.yx, ctm.xy, ctm.yy,
				      cairo_font_options_hash(o));
		cairo_font_options_destroy(o);
	}
	mine = thread_scaled();
	s = g_hash_table_lookup(mine, key);
	if (s == NULL) {
		s = g_new0(Scaled, 1);
		g_mutex_lock(&lock);
		if (cuts == NULL)
			cuts = g_hash_table_new(g_str_hash, g_str_equal);
		c = cut_for(file, hb_font_get_face(pango_font_get_hb_font(font)));
		g_mutex_unlock(&lock);
		if (c->face != NULL && (s->scaled = scaled_on(c->face, own)) != NULL)
			s->map = hb_subset_plan_old_to_new_glyph_mapping(c->plan);
		g_hash_table_insert(mine, key, s);
	} else {
		g_free(key);
	}
	g_free(file);
	*map = s->map;
	return s->scaled;
}
