#include "rules/percent.h"

#include <stdio.h>

gint64 aj_div_round(gint64 num, gint64 den)
{
	if (num >= 0)
		return (2 * num + den) / (2 * den);
	return -((2 * -num + den) / (2 * den));
}

AjPercent aj_percent_change(gint64 cur, gint64 prev)
{
	if (prev == 0)
		return (AjPercent){ FALSE, 0 };
	return (AjPercent){ TRUE, aj_div_round((cur - prev) * 1000, prev) };
}

AjPercent aj_percent_ratio(gint64 part, gint64 whole)
{
	if (whole == 0)
		return (AjPercent){ FALSE, 0 };
	return (AjPercent){ TRUE, aj_div_round(part * 1000, whole) };
}

char *aj_percent_format(AjPercent p, char buf[32])
{
	gint64 a = p.tenths < 0 ? -p.tenths : p.tenths;

	if (!p.comparable)
		buf[0] = '\0';
	else
		snprintf(buf, 32, "%s%" G_GINT64_FORMAT ".%d", p.tenths < 0 ? "-" : "", a / 10,
			 (int)(a % 10));
	return buf;
}

char *aj_percent_trend_cn(AjPercent p, char buf[48])
{
	gint64 a = p.tenths < 0 ? -p.tenths : p.tenths;

	if (!p.comparable)
		snprintf(buf, 48, "—");
	else if (p.tenths == 0)
		snprintf(buf, 48, "持平");
	else
		snprintf(buf, 48, "%s%" G_GINT64_FORMAT ".%d%%", p.tenths > 0 ? "上升" : "下降",
			 a / 10, (int)(a % 10));
	return buf;
}
