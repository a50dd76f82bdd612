/* Section 5 of documents.md: the compliance table (主体责任落实情况) over
 * enterprises with status="active", judged at as-of.
 *
 * Ownership: aj_compliance_compute() fills caller memory; nothing allocated.
 */
#ifndef AJ_RULES_COMPLIANCE_H
#define AJ_RULES_COMPLIANCE_H

#include "rules/percent.h"
#include "rules/period.h"

typedef struct {
	gint64 enterprises, commitment, self_inspection, responsibility_list;
	gint64 director_required, director_present; /* present: among the required */
	gint64 standardized;
	gint64 insurance_required, insurance_valid; /* valid: among the required */
	gint64 staff, trained;                      /* sums over M's training records */
} AjComplianceRow;

/* out has model->districts->len + 1 entries: districts, then the city. */
/* Adds r's counts to t (a city's row to its province's). */
void aj_compliance_add(AjComplianceRow *t, const AjComplianceRow *r);
void aj_compliance_compute(const AjModel *model, const AjPeriod *p, AjComplianceRow *out);

#endif
