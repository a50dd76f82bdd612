/* STUB: replaced by the typesetter (issue 5). */
#include "markdown/document.h"
#include "util/error.h"

AjDocument *aj_document_parse(const char *text, gsize len, const char *source_name, GError **err)
{
	g_set_error(err, AJ_ERROR, EX_SOFTWARE, "%s: Markdown documents are not implemented yet",
		    source_name);
	return NULL;
}

void aj_document_free(AjDocument *doc)
{
	(void)doc;
}
