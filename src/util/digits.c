#include "util/digits.h"

#include <string.h>

gboolean aj_digits(const char *s, gssize len, guint64 max, guint64 *out)
{
	gsize n = len < 0 ? strlen(s) : (gsize)len;
	guint64 v = 0;

	if (n == 0)
		return FALSE;
	for (gsize i = 0; i < n; i++) {
		if (!g_ascii_isdigit(s[i]) || v > (max - (guint64)(s[i] - '0')) / 10)
			return FALSE;
		v = v * 10 + (guint64)(s[i] - '0');
	}
	*out = v;
	return TRUE;
}
