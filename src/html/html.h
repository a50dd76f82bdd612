/* The HTML writer: the same cmark-gfm AST the PDF uses, written as a safe
 * HTML fragment (raw HTML in the source is never passed through).
 *
 * Ownership: returned strings belong to the caller (g_free()).
 */
#ifndef AJ_HTML_H
#define AJ_HTML_H

#include <libxml/tree.h>

#include "markdown/document.h"

/* The body of doc as an HTML fragment; context feeds chart:NAME images. */
char *aj_html_fragment(const AjDocument *doc, xmlNodePtr context, GError **err);
/* A complete standalone HTML page for `anjian render X.md --out X.html`. */
gboolean aj_html_write_page(const AjDocument *doc, const char *path, GError **err);

#endif
