/* aj_m_check(): names and braces of a template, before it is rendered.
 *
 * The walk follows the tree as rendering would, but enters every section
 * (truthy or not, since another month's data may make it so), and for each
 * root keeps its own context stack: a section pushes what it resolves to
 * (a list: its first item), or a frame that resolves nothing. */
#include <string.h>

#include "template/mustache_tree.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/nearest.h"

#define CHECK_PARTIAL_DEPTH 8

typedef struct {
	const AjMCheckOpts *o;
	GArray **stacks; /* per root: AjMValue frames, ptr NULL resolves nothing */
	int partial_depth;
	GError **err;
} Check;

/* The tag as written, for messages. */
static char *tag_text(const AjMNode *n)
{
	switch (n->kind) {
	case AJ_MN_RAW:
		return g_strdup_printf("{{{%s}}}", n->text);
	case AJ_MN_SECTION:
		return g_strdup_printf("{{#%s}}", n->text);
	case AJ_MN_INVERTED:
		return g_strdup_printf("{{^%s}}", n->text);
	case AJ_MN_PARTIAL:
		return g_strdup_printf("{{>*%s}}", n->text);
	case AJ_MN_PARENT:
		return g_strdup_printf("{{<*%s}}", n->text);
	default:
		return g_strdup_printf("{{%s}}", n->text);
	}
}

/* Resolves n's name on one stack as the renderer does.  Returns the number
 * of parts resolved (all of them: found); *at is the value the first
 * unresolved part was looked up in (for hints), *out the value found. */
static guint resolve(const Check *c, GArray *stack, const AjMNode *n, AjMValue *out, AjMValue *at)
{
	const AjMCtxOps *ops = c->o->ops;
	gconstpointer u = c->o->ops_user;
	AjMValue v = { 0 };
	guint i;
	gboolean found = FALSE;

	for (i = stack->len; i-- > 0 && !found;) {
		AjMValue f = g_array_index(stack, AjMValue, i);
		found = f.ptr != NULL && ops->lookup(u, f, n->path[0], &v);
	}
	if (!found)
		return 0;
	for (i = 1; n->path[i] != NULL; i++) {
		AjMValue inner;
		if (ops->is_list(u, v)) { /* a dotted name through a list: its items */
			AjMValue cursor = { 0 };
			if (!ops->iter(u, v, &cursor, &v))
				return i;
		}
		if (!ops->lookup(u, v, n->path[i], &inner)) {
			*at = v;
			return i;
		}
		v = inner;
	}
	*out = v;
	return i;
}

/* The names offered where part `part` of n failed on the first root. */
static char *hints(const Check *c, const AjMNode *n, guint part, AjMValue at)
{
	const AjMCtxOps *ops = c->o->ops;
	GArray *stack = c->stacks[0];
	GPtrArray *names = g_ptr_array_new();
	AjNearest *near = aj_nearest_new(n->path[part], 3);
	char *text;

	if (ops->names != NULL && part == 0) {
		for (guint i = stack->len; i-- > 0;) {
			AjMValue f = g_array_index(stack, AjMValue, i);
			if (f.ptr != NULL)
				ops->names(c->o->ops_user, f, names);
		}
	} else if (ops->names != NULL) {
		ops->names(c->o->ops_user, at, names);
	}
	for (guint i = 0; i < names->len; i++)
		aj_nearest_add(near, g_ptr_array_index(names, i));
	text = aj_nearest_text(near);
	aj_nearest_free(near);
	g_ptr_array_free(names, TRUE);
	return text;
}

static gboolean check_name(Check *c, const AjMTemplate *t, const AjMNode *n)
{
	AjMValue v, at = { 0 };
	guint best = 0, parts = g_strv_length(n->path);
	char *tag, *near;

	for (guint r = 0; r < c->o->n_roots; r++) {
		guint got = resolve(c, c->stacks[r], n, &v, &at);
		if (got == parts)
			return TRUE;
		if (r == 0)
			best = got;
	}
	/* the hints come from the specimen (root 0) */
	if (best > 0)
		resolve(c, c->stacks[0], n, &v, &at);
	tag = tag_text(n);
	near = hints(c, n, best, at);
	if (best == 0 && near != NULL)
		aj_m_fail_at(t, n->offset, c->err,
			_("%s: no %s document has a value named '%s' here; the nearest names are %s"),
			tag, c->o->what, n->path[0], near);
	else if (best == 0)
		aj_m_fail_at(t, n->offset, c->err, _("%s: no %s document has a value named '%s' here"),
			tag, c->o->what, n->path[0]);
	else if (near != NULL)
		aj_m_fail_at(t, n->offset, c->err,
			_("%s: in a %s document, '%s' has no '%s'; the nearest names are %s"), tag,
			c->o->what, n->path[best - 1], n->path[best], near);
	else
		aj_m_fail_at(t, n->offset, c->err, _("%s: in a %s document, '%s' has no '%s'"), tag,
			c->o->what, n->path[best - 1], n->path[best]);
	g_free(tag);
	g_free(near);
	return FALSE;
}

/* The name-like characters just before text[end], for a suggestion. */
static gsize word_start(const char *text, gsize end)
{
	while (end > 0 && (g_ascii_isalnum(text[end - 1]) || strchr("._-#^/&>", text[end - 1])))
		end--;
	return end;
}

