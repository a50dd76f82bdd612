/* The one test of a site's base address, shared by the office profile
 * (site.url) and the command line (--site-url), which sit on different
 * layers. */
#ifndef AJ_URL_H
#define AJ_URL_H

#include <glib.h>

/* TRUE when url can be the site's base: absolute http(s), ending with "/",
 * and nothing that would need escaping in an attribute. */
gboolean aj_site_url_ok(const char *url);

#endif
