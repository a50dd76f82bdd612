/* The office profile (office/office.h): every key read, lists joined,
 * defaults, and each mistake named by file, line and key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>

#include "office/office.h"
#include "util/error.h"

static const char good[] =
	"issuer: 测试市安全生产委员会办公室\n"
	"area: 测试市\n"
	"recipients:\n"
	"  - 各区安委会\n"
	"  - 市安委会各成员单位\n"
	"cc: [省安委办, 市政府办公室]\n"
	"numbers:\n"
	"  bulletin: 测安办通\n"
	"  exposed: 测安办曝\n"
	"  exemplars: 测安办示\n"
	"  exemplar-review: 测安办审\n"
	"  rectification: 测安办改\n"
	"  hazard-supervision: 测安办督\n"
	"site:\n"
	"  url: https://example.invalid/test/\n";

/* Loads text as a profile; NULL with *err on failure. */
static AjOffice *load(const char *text, GError **err)
{
	char *dir = g_dir_make_tmp("ajoffice-XXXXXX", NULL);
	char *path = g_build_filename(dir, "office.yml", NULL);
	AjOffice *o;

	assert_true(g_file_set_contents(path, text, -1, NULL));
	o = aj_office_load(path, err);
	g_remove(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
	return o;
}

static void reads_every_key(void **state)
{
	GError *err = NULL;
	AjOffice *o = load(good, &err);

	if (o == NULL)
		fail_msg("%s", err->message);
	assert_string_equal(o->issuer, "测试市安全生产委员会办公室");
	assert_string_equal(o->area, "测试市");
	assert_string_equal(o->recipients, "各区安委会，市安委会各成员单位");
	assert_string_equal(o->cc, "省安委办，市政府办公室");
	assert_string_equal(o->printer, o->issuer); /* default */
	assert_string_equal(aj_office_prefix(o, AJ_DOC_BULLETIN), "测安办通");
	assert_string_equal(aj_office_prefix(o, AJ_DOC_HAZARD_SUPERVISION), "测安办督");
	/* the seventh kind, not in office.md's list: the bulletin's unless given */
	assert_string_equal(aj_office_prefix(o, AJ_DOC_ASSESSMENT), "测安办通");
	assert_null(o->data_source);
	assert_string_equal(o->site_url, "https://example.invalid/test/");
	{
		char *title = aj_office_site_title(o);
		assert_string_equal(title, "测试市安全生产信息公开");
		g_free(title);
	}
	aj_office_free(o);
}

/* The profile good with line n (1-based) replaced by line (NULL: removed). */
static char *with_line(int n, const char *line)
{
	char **lines = g_strsplit(good, "\n", -1);
	GString *s = g_string_new(NULL);

	for (int i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++) {
		if (i + 1 != n)
			g_string_append_printf(s, "%s\n", lines[i]);
		else if (line != NULL)
			g_string_append_printf(s, "%s\n", line);
	}
	g_strfreev(lines);
	return g_string_free(s, FALSE);
}

/* The profile with line n changed is refused naming office.yml:LINE: KEY and text. */
static void refused(int n, const char *line, const char *where, const char *text)
{
	char *profile = with_line(n, line);
	GError *err = NULL;
	AjOffice *o = load(profile, &err);

	assert_null(o);
	assert_non_null(err);
	assert_int_equal(err->code, EX_DATAERR);
	if (strstr(err->message, where) == NULL || strstr(err->message, text) == NULL)
		fail_msg("want '%s' and '%s' in: %s", where, text, err->message);
	g_error_free(err);
	g_free(profile);
}

static void mistakes_name_file_line_and_key(void **state)
{
	refused(2, "areas: 测试市", "office.yml:2: areas: unknown key", "issuer, area");
	refused(9, "  exposd: 测安办曝", "office.yml:9: numbers.exposd: unknown key", "bulletin");
	refused(10, NULL, "office.yml:7: numbers.exemplars: missing", "under \"numbers:\"");
	refused(1, NULL, "office.yml:1: issuer: missing", "issuer: …");
	refused(8, "  bulletin: 测安 办通", "office.yml:8: numbers.bulletin:", "not a 代字");
	refused(8, "  bulletin: 测安办通〔", "office.yml:8: numbers.bulletin:", "not a 代字");
	refused(15, "  url: example.invalid/test", "office.yml:15: site.url:", "absolute");
	refused(6, "area: 别的市", "office.yml:6: area: given twice", "keep one");
	refused(6, "cc: [省安委办, [x]]", "office.yml:6: cc:", "must be a text");
	refused(2, "area: [unclosed", "office.yml:", "not valid YAML");
	refused(2, "area: {a: b}", "office.yml:2: area:", "one text");
}

static void missing_file_is_no_input(void **state)
{
	GError *err = NULL;

	assert_null(aj_office_load("/nonexistent/office.yml", &err));
	assert_int_equal(err->code, EX_NOINPUT);
	assert_non_null(strstr(err->message, "--office FILE"));
	g_error_free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_every_key),
		cmocka_unit_test(mistakes_name_file_line_and_key),
		cmocka_unit_test(missing_file_is_no_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
