/* Writing the site's files: parents created, each file written atomically
 * (g_file_set_contents: temporary file + rename).
 *
 * Ownership: nothing is kept; errors are EX_CANTCREAT (cannot create) or
 * EX_IOERR (read failure), naming the file.
 */
#ifndef AJ_SITE_FILES_H
#define AJ_SITE_FILES_H

#include <glib.h>

/* Writes len bytes to root/rel. */
gboolean aj_site_put(const char *root, const char *rel, const char *data, gsize len,
		     GError **err);
/* Copies the file src to root/rel. */
gboolean aj_site_copy(const char *src, const char *root, const char *rel, GError **err);

#endif
