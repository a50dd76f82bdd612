/* Which child elements an element may have, how often, and which it needs.
 *
 * The schema knows this too, but libxml2 words it as "Invalid sequence in
 * interleave" or "Expecting an element name, got nothing"; these checks name
 * the element and say what to add or remove.  The schema stays the
 * backstop: its messages are shown when these find nothing.
 */
#include <string.h>

#include "load/parse.h"
#include "util/i18n.h"
#include "util/nearest.h"

#define MANY 255

typedef struct {
	gsize name; /* offset in AjNames */
	guint8 min, max;
} AjChild;

struct AjShape {
	const AjChild *children;
	guint n;
};

#define C(f, lo, hi) { offsetof(AjNames, f), lo, hi }
#define SHAPE(var, ...)                                                  \
	static const AjChild var##_children[] = { __VA_ARGS__ };         \
	static const struct AjShape var = { var##_children, G_N_ELEMENTS(var##_children) }

SHAPE(dataset_shape, C(district, 0, MANY), C(department, 0, MANY), C(enterprise, 0, MANY),
      C(inspection, 0, MANY), C(hazard, 0, MANY), C(penalty, 0, MANY), C(accident, 0, MANY),
      C(training, 0, MANY));
/* the children array holds at most 8: the other records are checked here */
SHAPE(dataset_shape2, C(report, 0, MANY), C(blacklist, 0, MANY), C(nomination, 0, MANY),
      C(exposure, 0, MANY), C(baseline, 0, MANY), C(problem_list, 0, MANY));
SHAPE(enterprise_shape, C(name, 1, 1), C(address, 1, 1), C(standardization, 0, MANY),
      C(safety_director, 0, MANY), C(commitment, 0, MANY), C(self_inspection, 0, MANY),
      C(responsibility_list, 0, MANY), C(insurance, 0, MANY));
SHAPE(hazard_shape, C(description, 1, 1));
SHAPE(penalty_shape, C(violation, 1, 1));
SHAPE(accident_shape, C(summary, 0, 1));
SHAPE(report_shape, C(informant, 0, 1), C(content, 1, 1));
SHAPE(nomination_shape, C(reason, 0, 1));
SHAPE(exposure_shape, C(problem, 1, 1), C(handling, 0, 1));
SHAPE(problem_list_shape, C(aspect, 1, MANY));
SHAPE(aspect_shape, C(problem, 1, MANY));
SHAPE(problem_shape, C(description, 1, 1), C(measures, 0, 1), C(progress, 0, MANY));
static const struct AjShape leaf = { NULL, 0 };

static const xmlChar *child_name(const Parse *p, const AjChild *c)
{
	return *(const xmlChar *const *)(const void *)((const char *)&p->n + c->name);
}

/* The shape of element name whose parent is parent (NULL at the root). */
static const struct AjShape *shape_of(const Parse *p, const xmlChar *name, const xmlChar *parent)
{
	const AjNames *n = &p->n;

	if (parent == NULL)
		return name == n->dataset ? &dataset_shape : &leaf;
	if (name == n->enterprise)
		return &enterprise_shape;
	if (name == n->hazard)
		return &hazard_shape;
	if (name == n->penalty)
		return &penalty_shape;
	if (name == n->accident)
		return &accident_shape;
	if (name == n->report)
		return &report_shape;
	if (name == n->nomination)
		return &nomination_shape;
	if (name == n->exposure)
		return &exposure_shape;
	if (name == n->problem_list)
		return &problem_list_shape;
	if (name == n->aspect)
		return &aspect_shape;
	if (name == n->problem && parent == n->aspect)
		return &problem_shape;
	return &leaf;
}

static gboolean find(const Parse *p, const struct AjShape *s, const xmlChar *name, guint *at)
{
	for (guint i = 0; i < s->n; i++) {
		if (child_name(p, &s->children[i]) == name) {
			*at = i;
			return TRUE;
		}
	}
	return FALSE;
}

static char *allowed(const Parse *p, const struct AjShape *s)
{
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < s->n; i++)
		g_string_append_printf(out, "%s%s", i > 0 ? ", " : "",
				       (const char *)child_name(p, &s->children[i]));
	return g_string_free(out, FALSE);
}

/* The child of s (or s2) nearest to name when it looks like a slip of the
 * keyboard (<inspections>), else NULL. */
