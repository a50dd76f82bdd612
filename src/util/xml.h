/* Small XML trees (document contexts, site pages, registers, manifests)
 * with libxml2's tree API: reading an attribute or a child, adding
 * attributes and children, visiting elements.  Nothing here knows what
 * the elements mean.
 *
 * Ownership: aj_xml_prop() returns a string the caller frees with g_free();
 * nodes returned belong to their tree; values set are copied into it.
 */
#ifndef AJ_UTIL_XML_H
#define AJ_UTIL_XML_H

#include <glib.h>
#include <libxml/tree.h>

/* The attribute's value, or NULL when absent. */
char *aj_xml_prop(xmlNodePtr node, const char *name);
/* The first child element named name, or NULL (parent may be NULL). */
xmlNodePtr aj_xml_child(xmlNodePtr parent, const char *name);

/* Calls fn for every element named `name` below root, in document order,
 * without recursion (readers of a context: the site's pages and search). */
void aj_each_element(xmlNodePtr root, const char *name,
		     void (*fn)(xmlNodePtr el, gpointer user), gpointer user);

void aj_attr_str(xmlNodePtr node, const char *name, const char *value); /* NULL: absent */
void aj_attr_int(xmlNodePtr node, const char *name, gint64 value);
void aj_attr_bool(xmlNodePtr node, const char *name, gboolean value); /* "true" / "false" */
/* Sets name="true" only when value: templates test it as a section. */
void aj_attr_flag(xmlNodePtr node, const char *name, gboolean value);

/* New child element (name) of parent. */
xmlNodePtr aj_child(xmlNodePtr parent, const char *name);
/* New child element holding text (absent when text is NULL). */
xmlNodePtr aj_text_child(xmlNodePtr parent, const char *name, const char *text);

/* Appends node and its subtree to out as XML in UTF-8, on one line. */
void aj_xml_dump(GString *out, xmlNodePtr node);

#endif
