/* Document contexts: one XML tree per document, the data behind it.
 *
 * The tree is what the template is filled from and what OUT/data holds, so
 * it carries the elements and attributes documents.md fixes for the data
 * files, plus display fields for templates (names, 万元 figures, 同比 text,
 * row numbers 序号 as no="N", flags as has-…="true"), and a <meta> element
 * with the front-matter metadata: kind, period, publicity, title; issuer,
 * area, recipients, cc, printer, data-source and number-prefix (代字) from
 * the office profile; year, date, date-cn, month-cn, period-cn; and, once
 * aj_context_set_number() has given it one, number (文号) and serial.
 *
 * Root: <document kind="…" period="…" publicity="public|internal">.
 *
 * Ownership: aj_context_build() returns a document the caller frees with
 * xmlFreeDoc(); it keeps no pointer into the model.
 */
#ifndef AJ_CONTEXT_H
#define AJ_CONTEXT_H

#include <libxml/tree.h>

#include "office/office.h"
#include "rules/documents.h"

/* A context with its root and <meta> only, for a document whose body is
 * built elsewhere (a province's, context/province.h); model may be NULL
 * except for a rectification table. */
xmlDocPtr aj_context_new(const AjModel *model, const AjPeriod *p, const AjDocPlan *plan,
			 const AjOffice *office);
/* How the text names the whole area: 全 and the level its name ends with
 * (…省 → 全省, …市 → 全市, …区 → 全区); 全市 for anything else.  The caller
 * frees it. */
char *aj_context_whole(const char *area);
xmlDocPtr aj_context_build(const AjModel *model, const AjPeriod *p, const AjCoverage *c,
			   const AjDocPlan *plan, const AjOffice *office);

/* The document's title, e.g. <issuer>关于2026年3月全市安全生产情况的通报.
 * The caller frees it. */
char *aj_context_title(const AjModel *model, const AjDocPlan *plan, const AjOffice *office);

/* Sets <meta number> (the 文号) and serial (its N). */
void aj_context_set_number(xmlDocPtr doc, const char *number, int serial);

#endif
