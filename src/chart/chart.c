/* STUB: replaced by the charts (issue 7). */
#include "chart/chart.h"
#include "util/error.h"

gboolean aj_chart_exists(const char *name)
{
	return FALSE;
}

double aj_chart_aspect(const char *name)
{
	return 0.6;
}

gboolean aj_chart_draw(const char *name, xmlNodePtr context, cairo_t *cr, double width,
		       double height, GError **err)
{
	g_set_error(err, AJ_ERROR, EX_SOFTWARE, "chart:%s: charts are not implemented yet", name);
	return FALSE;
}

char *aj_chart_svg(const char *name, xmlNodePtr context, double width, double height,
		   GError **err)
{
	g_set_error(err, AJ_ERROR, EX_SOFTWARE, "chart:%s: charts are not implemented yet", name);
	return NULL;
}

char *aj_chart_alt_text(const char *name, xmlNodePtr context)
{
	return g_strdup("");
}
