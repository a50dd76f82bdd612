/* The writer's shared state and its XML parts (libxml2's xmlwriter). */
#include "ofd/state.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "chart/text.h"
#include "util/error.h"
#include "util/i18n.h"

static void part_free(gpointer p)
{
	AjOfdPart *part = p;

	g_free(part->name);
	g_bytes_unref(part->data);
	g_free(part);
}

static void bookmark_free(gpointer p)
{
	AjOfdBookmark *b = p;

	g_free(b->title);
	g_free(b);
}

AjOfd *aj_ofd_state_new(void)
{
	AjOfd *o = g_new0(AjOfd, 1);

	o->fonts = aj_ofd_fonts_new();
	o->images = g_hash_table_new_full(g_bytes_hash, g_bytes_equal,
					  (GDestroyNotify)g_bytes_unref, NULL);
	o->image_list = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
	o->image_ids = g_array_new(FALSE, FALSE, sizeof(guint));
	o->parts = g_ptr_array_new_with_free_func(part_free);
	o->page_ids = g_array_new(FALSE, FALSE, sizeof(guint));
	o->glyph_parts = g_array_new(FALSE, FALSE, sizeof(guint));
	o->bookmarks = g_ptr_array_new_with_free_func(bookmark_free);
	/* Chart text is laid out as the Cairo back end lays it out
	 * (chart/render_cairo.c): on the default font map, set up alike. */
	o->chart_ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	aj_chart_text_setup_context(o->chart_ctx);
	o->recorder = aj_recorder_new();
	return o;
}

void aj_ofd_state_free(AjOfd *o)
{
	if (o == NULL)
		return;
	aj_ofd_fonts_free(o->fonts);
	g_hash_table_destroy(o->images);
	g_ptr_array_unref(o->image_list);
	g_array_unref(o->image_ids);
	g_ptr_array_unref(o->parts);
	g_array_unref(o->page_ids);
	g_array_unref(o->glyph_parts);
	g_ptr_array_unref(o->bookmarks);
	g_object_unref(o->chart_ctx);
	aj_recorder_free(o->recorder);
	g_free(o);
}

void aj_ofd_add_part(AjOfd *o, const char *name, GBytes *data)
{
	AjOfdPart *part = g_new0(AjOfdPart, 1);

	part->name = g_strdup(name);
	part->data = data;
	g_ptr_array_add(o->parts, part);
}

guint aj_ofd_image_id(AjOfd *o, GBytes *png)
{
	gpointer id = g_hash_table_lookup(o->images, png);

	if (id == NULL) {
		guint n = ++o->next_id;
		id = GUINT_TO_POINTER(n);
		g_hash_table_insert(o->images, g_bytes_ref(png), id);
		g_ptr_array_add(o->image_list, g_bytes_ref(png));
		g_array_append_val(o->image_ids, n);
	}
	return GPOINTER_TO_UINT(id);
}

void aj_ofd_num(GString *s, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	gsize n;

	g_ascii_formatd(buf, sizeof buf, "%.3f", v);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		n--;
	if (n > 0 && buf[n - 1] == '.')
		n--;
	buf[n] = '\0';
	g_string_append(s, strcmp(buf, "-0") == 0 ? "0" : buf);
}

void aj_ofd_xml_begin(AjOfdXml *x, const char *root)
{
	x->buf = xmlBufferCreate();
	x->w = xmlNewTextWriterMemory(x->buf, 0);
	xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElementNS(x->w, BAD_CAST "ofd", BAD_CAST root, BAD_CAST AJ_OFD_NS);
}

void aj_ofd_xml_start(AjOfdXml *x, const char *name)
{
	xmlTextWriterStartElementNS(x->w, BAD_CAST "ofd", BAD_CAST name, NULL);
}

void aj_ofd_xml_end(AjOfdXml *x)
{
	xmlTextWriterEndElement(x->w);
}

void aj_ofd_xml_attr(AjOfdXml *x, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value);
}

void aj_ofd_xml_attr_id(AjOfdXml *x, const char *name, guint id)
{
	xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST name, "%u", id);
}

void aj_ofd_xml_text(AjOfdXml *x, const char *name, const char *text)
{
	aj_ofd_xml_start(x, name);
	xmlTextWriterWriteString(x->w, BAD_CAST text);
	aj_ofd_xml_end(x);
}

void aj_ofd_xml_finish(AjOfdXml *x, AjOfd *o, const char *name)
{
	xmlTextWriterEndDocument(x->w);
	xmlFreeTextWriter(x->w);
	aj_ofd_add_part(o, name,
			g_bytes_new(xmlBufferContent(x->buf), (gsize)xmlBufferLength(x->buf)));
	xmlBufferFree(x->buf);
	x->w = NULL;
	x->buf = NULL;
}

char *aj_ofd_box(double w, double h)
{
	GString *s = g_string_new("0 0 ");

	aj_ofd_num(s, w * AJ_OFD_MM);
	g_string_append_c(s, ' ');
	aj_ofd_num(s, h * AJ_OFD_MM);
	return g_string_free(s, FALSE);
}

typedef struct {
	AjOfd *o;
	gboolean ok;
} Remap;

static gboolean subset_glyph(const GMatchInfo *m, GString *out, gpointer data)
{
	Remap *r = data;
	char *font = g_match_info_fetch(m, 1), *glyph = g_match_info_fetch(m, 2);
	AjOfdFont *f = aj_ofd_font_by_id(r->o->fonts, (guint)g_ascii_strtoull(font, NULL, 10));
	guint32 g = 0;

	if (f != NULL && aj_ofd_font_subset_glyph(f, (guint32)g_ascii_strtoull(glyph, NULL, 10), &g))
		g_string_append_printf(out, "%u", g);
	else
		r->ok = FALSE;
	g_free(font);
	g_free(glyph);
	return FALSE;
}

gboolean aj_ofd_subset_glyphs(AjOfd *o, GError **err)
{
	GRegex *re = g_regex_new("@([0-9]+):([0-9]+)", G_REGEX_OPTIMIZE, 0, NULL);
	Remap r = { .o = o, .ok = TRUE };

	for (guint i = 0; i < o->glyph_parts->len; i++) {
		AjOfdPart *part = g_ptr_array_index(o->parts, g_array_index(o->glyph_parts, guint, i));
		gsize len;
		const char *xml = g_bytes_get_data(part->data, &len);
		char *done = g_regex_replace_eval(re, xml, (gssize)len, 0, 0, subset_glyph, &r, NULL);
		if (done == NULL)
			continue;
		g_bytes_unref(part->data);
		part->data = g_bytes_new_take(done, strlen(done));
	}
	g_regex_unref(re);
	if (!r.ok)
		g_set_error(err, AJ_ERROR, EX_SOFTWARE,
			    _("a font subset for the OFD file lost a glyph; report this with the "
			      "document"));
	return r.ok;
}
