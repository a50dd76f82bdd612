#include "util/epoch.h"

#include <stdlib.h>

gint64 aj_source_date_epoch(void)
{
	const char *s = g_getenv("SOURCE_DATE_EPOCH");
	guint64 v;

	if (s == NULL || *s == '\0' || !g_ascii_string_to_unsigned(s, 10, 0, G_MAXINT64, &v, NULL))
		return -1;
	return (gint64)v;
}
