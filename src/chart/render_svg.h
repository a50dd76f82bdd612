/* The SVG back end of a chart scene (the other is render_cairo.h).
 *
 * Ownership: aj_chart_render_svg() returns a string the caller frees with
 * g_free(); the scene stays the caller's.
 */
#ifndef AJ_CHART_RENDER_SVG_H
#define AJ_CHART_RENDER_SVG_H

#include "chart/scene.h"

/* A standalone SVG element (no XML declaration, so it can be inlined in
 * HTML): viewBox, role="img", <title> and <desc>, text as <text>, only
 * presentation attributes, no ids. */
char *aj_chart_render_svg(const AjChartScene *scene, const char *title, const char *desc);

#endif
