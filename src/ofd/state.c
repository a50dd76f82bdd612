/* The writer's shared state and its XML parts (libxml2's xmlwriter). */
#include "ofd/state.h"

#include <pango/pangocairo.h>

#include "chart/text.h"

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
