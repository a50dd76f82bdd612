/* The site writer over hand-made documents: internal documents appear
 * nowhere, every page is well-formed XML, every relative link resolves, the
 * hostile name stays text, two runs give the same bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "site/site.h"
#include "util/error.h"

#define HOSTILE "A*B_C|D#1 <script>alert(1)</script> [x](javascript:alert(1))"
#define SECRET_TITLE "内部评审绝密标题甲乙丙"

typedef struct {
	AjDocument *docs[3];
	xmlDocPtr ctx[3];
	AjSiteDoc site[3];
	char *tmp;
} Fixture;

static AjDocument *parse(const char *md)
{
	GError *err = NULL;
	AjDocument *d = aj_document_parse(md, strlen(md), "fixture.md", &err);
	assert_non_null(d);
	return d;
}

static xmlDocPtr context(const char *xml)
{
	xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "ctx.xml", "UTF-8", 0);
	assert_non_null(d);
	return d;
}

static int setup(void **state)
{
	Fixture *f = g_new0(Fixture, 1);
	char *pdf;

	aj_warn_set_quiet(TRUE);
	f->tmp = g_dir_make_tmp("aj-site-XXXXXX", NULL);
	pdf = g_build_filename(f->tmp, "b.pdf", NULL);
	g_file_set_contents(pdf, "%PDF-1.5 fake", -1, NULL);
	f->docs[0] = parse("---\ntitle: 关于2026年3月全市安全生产情况的通报\nissuer: 苏州市安全生产委员会办公室\n"
			   "number: 苏安办〔2026〕3号\ndate: 2026-03-31\npublicity: public\n---\n"
			   "# 一、总体情况\n\n全市共开展执法检查120家次。\n");
	f->ctx[0] = context("<document kind='bulletin' period='2026-03' publicity='public'>"
			    "<meta period-cn='2026年3月' date='2026-03-31'/>"
			    "<total inspections='120' inspections-yoy='12.5' penalties='30' "
			    "penalties-yoy='-3.0' accidents='2' deaths='1' major-hazards-open='4'/>"
			    "</document>");
	f->docs[1] = parse("---\ntitle: 2026年3月曝光企业名单\ndate: 2026-03-31\npublicity: public\n---\n"
			   "| 序号 | 企业名称 |\n|--:|---|\n| 1 | A\\*B\\_C\\|D\\#1 \\<script\\>alert\\(1\\)\\</script\\> "
			   "\\[x\\]\\(javascript:alert\\(1\\)\\) |\n");
	f->ctx[1] = context("<document kind='exposed' period='2026-03' publicity='public'>"
			    "<meta period-cn='2026年3月' date='2026-03-31'/><exposed count='1'>"
			    "<entry no='1' enterprise='91320500MA1X' name='A*B_C|D#1 &lt;script&gt;alert(1)&lt;/script&gt; "
			    "[x](javascript:alert(1))' district-name='姑苏区' problem='重大事故隐患逾期未整改'/>"
			    "</exposed></document>");
	f->docs[2] = parse("---\ntitle: " SECRET_TITLE "\ndate: 2026-03-31\npublicity: internal\n---\n"
			   "内部内容。\n");
	f->ctx[2] = context("<document kind='exemplar-review' period='2026-Q1' publicity='internal'>"
			    "<meta date='2026-03-31'/><nomination enterprise='X' name='内部企业名称丁戊'/>"
			    "</document>");
	f->site[0] = (AjSiteDoc){ "bulletin", "2026-03", "public", f->docs[0]->meta.title,
				  xmlDocGetRootElement(f->ctx[0]), f->docs[0], pdf };
	f->site[1] = (AjSiteDoc){ "exposed", "2026-03", "public", f->docs[1]->meta.title,
				  xmlDocGetRootElement(f->ctx[1]), f->docs[1], NULL };
	f->site[2] = (AjSiteDoc){ "exemplar-review", "2026-Q1", "internal", SECRET_TITLE,
				  xmlDocGetRootElement(f->ctx[2]), f->docs[2], pdf };
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	Fixture *f = *state;
	char *cmd = g_strdup_printf("rm -rf '%s'", f->tmp);

	for (int i = 0; i < 3; i++) {
		aj_document_free(f->docs[i]);
		xmlFreeDoc(f->ctx[i]);
	}
	g_free((char *)f->site[0].pdf_path);
	g_assert(system(cmd) == 0);
	g_free(cmd);
	g_free(f->tmp);
	g_free(f);
	return 0;
}

static char *write_site(Fixture *f, const char *name)
{
	AjSiteOptions opts = { .layouts_dir = "templates/site", .site_url = NULL };
	char *out = g_build_filename(f->tmp, name, NULL);
	GError *err = NULL;

	if (!aj_site_write(f->site, 3, &opts, out, &err))
		fail_msg("%s", err->message);
	return out;
}

/* Every file under dir, relative paths, sorted. */
static void list_files(const char *root, const char *rel, GPtrArray *out)
{
	char *path = g_build_filename(root, rel, NULL);
	GDir *d = g_dir_open(path, 0, NULL);
	const char *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		char *r = rel[0] ? g_build_filename(rel, name, NULL) : g_strdup(name);
		char *p = g_build_filename(root, r, NULL);
		if (g_file_test(p, G_FILE_TEST_IS_DIR)) {
			list_files(root, r, out);
			g_free(r);
		} else {
			g_ptr_array_add(out, r);
		}
		g_free(p);
	}
	if (d != NULL)
		g_dir_close(d);
	g_free(path);
}

