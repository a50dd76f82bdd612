/* Rendering a parsed Mustache tree against a context stack.
 *
 * Recursion follows the template's nesting only: the parser caps it at
 * AJ_M_MAX_NESTING per template, and render_nodes() at AJ_M_MAX_RENDER_DEPTH
 * across partials, so the C stack stays bounded (also on a thread's smaller
 * stack, also under sanitizers) whatever the templates and data hold.
 */
#include <string.h>

#include "template/mustache_tree.h"
#include "util/error.h"
#include "util/i18n.h"

typedef struct {
	const AjMRenderOpts *o;
	GArray *ctx;          /* AjMValue: the context stack, top last */
	GHashTable *sources;  /* partial name -> source text, or "" key absent */
	GHashTable *origins;  /* partial name -> origin for messages */
	GHashTable *parsed;   /* "name\nindent" -> AjMTemplate* */
	int partial_depth;
	int depth; /* render_nodes() calls open */
	gsize max_output;
	guint64 steps;
	GError **err;
	GString *out;   /* the output (blocks render into their own first) */
	guint out_line; /* line of the output's end, for o->line_map */
} Render;

/* The overriding blocks in force: one link per {{<parent}} being expanded.
 * The outermost definition of a block wins (top-level substitutions take
 * precedence in multi-level inheritance). */
typedef struct Scope Scope;
struct Scope {
	const Scope *outer;
	const GPtrArray *blocks; /* children of a PARENT node */
};

static gboolean render_nodes(Render *r, const AjMTemplate *t, const GPtrArray *nodes,
			     const Scope *scope, GString *out);

static gboolean too_big(Render *r, const AjMTemplate *t, const AjMNode *n, GString *out)
{
	char *pos;

	if (out->len <= r->max_output && ++r->steps <= AJ_M_MAX_STEPS)
		return FALSE;
	pos = aj_m_position(t, n->offset);
	if (out->len > r->max_output)
		g_set_error(r->err, AJ_ERROR, EX_DATAERR,
			    _("%s: output grows beyond %lu bytes; check the template for runaway "
			      "sections"),
			    pos, (unsigned long)r->max_output);
	else
		g_set_error(r->err, AJ_ERROR, EX_DATAERR,
			    _("%s: rendering takes more than %u steps; check the template for "
			    "sections nested over long lists"),
			    pos, AJ_M_MAX_STEPS);
	g_free(pos);
	return TRUE;
}

static AjMValue top(Render *r)
{
	return g_array_index(r->ctx, AjMValue, r->ctx->len - 1);
}

/* Resolves a (possibly dotted) name: only the first part walks the context
 * stack; later parts resolve inside the value found. */
static gboolean resolve(Render *r, const AjMNode *n, AjMValue *out)
{
	const AjMCtxOps *ops = r->o->ops;
	gboolean found = FALSE;
	AjMValue v = { 0 };
	guint i;

	if (!n->path) {
		*out = top(r);
		return TRUE;
	}
	for (i = r->ctx->len; i-- > 0;) {
		if (ops->lookup(r->o->ops_user, g_array_index(r->ctx, AjMValue, i), n->path[0], &v)) {
			found = TRUE;
			break;
		}
	}
	for (i = 1; found && n->path[i]; i++)
		found = ops->lookup(r->o->ops_user, v, n->path[i], &v);
	if (found)
		*out = v;
	return found;
}

static void push(Render *r, AjMValue v)
{
	g_array_append_val(r->ctx, v);
}

static void pop(Render *r)
{
	g_array_set_size(r->ctx, r->ctx->len - 1);
}

/* Prefixes each non-empty line of text with indent (standalone partials and
 * parents are indented line by line, before parsing). */
static char *indent_lines(const char *text, const char *indent)
{
	GString *s = g_string_new(NULL);
	const char *p = text;
	gboolean at_start = TRUE;

	for (; *p; p++) {
		if (at_start && *p != '\n' && *p != '\r')
			g_string_append(s, indent);
		g_string_append_c(s, *p);
		at_start = *p == '\n';
	}
	return g_string_free(s, FALSE);
}

/* The name of a partial or parent: literal, or looked up ({{>*name}}).
 * Returns NULL when a dynamic name resolves to nothing. */
static char *partial_name(Render *r, const AjMNode *n)
{
	AjMValue v;
	GString *s;

	if (!n->dynamic)
		return g_strdup(n->text);
	if (!resolve(r, n, &v))
		return NULL;
	s = g_string_new(NULL);
	r->o->ops->text(r->o->ops_user, v, s);
	return g_string_free(s, FALSE);
}