/* "}}" in text, or a '}' right after a tag: a brace too few or too many. */
static gboolean check_braces(Check *c, const AjMTemplate *t, const GPtrArray *nodes, guint i)
{
	const AjMNode *n = nodes->pdata[i];
	const char *close = n->len > 0 ? g_strstr_len(n->text, (gssize)n->len, "}}") : NULL;

	if (t->delims_changed || n->kind != AJ_MN_TEXT)
		return TRUE;
	if (i > 0 && n->text[0] == '}' && n->offset > 0 && t->source[n->offset - 1] == '}') {
		const AjMNode *prev = nodes->pdata[i - 1];
		if (prev->kind == AJ_MN_VAR || prev->kind == AJ_MN_RAW) {
			char *tag = tag_text(prev);
			aj_m_fail_at(t, n->offset, c->err,
				_("unbalanced braces: '%s}' has one '}' too many; write %s"), tag, tag);
			g_free(tag);
			return FALSE;
		}
	}
	if (close != NULL) {
		gsize end = (gsize)(close - n->text), start = word_start(n->text, end);
		gsize from = start > 0 && n->text[start - 1] == '{' ? start - 1 : start;
		char *shown = g_strndup(n->text + from, end + 2 - from);
		char *name = g_strndup(n->text + start, end - start);
		if (*name != '\0')
			aj_m_fail_at(t, n->offset + from, c->err,
				_("unbalanced braces: '%s' lacks a '{'; write {{%s}}"), shown, name);
		else
			aj_m_fail_at(t, n->offset + end, c->err,
				_("unbalanced braces: '}}' closes no tag; remove it or open the tag "
				  "with '{{'"));
		g_free(shown);
		g_free(name);
		return FALSE;
	}
	return TRUE;
}

static gboolean check_nodes(Check *c, const AjMTemplate *t, const GPtrArray *nodes);

static void push_all(Check *c, const AjMNode *n)
{
	const AjMCtxOps *ops = c->o->ops;
	gconstpointer u = c->o->ops_user;

	for (guint r = 0; r < c->o->n_roots; r++) {
		AjMValue v = { 0 }, at, item = { 0 }, cursor = { 0 };
		if (n->path == NULL)
			v = g_array_index(c->stacks[r], AjMValue, c->stacks[r]->len - 1);
		else if (resolve(c, c->stacks[r], n, &v, &at) != g_strv_length(n->path))
			v.ptr = NULL;
		if (v.ptr != NULL && ops->is_list(u, v))
			v = ops->iter(u, v, &cursor, &item) ? item : (AjMValue){ 0 };
		g_array_append_val(c->stacks[r], v);
	}
}

static void pop_all(Check *c)
{
	for (guint r = 0; r < c->o->n_roots; r++)
		g_array_set_size(c->stacks[r], c->stacks[r]->len - 1);
}

/* A partial is checked where it is included, with the stacks of there. */
static gboolean check_partial(Check *c, const AjMNode *n)
{
	char *origin = NULL, *text;
	GError *lerr = NULL;
	gboolean ok = TRUE;
	AjMTemplate *pt;

	if (c->o->load_partial == NULL || c->partial_depth >= CHECK_PARTIAL_DEPTH)
		return TRUE;
	text = c->o->load_partial(c->o->partial_user, n->text, &origin, &lerr);
	if (text == NULL) { /* rendering reports a missing or bad partial */
		g_clear_error(&lerr);
		g_free(origin);
		return TRUE;
	}
	pt = aj_m_parse(text, strlen(text), origin != NULL ? origin : n->text, 1, NULL);
	if (pt != NULL) {
		c->partial_depth++;
		ok = check_nodes(c, pt, pt->root);
		c->partial_depth--;
	}
	aj_m_template_free(pt);
	g_free(text);
	g_free(origin);
	return ok;
}

static gboolean check_nodes(Check *c, const AjMTemplate *t, const GPtrArray *nodes)
{
	gboolean ok = TRUE;

	for (guint i = 0; ok && i < nodes->len; i++) {
		const AjMNode *n = nodes->pdata[i];
		switch (n->kind) {
		case AJ_MN_TEXT:
			ok = check_braces(c, t, nodes, i);
			break;
		case AJ_MN_VAR:
		case AJ_MN_RAW:
			ok = n->path == NULL || check_name(c, t, n);
			break;
		case AJ_MN_SECTION:
			ok = n->path == NULL || check_name(c, t, n);
			if (ok) {
				push_all(c, n);
				ok = check_nodes(c, t, n->children);
				pop_all(c);
			}
			break;
		case AJ_MN_INVERTED:
			ok = (n->path == NULL || check_name(c, t, n)) && check_nodes(c, t, n->children);
			break;
		case AJ_MN_PARTIAL:
		case AJ_MN_PARENT:
			if (n->dynamic)
				ok = n->path == NULL || check_name(c, t, n);
			else
				ok = check_partial(c, n);
			if (ok && n->children != NULL)
				ok = check_nodes(c, t, n->children);
			break;
		case AJ_MN_BLOCK:
			ok = check_nodes(c, t, n->children);
			break;
		}
	}
	return ok;
}

gboolean aj_m_check(const AjMTemplate *t, const AjMCheckOpts *o, GError **err)
{
	Check c = { o, g_new0(GArray *, MAX(o->n_roots, 1)), 0, err };
	gboolean ok;

	for (guint r = 0; r < o->n_roots; r++) {
		c.stacks[r] = g_array_new(FALSE, FALSE, sizeof(AjMValue));
		g_array_append_val(c.stacks[r], o->roots[r]);
	}
	ok = check_nodes(&c, t, t->root);
	for (guint r = 0; r < o->n_roots; r++)
		g_array_free(c.stacks[r], TRUE);
	g_free(c.stacks);
	return ok;
}
