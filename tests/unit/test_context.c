/* Document contexts: the elements and attributes documents.md fixes for
 * OUT/data, number formats, and the metadata templates need. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libxml/xpath.h>

#include "context/attrs.h"
#include "context/context.h"
#include "support/model_builder.h"
#include "support/xpath.h"

typedef struct {
	AjModel *m;
	AjPeriod p;
	AjCoverage *c;
	GPtrArray *plan;
	AjOffice *office;
} Fixture;

static AjModel *model(void)
{
	AjModel *m = ajt_model_new();
	guint32 a, b;

	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320506", "吴中区");
	a = ajt_enterprise(m, "913205000000000001", "320505", AJ_IND_HAZARDOUS_CHEMICALS, 230, 5600);
	b = ajt_enterprise(m, "913205000000000002", "320506", AJ_IND_TRADE, 10, 10);
	ajt_inspection(m, a, "2026-03-02");
	ajt_inspection(m, a, "2025-03-02");
	ajt_inspection(m, b, "2025-03-03");
	ajt_inspection(m, b, "2025-03-04");
	ajt_inspection(m, b, "2026-03-04");
	ajt_penalty(m, a, "2026-03-05", 350000, TRUE, FALSE);
	ajt_penalty(m, a, "2026-03-06", 1, FALSE, FALSE);
	ajt_hazard(m, a, TRUE, "2026-01-01", "2026-03-01", NULL, AJ_LISTED_CITY);
	ajt_hazard(m, a, TRUE, "2026-02-01", "2026-04-30", NULL, AJ_LISTED_DISTRICT); /* in time */
	ajt_nomination(m, b, "2026-Q1");
	ajt_nomination(m, a, "2026-Q1");
	ajt_grade(m, b, 3, "2025-01-01", "2027-12-31", NULL);
	ajt_commitment(m, b, 2026, "2026-01-10");
	ajt_training(m, b, "2026-01", 10, 10);
	ajt_training(m, b, "2026-02", 10, 10);
	ajt_training(m, b, "2026-03", 10, 10);
	{
		guint32 l = ajt_problem_list(m, "gwy/1", "2020-01-15");
		ajt_problem(m, l, "gwy-1-01", AJ_PROBLEM_IN_PROGRESS, "2021-01-01", NULL);
		ajt_problem(m, l, "gwy-1-02", AJ_PROBLEM_DONE, "2021-01-01", "2020-06-01");
	}
	return m;
}

static int setup(void **state)
{
	Fixture *f = g_new0(Fixture, 1);

	f->m = model();
	f->office = ajt_office();
	aj_period_init(&f->p, ajt_month("2026-03"), AJ_DAY_NONE);
	f->c = aj_coverage_new(f->m, f->p.asof);
	f->plan = aj_documents_plan(f->m, &f->p);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	Fixture *f = *state;

	g_ptr_array_unref(f->plan);
	aj_coverage_free(f->c);
	aj_model_free(f->m);
	aj_office_free(f->office);
	g_free(f);
	return 0;
}

static xmlDocPtr context_of(Fixture *f, AjDocKind kind)
{
	for (guint i = 0; i < f->plan->len; i++) {
		const AjDocPlan *d = g_ptr_array_index(f->plan, i);
		if (d->kind == kind)
			return aj_context_build(f->m, &f->p, f->c, d, f->office);
	}
	fail_msg("no document of kind %d", kind);
	return NULL;
}

static void plan_order_and_names(void **state)
{
	Fixture *f = *state;
	static const char *const names[] = { "bulletin-2026-03", "exposed-2026-03",
					     "exemplars-2026-Q1", "exemplar-review-2026-Q1",
					     "rectification-gwy_2F1", "hazard-supervision-2026-03" };

	assert_int_equal(f->plan->len, G_N_ELEMENTS(names));
	for (guint i = 0; i < f->plan->len; i++)
		assert_string_equal(((AjDocPlan *)g_ptr_array_index(f->plan, i))->name, names[i]);
	assert_false(((AjDocPlan *)g_ptr_array_index(f->plan, 3))->public_);
	assert_false(((AjDocPlan *)g_ptr_array_index(f->plan, 4))->public_);
	assert_true(((AjDocPlan *)g_ptr_array_index(f->plan, 5))->public_);
}

