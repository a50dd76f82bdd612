/* The assessment (考核): indicator values of a hand-made model, points,
 * totals and ranks recomputed by hand (README "Assessment"). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules/assessment.h"
#include "support/model_builder.h"

#define V(row, ind) ((row).value[AJ_INDICATOR_##ind])
#define assert_value(row, ind, p, w)                          \
	do {                                                  \
		assert_int_equal(V(row, ind).part, (p));      \
		assert_int_equal(V(row, ind).whole, (w));     \
	} while (0)

static void rate_points(void **state)
{
	AjWeighted w = { AJ_INDICATOR_COMMITMENT, 800, 0 };

	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 3, 4 }), 600);
	/* 533.33… → 533; 2/3 of 20 points = 13.333… → 13.33 */
	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 2, 3 }), 533);
	w.weight = 2000;
	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 2, 3 }), 1333);
	/* half a hundredth rounds away from zero: 1/8 of 0.20 = 0.025 → 0.03 */
	w.weight = 20;
	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 1, 8 }), 3);
	/* nothing required: full points */
	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 0, 0 }), 20);
}

static void deduct_points(void **state)
{
	AjWeighted w = { AJ_INDICATOR_EXPOSURES, 800, 50 };

	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 0, 0 }), 800);
	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 5, 0 }), 550);
	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 16, 0 }), 0);
	assert_int_equal(aj_indicator_points(&w, (AjIndicatorValue){ 200, 0 }), 0);
}

static void keys_and_default_rule(void **state)
{
	AjAssessmentRule rule;
	AjIndicator ind;

	for (int i = 0; i < AJ_INDICATOR_COUNT; i++) {
		assert_true(aj_indicator_parse(aj_indicator_key((AjIndicator)i), &ind));
		assert_int_equal(ind, i);
	}
	assert_false(aj_indicator_parse("accidents", &ind));
	assert_int_equal(aj_indicator_kind(AJ_INDICATOR_TRAINING), AJ_SCORE_RATE);
	assert_int_equal(aj_indicator_kind(AJ_INDICATOR_REPORTS_LATE), AJ_SCORE_DEDUCT);
	aj_assessment_rule_default(&rule);
	assert_int_equal(rule.n, AJ_INDICATOR_COUNT);
	assert_int_equal(aj_assessment_rule_max(&rule), 10000);
}

static void ranks_share_ties(void **state)
{
	AjAssessmentRule rule = { 1, { { AJ_INDICATOR_COMMITMENT, 1000, 0 } } };
	AjAssessmentRow rows[4] = { 0 };

	V(rows[0], COMMITMENT) = (AjIndicatorValue){ 1, 2 }; /* 5.00 */
	V(rows[1], COMMITMENT) = (AjIndicatorValue){ 9, 10 }; /* 9.00 */
	V(rows[2], COMMITMENT) = (AjIndicatorValue){ 1, 2 }; /* 5.00 */
	V(rows[3], COMMITMENT) = (AjIndicatorValue){ 1, 4 }; /* 2.50 */
	aj_assessment_score(&rule, rows, 4);
	assert_int_equal(rows[0].total, 500);
	assert_int_equal(rows[1].rank, 1);
	assert_int_equal(rows[0].rank, 2);
	assert_int_equal(rows[2].rank, 2);
	assert_int_equal(rows[3].rank, 4);
	/* an indicator not chosen earns nothing and counts nowhere */
	assert_int_equal(rows[1].points[AJ_INDICATOR_TARGET_MONTHS], 0);
}

/* Two districts, the first quarter of 2025 (as of 31 March), baselines
 * for 2024: every figure below is worked out in the comments. */
