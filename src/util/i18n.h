/* Messages in the user's language (GNU gettext through GLib).
 *
 * Every text a user reads — errors, warnings, the progress and summary
 * lines, --help — is written in English in the code, wrapped in _() (or
 * N_() where it is only marked, e.g. in a static table, and translated
 * with _() where it is used), and translated in po/LANG.po.  A format's
 * arguments are data (file names, ids, values, element names of
 * data-format.md) and stay as they are; words that vary go through _()
 * themselves.  Counts use ngettext() so English gets its plural.
 *
 * The process locale stays C.UTF-8 for everything that shapes output
 * (Pango's default language, sorting, number formats): only the messages
 * follow LANGUAGE / LC_ALL / LC_MESSAGES / LANG.  Catalogs are read as
 * UTF-8 whatever the locale's charset.
 */
#ifndef AJ_I18N_H
#define AJ_I18N_H

#include <glib/gi18n.h>
#include <libintl.h>

#define AJ_GETTEXT_PACKAGE "anjian"

/* Once, first thing in main(): pins the locale for output, picks the
 * message language and finds the catalogs (beside the program in a build
 * tree or a relocated install, else ANJIAN_LOCALEDIR). */
void aj_i18n_init(void);

#endif
