/* The site step of `anjian build`: the build's documents (AjBuiltDoc) →
 * site/ (AjSiteDoc) → OUT/site, and each public document's page listed in
 * its manifest files (format "html", path "site/KIND/PERIOD.html").
 *
 * Ownership: docs stay the build's; only their file lists grow.
 */
#ifndef AJ_BUILD_SITE_STEP_H
#define AJ_BUILD_SITE_STEP_H

#include "build/build.h"
#include "site/site.h"

/* docs: AjBuiltDoc *; root: the build's temporary OUT; templates_dir: the
 * template directory whose site/ holds the layouts (the build chose it:
 * the user's, else the installed one's); opts: the site's options but its
 * layouts_dir (see site.h). */
gboolean aj_build_site(GPtrArray *docs, const char *root, const char *templates_dir,
		       const AjSiteOptions *opts, GError **err);

#endif
