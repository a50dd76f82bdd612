/* INTERIM: a small Mustache subset (variables, {{{raw}}}/{{&raw}},
 * sections, inverted sections, partials, comments, standalone lines) over
 * an XML context, until the project's engine (src/template/) is on main;
 * then this file becomes a thin call into it with the same interface.
 *
 * XML context rules (those of the engine): a name is looked up in the
 * current element as an attribute, then as child elements, then in the
 * enclosing elements; a section over child elements iterates them; over an
 * attribute it is a condition (falsy: "", "0", "false"). */
#include <string.h>

#include "html/escape.h"
#include "site/layout.h"
#include "util/error.h"

typedef enum { TOK_TEXT, TOK_VAR, TOK_RAW, TOK_SECTION, TOK_INVERTED, TOK_PARTIAL } TokKind;

typedef struct {
	TokKind kind;
	char *text;  /* literal text or the tag's name */
	guint end;   /* sections: index of the token after the closing tag */
} Tok;

typedef struct {
	char *name;
	GArray *toks; /* Tok */
} Layout;

struct AjSiteLayouts {
	GHashTable *by_name; /* file name → Layout*, partials as "_NAME.html" */
};

static void layout_free(gpointer p)
{
	Layout *l = p;

	for (guint i = 0; i < l->toks->len; i++)
		g_free(g_array_index(l->toks, Tok, i).text);
	g_array_free(l->toks, TRUE);
	g_free(l->name);
	g_free(l);
}

static void position(const char *text, const char *at, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (const char *p = text; p < at; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

static void push(GArray *toks, TokKind kind, const char *s, gsize len)
{
	Tok t = { kind, g_strndup(s, len), 0 };
	g_array_append_val(toks, t);
}

/* A tag alone on its line (only blanks around it) takes the line with it. */
static gboolean standalone(const char *text, const char *open, const char *close_end,
			   const char **line_start, const char **line_end)
{
	const char *a = open, *b = close_end;

	while (a > text && (a[-1] == ' ' || a[-1] == '\t'))
		a--;
	if (a > text && a[-1] != '\n')
		return FALSE;
	while (*b == ' ' || *b == '\t')
		b++;
	if (*b == '\r')
		b++;
	if (*b != '\n' && *b != '\0')
		return FALSE;
	*line_start = a;
	*line_end = *b == '\n' ? b + 1 : b;
	return TRUE;
}

static Layout *parse(const char *name, const char *path, const char *text, GError **err)
{
	Layout *l = g_new0(Layout, 1);
	GArray *open = g_array_new(FALSE, FALSE, sizeof(guint));
	const char *p = text, *tag;
	int line, col;

	l->name = g_strdup(name);
	l->toks = g_array_new(FALSE, FALSE, sizeof(Tok));
	while ((tag = strstr(p, "{{")) != NULL) {
		gboolean triple = tag[2] == '{';
		const char *close = strstr(tag + 2, triple ? "}}}" : "}}");
		const char *end, *ls, *le;
		char sigil;
		char *inner;

		if (close == NULL) {
			position(text, tag, &line, &col);
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    "%s:%d:%d: tag is never closed; add \"}}\"", path, line, col);
			goto fail;
		}
		end = close + (triple ? 3 : 2);
		inner = g_strstrip(g_strndup(tag + (triple ? 3 : 2), close - tag - (triple ? 3 : 2)));
		sigil = triple ? '&' : inner[0];
		if (strchr("#^/>!&", sigil) != NULL && !triple)
			memmove(inner, inner + 1, strlen(inner));
		g_strstrip(inner);
		if (strchr("#^/>!", sigil) != NULL && standalone(text, tag, end, &ls, &le)) {
			push(l->toks, TOK_TEXT, p, ls - p);
			p = le;
		} else {
			push(l->toks, TOK_TEXT, p, tag - p);
			p = end;
		}
		switch (sigil) {
		case '!':
			break;
		case '#':
		case '^': {
			guint at = l->toks->len;
			push(l->toks, sigil == '#' ? TOK_SECTION : TOK_INVERTED, inner, strlen(inner));
			g_array_append_val(open, at);
			break;
		}
		case '/': {
			Tok *t;
			if (open->len == 0 ||
			    strcmp((t = &g_array_index(l->toks, Tok,
						       g_array_index(open, guint, open->len - 1)))->text,
				   inner) != 0) {
				position(text, tag, &line, &col);
				g_set_error(err, AJ_ERROR, EX_DATAERR,
					    "%s:%d:%d: {{/%s}} closes no open section; check the "
					    "section names", path, line, col, inner);
				g_free(inner);
				goto fail;
			}
			t->end = l->toks->len;
			g_array_set_size(open, open->len - 1);
			break;
		}
		case '>':
			push(l->toks, TOK_PARTIAL, inner, strlen(inner));
			break;
		case '&':
			push(l->toks, TOK_RAW, inner, strlen(inner));
			break;
		default:
			push(l->toks, TOK_VAR, inner, strlen(inner));
			break;
		}
		g_free(inner);
	}
	push(l->toks, TOK_TEXT, p, strlen(p));
	if (open->len > 0) {
		g_set_error(err, AJ_ERROR, EX_DATAERR, "%s: section '%s' is never closed; add {{/%s}}",
			    path, g_array_index(l->toks, Tok, g_array_index(open, guint, 0)).text,
			    g_array_index(l->toks, Tok, g_array_index(open, guint, 0)).text);
		goto fail;
	}
	g_array_free(open, TRUE);
	return l;
fail:
	g_array_free(open, TRUE);
	layout_free(l);
	return NULL;
}

AjSiteLayouts *aj_site_layouts_load(const char *dir, GError **err)
{
	AjSiteLayouts *set = g_new0(AjSiteLayouts, 1);
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;

	set->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, layout_free);
	if (d == NULL) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    "%s: the site layouts are missing; pass --templates DIR with a site/ "
			    "directory or reinstall anjian", dir);
		goto fail;
	}
	while ((name = g_dir_read_name(d)) != NULL) {
		char *path, *text = NULL;
		Layout *l;

		if (!g_str_has_suffix(name, ".html"))
			continue;
		path = g_build_filename(dir, name, NULL);
		if (!g_file_get_contents(path, &text, NULL, NULL)) {
			g_set_error(err, AJ_ERROR, EX_NOINPUT, "%s: cannot read the layout", path);
			g_free(path);
			goto fail;
		}
		l = parse(name, path, text, err);
		g_free(text);
		g_free(path);
		if (l == NULL)
			goto fail;
		g_hash_table_insert(set->by_name, l->name, l);
	}
	g_dir_close(d);
	return set;
