/* Geometry of a chart: axes with 1-2-5 ticks, bars or lines, labels that
 * fit (wrapped or rotated), a legend and the data-source line, computed once
 * into a scene that both back ends draw.
 *
 * Ownership: aj_chart_layout() returns a scene the caller frees with
 * aj_chart_scene_free(); def, data and text stay the caller's.
 */
#ifndef AJ_CHART_LAYOUT_H
#define AJ_CHART_LAYOUT_H

#include "chart/data.h"
#include "chart/def.h"
#include "chart/scene.h"
#include "chart/text.h"

/* Round axis: the smallest step of 1, 2 or 5 times a power of ten with
 * at most 6 steps up to max (counts: the step is at least 1); up to a max
 * of 5 the axis is 0–5 in steps of 1. */
void aj_chart_axis(gint64 max, gint64 *step, gint64 *top);

AjChartScene *aj_chart_layout(const AjChartDef *def, const AjChartData *data, double width,
			      double height, AjChartText *text);

#endif