static AjModel *model(void)
{
	AjModel *m = ajt_model_new();
	guint32 e1, e2, e3, e4, l;
	AjProblem *p;

	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320506", "吴中区");
	/* E1: director and insurance required */
	e1 = ajt_enterprise(m, "E1", "320505", AJ_IND_HAZARDOUS_CHEMICALS, 230, 5600);
	e2 = ajt_enterprise(m, "E2", "320505", AJ_IND_TRADE, 10, 10);
	e3 = ajt_enterprise(m, "E3", "320506", AJ_IND_TRADE, 10, 10);
	e4 = ajt_enterprise(m, "E4", "320506", AJ_IND_TRADE, 10, 10);
	ajt_ent(m, e4)->closed = TRUE;

	/* 两增两降.  Prior YTD of 虎丘: 1, 2, 3 of each but deaths; of 吴中:
	 * zeros, and March 2024 has no baseline (unknown). */
	for (int mo = 1; mo <= 3; mo++) {
		char ym[8];
		g_snprintf(ym, sizeof ym, "2024-%02d", mo);
		ajt_baseline(m, "320505", ym, 1, 1, 1, 0);
		if (mo < 3)
			ajt_baseline(m, "320506", ym, 0, 0, 0, 0);
	}
	/* 虎丘 YTD inspections 2, 2, 5 (February misses), penalties 2, 3, 4. */
	ajt_inspection(m, e1, "2025-01-03");
	ajt_inspection(m, e1, "2025-01-04");
	ajt_inspection(m, e1, "2025-03-03");
	ajt_inspection(m, e1, "2025-03-04");
	ajt_inspection(m, e1, "2025-03-05");
	ajt_penalty(m, e1, "2025-01-10", 1000, TRUE, FALSE); /* X2 in January */
	ajt_penalty(m, e1, "2025-01-11", 1000, FALSE, FALSE);
	ajt_penalty(m, e1, "2025-02-11", 1000, FALSE, FALSE);
	ajt_penalty(m, e1, "2025-03-11", 1000, FALSE, FALSE);
	/* 吴中 YTD 1 and 1 against 0 and 0: met in January and February. */
	ajt_inspection(m, e3, "2025-01-20");
	ajt_penalty(m, e3, "2025-01-21", 500, FALSE, FALSE);

	/* Rates at 31 March 2025. */
	ajt_commitment(m, e1, 2025, "2025-02-01");
	ajt_self_inspection(m, e1, 2025, "2025-04-10"); /* after as-of */
	ajt_responsibility_list(m, e1, "2024-11-01");
	ajt_director(m, e1, "2023-01-01", NULL);
	ajt_grade(m, e1, 2, "2024-01-01", "2026-12-31", NULL);
	ajt_insurance(m, e1, "2025-01-01", "2025-12-31");
	ajt_commitment(m, e2, 2024, "2024-02-01"); /* last year's only */
	ajt_commitment(m, e3, 2025, "2025-03-31");
	ajt_self_inspection(m, e3, 2025, "2025-03-01");
	ajt_commitment(m, e4, 2025, "2025-01-05"); /* closed: not counted */

	/* Training of the year: E1 660 of 690, E3 5 of 10. */
	ajt_training(m, e1, "2024-12", 230, 0); /* last year */
	ajt_training(m, e1, "2025-01", 230, 230);
	ajt_training(m, e1, "2025-02", 230, 200);
	ajt_training(m, e1, "2025-03", 230, 230);
	ajt_training(m, e3, "2025-01", 10, 5);
	ajt_training(m, e4, "2025-01", 10, 10);

	/* Major hazards overdue at as-of: one in 虎丘 (also X1 in March). */
	ajt_hazard(m, e1, TRUE, "2025-01-05", "2025-03-01", NULL, AJ_LISTED_NONE);
	ajt_hazard(m, e3, TRUE, "2025-03-01", "2025-04-30", NULL, AJ_LISTED_NONE);
	ajt_hazard(m, e3, FALSE, "2025-01-01", "2025-01-31", NULL, AJ_LISTED_NONE);

	/* Late reports: 吴中 one, one without enterprise (whole area only). */
	ajt_report(m, e3, "2025-02-01", "2025-02-16", "2025-02-20");
	ajt_report(m, AJ_NONE, "2025-01-10", "2025-01-25", NULL);
	ajt_report(m, e1, "2025-03-20", "2025-04-04", NULL);

	/* Exposures: 虎丘 January (X2), February (X5), March (X1). */
	ajt_exposure(m, e2, "2025-02", "问题");

	/* Problems overdue: one names 虎丘区, one a department. */
	l = ajt_problem_list(m, "L1", "2024-06-01");
	ajt_problem(m, l, "P1", AJ_PROBLEM_IN_PROGRESS, "2025-01-31", NULL);
	ajt_problem(m, l, "P2", AJ_PROBLEM_IN_PROGRESS, "2025-12-31", NULL);
	ajt_problem(m, l, "P3", AJ_PROBLEM_LONG_TERM, NULL, NULL);
	ajt_problem(m, l, "P4", AJ_PROBLEM_IN_PROGRESS, "2024-12-31", NULL);
	p = &g_array_index(g_array_index(g_array_index(m->problem_lists, AjProblemList, l).aspects,
					 AjAspect, 0).problems,
			   AjProblem, 0);
	p[0].responsible = aj_model_intern(m, "虎丘区人民政府");
	p[1].responsible = aj_model_intern(m, "吴中区");
	p[2].responsible = aj_model_intern(m, "吴中区");
	return m;
}

