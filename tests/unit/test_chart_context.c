/* Charts drawn from the bulletin context the rules stage really builds
 * (aj_context_build over a small model), so a change of its element or
 * attribute names breaks here rather than in a rendered bulletin. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "chart/chart.h"
#include "context/context.h"
#include "rules/documents.h"
#include "support/model_builder.h"
#include "test_chart_sanitizer.h"

typedef struct {
	AjModel *model;
	AjCoverage *cov;
	xmlDocPtr doc;
	AjOffice *office;
} Fixture;

static int setup(void **state)
{
	Fixture *f = g_new0(Fixture, 1);
	AjModel *m = ajt_model_new();
	AjPeriod p;
	GPtrArray *plan;
	guint32 a, b;

	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320571", "苏州工业园区");
	a = ajt_enterprise(m, "E1", "320505", AJ_IND_OTHER, 10, 10);
	b = ajt_enterprise(m, "E2", "320571", AJ_IND_OTHER, 10, 10);
	for (int i = 0; i < 7; i++)
		ajt_inspection(m, b, "2026-03-10");
	ajt_inspection(m, a, "2026-03-11");
	ajt_inspection(m, a, "2025-02-11");
	ajt_penalty(m, b, "2026-03-12", 5000, FALSE, FALSE);
	ajt_penalty(m, b, "2026-03-13", 5000, FALSE, FALSE);
	ajt_accident(m, a, "2025-07-02", 3);
	ajt_accident(m, b, "2025-07-20", 0);
	ajt_accident(m, b, "2026-01-05", 1);
	ajt_hazard(m, b, TRUE, "2026-01-05", "2026-02-01", NULL, AJ_LISTED_CITY);
	ajt_hazard(m, b, TRUE, "2026-03-05", "2026-06-01", NULL, AJ_LISTED_NONE);
	assert_true(aj_period_init(&p, ajt_month("2026-03"), AJ_DAY_NONE));
	f->office = ajt_office();
	f->cov = aj_coverage_new(m, p.asof);
	plan = aj_documents_plan(m, &p);
	for (guint i = 0; i < plan->len && f->doc == NULL; i++) {
		const AjDocPlan *d = g_ptr_array_index(plan, i);
		if (d->kind == AJ_DOC_BULLETIN)
			f->doc = aj_context_build(m, &p, f->cov, d, f->office);
	}
	g_ptr_array_unref(plan);
	assert_non_null(f->doc);
	f->model = m;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	Fixture *f = *state;

	xmlFreeDoc(f->doc);
	aj_coverage_free(f->cov);
	aj_model_free(f->model);
	aj_office_free(f->office);
	g_free(f);
	return ajt_release_font_map(state);
}

static void charts_read_the_rules_context(void **state)
{
	Fixture *f = *state;
	xmlNodePtr root = xmlDocGetRootElement(f->doc);
	static const char *const names[] = { "accidents-12m", "enforcement-by-district",
					     "hazards-by-district" };

	for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
		GError *err = NULL;
		char *svg = aj_chart_svg(names[i], root, 442, 270, &err);
		if (svg == NULL)
			fail_msg("%s", err->message);
		assert_non_null(strstr(svg, "<text"));
		g_free(svg);
	}
}

static void alt_texts_carry_the_rules_numbers(void **state)
{
	Fixture *f = *state;
	xmlNodePtr root = xmlDocGetRootElement(f->doc);
	char *acc = aj_chart_alt_text("accidents-12m", root);
	char *enf = aj_chart_alt_text("enforcement-by-district", root);
	char *haz = aj_chart_alt_text("hazards-by-district", root);

	if (strstr(acc, "7月2起、死亡3人") == NULL || strstr(acc, "2026年1月1起、死亡1人") == NULL)
		fail_msg("%s", acc);
	if (strstr(enf, "2026年3月") == NULL || strstr(enf, "苏州工业园区检查7家次、处罚2起") == NULL ||
	    strstr(enf, "虎丘区检查1家次、处罚0起") == NULL)
		fail_msg("%s", enf);
	if (strstr(haz, "苏州工业园区2项（其中逾期1项）") == NULL)
		fail_msg("%s", haz);
	g_free(acc);
	g_free(enf);
	g_free(haz);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(charts_read_the_rules_context),
		cmocka_unit_test(alt_texts_carry_the_rules_numbers),
	};

	ajt_slices_by_malloc(argv);
	return cmocka_run_group_tests(tests, setup, teardown);
}
