/* STUB: replaced by the typesetter (issue 5). */
#include "pdf/pdf.h"
#include "util/error.h"

gboolean aj_pdf_write(const AjDocument *doc, const AjPdfOptions *opts, const char *path,
		      int *pages, GError **err)
{
	g_set_error(err, AJ_ERROR, EX_SOFTWARE, "%s: PDF output is not implemented yet", path);
	return FALSE;
}
