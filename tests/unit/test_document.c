#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "markdown/document.h"
#include "util/error.h"

static AjDocument *parse(const char *text, GError **err)
{
	return aj_document_parse(text, strlen(text), "t.md", err);
}

/* Parses text expecting failure; returns the message (caller frees). */
static char *parse_error(const char *text)
{
	GError *err = NULL;
	AjDocument *doc = parse(text, &err);
	char *msg;

	assert_null(doc);
	assert_non_null(err);
	assert_int_equal(err->code, EX_DATAERR);
	msg = g_strdup(err->message);
	g_error_free(err);
	return msg;
}

static void full_front_matter(void **state)
{
	GError *err = NULL;
	AjDocument *doc = parse("---\n"
				"issuer: 苏州市安全生产委员会办公室\n"
				"number: 苏安办〔2026〕12号\n"
				"title: 关于2026年3月安全生产情况的通报\n"
				"recipients: [各区安委办, 市安委会各成员单位]\n"
				"date: 2026-04-05\n"
				"publicity: public\n"
				"attachments:\n"
				"  - 曝光企业名单\n"
				"  - 整改台账\n"
				"cc: 省安委办\n"
				"---\n"
				"正文第一段。\n"
				"\n"
				"# 附件1\n"
				"\n"
				"表格。\n"
				"\n"
				"***\n"
				"\n"
				"# 附件2 另一个标题\n",
				&err);
	int n = 0;
	char *title = NULL;
	cmark_node *c;

	assert_null(err);
	assert_non_null(doc);
	assert_true(doc->has_front_matter);
	assert_string_equal(doc->meta.issuer, "苏州市安全生产委员会办公室");
	assert_string_equal(doc->meta.number, "苏安办〔2026〕12号");
	assert_string_equal(doc->meta.recipients, "各区安委办，市安委会各成员单位");
	assert_string_equal(doc->meta.date, "2026-04-05");
	assert_string_equal(doc->meta.publicity, "public");
	assert_string_equal(doc->meta.cc, "省安委办");
	assert_null(doc->meta.printer);
	assert_int_equal(doc->meta.attachments->len, 2);
	assert_string_equal(g_ptr_array_index(doc->meta.attachments, 1), "整改台账");
	assert_int_equal(doc->body_line, 13);

	c = cmark_node_first_child(doc->root);
	assert_int_equal(cmark_node_get_type(c), CMARK_NODE_PARAGRAPH);
	assert_int_equal(aj_document_line(doc, c), 13);
	assert_false(aj_document_attachment(doc, c, &n, &title));
	c = cmark_node_next(c);
	assert_int_equal(aj_document_line(doc, c), 15);
	assert_true(aj_document_attachment(doc, c, &n, &title));
	assert_int_equal(n, 1);
	assert_string_equal(title, "曝光企业名单"); /* from the front matter */
	g_free(title);
	c = cmark_node_next(cmark_node_next(cmark_node_next(c)));
	assert_true(aj_document_attachment(doc, c, &n, &title));
	assert_int_equal(n, 2);
	assert_string_equal(title, "另一个标题");
	g_free(title);
	aj_document_free(doc);
}

static void no_front_matter_and_table(void **state)
{
	GError *err = NULL;
	AjDocument *doc = parse("# 标题\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n", &err);
	cmark_node *t;

	assert_non_null(doc);
	assert_false(doc->has_front_matter);
	assert_null(doc->meta.title);
	assert_int_equal(doc->body_line, 1);
	t = cmark_node_next(cmark_node_first_child(doc->root));
	assert_string_equal(cmark_node_get_type_string(t), "table");
	assert_int_equal(aj_document_line(doc, t), 3);
	aj_document_free(doc);
}

static void thematic_break_is_not_front_matter(void **state)
{
	GError *err = NULL;
	AjDocument *doc = parse("段落\n\n---\n\n后文\n", &err);

	assert_non_null(doc);
	assert_false(doc->has_front_matter);
	aj_document_free(doc);
}

static void unknown_key_names_line(void **state)
{
	char *msg = parse_error("---\ntitle: 标题\nauthor: 某人\n---\n正文\n");
	assert_non_null(strstr(msg, "t.md:3:"));
	assert_non_null(strstr(msg, "author"));
	g_free(msg);
}