/* The parsed partial `name` indented by indent; NULL without error when it
 * does not exist and partials are not strict. */
static const AjMTemplate *get_partial(Render *r, const AjMTemplate *t, const AjMNode *n,
				      const char *name)
{
	char *key = g_strconcat(name, "\n", n->indent, NULL);
	AjMTemplate *pt = g_hash_table_lookup(r->parsed, key);
	const char *src;
	char *indented = NULL;

	if (pt)
		goto out;
	if (!g_hash_table_contains(r->sources, name)) {
		char *origin = NULL;
		GError *lerr = NULL;
		char *text = r->o->load_partial
				     ? r->o->load_partial(r->o->partial_user, name, &origin, &lerr)
				     : NULL;

		if (lerr) {
			g_propagate_error(r->err, lerr);
			g_free(origin);
			goto out;
		}
		g_hash_table_insert(r->sources, g_strdup(name), text);
		g_hash_table_insert(r->origins, g_strdup(name), origin ? origin : g_strdup(name));
	}
	src = g_hash_table_lookup(r->sources, name);
	if (!src) {
		if (r->o->strict_partials) {
			char *pos = aj_m_position(t, n->offset);

			g_set_error(r->err, AJ_ERROR, EX_DATAERR,
				    _("%s: partial '%s' not found; create it beside the template "
				    "or fix the name"),
				    pos, name);
			g_free(pos);
		}
		goto out;
	}
	indented = *n->indent ? indent_lines(src, n->indent) : NULL;
	pt = aj_m_parse(indented ? indented : src, strlen(indented ? indented : src),
			g_hash_table_lookup(r->origins, name), 1, r->err);
	if (pt) {
		g_hash_table_insert(r->parsed, key, pt);
		key = NULL;
	}
out:
	g_free(indented);
	g_free(key);
	return pt;
}

static gboolean render_partial(Render *r, const AjMTemplate *t, const AjMNode *n,
			       const Scope *scope, GString *out)
{
	char *name = partial_name(r, n);
	const AjMTemplate *pt;
	gboolean ok = TRUE;
	Scope inner = { scope, n->children };

	if (!name)
		return TRUE;
	if (r->partial_depth >= AJ_M_MAX_PARTIAL_DEPTH) {
		char *pos = aj_m_position(t, n->offset);

		g_set_error(r->err, AJ_ERROR, EX_DATAERR,
			    _("%s: partials nested deeper than %d (is '%s' including itself?); "
			    "break the cycle"),
			    pos, AJ_M_MAX_PARTIAL_DEPTH, name);
		g_free(pos);
		ok = FALSE;
		goto out;
	}
	pt = get_partial(r, t, n, name);
	if (!pt) {
		ok = !(r->err && *r->err);
		goto out;
	}
	r->partial_depth++;
	ok = render_nodes(r, pt, pt->root, n->kind == AJ_MN_PARENT ? &inner : scope, out);
	r->partial_depth--;
out:
	g_free(name);
	return ok;
}

/* The block that replaces site `name`: the outermost override in force. */
static const AjMNode *find_override(const Scope *scope, const char *name)
{
	const AjMNode *found = NULL;
	const Scope *s;
	guint i;

	for (s = scope; s; s = s->outer) {
		for (i = 0; i < s->blocks->len; i++) {
			const AjMNode *b = s->blocks->pdata[i];

			if (b->kind == AJ_MN_BLOCK && strcmp(b->text, name) == 0) {
				found = b;
				break;
			}
		}
	}
	return found;
}

static gboolean render_block(Render *r, const AjMTemplate *t, const AjMNode *n,
			     const Scope *scope, GString *out)
{
	const AjMNode *use = find_override(scope, n->text);
	GString *tmp;
	gsize i;
	gboolean ok, at_start = TRUE;

	if (!use)
		use = n;
	if (!n->standalone)
		return render_nodes(r, t, use->children, scope, out);
	/* A standalone site takes whole lines: indent each, end with a newline. */
	tmp = g_string_new(NULL);
	ok = render_nodes(r, t, use->children, scope, tmp);
	for (i = 0; ok && i < tmp->len; i++) {
		if (at_start && tmp->str[i] != '\n')
			g_string_append(out, n->indent);
		g_string_append_c(out, tmp->str[i]);
		at_start = tmp->str[i] == '\n';
	}
	if (ok && tmp->len && tmp->str[tmp->len - 1] != '\n')
		g_string_append_c(out, '\n');
	g_string_free(tmp, TRUE);
	return ok;
}

