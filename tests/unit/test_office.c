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
	assert_int_equal(o->penalty_publicity_years, 0); /* not given: the build's default */
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

/* profile (taken over) is refused naming office.yml:LINE: KEY and text. */
static void refused_profile(char *profile, const char *where, const char *text)
{
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

/* good with line n changed (NULL: removed) is refused. */
static void refused(int n, const char *line, const char *where, const char *text)
{
	refused_profile(with_line(n, line), where, text);
}

static void reads_penalty_publicity_years(void **state)
{
	char *profile = with_line(15, "  url: https://example.invalid/test/\n"
				      "penalty-publicity-years: 5");
	GError *err = NULL;
	AjOffice *o = load(profile, &err);

	if (o == NULL)
		fail_msg("%s", err->message);
	assert_int_equal(o->penalty_publicity_years, 5);
	aj_office_free(o);
	g_free(profile);
}

/* (area, issuer-short, internal-recipients) → the wording the text gets:
 * from the area's level unless the profile says it. */
static void names_the_office_by_its_level(void **state)
{
	static const struct {
		const char *area, *extra, *level, *short_name, *members;
	} cases[] = {
		{ "测试市", "", "市", "市安委办", "市安委会各成员单位" },
		{ "测试县", "", "县", "县安委办", "县安委会各成员单位" },
		{ "测试市测试区", "", "区", "区安委办", "区安委会各成员单位" },
		{ "测试省", "", "省", "省安委办", "省安委会各成员单位" },
		{ "测试新城", "", "市", "市安委办", "市安委会各成员单位" },
		{ "测试县", "issuer-short: 县安委会办公室\ninternal-recipients: [县安委会成员单位, 各镇]\n",
		  "县", "县安委会办公室", "县安委会成员单位，各镇" },
	};

	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *area = g_strdup_printf("area: %s\n%s", cases[i].area, cases[i].extra);
		char *profile = with_line(2, area);
		GError *err = NULL;
		AjOffice *o = load(profile, &err);
		char *short_name, *members;
		if (o == NULL)
			fail_msg("%s", err->message);
		short_name = aj_office_issuer_short(o);
		members = aj_office_internal_recipients(o);
		assert_string_equal(aj_area_level(o->area), cases[i].level);
		assert_string_equal(short_name, cases[i].short_name);
		assert_string_equal(members, cases[i].members);
		g_free(short_name);
		g_free(members);
		aj_office_free(o);
		g_free(profile);
		g_free(area);
	}
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
	refused(2, "penalty-publicity-years: 0", "office.yml:2: penalty-publicity-years:",
		"\"0\" is not a number of years");
	refused(2, "penalty-publicity-years: 3年", "office.yml:2: penalty-publicity-years:",
		"from 1 to 99");
	refused(2, "penalty-publicity-years: 100", "office.yml:2: penalty-publicity-years:",
		"from 1 to 99");
	refused(2, "penalty-publicity-years: [3]", "office.yml:2: penalty-publicity-years:",
		"whole number");
}

