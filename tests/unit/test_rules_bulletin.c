/* Section 1: bulletin figures, year on year, 两增两降, reports-late. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules/bulletin.h"
#include "support/model_builder.h"

typedef struct {
	AjModel *m;
	AjPeriod p;
	AjCoverage *c;
	AjBulletin *b;
} Fixture;

static AjModel *model(void)
{
	AjModel *m = ajt_model_new();

	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320506", "吴中区");
	ajt_enterprise(m, "E1", "320505", AJ_IND_OTHER, 10, 10);
	ajt_enterprise(m, "E2", "320506", AJ_IND_OTHER, 10, 10);
	return m;
}

static void compute(Fixture *f, const char *month, const char *asof)
{
	assert_true(aj_period_init(&f->p, ajt_month(month), asof ? ajt_day(asof) : AJ_DAY_NONE));
	f->c = aj_coverage_new(f->m, f->p.asof);
	f->b = aj_bulletin_compute(f->m, &f->p, f->c);
}

static void release(Fixture *f)
{
	aj_bulletin_free(f->b);
	aj_coverage_free(f->c);
	aj_model_free(f->m);
}

static void counts_month_and_ytd(void **state)
{
	Fixture f = { model() };

	ajt_inspection(f.m, 0, "2026-03-01");
	ajt_inspection(f.m, 0, "2026-01-05");
	ajt_inspection(f.m, 1, "2026-03-31");
	ajt_inspection(f.m, 1, "2026-04-01"); /* after as-of */
	ajt_penalty(f.m, 0, "2026-03-02", 12345, TRUE, FALSE);
	ajt_penalty(f.m, 0, "2026-03-03", 100, FALSE, TRUE);
	ajt_accident(f.m, 1, "2026-03-04", 2);
	ajt_accident(f.m, 1, "2026-02-04", 1);
	compute(&f, "2026-03", NULL);
	assert_int_equal(f.b->rows[0].inspections, 1);
	assert_int_equal(f.b->rows[0].inspections_ytd, 2);
	assert_int_equal(f.b->rows[1].inspections, 1);
	assert_int_equal(f.b->rows[2].inspections, 2);
	assert_int_equal(f.b->rows[2].inspections_ytd, 3);
	assert_int_equal(f.b->rows[0].penalties, 2);
	assert_int_equal(f.b->rows[0].fines, 1244500);
	assert_int_equal(f.b->rows[0].suspensions, 1);
	assert_int_equal(f.b->rows[1].accidents, 1);
	assert_int_equal(f.b->rows[1].deaths, 2);
	assert_int_equal(f.b->rows[1].deaths_ytd, 3);
	assert_int_equal(f.b->rows[2].accidents_ytd, 2);
	release(&f);
}

static void open_and_overdue_at_boundary(void **state)
{
	Fixture f = { model() };

	/* Rectified on as-of: not open.  Deadline on as-of: open, not overdue. */
	ajt_hazard(f.m, 0, TRUE, "2026-01-10", "2026-02-10", "2026-03-31", AJ_LISTED_NONE);
	ajt_hazard(f.m, 0, TRUE, "2026-03-10", "2026-03-31", NULL, AJ_LISTED_NONE);
	ajt_hazard(f.m, 0, TRUE, "2026-02-10", "2026-03-30", NULL, AJ_LISTED_NONE);
	/* Rectified after as-of: still open at as-of, and overdue. */
	ajt_hazard(f.m, 1, TRUE, "2026-02-10", "2026-03-01", "2026-04-01", AJ_LISTED_NONE);
	ajt_hazard(f.m, 1, FALSE, "2026-03-10", "2026-03-11", NULL, AJ_LISTED_NONE); /* general */
	ajt_hazard(f.m, 1, TRUE, "2026-04-02", "2026-04-10", NULL, AJ_LISTED_NONE); /* future */
	compute(&f, "2026-03", NULL);
	assert_int_equal(f.b->rows[0].major_hazards_found, 1);
	assert_int_equal(f.b->rows[0].major_hazards_open, 2);
	assert_int_equal(f.b->rows[0].major_hazards_overdue, 1);
	assert_int_equal(f.b->rows[1].major_hazards_open, 1);
	assert_int_equal(f.b->rows[1].major_hazards_overdue, 1);
	assert_int_equal(f.b->rows[1].major_hazards_found, 0);
	assert_int_equal(f.b->rows[2].major_hazards_open, 3);
	release(&f);
}

