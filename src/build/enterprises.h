/* The enterprises of a build (一企一档): the index of their records and the
 * lists they were on, made once from the model, then each enterprise's
 * public context for the site (AjSiteEnterprises) and, with --dossiers,
 * its internal dossier OUT/dossier/<credit-code>.pdf.
 *
 * Dossiers are incremental like the other renders: the key of each (the
 * program and fonts, the dossier template and its partials, the dossier's
 * context bytes) is kept in OUT/.cache/dossier.keys, and a dossier whose
 * key is unchanged is hard-linked from the earlier OUT.  Nothing of the
 * build's date enters a dossier: it is dated by its newest entry
 * (context/enterprise.h), its PDF created that day, so next month's build
 * typesets only the enterprises with something new.
 *
 * Ownership: aj_build_ents_new() returns a set freed with
 * aj_build_ents_free(); the model must outlive it.
 */
#ifndef AJ_BUILD_ENTERPRISES_H
#define AJ_BUILD_ENTERPRISES_H

#include "context/enterprise.h"
#include "site/site.h"

#define AJ_DOSSIER_TEMPLATE "dossier.md"
#define AJ_DOSSIER_KEYS "dossier.keys"

typedef struct AjBuildEnts AjBuildEnts;

AjBuildEnts *aj_build_ents_new(const AjModel *model, AjDay asof, int publicity_years);
void aj_build_ents_free(AjBuildEnts *b);
const AjEntSource *aj_build_ents_source(const AjBuildEnts *b);
/* The site's view of them; reuse_from and data_path are the caller's. */
AjSiteEnterprises *aj_build_ents_site(AjBuildEnts *b);

typedef struct {
	const char *root;          /* the output root the dossiers go under (dossier/) */
	const char *template_path; /* templates/dossier.md */
	const char *reuse_from;    /* an earlier OUT, or NULL: typeset all */
	int jobs;
	gboolean progress;         /* a "\r" line on stderr */
	guint written, reused;     /* out */
} AjDossierOptions;

/* OUT/dossier/<credit-code>.pdf for every enterprise. */
gboolean aj_build_dossiers(const AjEntSource *s, AjDossierOptions *o, GError **err);

/* The dossier of one enterprise, typeset into path. */
gboolean aj_build_dossier_one(const AjEntSource *s, guint32 ent, const char *template_path,
			      const char *path, GError **err);

#endif
