/* The HTML writer: the same cmark-gfm AST the PDF uses, written as a safe
 * HTML fragment (raw HTML in the source is never passed through).
 *
 * What the fragment holds (the site's CSS styles these classes):
 * - Headings shift down one level (# → <h2>), the page title being the
 *   <h1>; each has an id from its text (see escape.h), made unique.
 * - Tables: <div class="table-wrap" tabindex="0" role="region"
 *   aria-label="CAPTION"><table><caption>…, a
 *   <thead> of <th scope="col"> and a <tbody>; cells whose text is a number
 *   (12, 1,234, -3.5, 12.5%, or — for "not comparable") get class "num",
 *   other cells of at most 8 characters class "short" (kept on one line),
 *   GFM column alignment becomes class "al-l|al-c|al-r" (no style
 *   attributes: the site's CSP forbids them).
 *   Caption rule: the paragraph right before the table becomes its caption
 *   (and is not repeated as a paragraph) when it is one line of at most 80
 *   characters that starts with "表" and a number ("表1 …", "表一 …") or is
 *   all bold ("**各地区情况**"); otherwise the caption repeats the text of
 *   the nearest heading before the table at the same level (class
 *   "repeats-heading" when that heading is right above the table, so CSS
 *   can hide the repetition from sight); a table with neither has none.
 * - Links only for http, https, mailto and relative targets; any other
 *   scheme (javascript:, data:, vbscript:, …) leaves the link text as text.
 * - Images: "chart:NAME" becomes <figure class="chart"> with the chart's
 *   SVG inline (aj_chart_svg over `context`), a <figcaption> "图N　ALT" and
 *   the chart's numbers as a sentence (aj_chart_alt_text); other images an
 *   <img> with alt, or their alt text when the source is unsafe.
 * - Raw HTML blocks and inline HTML are written as escaped text.
 * Output is well-formed XML (XHTML syntax: <br/>, quoted attributes) and the
 * same bytes for the same input.
 *
 * Ownership: returned strings belong to the caller (g_free()); the writer
 * keeps no reference to doc or context.
 */
#ifndef AJ_HTML_H
#define AJ_HTML_H

#include <libxml/tree.h>

#include "markdown/document.h"

/* The body of doc as an HTML fragment; context feeds chart:NAME images
 * (NULL: charts are shown by caption only, with a warning). */
char *aj_html_fragment(const AjDocument *doc, xmlNodePtr context, GError **err);
/* Appends the fragment of a cmark-gfm tree to out (what aj_html_fragment
 * does, without a copy); source names the document in messages. */
gboolean aj_html_append_fragment(GString *out, cmark_node *root, xmlNodePtr context,
				 const char *source, GError **err);
/* A complete standalone HTML page for `anjian render X.md --out X.html`,
 * written atomically. */
gboolean aj_html_write_page(const AjDocument *doc, const char *path, GError **err);

#endif
