#include "util/i18n.h"

#include <locale.h>
#include <string.h>

#ifndef ANJIAN_LOCALEDIR
#define ANJIAN_LOCALEDIR "/usr/local/share/locale"
#endif

/* The locale the user asked for messages, by POSIX precedence; NULL when
 * none is set. */
static const char *asked_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (gsize i = 0; i < G_N_ELEMENTS(vars); i++) {
		const char *v = g_getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

/* build/rel/locale beside a freshly built program, PREFIX/share/locale of a
 * relocated install; NULL to use the configured one. */
static char *catalog_dir(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *dir, *found = NULL;

	if (exe == NULL)
		return NULL;
	dir = g_path_get_dirname(exe);
	char *cands[] = { g_build_filename(dir, "locale", NULL),
			  g_build_filename(dir, "..", "share", "locale", NULL) };
	for (gsize i = 0; i < G_N_ELEMENTS(cands); i++) {
		char *mo = g_build_filename(cands[i], "zh_CN", "LC_MESSAGES",
					    AJ_GETTEXT_PACKAGE ".mo", NULL);
		if (found == NULL && g_file_test(mo, G_FILE_TEST_IS_REGULAR))
			found = g_strdup(cands[i]);
		g_free(mo);
		g_free(cands[i]);
	}
	g_free(dir);
	g_free(exe);
	return found;
}

void aj_i18n_init(void)
{
	const char *asked = asked_locale();
	char *dir;

	/* Output must not depend on the user's locale; only messages may. */
	setlocale(LC_ALL, "C.UTF-8");
	if (asked != NULL && (strcmp(asked, "C") == 0 || strcmp(asked, "POSIX") == 0)) {
		/* An explicit C locale means untranslated, as gettext has it. */
		setlocale(LC_MESSAGES, "C");
	} else if (asked != NULL && setlocale(LC_MESSAGES, "") == NULL &&
		   g_getenv("LANGUAGE") == NULL) {
		/* The locale is not generated on this system (a fresh Debian has
		 * only C.UTF-8): gettext needs no more than its name, and it reads
		 * LANGUAGE on top of the C.UTF-8 base. */
		g_setenv("LANGUAGE", asked, TRUE);
	}
	/* With no locale set at all, the C.UTF-8 base lets LANGUAGE=zh_CN alone
	 * choose Chinese (gettext ignores LANGUAGE only under plain C). */
	dir = catalog_dir();
	bindtextdomain(AJ_GETTEXT_PACKAGE, dir != NULL ? dir : ANJIAN_LOCALEDIR);
	bind_textdomain_codeset(AJ_GETTEXT_PACKAGE, "UTF-8");
	textdomain(AJ_GETTEXT_PACKAGE);
	g_free(dir);
}
