/* Changing an archive all at once.  A change (issue, site) works on a
 * temporary tree beside ARCHIVE that holds hard links to every file of the
 * archive but its site; it writes the new documents, register and site
 * there (a file written replaces its link by rename) and swaps the whole tree in with one rename
 * (build/outdir.h).  Killed at any moment, the archive is the old one or the
 * new one, each consistent with its register; the next change removes what
 * a killed one left.  Issued files are never written again: a link shares
 * the bytes, and every file written is a new one renamed into place.
 *
 * One change at a time: ARCHIVE.lock beside the archive is locked (flock)
 * for the whole change.
 *
 * Ownership: aj_archive_begin() returns a change that aj_archive_end()
 * ends (removing the temporary tree unless committed) and frees.
 */
#ifndef AJ_ARCHIVE_TREE_H
#define AJ_ARCHIVE_TREE_H

#include <glib.h>

typedef struct AjArchiveTx AjArchiveTx;

/* archive may not exist yet (it is created); an existing directory that
 * is not empty must hold a register.xml.  EX_CANTCREAT / EX_TEMPFAIL (another
 * change running) / EX_DATAERR (not an archive). */
AjArchiveTx *aj_archive_begin(const char *archive, GError **err);
/* The temporary tree to write into. */
const char *aj_archive_root(const AjArchiveTx *tx);
/* The archive's path as given (without trailing slashes). */
const char *aj_archive_path(const AjArchiveTx *tx);
/* Swaps the tree in. EX_IOERR. */
gboolean aj_archive_commit(AjArchiveTx *tx, GError **err);
void aj_archive_end(AjArchiveTx *tx);

/* A message about a file of the temporary tree names it as it will be in
 * the archive. */
void aj_archive_name_final(const AjArchiveTx *tx, GError **err);

#endif
