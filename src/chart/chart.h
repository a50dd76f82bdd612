/* Charts of a bulletin, drawn with Cairo from the document context.
 *
 * A template names a chart as an image whose source is "chart:NAME"; the
 * same drawing code fills a PDF page region (vector) and an SVG file.
 * `context` is the root element of the document's XML context.
 */
#ifndef AJ_CHART_H
#define AJ_CHART_H

#include <cairo.h>
#include <glib.h>
#include <libxml/tree.h>

/* TRUE when NAME is a known chart. */
gboolean aj_chart_exists(const char *name);
/* Preferred height / width ratio of the chart. */
double aj_chart_aspect(const char *name);
/* Draws the chart into the rectangle (0,0)-(width,height) of cr. */
gboolean aj_chart_draw(const char *name, xmlNodePtr context, cairo_t *cr, double width,
		       double height, GError **err);
/* An SVG document of the chart; the caller frees it. */
char *aj_chart_svg(const char *name, xmlNodePtr context, double width, double height,
		   GError **err);
/* A sentence that states the chart's numbers (text alternative); caller frees. */
char *aj_chart_alt_text(const char *name, xmlNodePtr context);

#endif
