/* A fontconfig configuration holding only the faces the typesetter uses.
 *
 * The system configuration parses every file under /etc/fonts and reads
 * the caches of every font directory, and Pango then sorts every
 * installed face for each font description; the typesetter needs a dozen
 * faces.  aj_fontset_config() finds the files of the wanted families once,
 * keeps them in the user's cache directory with a stamp of everything that
 * decided them (fontconfig's configuration files and font directories,
 * the environment fontconfig reads, the face files themselves), and from
 * then on builds a configuration of those files alone from fontconfig's
 * own directory caches.  What else is installed no longer changes the
 * output, and a start-up costs a few dozen stat() calls.
 *
 * Ownership: the returned configuration belongs to the caller (release it
 * with FcConfigDestroy(), or hand it to FcConfigSetCurrent(), which takes
 * its own reference).  The wanted callback returns a NULL-terminated
 * vector the fontset frees with g_strfreev().
 */
#ifndef AJ_TYPESET_FONTSET_H
#define AJ_TYPESET_FONTSET_H

#include <fontconfig/fontconfig.h>
#include <glib.h>

/* The families to keep, chosen against the full system configuration. */
typedef char **(*AjFontsetWanted)(FcConfig *system, gpointer data);

/* key: the caller's choice rules (a changed rule invalidates the cache);
 * extra_dirs: NULL-terminated font directories fontconfig does not know by
 * itself.  Falls back to the system configuration when none of the wanted
 * families is installed. */
FcConfig *aj_fontset_config(const char *key, const char *const *extra_dirs,
			    AjFontsetWanted wanted, gpointer data);

/* Adds to files (a set of strings it frees) the file of every face of
 * family in config. */
void aj_fontset_add_family_files(GHashTable *files, FcConfig *config, const char *family);

/* The cache file used (for tests and messages); the caller frees it. */
char *aj_fontset_cache_path(void);

#endif
