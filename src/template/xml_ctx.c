/* Mustache context over libxml2; see xml_ctx.h. */
#include <string.h>

#include "template/xml_ctx.h"

/* AjMValue.aux: what ptr points at. */
enum { XV_ELEMENT, XV_ATTR, XV_LIST /* ptr: first of same-named sibling elements */ };

struct AjXmlIndex {
	/* element -> GHashTable (child name -> Named), or the element itself
	 * when it has no child elements */
	GHashTable *by_element;
};

typedef struct {
	xmlNodePtr first;
	gboolean several;
} Named;

AjXmlIndex *aj_xml_index_new(void)
{
	AjXmlIndex *x = g_new0(AjXmlIndex, 1);

	x->by_element = g_hash_table_new(g_direct_hash, g_direct_equal);
	return x;
}

static gboolean free_names(gpointer key, gpointer value, gpointer user)
{
	if (value != key)
		g_hash_table_destroy(value);
	return TRUE;
}

void aj_xml_index_free(AjXmlIndex *x)
{
	if (!x)
		return;
	g_hash_table_foreach_remove(x->by_element, free_names, NULL);
	g_hash_table_destroy(x->by_element);
	g_free(x);
}

static GHashTable *names_of(AjXmlIndex *x, xmlNodePtr el)
{
	gpointer v = g_hash_table_lookup(x->by_element, el);
	GHashTable *names = NULL;
	xmlNodePtr c;

	if (v)
		return v == (gpointer)el ? NULL : v;
	for (c = el->children; c; c = c->next) {
		Named *n;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!names)
			names = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
		n = g_hash_table_lookup(names, c->name);
		if (n) {
			n->several = TRUE;
		} else {
			n = g_new0(Named, 1);
			n->first = c;
			g_hash_table_insert(names, (gpointer)c->name, n);
		}
	}
	g_hash_table_insert(x->by_element, el, names ? (gpointer)names : (gpointer)el);
	return names;
}

AjMValue aj_xml_ctx_value(xmlNodePtr root)
{
	AjMValue v = { root, XV_ELEMENT };

	return v;
}

static gboolean same_name(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr next_named(xmlNodePtr n, const char *name)
{
	for (; n; n = n->next)
		if (same_name(n, name))
			return n;
	return NULL;
}

static gboolean xlookup(gconstpointer user, AjMValue v, const char *name, AjMValue *out)
{
	xmlNodePtr el = (xmlNodePtr)v.ptr, first;
	xmlAttrPtr a;

	if (v.aux != XV_ELEMENT)
		return FALSE;
	for (a = el->properties; a; a = a->next) {
		if (a->ns == NULL && strcmp((const char *)a->name, name) == 0) {
			out->ptr = a;
			out->aux = XV_ATTR;
			return TRUE;
		}
	}
	if (user) {
		GHashTable *names = names_of((AjXmlIndex *)user, el);
		const Named *n = names ? g_hash_table_lookup(names, name) : NULL;

		if (!n)
			return FALSE;
		out->ptr = n->first;
		out->aux = n->several ? XV_LIST : XV_ELEMENT;
		return TRUE;
	}
	first = next_named(el->children, name);
	if (!first)
		return FALSE;
	out->ptr = first;
	out->aux = next_named(first->next, name) ? XV_LIST : XV_ELEMENT;
	return TRUE;
}

static gboolean has_structure(xmlNodePtr el)
{
	xmlNodePtr c;

	if (el->properties)
		return TRUE;
	for (c = el->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return TRUE;
	return FALSE;
}

static void append_text(xmlNodePtr first, GString *out)
{
	xmlNodePtr c;

	for (c = first; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			g_string_append(out, (const char *)c->content);
}

static void xtext(gconstpointer user, AjMValue v, GString *out)
{
	if (v.aux == XV_ATTR)
		append_text(((xmlAttrPtr)v.ptr)->children, out);
	else if (v.aux == XV_ELEMENT)
		append_text(((xmlNodePtr)v.ptr)->children, out);
}

static gboolean xtruthy(gconstpointer user, AjMValue v)
{
	GString *s;
	gboolean t;

	if (v.aux == XV_LIST)
		return TRUE;
	if (v.aux == XV_ELEMENT && has_structure((xmlNodePtr)v.ptr))
		return TRUE;
	s = g_string_new(NULL);
	xtext(user, v, s);
	t = s->len > 0 && strcmp(s->str, "0") != 0 && strcmp(s->str, "false") != 0;
	g_string_free(s, TRUE);
	return t;
}

static gboolean xis_list(gconstpointer user, AjMValue v)
{
	return v.aux == XV_LIST;
}

static gboolean xiter(gconstpointer user, AjMValue list, AjMValue *cursor, AjMValue *item)
{
	xmlNodePtr first = (xmlNodePtr)list.ptr;
	xmlNodePtr n = cursor->ptr ? next_named(((xmlNodePtr)cursor->ptr)->next,
						(const char *)first->name)
				   : first;

	if (!n)
		return FALSE;
	cursor->ptr = n;
	item->ptr = n;
	item->aux = XV_ELEMENT;
	return TRUE;
}

static void xnames(gconstpointer user, AjMValue v, GPtrArray *out)
{
	xmlNodePtr el = (xmlNodePtr)v.ptr;

	if (v.aux != XV_ELEMENT && v.aux != XV_LIST)
		return;
	for (xmlAttrPtr a = el->properties; a; a = a->next)
		g_ptr_array_add(out, (gpointer)a->name);
	for (xmlNodePtr c = el->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			g_ptr_array_add(out, (gpointer)c->name);
}

const AjMCtxOps aj_xml_ctx_ops = {
	.lookup = xlookup,
	.truthy = xtruthy,
	.is_list = xis_list,
	.iter = xiter,
	.text = xtext,
	.names = xnames,
};
