#include "chart/alt.h"

#include <string.h>

static char *trend(const AjChartData *d)
{
	GString *s = g_string_new(NULL);
	gint64 sum0 = 0, sum1 = 0;
	guint unknown = 0;

	g_string_append_printf(s, "%s至%s%s生产安全事故：",
			       (const char *)g_ptr_array_index(d->periods, 0),
			       (const char *)g_ptr_array_index(d->periods, d->n - 1), d->whole);
	for (guint i = 0; i < d->n; i++) {
		/* The year is said at the first month and when it changes. */
		g_string_append_printf(s, "%s%s%s", i > 0 ? "，" : "",
				       (const char *)g_ptr_array_index(d->sublabels, i),
				       (const char *)g_ptr_array_index(d->labels, i));
		if (d->values[0][i] == AJ_CHART_UNKNOWN) {
			g_string_append(s, "无数据");
			unknown++;
			continue;
		}
		g_string_append_printf(s, "%" G_GINT64_FORMAT "起、死亡%" G_GINT64_FORMAT "人",
				       d->values[0][i], d->values[1][i]);
		sum0 += d->values[0][i];
		sum1 += d->values[1][i];
	}
	g_string_append_printf(s, "；%s%u个月合计%" G_GINT64_FORMAT "起、死亡%" G_GINT64_FORMAT "人。",
			       d->has_unknown ? "有数据的" : "", d->n - unknown, sum0, sum1);
	return g_string_free(s, FALSE);
}

static char *districts(const AjChartDef *def, const AjChartData *d)
{
	gboolean hazards = def->stock;
	GString *s = g_string_new(NULL);
	const char *period = d->period_cn != NULL ? d->period_cn : "";

	if (hazards)
		g_string_append_printf(s, "截至%s各地区未整改重大事故隐患：",
				       d->as_of_cn != NULL ? d->as_of_cn : period);
	else
		g_string_append_printf(s, "%s各地区执法检查和行政处罚：", period);
	for (guint i = 0; i < d->n; i++) {
		const char *name = g_ptr_array_index(d->labels, i);
		const char *sep = i > 0 ? "；" : "";
		if (hazards)
			g_string_append_printf(s, "%s%s%" G_GINT64_FORMAT "项（其中逾期%" G_GINT64_FORMAT
						  "项）",
					       sep, name, d->values[0][i], d->values[1][i]);
		else
			g_string_append_printf(s, "%s%s检查%" G_GINT64_FORMAT "家次、处罚%" G_GINT64_FORMAT
						  "起",
					       sep, name, d->values[0][i], d->values[1][i]);
	}
	g_string_append(s, "。");
	return g_string_free(s, FALSE);
}

char *aj_chart_alt(const AjChartDef *def, const AjChartData *data)
{
	if (data->n == 0)
		return aj_chart_def_title(def, data->whole);
	return def->kind == AJ_CHART_LINES ? trend(data) : districts(def, data);
}
