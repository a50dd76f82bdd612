/* aj_pdf_write(): sets up Cairo and Pango for one document, walks the
 * document's parts in GB/T 9704 order, and writes the PDF atomically. */
#include <string.h>

#include "markdown/document.h"
#include "util/error.h"
#include "util/file.h"
#include "pdf/typeset.h"

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

static cmark_node *first_heading(const AjDocument *doc)
{
	cmark_node *c = cmark_node_first_child(doc->root);
	while (c && cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK)
		c = cmark_node_next(c);
	if (c && cmark_node_get_type(c) == CMARK_NODE_HEADING && cmark_node_get_heading_level(c) == 1)
		return c;
	return NULL;
}

static void set_metadata(AjTs *ts)
{
	const AjDocMeta *m = &ts->doc->meta;
	char *date = creation_date(ts->doc, ts->opts);
	char *title = NULL;
	cmark_node *h = ts->doc->has_front_matter ? NULL : first_heading(ts->doc);

	if (m->title)
		title = g_strdup(m->title);
	else if (h)
		title = g_strstrip(aj_document_node_text(h));
	else
		title = g_path_get_basename(ts->doc->source_name);
	cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_TITLE, title);
	if (m->issuer)
		cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_AUTHOR, m->issuer);
	if (m->subject)
		cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_SUBJECT, m->subject);
	if (m->keywords)
		cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_KEYWORDS,
					       m->keywords);
	cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_CREATOR, "anjian");
	cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
	g_free(title);
	g_free(date);
}

static void setup_pango(AjTs *ts)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	/* A font map of our own: Pango's default one is per thread anyway, and
	 * this keeps every document independent of the others. */
	ts->fontmap = pango_cairo_font_map_new();
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(ts->fontmap), 72.0);
	ts->pctx = pango_font_map_create_context(ts->fontmap);
	/* Unhinted, unrounded metrics: advances exactly as designed, so 28
	 * characters fill 156 mm on every machine. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ts->pctx, fo);
	pango_context_set_round_glyph_positions(ts->pctx, FALSE);
	/* The language, not LANG, decides font fallback and line breaking. */
	pango_context_set_language(ts->pctx, pango_language_from_string("zh-cn"));
	pango_cairo_update_context(ts->cr, ts->pctx);
	cairo_font_options_destroy(fo);
}

/* Without front matter a leading level-1 heading is the title. */
static cmark_node *plain_title(AjTs *ts)
{
	cmark_node *h = first_heading(ts->doc);
	int n;
	char *t = NULL;
	AjParaStyle st = { .role = AJ_FONT_TITLE, .size = 22, .align = PANGO_ALIGN_CENTER,
			   .grid = TRUE };
	AjInline in;

	if (h == NULL || aj_document_attachment(ts->doc, h, &n, &t)) {
		g_free(t);
		return cmark_node_first_child(ts->doc->root);
	}
	aj_inline_init(&in);
	aj_inline_append_nodes(&in, h, AJ_FONT_TITLE);
	ts->src_line = aj_document_line(ts->doc, h);
	aj_ts_begin_page(ts);
	aj_outline_add(ts, 1, in.text->str, ts->y);
	aj_para_set(ts, &in, &st);
	ts->y += AJ_PITCH;
	ts->heading_shift = 1;
	aj_inline_clear(&in);
	return cmark_node_next(h);
}

static void typeset(AjTs *ts)
{
	AjBlockCtx ctx = { .margin = 0, .role = AJ_FONT_FANG };
	cmark_node *start, *c;
	int n;
	char *title = NULL;

	if (ts->doc->has_front_matter) {
		aj_official_header(ts);
		start = cmark_node_first_child(ts->doc->root);
	} else {
		start = plain_title(ts);
	}
	for (c = start; c; c = cmark_node_next(c))
		if (aj_document_attachment(ts->doc, c, &n, &title))
			break;
	g_clear_pointer(&title, g_free);
	aj_blocks_set(ts, start, c, &ctx);
	if (!ts->page_open)
		aj_ts_begin_page(ts); /* page 1 exists even for an empty body */
	if (ts->doc->has_front_matter)
		aj_official_closing(ts);
	while (c && !ts->err) {
		cmark_node *next;
		aj_document_attachment(ts->doc, c, &n, &title);
		ts->src_line = aj_document_line(ts->doc, c);
		aj_official_attachment_title(ts, n, title);
		g_clear_pointer(&title, g_free);
		for (next = cmark_node_next(c); next; next = cmark_node_next(next))
			if (aj_document_attachment(ts->doc, next, &n, &title))
				break;
		g_clear_pointer(&title, g_free);
		aj_blocks_set(ts, cmark_node_next(c), next, &ctx);
		c = next;
	}
	aj_official_imprint(ts);
	aj_ts_end_page(ts);
}

gboolean aj_pdf_write(const AjDocument *doc, const AjPdfOptions *opts, const char *path,
		      int *pages, GError **err)
{
	AjTs ts = { .doc = doc, .opts = opts };
	gboolean ok = FALSE;

	aj_fonts_init();
	ts.out = g_byte_array_new();
	ts.surface = cairo_pdf_surface_create_for_stream(collect, ts.out, AJ_PAGE_W, AJ_PAGE_H);
	ts.cr = cairo_create(ts.surface);
	set_metadata(&ts);
	setup_pango(&ts);
	/* cairo 1.16 reserves a structure tree for link annotations but only
	 * writes it when a structure tag exists: without one the PDF has a
	 * dangling object (qpdf --check: damaged).  One Document tag fixes it. */
	cairo_tag_begin(ts.cr, "Document", NULL);
	typeset(&ts);
	cairo_tag_end(ts.cr, "Document");
	cairo_destroy(ts.cr);
	cairo_surface_finish(ts.surface);
	if (ts.err) {
		g_propagate_error(err, ts.err);
		ts.err = NULL;
		goto done;
	}
	if (cairo_surface_status(ts.surface) != CAIRO_STATUS_SUCCESS) {
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, "%s: cairo could not make the PDF (%s)",
			    doc->source_name,
			    cairo_status_to_string(cairo_surface_status(ts.surface)));
		goto done;
	}
	if (!aj_file_write(path, ts.out->data, ts.out->len, "the PDF", err))
		goto done;
	if (pages)
		*pages = ts.page;
	ok = TRUE;
done:
	cairo_surface_destroy(ts.surface);
	g_free(ts.held_heading);
	g_free(ts.held_outline);
	g_clear_object(&ts.pctx);
	g_clear_object(&ts.fontmap);
	g_byte_array_unref(ts.out);
	return ok;
}
