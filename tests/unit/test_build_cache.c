/* The render cache's keys (build/cache.h): which template files a key
 * covers, and that a stored render is fetched back only under its key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "build/cache.h"
#include "build/outdir.h"

static char *scratch(void)
{
	char *dir = g_dir_make_tmp("ajcache-XXXXXX", NULL);

	assert_non_null(dir);
	return dir;
}

static void put(const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	char *parent = g_path_get_dirname(path);

	assert_int_equal(g_mkdir_with_parents(parent, 0755), 0);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	g_free(parent);
	g_free(path);
}

static char *key_of(const char *dir, const char *template, const char *context)
{
	char *path = g_build_filename(dir, template, NULL);
	char *key = aj_cache_key("fp", path, context);

	g_free(path);
	return key;
}

/* A partial the template names (beside it or in partials/, also through
 * another partial) changes the key; a template it does not use does not. */
static void key_follows_partials(void **state)
{
	char *dir = scratch();
	char *k0, *k;

	put(dir, "bulletin.md", "# {{title}}\n{{> head}}\n{{>  tail }}\n");
	put(dir, "partials/head.md", "head {{>inner}}\n");
	put(dir, "inner.md", "inner\n");
	put(dir, "tail.md", "tail\n");
	put(dir, "exposed.md", "other\n");
	k0 = key_of(dir, "bulletin.md", "ctx");
	assert_int_equal(strlen(k0), 64);

	put(dir, "exposed.md", "other, changed\n");
	k = key_of(dir, "bulletin.md", "ctx");
	assert_string_equal(k, k0);
	g_free(k);

	put(dir, "inner.md", "inner, changed\n");
	k = key_of(dir, "bulletin.md", "ctx");
	assert_string_not_equal(k, k0);
	g_free(k0);
	k0 = k;

	put(dir, "tail.md", "tail, changed\n");
	k = key_of(dir, "bulletin.md", "ctx");
	assert_string_not_equal(k, k0);
	g_free(k0);
	k0 = k;

	/* a partial appearing in partials/ shadows the one beside the template */
	put(dir, "partials/tail.md", "tail, changed\n");
	k = key_of(dir, "bulletin.md", "ctx");
	assert_string_not_equal(k, k0);
	g_free(k);

	k = key_of(dir, "bulletin.md", "other context");
	assert_string_not_equal(k, k0);
	g_free(k);
	g_free(k0);
	aj_outdir_remove(dir);
	g_free(dir);
}

/* Changed delimiters hide partial tags: every template then counts. */
static void key_with_delimiters_covers_all(void **state)
{
	char *dir = scratch();
	char *k0, *k;

	put(dir, "bulletin.md", "{{=<% %>=}}\n<%> head%>\n");
	put(dir, "head.md", "head\n");
	k0 = key_of(dir, "bulletin.md", "ctx");
	put(dir, "head.md", "head, changed\n");
	k = key_of(dir, "bulletin.md", "ctx");
	assert_string_not_equal(k, k0);
	g_free(k);
	g_free(k0);
	aj_outdir_remove(dir);
	g_free(dir);
}

/* The same templates in another directory give the same key: a build
 * with --templates pointing elsewhere still reuses renders. */
static void key_ignores_template_location(void **state)
{
	char *a = scratch(), *b = scratch();
	char *ka, *kb;

	put(a, "exposed.md", "x {{> p}}\n");
	put(a, "p.md", "p\n");
	put(b, "exposed.md", "x {{> p}}\n");
	put(b, "p.md", "p\n");
	ka = key_of(a, "exposed.md", "ctx");
	kb = key_of(b, "exposed.md", "ctx");
	assert_string_equal(ka, kb);
	g_free(ka);
	g_free(kb);
	aj_outdir_remove(a);
	aj_outdir_remove(b);
	g_free(a);
	g_free(b);
}

/* store then fetch into a new root: same bytes, same page count; another
 * key misses and leaves nothing behind. */
static void store_and_fetch(void **state)
{
	char *old = scratch(), *root = scratch();
	char *text = NULL, *path;
	int pages = 0;

	put(old, "pdf/doc.pdf", "%PDF-1.5 fake");
	put(old, "md/doc.md", "# doc\n");
	put(old, ".cache/.keep", "");
	put(root, "pdf/.keep", "");
	put(root, "md/.keep", "");
	put(root, ".cache/.keep", "");
	aj_cache_store(old, "k1", "doc", 7);

	assert_false(aj_cache_fetch(old, "k2", root, "doc", &pages));
	path = g_build_filename(root, "pdf", "doc.pdf", NULL);
	assert_false(g_file_test(path, G_FILE_TEST_EXISTS));

	assert_true(aj_cache_fetch(old, "k1", root, "doc", &pages));
	assert_int_equal(pages, 7);
	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	assert_string_equal(text, "%PDF-1.5 fake");
	g_free(text);
	g_free(path);
	path = g_build_filename(root, ".cache", "k1.pages", NULL);
	assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
	g_free(path);
	aj_outdir_remove(old);
	aj_outdir_remove(root);
	g_free(old);
	g_free(root);
}

/* The whole-build key changes with every option that changes what the
 * build writes (month, as-of, since, site URL), with the data and with the
 * templates: a rebuild is skipped only when all of them are the same. */
static void build_key_covers_options(void **state)
{
	char *data = scratch(), *tpl = scratch();
	AjBuildOptions o = { .data_dir = data, .out_dir = "out", .month = aj_month_from_ym(2026, 3),
			     .asof = AJ_DAY_NONE };
	AjBuildOptions v;
	char *base, *k;

	put(data, "a.xml", "<dataset version=\"1\"/>\n");
	put(tpl, "bulletin.md", "# {{meta.title}}\n");
	base = aj_cache_build_key(&o, tpl, NULL, "fp", NULL);
	k = aj_cache_build_key(&o, tpl, NULL, "fp", NULL);
	assert_string_equal(k, base); /* the same build: the same key */
	g_free(k);
	v = o, v.month++;
	k = aj_cache_build_key(&v, tpl, NULL, "fp", NULL);
	assert_string_not_equal(k, base);
	g_free(k);
	v = o, v.asof = aj_day_from_ymd(2026, 3, 15);
	k = aj_cache_build_key(&v, tpl, NULL, "fp", NULL);
	assert_string_not_equal(k, base);
	g_free(k);
	v = o, v.has_since = TRUE, v.since = o.month - 2;
	k = aj_cache_build_key(&v, tpl, NULL, "fp", NULL);
	assert_string_not_equal(k, base);
	g_free(k);
	v = o, v.site_url = "https://example.org/";
	k = aj_cache_build_key(&v, tpl, NULL, "fp", NULL);
	assert_string_not_equal(k, base);
	g_free(k);
	k = aj_cache_build_key(&o, tpl, NULL, "another font set", NULL);
	assert_string_not_equal(k, base);
	g_free(k);
	k = aj_cache_build_key(&o, tpl, NULL, "fp", "office 0123\n"); /* another profile */
	assert_string_not_equal(k, base);
	g_free(k);
	put(tpl, "bulletin.md", "# {{meta.title}}!\n");
	k = aj_cache_build_key(&o, tpl, NULL, "fp", NULL);
	assert_string_not_equal(k, base);
	g_free(k);
	aj_outdir_remove(data);
	aj_outdir_remove(tpl);
	g_free(base);
	g_free(data);
	g_free(tpl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_follows_partials),
		cmocka_unit_test(key_with_delimiters_covers_all),
		cmocka_unit_test(key_ignores_template_location),
		cmocka_unit_test(store_and_fetch),
		cmocka_unit_test(build_key_covers_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
