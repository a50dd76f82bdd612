/* The build's output directory swap and manifest. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libxml/xpath.h>

#include "build/manifest.h"
#include "build/outdir.h"
#include "util/error.h"

static char *scratch(void)
{
	GError *err = NULL;
	char *dir = g_dir_make_tmp("ajbuild-XXXXXX", &err);

	assert_non_null(dir);
	return dir;
}

static void put_file(const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	g_free(path);
}

static char *get_file(const char *dir, const char *name)
{
	char *path = g_build_filename(dir, name, NULL), *text = NULL;

	g_file_get_contents(path, &text, NULL, NULL);
	g_free(path);
	return text;
}

static void generated_time(void **state)
{
	char *s;

	g_setenv("SOURCE_DATE_EPOCH", "1775001600", TRUE);
	s = aj_manifest_generated(aj_day_from_ymd(2026, 3, 31));
	assert_string_equal(s, "2026-04-01T00:00:00Z");
	g_free(s);
	g_unsetenv("SOURCE_DATE_EPOCH");
	s = aj_manifest_generated(aj_day_from_ymd(2026, 3, 31));
	assert_string_equal(s, "2026-03-31T00:00:00Z");
	g_free(s);
}

static void swap_replaces_earlier_output(void **state)
{
	char *top = scratch(), *out = g_build_filename(top, "out", NULL), *tmp, *text;
	GError *err = NULL;

	g_mkdir(out, 0755);
	put_file(out, "manifest.xml", "old");
	put_file(out, "stale.txt", "old");
	tmp = aj_outdir_begin(out, FALSE, &err);
	assert_non_null(tmp);
	assert_true(g_str_has_prefix(tmp, out));
	put_file(tmp, "manifest.xml", "new");
	assert_true(aj_outdir_commit(tmp, out, &err));
	text = get_file(out, "manifest.xml");
	assert_string_equal(text, "new");
	g_free(text);
	text = get_file(out, "stale.txt");
	assert_null(text);
	assert_false(g_file_test(tmp, G_FILE_TEST_EXISTS));
	aj_outdir_remove(top);
	assert_false(g_file_test(top, G_FILE_TEST_EXISTS));
	g_free(tmp);
	g_free(out);
	g_free(top);
}

/* A killed build's OUT.tmp-PID-… is swept; a live build's is not. */
static void sweeps_temporaries_of_dead_builds(void **state)
{
	char *top = scratch(), *out = g_build_filename(top, "out", NULL), *tmp;
	char *dead_dir, *live_dir;
	GError *err = NULL;
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0)
		_exit(0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	dead_dir = g_strdup_printf("%s.tmp-%d-AAAAAA", out, (int)child);
	live_dir = g_strdup_printf("%s.tmp-%d-BBBBBB", out, (int)getppid());
	assert_int_equal(g_mkdir(dead_dir, 0755), 0);
	put_file(dead_dir, "manifest.xml", "half");
	assert_int_equal(g_mkdir(live_dir, 0755), 0);
	aj_outdir_sweep(out);
	tmp = aj_outdir_begin(out, FALSE, &err);
	assert_non_null(tmp);
	assert_false(g_file_test(dead_dir, G_FILE_TEST_EXISTS));
	assert_true(g_file_test(live_dir, G_FILE_TEST_IS_DIR));
	aj_outdir_remove(top);
	g_free(tmp);
	g_free(dead_dir);
	g_free(live_dir);
	g_free(out);
	g_free(top);
}

static void refuses_foreign_directory(void **state)
{
	char *top = scratch(), *tmp;
	GError *err = NULL;

	put_file(top, "thesis.tex", "precious");
	tmp = aj_outdir_begin(top, FALSE, &err);
	assert_null(tmp);
	assert_int_equal(err->code, EX_CANTCREAT);
	g_clear_error(&err);
	tmp = aj_outdir_begin(top, TRUE, &err);
	assert_non_null(tmp);
	aj_outdir_remove(tmp);
	g_free(tmp);
	aj_outdir_remove(top);
	g_free(top);
}

static int count_of(const char *text, const char *what)
{
	char **parts = g_strsplit(text, what, -1);
	int n = (int)g_strv_length(parts) - 1;

	g_strfreev(parts);
	return n;
}

static void file_free(gpointer p)
{
	AjBuiltFile *f = p;
	g_free(f->format);
	g_free(f->path);
	g_free(f);
}