static void reports_late(void **state)
{
	Fixture f = { model() };

	ajt_report(f.m, 0, "2026-01-02", "2026-01-17", "2026-01-20"); /* replied late */
	ajt_report(f.m, 0, "2026-03-02", "2026-03-17", "2026-03-17"); /* on the deadline */
	ajt_report(f.m, 0, "2026-03-10", "2026-03-30", NULL);         /* unreplied, overdue */
	ajt_report(f.m, 1, "2026-03-20", "2026-03-31", NULL);         /* deadline = as-of */
	ajt_report(f.m, 1, "2026-03-01", "2026-03-05", "2026-04-02"); /* replied after as-of */
	ajt_report(f.m, AJ_NONE, "2026-03-03", "2026-03-04", NULL);   /* city only */
	ajt_report(f.m, 1, "2025-12-01", "2025-12-05", NULL);         /* before YTD */
	compute(&f, "2026-03", NULL);
	assert_int_equal(f.b->rows[0].reports, 2);
	assert_int_equal(f.b->rows[0].reports_late, 2);
	assert_int_equal(f.b->rows[1].reports, 2);
	assert_int_equal(f.b->rows[1].reports_late, 1);
	assert_int_equal(f.b->rows[2].reports, 5);
	assert_int_equal(f.b->rows[2].reports_late, 4);
	release(&f);
}

static void closed_enterprises_still_count(void **state)
{
	Fixture f = { model() };

	ajt_ent(f.m, 0)->closed = TRUE;
	ajt_inspection(f.m, 0, "2026-03-01");
	ajt_accident(f.m, 0, "2026-03-02", 1);
	compute(&f, "2026-03", NULL);
	assert_int_equal(f.b->rows[0].inspections, 1);
	assert_int_equal(f.b->rows[0].deaths, 1);
	release(&f);
}

static void year_on_year_and_target(void **state)
{
	Fixture f = { model() };

	/* District 0: 2 inspections, 1 penalty this year; 1 and 0 last year. */
	ajt_inspection(f.m, 0, "2026-03-01");
	ajt_inspection(f.m, 0, "2026-02-01");
	ajt_penalty(f.m, 0, "2026-03-01", 0, FALSE, FALSE);
	ajt_inspection(f.m, 0, "2025-03-01");
	/* District 1: fewer inspections than last year, an accident. */
	ajt_inspection(f.m, 1, "2025-03-02");
	ajt_inspection(f.m, 1, "2025-03-03");
	ajt_inspection(f.m, 1, "2026-03-03");
	ajt_accident(f.m, 1, "2026-03-05", 0);
	/* January and February 2025 are uncovered: baselines. */
	ajt_baseline(f.m, "320505", "2025-01", 0, 0, 0, 0);
	ajt_baseline(f.m, "320505", "2025-02", 0, 0, 0, 0);
	ajt_baseline(f.m, "320506", "2025-01", 0, 0, 0, 0);
	compute(&f, "2026-03", NULL);
	assert_true(f.b->rows[0].yoy[AJ_YOY_INSPECTIONS].comparable);
	assert_int_equal(f.b->rows[0].yoy[AJ_YOY_INSPECTIONS].tenths, 0);
	assert_int_equal(f.b->rows[0].ytd_yoy[AJ_YOY_INSPECTIONS].tenths, 1000);
	assert_false(f.b->rows[0].yoy[AJ_YOY_PENALTIES].comparable); /* prev 0 */
	assert_int_equal(f.b->rows[0].target, AJ_TARGET_MET);
	assert_int_equal(f.b->rows[0].failing, 0);
	/* District 1 lacks the 2025-02 baseline: its YTD prior is unknown. */
	assert_int_equal(f.b->rows[1].target, AJ_TARGET_UNKNOWN);
	assert_false(f.b->rows[1].ytd_yoy[AJ_YOY_INSPECTIONS].comparable);
	assert_true(f.b->rows[1].yoy[AJ_YOY_INSPECTIONS].comparable);
	assert_int_equal(f.b->rows[1].yoy[AJ_YOY_INSPECTIONS].tenths, -500);
	assert_false(f.b->rows[2].ytd_yoy[AJ_YOY_INSPECTIONS].comparable);
	assert_true(f.b->rows[2].yoy[AJ_YOY_INSPECTIONS].comparable);
	release(&f);
}

