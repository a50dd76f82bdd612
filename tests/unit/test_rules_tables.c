/* Sections 4 and 5: rectification, hazard supervision, compliance, and the
 * safety director / insurance rules. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules/compliance.h"
#include "rules/obligations.h"
#include "rules/rectification.h"
#include "support/model_builder.h"

static AjEnterprise ent(AjIndustry ind, guint employees, gint64 revenue_wan, gboolean above)
{
	AjEnterprise e = { 0 };

	e.industry = ind;
	e.employees = employees;
	e.revenue = revenue_wan * 100;
	e.scale_above = above;
	return e;
}

static void director_rules(void **state)
{
	AjEnterprise e;

	/* Rule A: 100 employees or 2000 万元. */
	e = ent(AJ_IND_MINING, 100, 0, FALSE);
	assert_int_equal(aj_director_need(&e), AJ_DIRECTOR_REQUIRED);
	e = ent(AJ_IND_MINING, 99, 1999, FALSE);
	assert_int_equal(aj_director_need(&e), AJ_DIRECTOR_NOT_REQUIRED);
	e = ent(AJ_IND_MINING, 99, 1999, TRUE);
	assert_int_equal(aj_director_need(&e), AJ_DIRECTOR_ENCOURAGED);
	e = ent(AJ_IND_SHIPBUILDING, 10, 2000, FALSE);
	assert_int_equal(aj_director_need(&e), AJ_DIRECTOR_REQUIRED);
	e.revenue = 2000 * 100 - 1; /* 1999.99 万元 */
	assert_int_equal(aj_director_need(&e), AJ_DIRECTOR_NOT_REQUIRED);
	/* Rule B (化工): revenue only. */
	e = ent(AJ_IND_CHEMICAL, 500, 1999, TRUE);
	assert_int_equal(aj_director_need(&e), AJ_DIRECTOR_ENCOURAGED);
	e = ent(AJ_IND_CHEMICAL, 5, 2000, FALSE);
	assert_int_equal(aj_director_need(&e), AJ_DIRECTOR_REQUIRED);
	/* No rule. */
	e = ent(AJ_IND_MANUFACTURING, 5000, 90000, FALSE);
	assert_int_equal(aj_director_need(&e), AJ_DIRECTOR_NOT_REQUIRED);
	assert_string_equal(aj_director_need_code(AJ_DIRECTOR_ENCOURAGED), "encouraged");
	/* Insurance follows the industry table. */
	e = ent(AJ_IND_CHEMICAL, 1, 1, FALSE);
	assert_true(aj_insurance_required(&e));
	e = ent(AJ_IND_DUST_EXPLOSION, 1, 1, FALSE);
	assert_false(aj_insurance_required(&e));
	e = ent(AJ_IND_FISHERY, 1, 1, FALSE);
	assert_true(aj_insurance_required(&e));
}

static void rectification_status_at_asof(void **state)
{
	AjModel *m = ajt_model_new();
	guint32 l = ajt_problem_list(m, "gwy-1", "2020-01-15");
	AjRectSummary s;
	GArray *rows;
	AjDay asof = ajt_day("2020-06-30");

	ajt_problem(m, l, "p1", AJ_PROBLEM_DONE, "2020-06-30", "2020-06-20");
	ajt_problem(m, l, "p2", AJ_PROBLEM_DONE, "2020-06-29", "2020-07-10"); /* closed later */
	ajt_problem(m, l, "p3", AJ_PROBLEM_IN_PROGRESS, "2020-06-30", NULL); /* deadline = as-of */
	ajt_problem(m, l, "p4", AJ_PROBLEM_LONG_TERM, NULL, NULL);
	ajt_problem(m, l, "p5", AJ_PROBLEM_LONG_TERM, "2020-01-31", NULL); /* never overdue */
	rows = aj_rectification_rows(&g_array_index(m->problem_lists, AjProblemList, l), asof, &s);
	assert_int_equal(rows->len, 5);
	assert_int_equal(g_array_index(rows, AjRectRow, 1).status, AJ_PROBLEM_IN_PROGRESS);
	assert_true(g_array_index(rows, AjRectRow, 1).overdue);
	assert_false(g_array_index(rows, AjRectRow, 2).overdue);
	assert_false(g_array_index(rows, AjRectRow, 4).overdue);
	assert_int_equal(s.total, 5);
	assert_int_equal(s.done, 1);
	assert_int_equal(s.in_progress, 2);
	assert_int_equal(s.long_term, 2);
	assert_int_equal(s.overdue, 1);
	assert_int_equal(s.rate.tenths, 200);
	g_array_free(rows, TRUE);
	aj_model_free(m);
}

