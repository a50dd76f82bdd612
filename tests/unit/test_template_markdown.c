/* {{name}} in a Markdown template must come out of cmark-gfm (with the
 * table extension) as exactly its characters: checked on the parsed AST,
 * in a paragraph and in a GFM table cell.  Also the YAML escaper and a
 * whole template file (front matter + body + partial). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "template/escape.h"
#include "template/mustache.h"
#include "template/template.h"
#include "template/xml_ctx.h"

#define HOSTILE "A*B_C|D#1 <script>alert(1)</script> [x](javascript:alert(1))"

static const char *const hostile_names[] = {
	HOSTILE,
	"`code` **bold** ~~gone~~ &amp; &#60; \\ {braces} !bang",
	"1. not a list",
	"- not an item",
	"# not a heading",
	"> not a quote",
	"===",
	"12.5 -3.0 2026-03 +7",
	"<http://example.com> www.example.com _x_",
	"http://evil.example.com/a?b=c https://x.y ftp://f.g",
	"WWW.EXAMPLE.COM mailto:a-b.com xmpp:x/y",
	"举报邮箱 safety@example.com，网址 www.example.com",
	"    indented like code",
	"trailing blanks   ",
	"~~struck~~ ~one~",
};

static cmark_node *parse_md(const char *md)
{
	cmark_parser *p;
	cmark_node *doc;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(CMARK_OPT_DEFAULT);
	/* the extensions src/markdown/document.c parses with */
	cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
	cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("strikethrough"));
	cmark_parser_feed(p, md, strlen(md));
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/* Concatenated text under node; fails on any markup node inside it. */
static void collect_text(cmark_node *node, GString *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *type = cmark_node_get_type_string(n);

		if (ev != CMARK_EVENT_ENTER || n == node)
			continue;
		if (strcmp(type, "text") == 0)
			g_string_append(out, cmark_node_get_literal(n));
		else
			fail_msg("unexpected %s node for text '%s'", type, out->str);
	}
	cmark_iter_free(it);
}

static char *render_md(const char *xml, const char *tmpl)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, XML_PARSE_NONET);
	AjMRenderOpts opts = { .ops = &aj_xml_ctx_ops, .escape = aj_escape_markdown };
	GError *err = NULL;
	AjMTemplate *t = aj_m_parse(tmpl, strlen(tmpl), "t.md", 1, &err);
	char *out;

	assert_non_null(t);
	out = aj_m_render(t, aj_xml_ctx_value(xmlDocGetRootElement(doc)), &opts, &err);
	assert_null(err);
	aj_m_template_free(t);
	xmlFreeDoc(doc);
	return out;
}

static char *xml_with_name(const char *name)
{
	char *esc = g_markup_escape_text(name, -1);
	char *xml = g_strdup_printf("<d><entry name=\"%s\" no=\"1\"/></d>", esc);

	g_free(esc);
	return xml;
}

static void paragraph_keeps_text(void **state)
{
	guint i;

	for (i = 0; i < G_N_ELEMENTS(hostile_names); i++) {
		char *xml = xml_with_name(hostile_names[i]);
		char *md = render_md(xml, "{{#entry}}{{name}}{{/entry}}\n");
		cmark_node *doc = parse_md(md);
		cmark_node *para = cmark_node_first_child(doc);
		GString *text = g_string_new(NULL);

		assert_string_equal(cmark_node_get_type_string(para), "paragraph");
		assert_null(cmark_node_next(para));
		collect_text(para, text);
		assert_string_equal(text->str, hostile_names[i]);
		g_string_free(text, TRUE);
		cmark_node_free(doc);
		g_free(md);
		g_free(xml);
	}
}