static void bad_values(void **state)
{
	char *msg = parse_error("---\n\ndate: 2026-4-5\n---\n");
	assert_non_null(strstr(msg, "t.md:3:"));
	assert_non_null(strstr(msg, "YYYY-MM-DD"));
	g_free(msg);
	msg = parse_error("---\npublicity: open\n---\n");
	assert_non_null(strstr(msg, "t.md:2:"));
	g_free(msg);
	msg = parse_error("---\ntitle: a\ntitle: b\n---\n");
	assert_non_null(strstr(msg, "twice"));
	g_free(msg);
	msg = parse_error("---\ntitle: [a\n---\n");
	assert_non_null(strstr(msg, "t.md:"));
	assert_non_null(strstr(msg, "YAML"));
	g_free(msg);
	msg = parse_error("---\ntitle: a\n正文\n");
	assert_non_null(strstr(msg, "not closed"));
	g_free(msg);
	msg = parse_error("---\nattachments: 名单\n---\n");
	assert_non_null(strstr(msg, "list"));
	g_free(msg);
}

static void attachment_numbering_checked(void **state)
{
	char *msg = parse_error("正文\n\n# 附件2 表\n");
	assert_non_null(strstr(msg, "t.md:3:"));
	g_free(msg);
	msg = parse_error("---\nattachments: [甲, 乙]\n---\n正文\n\n# 附件1\n");
	assert_non_null(strstr(msg, "2 attachments"));
	g_free(msg);
}

static void invalid_utf8(void **state)
{
	char *msg = parse_error("行一\n行二\xff\n");
	assert_non_null(strstr(msg, "t.md:2:"));
	g_free(msg);
}

/* prefix, then `open` n times, "深", `close` n times, a newline */
static char *nested(const char *prefix, const char *open, const char *close, int n)
{
	GString *s = g_string_new(prefix);

	for (int i = 0; i < n; i++)
		g_string_append(s, open);
	g_string_append(s, "深");
	for (int i = 0; i < n; i++)
		g_string_append(s, close);
	g_string_append_c(s, '\n');
	return g_string_free(s, FALSE);
}

/* Nesting stops at AJ_DOCUMENT_MAX_DEPTH levels (document → quote … →
 * paragraph → text), with the line of the first node too deep; block
 * quotes, lists and emphasis alike. */
static void nesting_limit(void **state)
{
	const int max = AJ_DOCUMENT_MAX_DEPTH;
	char *ok = nested("# 题\n\n正文。\n\n", "> ", "", max - 2); /* text at level max */
	char *quotes = nested("# 题\n\n正文。\n\n", "> ", "", max - 1);
	char *lists = nested("# 题\n\n", "- ", "", max / 2);
	char *emph = nested("正文\n\n\n", "*", "*", 2 * max);
	char *huge = nested("\n", "> ", "", 100000);
	GError *err = NULL;
	AjDocument *doc = parse(ok, &err);
	char *msg;

	assert_non_null(doc);
	assert_null(err);
	aj_document_free(doc);
	msg = parse_error(quotes);
	assert_non_null(strstr(msg, "t.md:5:"));
	assert_non_null(strstr(msg, "100 levels"));
	g_free(msg);
	msg = parse_error(lists);
	assert_non_null(strstr(msg, "t.md:3:"));
	g_free(msg);
	msg = parse_error(emph);
	assert_non_null(strstr(msg, "t.md:4:"));
	g_free(msg);
	msg = parse_error(huge);
	assert_non_null(strstr(msg, "t.md:2:"));
	g_free(msg);
	g_free(ok);
	g_free(quotes);
	g_free(lists);
	g_free(emph);
	g_free(huge);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_front_matter),
		cmocka_unit_test(no_front_matter_and_table),
		cmocka_unit_test(thematic_break_is_not_front_matter),
		cmocka_unit_test(unknown_key_names_line),
		cmocka_unit_test(bad_values),
		cmocka_unit_test(attachment_numbering_checked),
		cmocka_unit_test(invalid_utf8),
		cmocka_unit_test(nesting_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
