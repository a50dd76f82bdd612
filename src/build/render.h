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
	const char *installed_dir; /* for the templates template_dir lacks; NULL: none */
	int jobs;                 /* threads; <= 1: render in the calling thread */
	const char *fingerprint;  /* aj_cache_fingerprint(); NULL: no cache at all */
	const char *cache_from;   /* earlier OUT whose .cache may be reused; NULL: render all */
	gboolean progress;        /* "\r"-updated line on stderr */
	gboolean draft;           /* PDFs marked 草稿 (builds always draft: the cache
	                           * holds drafts only) */
	guint rendered;           /* out: documents typeset */
	guint reused;             /* out: documents taken from the cache */
} AjRenderOptions;

/* The template directory: dir when given, else ./templates, else the
 * installed templates (ANJIAN_DATADIR/templates, or beside the program: an
 * install moved elsewhere, or the source tree of build/rel/anjian).  Sets
 * *installed to the installed templates when they are another directory:
 * they stand in for the templates the first one lacks.  NULL with
 * EX_NOINPUT when there is none.  The caller frees both. */
char *aj_render_template_dir(const char *dir, char **installed, GError **err);

/* The template file named file: dir's, else installed's (then *fell_back
 * is set) when only that one exists, else dir's path (its reader names
 * it missing).  installed may be NULL.  The caller frees the path. */
char *aj_render_template_path(const char *dir, const char *installed, const char *file,
			      gboolean *fell_back);

/* The template directory whose site/ holds the web site's layouts:
 * templates', else installed's (said in a warning; installed may be
 * NULL), else NULL with EX_NOINPUT.  The caller frees it. */
char *aj_render_site_dir(const char *templates, const char *installed, GError **err);

/* Renders every doc (AjBuiltDoc *) from its <kind>.md template under
 * o->template_dir, else under o->installed_dir (with a warning, once per
 * kind); files are written under o->root.  A kind without a template in
 * either is an error (EX_NOINPUT) before anything is rendered.  On failure
 * returns FALSE with the first failing document's error (in docs order). */
gboolean aj_render_all(GPtrArray *docs, AjRenderOptions *o, GError **err);

#endif
