/* Contexts of a province's documents (`anjian rollup`): the same elements
 * as a city's, with cities where a city has districts, built from what
 * each city's build output holds (the shard contract, README "Province
 * roll-up") instead of records.
 *
 * Ownership: the caller owns the cities; the returned document (freed with
 * xmlFreeDoc()) holds copies of whatever it takes from them.
 */
#ifndef AJ_CONTEXT_PROVINCE_H
#define AJ_CONTEXT_PROVINCE_H

#include <libxml/tree.h>

#include "office/office.h"
#include "rules/assessment.h"
#include "rules/compliance.h"
#include "rules/documents.h"

/* One city, as read from its data files of month M. */
typedef struct {
	const char *code, *name;    /* 6-digit code of the city, its name */
	AjBulletinRow total;        /* its bulletin's <total>: figures and prior figures */
	AjTrendMonth trend[12];     /* its bulletin's <trend> */
	AjComplianceRow compliance; /* its bulletin's <compliance district="all"> */
	xmlNodePtr exposed;         /* root of its exposed list: <entry> children */
	xmlNodePtr exemplars;       /* its bulletin's <exemplars>, or NULL */
	xmlNodePtr hazards;         /* root of its hazard-supervision: <hazard> children */
	gboolean has_assessment;
	AjAssessmentRow assessment; /* its assessment's <total> (raw values, months) */
} AjCityShard;

/* The context of plan's document (bulletin, exposed, hazard-supervision
 * or assessment) for the n cities, in code order, issued by the province's
 * office; rule: its assessment rule. */
xmlDocPtr aj_context_province(const AjCityShard *cities, guint n, const AjPeriod *p,
			      const AjDocPlan *plan, const AjOffice *office,
			      const AjAssessmentRule *rule);

#endif
