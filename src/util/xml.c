#include "util/xml.h"

#include <stdio.h>
#include <string.h>

char *aj_xml_prop(xmlNodePtr node, const char *name)
{
	xmlChar *v = node != NULL ? xmlGetProp(node, BAD_CAST name) : NULL;
	char *copy = v != NULL ? g_strdup((const char *)v) : NULL;

	xmlFree(v);
	return copy;
}

xmlNodePtr aj_xml_child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent != NULL ? parent->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

void aj_each_element(xmlNodePtr root, const char *name,
		     void (*fn)(xmlNodePtr el, gpointer user), gpointer user)
{
	xmlNodePtr n = root != NULL ? root->children : NULL;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
			fn(n, user);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL)
			n = n->parent;
		n = (n == NULL || n == root) ? NULL : n->next;
	}
}

void aj_attr_str(xmlNodePtr node, const char *name, const char *value)
{
	if (value != NULL)
		xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

void aj_attr_int(xmlNodePtr node, const char *name, gint64 value)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, value);
	aj_attr_str(node, name, buf);
}

void aj_attr_bool(xmlNodePtr node, const char *name, gboolean value)
{
	aj_attr_str(node, name, value ? "true" : "false");
}

void aj_attr_flag(xmlNodePtr node, const char *name, gboolean value)
{
	if (value)
		aj_attr_str(node, name, "true");
}

xmlNodePtr aj_child(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

xmlNodePtr aj_text_child(xmlNodePtr parent, const char *name, const char *text)
{
	if (text == NULL)
		return NULL;
	/* xmlNewTextChild escapes the text; xmlNewChild would parse entities. */
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST text);
}

void aj_xml_dump(GString *out, xmlNodePtr node)
{
	xmlOutputBufferPtr buf = xmlAllocOutputBuffer(NULL);
	xmlDocPtr doc = node->doc;
	gboolean set = doc != NULL && doc->encoding == NULL;

	/* with an encoding, text and attributes stay UTF-8 instead of &#x…; */
	if (set)
		doc->encoding = xmlStrdup((const xmlChar *)"UTF-8");
	xmlNodeDumpOutput(buf, doc, node, 0, 0, "UTF-8");
	if (set) {
		xmlFree((xmlChar *)doc->encoding);
		doc->encoding = NULL;
	}
	xmlOutputBufferFlush(buf);
	g_string_append_len(out, (const char *)xmlOutputBufferGetContent(buf),
			    (gssize)xmlOutputBufferGetSize(buf));
	xmlOutputBufferClose(buf);
}
