#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "html/svg.h"
#include "util/error.h"
#include "util/i18n.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* Properties that SVG also accepts as attributes; the rest of a style
 * declaration is dropped. */
static const char *const presentation[] = {
	"clip-path", "clip-rule", "color", "display", "dominant-baseline", "fill",
	"fill-opacity", "fill-rule", "font-family", "font-size", "font-style",
	"font-weight", "letter-spacing", "opacity", "stop-color", "stop-opacity",
	"stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
	"stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width",
	"text-anchor", "visibility",
};

static gboolean is_presentation(const char *name)
{
	for (gsize i = 0; i < G_N_ELEMENTS(presentation); i++)
		if (strcmp(name, presentation[i]) == 0)
			return TRUE;
	return FALSE;
}

/* "url(#a)" → "url(#PREFIXa)" everywhere in value. */
static char *prefix_urls(const char *value, const char *prefix)
{
	GString *s = g_string_new(NULL);
	const char *p = value, *hit;

	while ((hit = strstr(p, "url(#")) != NULL) {
		g_string_append_len(s, p, hit - p + 5);
		g_string_append(s, prefix);
		p = hit + 5;
	}
	g_string_append(s, p);
	return g_string_free(s, FALSE);
}

static void style_to_attributes(xmlNodePtr el, const char *style, const char *prefix)
{
	char **decls = g_strsplit(style, ";", -1);

	for (char **d = decls; *d != NULL; d++) {
		char *colon = strchr(*d, ':');
		char *name, *value, *fixed;

		if (colon == NULL)
			continue;
		*colon = '\0';
		name = g_strstrip(*d);
		value = g_strstrip(colon + 1);
		if (!is_presentation(name) || strchr(value, '\\') != NULL ||
		    xmlHasProp(el, (const xmlChar *)name) != NULL)
			continue;
		fixed = prefix_urls(value, prefix);
		xmlSetProp(el, (const xmlChar *)name, (const xmlChar *)fixed);
		g_free(fixed);
	}
	g_strfreev(decls);
}

static gboolean element_allowed(xmlNodePtr el)
{
	const char *name = (const char *)el->name;

	if (el->ns == NULL || strcmp((const char *)el->ns->href, SVG_NS) != 0)
		return FALSE;
	return strcmp(name, "script") != 0 && strcmp(name, "foreignObject") != 0 &&
	       strcmp(name, "style") != 0 && strcmp(name, "a") != 0 &&
	       strcmp(name, "image") != 0;
}

static void clean_attributes(xmlNodePtr el, const char *prefix)
{
	xmlAttrPtr attr = el->properties;
	char *style = NULL;

	while (attr != NULL) {
		xmlAttrPtr next = attr->next;
		const char *name = (const char *)attr->name;
		xmlChar *value = xmlNodeGetContent((xmlNodePtr)attr);
		const char *v = value != NULL ? (const char *)value : "";

		if (g_ascii_strncasecmp(name, "on", 2) == 0) {
			xmlRemoveProp(attr);
		} else if (strcmp(name, "style") == 0) {
			g_free(style);
			style = g_strdup(v);
			xmlRemoveProp(attr);
		} else if (strcmp(name, "href") == 0) {
			/* internal references only (glyphs, gradients of this chart) */
			if (v[0] == '#') {
				char *ref = g_strconcat("#", prefix, v + 1, NULL);
				xmlSetNsProp(el, attr->ns, attr->name, (const xmlChar *)ref);
				g_free(ref);
			} else {
				xmlRemoveProp(attr);
			}
		} else if (strcmp(name, "id") == 0) {
			char *id = g_strconcat(prefix, v, NULL);
			xmlSetNsProp(el, attr->ns, attr->name, (const xmlChar *)id);
			g_free(id);
		} else if (strstr(v, "url(") != NULL) {
			char *fixed = prefix_urls(v, prefix);
			if (strstr(fixed, "url(#") == NULL ||
			    strstr(fixed + 5, "url(") != strstr(fixed + 5, "url(#"))
				xmlRemoveProp(attr); /* an external url() */
			else
				xmlSetNsProp(el, attr->ns, attr->name, (const xmlChar *)fixed);
			g_free(fixed);
		}
		xmlFree(value);
		attr = next;
	}
	if (style != NULL)
		style_to_attributes(el, style, prefix);
	g_free(style);
}

