/* libFuzzer target: Markdown (front matter + cmark-gfm) typeset to PDF.
 * The PDF goes to a private temporary directory; keep inputs small
 * (-max_len) since every input is laid out in full.
 *
 * The target typesets with the TrueType faces of the role lists only
 * (HanaMin, AR PL KaitiM GB, DejaVu), through a fontconfig file it writes
 * and names in FONTCONFIG_FILE: cairo copies the whole table of every CFF
 * face it embeds (Noto CJK, FandolFang) twice per document, 110 MB for a
 * one-page one, and under ASan each copy is a fresh mapping; that was nine
 * tenths of a run.  The typesetter's code runs the same with any face.
 */
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "build/outdir.h"
#include "markdown/document.h"
#include "typeset/fontset.h"
#include "pdf/pdf.h"
#include "util/error.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dir_path; /* libFuzzer gives no place to keep state between calls */

static void remove_work_dir(void)
{
	aj_outdir_remove(dir_path);
}

/* The harness's private directory, removed when libFuzzer exits. */
static const char *work_dir(void)
{
	if (dir_path == NULL) {
		if ((dir_path = g_dir_make_tmp("fuzz-pdf-XXXXXX", NULL)) == NULL)
			abort();
		atexit(remove_work_dir);
	}
	return dir_path;
}

static const char *out_path(void)
{
	static char *path;

	if (path == NULL)
		path = g_build_filename(work_dir(), "out.pdf", NULL);
	return path;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const truetype[] = { "HanaMinA", "HanaMinB", "AR PL KaitiM GB",
						"DejaVu Sans", NULL };
	FcConfig *system = FcInitLoadConfigAndFonts();
	GString *xml = g_string_new("<?xml version=\"1.0\"?>\n<fontconfig>\n");
	GHashTable *files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	FcStrList *caches = FcConfigGetCacheDirs(system);
	char *conf = g_build_filename(work_dir(), "fonts.conf", NULL);
	char *cache = g_build_filename(work_dir(), "cache", NULL);
	GHashTableIter it;
	gpointer file;
	FcChar8 *s;

	for (int i = 0; truetype[i]; i++)
		aj_fontset_add_family_files(files, system, truetype[i]);
	g_hash_table_iter_init(&it, files);
	while (g_hash_table_iter_next(&it, &file, NULL)) {
		char *dir = g_path_get_dirname(file);
		char *esc = g_markup_escape_text(dir, -1);
		g_string_append_printf(xml, "<dir>%s</dir>\n", esc);
		g_free(esc);
		g_free(dir);
	}
	g_hash_table_unref(files);
	while (caches != NULL && (s = FcStrListNext(caches)) != NULL)
		g_string_append_printf(xml, "<cachedir>%s</cachedir>\n", (const char *)s);
	if (caches != NULL)
		FcStrListDone(caches);
	g_string_append(xml, "</fontconfig>\n");
	if (!g_file_set_contents(conf, xml->str, -1, NULL))
		abort();
	g_setenv("FONTCONFIG_FILE", conf, TRUE);
	g_setenv("XDG_CACHE_HOME", cache, TRUE); /* the user's font set cache stays theirs */
	FcConfigDestroy(system);
	g_string_free(xml, TRUE);
	g_free(conf);
	g_free(cache);
	return 0;
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
