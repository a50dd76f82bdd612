#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "model/credit_code.h"

/* The worked examples of domain-notes §4 (real, published codes). */
static void published_codes_are_valid(void **state)
{
	static const char *codes[] = { "11330800002618015K", "11500226753092798P",
				       "113715250043286799", "11330700MB10327095",
				       "91310110666007217T", "91310115591693856A" };

	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		assert_true(aj_credit_code_valid(codes[i]));
	assert_int_equal(aj_credit_code_check_char("11330800002618015K"), 'K');
	assert_int_equal(aj_credit_code_check_char("11500226753092798P"), 'P');
}

static void wrong_check_char_is_invalid(void **state)
{
	assert_false(aj_credit_code_valid("11330800002618015L"));
	assert_false(aj_credit_code_valid("11500226753092798Q"));
	/* a legal pilot code that fails the check: still rejected */
	assert_false(aj_credit_code_valid("91350211M00013FA1N"));
}

static void bad_characters_and_lengths(void **state)
{
	char buf[19];

	assert_false(aj_credit_code_valid(NULL));
	assert_false(aj_credit_code_valid(""));
	assert_false(aj_credit_code_valid("11330800002618015"));
	assert_false(aj_credit_code_valid("11330800002618015KK"));
	assert_false(aj_credit_code_valid("11330800002618015k"));
	/* positions 3-8 are the region code: digits only */
	assert_false(aj_credit_code_valid("11A30800002618015K"));
	/* I, O, S, V, Z are outside the code set wherever they stand */
	const char *bad = "IOSVZa";
	for (const char *c = bad; *c != '\0'; c++) {
		memcpy(buf, "11330700MB10327095", 19);
		buf[9] = *c;
		assert_int_equal(aj_credit_code_check_char(buf), '\0');
		assert_false(aj_credit_code_valid(buf));
	}
	/* a lowercase copy of a valid code is not valid */
	memcpy(buf, "11330700MB10327095", 19);
	buf[8] = 'm';
	assert_false(aj_credit_code_valid(buf));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(published_codes_are_valid),
		cmocka_unit_test(wrong_check_char_is_invalid),
		cmocka_unit_test(bad_characters_and_lengths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
