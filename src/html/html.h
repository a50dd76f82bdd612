/* The HTML writer: the same cmark-gfm AST the PDF uses, written as a safe
 * HTML fragment (raw HTML in the source is never passed through).
 *
 * What the fragment holds (the site's CSS styles these classes):
 * - Headings shift down one level (# → <h2>), the page title being the
 *   <h1>; each has an id from its text (see escape.h), made unique.
 * - Tables: <div class="table-wrap" tabindex="0" role="region"
 *   aria-label="CAPTION"><table><caption>…, a
 *   <thead> of <th scope="col"> and a <tbody>; cells holding a number
 *   (aj_md_is_number) get class "num", other cells of at most 8 characters
 *   class "short" (kept on one line), GFM column alignment becomes class
 *   "al-l|al-c|al-r" (no style attributes: the site's CSP forbids them).
 *   The caption is the table's caption paragraph (aj_md_table_caption,
 *   inline markup kept, not repeated as a paragraph); otherwise it repeats
 *   the text of the nearest heading before the table at the same level
 *   (class "repeats-heading" when that heading is right above the table,
 *   so CSS can hide the repetition from sight); a table with neither has
 *   none.
 * - Links only where aj_md_url_is_safe() allows; any other target leaves
 *   the link text as text.  Soft breaks follow aj_md_softbreak_joins().
 * - Figures (aj_md_figure_image) become <figure class="chart|image"
 *   id="fig-N"> with a <figcaption> from aj_md_figure_caption(); a chart
 *   is its SVG inline (aj_chart_svg over `context`) followed by its numbers
 *   as a sentence (aj_chart_alt_text).  Images inside running text: a
 *   chart as <span class="chart" id="chart-N">, a picture as <img>, a
 *   refused source as its description.
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
