#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "markdown/document.h"
#include "pdf/pdf.h"
#include "support/grid_text.h"
#include "typeset/state.h"
#include "util/error.h"

static AjDocument *parse(const char *text)
{
	GError *err = NULL;
	AjDocument *doc = aj_document_parse(text, strlen(text), "t.md", &err);
	assert_null(err);
	assert_non_null(doc);
	return doc;
}

static void chinese_numbers(void **state)
{
	const int n[] = { 1, 9, 10, 11, 19, 20, 23, 99 };
	const char *want[] = { "一", "九", "十", "十一", "十九", "二十", "二十三", "九十九" };
	for (gsize i = 0; i < G_N_ELEMENTS(n); i++) {
		char *s = aj_cn_number(n[i]);
		assert_string_equal(s, want[i]);
		g_free(s);
	}
}

static int render(const char *text, const char *path, GError **err)
{
	AjDocument *doc = parse(text);
	AjPdfOptions opts = { .creation_time = 0, .context = NULL };
	int pages = -1;
	gboolean ok = aj_pdf_write(doc, &opts, path, &pages, err);
	aj_document_free(doc);
	return ok ? pages : -1;
}

static void pages_follow_the_grid(void **state)
{
	char *dir = g_dir_make_tmp("ajpdf-XXXXXX", NULL);
	char *path = g_build_filename(dir, "t.pdf", NULL);
	/* 2 characters indent + 54 = 56 = two grid lines: 11 paragraphs fill
	 * exactly one page of 22 lines, the 12th starts page 2. */
	char *b11 = ajt_grid_paragraphs(11), *b12 = ajt_grid_paragraphs(12), *data = NULL;
	gsize len = 0;
	GError *err = NULL;

	assert_int_equal(render(b11, path, &err), 1);
	assert_true(g_file_get_contents(path, &data, &len, NULL));
	assert_true(len > 1000 && memcmp(data, "%PDF-", 5) == 0);
	g_free(data);
	assert_int_equal(render(b12, path, &err), 2);
	assert_null(err);
	g_unlink(path);
	g_rmdir(dir);
	g_free(b11);
	g_free(b12);
	g_free(path);
	g_free(dir);
}

static void unwritable_path_is_cantcreat(void **state)
{
	GError *err = NULL;
	assert_int_equal(render("正文\n", "/nonexistent-dir/x/t.pdf", &err), -1);
	assert_non_null(err);
	assert_int_equal(err->code, EX_CANTCREAT);
	assert_non_null(strstr(err->message, "/nonexistent-dir/x/t.pdf"));
	g_error_free(err);
}

static gpointer render_thread(gpointer path)
{
	char *b = ajt_grid_paragraphs(30);
	GError *err = NULL;
	int pages = render(b, path, &err);
	g_free(b);
	g_clear_error(&err);
	return GINT_TO_POINTER(pages);
}

/* The build renders documents in parallel threads: the results must match
 * a render done alone. */
static void threads_render_the_same_bytes(void **state)
{
	char *dir = g_dir_make_tmp("ajpdf-XXXXXX", NULL);
	char *p[3];
	GThread *t[2];
	char *d0, *d1, *d2;
	gsize l0, l1, l2;

	for (int i = 0; i < 3; i++)
		p[i] = g_strdup_printf("%s/%d.pdf", dir, i);
	assert_int_equal(GPOINTER_TO_INT(render_thread(p[0])), 3);
	t[0] = g_thread_new("r1", render_thread, p[1]);
	t[1] = g_thread_new("r2", render_thread, p[2]);
	assert_int_equal(GPOINTER_TO_INT(g_thread_join(t[0])), 3);
	assert_int_equal(GPOINTER_TO_INT(g_thread_join(t[1])), 3);
	assert_true(g_file_get_contents(p[0], &d0, &l0, NULL));
	assert_true(g_file_get_contents(p[1], &d1, &l1, NULL));
	assert_true(g_file_get_contents(p[2], &d2, &l2, NULL));
	assert_int_equal(l0, l1);
	assert_int_equal(l0, l2);
	assert_memory_equal(d0, d1, l0);
	assert_memory_equal(d0, d2, l0);
	for (int i = 0; i < 3; i++) {
		g_unlink(p[i]);
		g_free(p[i]);
	}
	g_free(d0);
	g_free(d1);
	g_free(d2);
	g_rmdir(dir);
	g_free(dir);
}

/* A PNG next to the document is placed; a missing one is an error naming
 * the source line and the file. */
static void png_images(void **state)
{
	char *dir = g_dir_make_tmp("ajpdf-XXXXXX", NULL);
	char *png = g_build_filename(dir, "fig.png", NULL);
	char *md = g_build_filename(dir, "doc.md", NULL);
	char *pdf = g_build_filename(dir, "doc.pdf", NULL);
	const char *text = "第一段。\n\n![示意图](fig.png)\n\n![缺](none.png)\n";
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 30);
	AjDocument *doc;
	AjPdfOptions opts = { .creation_time = 0 };
	GError *err = NULL;
	int pages = 0;

	assert_int_equal(cairo_surface_write_to_png(img, png), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(img);
	doc = aj_document_parse(text, strlen(text), md, &err);
	assert_non_null(doc);
	assert_false(aj_pdf_write(doc, &opts, pdf, &pages, &err));
	assert_non_null(err);
	assert_int_equal(err->code, EX_NOINPUT);
	assert_non_null(strstr(err->message, "doc.md:5:"));
	assert_non_null(strstr(err->message, "none.png"));
	assert_false(g_file_test(pdf, G_FILE_TEST_EXISTS));
	g_clear_error(&err);
	aj_document_free(doc);

	doc = aj_document_parse(text, strlen(text) - strlen("\n![缺](none.png)\n"), md, &err);
	assert_true(aj_pdf_write(doc, &opts, pdf, &pages, &err));
	assert_int_equal(pages, 1);
	aj_document_free(doc);
	g_unlink(pdf);
	g_unlink(png);
	g_rmdir(dir);
	g_free(pdf);
	g_free(md);
	g_free(png);
	g_free(dir);
}

/* Links follow the shared rule: a refused target is plain text, with no
 * link annotation (PDF readers would offer to run javascript: links). */
static void links_only_when_safe(void **state)
{
	char *dir = g_dir_make_tmp("ajpdf-XXXXXX", NULL);
	char *path = g_build_filename(dir, "t.pdf", NULL);
	char *data = NULL;
	gsize len = 0;
	GError *err = NULL;

	assert_int_equal(render("[点我](javascript:alert(1)) 和 [网站](https://example.org/)\n", path,
				&err),
			 1);
	assert_true(g_file_get_contents(path, &data, &len, NULL));
	assert_non_null(g_strstr_len(data, (gssize)len, "/URI (https://example.org/)"));
	assert_null(g_strstr_len(data, (gssize)len, "javascript"));
	g_free(data);
	g_unlink(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chinese_numbers),
		cmocka_unit_test(pages_follow_the_grid),
		cmocka_unit_test(unwritable_path_is_cantcreat),
		cmocka_unit_test(threads_render_the_same_bytes),
		cmocka_unit_test(png_images),
		cmocka_unit_test(links_only_when_safe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
