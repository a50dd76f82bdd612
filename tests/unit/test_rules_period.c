/* Periods, percent change and rounding, coverage and baselines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules/bulletin.h"
#include "rules/percent.h"
#include "rules/period.h"
#include "support/model_builder.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *fmt(AjPercent p)
{
	static char buf[32];
	return aj_percent_format(p, buf);
}

static void rounding_half_away_from_zero(void **state)
{
	/* 12.25 % exactly: 49 over 400 → cur-prev = 49, prev = 400. */
	assert_string_equal(fmt(aj_percent_change(449, 400)), "12.3");
	assert_string_equal(fmt(aj_percent_change(351, 400)), "-12.3");
	assert_string_equal(fmt(aj_percent_change(8, 8)), "0.0");
	/* -0.04 % rounds to 0.0, never -0.0. */
	assert_string_equal(fmt(aj_percent_change(9999, 10000)), "0.0");
	assert_string_equal(fmt(aj_percent_change(10004, 10000)), "0.0");
	assert_string_equal(fmt(aj_percent_change(2, 3)), "-33.3");
	assert_string_equal(fmt(aj_percent_change(1, 3)), "-66.7");
	assert_string_equal(fmt(aj_percent_change(3, 1)), "200.0");
	assert_int_equal(aj_div_round(5, 10), 1);
	assert_int_equal(aj_div_round(-5, 10), -1);
	assert_int_equal(aj_div_round(4, 10), 0);
	assert_int_equal(aj_div_round(-4, 10), 0);
}

static void prev_zero_not_comparable(void **state)
{
	char buf[48];
	AjPercent p = aj_percent_change(5, 0);

	assert_false(p.comparable);
	assert_string_equal(fmt(p), "");
	assert_string_equal(aj_percent_trend_cn(p, buf), "—");
	assert_string_equal(aj_percent_trend_cn(aj_percent_change(3, 4), buf), "下降25.0%");
	assert_string_equal(aj_percent_trend_cn(aj_percent_change(5, 4), buf), "上升25.0%");
	assert_string_equal(aj_percent_trend_cn(aj_percent_change(4, 4), buf), "持平");
}

static void period_spans_and_leap_day(void **state)
{
	AjPeriod p;
	AjDaySpan prev;
	char a[11], b[11];

	assert_true(aj_period_init(&p, ajt_month("2028-02"), AJ_DAY_NONE));
	assert_string_equal(aj_day_format(p.m.to, a), "2028-02-29");
	prev = aj_span_prev_year(p.m);
	assert_string_equal(aj_day_format(prev.from, a), "2027-02-01");
	assert_string_equal(aj_day_format(prev.to, b), "2027-02-28");
	/* As-of inside M: the month and YTD stop there, and so does the prior span. */
	assert_true(aj_period_init(&p, ajt_month("2026-03"), ajt_day("2026-03-15")));
	assert_string_equal(aj_day_format(p.ytd.from, a), "2026-01-01");
	assert_string_equal(aj_day_format(p.ytd.to, b), "2026-03-15");
	prev = aj_span_prev_year(p.m);
	assert_string_equal(aj_day_format(prev.to, a), "2025-03-15");
	assert_false(aj_period_init(&p, ajt_month("2026-03"), ajt_day("2026-02-28")));
	/* A whole February compares with the whole February before, 29th included. */
	assert_true(aj_period_init(&p, ajt_month("2025-02"), AJ_DAY_NONE));
	prev = aj_span_prev_year(p.ytd);
	assert_string_equal(aj_day_format(prev.to, a), "2024-02-29");
	/* A partial February 2028 ending on the 28th: the same days. */
	assert_true(aj_period_init(&p, ajt_month("2028-02"), ajt_day("2028-02-28")));
	prev = aj_span_prev_year(p.m);
	assert_string_equal(aj_day_format(prev.to, a), "2027-02-28");
	assert_true(aj_period_ends_quarter(&(AjPeriod){ .month = ajt_month("2026-06") }));
	assert_false(aj_period_ends_quarter(&(AjPeriod){ .month = ajt_month("2026-05") }));
}

/* Two districts; 2025-03 covered by a record, 2025-02 not. */
static AjModel *two_districts(void)
{
	AjModel *m = ajt_model_new();

	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320506", "吴中区");
	ajt_enterprise(m, "E1", "320505", AJ_IND_OTHER, 10, 10);
	ajt_enterprise(m, "E2", "320506", AJ_IND_OTHER, 10, 10);
	return m;
}

