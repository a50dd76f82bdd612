#include "load/words.h"

#include <string.h>

#include "util/i18n.h"
#include "util/visible.h"

/* msgctxt "element": the English text is the element name itself. */
static const char *const elements[] = {
	NC_("element", "dataset"),
	NC_("element", "district"),
	NC_("element", "department"),
	NC_("element", "enterprise"),
	NC_("element", "inspection"),
	NC_("element", "hazard"),
	NC_("element", "penalty"),
	NC_("element", "accident"),
	NC_("element", "training"),
	NC_("element", "report"),
	NC_("element", "blacklist"),
	NC_("element", "nomination"),
	NC_("element", "exposure"),
	NC_("element", "baseline"),
	NC_("element", "problem-list"),
	NC_("element", "standardization"),
	NC_("element", "safety-director"),
	NC_("element", "commitment"),
	NC_("element", "self-inspection"),
	NC_("element", "responsibility-list"),
	NC_("element", "insurance"),
	NC_("element", "aspect"),
	NC_("element", "problem"),
	NC_("element", "progress"),
};

const char *aj_elem_words(const char *elem)
{
	for (gsize i = 0; i < G_N_ELEMENTS(elements); i++)
		if (strcmp(elem, elements[i]) == 0)
			return g_dpgettext2(NULL, "element", elements[i]);
	return elem;
}

char *aj_record_words(const char *kind, const char *id, const char *child)
{
	GString *s = g_string_new(aj_elem_words(kind));

	if (id != NULL) {
		char *shown = aj_visible(id);
		/* TRANSLATORS: a record and its id, e.g. "inspection J1" */
		g_string_append_printf(s, C_("record id", " %s"), shown);
		g_free(shown);
	}
	if (child != NULL)
		/* TRANSLATORS: a record, then one of its child elements */
		g_string_append_printf(s, _(": %s"), aj_elem_words(child));
	return g_string_free(s, FALSE);
}
