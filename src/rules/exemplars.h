/* Section 3 of documents.md: the one-vote veto (一票否决) of exemplar
 * nominations for a quarter, and the public list of those without veto.
 *
 * Ownership: both functions return GArrays the caller frees with
 * g_array_free(a, TRUE).
 */
#ifndef AJ_RULES_EXEMPLARS_H
#define AJ_RULES_EXEMPLARS_H

#include "rules/period.h"

#define AJ_VETO_COUNT 10
/* Veto Vn is bit (1 << (n - 1)). */
#define AJ_VETO(n) (1u << ((n) - 1))

typedef struct {
	guint32 nomination; /* index into model->nominations */
	guint32 enterprise;
	guint vetoes;       /* AJ_VETO bits */
} AjReviewRow;

/* 12 months ending on the last day of q. */
AjDaySpan aj_exemplar_window(AjQuarter q);
/* The vetoes of one enterprise for quarter q; records after asof ignored. */
guint aj_exemplar_vetoes(const AjModel *model, guint32 enterprise, AjQuarter q, AjDay asof);
/* Every nomination for q, ordered by district code, credit code, then
 * nomination order. */
GArray *aj_exemplar_review(const AjModel *model, AjQuarter q, AjDay asof);
/* Enterprise indexes (guint32) of review rows without veto, deduplicated,
 * in review order. */
GArray *aj_exemplar_list(const GArray *review);

#endif