static void baseline_vs_records(void **state)
{
	AjModel *m = two_districts();
	AjCoverage *c;
	AjCoreFigures f[3];
	AjDaySpan span = { ajt_day("2025-02-01"), ajt_day("2025-03-31") };

	ajt_inspection(m, 0, "2025-03-10");
	ajt_inspection(m, 1, "2025-03-11");
	ajt_inspection(m, 1, "2025-02-11"); /* covers February */
	ajt_baseline(m, "320505", "2025-03", 50, 0, 0, 0); /* covered month: ignored */
	c = aj_coverage_new(m, ajt_day("2026-03-31"));
	assert_true(aj_coverage_has(c, ajt_month("2025-03")));
	assert_true(aj_coverage_has(c, ajt_month("2025-02")));
	assert_false(aj_coverage_has(c, ajt_month("2025-01")));
	aj_core_figures(m, c, span, ajt_day("2026-03-31"), TRUE, f);
	assert_int_equal(f[0].inspections, 1);
	assert_int_equal(f[1].inspections, 2);
	assert_int_equal(f[2].inspections, 3);
	assert_true(f[2].comparable);
	aj_coverage_free(c);
	aj_model_free(m);
}

static void uncovered_month_takes_baselines(void **state)
{
	AjModel *m = two_districts();
	AjCoverage *c;
	AjCoreFigures f[3];
	AjDaySpan jan = { ajt_day("2025-01-01"), ajt_day("2025-01-15") };

	ajt_inspection(m, 0, "2026-01-10");
	ajt_baseline(m, "320505", "2025-01", 40, 9, 2, 1);
	c = aj_coverage_new(m, ajt_day("2026-01-31"));
	/* A baseline stands for its whole month, even for a partial span. */
	aj_core_figures(m, c, jan, ajt_day("2026-01-31"), TRUE, f);
	assert_true(f[0].comparable);
	assert_int_equal(f[0].inspections, 40);
	assert_int_equal(f[0].deaths, 1);
	/* The other district has no baseline: not comparable, and so the city. */
	assert_false(f[1].comparable);
	assert_false(f[2].comparable);
	/* Without baselines (the current period) only records count. */
	aj_core_figures(m, c, jan, ajt_day("2026-01-31"), FALSE, f);
	assert_int_equal(f[0].inspections, 0);
	assert_true(f[2].comparable);
	aj_coverage_free(c);
	aj_model_free(m);
}

static void records_after_asof_ignored(void **state)
{
	AjModel *m = two_districts();
	AjCoverage *c;

	ajt_inspection(m, 0, "2026-04-02");
	c = aj_coverage_new(m, ajt_day("2026-03-31"));
	assert_false(aj_coverage_has(c, ajt_month("2026-04")));
	aj_coverage_free(c);
	aj_model_free(m);
}

/* The warnings aj_warn prints to stderr while fn runs, as one string. */
static char *captured_warnings(const AjModel *m, const AjCoverage *c)
{
	char *path = NULL, *text = NULL;
	int fd = g_file_open_tmp("ajwarn-XXXXXX", &path, NULL), saved = dup(STDERR_FILENO);

	fflush(stderr);
	dup2(fd, STDERR_FILENO);
	aj_coverage_warn_baselines(m, c);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(fd);
	g_file_get_contents(path, &text, NULL, NULL);
	g_unlink(path);
	g_free(path);
	return text;
}

static void covered_baseline_warns(void **state)
{
	AjModel *m = two_districts();
	AjCoverage *c;
	char *text;

	ajt_penalty(m, 0, "2025-03-10", 0, FALSE, FALSE);
	ajt_baseline(m, "320506", "2025-03", 1, 1, 1, 1); /* covered: warned */
	ajt_baseline(m, "320506", "2025-02", 1, 1, 1, 1); /* used: silent */
	c = aj_coverage_new(m, ajt_day("2026-03-31"));
	text = captured_warnings(m, c);
	assert_non_null(strstr(text, "test.xml:1: baseline of district 320506 for 2025-03 ignored"));
	assert_null(strstr(text, "2025-02"));
	g_free(text);
	aj_coverage_free(c);
	aj_model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rounding_half_away_from_zero),
		cmocka_unit_test(prev_zero_not_comparable),
		cmocka_unit_test(period_spans_and_leap_day),
		cmocka_unit_test(baseline_vs_records),
		cmocka_unit_test(uncovered_month_takes_baselines),
		cmocka_unit_test(records_after_asof_ignored),
		cmocka_unit_test(covered_baseline_warns),
	};
	return cmocka_run_group_tests_name("rules_period", tests, NULL, NULL);
}