static void table_cell_keeps_text(void **state)
{
	guint i;

	for (i = 0; i < G_N_ELEMENTS(hostile_names); i++) {
		char *xml = xml_with_name(hostile_names[i]);
		char *md = render_md(xml, "| 序号 | 企业名称 | 备注 |\n|---|---|---|\n"
					  "{{#entry}}| {{no}} | {{name}} | 无 |\n{{/entry}}");
		cmark_node *doc = parse_md(md);
		cmark_node *table = cmark_node_first_child(doc);
		cmark_node *row, *cell;
		GString *text = g_string_new(NULL);

		assert_string_equal(cmark_node_get_type_string(table), "table");
		row = cmark_node_next(cmark_node_first_child(table));
		assert_non_null(row);
		cell = cmark_node_next(cmark_node_first_child(row));
		collect_text(cell, text);
		/* a cell trims surrounding blanks; our names have none */
		assert_string_equal(text->str, hostile_names[i]);
		g_string_truncate(text, 0);
		collect_text(cmark_node_next(cell), text);
		assert_string_equal(text->str, "无");
		assert_null(cmark_node_next(cmark_node_next(cell)));
		g_string_free(text, TRUE);
		cmark_node_free(doc);
		g_free(md);
		g_free(xml);
	}
}

static void newlines_are_neutralised(void **state)
{
	char *md = render_md("<d v='a&#10;# b&#13;&#10;c'/>", "| x |\n|---|\n| {{v}} |\n");
	cmark_node *doc = parse_md(md);
	cmark_node *table = cmark_node_first_child(doc);
	GString *text = g_string_new(NULL);

	assert_string_equal(cmark_node_get_type_string(table), "table");
	collect_text(cmark_node_first_child(cmark_node_next(cmark_node_first_child(table))), text);
	assert_string_equal(text->str, "a # b c");
	assert_null(cmark_node_next(table));
	g_string_free(text, TRUE);
	cmark_node_free(doc);
	g_free(md);
}

static void raw_variables_are_not_escaped(void **state)
{
	char *md = render_md("<d v='**b**'/>", "{{{v}}} {{&v}} {{v}}");

	assert_string_equal(md, "**b** **b** \\*\\*b\\*\\*");
	g_free(md);
}

static void yaml_escaper(void **state)
{
	GString *s = g_string_new(NULL);

	aj_escape_yaml(s, "a\"b\\c\nd\te\x01", 10);
	assert_string_equal(s->str, "a\\\"b\\\\c\\nd\\te\\x01");
	g_string_free(s, TRUE);
}

static char *write_file(const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);

	assert_true(g_file_set_contents(path, text, -1, NULL));
	return path;
}

static void render_file_front_matter_and_partial(void **state)
{
	char *dir = g_dir_make_tmp("aj-tmpl-XXXXXX", NULL);
	char *sub = g_build_filename(dir, "partials", NULL);
	char *path, *ppath, *out;
	const char *xml = "<document publicity='internal'><meta title='关于&quot;A*B&quot;的通报' "
			  "year='2026' serial='3'/><entry name='x_y'/></document>";
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, 0);
	GError *err = NULL;

	g_mkdir(sub, 0700);
	ppath = write_file(sub, "row.md", "- {{name}}\n");
	path = write_file(dir, "doc.md",
			  "---\ntitle: \"{{meta.title}}\"\nnumber: \"苏安办〔{{meta.year}}〕"
			  "{{meta.serial}}号\"\n---\n# {{meta.title}}\n{{#entry}}\n{{>row}}\n{{/entry}}\n");
	out = aj_template_render_file(path, xmlDocGetRootElement(doc), &err);
	assert_null(err);
	assert_string_equal(out, "---\ntitle: \"关于\\\"A*B\\\"的通报\"\nnumber: \"苏安办〔2026〕3号\"\n"
				 "---\n# 关于\"A\\*B\"的通报\n- x\\_y\n");
	g_free(out);
	g_unlink(path);
	g_free(path);
	g_unlink(ppath);
	g_free(ppath);
	g_rmdir(sub);
	g_rmdir(dir);
	g_free(sub);
	g_free(dir);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paragraph_keeps_text),
		cmocka_unit_test(table_cell_keeps_text),
		cmocka_unit_test(newlines_are_neutralised),
		cmocka_unit_test(raw_variables_are_not_escaped),
		cmocka_unit_test(yaml_escaper),
		cmocka_unit_test(render_file_front_matter_and_partial),
	};
	return cmocka_run_group_tests_name("template_markdown", tests, NULL, NULL);
}
