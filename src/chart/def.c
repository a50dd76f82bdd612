#include "chart/def.h"

#include <string.h>

static const AjChartDef defs[] = {
	{ "accidents-12m", "近12个月生产安全事故起数和死亡人数", AJ_CHART_LINES,
	  { NULL, NULL }, { "事故起数", "死亡人数" }, "单位：起、人", FALSE },
	{ "enforcement-by-district", "各地区执法检查和行政处罚情况", AJ_CHART_BARS,
	  { "inspections", "penalties" }, { "执法检查（家次）", "行政处罚（起）" },
	  "单位：家次、起", FALSE },
	{ "hazards-by-district", "各地区重大事故隐患整改情况", AJ_CHART_BARS,
	  { "major-hazards-open", "major-hazards-overdue" },
	  { "未整改重大事故隐患", "其中逾期未整改" }, "单位：项", TRUE },
};

const AjChartDef *aj_chart_def(const char *name)
{
	if (name == NULL)
		return NULL;
	for (gsize i = 0; i < G_N_ELEMENTS(defs); i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	return NULL;
}

char *aj_chart_def_title(const AjChartDef *def, const char *whole)
{
	if (def->kind == AJ_CHART_LINES)
		return g_strconcat(whole != NULL ? whole : "全市", def->title, NULL);
	return g_strdup(def->title);
}

const char *aj_chart_def_names(void)
{
	return "accidents-12m, enforcement-by-district, hazards-by-district";
}