static void bulletin_fixed_attributes(void **state)
{
	Fixture *f = *state;
	xmlDocPtr doc = context_of(f, AJ_DOC_BULLETIN);

	assert_xp(doc, "string(/document/@kind)", "bulletin");
	assert_xp(doc, "string(/document/@period)", "2026-03");
	assert_xp(doc, "string(/document/@publicity)", "public");
	assert_xp(doc, "count(/document/district)", "2");
	assert_xp(doc, "count(/document/total)", "1");
	assert_xp(doc, "string(/document/district[@code='320505']/@fines)", "350001.00");
	assert_xp(doc, "string(/document/district[@code='320505']/@fines-wan)", "35.00");
	assert_xp(doc, "string(/document/total/@fines)", "350001.00");
	assert_xp(doc, "string(/document/district[@code='320505']/@inspections-yoy)", "0.0");
	assert_xp(doc, "string(/document/district[@code='320506']/@inspections-yoy)", "-50.0");
	assert_xp(doc, "string(/document/district[@code='320506']/@inspections-yoy-cn)", "下降50.0%");
	/* Prior penalties were 0: not comparable, so absent. */
	assert_xp(doc, "count(/document/district[@code='320505']/@penalties-yoy)", "0");
	assert_xp(doc, "string(/document/district[@code='320505']/@penalties-yoy-cn)", "—");
	/* January and February 2025 are uncovered without baselines. */
	assert_xp(doc, "count(/document/total/@inspections-ytd-yoy)", "0");
	assert_xp(doc, "string(/document/district[@code='320505']/@target)", "unknown");
	/* The shard contract: the raw prior figures and their comparability. */
	assert_xp(doc, "string(/document/district[@code='320506']/@prior-comparable)", "true");
	assert_xp(doc, "string(/document/district[@code='320506']/@prior-inspections)", "2");
	assert_xp(doc, "string(/document/district[@code='320506']/@prior-fines)", "0.00");
	assert_xp(doc, "string(/document/total/@prior-inspections)", "3");
	assert_xp(doc, "string(/document/total/@prior-ytd-comparable)", "false");
	assert_xp(doc, "count(/document/total/@prior-ytd-inspections)", "0");
	assert_xp(doc, "string(/document/district[@code='320505']/@major-hazards-overdue)", "1");
	assert_xp(doc, "string(/document/district[@code='320505']/@name)", "虎丘区");
	assert_xp(doc, "count(/document/compliance)", "3");
	assert_xp(doc, "string(/document/compliance[@district='all']/@enterprises)", "2");
	assert_xp(doc, "string(/document/compliance[@district='320506']/@trained)", "10");
	assert_xp(doc, "count(/document/compliance[@district='all']/@director-present)", "1");
	assert_xp(doc, "count(/document/trend/month)", "12");
	assert_xp(doc, "string(/document/trend/month[1]/@period)", "2025-04");
	assert_xp(doc, "string(/document/trend/month[1]/@known)", "false");
	assert_xp(doc, "string(/document/trend/month[12]/@accidents)", "0");
	assert_xp(doc, "count(/document/exposed/entry)", "1");
	assert_xp(doc, "count(/document/exemplars/entry)", "1");
	assert_xp(doc, "string(/document/meta/@title)",
		  "测试市安全生产委员会办公室关于2026年3月全市安全生产情况的通报");
	assert_xp(doc, "string(/document/meta/@issuer)", "测试市安全生产委员会办公室");
	assert_xp(doc, "string(/document/meta/@recipients)", "各区安委会，市安委会各成员单位");
	assert_xp(doc, "string(/document/meta/@cc)", "省安委办，市政府办公室");
	assert_xp(doc, "string(/document/meta/@data-source)", "测试市安全生产监管执法系统");
	assert_xp(doc, "string(/document/meta/@number-prefix)", "测安办通");
	assert_xp(doc, "string(/document/meta/@date-cn)", "2026年3月31日");
	assert_xp(doc, "string(/document/meta/@month-cn)", "3月");
	/* the 文号 comes from the register, not from the data */
	assert_xp(doc, "count(/document/meta/@number)", "0");
	aj_context_set_number(doc, "测安办通〔2026〕7号", 7);
	assert_xp(doc, "string(/document/meta/@serial)", "7");
	assert_xp(doc, "string(/document/meta/@number)", "测安办通〔2026〕7号");
	xmlFreeDoc(doc);
}

