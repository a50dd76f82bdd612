/* The site's layouts through the project's Mustache engine (template/),
 * with the XML context interface and HTML escaping.
 *
 * Partials (_NAME.html) that stand on a line of their own are spliced into
 * the layout text before it is parsed, so a layout is parsed once per build
 * however many pages use it; a partial used inside a line is loaded by the
 * engine from the same set. */
#include <string.h>

#include "html/escape.h"
#include "site/layout.h"
#include "template/mustache.h"
#include "template/xml_ctx.h"
#include "util/error.h"
#include "util/i18n.h"

#define MAX_SPLICE_DEPTH 8

struct AjSiteLayouts {
	GHashTable *sources; /* partial name (without _ and .html) → text */
	GHashTable *parsed;  /* layout file name → AjMTemplate * */
	char *digest;        /* SHA-256 of every file read, by name */
};

static void escape_html(GString *out, const char *s, gsize len)
{
	aj_html_escape(out, s, (gssize)len);
}

static char *load_partial(gpointer user, const char *name, char **origin, GError **err)
{
	const AjSiteLayouts *set = user;
	const char *text = g_hash_table_lookup(set->sources, name);

	if (text == NULL)
		return NULL;
	*origin = g_strdup_printf("_%s.html", name);
	return g_strdup(text);
}

/* Replaces every line that is only "{{>name}}" with the partial's text. */
static char *splice(const AjSiteLayouts *set, const char *text, int depth)
{
	GString *out = g_string_sized_new(strlen(text) + 1024);
	const char *p = text;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		gsize len = nl != NULL ? (gsize)(nl - p) : strlen(p);
		char *line = g_strndup(p, len);
		char *name = NULL;
		const char *partial = NULL;

		g_strstrip(line);
		if (g_str_has_prefix(line, "{{>") && g_str_has_suffix(line, "}}") &&
		    depth < MAX_SPLICE_DEPTH) {
			name = g_strstrip(g_strndup(line + 3, strlen(line) - 5));
			partial = g_hash_table_lookup(set->sources, name);
		}
		if (partial != NULL) {
			char *inner = splice(set, partial, depth + 1);
			g_string_append(out, inner);
			if (out->len > 0 && out->str[out->len - 1] != '\n')
				g_string_append_c(out, '\n');
			g_free(inner);
		} else {
			g_string_append_len(out, p, len);
			if (nl != NULL)
				g_string_append_c(out, '\n');
		}
		g_free(name);
		g_free(line);
		p += len + (nl != NULL ? 1 : 0);
	}
	return g_string_free(out, FALSE);
}

static int compare_str_ptr(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The digest of "name\0text" of every file, in name order. */
static char *digest(GPtrArray *files)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	char *hex;

	g_ptr_array_sort(files, compare_str_ptr);
	for (guint i = 0; i < files->len; i++) {
		const char *f = g_ptr_array_index(files, i);
		g_checksum_update(sum, (const guchar *)f, (gssize)strlen(f) + 1);
	}
	hex = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return hex;
}

static gboolean read_sources(AjSiteLayouts *set, const char *dir, GPtrArray *layouts,
			     GError **err)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	GPtrArray *files;
	const char *name;
	gboolean ok = TRUE;

	if (d == NULL) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: the site layouts are missing; pass --templates DIR with a site/ "
			    "directory or reinstall anjian"), dir);
		return FALSE;
	}
	files = g_ptr_array_new_with_free_func(g_free);
	while (ok && (name = g_dir_read_name(d)) != NULL) {
		char *path, *text = NULL;

		if (!g_str_has_suffix(name, ".html"))
			continue;
		path = g_build_filename(dir, name, NULL);
		if (!g_file_get_contents(path, &text, NULL, NULL)) {
			g_set_error(err, AJ_ERROR, EX_NOINPUT, _("%s: cannot read the layout"), path);
			ok = FALSE;
			g_free(path);
			continue;
		}
		g_ptr_array_add(files, g_strconcat(name, "\n", text, NULL));
		if (name[0] == '_') {
			g_hash_table_insert(set->sources, g_strndup(name + 1, strlen(name) - 6), text);
		} else {
			g_ptr_array_add(layouts, g_strdup(name));
			g_free(text);
		}
		g_free(path);
	}
	g_dir_close(d);
	set->digest = digest(files);
	g_ptr_array_unref(files);
	return ok;
}

