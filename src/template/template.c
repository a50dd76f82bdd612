/* Filling a document template: YAML front matter + Markdown body, each a
 * Mustache template with its own escaper; see template.h. */
#include <string.h>

#include "template/escape.h"
#include "template/mustache.h"
#include "template/template.h"
#include "template/xml_ctx.h"
#include "util/error.h"
#include "util/i18n.h"

/* Partial names are plain words: a template must not reach files outside
 * its folder. */
static gboolean partial_name_ok(const char *name)
{
	const char *p;

	if (!*name)
		return FALSE;
	for (p = name; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_')
			return FALSE;
	return TRUE;
}

/* Partials live beside the template, or in partials/ beside it, as NAME.md. */
static char *load_partial(gpointer user, const char *name, char **origin, GError **err)
{
	const char *dir = user;
	char *file = g_strconcat(name, ".md", NULL);
	char *cands[2] = { g_build_filename(dir, "partials", file, NULL),
			   g_build_filename(dir, file, NULL) };
	char *text = NULL;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(cands) && !text && partial_name_ok(name); i++) {
		gsize len;

		if (g_file_get_contents(cands[i], &text, &len, NULL)) {
			if (memchr(text, '\0', len)) {
				g_set_error(err, AJ_ERROR, EX_DATAERR,
					    _("%s: partial contains a NUL byte; save it as UTF-8 text"),
					    cands[i]);
				g_clear_pointer(&text, g_free);
				break;
			}
			*origin = g_strdup(cands[i]);
		}
	}
	for (i = 0; i < G_N_ELEMENTS(cands); i++)
		g_free(cands[i]);
	g_free(file);
	return text;
}

/* Length of the front matter block ("---" line to closing "---" or "..."
 * line, both included), or 0 when the text has none. */
static gsize front_matter_len(const char *text, gsize len, int *lines)
{
	gsize p;

	*lines = 0;
	if (!(len >= 4 && strncmp(text, "---", 3) == 0 &&
	      (text[3] == '\n' || (text[3] == '\r' && len > 4 && text[4] == '\n'))))
		return 0;
	p = strchr(text, '\n') - text + 1;
	*lines = 1;
	while (p < len) {
		const char *nl = memchr(text + p, '\n', len - p);
		gsize end = nl ? (gsize)(nl - text) + 1 : len;
		gsize l = end - p;

		(*lines)++;
		while (l > 0 && (text[p + l - 1] == '\n' || text[p + l - 1] == '\r'))
			l--;
		if (l == 3 && (strncmp(text + p, "---", 3) == 0 || strncmp(text + p, "...", 3) == 0))
			return end;
		p = end;
	}
	*lines = 0;
	return 0;
}

struct AjTemplate {
	char *path;         /* for the messages of the name check */
	char *dir;          /* partials are looked up here */
	AjMTemplate *front; /* the front matter; NULL when none */
	AjMTemplate *body;
};

AjTemplate *aj_template_load(const char *path, GError **err)
{
	AjTemplate *t = g_new0(AjTemplate, 1);
	char *text = NULL;
	gsize len, fm_len;
	GError *ferr = NULL;
	int fm_lines;

	t->path = g_strdup(path);
	t->dir = g_path_get_dirname(path);
	if (!g_file_get_contents(path, &text, &len, &ferr)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT, _("%s: cannot read the template (%s); check "
			    "the templates folder"), path, ferr->message);
		g_error_free(ferr);
		goto fail;
	}
	if (memchr(text, '\0', len) || !g_utf8_validate(text, len, NULL)) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: the template is not UTF-8 text; save it as UTF-8"), path);
		goto fail;
	}
	fm_len = front_matter_len(text, len, &fm_lines);
	if (fm_len) {
		t->front = aj_m_parse(text, fm_len, path, 1, err);
		if (t->front == NULL)
			goto fail;
	}
	t->body = aj_m_parse(text + fm_len, len - fm_len, path, fm_lines + 1, err);
	if (t->body == NULL)
		goto fail;
	g_free(text);
	return t;
fail:
	g_free(text);
	aj_template_free(t);
	return NULL;
}

