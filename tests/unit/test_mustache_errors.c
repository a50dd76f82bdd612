/* Template errors name file, line and column and say what to do; hostile
 * templates (deep nesting, recursive partials, huge output) fail cleanly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <libxml/parser.h>

#include "template/escape.h"
#include "template/mustache.h"
#include "template/xml_ctx.h"
#include "util/error.h"

static void parse_fails(const char *tmpl, int first_line, const char *want)
{
	GError *err = NULL;
	AjMTemplate *t = aj_m_parse(tmpl, strlen(tmpl), "templates/bulletin.md", first_line, &err);

	assert_null(t);
	assert_non_null(err);
	assert_int_equal(err->code, EX_DATAERR);
	if (!strstr(err->message, want))
		fail_msg("message '%s' lacks '%s'", err->message, want);
	g_error_free(err);
}

static void positions(void **state)
{
	parse_fails("# 通报\n\n一、总体情况\n\n    {{#districts}}\nx\n", 1,
		    "templates/bulletin.md:5:5: section 'districts' is never closed; add {{/districts}}");
	/* columns count characters, lines start at first_line */
	parse_fails("中文{{#a}}{{/b}}", 7, "templates/bulletin.md:7:9: '{{/b}}' does not match the "
				       "open section 'a' (opened at templates/bulletin.md:7:3)");
	parse_fails("x\n{{/a}}", 1, "templates/bulletin.md:2:1: '{{/a}}' closes a section that was "
				  "never opened");
	parse_fails("ab {{name", 1, "templates/bulletin.md:1:4: tag '{{' is never closed; add '}}'");
	parse_fails("\n{{=<% =}}", 1, "templates/bulletin.md:2:1: bad delimiter change");
	parse_fails("{{= a= b =}}", 1, "bad delimiter change");
	parse_fails("{{ }}", 1, "templates/bulletin.md:1:1: empty tag");
	parse_fails("{{{x}}", 1, "is never closed");
}

static char *self_loader(gpointer user, const char *name, char **origin, GError **err)
{
	*origin = g_strdup_printf("templates/%s.md", name);
	return g_strdup(user);
}

static char *render_with(const char *tmpl, gpointer partial, gboolean strict, GError **err)
{
	const char *xml = "<d a='1'><x a='1'/></d>";
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, 0);
	AjMRenderOpts opts = { .ops = &aj_xml_ctx_ops,
			       .escape = aj_escape_markdown,
			       .load_partial = partial ? self_loader : NULL,
			       .partial_user = partial,
			       .strict_partials = strict };
	AjMTemplate *t = aj_m_parse(tmpl, strlen(tmpl), "templates/t.md", 1, err);
	char *out = NULL;

	if (t)
		out = aj_m_render(t, aj_xml_ctx_value(xmlDocGetRootElement(doc)), &opts, err);
	aj_m_template_free(t);
	xmlFreeDoc(doc);
	return out;
}

static void unknown_partial(void **state)
{
	GError *err = NULL;
	char *out = render_with("a\n  {{>missing}}", NULL, TRUE, &err);

	assert_null(out);
	assert_non_null(err);
	assert_string_equal(err->message, "templates/t.md:2:3: partial 'missing' not found; "
					  "create it beside the template or fix the name");
	g_clear_error(&err);
	out = render_with("a{{>missing}}b", NULL, FALSE, &err);
	assert_null(err);
	assert_string_equal(out, "ab");
	g_free(out);
}

static void recursive_partial_is_cut(void **state)
{
	GError *err = NULL;
	char *out = render_with("{{>loop}}", "x{{>loop}}", TRUE, &err);

	assert_null(out);
	assert_non_null(err);
	assert_non_null(strstr(err->message, "templates/loop.md:1:2: partials nested deeper than 100"));
	g_error_free(err);
}