static AjAssessmentRow *compute(AjModel *m)
{
	AjPeriod p;

	assert_true(aj_period_init(&p, ajt_month("2025-03"), AJ_DAY_NONE));
	return aj_assessment_compute(m, &p);
}

static void values_of_a_quarter(void **state)
{
	AjModel *m = model();
	AjAssessmentRow *rows = compute(m);
	const AjAssessmentRow *a = &rows[0], *b = &rows[1], *all = &rows[2];

	assert_int_equal(a->n_months, 3);
	assert_int_equal(a->months[0].target, AJ_TARGET_MET);
	assert_int_equal(a->months[1].target, AJ_TARGET_MISSED);
	assert_int_equal(a->months[2].target, AJ_TARGET_MET);
	assert_int_equal(a->months[2].ytd[AJ_YOY_INSPECTIONS], 5);
	assert_int_equal(a->months[2].prior_ytd.inspections, 3);
	assert_int_equal(b->months[2].target, AJ_TARGET_UNKNOWN);
	assert_int_equal(all->months[1].target, AJ_TARGET_MET);
	assert_int_equal(all->months[2].target, AJ_TARGET_UNKNOWN);
	assert_value(*a, TARGET_MONTHS, 2, 3);
	assert_value(*b, TARGET_MONTHS, 2, 3);
	assert_value(*all, TARGET_MONTHS, 2, 3);

	assert_value(*a, COMMITMENT, 1, 2);
	assert_value(*a, SELF_INSPECTION, 0, 2);
	assert_value(*a, RESPONSIBILITY_LIST, 1, 2);
	assert_value(*a, DIRECTOR, 1, 1);
	assert_value(*a, STANDARDIZED, 1, 2);
	assert_value(*a, INSURANCE, 1, 1);
	assert_value(*a, TRAINING, 660, 690);
	assert_value(*b, COMMITMENT, 1, 1);
	assert_value(*b, SELF_INSPECTION, 1, 1);
	assert_value(*b, RESPONSIBILITY_LIST, 0, 1);
	assert_value(*b, DIRECTOR, 0, 0);
	assert_value(*b, INSURANCE, 0, 0);
	assert_value(*b, TRAINING, 5, 10);
	assert_value(*all, COMMITMENT, 2, 3);
	assert_value(*all, TRAINING, 665, 700);

	assert_int_equal(V(*a, HAZARDS_OVERDUE).part, 1);
	assert_int_equal(V(*b, HAZARDS_OVERDUE).part, 0);
	assert_int_equal(V(*a, REPORTS_LATE).part, 0);
	assert_int_equal(V(*b, REPORTS_LATE).part, 1);
	assert_int_equal(V(*all, REPORTS_LATE).part, 2);
	assert_int_equal(V(*a, EXPOSURES).part, 3);
	assert_int_equal(V(*b, EXPOSURES).part, 0);
	assert_int_equal(V(*all, EXPOSURES).part, 3);
	assert_int_equal(V(*a, PROBLEMS_OVERDUE).part, 1);
	assert_int_equal(V(*b, PROBLEMS_OVERDUE).part, 0);
	assert_int_equal(V(*all, PROBLEMS_OVERDUE).part, 2);
	g_free(rows);
	aj_model_free(m);
}

