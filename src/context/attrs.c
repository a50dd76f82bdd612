#include "context/attrs.h"
#include "context/parts.h"
#include "util/xml.h"

#include <stdio.h>
#include <string.h>

void aj_attr_hundredths(xmlNodePtr node, const char *name, gint64 h)
{
	char buf[48];

	snprintf(buf, sizeof buf, "%s%" G_GINT64_FORMAT ".%02d", h < 0 ? "-" : "",
		 (h < 0 ? -h : h) / 100, (int)((h < 0 ? -h : h) % 100));
	aj_attr_str(node, name, buf);
}

void aj_attr_yuan(xmlNodePtr node, const char *name, AjFen fen)
{
	aj_attr_hundredths(node, name, fen);
}

void aj_attr_wan(xmlNodePtr node, const char *name, AjFen fen)
{
	/* 1 万元 = 1 000 000 fen; shown in hundredths of 万元. */
	gint64 h = aj_div_round(fen < 0 ? -fen : fen, 10000);
	char buf[48];

	snprintf(buf, sizeof buf, "%s%" G_GINT64_FORMAT ".%02d", fen < 0 && h != 0 ? "-" : "",
		 h / 100, (int)(h % 100));
	aj_attr_str(node, name, buf);
}

void aj_attr_percent(xmlNodePtr node, const char *name, AjPercent p)
{
	char buf[32];

	if (p.comparable)
		aj_attr_str(node, name, aj_percent_format(p, buf));
}

void aj_attr_day(xmlNodePtr node, const char *name, AjDay d)
{
	char buf[11];

	if (d != AJ_DAY_NONE)
		aj_attr_str(node, name, aj_day_format(d, buf));
}

void aj_attr_day_cn(xmlNodePtr node, const char *name, AjDay d)
{
	char *s;

	if (d == AJ_DAY_NONE)
		return;
	s = aj_day_format_cn(d);
	aj_attr_str(node, name, s);
	g_free(s);
}

char *aj_month_cn(AjMonth m)
{
	return g_strdup_printf("%d年%d月", aj_month_year(m), aj_month_number(m));
}

char *aj_quarter_cn(AjQuarter q)
{
	static const char *const n[] = { "一", "二", "三", "四" };
	return g_strdup_printf("%d年第%s季度", aj_quarter_year(q), n[aj_quarter_number(q) - 1]);
}

char *aj_ctx_whole(xmlNodePtr node)
{
	xmlNodePtr meta = aj_xml_child(xmlDocGetRootElement(node->doc), "meta");
	char *whole = meta != NULL ? aj_xml_prop(meta, "whole") : NULL;

	return whole != NULL ? whole : g_strdup("全市");
}
