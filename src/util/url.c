#include "util/url.h"

#include <string.h>

gboolean aj_site_url_ok(const char *url)
{
	return (g_str_has_prefix(url, "https://") || g_str_has_prefix(url, "http://")) &&
	       g_str_has_suffix(url, "/") && strpbrk(url, "\"<>' ") == NULL;
}
