/* STUB: replaced by the templates (issue 4). */
#include "template/template.h"
#include "util/error.h"

char *aj_template_render_file(const char *path, xmlNodePtr context, GError **err)
{
	g_set_error(err, AJ_ERROR, EX_SOFTWARE, "%s: templates are not implemented yet", path);
	return NULL;
}