static void target_missed_names_indicators(void **state)
{
	AjBulletinRow r = { 0 };
	guint failing;

	r.prior_ytd = (AjCoreFigures){ .inspections = 5, .penalties = 2, .accidents = 1, .deaths = 0,
				       .comparable = TRUE };
	r.inspections_ytd = 6;
	r.penalties_ytd = 2;  /* not strictly greater */
	r.accidents_ytd = 0;
	r.deaths_ytd = 0;     /* both zero: down */
	assert_int_equal(aj_target_judge(&r, &failing), AJ_TARGET_MISSED);
	assert_int_equal(failing, 1u << AJ_YOY_PENALTIES);
	r.penalties_ytd = 3;
	r.deaths_ytd = 1;
	assert_int_equal(aj_target_judge(&r, &failing), AJ_TARGET_MISSED);
	assert_int_equal(failing, 1u << AJ_YOY_DEATHS);
	r.deaths_ytd = 0;
	assert_int_equal(aj_target_judge(&r, &failing), AJ_TARGET_MET);
	/* 两增 means more than last year: as many inspections is not an increase */
	r.inspections_ytd = 5;
	assert_int_equal(aj_target_judge(&r, &failing), AJ_TARGET_MISSED);
	assert_int_equal(failing, 1u << AJ_YOY_INSPECTIONS);
}

static void partial_month_prior_span(void **state)
{
	Fixture f = { model() };

	ajt_inspection(f.m, 0, "2025-03-14");
	ajt_inspection(f.m, 0, "2025-03-16"); /* after the same day one year earlier */
	ajt_inspection(f.m, 0, "2026-03-10");
	ajt_inspection(f.m, 0, "2026-03-20"); /* after as-of */
	compute(&f, "2026-03", "2026-03-15");
	assert_int_equal(f.b->rows[0].inspections, 1);
	assert_int_equal(f.b->rows[0].prior.inspections, 1);
	assert_int_equal(f.b->rows[0].yoy[AJ_YOY_INSPECTIONS].tenths, 0);
	release(&f);
}

static void trend_twelve_months(void **state)
{
	Fixture f = { model() };
	AjTrendMonth t[12];
	char buf[8];

	ajt_accident(f.m, 0, "2026-03-02", 1);
	ajt_accident(f.m, 1, "2025-04-02", 2);
	ajt_baseline(f.m, "320505", "2025-05", 0, 0, 3, 1);
	ajt_baseline(f.m, "320506", "2025-05", 0, 0, 1, 0);
	ajt_baseline(f.m, "320505", "2025-06", 0, 0, 1, 0);
	compute(&f, "2026-03", NULL);
	aj_trend_compute(f.m, &f.p, f.c, t);
	assert_string_equal(aj_month_format(t[0].month, buf), "2025-04");
	assert_true(t[0].known);
	assert_int_equal(t[0].deaths, 2);
	assert_true(t[1].known);
	assert_int_equal(t[1].accidents, 4);
	assert_false(t[2].known); /* 320506 has no 2025-06 baseline */
	assert_string_equal(aj_month_format(t[11].month, buf), "2026-03");
	assert_int_equal(t[11].accidents, 1);
	release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_month_and_ytd),
		cmocka_unit_test(open_and_overdue_at_boundary),
		cmocka_unit_test(reports_late),
		cmocka_unit_test(closed_enterprises_still_count),
		cmocka_unit_test(year_on_year_and_target),
		cmocka_unit_test(target_missed_names_indicators),
		cmocka_unit_test(partial_month_prior_span),
		cmocka_unit_test(trend_twelve_months),
	};
	return cmocka_run_group_tests_name("rules_bulletin", tests, NULL, NULL);
}
