/* Charts of a bulletin, laid out from the document context.
 *
 * A template names a chart as an image whose source is "chart:NAME"; one
 * layout builds a scene (scene.h) that the PDF's Cairo back end draws as
 * vectors (render_cairo.h) and the site gets as SVG.  `context` is the root
 * element of the document's XML context.
 */
#ifndef AJ_CHART_H
#define AJ_CHART_H

#include <glib.h>
#include <libxml/tree.h>

#include "chart/scene.h"

/* TRUE when NAME is a known chart. */
gboolean aj_chart_exists(const char *name);
/* Preferred height / width ratio of the chart. */
double aj_chart_aspect(const char *name);
/* The chart laid out in the rectangle (0,0)-(width,height), or NULL with
 * err set; the caller frees it with aj_chart_scene_free(). */
AjChartScene *aj_chart_scene(const char *name, xmlNodePtr context, double width, double height,
			     GError **err);
/* An SVG document of the chart; the caller frees it. */
char *aj_chart_svg(const char *name, xmlNodePtr context, double width, double height,
		   GError **err);
/* A sentence that states the chart's numbers (text alternative); caller frees. */
char *aj_chart_alt_text(const char *name, xmlNodePtr context);

#endif
