#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model/dates.h"

static void parse_and_format(void **state)
{
	AjDay d;
	char buf[11];

	assert_true(aj_day_parse("2026-03-05", &d));
	assert_string_equal(aj_day_format(d, buf), "2026-03-05");
	assert_false(aj_day_parse("2026-02-30", &d));
	assert_false(aj_day_parse("2026-3-05", &d));
	assert_false(aj_day_parse("2026-03-05 ", &d));
	assert_true(aj_day_parse("2024-02-29", &d));
}

static void prev_year_maps_leap_day(void **state)
{
	AjDay d, p;
	char buf[11];

	assert_true(aj_day_parse("2024-02-29", &d));
	p = aj_day_prev_year(d);
	assert_string_equal(aj_day_format(p, buf), "2023-02-28");
}

static void months_and_quarters(void **state)
{
	AjMonth m;
	AjQuarter q;
	char buf[11], mb[8];

	assert_true(aj_month_parse("2026-03", &m));
	assert_string_equal(aj_day_format(aj_month_last_day(m), buf), "2026-03-31");
	assert_string_equal(aj_day_format(aj_month_last_day(m - 1), buf), "2026-02-28");
	assert_string_equal(aj_month_format(m + 10, mb), "2027-01");
	q = aj_quarter_of_month(m);
	assert_string_equal(aj_quarter_format(q, mb), "2026-Q1");
	assert_string_equal(aj_day_format(aj_quarter_last_day(q), buf), "2026-03-31");
	assert_true(aj_quarter_parse("2025-Q4", &q));
	assert_string_equal(aj_day_format(aj_quarter_last_day(q), buf), "2025-12-31");
	assert_false(aj_quarter_parse("2025-Q5", &q));
	assert_false(aj_month_parse("2025-13", &m));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_and_format),
		cmocka_unit_test(prev_year_maps_leap_day),
		cmocka_unit_test(months_and_quarters),
	};
	return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
