/* Libraries opened at their first use (util/lazylib.h): the one the build
 * names loads and its functions work; a missing library or function is an
 * error naming it and what needs it, every time it is asked for. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <zip.h>

#include "util/error.h"
#include "util/lazylib.h"

static struct {
	__typeof__(zip_libzip_version) *version;
} lz;

static gboolean resolve(void *handle, gpointer name)
{
	return aj_lazy_symbol(handle, name, &lz.version);
}

static void named_library_loads(void **state)
{
	static AjLazyLib lib = AJ_LAZY_LIB_INIT;
	GError *err = NULL;

	assert_true(aj_lazy_open(&lib, AJ_ZIP_SONAME, "OFD", resolve, "zip_libzip_version", &err));
	assert_null(err);
	assert_non_null(lz.version);
	assert_string_equal(lz.version(), LIBZIP_VERSION); /* the header the build used */
	/* once: the second call neither opens nor resolves again */
	assert_true(aj_lazy_open(&lib, AJ_ZIP_SONAME, "OFD", NULL, NULL, &err));
}

static void expect_unavailable(AjLazyLib *lib, const char *soname, const char *fn,
			       const char *want)
{
	for (int i = 0; i < 2; i++) {
		GError *err = NULL;
		assert_false(aj_lazy_open(lib, soname, "PDF/A", resolve, (gpointer)fn, &err));
		assert_non_null(err);
		assert_int_equal(err->code, EX_UNAVAILABLE);
		if (strstr(err->message, soname) == NULL || strstr(err->message, "PDF/A") == NULL ||
		    strstr(err->message, want) == NULL)
			fail_msg("message: %s", err->message);
		g_error_free(err);
	}
}

static void missing_library_or_function(void **state)
{
	static AjLazyLib missing = AJ_LAZY_LIB_INIT, no_function = AJ_LAZY_LIB_INIT;

	expect_unavailable(&missing, "libanjian-not-there.so.0", "zip_libzip_version",
			   "libanjian-not-there.so.0");
	expect_unavailable(&no_function, AJ_ZIP_SONAME, "zip_not_a_function", "zip_not_a_function");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(named_library_loads),
		cmocka_unit_test(missing_library_or_function),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