static void exposed_and_exemplars(void **state)
{
	Fixture *f = *state;
	xmlDocPtr doc = context_of(f, AJ_DOC_EXPOSED);

	assert_xp(doc, "count(/document/entry)", "1");
	assert_xp(doc, "string(/document/entry/@enterprise)", "913205000000000001");
	assert_xp(doc, "count(/document/entry/reason)", "2");
	assert_xp(doc, "string(/document/entry/reason[1]/@code)", "X1");
	assert_xp(doc, "string(/document/entry/reason[2]/@code)", "X2");
	assert_xp(doc, "string(/document/entry/@no)", "1");
	/* the list's 所属地区 column: the district's name beside its code */
	assert_xp(doc, "string(/document/entry/@district)", "320505");
	assert_xp(doc, "string(/document/entry/@district-name)", "虎丘区");
	xmlFreeDoc(doc);
	doc = context_of(f, AJ_DOC_EXEMPLARS);
	assert_xp(doc, "string(/document/@period)", "2026-Q1");
	assert_xp(doc, "count(/document/entry)", "1");
	assert_xp(doc, "string(/document/entry/@enterprise)", "913205000000000002");
	assert_xp(doc, "string(/document/meta/@period-cn)", "2026年第一季度");
	xmlFreeDoc(doc);
	doc = context_of(f, AJ_DOC_EXEMPLAR_REVIEW);
	assert_xp(doc, "string(/document/@publicity)", "internal");
	assert_xp(doc, "count(/document/nomination)", "2");
	assert_xp(doc, "string(/document/nomination[1]/@enterprise)", "913205000000000001");
	assert_xp(doc, "string(/document/nomination[1]/veto[1]/@code)", "V2");
	assert_xp(doc, "count(/document/nomination[2]/veto)", "0");
	xmlFreeDoc(doc);
}

