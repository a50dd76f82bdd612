/* The two back ends of a chart scene.
 *
 * Ownership: aj_chart_render_svg() returns a string the caller frees with
 * g_free(); the scene stays the caller's.  aj_chart_render_cairo() leaves the
 * state of cr as it found it.
 */
#ifndef AJ_CHART_RENDER_H
#define AJ_CHART_RENDER_H

#include <cairo.h>

#include "chart/scene.h"

/* Draws the scene at (0,0) of cr's user space, as vectors and text. */
void aj_chart_render_cairo(const AjChartScene *scene, cairo_t *cr);

/* A standalone SVG element (no XML declaration, so it can be inlined in
 * HTML): viewBox, role="img", <title> and <desc>, text as <text>, only
 * presentation attributes, no ids. */
char *aj_chart_render_svg(const AjChartScene *scene, const char *title, const char *desc);

#endif
