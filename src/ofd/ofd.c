/* aj_ofd_write(): lays the document out with the PDF back end's fonts
 * (aj_pdf_pages()), writes each page as it is finished (page.c), then the
 * resources, Document.xml and OFD.xml, and zips the package (zip.c). */
#include "ofd/ofd.h"

#include "ofd/state.h"
#include "ofd/zip.h"
#include "pdf/pdf.h"
#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"

static gboolean page_sink(AjPage *page, gpointer data, GError **err)
{
	aj_ofd_page(data, page);
	aj_page_free(page);
	return TRUE;
}

static gboolean font_res(guint id, const char *name, const char *family, gboolean bold,
			 const char *file, GBytes *subset, gpointer data, GError **err)
{
	gpointer *args = data;
	AjOfd *o = args[0];
	AjOfdXml *x = args[1];
	char *path = g_strconcat("Doc_0/Res/", file, NULL);

	aj_ofd_xml_start(x, "Font");
	aj_ofd_xml_attr_id(x, "ID", id);
	aj_ofd_xml_attr(x, "FontName", name);
	if (family)
		aj_ofd_xml_attr(x, "FamilyName", family);
	if (bold)
		aj_ofd_xml_attr(x, "Bold", "true");
	aj_ofd_xml_text(x, "FontFile", file);
	aj_ofd_xml_end(x);
	aj_ofd_add_part(o, path, g_bytes_ref(subset));
	g_free(path);
	return TRUE;
}

/* PublicRes.xml (the fonts) and DocumentRes.xml (the pictures), their
 * files in Doc_0/Res/. */
static gboolean resources(AjOfd *o, GError **err)
{
	AjOfdXml x;
	gpointer args[2] = { o, &x };
	gboolean ok;

	aj_ofd_xml_begin(&x, "Res");
	aj_ofd_xml_attr(&x, "BaseLoc", "Res");
	aj_ofd_xml_start(&x, "Fonts");
	ok = aj_ofd_fonts_each(o->fonts, font_res, args, err);
	aj_ofd_xml_end(&x);
	aj_ofd_xml_finish(&x, o, "Doc_0/PublicRes.xml");
	if (!ok)
		return FALSE;
	aj_ofd_xml_begin(&x, "Res");
	aj_ofd_xml_attr(&x, "BaseLoc", "Res");
	if (o->image_list->len > 0) {
		aj_ofd_xml_start(&x, "MultiMedias");
		for (guint i = 0; i < o->image_list->len; i++) {
			guint id = g_array_index(o->image_ids, guint, i);
			char *file = g_strdup_printf("image_%u.png", id);
			char *path = g_strconcat("Doc_0/Res/", file, NULL);
			aj_ofd_xml_start(&x, "MultiMedia");
			aj_ofd_xml_attr_id(&x, "ID", id);
			aj_ofd_xml_attr(&x, "Type", "Image");
			aj_ofd_xml_attr(&x, "Format", "PNG");
			aj_ofd_xml_text(&x, "MediaFile", file);
			aj_ofd_xml_end(&x);
			aj_ofd_add_part(o, path, g_bytes_ref(g_ptr_array_index(o->image_list, i)));
			g_free(file);
			g_free(path);
		}
		aj_ofd_xml_end(&x);
	}
	aj_ofd_xml_finish(&x, o, "Doc_0/DocumentRes.xml");
	return TRUE;
}