static void check_links(xmlNodePtr n, const char *dir, int *checked)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (const char *const *a = (const char *const[]){ "href", "src", NULL }; *a; a++) {
			xmlChar *v = xmlGetProp(n, (const xmlChar *)*a);
			if (v != NULL && v[0] != '#' && strstr((char *)v, "://") == NULL &&
			    strncmp((char *)v, "mailto:", 7) != 0) {
				char *target = g_strndup((char *)v, strcspn((char *)v, "#?"));
				char *p = g_build_filename(dir, target, NULL);
				if (!g_file_test(p, G_FILE_TEST_IS_REGULAR))
					fail_msg("link %s does not resolve (%s)", (char *)v, p);
				(*checked)++;
				g_free(p);
				g_free(target);
			}
			xmlFree(v);
		}
		check_links(n->children, dir, checked);
	}
}

static void test_site_pages(void **state)
{
	Fixture *f = *state;
	char *out = write_site(f, "out1");
	char *site = g_build_filename(out, "site", NULL);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	int links = 0, pages = 0;
	const char *expect[] = { "index.html", "bulletin/2026-03.html", "bulletin/2026-03.pdf",
				 "exposed/2026-03.html", "archive/bulletin.html", "archive/2026.html",
				 "search.html", "search.js", "search-index.json", "style.css",
				 "feed.xml", "sitemap.xml" };

	for (gsize i = 0; i < G_N_ELEMENTS(expect); i++) {
		char *p = g_build_filename(site, expect[i], NULL);
		if (!g_file_test(p, G_FILE_TEST_IS_REGULAR))
			fail_msg("missing %s", expect[i]);
		g_free(p);
	}
	list_files(site, "", files);
	for (guint i = 0; i < files->len; i++) {
		const char *rel = g_ptr_array_index(files, i);
		char *p = g_build_filename(site, rel, NULL);
		char *text = NULL;
		assert_true(g_file_get_contents(p, &text, NULL, NULL));
		assert_null(strstr(text, SECRET_TITLE));
		assert_null(strstr(text, "内部企业名称丁戊"));
		assert_null(strstr(text, "exemplar-review"));
		assert_null(strstr(text, "<script>"));
		if (g_str_has_suffix(rel, ".html") || g_str_has_suffix(rel, ".xml")) {
			xmlDocPtr doc = xmlReadFile(p, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
							       XML_PARSE_NOWARNING);
			char *dir = g_path_get_dirname(p);
			if (doc == NULL)
				fail_msg("%s is not well-formed", rel);
			if (g_str_has_suffix(rel, ".html")) {
				check_links(xmlDocGetRootElement(doc), dir, &links);
				assert_non_null(strstr(text, "<html lang=\"zh-CN\">"));
				assert_non_null(strstr(text, "script-src 'self'"));
				assert_null(strstr(text, "style=\""));
				pages++;
			}
			xmlFreeDoc(doc);
			g_free(dir);
		}
		g_free(text);
		g_free(p);
	}
	assert_true(pages >= 6);
	assert_true(links > 20);
	g_ptr_array_free(files, TRUE);
	g_free(site);
	g_free(out);
}