static const char *nearest(const Parse *p, const xmlChar *name, const struct AjShape *s,
			   const struct AjShape *s2)
{
	AjNearest *near = aj_nearest_new((const char *)name, 1);
	const char *found = NULL;

	for (const struct AjShape *sh = s; sh != NULL; sh = sh == s ? s2 : NULL)
		for (guint i = 0; i < sh->n; i++)
			aj_nearest_add(near, (const char *)child_name(p, &sh->children[i]));
	if (aj_nearest_is_close(near)) {
		const char *kept = aj_nearest_get(near, 0, NULL);
		/* the name from the dictionary: lives as long as the reader */
		for (const struct AjShape *sh = s; sh != NULL && found == NULL; sh = sh == s ? s2 : NULL)
			for (guint i = 0; i < sh->n && found == NULL; i++)
				if (strcmp(kept, (const char *)child_name(p, &sh->children[i])) == 0)
					found = (const char *)child_name(p, &sh->children[i]);
	}
	aj_nearest_free(near);
	return found;
}

void ajp_shape_open(Parse *p, const xmlChar *name, int depth, guint line)
{
	const xmlChar *parent = NULL;

	if (depth >= (int)G_N_ELEMENTS(p->open))
		return;
	if (depth > 0 && p->open[depth - 1].shape != NULL) {
		const struct AjShape *ps = p->open[depth - 1].shape;
		const char *pe = p->open[depth - 1].elem;
		guint i;
		parent = (const xmlChar *)pe;
		if (depth == 1) {
			/* records: any number of each known kind */
			if (!find(p, &dataset_shape, name, &i) && !find(p, &dataset_shape2, name, &i)) {
				char *a = allowed(p, &dataset_shape), *b = allowed(p, &dataset_shape2);
				const char *near = nearest(p, name, &dataset_shape, &dataset_shape2);
				if (near != NULL)
					aj_loader_error(p->l, line, _("<%s> is not a record of "
								      "data-format.md; did you mean "
								      "<%s>?"), (const char *)name, near);
				else
					aj_loader_error(p->l, line, _("<%s> is not a record of "
								      "data-format.md; records are: "
								      "%s, %s"), (const char *)name, a, b);
				g_free(a);
				g_free(b);
			}
		} else if (parent == p->n.informant) {
			/* even a tag name in there may be the informant's words */
			aj_loader_error(p->l, line, _("<informant> must hold plain text only (its "
						      "content is never shown); remove any markup in it"));
		} else if (ps->n == 0) {
			aj_loader_error(p->l, line, _("<%s> is not allowed inside <%s>: it takes no "
						      "child elements"), (const char *)name, pe);
		} else if (!find(p, ps, name, &i)) {
			char *a = allowed(p, ps);
			const char *near = nearest(p, name, ps, NULL);
			if (near != NULL)
				aj_loader_error(p->l, line, _("<%s> is not allowed inside <%s> (line "
							      "%u); did you mean <%s>?"),
						(const char *)name, pe, p->open[depth - 1].line, near);
			else
				aj_loader_error(p->l, line, _("<%s> is not allowed inside <%s> (line "
							      "%u); allowed are: %s"),
						(const char *)name, pe, p->open[depth - 1].line, a);
			g_free(a);
		} else if (++p->open[depth - 1].count[i] > ps->children[i].max) {
			aj_loader_error(p->l, line, _("a second <%s> inside <%s> (line %u); keep one"),
					(const char *)name, pe, p->open[depth - 1].line);
		}
	} else if (depth > 0) {
		return; /* inside an element already reported */
	}
	/* a root other than <dataset> is reader.c's (foreign_root) */
	p->open[depth].shape = shape_of(p, name, parent);
	p->open[depth].elem = (const char *)name;
	p->open[depth].line = line;
	memset(p->open[depth].count, 0, sizeof p->open[depth].count);
	if (depth + 1 < (int)G_N_ELEMENTS(p->open))
		p->open[depth + 1].shape = NULL;
}

void ajp_shape_close(Parse *p, int depth)
{
	const struct AjShape *s;

	if (depth >= (int)G_N_ELEMENTS(p->open) || (s = p->open[depth].shape) == NULL)
		return;
	for (guint i = 0; i < s->n && s != &dataset_shape; i++)
		if (p->open[depth].count[i] < s->children[i].min)
			aj_loader_error(p->l, p->open[depth].line, _("<%s> lacks <%s>; add it"),
					p->open[depth].elem,
					(const char *)child_name(p, &s->children[i]));
	p->open[depth].shape = NULL;
}
