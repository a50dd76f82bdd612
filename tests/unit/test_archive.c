/* The archive's pieces (src/archive/): 文号 format and numbering from the
 * register, the register read back as written, the front matter stamped
 * by issue, and changed values between two data files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>

#include "register/compare.h"
#include "register/number.h"
#include "register/register.h"
#include "archive/stamp.h"
#include "build/outdir.h"
#include "util/digits.h"
#include "util/error.h"

static const char sha[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

static AjRegister *sample(void)
{
	AjRegister *reg = aj_register_new();
	AjRegEntry *e;

	e = aj_register_append(reg, "测安办通〔2026〕1号", "bulletin", "2026-01", "public",
			       "一月通报", "2026-02-01", FALSE);
	aj_reg_entry_add_file(e, "pdf", "2026/bulletin-2026-01/bulletin-2026-01.pdf", sha, 3);
	e = aj_register_append(reg, "测安办通〔2026〕2号", "bulletin", "2026-02", "public",
			       "二月通报 & <更正>", "2026-03-01", TRUE);
	aj_reg_entry_add_file(e, "md", "2026/bulletin-2026-02/bulletin-2026-02.md", sha, 0);
	aj_register_append(reg, "测安办通〔2025〕12号", "bulletin", "2025-12", "public", "十二月",
			   "2025-12-31", FALSE);
	return reg;
}

static void numbers(void **state)
{
	AjRegister *reg = sample();
	AjNumbering *nb = aj_numbering_new(reg);
	char *n = aj_number_format("测安办通", 2026, 3), *prefix = NULL;
	int year = 0, serial = 0;

	assert_string_equal(n, "测安办通〔2026〕3号");
	assert_true(aj_number_parse(n, &prefix, &year, &serial));
	assert_string_equal(prefix, "测安办通");
	assert_int_equal(year, 2026);
	assert_int_equal(serial, 3);
	assert_false(aj_number_parse("测安办通〔2026〕号", &(char *){ NULL }, &year, &serial));
	assert_false(aj_number_parse("〔2026〕3号", &(char *){ NULL }, &year, &serial));
	assert_false(aj_number_parse("测安办通〔2026〕03x号", &(char *){ NULL }, &year, &serial));
	/* one more than the highest of that 代字 and year, in order of issue */
	assert_int_equal(aj_register_next_serial(reg, "测安办通", 2026), 3);
	assert_int_equal(aj_register_next_serial(reg, "测安办通", 2025), 13);
	assert_int_equal(aj_register_next_serial(reg, "测安办曝", 2026), 1);
	assert_int_equal(aj_numbering_next(nb, "测安办通", 2026), 3);
	assert_int_equal(aj_numbering_next(nb, "测安办通", 2026), 4);
	assert_int_equal(aj_numbering_next(nb, "测安办曝", 2026), 1);
	assert_int_equal(aj_numbering_next(nb, "测安办通", 2027), 1);
	aj_numbering_free(nb);
	g_free(prefix);
	g_free(n);
	aj_register_free(reg);
}

static void digits(void **state)
{
	guint64 v = 0;

	assert_true(aj_digits("2024", -1, 9999, &v));
	assert_int_equal(v, 2024);
	assert_true(aj_digits("202403", 4, 9999, &v));
	assert_int_equal(v, 2024);
	assert_false(aj_digits("", -1, 10, &v));
	assert_false(aj_digits(" 1", -1, 10, &v));
	assert_false(aj_digits("+1", -1, 10, &v));
	assert_false(aj_digits("11", -1, 10, &v));
	assert_true(aj_digits("18446744073709551615", -1, G_MAXUINT64, &v));
	assert_false(aj_digits("18446744073709551616", -1, G_MAXUINT64, &v));
}

static void register_round_trip(void **state)
{
	char *dir = g_dir_make_tmp("ajreg-XXXXXX", NULL);
	AjRegister *reg = sample(), *back;
	AjRegEntry *cur;
	GError *err = NULL;

	cur = aj_register_current(reg, "bulletin", "2026-02");
	cur->status = (g_free(cur->status), g_strdup("superseded"));
	cur->superseded_by = g_strdup("测安办通〔2026〕3号");
	assert_true(aj_register_write(reg, dir, &err));
	back = aj_register_load(dir, &err);
	if (back == NULL)
		fail_msg("%s", err->message);
	assert_int_equal(back->entries->len, 3);
	assert_null(aj_register_current(back, "bulletin", "2026-02"));
	assert_non_null(aj_register_current(back, "bulletin", "2026-01"));
	assert_int_equal(aj_register_versions(back, "bulletin", "2026-02"), 1);
	cur = aj_register_find(back, "测安办通〔2026〕2号");
	assert_non_null(cur);
	assert_string_equal(cur->title, "二月通报 & <更正>");
	assert_true(cur->edited);
	assert_string_equal(cur->superseded_by, "测安办通〔2026〕3号");
	assert_string_equal(aj_reg_entry_file(cur, "md")->sha256, sha);
	assert_int_equal(aj_reg_entry_file(aj_register_find(back, "测安办通〔2026〕1号"), "pdf")->pages, 3);
	aj_register_free(back);
	/* a damaged register is a data error naming its line */
	{
		char *path = g_build_filename(dir, AJ_REGISTER_FILE, NULL);
		assert_true(g_file_set_contents(path, "<register version=\"1\">\n<document number=\"x\"/>\n"
							  "</register>\n", -1, NULL));
		assert_null(aj_register_load(dir, &err));
		assert_int_equal(err->code, EX_DATAERR);
		assert_non_null(strstr(err->message, "register.xml:2: "));
		g_clear_error(&err);
		g_free(path);
	}
	/* an archive not there yet has an empty register */
	back = aj_register_load("/nonexistent/archive", &err);
	assert_non_null(back);
	assert_int_equal(back->entries->len, 0);
	aj_register_free(back);
	aj_register_free(reg);
	aj_outdir_remove(dir);
	g_free(dir);
}

