/* The DA/T 46 items of a document (pdf/dat46.h): 文种 from the title, the
 * title's fallbacks, 公开属性 in the archive's words, and the PDF/A
 * converter refusing what is not a PDF. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "markdown/document.h"
#include "pdf/dat46.h"
#include "pdf/pdfa.h"
#include "util/error.h"

static AjDocument *parse(const char *text)
{
	GError *err = NULL;
	AjDocument *doc = aj_document_parse(text, strlen(text), "dir/t.md", &err);

	assert_null(err);
	assert_non_null(doc);
	return doc;
}

static void kinds(void **state)
{
	assert_string_equal(aj_dat46_kind_of_title("关于2026年3月全市安全生产情况的通报"), "通报");
	assert_string_equal(aj_dat46_kind_of_title("关于开展安全生产检查的通知"), "通知");
	assert_string_equal(aj_dat46_kind_of_title("关于某事项的函"), "函");
	assert_string_equal(aj_dat46_kind_of_title("某市人民政府令"), "令");
	assert_string_equal(aj_dat46_kind_of_title("关于表彰先进的决定"), "决定");
	assert_null(aj_dat46_kind_of_title("2026年3月曝光企业名单"));
	assert_null(aj_dat46_kind_of_title(NULL));
}

static void from_front_matter(void **state)
{
	AjDocument *doc = parse("---\nissuer: 某市安委办\nnumber: 某安办〔2026〕1号\n"
				"title: 关于某事的通知\ndate: 2026-04-05\npublicity: internal\n---\n正文。\n");
	AjDat46 d = { 0 };
	char *v;

	aj_dat46_from_document(&d, doc, 3, AJ_PDFA_FORMAT, "t.pdf");
	assert_string_equal(d.title, "关于某事的通知");
	assert_string_equal(d.number, "某安办〔2026〕1号");
	assert_string_equal(d.author, "某市安委办");
	assert_string_equal(d.date, "2026-04-05");
	assert_string_equal(d.kind, "通知");
	assert_string_equal(d.publicity, "不予公开");
	for (const AjDat46Item *it = aj_dat46_items; it->name; it++) {
		v = aj_dat46_value(&d, it);
		assert_non_null(v);
		if (strcmp(it->name, "pageCount") == 0)
			assert_string_equal(v, "3");
		if (strcmp(it->name, "fileName") == 0)
			assert_string_equal(v, "t.pdf");
		g_free(v);
	}
	{
		char **pairs = aj_dat46_pairs(&d);
		assert_int_equal(g_strv_length(pairs), 18); /* nine items, all present */
		assert_string_equal(pairs[0], "题名");
		assert_string_equal(pairs[1], "关于某事的通知");
		assert_string_equal(pairs[12], "页数");
		assert_string_equal(pairs[13], "3");
		g_strfreev(pairs);
	}
	aj_dat46_clear(&d);
	assert_null(d.title);
	aj_document_free(doc);
}

static void without_front_matter(void **state)
{
	AjDocument *doc = parse("# 关于某事的通报\n\n正文。\n");
	AjDat46 d = { 0 };

	aj_dat46_from_document(&d, doc, 1, AJ_PDFA_FORMAT, "t.pdf");
	assert_string_equal(d.title, "关于某事的通报");
	assert_string_equal(d.kind, "通报");
	assert_null(d.number);
	assert_null(d.author);
	assert_string_equal(d.publicity, "主动公开");
	aj_dat46_clear(&d);
	aj_document_free(doc);
	doc = parse("正文。\n");
	aj_dat46_from_document(&d, doc, 1, AJ_PDFA_FORMAT, "t.pdf");
	assert_string_equal(d.title, "t.md");
	aj_dat46_clear(&d);
	aj_document_free(doc);
}

static void not_a_pdf(void **state)
{
	AjDat46 d = { .title = "t", .pages = 1 };
	GByteArray *out = NULL;
	GError *err = NULL;
	static const char junk[] = "not a PDF at all";

	assert_false(aj_pdfa_convert((const guint8 *)junk, sizeof junk - 1, &d, "t.md", &out, &err));
	assert_null(out);
	assert_non_null(err);
	assert_int_equal(err->code, EX_SOFTWARE);
	assert_non_null(strstr(err->message, "t.md"));
	g_error_free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(from_front_matter),
		cmocka_unit_test(without_front_matter),
		cmocka_unit_test(not_a_pdf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
