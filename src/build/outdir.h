/* The output directory as a whole: a temporary sibling that is swapped in
 * at the end, so readers never see a half-written OUT.
 *
 * Ownership: returned paths belong to the caller (g_free()).
 */
#ifndef AJ_BUILD_OUTDIR_H
#define AJ_BUILD_OUTDIR_H

#include <glib.h>

/* Creates OUT.tmp-PID-XXXXXX beside out (the parent must exist). EX_CANTCREAT. */
char *aj_outdir_begin(const char *out, gboolean force, GError **err);
/* Removes the OUT.tmp-PID-… directories of builds that were killed (their
 * process is gone); those of running builds stay. */
void aj_outdir_sweep(const char *out);
/* Replaces out by tmp (atomically where the system allows), then deletes
 * the old tree.  EX_IOERR. */
gboolean aj_outdir_commit(const char *tmp, const char *out, GError **err);
/* Removes a directory tree; used for a failed build's temporary directory. */
void aj_outdir_remove(const char *path);
/* A message about a file of the temporary tree tmp names it as it will be
 * after the swap, in out: users never see the temporary directory. */
void aj_outdir_name_final(GError **err, const char *tmp, const char *out);
/* path without trailing slashes ("out/" and "out" name one directory). */
char *aj_outdir_clean_path(const char *path);
/* Creates dir/sub (and parents). EX_CANTCREAT. */
gboolean aj_outdir_mkdir(const char *dir, const char *sub, GError **err);

#endif