static void stamp(void **state)
{
	char *s;

	s = aj_stamp_markdown("---\ntitle: \"通报\"\nnumber: \"草〔2026〕1号\"\ndate: \"2026-03-31\"\n"
			      "print_date: >\n  2026-03-31\n---\n正文\n",
			      "测安办通〔2026〕5号", "2026-04-03");
	assert_string_equal(s, "---\ntitle: \"通报\"\nnumber: \"测安办通〔2026〕5号\"\n"
			       "date: \"2026-04-03\"\nprint_date: \"2026-04-03\"\n---\n正文\n");
	g_free(s);
	/* keys the draft lacks are added; quotes in a value escaped */
	s = aj_stamp_markdown("---\ntitle: t\n---\n", "a\"b〔2026〕1号", "2026-04-03");
	assert_string_equal(s, "---\ntitle: t\nnumber: \"a\\\"b〔2026〕1号\"\ndate: \"2026-04-03\"\n"
			       "print_date: \"2026-04-03\"\n---\n");
	g_free(s);
	/* a key only starting like one is left alone; no front matter: nothing */
	s = aj_stamp_markdown("---\nnumbers: x\n---\nnumber: body\n", "n", "d");
	assert_string_equal(s, "---\nnumbers: x\nnumber: \"n\"\ndate: \"d\"\nprint_date: \"d\"\n---\n"
			       "number: body\n");
	g_free(s);
	assert_null(aj_stamp_markdown("# 标题\n", "n", "d"));
	assert_null(aj_stamp_markdown("---\ntitle: unclosed\n", "n", "d"));
}

static xmlDocPtr xml(const char *text)
{
	xmlDocPtr d = xmlReadMemory(text, (int)strlen(text), "t.xml", NULL, XML_PARSE_NOBLANKS);

	assert_non_null(d);
	return d;
}

static void changes(void **state)
{
	xmlDocPtr a = xml("<document kind=\"bulletin\"><meta number=\"甲〔2026〕1号\" serial=\"1\" "
			  "title=\"t\"/><district code=\"1\" inspections=\"12\" name=\"东区\"/>"
			  "<district code=\"2\" inspections=\"5\"/><total inspections=\"17\"/>"
			  "<entry enterprise=\"E1\"><reason code=\"X1\"/></entry><note>旧</note></document>");
	xmlDocPtr b = xml("<document kind=\"bulletin\"><meta number=\"甲〔2026〕7号\" serial=\"7\" "
			  "title=\"t\" issuer-short=\"区安委办\"/><district code=\"1\" inspections=\"13\" name=\"东区\"/>"
			  "<district code=\"2\" inspections=\"5\"/><total inspections=\"18\"/>"
			  "<entry enterprise=\"E2\"><reason code=\"X3\"/></entry><note>新</note></document>");
	GPtrArray *c = aj_data_changes(a, b);
	GString *all = g_string_new(NULL);

	for (guint i = 0; i < c->len; i++)
		g_string_append_printf(all, "%s\n", (char *)g_ptr_array_index(c, i));
	/* the 文号 is the archive's, not a value of the data; a <meta>
	 * attribute the old file lacks is a later anjian's wording */
	assert_string_equal(all->str, "district 1 inspections: 12 → 13\n"
				      "total inspections: 17 → 18\n"
				      "entry E2 enterprise: — → E2\n"
				      "entry E2 / reason X3 code: — → X3\n"
				      "note text: 旧 → 新\n"
				      "entry E1 enterprise: E1 → —\n"
				      "entry E1 / reason X1 code: X1 → —\n");
	g_ptr_array_unref(c);
	c = aj_data_changes(a, a);
	assert_int_equal(c->len, 0);
	g_ptr_array_unref(c);
	g_string_free(all, TRUE);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(digits),
		cmocka_unit_test(register_round_trip),
		cmocka_unit_test(stamp),
		cmocka_unit_test(changes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