/* good with an assessment section: the rule and publicity it chooses. */
static void reads_the_assessment(void **state)
{
	char *text = g_strconcat(good,
				 "assessment:\n"
				 "  publicity: public\n"
				 "  indicators:\n"
				 "    target-months: 30\n"
				 "    commitment: 7.5\n"
				 "    hazards-overdue: {weight: 10, deduct: 0.25}\n"
				 "    exposures: {weight: 6}\n",
				 NULL);
	GError *err = NULL;
	AjOffice *o = load(text, &err);
	AjAssessmentRule rule;
	GPtrArray *plan = g_ptr_array_new_with_free_func(g_free);
	AjDocPlan *bulletin = g_new0(AjDocPlan, 1), *assessment = g_new0(AjDocPlan, 1);

	if (o == NULL)
		fail_msg("%s", err->message);
	aj_office_assessment_rule(o, &rule);
	/* in the profile's order, in hundredths; a count's deduct defaults to 1 */
	assert_int_equal(rule.n, 4);
	assert_int_equal(rule.items[0].indicator, AJ_INDICATOR_TARGET_MONTHS);
	assert_int_equal(rule.items[0].weight, 3000);
	assert_int_equal(rule.items[0].deduct, 0);
	assert_int_equal(rule.items[1].indicator, AJ_INDICATOR_COMMITMENT);
	assert_int_equal(rule.items[1].weight, 750);
	assert_int_equal(rule.items[2].indicator, AJ_INDICATOR_HAZARDS_OVERDUE);
	assert_int_equal(rule.items[2].weight, 1000);
	assert_int_equal(rule.items[2].deduct, 25);
	assert_int_equal(rule.items[3].indicator, AJ_INDICATOR_EXPOSURES);
	assert_int_equal(rule.items[3].weight, 600);
	assert_int_equal(rule.items[3].deduct, 100);
	assert_int_equal(aj_assessment_rule_max(&rule), 5350);
	/* publicity: the assessment's only */
	bulletin->kind = AJ_DOC_BULLETIN;
	bulletin->public_ = TRUE;
	assessment->kind = AJ_DOC_ASSESSMENT;
	g_ptr_array_add(plan, bulletin);
	g_ptr_array_add(plan, assessment);
	aj_office_apply_publicity(o, plan);
	assert_true(bulletin->public_);
	assert_true(assessment->public_);
	aj_office_free(o);
	g_free(text);

	/* without the section: the default rule (100 points), publicity untouched */
	o = load(good, &err);
	assessment->public_ = FALSE;
	aj_office_assessment_rule(o, &rule);
	assert_int_equal(rule.n, AJ_INDICATOR_COUNT);
	assert_int_equal(aj_assessment_rule_max(&rule), 10000);
	aj_office_apply_publicity(o, plan);
	assert_false(assessment->public_);
	aj_office_free(o);
	g_ptr_array_unref(plan);
}

/* good with the lines tail after it is refused. */
static void refused_tail(const char *tail, const char *where, const char *text)
{
	refused_profile(g_strconcat(good, tail, NULL), where, text);
}

static void assessment_mistakes(void **state)
{
	/* good has 15 lines: assessment is line 16, its indicators from 18 */
	refused_tail("assessment:\n  publicity: secret\n", "office.yml:17: assessment.publicity:",
		     "write public or internal");
	refused_tail("assessment:\n  indicators:\n    safety: 8\n",
		     "office.yml:18: assessment.indicators.safety:", "target-months, commitment");
	refused_tail("assessment:\n  indicators:\n    training: 8\n    training: 4\n",
		     "office.yml:19: assessment.indicators:", "training is given twice");
	refused_tail("assessment:\n  indicators:\n    training: eight\n",
		     "office.yml:18: assessment.indicators.training:", "\"eight\" is not a weight");
	refused_tail("assessment:\n  indicators:\n    training: 0\n",
		     "office.yml:18: assessment.indicators.training:", "not a weight");
	refused_tail("assessment:\n  indicators:\n    training: 8.125\n",
		     "office.yml:18: assessment.indicators.training:", "not a weight");
	refused_tail("assessment:\n  indicators:\n    training: {weight: 8, deduct: 1}\n",
		     "office.yml:18: assessment.indicators.training:", "deduct is for");
	refused_tail("assessment:\n  indicators:\n    exposures: {deduct: 1}\n",
		     "office.yml:18: assessment.indicators.exposures:", "give its weight");
	refused_tail("assessment:\n  indicators:\n    exposures: {weight: 8, per: 1}\n",
		     "office.yml:18: assessment.indicators.exposures:", "unknown key per");
	refused_tail("assessment:\n  indicators: []\n", "office.yml:17: assessment.indicators:",
		     "one 'indicator: weight' line each");
	refused_tail("assessment:\n  weights: {}\n", "office.yml:17: assessment.weights:",
		     "publicity, indicators");
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
		cmocka_unit_test(reads_penalty_publicity_years),
		cmocka_unit_test(names_the_office_by_its_level),
		cmocka_unit_test(mistakes_name_file_line_and_key),
		cmocka_unit_test(missing_file_is_no_input),
		cmocka_unit_test(reads_the_assessment),
		cmocka_unit_test(assessment_mistakes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
