/* PDFs drawn with cut faces (pdf/cutfaces.h): the same pages and text as
 * with the whole faces, far smaller, the same bytes every time. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <glib/gstdio.h>

#include "markdown/document.h"
#include "pdf/pdf.h"

/* A title (小标宋), headings (黑体), body text (仿宋), a table, page
 * numbers (宋体), Latin letters and digits, full-width punctuation, and
 * characters outside GB 2312 (龘, 𠀀), which the cuts lack. */
static const char doc_text[] =
	"# 关于某某企业安全生产情况的档案\n\n"
	"## 一、基本情况\n\n"
	"企业名称：某某化工有限公司（ABC Co., Ltd. 2026），统一社会信用代码"
	"91320505MA1XXXXX0X；法定代表人：王龘，地址：某某路𠀀号。\n\n"
	"### （一）检查记录\n\n"
	"| 日期 | 事项 | 罚款（元） |\n| --- | --- | ---: |\n"
	"| 2026-03-01 | 消防通道堵塞——已整改 | 1,000.00 |\n"
	"| 2026-04-15 | 未按规定开展培训“三级教育” | 20,000.00 |\n";

static GBytes *render(const char *dir, const char *name, gboolean cut)
{
	GError *err = NULL;
	AjDocument *doc = aj_document_parse(doc_text, strlen(doc_text), "t.md", &err);
	AjPdfOptions opts = { .creation_time = 0, .cut_fonts = cut };
	char *path = g_build_filename(dir, name, NULL);
	char *data = NULL;
	gsize len = 0;
	int pages = 0;

	assert_non_null(doc);
	assert_true(aj_pdf_write(doc, &opts, path, &pages, &err));
	assert_null(err);
	assert_int_equal(pages, 1);
	assert_true(g_file_get_contents(path, &data, &len, NULL));
	aj_document_free(doc);
	g_free(path);
	return g_bytes_new_take(data, len);
}

static gpointer render_thread(gpointer dir)
{
	return render(dir, "thread.pdf", TRUE);
}

/* What a poppler tool makes of dir/name (pdftoppm: the page's pixels,
 * pdftotext: its text); NULL when the tool is not installed (the e2e suite
 * needs poppler, a unit run may go without). */
static GBytes *poppler(const char *tool, const char *dir, const char *name)
{
	char *found = g_find_program_in_path(tool);
	char *in = g_build_filename(dir, name, NULL);
	char *out = g_strconcat(in, ".out", NULL);
	char *page = g_strconcat(out, "-1.pgm", NULL);
	const char *pixels[] = { tool, "-r", "100", "-gray", "-singlefile", in, out, NULL };
	const char *text[] = { tool, "-raw", in, out, NULL };
	gboolean ppm = strcmp(tool, "pdftoppm") == 0;
	char *data = NULL;
	gsize len = 0;
	gint status = -1;

	if (found != NULL) {
		assert_true(g_spawn_sync(NULL, (char **)(ppm ? pixels : text), NULL,
					 G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
						 G_SPAWN_STDERR_TO_DEV_NULL,
					 NULL, NULL, NULL, NULL, &status, NULL));
		assert_int_equal(status, 0);
		g_free(page);
		page = ppm ? g_strconcat(out, ".pgm", NULL) : g_strdup(out);
		assert_true(g_file_get_contents(page, &data, &len, NULL));
		g_unlink(page);
	}
	g_free(found);
	g_free(in);
	g_free(out);
	g_free(page);
	return data ? g_bytes_new_take(data, len) : NULL;
}

static void same_pages_smaller_file(void **state)
{
	static const char *const names[] = { "whole.pdf", "cut.pdf", "thread.pdf" };
	static const char *const tools[] = { "pdftoppm", "pdftotext" };
	char *dir = g_dir_make_tmp("ajcut-XXXXXX", NULL);
	GBytes *whole = render(dir, names[0], FALSE);
	GBytes *cut = render(dir, names[1], TRUE);
	GThread *t = g_thread_new("cut", render_thread, dir);
	GBytes *again = g_thread_join(t);

	/* four CJK faces: ~50 kB each whole, a few kB cut (the characters
	 * outside GB 2312 come from the whole faces) */
	assert_true(g_bytes_get_size(cut) * 2 < g_bytes_get_size(whole));
	assert_true(g_bytes_equal(cut, again));
	for (gsize i = 0; i < G_N_ELEMENTS(tools); i++) {
		GBytes *a = poppler(tools[i], dir, names[0]), *b = poppler(tools[i], dir, names[1]);
		assert_true((a == NULL) == (b == NULL));
		if (a != NULL) {
			assert_true(g_bytes_get_size(a) > 100);
			assert_true(g_bytes_equal(a, b));
			g_bytes_unref(a);
			g_bytes_unref(b);
		}
	}
	g_bytes_unref(whole);
	g_bytes_unref(cut);
	g_bytes_unref(again);
	for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
		char *p = g_build_filename(dir, names[i], NULL);
		g_unlink(p);
		g_free(p);
	}
	g_rmdir(dir);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_pages_smaller_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
