/* The parts of document contexts, one function per section of
 * documents.md; each appends elements under the given parent.
 * Internal to src/context; the trees belong to the caller's xmlDoc.
 */
#ifndef AJ_CONTEXT_PARTS_H
#define AJ_CONTEXT_PARTS_H

#include <libxml/tree.h>

#include "rules/assessment.h"
#include "rules/bulletin.h"
#include "rules/compliance.h"
#include "rules/documents.h"

/* A row of a table: a district of a city, or a city of a province. */
typedef struct {
	const char *code, *name;
} AjCtxUnit;

/* <meta whole> of the document root is in (全市, 全省), for the name of a
 * table's total row; the caller frees it. */
char *aj_ctx_whole(xmlNodePtr root);

/* The model's districts as units, in model order; the caller frees the
 * array (the strings are the model's). */
AjCtxUnit *aj_ctx_units(const AjModel *m);

/* enterprise, name, address, district, district-name, industry, industry-label. */
void aj_ctx_enterprise(xmlNodePtr node, const AjModel *m, guint32 ent);

void aj_ctx_bulletin(xmlNodePtr root, const AjModel *m, const AjPeriod *p, const AjCoverage *c);
/* <district> per unit (b->rows[i] named units[i]), <total> named whole,
 * and <targets>: the figures of section 1 for any kind of unit. */
void aj_ctx_bulletin_figures(xmlNodePtr root, const AjBulletin *b, const AjCtxUnit *units,
			     const char *whole);
/* <trend> with one <month> per month, oldest first. */
void aj_ctx_trend(xmlNodePtr root, const AjTrendMonth months[12]);
/* <exemplars quarter quarter-cn> under root, and has-exemplars on root. */
xmlNodePtr aj_ctx_exemplars_head(xmlNodePtr root, AjQuarter q);
/* <entry> per exposed enterprise under parent; count / has-entries on parent. */
void aj_ctx_exposed(xmlNodePtr parent, const AjModel *m, const AjPeriod *p);
/* <entry> per listed exemplar under parent; count / has-entries on parent. */
void aj_ctx_exemplars(xmlNodePtr parent, const AjModel *m, AjQuarter q, AjDay asof);
/* <nomination> per nomination under parent, with <veto> children. */
void aj_ctx_exemplar_review(xmlNodePtr parent, const AjModel *m, AjQuarter q, AjDay asof);
/* <compliance district="…"> per district and district="all". */
void aj_ctx_compliance(xmlNodePtr parent, const AjModel *m, const AjPeriod *p);
/* The same from rows[0..n] (n units, then the whole area named whole). */
void aj_ctx_compliance_rows(xmlNodePtr parent, const AjComplianceRow *rows, const AjCtxUnit *units,
			    guint n, const char *whole);
void aj_ctx_rectification(xmlNodePtr root, const AjModel *m, const AjProblemList *list,
			  AjDay asof);
void aj_ctx_hazard_supervision(xmlNodePtr root, const AjModel *m, const AjPeriod *p);

/* The assessment of the year of p (README "Assessment") under rule. */
void aj_ctx_assessment(xmlNodePtr root, const AjModel *m, const AjPeriod *p,
		       const AjAssessmentRule *rule);
/* The same from rows[0..n] (n units, then the whole area): scores rows[0..n-1]
 * (which is why rows is not const), writes <rule>, <unit> per unit in rank
 * order and <total>. */
void aj_ctx_assessment_rows(xmlNodePtr root, AjAssessmentRow *rows, const AjCtxUnit *units,
			    guint n, const char *whole, const AjAssessmentRule *rule);

#endif
