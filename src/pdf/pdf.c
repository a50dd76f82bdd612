/* aj_pdf_write(): the Cairo back end.  It makes the PDF surface and the
 * Pango context the typesetter shapes with, lets src/typeset/ lay the
 * document out, replays each finished page on the surface (replay.c) and
 * writes the PDF atomically. */
#include "pdf/pdf.h"

#include <hb.h>
#include <pango/pangocairo.h>

#include "pdf/dat46.h"
#include "pdf/pdfa.h"
#include "pdf/replay.h"
#include "typeset/fonts.h"
#include "typeset/typeset.h"
#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* cairo 1.16 stamps the clock into /CreationDate unless told otherwise. */
static char *creation_date(const AjDocument *doc, const AjPdfOptions *opts)
{
	if (opts && opts->creation_time >= 0) {
		GDateTime *t = g_date_time_new_from_unix_utc(opts->creation_time);
		char *s = t ? g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ") : NULL;
		if (t)
			g_date_time_unref(t);
		if (s)
			return s;
	}
	if (doc->meta.date)
		return g_strconcat(doc->meta.date, "T00:00:00Z", NULL);
	return g_strdup("1970-01-01T00:00:00Z");
}

static void set_metadata(cairo_surface_t *surface, const AjDocument *doc, const AjPdfOptions *opts)
{
	const AjDocMeta *m = &doc->meta;
	char *date = creation_date(doc, opts);
	char *title = aj_document_display_title(doc);

	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	if (m->issuer)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, m->issuer);
	if (m->subject)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, m->subject);
	if (m->keywords)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, m->keywords);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "anjian");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
	g_free(title);
	g_free(date);
}

/* One font map per thread, kept for every document the thread typesets: a
 * map's fonts cache their glyphs' metrics (each costs FreeType a CFF
 * charstring run) and its font sorts (Pango starts a thread for each), so
 * a new map per document paid both again.  The map chooses the same faces
 * for every document (the font set is fixed, typeset/fontset.h); Pango objects
 * are not shared between threads. */
static PangoFontMap *thread_fontmap(void)
{
	static GPrivate key = G_PRIVATE_INIT(g_object_unref);
	PangoFontMap *map = g_private_get(&key);

	if (map == NULL) {
		aj_fonts_init(); /* it registers fonts with fontconfig: before any font map */
		map = pango_cairo_font_map_new();
		pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
		g_private_set(&key, map);
	}
	return map;
}

/* The context the typesetter shapes with, on this thread's font map: 72
 * units per inch so Pango's points are PDF points, and unhinted, unrounded
 * metrics: advances exactly as designed, so 28 characters fill 156 mm on
 * every machine.  The language, not LANG, decides font fallback and line
 * breaking.  The caller unrefs the context. */
static PangoContext *pango_context(cairo_t *cr)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	PangoContext *pctx = pango_font_map_create_context(thread_fontmap());

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pctx, fo);
	pango_context_set_round_glyph_positions(pctx, FALSE);
	pango_context_set_language(pctx, pango_language_from_string("zh-cn"));
	pango_cairo_update_context(cr, pctx);
	cairo_font_options_destroy(fo);
	return pctx;
}

typedef struct {
	AjReplay replay;
	const char *source;
} Writer;

static gboolean replay_page(AjPage *page, gpointer data, GError **err)
{
	Writer *w = data;
	gboolean ok = aj_replay_page(&w->replay, page, w->source, err);

	aj_page_free(page);
	return ok;
}

/* The document laid out on a PDF surface writing into out, each page
 * handed to sink as it is finished. */
static gboolean run(const AjDocument *doc, const AjPdfOptions *opts, GByteArray *out,
		    AjPageSink sink, gpointer data, Writer *w, int *pages, GError **err)
{
	AjTypesetOptions topts = { .context = opts ? opts->context : NULL,
				   .draft = opts ? opts->draft : FALSE };
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(collect, out, AJ_A4_W,
								       AJ_A4_H);
	cairo_t *cr = cairo_create(surface);
	PangoContext *pctx;
	gboolean ok;

	set_metadata(surface, doc, opts);
	pctx = pango_context(cr);
	if (w != NULL)
		w->replay = (AjReplay){ .surface = surface, .cr = cr, .width = AJ_A4_W,
				       .height = AJ_A4_H, .cut_fonts = opts && opts->cut_fonts };
	/* cairo 1.16 reserves a structure tree for link annotations but only
	 * writes it when a structure tag exists: without one the PDF has a
	 * dangling object (qpdf --check: damaged).  One Document tag fixes it. */
	cairo_tag_begin(cr, "Document", NULL);
	ok = aj_typeset(doc, &topts, pctx, sink, data, pages, err);
	cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (ok && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, _("%s: cairo could not make the PDF (%s)"),
			    doc->source_name, cairo_status_to_string(cairo_surface_status(surface)));
		ok = FALSE;
	}
	cairo_surface_destroy(surface);
	g_object_unref(pctx);
	return ok;
}

gboolean aj_pdf_write(const AjDocument *doc, const AjPdfOptions *opts, const char *path,
		      int *pages, GError **err)
{
	GByteArray *out = g_byte_array_new();
	Writer w = { .source = doc->source_name };
	int n = 0;
	gboolean ok = run(doc, opts, out, replay_page, &w, &w, &n, err);

	if (ok && opts && opts->pdfa) {
		GByteArray *a = NULL;
		AjDat46 d = { 0 };
		char *base = g_path_get_basename(path);

		aj_dat46_from_document(&d, doc, n, AJ_PDFA_FORMAT, base);
		ok = aj_pdfa_convert(out->data, out->len, &d, doc->source_name, &a, err);
		if (ok) {
			g_byte_array_unref(out);
			out = a;
		}
		aj_dat46_clear(&d);
		g_free(base);
	}
	ok = ok && aj_file_write(path, out->data, out->len, _("the PDF"), err);
	if (ok && pages)
		*pages = n;
	g_byte_array_unref(out);
	return ok;
}

gboolean aj_pdf_pages(const AjDocument *doc, const AjPdfOptions *opts, AjPageSink sink,
		      gpointer data, GError **err)
{
	GByteArray *out = g_byte_array_new();
	gboolean ok = run(doc, opts, out, sink, data, NULL, NULL, err);

	g_byte_array_unref(out);
	return ok;
}

void aj_pdf_fingerprint(GPtrArray *lines)
{
	aj_fonts_fingerprint(lines);
	aj_pdfa_fingerprint(lines);
	/* HarfBuzz shapes every run and cuts the faces of dossiers */
	g_ptr_array_add(lines, g_strdup_printf("pango %s cairo %s harfbuzz %s\n",
					       pango_version_string(), cairo_version_string(),
					       hb_version_string()));
}