/* The node after n in document order, skipping n's children. */
static xmlNodePtr following(xmlNodePtr n, xmlNodePtr root)
{
	while (n != NULL && n != root && n->next == NULL)
		n = n->parent;
	return (n == NULL || n == root) ? NULL : n->next;
}

/* Depth-first over the elements, without recursion. */
static void clean_tree(xmlNodePtr root, const char *prefix)
{
	xmlNodePtr node = root;

	while (node != NULL) {
		gboolean drop = node != root &&
				((node->type == XML_ELEMENT_NODE && !element_allowed(node)) ||
				 node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE);
		xmlNodePtr next;

		if (drop) {
			next = following(node, root);
			xmlUnlinkNode(node);
			xmlFreeNode(node);
			node = next;
			continue;
		}
		if (node->type == XML_ELEMENT_NODE) {
			clean_attributes(node, prefix);
			if (node->children != NULL) {
				node = node->children;
				continue;
			}
		}
		node = following(node, root);
	}
}

static void fix_size(xmlNodePtr root)
{
	xmlChar *vb = xmlGetProp(root, (const xmlChar *)"viewBox");

	if (vb == NULL) {
		xmlChar *w = xmlGetProp(root, (const xmlChar *)"width");
		xmlChar *h = xmlGetProp(root, (const xmlChar *)"height");
		if (w != NULL && h != NULL) {
			char buf[G_ASCII_DTOSTR_BUF_SIZE * 2 + 8];
			char ws[G_ASCII_DTOSTR_BUF_SIZE], hs[G_ASCII_DTOSTR_BUF_SIZE];
			g_ascii_dtostr(ws, sizeof ws, g_ascii_strtod((const char *)w, NULL));
			g_ascii_dtostr(hs, sizeof hs, g_ascii_strtod((const char *)h, NULL));
			g_snprintf(buf, sizeof buf, "0 0 %s %s", ws, hs);
			xmlSetProp(root, (const xmlChar *)"viewBox", (const xmlChar *)buf);
		}
		xmlFree(w);
		xmlFree(h);
	}
	xmlFree(vb);
	xmlUnsetProp(root, (const xmlChar *)"width");
	xmlUnsetProp(root, (const xmlChar *)"height");
}

gboolean aj_html_inline_svg(GString *out, const char *svg, gsize len, const char *id_prefix,
			    const char *what, GError **err)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	xmlBufferPtr buf = NULL;
	gboolean ok = FALSE;

	if (len > G_MAXINT)
		goto bad;
	doc = xmlReadMemory(svg, (int)len, "chart.svg", "UTF-8",
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || strcmp((const char *)root->name, "svg") != 0 || root->ns == NULL ||
	    strcmp((const char *)root->ns->href, SVG_NS) != 0)
		goto bad;
	clean_tree(root, id_prefix);
	fix_size(root);
	buf = xmlBufferCreate();
	if (xmlNodeDump(buf, doc, root, 0, 0) < 0)
		goto bad;
	g_string_append_len(out, (const char *)xmlBufferContent(buf), xmlBufferLength(buf));
	ok = TRUE;
	goto done;
bad:
	g_set_error(err, AJ_ERROR, EX_SOFTWARE,
		    _("%s: the chart's SVG is not a well-formed <svg> document; "
		    "this is a bug in the chart code, please report it"), what);
done:
	if (buf != NULL)
		xmlBufferFree(buf);
	xmlFreeDoc(doc);
	return ok;
}
