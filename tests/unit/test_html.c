/* The HTML writer: every node type, escaping, unsafe links, tables, charts'
 * SVG clean-up, well-formedness through libxml2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "html/escape.h"
#include "html/html.h"
#include "html/svg.h"
#include "markdown/document.h"
#include "util/error.h"

#define HOSTILE "A*B_C|D#1 <script>alert(1)</script> [x](javascript:alert(1))"

/* Markdown-escaped the way the templates escape a {{name}} in a table. */
#define HOSTILE_MD "A\\*B\\_C\\|D\\#1 \\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(javascript:alert\\(1\\)\\)"

static char *render(const char *md)
{
	GError *err = NULL;
	AjDocument *doc;
	char *html;

	aj_warn_set_quiet(TRUE);
	doc = aj_document_parse(md, strlen(md), "test.md", &err);
	assert_non_null(doc);
	html = aj_html_fragment(doc, NULL, &err);
	assert_null(err);
	assert_non_null(html);
	aj_document_free(doc);
	return html;
}

/* Parses the fragment as XML inside one root; returns the document. */
static xmlDocPtr parse_xml(const char *html)
{
	char *wrapped = g_strconcat("<div>", html, "</div>", NULL);
	xmlDocPtr doc = xmlReadMemory(wrapped, (int)strlen(wrapped), "frag.xml", "UTF-8",
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
					      XML_PARSE_HUGE);
	g_free(wrapped);
	return doc;
}

static void assert_well_formed(const char *html)
{
	xmlDocPtr doc = parse_xml(html);
	if (doc == NULL)
		fail_msg("not well-formed: %s", html);
	xmlFreeDoc(doc);
}

static int count_elements(xmlNodePtr node, const char *name)
{
	int n = 0;
	for (; node != NULL; node = node->next) {
		if (node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0)
			n++;
		n += count_elements(node->children, name);
	}
	return n;
}

static void test_every_block_node(void **state)
{
	char *html = render("# 一、标题\n\n## （一）小标题\n\n段落*强调*与**加粗**和`代码`。\n\n"
			    "> 引用\n\n- 甲\n- 乙\n\n3. 三\n4. 四\n\n```c\nint x < 1;\n```\n\n"
			    "---\n\n行一  \n行二\n\n~~删除~~\n\n- [x] 完成\n- [ ] 未完成\n");

	assert_non_null(strstr(html, "<h2 id=\"一-标题\">一、标题</h2>"));
	assert_non_null(strstr(html, "<h3 id=\"一-小标题\">（一）小标题</h3>"));
	assert_non_null(strstr(html, "<em>强调</em>"));
	assert_non_null(strstr(html, "<strong>加粗</strong>"));
	assert_non_null(strstr(html, "<code>代码</code>"));
	assert_non_null(strstr(html, "<blockquote>\n<p>引用</p>\n</blockquote>"));
	assert_non_null(strstr(html, "<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>"));
	assert_non_null(strstr(html, "<ol start=\"3\">"));
	assert_non_null(strstr(html, "<pre><code class=\"language-c\">int x &lt; 1;\n</code></pre>"));
	assert_non_null(strstr(html, "<hr/>"));
	assert_non_null(strstr(html, "行一<br/>"));
	assert_non_null(strstr(html, "<del>删除</del>"));
	assert_well_formed(html);
	g_free(html);
}

static void test_heading_ids_unique(void **state)
{
	char *html = render("# 情况\n\n# 情况\n\n# Hello, World!\n");

	assert_non_null(strstr(html, "id=\"情况\""));
	assert_non_null(strstr(html, "id=\"情况-2\""));
	assert_non_null(strstr(html, "id=\"hello-world\""));
	g_free(html);
}

static void test_raw_html_escaped(void **state)
{
	char *html = render("<div onclick=\"x()\">块</div>\n\n文字<img src=x onerror=alert(1)>尾\n");

	assert_null(strstr(html, "<div"));
	assert_null(strstr(html, "<img"));
	assert_non_null(strstr(html, "&lt;div onclick=&quot;x()&quot;&gt;块&lt;/div&gt;"));
	assert_non_null(strstr(html, "文字&lt;img src=x onerror=alert(1)&gt;尾"));
	assert_well_formed(html);
	g_free(html);
}

