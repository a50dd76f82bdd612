/* libFuzzer target: Markdown (front matter + cmark-gfm) typeset to PDF.
 * The PDF goes to a private temporary directory; keep inputs small
 * (-max_len) since every input is laid out in full.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "markdown/document.h"
#include "pdf/pdf.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness's one output path: libFuzzer gives no place to keep state
 * between calls. */
static const char *out_path(void)
{
	static char *path;

	if (path == NULL) {
		char *dir = g_dir_make_tmp("fuzz-pdf-XXXXXX", NULL);

		if (dir == NULL)
			abort();
		path = g_build_filename(dir, "out.pdf", NULL);
		g_free(dir);
	}
	return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	AjPdfOptions opts = { .creation_time = 0, .context = NULL };
	GError *err = NULL;
	AjDocument *doc;
	int pages = 0;

	aj_warn_set_quiet(TRUE);
	doc = aj_document_parse((const char *)data, size, "f.md", &err);
	if (doc != NULL && !aj_pdf_write(doc, &opts, out_path(), &pages, &err)
	    && (err == NULL || err->message[0] == '\0'))
		__builtin_trap();
	if (doc == NULL && (err == NULL || err->message[0] == '\0'))
		__builtin_trap();
	if (doc != NULL && err == NULL && pages < 1)
		__builtin_trap();
	g_clear_error(&err);
	if (doc != NULL)
		aj_document_free(doc);
	return 0;
}
