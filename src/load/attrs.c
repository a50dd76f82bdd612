/* Walking attributes and the helpers every record uses. */
#include <string.h>

#include "load/parse.h"
#include "load/words.h"
#include "util/i18n.h"
#include "util/nearest.h"
#include "util/visible.h"

void *ajp_push(GArray *a)
{
	g_array_set_size(a, a->len + 1);
	return &g_array_index(a, char, (gsize)(a->len - 1) * g_array_get_element_size(a));
}

static const xmlChar *spec_name(const Parse *p, const AttrSpec *s)
{
	return *(const xmlChar *const *)(const void *)((const char *)&p->n + s->name);
}

/* names joined by ", " (names of data-format.md: not translated) */
static char *join_names(const char *const *names, guint n)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < n; i++)
		g_string_append_printf(s, "%s%s", i > 0 ? ", " : "", names[i]);
	return g_string_free(s, FALSE);
}

/* The nearest of names to word when it looks like a slip of the keyboard,
 * or NULL; the caller frees it. */
static char *close_name(const char *word, const char *const *names, guint n)
{
	AjNearest *near = aj_nearest_new(word, 1);
	char *found = NULL;

	for (guint i = 0; i < n; i++)
		aj_nearest_add(near, names[i]);
	if (aj_nearest_is_close(near))
		found = g_strdup(aj_nearest_get(near, 0, NULL));
	aj_nearest_free(near);
	return found;
}

static void unknown_attr(Parse *p, const char *elem, guint line, const AttrSpec *spec, guint n,
			 const char *a)
{
	const char **names = g_new(const char *, n + 1);
	char *list, *near;

	for (guint j = 0; j < n; j++)
		names[j] = (const char *)spec_name(p, &spec[j]);
	list = join_names(names, n);
	near = close_name(a, names, n);
	if (n == 0)
		aj_loader_error(p->l, line, _("<%s> has an unknown attribute %s; it takes none: "
					      "remove it"), elem, a);
	else if (near != NULL)
		aj_loader_error(p->l, line, _("<%s> has an unknown attribute %s; did you mean %s? "
					      "(allowed are: %s)"), elem, a, near, list);
	else
		aj_loader_error(p->l, line, _("<%s> has an unknown attribute %s; allowed are: %s"),
				elem, a, list);
	g_free(near);
	g_free(list);
	g_free(names);
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
		aj_loader_error(p->l, line, _("<%s> declares a namespace (xmlns); namespaces are not "
					      "allowed: remove the declaration"), elem);
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
			aj_loader_error(p->l, line, _("<informant> takes no attributes (its content "
						      "is never shown); remove them"));
			xmlFree(owned);
			continue;
		}
		if (i == n || at->ns != NULL) {
			unknown_attr(p, elem, line, spec, n, (const char *)a);
			xmlFree(owned);
			continue;
		}
		seen |= 1u << i;
		fn(p, &c, a, v != NULL ? v : "");
		xmlFree(owned);
	}
	for (guint i = 0; i < n; i++)
		if (spec[i].required && !(seen & (1u << i)))
			aj_loader_error(p->l, line, _("<%s> lacks the attribute %s; add it"), elem,
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
	char *list = join_names(values, n), *near = close_name(v, values, n), *shown = aj_visible(v);
	if (near != NULL)
		aj_loader_error(c->l, c->line, _("%s %s '%s' is not one of: %s; did you mean '%s'?"),
				aj_elem_words(c->elem), attr, shown, list, near);
	else
		aj_loader_error(c->l, c->line, _("%s %s '%s' is not one of: %s"),
				aj_elem_words(c->elem), attr, shown, list);
	g_free(shown);
	g_free(near);
	g_free(list);
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
	char *what = aj_record_words(kind, id, child);
	aj_loader_error(p->l, p->loc.line, _("%s: %s %s is before %s %s; correct one of the dates"),
			what, second_name, aj_day_format(second, b), first_name,
			aj_day_format(first, a));
	g_free(what);
}