/* A problem closed on the as-of day is done that day (a closure is known
 * once it happened, and as-of is a day that has happened): not 逾期未完成,
 * and it counts toward the completion rate. */
static void closed_on_asof_is_done(void **state)
{
	AjModel *m = ajt_model_new();
	guint32 l = ajt_problem_list(m, "gwy-1", "2020-01-15");
	AjRectSummary s;
	GArray *rows;

	ajt_problem(m, l, "p1", AJ_PROBLEM_DONE, "2020-05-31", "2020-06-30");
	ajt_problem(m, l, "p2", AJ_PROBLEM_IN_PROGRESS, "2020-07-31", NULL);
	rows = aj_rectification_rows(&g_array_index(m->problem_lists, AjProblemList, l),
				     ajt_day("2020-06-30"), &s);
	assert_int_equal(g_array_index(rows, AjRectRow, 0).status, AJ_PROBLEM_DONE);
	assert_false(g_array_index(rows, AjRectRow, 0).overdue);
	assert_int_equal(s.done, 1);
	assert_int_equal(s.overdue, 0);
	assert_int_equal(s.rate.tenths, 500);
	g_array_free(rows, TRUE);
	aj_model_free(m);
}

/* The 整改进展 column shows the latest progress known by as-of: a later
 * report is not shown yet, the newer of two earlier ones is. */
static void progress_known_by_asof(void **state)
{
	AjModel *m = ajt_model_new();
	guint32 l = ajt_problem_list(m, "gwy-1", "2020-01-15");
	AjProblem *p;
	AjRectSummary s;
	GArray *rows;
	const AjProgress steps[] = { { ajt_day("2020-05-10"), "五月进展" },
				     { ajt_day("2020-06-30"), "六月进展" },
				     { ajt_day("2020-07-01"), "七月进展" } };

	ajt_problem(m, l, "p1", AJ_PROBLEM_IN_PROGRESS, "2020-12-31", NULL);
	p = &g_array_index(g_array_index(g_array_index(m->problem_lists, AjProblemList, l).aspects,
					 AjAspect, 0).problems, AjProblem, 0);
	p->progress = g_array_new(FALSE, FALSE, sizeof(AjProgress));
	g_array_append_vals(p->progress, steps, G_N_ELEMENTS(steps));
	rows = aj_rectification_rows(&g_array_index(m->problem_lists, AjProblemList, l),
				     ajt_day("2020-06-30"), &s);
	assert_non_null(g_array_index(rows, AjRectRow, 0).latest);
	assert_string_equal(g_array_index(rows, AjRectRow, 0).latest->text, "六月进展");
	g_array_free(rows, TRUE);
	rows = aj_rectification_rows(&g_array_index(m->problem_lists, AjProblemList, l),
				     ajt_day("2020-05-09"), &s);
	assert_null(g_array_index(rows, AjRectRow, 0).latest);
	g_array_free(rows, TRUE);
	aj_model_free(m);
}

static void problem_lists_issued_by_asof(void **state)
{
	AjModel *m = ajt_model_new();
	GArray *due;

	ajt_problem_list(m, "b", "2026-03-31");
	ajt_problem_list(m, "later", "2026-04-01");
	ajt_problem_list(m, "a", "2020-01-15");
	due = aj_problem_lists_due(m, ajt_day("2026-03-31"));
	assert_int_equal(due->len, 2);
	assert_int_equal(g_array_index(due, guint32, 0), 2);
	assert_int_equal(g_array_index(due, guint32, 1), 0);
	g_array_free(due, TRUE);
	aj_model_free(m);
}

