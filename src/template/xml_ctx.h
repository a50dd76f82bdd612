/* The Mustache context interface over a libxml2 tree (a document context
 * written by context/).
 *
 * A name looks up, in an element, an attribute of that name, then a child
 * element of that name; several children of that name form a list.  An
 * attribute or a text-only element interpolates its text; it is falsy when
 * that text is "", "0" or "false".  An element with attributes or child
 * elements is truthy and becomes the new context.
 *
 * Lookups by child name go through an index built once per element and
 * kept in an AjXmlIndex, passed as AjMRenderOpts.ops_user (NULL: scan the
 * children each time), so a 100 000-row list renders in linear time.
 *
 * Ownership: values point into the caller's tree, which must outlive the
 * render and the index; aj_xml_index_new() returns an index freed with
 * aj_xml_index_free().  An index serves one render (one thread) at a time.
 */
#ifndef AJ_XML_CTX_H
#define AJ_XML_CTX_H

#include <libxml/tree.h>

#include "template/mustache.h"

extern const AjMCtxOps aj_xml_ctx_ops;

typedef struct AjXmlIndex AjXmlIndex;
AjXmlIndex *aj_xml_index_new(void);
void aj_xml_index_free(AjXmlIndex *index);

/* The value standing for element `root`. */
AjMValue aj_xml_ctx_value(xmlNodePtr root);

#endif