static void default_rule_scores(void **state)
{
	AjModel *m = model();
	AjAssessmentRow *rows = compute(m);
	AjAssessmentRule rule;

	aj_assessment_rule_default(&rule);
	aj_assessment_score(&rule, rows, 2);
	/* 虎丘: 13.33 + 4 + 0 + 4 + 8 + 4 + 8 + 7.65 (660/690 of 8) + (8 - 1)
	 * + (4 - 1) + 4 + (8 - 3 × 0.5) = 69.48 */
	assert_int_equal(rows[0].points[AJ_INDICATOR_TRAINING], 765);
	assert_int_equal(rows[0].points[AJ_INDICATOR_EXPOSURES], 650);
	assert_int_equal(rows[0].total, 6948);
	/* 吴中: 13.33 + 8 + 8 + 0 + 8 (none required) + 0 + 8 + 4 + 8 + 4
	 * + (4 - 0.5) + 8 = 72.83 */
	assert_int_equal(rows[1].points[AJ_INDICATOR_DIRECTOR], 800);
	assert_int_equal(rows[1].total, 7283);
	assert_int_equal(rows[1].rank, 1);
	assert_int_equal(rows[0].rank, 2);
	g_free(rows);
	aj_model_free(m);
}

static void chosen_indicators_only(void **state)
{
	AjModel *m = model();
	AjAssessmentRow *rows = compute(m);
	AjAssessmentRule rule = { 2,
				  { { AJ_INDICATOR_TRAINING, 6000, 0 },
				    { AJ_INDICATOR_REPORTS_LATE, 4000, 2500 } } };

	aj_assessment_score(&rule, rows, 2);
	/* 虎丘: 660/690 of 60 = 57.391… → 57.39, no late report: 40 → 97.39
	 * 吴中: 5/10 of 60 = 30, one late report: 40 - 25 = 15 → 45 */
	assert_int_equal(rows[0].total, 9739);
	assert_int_equal(rows[1].total, 4500);
	assert_int_equal(rows[0].points[AJ_INDICATOR_COMMITMENT], 0);
	assert_int_equal(rows[0].rank, 1);
	g_free(rows);
	aj_model_free(m);
}

/* A province adds its cities' rows: summed values, months judged on the
 * summed figures, not comparable when any part is not. */
static void sums_of_units(void **state)
{
	AjModel *m = model();
	AjAssessmentRow *rows = compute(m);
	AjAssessmentRow sum = { 0 };

	aj_assessment_add(&sum, &rows[0]);
	aj_assessment_add(&sum, &rows[1]);
	aj_assessment_judge_months(&sum);
	assert_int_equal(sum.n_months, 3);
	for (guint k = 0; k < 3; k++) {
		assert_int_equal(sum.months[k].target, rows[2].months[k].target);
		assert_int_equal(sum.months[k].ytd[AJ_YOY_PENALTIES],
				 rows[2].months[k].ytd[AJ_YOY_PENALTIES]);
	}
	assert_false(sum.months[2].prior_ytd.comparable);
	for (int i = 0; i < AJ_INDICATOR_COUNT; i++) {
		if (i == AJ_INDICATOR_REPORTS_LATE || i == AJ_INDICATOR_PROBLEMS_OVERDUE)
			continue; /* the whole area also has the unattributed ones */
		assert_int_equal(sum.value[i].part, rows[2].value[i].part);
		assert_int_equal(sum.value[i].whole, rows[2].value[i].whole);
	}
	g_free(rows);
	aj_model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rate_points),
		cmocka_unit_test(deduct_points),
		cmocka_unit_test(keys_and_default_rule),
		cmocka_unit_test(ranks_share_ties),
		cmocka_unit_test(values_of_a_quarter),
		cmocka_unit_test(default_rule_scores),
		cmocka_unit_test(chosen_indicators_only),
		cmocka_unit_test(sums_of_units),
	};
	return cmocka_run_group_tests_name("rules_assessment", tests, NULL, NULL);
}