static void document(AjOfd *o)
{
	AjOfdXml x;
	char *area = aj_ofd_box(o->page_w, o->page_h);

	aj_ofd_xml_begin(&x, "Document");
	aj_ofd_xml_start(&x, "CommonData");
	aj_ofd_xml_start(&x, "MaxUnitID");
	xmlTextWriterWriteFormatString(x.w, "%u", o->next_id);
	aj_ofd_xml_end(&x);
	aj_ofd_xml_start(&x, "PageArea");
	aj_ofd_xml_text(&x, "PhysicalBox", area);
	aj_ofd_xml_end(&x);
	aj_ofd_xml_text(&x, "PublicRes", "PublicRes.xml");
	aj_ofd_xml_text(&x, "DocumentRes", "DocumentRes.xml");
	aj_ofd_xml_end(&x);
	aj_ofd_xml_start(&x, "Pages");
	for (guint i = 0; i < o->page_ids->len; i++) {
		char *loc = g_strdup_printf("Pages/Page_%u/Content.xml", i);
		aj_ofd_xml_start(&x, "Page");
		aj_ofd_xml_attr_id(&x, "ID", g_array_index(o->page_ids, guint, i));
		aj_ofd_xml_attr(&x, "BaseLoc", loc);
		aj_ofd_xml_end(&x);
		g_free(loc);
	}
	aj_ofd_xml_end(&x);
	/* Bookmarks point at a place without an action (OFD-A has none). */
	if (o->bookmarks->len > 0) {
		aj_ofd_xml_start(&x, "Bookmarks");
		for (guint i = 0; i < o->bookmarks->len; i++) {
			AjOfdBookmark *b = g_ptr_array_index(o->bookmarks, i);
			GString *n = g_string_new(NULL);
			aj_ofd_xml_start(&x, "Bookmark");
			aj_ofd_xml_attr(&x, "Name", b->title);
			aj_ofd_xml_start(&x, "Dest");
			aj_ofd_xml_attr(&x, "Type", "XYZ");
			aj_ofd_xml_attr_id(&x, "PageID", b->page_id);
			aj_ofd_num(n, b->left);
			aj_ofd_xml_attr(&x, "Left", n->str);
			g_string_truncate(n, 0);
			aj_ofd_num(n, b->top);
			aj_ofd_xml_attr(&x, "Top", n->str);
			aj_ofd_xml_end(&x);
			aj_ofd_xml_end(&x);
			g_string_free(n, TRUE);
		}
		aj_ofd_xml_end(&x);
	}
	aj_ofd_xml_finish(&x, o, "Doc_0/Document.xml");
	g_free(area);
}

/* The date of the document as xs:date: SOURCE_DATE_EPOCH's, else the
 * document's own (成文日期), never the clock. */
static char *creation_date(const AjDocument *doc, const AjOfdOptions *opts)
{
	if (opts && opts->creation_time >= 0) {
		GDateTime *t = g_date_time_new_from_unix_utc(opts->creation_time);
		char *s = t ? g_date_time_format(t, "%Y-%m-%d") : NULL;
		if (t)
			g_date_time_unref(t);
		if (s)
			return s;
	}
	return g_strdup(doc->meta.date ? doc->meta.date : "1970-01-01");
}

static void custom(AjOfdXml *x, const char *name, const char *value)
{
	if (value == NULL)
		return;
	aj_ofd_xml_start(x, "CustomData");
	aj_ofd_xml_attr(x, "Name", name);
	xmlTextWriterWriteString(x->w, BAD_CAST value);
	aj_ofd_xml_end(x);
}

/* OFD.xml: DocInfo with an ID from the package's content (the same
 * document: the same ID), the metadata, and the document's root. */