/* Each partial parses on its own (errors with the partial's own lines). */
static gboolean check_partials(const AjSiteLayouts *set, const char *dir, GError **err)
{
	GHashTableIter it;
	gpointer name, text;

	g_hash_table_iter_init(&it, set->sources);
	while (g_hash_table_iter_next(&it, &name, &text)) {
		char *file = g_strdup_printf("_%s.html", (const char *)name);
		char *path = g_build_filename(dir, file, NULL);
		AjMTemplate *t = aj_m_parse(text, strlen(text), path, 1, err);
		g_free(file);
		g_free(path);
		if (t == NULL)
			return FALSE;
		aj_m_template_free(t);
	}
	return TRUE;
}

AjSiteLayouts *aj_site_layouts_load(const char *dir, GError **err)
{
	AjSiteLayouts *set = g_new0(AjSiteLayouts, 1);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);

	set->sources = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	set->parsed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					    (GDestroyNotify)aj_m_template_free);
	if (!read_sources(set, dir, names, err) || !check_partials(set, dir, err))
		goto fail;
	for (guint i = 0; i < names->len; i++) {
		const char *name = g_ptr_array_index(names, i);
		char *path = g_build_filename(dir, name, NULL);
		char *text = NULL, *full;
		AjMTemplate *t;

		g_file_get_contents(path, &text, NULL, NULL);
		/* parsed once as written, so an error names its true line */
		t = aj_m_parse(text != NULL ? text : "", text != NULL ? strlen(text) : 0, path, 1, err);
		if (t == NULL) {
			g_free(text);
			g_free(path);
			goto fail;
		}
		aj_m_template_free(t);
		full = splice(set, text != NULL ? text : "", 0);
		t = aj_m_parse(full, strlen(full), path, 1, err);
		g_free(full);
		g_free(text);
		g_free(path);
		if (t == NULL)
			goto fail;
		g_hash_table_insert(set->parsed, g_strdup(name), t);
	}
	g_ptr_array_free(names, TRUE);
	return set;
fail:
	g_ptr_array_free(names, TRUE);
	aj_site_layouts_free(set);
	return NULL;
}

void aj_site_layouts_free(AjSiteLayouts *layouts)
{
	if (layouts == NULL)
		return;
	g_hash_table_destroy(layouts->sources);
	g_hash_table_destroy(layouts->parsed);
	g_free(layouts->digest);
	g_free(layouts);
}

gboolean aj_site_layouts_render(const AjSiteLayouts *layouts, const char *name, xmlNodePtr ctx,
				GString *out, GError **err)
{
	const AjMTemplate *t = g_hash_table_lookup(layouts->parsed, name);
	AjMRenderOpts opts = {
		.ops = &aj_xml_ctx_ops,
		.escape = escape_html,
		.load_partial = load_partial,
		.partial_user = (gpointer)layouts,
		.strict_partials = TRUE,
	};
	char *text;

	if (t == NULL) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("site layout %s is missing; reinstall the templates"), name);
		return FALSE;
	}
	text = aj_m_render(t, aj_xml_ctx_value(ctx), &opts, err);
	if (text == NULL)
		return FALSE;
	g_string_append(out, text);
	g_free(text);
	return TRUE;
}

const char *aj_site_layouts_digest(const AjSiteLayouts *layouts)
{
	return layouts->digest;
}

gboolean aj_site_layouts_has(const AjSiteLayouts *layouts, const char *name)
{
	return g_hash_table_contains(layouts->parsed, name);
}
