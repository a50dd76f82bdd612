/* The typesetter's font configuration (typeset/fontset.h): it holds the
 * wanted families' faces and nothing else, is read back from its cache
 * without asking the system configuration again, and is found anew when
 * the rules or a stamped directory change. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>

#include "typeset/fontset.h"

/* Debian's fontconfig depends on DejaVu; anjian's roles end with it. */
#define PRESENT "DejaVu Sans"

static int asked; /* calls of the wanted callback */

static char **want_family(FcConfig *system, gpointer family)
{
	char *v[] = { family, NULL };

	asked++;
	return g_strdupv(v);
}

static gboolean has_family(FcPattern *font, const char *family)
{
	FcChar8 *f;

	for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &f) == FcResultMatch; i++)
		if (strcmp((const char *)f, family) == 0)
			return TRUE;
	return FALSE;
}

static int count_fonts(FcConfig *config)
{
	FcFontSet *set = FcConfigGetFonts(config, FcSetSystem);
	return set != NULL ? set->nfont : 0;
}

static void only_wanted_faces(void **state)
{
	FcConfig *config = aj_fontset_config("only", NULL, want_family, PRESENT);
	FcFontSet *set;

	assert_non_null(config);
	set = FcConfigGetFonts(config, FcSetSystem);
	assert_non_null(set);
	assert_true(set->nfont > 0);
	for (int i = 0; i < set->nfont; i++) {
		FcChar8 *file = NULL;
		FcPatternGetString(set->fonts[i], FC_FILE, 0, &file);
		/* a file holding a wanted face comes whole; DejaVu's files hold one */
		if (!has_family(set->fonts[i], PRESENT))
			fail_msg("%s is not a face of %s", (const char *)file, PRESENT);
	}
	FcConfigDestroy(config);
}

static void cache_answers_second_time(void **state)
{
	FcConfig *a, *b;
	char *path = aj_fontset_cache_path();

	asked = 0;
	a = aj_fontset_config("twice", NULL, want_family, PRESENT);
	assert_int_equal(asked, 1);
	assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
	b = aj_fontset_config("twice", NULL, want_family, PRESENT);
	assert_int_equal(asked, 1); /* from the cache */
	assert_int_equal(count_fonts(a), count_fonts(b));
	FcConfigDestroy(b);
	b = aj_fontset_config("other rules", NULL, want_family, PRESENT);
	assert_int_equal(asked, 2);
	FcConfigDestroy(a);
	FcConfigDestroy(b);
	g_free(path);
}

static void stamped_directory_invalidates(void **state)
{
	char *dir = g_dir_make_tmp("ajfonts-XXXXXX", NULL);
	const char *extra[] = { dir, NULL };
	char *file = g_build_filename(dir, "readme.txt", NULL);
	FcConfig *config;

	asked = 0;
	config = aj_fontset_config("stamp", extra, want_family, PRESENT);
	FcConfigDestroy(config);
	config = aj_fontset_config("stamp", extra, want_family, PRESENT);
	FcConfigDestroy(config);
	assert_int_equal(asked, 1);
	/* a font directory's mtime moves when a font is added or removed */
	g_usleep(20000);
	assert_true(g_file_set_contents(file, "x", -1, NULL));
	config = aj_fontset_config("stamp", extra, want_family, PRESENT);
	FcConfigDestroy(config);
	assert_int_equal(asked, 2);
	g_unlink(file);
	g_rmdir(dir);
	g_free(file);
	g_free(dir);
}

static void none_installed_uses_system(void **state)
{
	FcConfig *config = aj_fontset_config("none", NULL, want_family, "No Such Family 4711");

	assert_non_null(config);
	assert_true(count_fonts(config) > 0); /* whatever is installed, as before */
	FcConfigDestroy(config);
}

int main(void)
{
	char *home = g_dir_make_tmp("ajfonthome-XXXXXX", NULL);
	char *cache = g_build_filename(home, "cache", NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_wanted_faces),
		cmocka_unit_test(cache_answers_second_time),
		cmocka_unit_test(stamped_directory_invalidates),
		cmocka_unit_test(none_installed_uses_system),
	};
	int failed;

	/* before GLib reads it: the cache goes to a private directory */
	g_setenv("XDG_CACHE_HOME", cache, TRUE);
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	{
		char *argv[] = { "rm", "-rf", home, NULL };
		g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
	}
	g_free(cache);
	g_free(home);
	return failed;
}
