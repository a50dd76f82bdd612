/* Inline SVG for HTML pages: a chart's SVG document made safe to paste into
 * a page under a strict Content-Security-Policy.
 *
 * The SVG comes from our own chart code, but it carries names from the data,
 * and several charts share one page, so it is parsed and rewritten rather
 * than pasted: scripts, event handlers, foreign content and external
 * references are dropped; `style` attributes (blocked by the CSP) become
 * presentation attributes; ids get id_prefix so two charts on a page never
 * share an id; the fixed width/height go (CSS sizes the figure, viewBox
 * keeps the proportions).
 *
 * Ownership: appends to the caller's GString.
 */
#ifndef AJ_HTML_SVG_H
#define AJ_HTML_SVG_H

#include <glib.h>

/* Appends the <svg> element of svg (len bytes) to out.  Returns FALSE with
 * err (EX_SOFTWARE) naming `what` when svg is not a well-formed SVG. */
gboolean aj_html_inline_svg(GString *out, const char *svg, gsize len, const char *id_prefix,
			    const char *what, GError **err);

#endif