static void hazard_supervision_rows(void **state)
{
	AjModel *m = ajt_model_new();
	AjPeriod p;
	GArray *rows;
	guint32 e;

	ajt_district(m, "320505", "虎丘区");
	e = ajt_enterprise(m, "E", "320505", AJ_IND_OTHER, 1, 1);
	ajt_hazard(m, e, TRUE, "2026-01-01", "2026-03-01", NULL, AJ_LISTED_CITY);        /* open, 30 days */
	ajt_hazard(m, e, TRUE, "2026-01-02", "2026-03-01", "2026-03-05", AJ_LISTED_DISTRICT); /* fixed in M */
	ajt_hazard(m, e, TRUE, "2026-01-03", "2026-03-01", "2026-02-05", AJ_LISTED_CITY); /* fixed before M */
	ajt_hazard(m, e, TRUE, "2026-01-04", "2026-03-01", NULL, AJ_LISTED_NONE);        /* not listed */
	ajt_hazard(m, e, FALSE, "2026-01-05", "2026-03-01", NULL, AJ_LISTED_CITY);       /* general */
	ajt_hazard(m, e, TRUE, "2026-01-06", "2026-04-30", NULL, AJ_LISTED_PROVINCE);    /* open, in time */
	ajt_hazard(m, e, TRUE, "2026-04-01", "2026-04-30", NULL, AJ_LISTED_CITY);        /* after as-of */
	assert_true(aj_period_init(&p, ajt_month("2026-03"), AJ_DAY_NONE));
	rows = aj_supervised_hazards(m, &p);
	assert_int_equal(rows->len, 3);
	assert_int_equal(g_array_index(rows, AjSupervisedRow, 0).hazard, 0);
	assert_int_equal(g_array_index(rows, AjSupervisedRow, 0).days_overdue, 30);
	assert_true(g_array_index(rows, AjSupervisedRow, 1).rectified);
	assert_int_equal(g_array_index(rows, AjSupervisedRow, 2).hazard, 5);
	assert_int_equal(g_array_index(rows, AjSupervisedRow, 2).days_overdue, 0);
	g_array_free(rows, TRUE);
	aj_model_free(m);
}

static void compliance_active_only(void **state)
{
	AjModel *m = ajt_model_new();
	AjPeriod p;
	AjComplianceRow rows[3];
	guint32 a, b, c;

	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320506", "吴中区");
	a = ajt_enterprise(m, "A", "320505", AJ_IND_HAZARDOUS_CHEMICALS, 230, 5600);
	b = ajt_enterprise(m, "B", "320505", AJ_IND_TRADE, 10, 10);
	c = ajt_enterprise(m, "C", "320506", AJ_IND_MINING, 300, 10);
	ajt_ent(m, c)->closed = TRUE;
	ajt_commitment(m, a, 2026, "2026-02-01");
	ajt_commitment(m, b, 2025, "2025-02-01");  /* other year */
	ajt_commitment(m, c, 2026, "2026-02-01");  /* closed */
	ajt_self_inspection(m, a, 2026, "2026-04-01"); /* after as-of */
	ajt_responsibility_list(m, b, "2025-11-03");
	ajt_director(m, a, "2023-01-10", "2026-03-31"); /* last day in office = as-of */
	ajt_grade(m, a, 2, "2024-05-01", "2027-04-30", "2026-03-31"); /* revoked on as-of */
	ajt_grade(m, b, 3, "2023-03-31", "2026-03-31", NULL);         /* expires on as-of */
	ajt_insurance(m, a, "2026-01-01", "2026-12-31");
	ajt_training(m, a, "2026-03", 230, 200);
	ajt_training(m, b, "2026-03", 10, 10);
	ajt_training(m, b, "2026-02", 10, 0);    /* not M */
	ajt_training(m, c, "2026-03", 300, 300); /* closed */
	assert_true(aj_period_init(&p, ajt_month("2026-03"), AJ_DAY_NONE));
	aj_compliance_compute(m, &p, rows);
	assert_int_equal(rows[0].enterprises, 2);
	assert_int_equal(rows[0].commitment, 1);
	assert_int_equal(rows[0].self_inspection, 0);
	assert_int_equal(rows[0].responsibility_list, 1);
	assert_int_equal(rows[0].director_required, 1);
	assert_int_equal(rows[0].director_present, 1);
	assert_int_equal(rows[0].standardized, 1);
	assert_int_equal(rows[0].insurance_required, 1);
	assert_int_equal(rows[0].insurance_valid, 1);
	assert_int_equal(rows[0].staff, 240);
	assert_int_equal(rows[0].trained, 210);
	assert_int_equal(rows[1].enterprises, 0);
	assert_int_equal(rows[1].staff, 0);
	assert_int_equal(rows[2].enterprises, 2);
	assert_int_equal(rows[2].commitment, 1);
	aj_model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(director_rules),
		cmocka_unit_test(rectification_status_at_asof),
		cmocka_unit_test(closed_on_asof_is_done),
		cmocka_unit_test(progress_known_by_asof),
		cmocka_unit_test(problem_lists_issued_by_asof),
		cmocka_unit_test(hazard_supervision_rows),
		cmocka_unit_test(compliance_active_only),
	};
	return cmocka_run_group_tests_name("rules_tables", tests, NULL, NULL);
}
