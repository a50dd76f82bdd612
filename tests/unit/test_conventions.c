/* The document conventions both writers follow (markdown/conventions.h),
 * each rule once; test_html.c and test_pdf.c check that the writers obey. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "markdown/conventions.h"
#include "markdown/document.h"

static AjDocument *parse(const char *md)
{
	GError *err = NULL;
	AjDocument *doc = aj_document_parse(md, strlen(md), "t.md", &err);

	assert_null(err);
	assert_non_null(doc);
	return doc;
}

/* The first node of type t in document order. */
static cmark_node *find(AjDocument *doc, cmark_node_type t)
{
	cmark_iter *it = cmark_iter_new(doc->root);
	cmark_node *found = NULL;

	while (found == NULL && cmark_iter_next(it) != CMARK_EVENT_DONE)
		if (cmark_node_get_type(cmark_iter_get_node(it)) == t)
			found = cmark_iter_get_node(it);
	cmark_iter_free(it);
	assert_non_null(found);
	return found;
}

static void cjk_classes(void **state)
{
	const gunichar wide[] = { 0x5B89 /* 安 */, 0xFF0C /* ， */, 0x3002 /* 。 */, 0xFF08,
				  0x3000, 0x20BB7 /* 𠮷 */, 0xFF21 /* Ａ */ };
	const gunichar narrow[] = { 'A', '1', ' ', 0x201C /* “ */, 0x2014 /* — */, 0xFF61 };

	for (gsize i = 0; i < G_N_ELEMENTS(wide); i++)
		assert_true(aj_cjk_is_wide(wide[i]));
	for (gsize i = 0; i < G_N_ELEMENTS(narrow); i++)
		assert_false(aj_cjk_is_wide(narrow[i]));
}

static gboolean joins(const char *md)
{
	AjDocument *doc = parse(md);
	gboolean j = aj_md_softbreak_joins(find(doc, CMARK_NODE_SOFTBREAK));

	aj_document_free(doc);
	return j;
}

static void soft_breaks(void **state)
{
	assert_true(joins("全市安全\n生产形势\n"));
	assert_true(joins("截至2026年\n3月底\n"));       /* CJK before */
	assert_true(joins("使用 Python\n编写\n"));       /* CJK after */
	assert_true(joins("全市*安全*\n**生产**\n"));    /* through emphasis */
	assert_true(joins("*全市\n安全*\n"));            /* inside emphasis */
	assert_false(joins("and\nmore\n"));
	assert_false(joins("2026\n03\n"));
	assert_false(joins("see `code`\n*word*\n"));
}

static void url_safety(void **state)
{
	assert_true(aj_md_url_is_safe("a/b.html"));
	assert_true(aj_md_url_is_safe("#x"));
	assert_true(aj_md_url_is_safe("HTTP://x"));
	assert_true(aj_md_url_is_safe("https://example.org/a?b=1"));
	assert_true(aj_md_url_is_safe("mailto:a@example.org"));
	assert_true(aj_md_url_is_safe("a/b:c"));
	assert_false(aj_md_url_is_safe("javascript:alert(1)"));
	assert_false(aj_md_url_is_safe(" javascript:x"));
	assert_false(aj_md_url_is_safe("java\nscript:x"));
	assert_false(aj_md_url_is_safe("\x01javascript:x"));
	assert_false(aj_md_url_is_safe("data:image/png;base64,AA"));
	assert_false(aj_md_url_is_safe("file:///etc/passwd"));
	assert_false(aj_md_url_is_safe("chart:accidents-12m"));
	assert_false(aj_md_url_is_safe(NULL));
}

static AjImageKind kind_of(const char *md)
{
	AjDocument *doc = parse(md);
	AjImageKind k = aj_md_image_kind(find(doc, CMARK_NODE_IMAGE));

	aj_document_free(doc);
	return k;
}

static void images(void **state)
{
	assert_int_equal(kind_of("![图](chart:accidents-12m)\n"), AJ_IMAGE_CHART);
	assert_int_equal(kind_of("![图](img/a.png)\n"), AJ_IMAGE_FILE);
	assert_int_equal(kind_of("![图](javascript:alert(1))\n"), AJ_IMAGE_REFUSED);
	assert_int_equal(kind_of("![图]()\n"), AJ_IMAGE_REFUSED);
}

/* The figure of the first paragraph, its caption when it is one. */
static char *figure(const char *md, int n)
{
	AjDocument *doc = parse(md);
	cmark_node *img = aj_md_figure_image(find(doc, CMARK_NODE_PARAGRAPH));
	char *caption = img != NULL ? aj_md_figure_caption(n, img) : NULL;

	aj_document_free(doc);
	return caption;
}

