/* Runs the Mustache specification suite (JSON files) against the engine.
 *
 * usage: mustache-spec SPEC-DIR
 * Runs every test of the core modules and of ~inheritance and
 * ~dynamic-names; ~lambdas is skipped (our data never holds code).
 * Prints "mustache-spec: N passed, M failed"; exit 1 on any failure.
 */
#include <stdio.h>
#include <string.h>

#include "mustache/json_ctx.h"
#include "template/escape.h"
#include "template/mustache.h"

static const char *const spec_files[] = {
	"comments.json", "delimiters.json", "interpolation.json", "inverted.json",
	"partials.json", "sections.json",   "~inheritance.json",  "~dynamic-names.json",
};

static char *load_partial(gpointer user, const char *name, char **origin, GError **err)
{
	JsonObject *partials = user;

	if (!partials || !json_object_has_member(partials, name))
		return NULL;
	*origin = g_strdup_printf("partial %s", name);
	return g_strdup(json_object_get_string_member(partials, name));
}

static gboolean run_test(const char *file, JsonObject *test)
{
	const char *name = json_object_get_string_member(test, "name");
	const char *tmpl = json_object_get_string_member(test, "template");
	const char *expected = json_object_get_string_member(test, "expected");
	JsonObject *partials = json_object_has_member(test, "partials")
				       ? json_object_get_object_member(test, "partials")
				       : NULL;
	AjMRenderOpts opts = {
		.ops = &aj_json_ctx_ops,
		.escape = aj_escape_html,
		.load_partial = load_partial,
		.partial_user = partials,
	};
	GError *err = NULL;
	AjMTemplate *t = aj_m_parse(tmpl, strlen(tmpl), name, 1, &err);
	char *out = NULL;
	gboolean ok;

	if (t)
		out = aj_m_render(t, aj_json_ctx_value(json_object_get_member(test, "data")), &opts,
				  &err);
	ok = out && strcmp(out, expected) == 0;
	if (!ok) {
		char *e = g_strescape(expected, NULL), *g = out ? g_strescape(out, NULL) : NULL;

		fprintf(stderr, "FAIL %s: %s\n  expected \"%s\"\n  got      %s%s%s\n", file, name, e,
			g ? "\"" : "", g ? g : (err ? err->message : "(null)"), g ? "\"" : "");
		g_free(e);
		g_free(g);
	}
	g_clear_error(&err);
	g_free(out);
	aj_m_template_free(t);
	return ok;
}

int main(int argc, char **argv)
{
	guint passed = 0, failed = 0, i, j;

	if (argc != 2) {
		fprintf(stderr, "usage: %s SPEC-DIR\n", argv[0]);
		return 64;
	}
	for (i = 0; i < G_N_ELEMENTS(spec_files); i++) {
		char *path = g_build_filename(argv[1], spec_files[i], NULL);
		JsonParser *p = json_parser_new();
		GError *err = NULL;
		JsonArray *tests;

		if (!json_parser_load_from_file(p, path, &err)) {
			fprintf(stderr, "%s: %s\n", path, err->message);
			g_error_free(err);
			failed++;
		} else {
			tests = json_object_get_array_member(
				json_node_get_object(json_parser_get_root(p)), "tests");
			for (j = 0; j < json_array_get_length(tests); j++) {
				if (run_test(spec_files[i], json_array_get_object_element(tests, j)))
					passed++;
				else
					failed++;
			}
		}
		g_object_unref(p);
		g_free(path);
	}
	printf("mustache-spec: %u passed, %u failed (~lambdas skipped)\n", passed, failed);
	return failed ? 1 : 0;
}
