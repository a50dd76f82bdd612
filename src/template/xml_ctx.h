/* The Mustache context interface over a libxml2 tree (a document context
 * written by context/).
 *
 * A name looks up, in an element, an attribute of that name, then a child
 * element of that name; several children of that name form a list.  An
 * attribute or a text-only element interpolates its text; it is falsy when
 * that text is "", "0" or "false".  An element with attributes or child
 * elements is truthy and becomes the new context.
 *
 * Ownership: values point into the caller's tree, which must outlive the
 * render; nothing is allocated.
 */
#ifndef AJ_XML_CTX_H
#define AJ_XML_CTX_H

#include <libxml/tree.h>

#include "template/mustache.h"

extern const AjMCtxOps aj_xml_ctx_ops;

/* The value standing for element `root`. */
AjMValue aj_xml_ctx_value(xmlNodePtr root);

#endif