void aj_template_free(AjTemplate *t)
{
	if (t == NULL)
		return;
	aj_m_template_free(t->front);
	aj_m_template_free(t->body);
	g_free(t->path);
	g_free(t->dir);
	g_free(t);
}

/* Every name of part resolves against the specimen or the context. */
static gboolean check_part(const AjTemplate *t, const AjMTemplate *part, xmlNodePtr context,
			   xmlNodePtr specimen, GError **err)
{
	xmlChar *kind = xmlGetProp(specimen, BAD_CAST "kind");
	AjMValue roots[] = { aj_xml_ctx_value(specimen), aj_xml_ctx_value(context) };
	AjMCheckOpts check = {
		.ops = &aj_xml_ctx_ops,
		.roots = roots,
		.n_roots = G_N_ELEMENTS(roots),
		.what = kind != NULL ? (const char *)kind : "?",
		.load_partial = load_partial,
		.partial_user = (gpointer)t->dir,
	};
	gboolean ok = aj_m_check(part, &check, err);

	xmlFree(kind);
	return ok;
}

static char *render_part(const AjTemplate *t, const AjMTemplate *part, AjMEscape escape,
			 xmlNodePtr context, AjLineMap *origins, GError **err)
{
	AjXmlIndex *index = aj_xml_index_new();
	AjMRenderOpts opts = {
		.ops = &aj_xml_ctx_ops,
		.ops_user = index,
		.escape = escape,
		.load_partial = load_partial,
		.partial_user = (gpointer)t->dir,
		.strict_partials = TRUE,
		.line_map = origins,
	};
	char *out = aj_m_render(part, aj_xml_ctx_value(context), &opts, err);

	aj_xml_index_free(index);
	return out;
}

static guint count_lines(const char *s)
{
	guint n = 0;

	for (; (s = strchr(s, '\n')) != NULL; s++)
		n++;
	return n;
}

/* Fills t from context; with origins, notes the template line of each
 * line; with a specimen, checks the names first. */
static char *fill(const AjTemplate *t, xmlNodePtr context, xmlNodePtr specimen,
		  AjLineMap *origins, GError **err)
{
	char *fm = NULL, *body = NULL, *result = NULL;
	AjLineMap *body_origins = origins != NULL ? aj_line_map_new() : NULL;

	if (specimen != NULL && ((t->front != NULL && !check_part(t, t->front, context, specimen, err)) ||
				 !check_part(t, t->body, context, specimen, err)))
		goto out;
	if (t->front != NULL) {
		fm = render_part(t, t->front, aj_escape_yaml, context, origins, err);
		if (fm == NULL)
			goto out;
	}
	body = render_part(t, t->body, aj_escape_markdown, context, body_origins, err);
	if (body == NULL)
		goto out;
	if (origins != NULL)
		aj_line_map_append(origins, body_origins, fm != NULL ? count_lines(fm) : 0);
	result = g_strconcat(fm ? fm : "", body, NULL);
out:
	g_free(fm);
	g_free(body);
	if (body_origins != NULL)
		aj_line_map_free(body_origins);
	return result;
}

char *aj_template_render(const AjTemplate *t, xmlNodePtr context, GError **err)
{
	return fill(t, context, NULL, NULL, err);
}

gboolean aj_template_fill(const char *path, xmlNodePtr context, xmlNodePtr specimen,
			  AjFilled *out, GError **err)
{
	AjTemplate *t = aj_template_load(path, err);

	out->origins = aj_line_map_new();
	out->text = t != NULL ? fill(t, context, specimen, out->origins, err) : NULL;
	aj_template_free(t);
	if (out->text == NULL)
		g_clear_pointer(&out->origins, aj_line_map_free);
	return out->text != NULL;
}

void aj_filled_clear(AjFilled *f)
{
	g_clear_pointer(&f->text, g_free);
	g_clear_pointer(&f->origins, aj_line_map_free);
}

char *aj_template_render_file(const char *path, xmlNodePtr context, GError **err)
{
	AjFilled f;
	char *text;

	if (!aj_template_fill(path, context, NULL, &f, err))
		return NULL;
	text = f.text;
	f.text = NULL;
	aj_filled_clear(&f);
	return text;
}
