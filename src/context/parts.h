/* The parts of document contexts, one function per section of
 * documents.md; each appends elements under the given parent.
 * Internal to src/context; the trees belong to the caller's xmlDoc.
 */
#ifndef AJ_CONTEXT_PARTS_H
#define AJ_CONTEXT_PARTS_H

#include <libxml/tree.h>

#include "rules/documents.h"

/* enterprise, name, address, district, district-name, industry, industry-label. */
void aj_ctx_enterprise(xmlNodePtr node, const AjModel *m, guint32 ent);

void aj_ctx_bulletin(xmlNodePtr root, const AjModel *m, const AjPeriod *p, const AjCoverage *c);
/* <entry> per exposed enterprise under parent; count / has-entries on parent. */
void aj_ctx_exposed(xmlNodePtr parent, const AjModel *m, const AjPeriod *p);
/* <entry> per listed exemplar under parent; count / has-entries on parent. */
void aj_ctx_exemplars(xmlNodePtr parent, const AjModel *m, AjQuarter q, AjDay asof);
/* <nomination> per nomination under parent, with <veto> children. */
void aj_ctx_exemplar_review(xmlNodePtr parent, const AjModel *m, AjQuarter q, AjDay asof);
/* <compliance district="…"> per district and district="all". */
void aj_ctx_compliance(xmlNodePtr parent, const AjModel *m, const AjPeriod *p);
void aj_ctx_rectification(xmlNodePtr root, const AjModel *m, const AjProblemList *list,
			  AjDay asof);
void aj_ctx_hazard_supervision(xmlNodePtr root, const AjModel *m, const AjPeriod *p);

#endif