static void test_site_content(void **state)
{
	Fixture *f = *state;
	char *out = write_site(f, "out2");
	char *p = g_build_filename(out, "site", "index.html", NULL);
	char *text = NULL, *json = NULL, *feed = NULL;
	char *jp = g_build_filename(out, "site", "search-index.json", NULL);
	char *fp = g_build_filename(out, "site", "feed.xml", NULL);

	assert_true(g_file_get_contents(p, &text, NULL, NULL));
	assert_non_null(strstr(text, "120<small>家次</small>"));
	assert_non_null(strstr(text, "同比上升12.5%"));
	assert_non_null(strstr(text, "同比下降3.0%"));
	assert_non_null(strstr(text, "A*B_C|D#1 &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))"));
	assert_non_null(strstr(text, "href=\"bulletin/2026-03.html\""));
	assert_true(g_file_get_contents(jp, &json, NULL, NULL));
	assert_non_null(strstr(json, "\\u003cscript\\u003e"));
	assert_non_null(strstr(json, "\"url\":\"exposed/2026-03.html\""));
	assert_true(g_file_get_contents(fp, &feed, NULL, NULL));
	assert_non_null(strstr(feed, "<updated>2026-03-31T00:00:00Z</updated>"));
	assert_non_null(strstr(feed, "https://example.invalid/bulletin/2026-03.html"));
	g_free(text);
	g_free(json);
	g_free(feed);
	g_free(p);
	g_free(jp);
	g_free(fp);
	g_free(out);
}

static void test_site_deterministic(void **state)
{
	Fixture *f = *state;
	char *a = write_site(f, "det-a"), *b = write_site(f, "det-b");
	char *cmd = g_strdup_printf("diff -r '%s/site' '%s/site' >/dev/null", a, b);

	assert_int_equal(system(cmd), 0);
	g_free(cmd);
	g_free(a);
	g_free(b);
}

static void test_bad_site_url(void **state)
{
	Fixture *f = *state;
	AjSiteOptions opts = { .layouts_dir = "templates/site", .site_url = "javascript:x/" };
	GError *err = NULL;
	char *out = g_build_filename(f->tmp, "bad", NULL);

	assert_false(aj_site_write(f->site, 3, &opts, out, &err));
	assert_int_equal(err->code, EX_USAGE);
	g_clear_error(&err);
	opts.site_url = NULL;
	opts.layouts_dir = "no/such/dir";
	assert_false(aj_site_write(f->site, 3, &opts, out, &err));
	assert_int_equal(err->code, EX_NOINPUT);
	g_clear_error(&err);
	g_free(out);
}

static void test_only_internal_documents(void **state)
{
	Fixture *f = *state;
	AjSiteOptions opts = { .layouts_dir = "templates/site" };
	char *out = g_build_filename(f->tmp, "internal-only", NULL);
	char *index = g_build_filename(out, "site", "index.html", NULL);
	char *exposed = g_build_filename(out, "site", "exposed", NULL);
	char *text = NULL;
	GError *err = NULL;

	/* the exposed list marked internal (as a template may do) */
	f->site[1].publicity = "internal";
	if (!aj_site_write(&f->site[1], 2, &opts, out, &err))
		fail_msg("%s", err->message);
	assert_true(g_file_get_contents(index, &text, NULL, NULL));
	assert_non_null(strstr(text, "暂无公开文件"));
	assert_null(strstr(text, "曝光企业名单"));
	assert_false(g_file_test(exposed, G_FILE_TEST_EXISTS));
	g_free(text);
	g_free(index);
	g_free(exposed);
	g_free(out);
}

static void test_broken_layout_names_line(void **state)
{
	Fixture *f = *state;
	char *dir = g_build_filename(f->tmp, "layouts", NULL);
	char *file = g_build_filename(dir, "index.html", NULL);
	char *partial = g_build_filename(dir, "_head.html", NULL);
	AjSiteOptions opts = { .layouts_dir = dir };
	GError *err = NULL;

	g_mkdir(dir, 0755);
	g_file_set_contents(partial, "<p>\n</p>\n", -1, NULL);
	g_file_set_contents(file, "{{>head}}\n<p>ok</p>\n{{#page}}\n", -1, NULL);
	assert_false(aj_site_write(f->site, 3, &opts, f->tmp, &err));
	assert_int_equal(err->code, EX_DATAERR);
	/* the line of the layout as written, not of the spliced text */
	assert_non_null(strstr(err->message, "index.html:3:"));
	g_clear_error(&err);
	g_free(dir);
	g_free(file);
	g_free(partial);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_site_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_site_content, setup, teardown),
		cmocka_unit_test_setup_teardown(test_site_deterministic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_site_url, setup, teardown),
		cmocka_unit_test_setup_teardown(test_broken_layout_names_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_internal_documents, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
