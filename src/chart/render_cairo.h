/* The Cairo back end of a chart scene (the other is render_svg.h).
 *
 * Ownership: the scene stays the caller's; aj_chart_render_cairo() leaves
 * the state of cr as it found it.
 */
#ifndef AJ_CHART_RENDER_CAIRO_H
#define AJ_CHART_RENDER_CAIRO_H

#include <cairo.h>

#include "chart/scene.h"

/* Draws the scene at (0,0) of cr's user space, as vectors and text. */
void aj_chart_render_cairo(const AjChartScene *scene, cairo_t *cr);

#endif