static void rectification_and_supervision(void **state)
{
	Fixture *f = *state;
	xmlDocPtr doc = context_of(f, AJ_DOC_RECTIFICATION);

	assert_xp(doc, "string(/document/@period)", "gwy/1");
	assert_xp(doc, "count(//problem)", "2");
	assert_xp(doc, "string(//problem[@id='gwy-1-01']/@status)", "in-progress");
	assert_xp(doc, "string(//problem[@id='gwy-1-01']/@overdue)", "true");
	assert_xp(doc, "string(//problem[@id='gwy-1-02']/@overdue)", "false");
	assert_xp(doc, "string(/document/summary/@total)", "2");
	assert_xp(doc, "string(/document/summary/@done)", "1");
	assert_xp(doc, "string(/document/summary/@in-progress)", "1");
	assert_xp(doc, "string(/document/summary/@long-term)", "0");
	assert_xp(doc, "string(/document/summary/@overdue)", "1");
	/* an overdue problem reads 逾期未完成 in the 完成情况 column */
	assert_xp(doc, "string(//problem[@id='gwy-1-01']/@status-cn)", "逾期未完成");
	assert_xp(doc, "string(//problem[@id='gwy-1-01']/@deadline-cn)", "2021年1月1日");
	assert_xp(doc, "string(/document/meta/@publicity-cn)", "不予公开");
	xmlFreeDoc(doc);
	doc = context_of(f, AJ_DOC_HAZARD_SUPERVISION);
	assert_xp(doc, "count(/document/hazard)", "2");
	assert_xp(doc, "string(/document/hazard/@id)", "YH-1");
	assert_xp(doc, "string(/document/hazard/@days-overdue)", "30");
	/* open in time: 整改中, and not among the summary's overdue */
	assert_xp(doc, "string(/document/hazard[2]/@state-cn)", "整改中");
	assert_xp(doc, "string(/document/hazard[2]/@overdue)", "false");
	assert_xp(doc, "string(/document/summary/@open)", "2");
	assert_xp(doc, "string(/document/summary/@overdue)", "1");
	/* 整改期限 is the deadline, 发现时间 the day found */
	assert_xp(doc, "string(/document/hazard/@deadline-cn)", "2026年3月1日");
	assert_xp(doc, "string(/document/hazard/@found-cn)", "2026年1月1日");
	assert_xp(doc, "string(/document/hazard/@district-name)", "虎丘区");
	assert_xp(doc, "string(/document/hazard/@state-cn)", "逾期30天");
	assert_xp(doc, "string(/document/meta/@publicity-cn)", "主动公开");
	xmlFreeDoc(doc);
}

/* An exposure decided without a <handling>: the exposure itself is what
 * was done, and 处理情况 says so rather than staying empty. */
static void exposure_without_handling(void **state)
{
	Fixture f = { ajt_model_new(), .office = ajt_office() };
	xmlDocPtr doc;
	guint32 e;

	ajt_district(f.m, "320505", "虎丘区");
	e = ajt_enterprise(f.m, "913205000000000001", "320505", AJ_IND_TRADE, 10, 10);
	ajt_exposure(f.m, e, "2026-03", "占用消防通道");
	aj_period_init(&f.p, ajt_month("2026-03"), AJ_DAY_NONE);
	f.c = aj_coverage_new(f.m, f.p.asof);
	f.plan = aj_documents_plan(f.m, &f.p);
	doc = context_of(&f, AJ_DOC_EXPOSED);
	assert_xp(doc, "string(/document/entry/reason/@code)", "X5");
	assert_xp(doc, "string(/document/entry/@problem)", "占用消防通道");
	assert_xp(doc, "string(/document/entry/@handling)", "予以公开曝光");
	xmlFreeDoc(doc);
	g_ptr_array_unref(f.plan);
	aj_coverage_free(f.c);
	aj_model_free(f.m);
	aj_office_free(f.office);
}

/* Money in 万元 with two decimals, rounded half away from zero. */
static void wan_rounds(void **state)
{
	const struct { AjFen fen; const char *want; } cases[] = {
		{ 1234500, "1.23" }, { 1235500, "1.24" }, { 1234999, "1.23" }, { 0, "0.00" },
		{ -1235500, "-1.24" }, { -4999, "0.00" },
	};

	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		xmlNodePtr x = xmlNewNode(NULL, BAD_CAST "x");
		xmlChar *v;
		aj_attr_wan(x, "w", cases[i].fen);
		v = xmlGetProp(x, BAD_CAST "w");
		assert_string_equal((const char *)v, cases[i].want);
		xmlFree(v);
		xmlFreeNode(x);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(plan_order_and_names, setup, teardown),
		cmocka_unit_test_setup_teardown(bulletin_fixed_attributes, setup, teardown),
		cmocka_unit_test_setup_teardown(exposed_and_exemplars, setup, teardown),
		cmocka_unit_test_setup_teardown(rectification_and_supervision, setup, teardown),
		cmocka_unit_test(exposure_without_handling),
		cmocka_unit_test(wan_rounds),
	};
	return cmocka_run_group_tests_name("context", tests, NULL, NULL);
}
