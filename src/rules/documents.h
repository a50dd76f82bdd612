/* Which documents a build for month M produces (documents.md "Publicity"
 * and sections 1–4), in the fixed order of the manifest, with the metadata
 * every later stage shares: kind, period, publicity, name.  The 文号 is not
 * planned here: numbers come from the archive's register (register/number.h).
 *
 * Ownership: aj_documents_plan() returns a GPtrArray of AjDocPlan that
 * frees its elements (g_ptr_array_unref()).
 */
#ifndef AJ_RULES_DOCUMENTS_H
#define AJ_RULES_DOCUMENTS_H

#include "rules/period.h"

typedef enum {
	AJ_DOC_BULLETIN,
	AJ_DOC_EXPOSED,
	AJ_DOC_EXEMPLARS,
	AJ_DOC_EXEMPLAR_REVIEW,
	AJ_DOC_RECTIFICATION,
	AJ_DOC_HAZARD_SUPERVISION,
	AJ_DOC_ASSESSMENT
} AjDocKind;

typedef struct {
	AjDocKind kind;
	char *period;   /* "2026-03", "2026-Q1" or a problem-list id; owned */
	char *name;     /* file stem: "<kind>-<period>", safe for a path; owned */
	gboolean public_;
	int year;       /* of the period (problem lists: of as-of) */
	guint32 list;   /* problem-list index (rectification only) */
} AjDocPlan;

const char *aj_doc_kind_code(AjDocKind kind);
/* The kind of a code ("bulletin" …); FALSE for none. */
gboolean aj_doc_kind_parse(const char *code, AjDocKind *out);
gboolean aj_doc_kind_public(AjDocKind kind);

/* bulletin, exposed, [exemplars, exemplar-review when M ends a quarter],
 * rectification per problem list issued on or before as-of, hazard-supervision,
 * [assessment of the year when M is December]. */
GPtrArray *aj_documents_plan(const AjModel *model, const AjPeriod *p);
/* A province's roll-up of M: bulletin, exposed, hazard-supervision (of
 * 省级挂牌 hazards), [assessment of the cities when M is December]. */
GPtrArray *aj_documents_plan_rollup(const AjPeriod *p);

#endif
