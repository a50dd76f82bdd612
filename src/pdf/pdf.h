/* The typesetter: a parsed document (front matter + cmark-gfm AST) laid out
 * with Pango on Cairo PDF pages in the GB/T 9704-2012 format of
 * ../shared/spec/layout.md.
 *
 * Ownership: nothing returned needs freeing; the document and the context
 * stay the caller's.
 */
#ifndef AJ_PDF_H
#define AJ_PDF_H

#include <libxml/tree.h>

#include "markdown/document.h"

typedef struct {
	gint64 creation_time; /* seconds since the epoch (SOURCE_DATE_EPOCH); -1: from the document date */
	xmlNodePtr context;   /* document context for chart:NAME images; may be NULL */
} AjPdfOptions;

/* Writes the PDF to path (through a temporary file, renamed at the end) and
 * stores the page count in *pages.  Errors name the source line. */
gboolean aj_pdf_write(const AjDocument *doc, const AjPdfOptions *opts, const char *path,
		      int *pages, GError **err);

#endif
