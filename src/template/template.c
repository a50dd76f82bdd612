/* Filling a document template: YAML front matter + Markdown body, each a
 * Mustache template with its own escaper; see template.h. */
#include <string.h>

#include "template/escape.h"
#include "template/mustache.h"
#include "template/template.h"
#include "template/xml_ctx.h"
#include "util/error.h"

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
					    "%s: partial contains a NUL byte; save it as UTF-8 text",
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
	char *dir;          /* partials are looked up here */
	AjMTemplate *front; /* the front matter; NULL when none */
	AjMTemplate *body;
};

static char *render_part(const AjMTemplate *t, AjMEscape escape, const char *dir,
			 xmlNodePtr context, GError **err)
{
	AjXmlIndex *index = aj_xml_index_new();
	AjMRenderOpts opts = {
		.ops = &aj_xml_ctx_ops,
		.ops_user = index,
		.escape = escape,
		.load_partial = load_partial,
		.partial_user = (gpointer)dir,
		.strict_partials = TRUE,
	};
	char *out = aj_m_render(t, aj_xml_ctx_value(context), &opts, err);

	aj_xml_index_free(index);
	return out;
}

AjTemplate *aj_template_load(const char *path, GError **err)
{
	AjTemplate *t = g_new0(AjTemplate, 1);
	char *text = NULL;
	gsize len, fm_len;
	GError *ferr = NULL;
	int fm_lines;

	t->dir = g_path_get_dirname(path);
	if (!g_file_get_contents(path, &text, &len, &ferr)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT, "%s: cannot read the template (%s); check the "
			    "templates folder", path, ferr->message);
		g_error_free(ferr);
		goto fail;
	}
	if (memchr(text, '\0', len) || !g_utf8_validate(text, len, NULL)) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    "%s: the template is not UTF-8 text; save it as UTF-8", path);
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
	g_free(t->dir);
	g_free(t);
}

char *aj_template_render(const AjTemplate *t, xmlNodePtr context, GError **err)
{
	char *fm = NULL, *body, *result = NULL;

	if (t->front != NULL) {
		fm = render_part(t->front, aj_escape_yaml, t->dir, context, err);
		if (fm == NULL)
			return NULL;
	}
	body = render_part(t->body, aj_escape_markdown, t->dir, context, err);
	if (body != NULL)
		result = g_strconcat(fm ? fm : "", body, NULL);
	g_free(fm);
	g_free(body);
	return result;
}

char *aj_template_render_file(const char *path, xmlNodePtr context, GError **err)
{
	AjTemplate *t = aj_template_load(path, err);
	char *out = t != NULL ? aj_template_render(t, context, err) : NULL;

	aj_template_free(t);
	return out;
}
