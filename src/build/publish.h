/* The stages every command that writes an OUT of drafts shares, once its
 * documents' contexts exist (`anjian build`, `anjian rollup`): the data
 * files, the copy of the office profile, the templates typeset (or taken
 * from the render cache), the site, the manifest, and the swap of the
 * temporary directory into OUT.
 *
 * Ownership: everything in AjPublish is the caller's; docs (AjBuiltDoc *)
 * stay the caller's, their file lists grow.
 */
#ifndef AJ_BUILD_PUBLISH_H
#define AJ_BUILD_PUBLISH_H

#include "build/build.h"
#include "build/interrupt.h"
#include "build/render.h"
#include "office/office.h"
#include "site/site.h"

typedef struct {
	const char *out;          /* the OUT to replace */
	const char *root;         /* its temporary directory (aj_interrupt_guard_outdir) */
	AjInterruptGuard *guard;
	const char *templates;    /* aj_render_template_dir(); NULL with data_only */
	const char *installed;    /* the installed templates standing in for those
	                           * templates lacks (aj_render_template_dir); may be NULL */
	const char *site_dir;     /* the template directory whose site/ holds the site's
	                           * layouts (aj_render_site_dir); NULL: templates */
	const char *fingerprint;  /* aj_cache_fingerprint() */
	const char *build_key;    /* stored in OUT/.cache for the next run; NULL: none */
	const AjOffice *office;
	const char *site_url;     /* NULL: the profile's site.url */
	AjDay asof;               /* the manifest's `generated` without SOURCE_DATE_EPOCH */
	int jobs;                 /* rendering threads; <= 0: cores */
	gboolean progress, force; /* force: render everything (no reuse of OUT/.cache) */
	gboolean data_only;       /* the data files and the manifest only: no Markdown,
	                           * PDF, site or extra step */
	AjSiteEnterprises *enterprises; /* the enterprises' pages on the site; NULL: none */
	/* a step after the site, before the manifest (the build's dossiers),
	 * with the typesetting options; NULL: none */
	gboolean (*extra)(const AjRenderOptions *ro, gpointer user, GError **err);
	gpointer extra_user;
	/* filled in: */
	guint rendered, reused;   /* documents typeset, taken from the cache */
	double t_render, t_site, t_extra, t_manifest; /* seconds */
	double c_site, c_extra;   /* CPU seconds of all threads (a shared machine) */
} AjPublish;

/* On success OUT is the new output and pub->root no longer exists. */
gboolean aj_publish(GPtrArray *docs, AjPublish *pub, GError **err);

#endif
