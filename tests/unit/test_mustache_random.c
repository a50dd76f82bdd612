/* Robustness smoke test: thousands of random templates built from Mustache
 * fragments (unbalanced tags, delimiter changes, partial and parent cycles,
 * blocks, dynamic names) must each either render or fail with a positioned
 * message — never crash, leak or hang (run it under `make SANITIZE=1`).
 * Deterministic: a fixed seed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <libxml/parser.h>

#include "template/escape.h"
#include "template/mustache.h"
#include "template/xml_ctx.h"

static const char *const pieces[] = {
	"{{", "}}", "{{a}}", "{{#a}}", "{{/a}}", "{{^a}}", "{{#b}}", "{{/b}}", "{{.}}",
	"{{{a}}}", "{{&b.c}}", "{{>p}}", "{{>q}}", "{{>*n}}", "{{<p}}", "{{/p}}", "{{$x}}",
	"{{/x}}", "{{! c }}", "{{=<% %>=}}", "<%a%>", "<%={{ }}=%>", "{{=| |=}}", "|a|", "\n",
	"  ", "\r\n", "x", "中", "{{#list}}", "{{/list}}", "{{ }}", "{{#}}", "{{=a=}}", "}",
	"{", "{{{", "{{b.c.d}}", "{{#b.c}}", "{{/b.c}}",
};

typedef struct {
	GRand *rand;
} Gen;

static char *random_text(GRand *r, int n)
{
	GString *s = g_string_new(NULL);

	for (int i = 0; i < n; i++)
		g_string_append(s, pieces[g_rand_int_range(r, 0, G_N_ELEMENTS(pieces))]);
	return g_string_free(s, FALSE);
}

static char *loader(gpointer user, const char *name, char **origin, GError **err)
{
	Gen *g = user;

	if (g_rand_int_range(g->rand, 0, 4) == 0)
		return NULL;
	*origin = g_strdup_printf("partials/%s.md", name);
	return random_text(g->rand, g_rand_int_range(g->rand, 0, 12));
}

static void random_templates(void **state)
{
	const char *xml = "<d a='1' n='p'><b c='x'><c d='0'/></b><list v='1'/><list v='2'/>"
			  "<list v='3'/></d>";
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, 0);
	Gen g = { g_rand_new_with_seed(20260329) };
	AjXmlIndex *index = aj_xml_index_new();
	AjMRenderOpts opts = { .ops = &aj_xml_ctx_ops,
			       .ops_user = index,
			       .escape = aj_escape_markdown,
			       .load_partial = loader,
			       .partial_user = &g,
			       .max_output = 1 << 20 };
	int rendered = 0, failed = 0;

	for (int i = 0; i < 3000; i++) {
		char *text = random_text(g.rand, g_rand_int_range(g.rand, 1, 30));
		GError *err = NULL;
		AjMTemplate *t = aj_m_parse(text, strlen(text), "t.md", 1, &err);
		char *out = NULL;

		opts.strict_partials = i % 2;
		if (t)
			out = aj_m_render(t, aj_xml_ctx_value(xmlDocGetRootElement(doc)), &opts, &err);
		if (out) {
			assert_null(err);
			rendered++;
		} else {
			assert_non_null(err);
			/* every message starts with a position */
			assert_true(g_str_has_prefix(err->message, "t.md:") ||
				    g_str_has_prefix(err->message, "partials/"));
			failed++;
		}
		g_clear_error(&err);
		g_free(out);
		aj_m_template_free(t);
		g_free(text);
	}
	/* both outcomes must be common, or the generator tests nothing (a tag
	 * holding another "{{", or a single '}' ending its line, is refused as
	 * unbalanced: about 270 of these render) */
	assert_true(rendered > 200);
	assert_true(failed > 300);
	aj_xml_index_free(index);
	g_rand_free(g.rand);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(random_templates),
	};
	return cmocka_run_group_tests_name("mustache_random", tests, NULL, NULL);
}
