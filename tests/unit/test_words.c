/* The words of messages: invisible characters named, nearest names, the
 * elements of data-format.md (English: the catalog is not bound here). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "load/words.h"
#include "util/nearest.h"
#include "util/visible.h"

static void shown(const char *value, const char *want)
{
	char *got = aj_visible(value);
	assert_string_equal(got, want);
	assert_int_equal(aj_has_invisible(value), strcmp(value, want) != 0);
	g_free(got);
}

static void invisible_characters_named(void **state)
{
	shown("91320509MAM17X0Q90", "91320509MAM17X0Q90");
	shown("91320509MAM17X0Q90 ", "91320509MAM17X0Q90[space]");
	shown(" yjj", "[space]yjj");
	shown("市应急 管理局", "市应急 管理局");      /* one blank inside shows as itself */
	shown("市应急  管理局", "市应急[space][space]管理局");
	shown("市应急\xe3\x80\x80管理局", "市应急[full-width space]管理局");
	shown("yjj\xc2\xa0", "yjj[no-break space]");
	shown("J\xe2\x80\x8b" "1", "J[zero-width space]1");
	shown("\xef\xbb\xbfJ1", "[byte order mark]J1");
	shown("a\tb", "a[tab]b");
	shown("a\x07", "a[U+0007]");
	shown("", "");
	shown("\xff", "\xff"); /* not UTF-8: as it is (the loader refused it before) */
}

static void nearest_names(void **state)
{
	assert_int_equal(aj_edit_distance("inspection-ytd", "inspections-ytd"), 1);
	assert_int_equal(aj_edit_distance("isuer", "issuer"), 1);
	assert_int_equal(aj_edit_distance("ab", "ba"), 1); /* a swap is one edit */
	assert_int_equal(aj_edit_distance("市消防救援支队", "市消防支队"), 2);
	assert_int_equal(aj_edit_distance("", "abc"), 3);

	AjNearest *n = aj_nearest_new("modee", 2);
	const char *names[] = { "id", "enterprise", "department", "date", "mode" };
	for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
		aj_nearest_add(n, names[i]);
	assert_int_equal(aj_nearest_count(n), 2);
	assert_string_equal(aj_nearest_get(n, 0, NULL), "mode");
	assert_true(aj_nearest_is_close(n));
	char *text = aj_nearest_text(n);
	assert_string_equal(text, "'mode' or 'id'"); /* 'id' and 'date' tie: the first offered */
	g_free(text);
	aj_nearest_free(n);

	n = aj_nearest_new("xyzzyq", 1);
	aj_nearest_add(n, "enterprise");
	assert_false(aj_nearest_is_close(n));
	aj_nearest_free(n);
}

static void element_words(void **state)
{
	assert_string_equal(aj_elem_words("inspection"), "inspection");
	assert_string_equal(aj_elem_words("no-such-element"), "no-such-element");
	char *w = aj_record_words("enterprise", "91320508MAHNT8R86E ", "standardization");
	assert_string_equal(w, "enterprise 91320508MAHNT8R86E[space]: standardization");
	g_free(w);
	w = aj_record_words("training", NULL, NULL);
	assert_string_equal(w, "training");
	g_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(invisible_characters_named),
		cmocka_unit_test(nearest_names),
		cmocka_unit_test(element_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
