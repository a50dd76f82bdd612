/* Inputs the fuzzer found or the hostile-input list names, through
 * aj_load_dir() in the gcc build (tests/fuzz/regress/loader/ replays them
 * under clang): each must end in located errors, never a crash. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <glib/gstdio.h>

#include "load/load.h"
#include "util/error.h"

static const char base[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset version=\"1\">\n"
	"  <district code=\"320508\" name=\"姑苏区\"/>\n"
	"  <department id=\"yjj\" name=\"市应急管理局\"/>\n"
	"</dataset>\n";

/* Loads base.xml and x.xml (text) from a fresh directory; returns the
 * error message (g_free) and asserts that loading failed with EX_DATAERR. */
static char *load_fails(const char *text)
{
	char *dir = g_dir_make_tmp("anjian-hostile-XXXXXX", NULL);
	char *b = g_build_filename(dir, "base.xml", NULL), *x = g_build_filename(dir, "x.xml", NULL);
	GError *err = NULL;
	AjModel *m;
	char *msg;

	assert_non_null(dir);
	assert_true(g_file_set_contents(b, base, -1, NULL));
	assert_true(g_file_set_contents(x, text, -1, NULL));
	m = aj_load_dir(dir, &err);
	assert_null(m);
	assert_non_null(err);
	assert_int_equal(err->code, EX_DATAERR);
	msg = g_strdup(err->message);
	g_error_free(err);
	g_unlink(b);
	g_unlink(x);
	g_rmdir(dir);
	g_free(b);
	g_free(x);
	g_free(dir);
	return msg;
}

static void has(const char *msg, const char *want)
{
	if (strstr(msg, want) == NULL)
		fail_msg("message '%s' lacks '%s'", msg, want);
}

/* Found by fuzz-loader: a baseline without district (AJ_NONE) reached the
 * duplicate bitmap and indexed far outside it. */
static void baseline_without_district(void **state)
{
	char *msg = load_fails(
		"<?xml version=\"1.0\"?>\n<dataset version=\"1\">\n"
		"<baseline district=\"320508\" month=\"2024-01\" inspections=\"1\" penalties=\"0\" "
		"fines=\"0\" accidents=\"0\" deaths=\"0\"/>\n"
		"<baseline month=\"2024-02\" inspections=\"1\" penalties=\"0\" fines=\"0\" "
		"accidents=\"0\" deaths=\"0\"/>\n</dataset>\n");

	has(msg, "x.xml:4: <baseline> lacks the attribute district");
	g_free(msg);
}

static void entity_bomb(void **state)
{
	GString *s = g_string_new("<?xml version=\"1.0\"?>\n<!DOCTYPE dataset [\n"
				  "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n");
	char prev = 'a';
	char *msg;

	for (char e = 'b'; e <= 'k'; prev = e++) {
		g_string_append_printf(s, "<!ENTITY %c \"", e);
		for (int i = 0; i < 10; i++)
			g_string_append_printf(s, "&%c;", prev);
		g_string_append(s, "\">\n");
	}
	g_string_append(s, "]>\n<dataset version=\"1\"><district code=\"320599\" name=\"&k;\"/></dataset>\n");
	msg = load_fails(s->str);
	/* at the DOCTYPE, not at line 14 where the reader met the reference */
	has(msg, "x.xml:2: the file has a DOCTYPE");
	assert_null(strstr(msg, "aaaa"));
	/* one message for the file, not one per entity level */
	assert_null(strstr(strstr(msg, "x.xml:") + 1, "x.xml:"));
	g_free(msg);
	g_string_free(s, TRUE);
}

/* The DOCTYPE is named at its own line, wherever the reader stopped when
 * it noticed (it reads ahead) and whatever libxml2 found inside it. */
static void doctype_at_its_line(void **state)
{
	static const struct {
		const char *text;
		const char *want;
	} cases[] = {
		{ "<?xml version=\"1.0\"?>\n<!-- a comment naming <!DOCTYPE x> -->\n"
		  "<!DOCTYPE dataset [\n  <!ENTITY x \"y\">\n]>\n<dataset version=\"1\">\n"
		  "  <district code=\"320599\" name=\"&x;\"/>\n\n\n\n</dataset>\n",
		  "x.xml:3: the file has a DOCTYPE" },
		/* an external subset: never loaded */
		{ "<?xml version=\"1.0\"?>\n<?pi?>\n\n<!DOCTYPE dataset SYSTEM \"x.dtd\">\n"
		  "<dataset version=\"1\"><district code=\"320599\" name=\"&x;\"/></dataset>\n",
		  "x.xml:4: the file has a DOCTYPE" },
		/* a broken declaration and a parameter entity inside it */
		{ "<?xml version=\"1.0\"?>\n\n<!DOCTYPE dataset [\n<!ENTITY % p \"x\">\n%p;\n"
		  "<!ENTITY y bad>\n]>\n<dataset version=\"1\"/>\n",
		  "x.xml:3: the file has a DOCTYPE" },
	};

	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *msg = load_fails(cases[i].text);
		has(msg, cases[i].want);
		/* one message for the file */
		assert_null(strstr(strstr(msg, "x.xml:") + 1, "x.xml:"));
		g_free(msg);
	}
}

/* An entity reference without a DOCTYPE is named at its own line: in an
 * attribute of a tag spread over lines, and past line 65535, where
 * libxml2's node lines stop. */
static void entity_reference_at_its_line(void **state)
{
	GString *s = g_string_new("<?xml version=\"1.0\"?>\n<dataset version=\"1\">\n"
				  "<district code=\"320599\"\n\n name=\"&x;\"/>\n</dataset>\n");
	char *msg = load_fails(s->str);

	has(msg, "x.xml:5: not well-formed XML: an entity reference");
	g_free(msg);
	g_string_assign(s, "<?xml version=\"1.0\"?>\n<dataset version=\"1\">\n");
	for (int i = 0; i < 70000; i++)
		g_string_append(s, "<!-- -->\n");
	g_string_append(s, "<district code=\"320599\"\n name=\"a&x;\"/>\n</dataset>\n");
	msg = load_fails(s->str);
	has(msg, "x.xml:70004: not well-formed XML: an entity reference");
	g_free(msg);
	g_string_free(s, TRUE);
}

static void deep_nesting(void **state)
{
	GString *s = g_string_new("<?xml version=\"1.0\"?>\n<dataset version=\"1\">\n");
	char *msg;

	for (int i = 0; i < 10000; i++)
		g_string_append(s, "<x>");
	for (int i = 0; i < 10000; i++)
		g_string_append(s, "</x>");
	g_string_append(s, "\n</dataset>\n");
	msg = load_fails(s->str);
	has(msg, "x.xml:3: ");
	has(msg, "256 levels");
	g_free(msg);
	g_string_free(s, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(baseline_without_district),
		cmocka_unit_test(entity_bomb),
		cmocka_unit_test(doctype_at_its_line),
		cmocka_unit_test(entity_reference_at_its_line),
		cmocka_unit_test(deep_nesting),
	};
	return cmocka_run_group_tests_name("hostile_load", tests, NULL, NULL);
}
