/* A draft directory (the OUT of `anjian build`) as `anjian issue` reads it:
 * OUT/manifest.xml for the documents and the SHA-256 of their files as
 * built, OUT/office.yml for the profile they were made with.
 *
 * Ownership: aj_drafts_load() returns a set freed with aj_drafts_free(),
 * which frees the drafts, their strings and the profile.
 */
#ifndef AJ_REGISTER_DRAFT_H
#define AJ_REGISTER_DRAFT_H

#include <glib.h>

#include "office/office.h"

typedef struct {
	char *name; /* file stem, e.g. bulletin-2026-03 */
	char *kind, *period, *publicity, *title;
	AjDocKind kind_id;
	char *md, *data;               /* paths relative to OUT; md NULL: no template */
	char *md_sha256, *data_sha256; /* as the build wrote them */
} AjDraft;

typedef struct {
	char *dir;         /* OUT */
	GPtrArray *drafts; /* AjDraft *, in manifest order */
	AjOffice *office;  /* OUT/office.yml */
} AjDraftSet;

/* EX_NOINPUT when dir is not a draft directory, EX_DATAERR when its
 * manifest or profile is damaged. */
AjDraftSet *aj_drafts_load(const char *dir, GError **err);
void aj_drafts_free(AjDraftSet *set);

/* The draft of that name, or NULL. */
const AjDraft *aj_drafts_find(const AjDraftSet *set, const char *name);

#endif
