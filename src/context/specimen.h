/* The specimen context of each kind of document: schema/context/KIND.xml,
 * compiled in (mk/context.mk).  It holds every element and attribute a
 * context of that kind can have (context.h), once, so a template's names
 * can be checked against what any month could give, not only what this
 * month's data happens to hold.
 *
 * Ownership: aj_context_specimen() returns a document the caller frees with
 * xmlFreeDoc(); NULL for a kind without a specimen.
 */
#ifndef AJ_CONTEXT_SPECIMEN_H
#define AJ_CONTEXT_SPECIMEN_H

#include <libxml/tree.h>

xmlDocPtr aj_context_specimen(const char *kind);

#endif
