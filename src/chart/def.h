/* The fixed table of charts a template may name as "chart:NAME".
 *
 * Ownership: everything here is static and never freed.
 */
#ifndef AJ_CHART_DEF_H
#define AJ_CHART_DEF_H

#include <glib.h>

#include "chart/data.h"

typedef struct {
	const char *name;      /* "accidents-12m" */
	const char *title;     /* the figure's title (SVG <title>); a trend's follows the
				  whole area's name: aj_chart_def_title() */
	AjChartKind kind;
	const char *attr[2];   /* district attributes of the two series; NULL: trend */
	const char *series[2]; /* legend labels */
	const char *unit;      /* label above the value axis */
	gboolean stock;        /* counts at the as-of date, not over the period */
} AjChartDef;

/* The chart called name, or NULL. */
const AjChartDef *aj_chart_def(const char *name);
/* The figure's title for the whole area whole (全市, 全省): the trend's
 * is of that area, the districts' charts are of 各地区.  Freed by the caller. */
char *aj_chart_def_title(const AjChartDef *def, const char *whole);
/* "accidents-12m, enforcement-by-district, …" for messages; static. */
const char *aj_chart_def_names(void);

#endif