static void entry(AjOfd *o, const AjDocument *doc, const AjOfdOptions *opts)
{
	const AjDocMeta *m = &doc->meta;
	GChecksum *sum = g_checksum_new(G_CHECKSUM_MD5);
	char *title = aj_document_display_title(doc), *date = creation_date(doc, opts);
	AjOfdXml x;

	for (guint i = 0; i < o->parts->len; i++) {
		AjOfdPart *p = g_ptr_array_index(o->parts, i);
		gsize len;
		const guchar *d = g_bytes_get_data(p->data, &len);
		g_checksum_update(sum, (const guchar *)p->name, -1);
		g_checksum_update(sum, d, (gssize)len);
	}
	aj_ofd_xml_begin(&x, "OFD");
	aj_ofd_xml_attr(&x, "Version", "1.0");
	aj_ofd_xml_attr(&x, "DocType", "OFD-A");
	aj_ofd_xml_start(&x, "DocBody");
	aj_ofd_xml_start(&x, "DocInfo");
	aj_ofd_xml_text(&x, "DocID", g_checksum_get_string(sum));
	aj_ofd_xml_text(&x, "Title", title);
	if (m->issuer)
		aj_ofd_xml_text(&x, "Author", m->issuer);
	if (m->subject)
		aj_ofd_xml_text(&x, "Subject", m->subject);
	aj_ofd_xml_text(&x, "CreationDate", date);
	aj_ofd_xml_text(&x, "ModDate", date);
	aj_ofd_xml_text(&x, "DocUsage", "Normal");
	if (m->keywords) {
		char **words = g_regex_split_simple("[,，;；、\\s]+", m->keywords, 0, 0);
		aj_ofd_xml_start(&x, "Keywords");
		for (char **w = words; *w; w++)
			if (**w)
				aj_ofd_xml_text(&x, "Keyword", *w);
		aj_ofd_xml_end(&x);
		g_strfreev(words);
	}
	aj_ofd_xml_text(&x, "Creator", "anjian");
	aj_ofd_xml_text(&x, "CreatorVersion", ANJIAN_VERSION);
	aj_ofd_xml_start(&x, "CustomDatas");
	if (opts && opts->custom) {
		for (const char *const *c = opts->custom; c[0] && c[1]; c += 2)
			custom(&x, c[0], c[1]);
	} else {
		custom(&x, "题名", title);
		custom(&x, "文件编号", m->number);
		custom(&x, "责任者", m->issuer);
		custom(&x, "日期", m->date);
	}
	aj_ofd_xml_end(&x);
	aj_ofd_xml_end(&x);
	aj_ofd_xml_text(&x, "DocRoot", "Doc_0/Document.xml");
	aj_ofd_xml_end(&x);
	/* OFD.xml first in the zip, as readers look for it. */
	aj_ofd_xml_finish(&x, o, "OFD.xml");
	g_ptr_array_insert(o->parts, 0, g_ptr_array_steal_index(o->parts, o->parts->len - 1));
	g_checksum_free(sum);
	g_free(title);
	g_free(date);
}

static gint64 zip_time(const AjDocument *doc, const AjOfdOptions *opts)
{
	GDateTime *d;
	gint64 t = 0;
	int y, m, dd;

	if (opts && opts->creation_time >= 0)
		return opts->creation_time;
	if (doc->meta.date && sscanf(doc->meta.date, "%d-%d-%d", &y, &m, &dd) == 3 &&
	    (d = g_date_time_new_utc(y, m, dd, 0, 0, 0)) != NULL) {
		t = g_date_time_to_unix(d);
		g_date_time_unref(d);
	}
	return t;
}

gboolean aj_ofd_write(const AjDocument *doc, const AjOfdOptions *opts, const char *path,
		      int *pages, GError **err)
{
	AjOfd *o = aj_ofd_state_new();
	AjPdfOptions popts = { .creation_time = opts ? opts->creation_time : -1,
			       .context = opts ? opts->context : NULL };
	GBytes *zip = NULL;
	gboolean ok = aj_pdf_pages(doc, &popts, page_sink, o, err) && resources(o, err) &&
		      aj_ofd_subset_glyphs(o, err);

	if (ok) {
		document(o);
		entry(o, doc, opts);
		ok = aj_ofd_zip(o->parts, zip_time(doc, opts), &zip, err);
	}
	if (ok) {
		gsize len;
		const void *data = g_bytes_get_data(zip, &len);
		ok = aj_file_write(path, data, len, _("the OFD file"), err);
	}
	if (ok && pages)
		*pages = (int)o->page_ids->len;
	if (zip)
		g_bytes_unref(zip);
	aj_ofd_state_free(o);
	return ok;
}