static void manifest_lists_files(void **state)
{
	char *top = scratch(), *text;
	AjDocPlan plan = { .kind = AJ_DOC_EXEMPLAR_REVIEW, .period = (char *)"2026-Q1",
			   .name = (char *)"exemplar-review-2026-Q1", .year = 2026, .list = AJ_NONE };
	AjBuiltDoc doc = { .plan = &plan, .title = (char *)"审核 & <情况>" };
	GPtrArray *docs = g_ptr_array_new();
	GError *err = NULL;

	doc.files = g_ptr_array_new_with_free_func(file_free);
	assert_true(aj_outdir_mkdir(top, "data", &err));
	put_file(top, "data/x.xml", "abc");
	aj_built_doc_add_file(&doc, "pdf", "data/x.xml", 1);
	aj_built_doc_add_file(&doc, "data", "data/x.xml", 0);
	g_ptr_array_add(docs, &doc);
	g_setenv("SOURCE_DATE_EPOCH", "0", TRUE);
	assert_true(aj_manifest_write(top, docs, aj_day_from_ymd(2026, 3, 31), &err));
	g_unsetenv("SOURCE_DATE_EPOCH");
	text = get_file(top, "manifest.xml");
	assert_non_null(strstr(text, "<manifest version=\"1\" generated=\"1970-01-01T00:00:00Z\">"));
	assert_non_null(strstr(text, "kind=\"exemplar-review\" period=\"2026-Q1\" publicity=\"internal\""));
	assert_non_null(strstr(text, "title=\"审核 &amp; &lt;情况&gt;\""));
	assert_non_null(strstr(text, "sha256=\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""));
	/* a PDF's page count, one page too; other files have none */
	assert_non_null(strstr(text, "pages=\"1\""));
	assert_int_equal(count_of(text, "pages="), 1);
	g_free(text);
	/* A listed file that is missing is an I/O error. */
	aj_built_doc_add_file(&doc, "data", "data/missing.xml", 0);
	assert_false(aj_manifest_write(top, docs, aj_day_from_ymd(2026, 3, 31), &err));
	assert_int_equal(err->code, EX_IOERR);
	g_clear_error(&err);
	g_ptr_array_unref(doc.files);
	g_ptr_array_unref(docs);
	aj_outdir_remove(top);
	g_free(top);
}

/* The manifest's publicity is the document's final one, as the site has
 * it: a template may mark a document the plan makes public internal
 * (documents.md "Publicity"); it never makes an internal one public. */
static void manifest_publicity_is_final(void **state)
{
	char *top = scratch(), *text;
	AjDocPlan plan = { .kind = AJ_DOC_EXPOSED, .period = (char *)"2026-03",
			   .name = (char *)"exposed-2026-03", .public_ = TRUE, .year = 2026,
			   .list = AJ_NONE };
	AjBuiltDoc doc = { .plan = &plan, .title = (char *)"曝光名单" };
	const char *md = "---\ntitle: 曝光名单\npublicity: internal\n---\n正文\n";
	GPtrArray *docs = g_ptr_array_new();
	GError *err = NULL;

	doc.files = g_ptr_array_new_with_free_func(file_free);
	g_ptr_array_add(docs, &doc);
	assert_string_equal(aj_built_doc_publicity(&doc), "public"); /* no template: the plan's */
	doc.document = aj_document_parse(md, strlen(md), "exposed.md", &err);
	assert_non_null(doc.document);
	assert_string_equal(aj_built_doc_publicity(&doc), "internal");
	assert_true(aj_manifest_write(top, docs, aj_day_from_ymd(2026, 3, 31), &err));
	text = get_file(top, "manifest.xml");
	assert_non_null(strstr(text, "kind=\"exposed\" period=\"2026-03\" publicity=\"internal\""));
	g_free(text);
	/* a template saying public does not publish what the plan keeps internal */
	plan.public_ = FALSE;
	g_free(doc.document->meta.publicity);
	doc.document->meta.publicity = g_strdup("public");
	assert_string_equal(aj_built_doc_publicity(&doc), "internal");
	aj_document_free(doc.document);
	g_ptr_array_unref(doc.files);
	g_ptr_array_unref(docs);
	aj_outdir_remove(top);
	g_free(top);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(generated_time),
		cmocka_unit_test(swap_replaces_earlier_output),
		cmocka_unit_test(sweeps_temporaries_of_dead_builds),
		cmocka_unit_test(refuses_foreign_directory),
		cmocka_unit_test(manifest_lists_files),
		cmocka_unit_test(manifest_publicity_is_final),
	};
	return cmocka_run_group_tests_name("build", tests, NULL, NULL);
}