static void figures(void **state)
{
	char *c;

	c = figure("![全市事故起数](chart:accidents-12m)\n", 3);
	assert_string_equal(c, "图3　全市事故起数");
	g_free(c);
	c = figure(" ![ 示意图 ](fig.png)  \n", 1);
	assert_string_equal(c, "图1　示意图");
	g_free(c);
	c = figure("![](fig.png)\n", 2);
	assert_string_equal(c, "图2");
	g_free(c);
	assert_null(figure("见图![示意](fig.png)\n", 1));
	assert_null(figure("![坏](javascript:alert(1))\n", 1));
	assert_null(figure("![甲](a.png) ![乙](b.png)\n", 1));
}

static gboolean caption(const char *para)
{
	char *md = g_strconcat(para, "\n| a | b |\n|---|---|\n| 1 | 2 |\n", NULL);
	AjDocument *doc = parse(md);
	cmark_node *first = cmark_node_first_child(doc->root);
	cmark_node *table = cmark_node_next(first);
	gboolean is = aj_md_is_table_caption(first);

	assert_non_null(table);
	assert_true(is == (aj_md_table_caption(table) == first));
	aj_document_free(doc);
	g_free(md);
	return is;
}

static void table_captions(void **state)
{
	GString *long_caption = g_string_new("表1　");

	assert_true(caption("表1　各地区情况\n"));
	assert_true(caption("表1 各地区情况\n"));
	assert_true(caption("表 12　各地区情况\n"));
	assert_true(caption("表一　名单\n"));
	assert_true(caption("表2-1　明细\n"));
	assert_true(caption("表3\n"));
	assert_true(caption("**各地区情况**\n"));
	assert_false(caption("表1列出了各地区的情况\n"));
	assert_false(caption("表格如下\n"));
	assert_false(caption("表1　各地区\n情况\n"));
	assert_false(caption("**各地区**情况\n"));
	assert_false(caption("说明：表1　各地区情况\n"));
	for (int i = 0; i < AJ_MD_CAPTION_MAX; i++)
		g_string_append(long_caption, "字");
	assert_false(caption(long_caption->str));
	g_string_free(long_caption, TRUE);
	{
		/* not right before a table: a paragraph */
		AjDocument *doc = parse("表1　各地区情况\n\n正文。\n\n| a |\n|---|\n| 1 |\n");
		assert_false(aj_md_is_table_caption(cmark_node_first_child(doc->root)));
		aj_document_free(doc);
	}
}

static void numbers(void **state)
{
	const char *yes[] = { "12", "1,234", "-3.5", "+12.5%", "−2", " 7 ", "0.0%", "—", "——", "-" };
	const char *no[] = { "", "abc", "12a", "1 234", "2026-03-31", "1-3", "上升12.5%", ",1",
			     "1,", "—12", "%", "+", "12.5.1" };

	for (gsize i = 0; i < G_N_ELEMENTS(yes); i++)
		if (!aj_md_is_number(yes[i]))
			fail_msg("\"%s\" is a number", yes[i]);
	for (gsize i = 0; i < G_N_ELEMENTS(no); i++)
		if (aj_md_is_number(no[i]))
			fail_msg("\"%s\" is not a number", no[i]);
}

static void front_matter_wording(void **state)
{
	char *d;

	assert_string_equal(aj_md_publicity_note("public"), "（此件主动公开）");
	assert_string_equal(aj_md_publicity_note("internal"), "（此件不予公开）");
	assert_string_equal(aj_md_publicity_note("Public"), "（此件不予公开）");
	assert_null(aj_md_publicity_note(NULL));
	d = aj_md_date_cn("2026-04-05");
	assert_string_equal(d, "2026年4月5日");
	g_free(d);
	d = aj_md_date_cn("2026-12-31");
	assert_string_equal(d, "2026年12月31日");
	g_free(d);
	assert_null(aj_md_date_cn("2026-02-30"));
	assert_null(aj_md_date_cn("2026-4-5"));
	assert_null(aj_md_date_cn(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cjk_classes),
		cmocka_unit_test(soft_breaks),
		cmocka_unit_test(url_safety),
		cmocka_unit_test(images),
		cmocka_unit_test(figures),
		cmocka_unit_test(table_captions),
		cmocka_unit_test(numbers),
		cmocka_unit_test(front_matter_wording),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