static void test_unsafe_links_become_text(void **state)
{
	char *html = render("[甲](javascript:alert(1)) [乙](JaVaScRiPt:alert(1)) "
			    "[丙](data:text/html,x) [丁](vbscript:x) [戊](java&#9;script:x) "
			    "[好](https://example.org/a?b=1&c=2) [相对](list/2026.html#top) "
			    "[邮件](mailto:a@example.org)\n");

	assert_null(strstr(html, "javascript"));
	assert_null(strstr(html, "data:"));
	assert_null(strstr(html, "vbscript"));
	assert_non_null(strstr(html, "甲 乙 丙 丁 戊 "));
	assert_non_null(strstr(html, "<a href=\"https://example.org/a?b=1&amp;c=2\">好</a>"));
	assert_non_null(strstr(html, "<a href=\"list/2026.html#top\">相对</a>"));
	assert_non_null(strstr(html, "<a href=\"mailto:a@example.org\">邮件</a>"));
	assert_well_formed(html);
	g_free(html);
}

static void test_images(void **state)
{
	char *html = render("![标志](img/logo.png \"标题\") ![坏](javascript:alert(1))\n\n"
			    "![示意图](img/fig.png)\n\n![坏图](javascript:alert(1))\n");

	assert_non_null(strstr(html, "<img src=\"img/logo.png\" alt=\"标志\" title=\"标题\"/>"));
	assert_null(strstr(html, "javascript"));
	assert_non_null(strstr(html, " 坏</p>"));
	/* a picture alone in its paragraph is a numbered figure, as in the PDF */
	assert_non_null(strstr(html, "<figure class=\"image\" id=\"fig-1\"><img src=\"img/fig.png\" "
				     "alt=\"示意图\"/><figcaption>图1　示意图</figcaption></figure>"));
	assert_non_null(strstr(html, "<p>坏图</p>"));
	assert_well_formed(html);
	g_free(html);
}