fail:
	if (d != NULL)
		g_dir_close(d);
	aj_site_layouts_free(set);
	return NULL;
}

void aj_site_layouts_free(AjSiteLayouts *layouts)
{
	if (layouts == NULL)
		return;
	g_hash_table_destroy(layouts->by_name);
	g_free(layouts);
}

typedef struct {
	xmlAttrPtr attr;  /* found as an attribute */
	xmlNodePtr first; /* or as child elements, the first of them */
} Found;

static gboolean lookup(GPtrArray *stack, const char *name, Found *f)
{
	f->attr = NULL;
	f->first = NULL;
	for (guint i = stack->len; i-- > 0;) {
		xmlNodePtr el = g_ptr_array_index(stack, i);
		if ((f->attr = xmlHasProp(el, (const xmlChar *)name)) != NULL)
			return TRUE;
		for (xmlNodePtr c = el->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) {
				f->first = c;
				return TRUE;
			}
	}
	return FALSE;
}

static gboolean truthy(const Found *f)
{
	xmlChar *v;
	gboolean t;

	if (f->first != NULL)
		return TRUE;
	if (f->attr == NULL)
		return FALSE;
	v = xmlNodeGetContent((xmlNodePtr)f->attr);
	t = v != NULL && v[0] != '\0' && strcmp((char *)v, "0") != 0 &&
	    strcmp((char *)v, "false") != 0;
	xmlFree(v);
	return t;
}

static gboolean render(const AjSiteLayouts *set, const Layout *l, guint from, guint to,
		       GPtrArray *stack, GString *out, int depth, GError **err)
{
	if (depth > 50) {
		g_set_error(err, AJ_ERROR, EX_DATAERR, "%s: partials nest too deep", l->name);
		return FALSE;
	}
	for (guint i = from; i < to; i++) {
		const Tok *t = &g_array_index(l->toks, Tok, i);
		Found f;
		xmlChar *v;

		switch (t->kind) {
		case TOK_TEXT:
			g_string_append(out, t->text);
			break;
		case TOK_VAR:
		case TOK_RAW:
			if (strcmp(t->text, ".") == 0) {
				f.attr = NULL;
				f.first = g_ptr_array_index(stack, stack->len - 1);
			} else if (!lookup(stack, t->text, &f)) {
				break;
			}
			v = xmlNodeGetContent(f.attr != NULL ? (xmlNodePtr)f.attr : f.first);
			if (t->kind == TOK_VAR)
				aj_html_escape(out, (const char *)v, -1);
			else
				g_string_append(out, (const char *)v);
			xmlFree(v);
			break;
		case TOK_SECTION:
		case TOK_INVERTED: {
			gboolean found = lookup(stack, t->text, &f) && truthy(&f);
			if (t->kind == TOK_INVERTED) {
				if (!found && !render(set, l, i + 1, t->end, stack, out, depth, err))
					return FALSE;
			} else if (found && f.first == NULL) {
				if (!render(set, l, i + 1, t->end, stack, out, depth, err))
					return FALSE;
			} else if (found) {
				for (xmlNodePtr c = f.first; c != NULL; c = c->next) {
					gboolean ok;
					if (c->type != XML_ELEMENT_NODE ||
					    strcmp((const char *)c->name, t->text) != 0)
						continue;
					g_ptr_array_add(stack, c);
					ok = render(set, l, i + 1, t->end, stack, out, depth, err);
					g_ptr_array_set_size(stack, stack->len - 1);
					if (!ok)
						return FALSE;
				}
			}
			i = t->end; /* the closing tag's slot is the next text token */
			i--;
			break;
		}
		case TOK_PARTIAL: {
			char *file = g_strdup_printf("_%s.html", t->text);
			const Layout *p = g_hash_table_lookup(set->by_name, file);
			g_free(file);
			if (p == NULL) {
				g_set_error(err, AJ_ERROR, EX_DATAERR,
					    "%s: partial '%s' not found; add _%s.html to the layouts",
					    l->name, t->text, t->text);
				return FALSE;
			}
			if (!render(set, p, 0, p->toks->len, stack, out, depth + 1, err))
				return FALSE;
			break;
		}
		}
	}
	return TRUE;
}

gboolean aj_site_layouts_render(const AjSiteLayouts *layouts, const char *name, xmlNodePtr ctx,
				GString *out, GError **err)
{
	const Layout *l = g_hash_table_lookup(layouts->by_name, name);
	GPtrArray *stack;
	gboolean ok;

	if (l == NULL) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    "site layout %s is missing; reinstall the templates", name);
		return FALSE;
	}
	stack = g_ptr_array_new();
	g_ptr_array_add(stack, ctx);
	ok = render(layouts, l, 0, l->toks->len, stack, out, 0, err);
	g_ptr_array_free(stack, TRUE);
	return ok;
}