static void deep_partial_nesting_is_cut(void **state)
{
	/* 150 open sections per partial level, 100 levels: 15 000 frames if
	 * nothing stopped it earlier */
	GString *p = g_string_new(NULL);
	GError *err = NULL;
	char *out;
	int i;

	for (i = 0; i < 150; i++)
		g_string_append(p, "{{#a}}");
	g_string_append(p, "{{>deep}}");
	for (i = 0; i < 150; i++)
		g_string_append(p, "{{/a}}");
	out = render_with("{{>deep}}", p->str, TRUE, &err);
	assert_null(out);
	assert_non_null(strstr(err->message, "nested deeper than 1000 while rendering"));
	g_error_free(err);
	g_string_free(p, TRUE);
}

static void deep_nesting_is_refused(void **state)
{
	GString *s = g_string_new(NULL);
	GError *err = NULL;
	AjMTemplate *t;
	int i;

	for (i = 0; i < 100000; i++)
		g_string_append(s, "{{#x}}");
	for (i = 0; i < 100000; i++)
		g_string_append(s, "{{/x}}");
	t = aj_m_parse(s->str, s->len, "templates/deep.md", 1, &err);
	assert_null(t);
	assert_non_null(strstr(err->message, "templates/deep.md:1:1201: sections nested deeper than 200"));
	g_clear_error(&err);
	g_string_free(s, TRUE);
}

static void many_flat_sections_are_fine(void **state)
{
	GString *s = g_string_new(NULL);
	GError *err = NULL;
	char *out;
	int i;

	for (i = 0; i < 100000; i++)
		g_string_append(s, "{{#x}}{{a}}{{/x}}");
	out = render_with(s->str, NULL, TRUE, &err);
	assert_null(err);
	assert_int_equal(strlen(out), 100000);
	g_free(out);
	g_string_free(s, TRUE);
}

static char *render_lists(const char *tmpl, gsize max_output, GError **err)
{
	const char *xml = "<d><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/></d>";
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, 0);
	AjMRenderOpts opts = { .ops = &aj_xml_ctx_ops, .escape = aj_escape_markdown,
			       .max_output = max_output };
	AjMTemplate *t = aj_m_parse(tmpl, strlen(tmpl), "templates/t.md", 1, err);
	char *out = aj_m_render(t, aj_xml_ctx_value(xmlDocGetRootElement(doc)), &opts, err);

	aj_m_template_free(t);
	xmlFreeDoc(doc);
	return out;
}

static void output_size_is_capped(void **state)
{
	GError *err = NULL;
	char *out = render_lists("{{#i}}{{#i}}{{#i}}{{#i}}xx{{/i}}{{/i}}{{/i}}{{/i}}", 19999, &err);

	assert_null(out);
	assert_non_null(strstr(err->message, "templates/t.md:1:25: output grows beyond 19999 bytes"));
	g_clear_error(&err);
	out = render_lists("{{#i}}{{#i}}{{#i}}{{#i}}xx{{/i}}{{/i}}{{/i}}{{/i}}", 20000, &err);
	assert_null(err);
	assert_int_equal(strlen(out), 20000);
	g_free(out);
}

static void work_is_capped(void **state)
{
	/* 10^8 empty iterations produce no output but must still stop */
	GError *err = NULL;
	char *out = render_lists("{{#i}}{{#i}}{{#i}}{{#i}}{{#i}}{{#i}}{{#i}}{{#i}}{{#x}}{{/x}}"
				 "{{/i}}{{/i}}{{/i}}{{/i}}{{/i}}{{/i}}{{/i}}{{/i}}", 0, &err);

	assert_null(out);
	assert_non_null(strstr(err->message, "rendering takes more than"));
	g_error_free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(positions),
		cmocka_unit_test(unknown_partial),
		cmocka_unit_test(recursive_partial_is_cut),
		cmocka_unit_test(deep_partial_nesting_is_cut),
		cmocka_unit_test(deep_nesting_is_refused),
		cmocka_unit_test(many_flat_sections_are_fine),
		cmocka_unit_test(output_size_is_capped),
		cmocka_unit_test(work_is_capped),
	};
	return cmocka_run_group_tests_name("mustache_errors", tests, NULL, NULL);
}
