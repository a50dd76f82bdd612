/* The XML context rules of the template engine: attribute before child,
 * the context stack, dotted names, iteration over repeated children,
 * falsy values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <libxml/parser.h>

#include "template/escape.h"
#include "template/mustache.h"
#include "template/xml_ctx.h"

/* Renders tmpl against the XML document xml (raw output, no escaping);
 * indexed: with the child-name index the build uses (template.c). */
static char *render(const char *xml, const char *tmpl, gboolean indexed)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, XML_PARSE_NONET);
	AjXmlIndex *index = indexed ? aj_xml_index_new() : NULL;
	AjMRenderOpts opts = { .ops = &aj_xml_ctx_ops, .ops_user = index, .escape = aj_escape_html };
	GError *err = NULL;
	AjMTemplate *t;
	char *out;

	assert_non_null(doc);
	t = aj_m_parse(tmpl, strlen(tmpl), "t.md", 1, &err);
	assert_non_null(t);
	out = aj_m_render(t, aj_xml_ctx_value(xmlDocGetRootElement(doc)), &opts, &err);
	assert_null(err);
	aj_m_template_free(t);
	aj_xml_index_free(index);
	xmlFreeDoc(doc);
	return out;
}

/* Both ways of looking names up follow the same rules. */
static void check(const char *xml, const char *tmpl, const char *want)
{
	for (int indexed = 0; indexed <= 1; indexed++) {
		char *got = render(xml, tmpl, indexed);
		assert_string_equal(got, want);
		g_free(got);
	}
}

static void attribute_before_child(void **state)
{
	check("<d name='attr'><name>child</name></d>", "{{name}}", "attr");
	check("<d><name>child</name></d>", "{{name}}", "child");
	check("<d/>", "[{{name}}]", "[]");
}

static void context_stack(void **state)
{
	const char *xml = "<document year='2026'><meta title='月报'/>"
			  "<district code='320505' name='虎丘区'><total inspections='3'/></district>"
			  "</document>";

	/* year is found on the root while inside district and total */
	check(xml, "{{#district}}{{#total}}{{year}}-{{name}}-{{inspections}}{{/total}}{{/district}}",
	      "2026-虎丘区-3");
	/* an inner attribute masks an outer one of the same name */
	check("<d name='outer'><x name='inner'/></d>", "{{#x}}{{name}}{{/x}}/{{name}}",
	      "inner/outer");
}

static void dotted_names(void **state)
{
	const char *xml = "<document><meta year='2026' serial='3'><title>苏州</title></meta>"
			  "<a><b c='deep'/></a><year>root</year></document>";

	check(xml, "{{meta.year}}|{{meta.title}}|{{a.b.c}}", "2026|苏州|deep");
	/* later parts resolve only inside the value found, never up the stack */
	check(xml, "[{{meta.nothing}}][{{a.year}}]", "[][]");
	check(xml, "{{#a.b}}{{c}}{{/a.b}}", "deep");
}

static void iterates_repeated_children(void **state)
{
	const char *xml = "<document period='2026-03'>"
			  "<district code='1' n='5'/><other/><district code='2' n='0'/>"
			  "<district code='3' n='7'/></document>";

	check(xml, "{{#district}}{{code}}:{{n}}@{{period}};{{/district}}",
	      "1:5@2026-03;2:0@2026-03;3:7@2026-03;");
	/* a single matching child is a context, not a list */
	check("<d><one x='1'/></d>", "{{#one}}<{{x}}>{{/one}}", "<1>");
	/* "." of a text-only element is its text */
	check("<d><r>X1</r><r>X3</r></d>", "{{#r}}{{.}},{{/r}}", "X1,X3,");
	check("<d><reason code='X2'>penalty</reason></d>", "{{#reason}}{{code}}={{.}}{{/reason}}",
	      "X2=penalty");
}

static void falsy_values(void **state)
{
	const char *xml = "<d zero='0' f='false' empty='' yes='1' word='no'>"
			  "<t0>0</t0><tf>false</tf><te></te><tx>text</tx><el a='0'/></d>";

	check(xml, "{{#zero}}Z{{/zero}}{{#f}}F{{/f}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}",
	      "");
	check(xml, "{{^zero}}z{{/zero}}{{^f}}f{{/f}}{{^empty}}e{{/empty}}{{^missing}}m{{/missing}}",
	      "zfem");
	check(xml, "{{#yes}}Y{{/yes}}{{#word}}W{{/word}}{{#tx}}T{{/tx}}", "YWT");
	check(xml, "{{#t0}}0{{/t0}}{{#tf}}f{{/tf}}{{#te}}e{{/te}}{{^te}}!{{/te}}", "!");
	/* an element with attributes is truthy whatever their values */
	check(xml, "{{#el}}{{a}}{{/el}}", "0");
}

static void truthy_attribute_keeps_context(void **state)
{
	/* a truthy scalar pushed by a section does not hide outer names */
	check("<d publicity='internal' title='T'/>", "{{#publicity}}{{title}}:{{.}}{{/publicity}}",
	      "T:internal");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(attribute_before_child),
		cmocka_unit_test(context_stack),
		cmocka_unit_test(dotted_names),
		cmocka_unit_test(iterates_repeated_children),
		cmocka_unit_test(falsy_values),
		cmocka_unit_test(truthy_attribute_keeps_context),
	};
	return cmocka_run_group_tests_name("template_xml", tests, NULL, NULL);
}
