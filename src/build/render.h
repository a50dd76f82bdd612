/* Rendering documents: template → OUT/md/<name>.md → parsed document →
 * OUT/pdf/<name>.pdf, one job per document on a GThreadPool.
 *
 * A job touches only its own AjBuiltDoc (context, document, files), so jobs
 * share no mutable state.  Ownership stays with the caller's docs array.
 */
#ifndef AJ_BUILD_RENDER_H
#define AJ_BUILD_RENDER_H

#include "build/build.h"

/* The template directory: dir when given, else "templates" when it exists,
 * else ANJIAN_DATADIR "/templates".  The caller frees it. */
char *aj_render_template_dir(const char *dir);

/* Renders every doc (AjBuiltDoc *) whose <kind>.md template exists under
 * template_dir, with jobs threads; files are written under root.  On
 * failure returns FALSE with the first failing document's error. */
gboolean aj_render_all(GPtrArray *docs, const char *root, const char *template_dir, int jobs,
		       GError **err);

#endif
