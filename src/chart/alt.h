/* The text alternative of a chart: one sentence that states every number.
 *
 * Ownership: the caller frees the returned string with g_free().
 */
#ifndef AJ_CHART_ALT_H
#define AJ_CHART_ALT_H

#include "chart/data.h"
#include "chart/def.h"

char *aj_chart_alt(const AjChartDef *def, const AjChartData *data);

#endif
