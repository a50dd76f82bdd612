/* Walking attributes and the helpers every record uses. */
#include <string.h>

#include "load/parse.h"

void *ajp_push(GArray *a)
{
	g_array_set_size(a, a->len + 1);
	return &g_array_index(a, char, (gsize)(a->len - 1) * g_array_get_element_size(a));
}

static const xmlChar *spec_name(const Parse *p, const AttrSpec *s)
{
	return *(const xmlChar *const *)(const void *)((const char *)&p->n + s->name);
}

/* Calls fn for every known attribute; reports unknown and missing ones
 * itself, with names (libxml2 only says "failed to validate attributes"). */
void ajp_each_attr(Parse *p, const char *elem, guint line, const AttrSpec *spec, guint n,
		      AttrFn fn)
{
	AjValueCtx c = { p->l, line, elem };
	guint32 seen = 0;
	/* The node's own attribute list: the reader's attribute cursor costs
	 * several calls per attribute.  Names are from the reader's dictionary. */
	xmlNodePtr node = xmlTextReaderCurrentNode(p->r);

	if (node != NULL && node->nsDef != NULL)
		aj_loader_error(p->l, line, "<%s> declares a namespace (xmlns); namespaces are not "
				"allowed: remove the declaration", elem);
	for (xmlAttrPtr at = node != NULL ? node->properties : NULL; at != NULL; at = at->next) {
		const xmlChar *a = at->name;
		xmlChar *owned = NULL;
		const char *v = "";
		guint i = 0;
		if (at->children != NULL && at->children->next == NULL &&
		    at->children->type == XML_TEXT_NODE)
			v = (const char *)at->children->content;
		else if (at->children != NULL)
			v = (const char *)(owned = xmlNodeListGetString(node->doc, at->children, 1));
		while (at->ns == NULL && i < n && spec_name(p, &spec[i]) != a)
			i++;
		if ((i == n || at->ns != NULL) && node->name == p->n.informant) {
			/* names in there may be the informant's words: none is shown */
			aj_loader_error(p->l, line, "<informant> takes no attributes (its content is "
					"never shown); remove them");
			xmlFree(owned);
			continue;
		}
		if (i == n || at->ns != NULL) {
			GString *allowed = g_string_new(NULL);
			for (guint j = 0; j < n; j++)
				g_string_append_printf(allowed, "%s%s", j > 0 ? ", " : "",
						       (const char *)spec_name(p, &spec[j]));
			aj_loader_error(p->l, line, "<%s> has an unknown attribute %s; %s%s", elem,
					(const char *)a, n > 0 ? "allowed are: " : "it takes none",
					allowed->str);
			g_string_free(allowed, TRUE);
			xmlFree(owned);
			continue;
		}
		seen |= 1u << i;
		fn(p, &c, a, v != NULL ? v : "");
		xmlFree(owned);
	}
	for (guint i = 0; i < n; i++)
		if (spec[i].required && !(seen & (1u << i)))
			aj_loader_error(p->l, line, "<%s> lacks the attribute %s; add it", elem,
					(const char *)spec_name(p, &spec[i]));
}

/* One of a fixed set of values (enumerations of data-format.md); -1 and an
 * error otherwise. */
int ajp_one_of(const AjValueCtx *c, const char *attr, const char *v, const char *const *values,
		  guint n)
{
	for (guint i = 0; i < n; i++)
		if (strcmp(v, values[i]) == 0)
			return (int)i;
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < n; i++)
		g_string_append_printf(s, "%s%s", i > 0 ? ", " : "", values[i]);
	aj_loader_error(c->l, c->line, "%s %s '%s' is not one of: %s", c->elem, attr, v, s->str);
	g_string_free(s, TRUE);
	return -1;
}


const char *ajp_intern(Parse *p, const char *v)
{
	return aj_model_intern(p->m, v);
}

guint32 ajp_enterprise_ref(Parse *p, const char *v)
{
	G_STATIC_ASSERT(REC_PROBLEM_LIST < AJ_REF_CURSORS);
	return aj_ref_slot(p->l, &p->l->enterprise_refs, &p->l->cursors[p->kind], v);
}

guint32 ajp_department_ref(Parse *p, const AjValueCtx *c, const char *v)
{
	return aj_value_nonblank(c, "department", v) ? aj_ref_slot(p->l, &p->l->department_refs, NULL, v)
						      : AJ_NONE;
}

guint32 ajp_district_ref(Parse *p, const AjValueCtx *c, const char *v)
{
	return aj_value_district_code(c, "district", v) ? aj_ref_slot(p->l, &p->l->district_refs, NULL, v)
							: AJ_NONE;
}

const char *ajp_id(Parse *p, const AjValueCtx *c, AjIdKind kind, const char *v)
{
	AjLoc loc = { p->l->file, c->line };

	return aj_value_nonblank(c, "id", v) ? aj_loader_id(p->l, kind, v, loc) : NULL;
}

/* "second must not be before first" of data-format.md.  The message names
 * "KIND ID[: CHILD]"; it is only formatted when needed. */
void ajp_not_before(Parse *p, const char *kind, const char *id, const char *child, AjDay first,
		    const char *first_name, AjDay second, const char *second_name)
{
	char a[11], b[11];

	if (first == AJ_DAY_NONE || second == AJ_DAY_NONE || second >= first)
		return;
	aj_loader_error(p->l, p->loc.line, "%s%s%s%s%s: %s %s is before %s %s; correct one of the "
			"dates", kind, id != NULL ? " " : "", id != NULL ? id : "",
			child != NULL ? ": " : "", child != NULL ? child : "", second_name,
			aj_day_format(second, b), first_name, aj_day_format(first, a));
}