static void test_table_with_hostile_cell(void **state)
{
	char *html = render("**表1 各地区情况**\n\n| 企业 | 检查 | 同比 |\n|:--|--:|:-:|\n| " HOSTILE_MD
			    " | 1,234 | -3.5% |\n| 乙 | — | 上升12.5% |\n");
	xmlDocPtr doc;
	xmlNodePtr td;
	xmlChar *text;

	assert_non_null(strstr(html, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" "
				     "aria-label=\"表1 各地区情况\"><table>"));
	assert_non_null(strstr(html, "<caption><strong>表1 各地区情况</strong></caption>"));
	assert_null(strstr(html, "<p><strong>表1"));
	assert_non_null(strstr(html, "<th scope=\"col\" class=\"al-l\">企业</th>"));
	assert_non_null(strstr(html, "<td class=\"num al-r\">1,234</td>"));
	assert_non_null(strstr(html, "<td class=\"num al-c\">-3.5%</td>"));
	assert_non_null(strstr(html, "<td class=\"num al-r\">—</td>"));
	assert_non_null(strstr(html, "<td class=\"short al-c\">上升12.5%</td>"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<a "));
	doc = parse_xml(html);
	assert_non_null(doc);
	assert_int_equal(count_elements(xmlDocGetRootElement(doc), "thead"), 1);
	assert_int_equal(count_elements(xmlDocGetRootElement(doc), "tbody"), 1);
	assert_int_equal(count_elements(xmlDocGetRootElement(doc), "script"), 0);
	/* the first body cell holds exactly the hostile name, as text */
	td = xmlDocGetRootElement(doc)->children;
	while (td != NULL && strcmp((const char *)td->name, "div") != 0)
		td = td->next;
	assert_non_null(td);
	td = td->children->children; /* table → caption */
	while (td != NULL && (td->type != XML_ELEMENT_NODE || strcmp((const char *)td->name, "tbody") != 0))
		td = td->next;
	assert_non_null(td);
	td = td->children;
	while (td->type != XML_ELEMENT_NODE)
		td = td->next;
	td = td->children; /* the first <td> */
	assert_int_equal(td->children->type, XML_TEXT_NODE);
	assert_null(td->children->next);
	text = xmlNodeGetContent(td);
	assert_string_equal((const char *)text, HOSTILE);
	xmlFree(text);
	xmlFreeDoc(doc);
	g_free(html);
}

static void test_caption_from_heading(void **state)
{
	char *html = render("## 各地区情况\n\n说明文字较长，说明下表的口径。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

	assert_non_null(strstr(html, "<caption>各地区情况</caption>"));
	assert_non_null(strstr(html, "<p>说明文字较长，说明下表的口径。</p>"));
	g_free(html);
	html = render("## 附件1 名单\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
	assert_non_null(strstr(html, "<caption class=\"repeats-heading\">附件1 名单</caption>"));
	g_free(html);
}

static void test_cjk_soft_break_joins(void **state)
{
	char *html = render("全市安全\n生产形势 and\nmore 截至2026年\n3月\n");

	assert_non_null(strstr(html, "全市安全生产形势 and\nmore 截至2026年3月"));
	g_free(html);
}

static void test_chart_without_context(void **state)
{
	char *html = render("![全市近12个月事故](chart:accidents-12m)\n");

	assert_non_null(strstr(html, "<figure class=\"chart\" id=\"fig-1\"><figcaption>图1　全市近12个月事故"));
	assert_null(strstr(html, "<p><figure"));
	assert_well_formed(html);
	g_free(html);
}

static void test_control_characters_and_bad_utf8(void **state)
{
	GString *s = g_string_new(NULL);

	aj_html_escape(s, "a\x01" "b\xff" "c\xef\xbf\xbe" "d<&>\"'", -1);
	assert_string_equal(s->str, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd"
				    "d&lt;&amp;&gt;&quot;&#39;");
	g_string_free(s, TRUE);
}

static void test_svg_cleanup(void **state)
{
	const char *svg =
		"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
		"xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"400pt\" height=\"200pt\" "
		"onload=\"alert(1)\"><script>alert(2)</script><style>x{}</style>"
		"<defs><clipPath id=\"c1\"><rect width=\"1\" height=\"1\"/></clipPath></defs>"
		"<g clip-path=\"url(#c1)\" style=\"fill:rgb(1,2,3);stroke-width:2;behavior:x\">"
		"<use xlink:href=\"#c1\"/><use xlink:href=\"http://evil/x.svg#a\"/>"
		"<text>姑苏区 &lt;b&gt;</text></g></svg>";
	GString *out = g_string_new(NULL);
	GError *err = NULL;

	assert_true(aj_html_inline_svg(out, svg, strlen(svg), "fig2-", "t", &err));
	assert_null(strstr(out->str, "<?xml"));
	assert_null(strstr(out->str, "script"));
	assert_null(strstr(out->str, "onload"));
	assert_null(strstr(out->str, "style"));
	assert_null(strstr(out->str, "evil"));
	assert_null(strstr(out->str, "behavior"));
	assert_non_null(strstr(out->str, "viewBox=\"0 0 400 200\""));
	assert_null(strstr(out->str, "width=\"400pt\""));
	assert_non_null(strstr(out->str, "id=\"fig2-c1\""));
	assert_non_null(strstr(out->str, "clip-path=\"url(#fig2-c1)\""));
	assert_non_null(strstr(out->str, "xlink:href=\"#fig2-c1\""));
	assert_non_null(strstr(out->str, "fill=\"rgb(1,2,3)\""));
	assert_non_null(strstr(out->str, "stroke-width=\"2\""));
	assert_non_null(strstr(out->str, "姑苏区 &lt;b&gt;"));
	assert_false(aj_html_inline_svg(out, "<svg><x>", 8, "p", "t", &err));
	assert_int_equal(err->code, EX_SOFTWARE);
	g_error_free(err);
	g_string_free(out, TRUE);
}

static void test_deterministic_and_deep(void **state)
{
	GString *md = g_string_new(NULL);
	char *a, *b;

	for (int i = 0; i < AJ_DOCUMENT_MAX_DEPTH - 2; i++)
		g_string_append(md, "> ");
	g_string_append(md, "深\n");
	a = render(md->str);
	b = render(md->str);
	assert_string_equal(a, b);
	assert_well_formed(a);
	g_free(a);
	g_free(b);
	g_string_free(md, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_block_node),
		cmocka_unit_test(test_heading_ids_unique),
		cmocka_unit_test(test_raw_html_escaped),
		cmocka_unit_test(test_unsafe_links_become_text),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_table_with_hostile_cell),
		cmocka_unit_test(test_caption_from_heading),
		cmocka_unit_test(test_cjk_soft_break_joins),
		cmocka_unit_test(test_chart_without_context),
		cmocka_unit_test(test_control_characters_and_bad_utf8),
		cmocka_unit_test(test_svg_cleanup),
		cmocka_unit_test(test_deterministic_and_deep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
