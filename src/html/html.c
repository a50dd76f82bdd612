/* STUB: replaced by the site (issue 6). */
#include "html/html.h"
#include "util/error.h"

char *aj_html_fragment(const AjDocument *doc, xmlNodePtr context, GError **err)
{
	g_set_error(err, AJ_ERROR, EX_SOFTWARE, "HTML output is not implemented yet");
	return NULL;
}

gboolean aj_html_write_page(const AjDocument *doc, const char *path, GError **err)
{
	g_set_error(err, AJ_ERROR, EX_SOFTWARE, "%s: HTML output is not implemented yet", path);
	return FALSE;
}
