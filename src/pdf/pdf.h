/* The PDF writer: the Cairo back end of the typesetter.  src/typeset/ lays
 * a document out as page operations; this replays them on a Cairo PDF
 * surface and owns the surface, the metadata (title, author, dates) and
 * the outline.  No other part of anjian draws with Cairo (charts have their
 * own Cairo back end, src/chart/render_cairo.c, called from here).
 *
 * Ownership: nothing returned needs freeing; the document and the context
 * stay the caller's.
 */
#ifndef AJ_PDF_H
#define AJ_PDF_H

#include <libxml/tree.h>

#include "markdown/document.h"
#include "typeset/ops.h"

typedef struct {
	gboolean pdfa;        /* PDF/A-2b (pdf/pdfa.h), for archives */
	gint64 creation_time; /* seconds since the epoch (SOURCE_DATE_EPOCH); -1: from the document date */
	xmlNodePtr context;   /* document context for chart:NAME images; may be NULL */
	gboolean draft;       /* mark every page 草稿 (in the top margin) */
	gboolean cut_fonts;   /* embed from CJK faces cut to the common characters
	                       * (pdf/cutfaces.h): the same pages, other font
	                       * programs' bytes, far less work for a short document */
} AjPdfOptions;

/* Writes the PDF to path (through a temporary file, renamed at the end) and
 * stores the page count in *pages.  Errors name the source line. */
gboolean aj_pdf_write(const AjDocument *doc, const AjPdfOptions *opts, const char *path,
		      int *pages, GError **err);

/* Appends to lines (char *, g_free'd by the array) what a PDF depends on
 * besides its document and options: the typesetter's fonts
 * (aj_fonts_fingerprint()) and the versions of Pango, Cairo and HarfBuzz.
 * A cache of PDFs keys on them. */
void aj_pdf_fingerprint(GPtrArray *lines);

/* The pages aj_pdf_write() would draw, laid out with the same fonts and
 * handed to sink one by one, without writing a PDF: for tests of where
 * things are and for other back ends of the same page operations. */
gboolean aj_pdf_pages(const AjDocument *doc, const AjPdfOptions *opts, AjPageSink sink,
		      gpointer data, GError **err);

#endif
