/* Rendering documents: template → OUT/md/<name>.md → parsed document →
 * OUT/pdf/<name>.pdf, one job per document on a GThreadPool, or the same
 * files taken from an earlier build's render cache (build/cache.h).
 *
 * A job touches only its own AjBuiltDoc (context, document, files); the
 * progress counter is the only shared state and has its own lock.
 * Ownership stays with the caller's docs array and options.
 */
#ifndef AJ_BUILD_RENDER_H
#define AJ_BUILD_RENDER_H

#include "build/build.h"

typedef struct {
	const char *root;         /* the build's temporary OUT */
	const char *template_dir;
	int jobs;                 /* threads; <= 1: render in the calling thread */
	const char *fingerprint;  /* aj_cache_fingerprint(); NULL: no cache at all */
	const char *cache_from;   /* earlier OUT whose .cache may be reused; NULL: render all */
	gboolean progress;        /* "\r"-updated line on stderr */
	gboolean draft;           /* PDFs marked 草稿 (builds always draft: the cache
	                           * holds drafts only) */
	guint rendered;           /* out: documents typeset */
	guint reused;             /* out: documents taken from the cache */
} AjRenderOptions;

/* The template directory: dir when given, else the first that exists of
 * ./templates, ANJIAN_DATADIR/templates, and beside the program (an install
 * moved elsewhere, or the source tree of build/rel/anjian).  NULL with
 * EX_NOINPUT when there is none.  The caller frees it. */
char *aj_render_template_dir(const char *dir, GError **err);

/* Renders every doc (AjBuiltDoc *) whose <kind>.md template exists under
 * o->template_dir; files are written under o->root.  On failure returns
 * FALSE with the first failing document's error (in docs order). */
gboolean aj_render_all(GPtrArray *docs, AjRenderOptions *o, GError **err);

#endif
