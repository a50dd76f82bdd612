/* A province's contexts from hand-made city shards: sums, comparability,
 * 同比 and 两增两降 judged again, the trend, lists joined with the city. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "context/province.h"
#include "support/model_builder.h"
#include "support/xpath.h"

typedef struct {
	AjCityShard city[2];
	xmlDocPtr lists[2];
	AjPeriod p;
	GPtrArray *plan;
	AjOffice *office; /* the province's: its area names the whole (全省) */
} Fixture;

/* A city's list file: <document> with two <entry>/<hazard> rows. */
static xmlDocPtr list_doc(const char *prefix)
{
	char *text = g_strdup_printf(
		"<document><entry enterprise='%s1' no='1'/><entry enterprise='%s2' no='2'/>"
		"<hazard id='%s-H1' listed='province' overdue='true' no='1'/>"
		"<hazard id='%s-H2' listed='city' overdue='false' no='2'/>"
		"<hazard id='%s-H3' listed='province' rectified='2026-03-02' overdue='false' no='3'/>"
		"</document>",
		prefix, prefix, prefix, prefix, prefix);
	xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "list.xml", NULL, 0);

	g_free(text);
	return doc;
}

static int setup(void **state)
{
	Fixture *f = g_new0(Fixture, 1);
	const char *codes[] = { "320100", "320500" }, *names[] = { "甲市", "乙市" };

	aj_period_init(&f->p, ajt_month("2026-03"), AJ_DAY_NONE);
	for (int i = 0; i < 2; i++) {
		AjCityShard *c = &f->city[i];
		c->code = codes[i];
		c->name = names[i];
		c->total = (AjBulletinRow){ .inspections = 10 + i, .inspections_ytd = 30 + i,
					    .penalties = 2, .penalties_ytd = 6, .fines = 100 * (i + 1),
					    .accidents_ytd = i, .deaths_ytd = i,
					    .prior = { 5, 2, 0, 0, 0, TRUE },
					    .prior_ytd = { 20, 3, 1, 1, 0, TRUE } };
		for (int k = 0; k < 12; k++)
			c->trend[k] = (AjTrendMonth){ f->p.month - 11 + k, TRUE, k, i };
		c->compliance = (AjComplianceRow){ .enterprises = 10, .commitment = 5 + i };
		f->lists[i] = list_doc(i == 0 ? "A" : "B");
		c->exposed = c->hazards = xmlDocGetRootElement(f->lists[i]);
	}
	/* the second city's prior March is not comparable, nor its trend's first month */
	f->city[1].total.prior.comparable = FALSE;
	f->city[1].trend[0].known = FALSE;
	f->plan = aj_documents_plan_rollup(&f->p);
	f->office = ajt_office();
	g_free(f->office->area);
	f->office->area = g_strdup("测试省");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	Fixture *f = *state;

	for (int i = 0; i < 2; i++)
		xmlFreeDoc(f->lists[i]);
	g_ptr_array_unref(f->plan);
	aj_office_free(f->office);
	g_free(f);
	return 0;
}

static xmlDocPtr province(Fixture *f, AjDocKind kind)
{
	AjAssessmentRule rule;

	aj_assessment_rule_default(&rule);
	for (guint i = 0; i < f->plan->len; i++) {
		const AjDocPlan *d = g_ptr_array_index(f->plan, i);
		if (d->kind == kind)
			return aj_context_province(f->city, 2, &f->p, d, f->office, &rule);
	}
	fail_msg("no %d in the roll-up's plan", kind);
	return NULL;
}

static void plan_of_a_rollup(void **state)
{
	Fixture *f = *state;

	/* March: no assessment, no exemplar list of its own */
	assert_int_equal(f->plan->len, 3);
	assert_string_equal(((AjDocPlan *)g_ptr_array_index(f->plan, 2))->name,
			    "hazard-supervision-2026-03");
}

static void bulletin_sums_and_judges(void **state)
{
	Fixture *f = *state;
	xmlDocPtr doc = province(f, AJ_DOC_BULLETIN);

	assert_xp(doc, "count(/document/district)", "2");
	assert_xp(doc, "string(/document/district[2]/@name)", "乙市");
	assert_xp(doc, "string(/document/total/@name)", "全省");
	assert_xp(doc, "string(/document/total/@inspections)", "21");
	assert_xp(doc, "string(/document/total/@fines)", "3.00");
	/* a city's prior month not comparable: the province's is not either */
	assert_xp(doc, "string(/document/total/@prior-comparable)", "false");
	assert_xp(doc, "count(/document/total/@inspections-yoy)", "0");
	/* the YTD prior is: 40 → 61 inspections, +52.5 % */
	assert_xp(doc, "string(/document/total/@prior-ytd-inspections)", "40");
	assert_xp(doc, "string(/document/total/@inspections-ytd-yoy)", "52.5");
	/* each city judged like a district: 甲市 down to 0 accidents and deaths */
	assert_xp(doc, "string(/document/district[1]/@target)", "met");
	assert_xp(doc, "string(/document/district[2]/@target)", "missed");
	assert_xp(doc, "string(/document/district[2]/@failing)", "accidents deaths");
	assert_xp(doc, "string(/document/targets/@missed)", "1");
	assert_xp(doc, "string(/document/trend/month[1]/@known)", "false");
	assert_xp(doc, "count(/document/trend/month[1]/@accidents)", "0");
	assert_xp(doc, "string(/document/trend/month[12]/@accidents)", "22");
	assert_xp(doc, "string(/document/trend/month[12]/@deaths)", "1");
	assert_xp(doc, "string(/document/compliance[@district='all']/@commitment)", "11");
	assert_xp(doc, "string(/document/compliance[@district='all']/@commitment-rate)", "55.0");
	assert_xp(doc, "string(/document/exposed/@count)", "4");
	assert_xp(doc, "string(/document/exposed/entry[3]/@city)", "乙市");
	assert_xp(doc, "string(/document/exposed/entry[3]/@no)", "3");
	/* March ends a quarter: the cities' exemplar lists (none here) joined */
	assert_xp(doc, "string(/document/exemplars/@count)", "0");
	xmlFreeDoc(doc);
}

static void province_listed_hazards(void **state)
{
	Fixture *f = *state;
	xmlDocPtr doc = province(f, AJ_DOC_HAZARD_SUPERVISION);

	assert_xp(doc, "count(/document/hazard)", "4");
	assert_xp(doc, "string(/document/hazard[3]/@id)", "B-H1");
	assert_xp(doc, "string(/document/hazard[3]/@city-code)", "320500");
	assert_xp(doc, "string(/document/summary/@open)", "2");
	assert_xp(doc, "string(/document/summary/@rectified)", "2");
	assert_xp(doc, "string(/document/summary/@overdue)", "2");
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(plan_of_a_rollup, setup, teardown),
		cmocka_unit_test_setup_teardown(bulletin_sums_and_judges, setup, teardown),
		cmocka_unit_test_setup_teardown(province_listed_hazards, setup, teardown),
	};
	return cmocka_run_group_tests_name("context_province", tests, NULL, NULL);
}
