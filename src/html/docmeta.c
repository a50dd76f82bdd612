#include <stdio.h>
#include <string.h>

#include "html/docmeta.h"

void aj_html_date_cn(GString *out, const char *iso)
{
	unsigned y, m, d;
	char tail;

	if (iso == NULL)
		return;
	if (strlen(iso) == 10 && sscanf(iso, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31)
		g_string_append_printf(out, "%u年%u月%u日", y, m, d);
	else
		g_string_append(out, iso);
}

const char *aj_html_publicity_note(const char *publicity)
{
	if (publicity == NULL)
		return "";
	return strcmp(publicity, "public") == 0 ? "（此件主动公开）" : "（此件不予公开）";
}