static gboolean render_section(Render *r, const AjMTemplate *t, const AjMNode *n,
			       const Scope *scope, GString *out)
{
	const AjMCtxOps *ops = r->o->ops;
	gconstpointer u = r->o->ops_user;
	AjMValue v, cursor = { 0 }, item;
	gboolean found = resolve(r, n, &v), ok = TRUE;

	if (n->kind == AJ_MN_INVERTED) {
		if (!found || !ops->truthy(u, v))
			ok = render_nodes(r, t, n->children, scope, out);
		return ok;
	}
	if (!found)
		return TRUE;
	if (ops->is_list(u, v)) {
		while (ok && ops->iter(u, v, &cursor, &item)) {
			push(r, item);
			ok = render_nodes(r, t, n->children, scope, out);
			pop(r);
		}
	} else if (ops->truthy(u, v)) {
		push(r, v);
		ok = render_nodes(r, t, n->children, scope, out);
		pop(r);
	}
	return ok;
}

/* o->line_map: the lines that n began in out[from..]. */
static void note_lines(Render *r, const AjMTemplate *t, const AjMNode *n, GString *out, gsize from)
{
	if (r->o->line_map == NULL || out != r->out)
		return;
	for (gsize i = from; i < out->len; i++) {
		if (aj_line_map_lines(r->o->line_map) < r->out_line)
			aj_line_map_set(r->o->line_map, r->out_line, t->origin, n->line);
		const char *nl = memchr(out->str + i, '\n', out->len - i);
		if (nl == NULL)
			break;
		i = (gsize)(nl - out->str);
		r->out_line++;
	}
}

static gboolean render_nodes(Render *r, const AjMTemplate *t, const GPtrArray *nodes,
			     const Scope *scope, GString *out)
{
	guint i;
	gboolean ok = TRUE;

	if (r->depth >= AJ_M_MAX_RENDER_DEPTH) {
		char *pos = aj_m_position(t, nodes->len ? ((const AjMNode *)nodes->pdata[0])->offset : 0);

		g_set_error(r->err, AJ_ERROR, EX_DATAERR,
			    _("%s: sections and partials nested deeper than %d while rendering; "
			    "flatten the template or break a partial cycle"),
			    pos, AJ_M_MAX_RENDER_DEPTH);
		g_free(pos);
		return FALSE;
	}
	r->depth++;
	for (i = 0; ok && i < nodes->len; i++) {
		const AjMNode *n = nodes->pdata[i];
		AjMValue v;
		gsize before = out->len;

		switch (n->kind) {
		case AJ_MN_TEXT:
			g_string_append_len(out, n->text, n->len);
			break;
		case AJ_MN_VAR:
			if (resolve(r, n, &v)) {
				GString *tmp = g_string_new(NULL);

				r->o->ops->text(r->o->ops_user, v, tmp);
				r->o->escape(out, tmp->str, tmp->len);
				g_string_free(tmp, TRUE);
			}
			break;
		case AJ_MN_RAW:
			if (resolve(r, n, &v))
				r->o->ops->text(r->o->ops_user, v, out);
			break;
		case AJ_MN_SECTION:
		case AJ_MN_INVERTED:
			ok = render_section(r, t, n, scope, out);
			break;
		case AJ_MN_PARTIAL:
		case AJ_MN_PARENT:
			ok = render_partial(r, t, n, scope, out);
			break;
		case AJ_MN_BLOCK:
			ok = render_block(r, t, n, scope, out);
			break;
		}
		if (n->kind == AJ_MN_TEXT || n->kind == AJ_MN_VAR || n->kind == AJ_MN_RAW)
			note_lines(r, t, n, out, before);
		if (ok && too_big(r, t, n, out))
			ok = FALSE;
	}
	r->depth--;
	return ok;
}

char *aj_m_render(const AjMTemplate *t, AjMValue root, const AjMRenderOpts *opts, GError **err)
{
	Render r = { 0 };
	GString *out = g_string_new(NULL);
	gboolean ok;

	r.o = opts;
	r.err = err;
	r.out = out;
	r.out_line = 1;
	r.max_output = opts->max_output ? opts->max_output : AJ_M_MAX_OUTPUT;
	r.ctx = g_array_new(FALSE, FALSE, sizeof(AjMValue));
	r.sources = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	r.origins = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	r.parsed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					 (GDestroyNotify)aj_m_template_free);
	push(&r, root);
	ok = render_nodes(&r, t, t->root, NULL, out);
	g_array_free(r.ctx, TRUE);
	g_hash_table_destroy(r.sources);
	g_hash_table_destroy(r.origins);
	g_hash_table_destroy(r.parsed);
	return g_string_free(out, !ok);
}
