#include "util/epoch.h"

#include "util/digits.h"

gint64 aj_source_date_epoch(void)
{
	const char *s = g_getenv("SOURCE_DATE_EPOCH");
	guint64 v;

	if (s == NULL || !aj_digits(s, -1, G_MAXINT64, &v))
		return -1;
	return (gint64)v;
}
