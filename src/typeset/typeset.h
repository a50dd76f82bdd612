/* The typesetter: a parsed document (front matter + cmark-gfm AST) laid
 * out with Pango in the GB/T 9704-2012 format of ../shared/spec/layout.md,
 * as page operations (typeset/ops.h) for a back end to draw.
 *
 * The back end gives the Pango context to shape with (its font map decides
 * the fonts; 72 units per inch, so Pango's points are PDF points) and a
 * sink that takes each page when it is finished, so a long document never
 * holds more than a page of operations.  A back end calls aj_fonts_init()
 * (typeset/fonts.h) before it makes its font map: that registers fonts
 * with fontconfig, which a font map made earlier would not see.
 *
 * Ownership: the document, options and context stay the caller's; pages
 * go to the sink.
 */
#ifndef AJ_TYPESET_H
#define AJ_TYPESET_H

#include <libxml/tree.h>
#include <pango/pango.h>

#include "markdown/document.h"
#include "typeset/ops.h"

#define AJ_A4_W (210 * AJ_MM)
#define AJ_A4_H (297 * AJ_MM)

typedef struct {
	xmlNodePtr context; /* document context for chart:NAME images; may be NULL */
	gboolean draft;     /* mark every page 草稿 (in the top margin) */
} AjTypesetOptions;

/* Lays doc out and hands the pages to sink in order; *pages (may be NULL)
 * gets their count.  FALSE with err (naming the source line) when the
 * document cannot be set or the sink fails. */
gboolean aj_typeset(const AjDocument *doc, const AjTypesetOptions *opts, PangoContext *pctx,
		    AjPageSink sink, gpointer data, int *pages, GError **err);

#endif
