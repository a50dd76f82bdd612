/* Writing an output file whole or not at all.
 *
 * g_file_set_contents writes a temporary file beside path and renames it, so
 * a reader never sees half a file.  This wrapper turns its failure into the
 * user-facing error of util/error.h: a full or failing disk is EX_IOERR (74,
 * "free some space"), a folder that cannot be written is EX_CANTCREAT (73).
 *
 * Nothing returned needs freeing.
 */
#ifndef AJ_FILE_H
#define AJ_FILE_H

#include <glib.h>

/* what names the file in the message, e.g. "the PDF"; may be NULL. */
gboolean aj_file_write(const char *path, const void *data, gsize len, const char *what,
		       GError **err);

/* Writes a file in a tree no reader sees yet (a build's temporary output,
 * swapped in whole): one open, write and close, no temporary file.  A name
 * already there is unlinked first, never written through. */
gboolean aj_file_write_new(const char *path, const void *data, gsize len, const char *what,
			   GError **err);

/* The sysexits.h status for a G_FILE_ERROR met while writing. */
int aj_file_error_status(const GError *io);

#endif
